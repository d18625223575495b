//! The memory budget of a batch: each photo reserves the bytes its decode will hold (known
//! from its header) before decoding, and waits while the others hold too much, so a batch of
//! huge photos runs them one at a time instead of failing an allocation. Only the batch's own
//! worker threads wait here, never rayon's pool (whose threads the photos' resizing uses), so
//! a photo holding a reservation always finishes and frees it.

use std::sync::{Condvar, Mutex, PoisonError};

/// Bytes a batch may hold in decoded photos at once.
#[derive(Debug)]
pub(crate) struct MemoryBudget {
    total: u64,
    free: Mutex<u64>,
    freed: Condvar,
}

/// A reservation; the bytes go back to the budget when it is dropped.
#[derive(Debug)]
pub(crate) struct Reservation<'a> {
    budget: &'a MemoryBudget,
    bytes: u64,
}

impl MemoryBudget {
    /// A budget of `total` bytes, all free.
    pub(crate) fn new(total: u64) -> Self {
        MemoryBudget {
            total,
            free: Mutex::new(total),
            freed: Condvar::new(),
        }
    }

    /// Waits until `bytes` are free and takes them. A request over the whole budget takes the
    /// whole budget (it then runs alone); the caller has already refused photos over the
    /// per-photo limit.
    pub(crate) fn reserve(&self, bytes: u64) -> Reservation<'_> {
        let bytes = bytes.min(self.total);
        let mut free = self.free.lock().unwrap_or_else(PoisonError::into_inner);
        while *free < bytes {
            free = self
                .freed
                .wait(free)
                .unwrap_or_else(PoisonError::into_inner);
        }
        *free -= bytes;
        Reservation {
            budget: self,
            bytes,
        }
    }

    /// Bytes free right now.
    #[cfg(test)]
    pub(crate) fn free(&self) -> u64 {
        *self.free.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Drop for Reservation<'_> {
    fn drop(&mut self) {
        let mut free = self
            .budget
            .free
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        *free += self.bytes;
        self.budget.freed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU64, Ordering};

    #[test]
    fn reservations_never_exceed_the_budget_and_all_come_back() {
        let budget = MemoryBudget::new(100);
        let held = AtomicU64::new(0);
        let peak = AtomicU64::new(0);
        std::thread::scope(|s| {
            for bytes in [60u64, 50, 40, 70, 30, 90] {
                let (budget, held, peak) = (&budget, &held, &peak);
                s.spawn(move || {
                    let _r = budget.reserve(bytes);
                    let now = held.fetch_add(bytes, Ordering::SeqCst) + bytes;
                    peak.fetch_max(now, Ordering::SeqCst);
                    std::thread::yield_now();
                    held.fetch_sub(bytes, Ordering::SeqCst);
                });
            }
        });
        assert!(peak.load(Ordering::SeqCst) <= 100);
        assert_eq!(budget.free(), 100);
    }

    #[test]
    fn a_request_over_the_budget_takes_all_of_it() {
        let budget = MemoryBudget::new(10);
        let r = budget.reserve(1000);
        assert_eq!(budget.free(), 0);
        drop(r);
        assert_eq!(budget.free(), 10);
    }
}
