//! The preview's render worker: one dedicated thread renders, off the async runtime and off the
//! UI thread, so a slow or failed render never freezes typing.
//!
//! At most one render is in flight. A request made while one runs waits in a single slot; a
//! newer request takes the slot over (the older one is answered [`Outcome::Superseded`]), so
//! requests coalesce instead of piling up behind a render that never returns. Each caller waits
//! at most its deadline and is then answered [`Outcome::TimedOut`]; the render goes on in the
//! background and the next request runs as soon as it is done.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

/// How long the preview waits for a render before saying it takes too long.
pub const RENDER_DEADLINE: Duration = Duration::from_secs(5);

/// How a request ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome<T> {
    /// The render ran and returned this.
    Done(T),
    /// Not done within the deadline (it may still finish, unseen).
    TimedOut,
    /// A newer request took its place before it started.
    Superseded,
    /// The render panicked (the worker goes on with the next one).
    Panicked,
}

type Job<T> = Box<dyn FnOnce() -> T + Send>;

/// The waiting request, if any, and whether the worker is shutting down.
struct Slot<T> {
    pending: Option<(Job<T>, mpsc::Sender<Outcome<T>>)>,
    closed: bool,
}

type Shared<T> = Arc<(Mutex<Slot<T>>, Condvar)>;

/// A worker thread that runs the latest job given to it.
pub struct RenderWorker<T: Send + 'static> {
    shared: Shared<T>,
}

impl<T: Send + 'static> RenderWorker<T> {
    /// Starts the worker's thread.
    pub fn start() -> std::io::Result<Self> {
        let shared: Shared<T> = Arc::new((
            Mutex::new(Slot {
                pending: None,
                closed: false,
            }),
            Condvar::new(),
        ));
        let worker_side = Arc::clone(&shared);
        std::thread::Builder::new()
            .name("lanyard-render".into())
            .spawn(move || work(&worker_side))?;
        Ok(RenderWorker { shared })
    }

    /// Runs `job` on the worker (after the render in flight, if any) and waits for it at most
    /// `deadline`. Blocks the calling thread: call it from a blocking pool thread.
    pub fn run(&self, job: impl FnOnce() -> T + Send + 'static, deadline: Duration) -> Outcome<T> {
        let (tx, rx) = mpsc::channel();
        {
            let (lock, ready) = &*self.shared;
            let Ok(mut slot) = lock.lock() else {
                return Outcome::Panicked;
            };
            if let Some((_, older)) = slot.pending.replace((Box::new(job), tx)) {
                let _ = older.send(Outcome::Superseded);
            }
            ready.notify_one();
        }
        match rx.recv_timeout(deadline) {
            Ok(outcome) => outcome,
            Err(mpsc::RecvTimeoutError::Timeout) => Outcome::TimedOut,
            Err(mpsc::RecvTimeoutError::Disconnected) => Outcome::Panicked,
        }
    }
}

impl<T: Send + 'static> Drop for RenderWorker<T> {
    fn drop(&mut self) {
        let (lock, ready) = &*self.shared;
        if let Ok(mut slot) = lock.lock() {
            slot.closed = true;
            ready.notify_one();
        }
    }
}

/// The worker's loop: take the waiting job, run it, answer, until closed.
fn work<T>(shared: &Shared<T>) {
    let (lock, ready) = &**shared;
    loop {
        let next = {
            let Ok(mut slot) = lock.lock() else { return };
            while slot.pending.is_none() && !slot.closed {
                slot = match ready.wait(slot) {
                    Ok(slot) => slot,
                    Err(_) => return,
                };
            }
            slot.pending.take()
        };
        let Some((job, reply)) = next else { return };
        let outcome = catch_unwind(AssertUnwindSafe(job)).map_or(Outcome::Panicked, Outcome::Done);
        // The caller may have stopped waiting (deadline): nobody to tell, which is fine.
        let _ = reply.send(outcome);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::channel;

    const LONG: Duration = Duration::from_secs(30);

    #[test]
    fn returns_what_the_job_returns() {
        let worker = RenderWorker::start().expect("start");
        assert_eq!(worker.run(|| 42, LONG), Outcome::Done(42));
    }

    #[test]
    fn a_render_that_never_returns_times_out_and_later_requests_coalesce() {
        let worker = Arc::new(RenderWorker::start().expect("start"));
        // The first job blocks until released: a render stuck in a Liquid loop.
        let (release, stuck) = channel::<()>();
        let (started_tx, started) = channel::<()>();
        let first = {
            let worker = Arc::clone(&worker);
            std::thread::spawn(move || {
                worker.run(
                    move || {
                        let _ = started_tx.send(());
                        let _ = stuck.recv();
                        1
                    },
                    Duration::from_millis(50),
                )
            })
        };
        started.recv().expect("the first job started");
        assert_eq!(first.join().expect("join"), Outcome::TimedOut);
        // Two more requests while it is stuck: the older one is superseded without running.
        let ran = Arc::new(Mutex::new(Vec::new()));
        let second = {
            let (worker, ran) = (Arc::clone(&worker), Arc::clone(&ran));
            std::thread::spawn(move || {
                worker.run(
                    move || ran.lock().map(|mut r| r.push(2)).map(|_| 2).unwrap_or(0),
                    LONG,
                )
            })
        };
        // Wait until the second request sits in the slot before the third one comes.
        while worker
            .shared
            .0
            .lock()
            .map(|s| s.pending.is_none())
            .unwrap_or(true)
        {
            std::thread::yield_now();
        }
        let third = {
            let (worker, ran) = (Arc::clone(&worker), Arc::clone(&ran));
            std::thread::spawn(move || {
                worker.run(
                    move || ran.lock().map(|mut r| r.push(3)).map(|_| 3).unwrap_or(0),
                    LONG,
                )
            })
        };
        assert_eq!(second.join().expect("join"), Outcome::Superseded);
        release.send(()).expect("release the stuck job");
        assert_eq!(third.join().expect("join"), Outcome::Done(3));
        assert_eq!(
            *ran.lock().expect("lock"),
            vec![3],
            "only the latest request ran"
        );
    }

    #[test]
    fn a_panicking_render_is_reported_and_the_worker_goes_on() {
        let worker = RenderWorker::start().expect("start");
        assert_eq!(
            worker.run(|| panic!("render bug"), LONG),
            Outcome::<u8>::Panicked
        );
        assert_eq!(worker.run(|| 7, LONG), Outcome::Done(7));
    }
}
