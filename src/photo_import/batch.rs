//! A batch of photos on all cores, as a drop of several photos runs: results in the order of
//! the jobs, a progress callback after each photo, and a cancel flag checked before each
//! photo starts and again before it is written (so a cancelled photo leaves nothing).
//!
//! One worker thread per core takes the next photo; each photo reserves its decode's bytes
//! from the batch's [`MemoryBudget`] before decoding, so three 16-bit 10 000 x 10 000 PNGs run
//! one after the other instead of failing an allocation together. The workers are our own
//! threads, not rayon's: they may wait on the budget, and rayon's pool (which the resize and
//! orientation steps use) must never wait on a photo that itself waits for rayon.

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

use super::budget::MemoryBudget;
use super::{
    check_settings, prepare_within, store_prepared, ImportSettings, ImportTarget, ImportedPhoto,
    PhotoError, PhotoJob,
};

/// Reported after each photo of a batch, from the worker thread that did it.
#[derive(Debug)]
pub struct ImportProgress<'a> {
    /// Photos finished so far (this one included), in any order.
    pub done: usize,
    /// Photos in the batch.
    pub total: usize,
    /// Index of this photo in the jobs.
    pub index: usize,
    /// The photo's file.
    pub source: &'a Path,
    /// What happened to it.
    pub result: &'a Result<ImportedPhoto, PhotoError>,
}

/// Imports `jobs` in parallel and returns one result per job, in order.
///
/// `on_progress` is called once per photo as it finishes (from worker threads, hence
/// `Sync`); a UI turns `done / total` into its progress bar. Setting `cancel` stops the batch:
/// photos not yet written end with [`PhotoError::Cancelled`] and leave no file. A failed photo
/// never stops the others. At most [`ImportSettings::batch_memory_bytes`] of decoded photos
/// are held at once.
///
/// Two different photos given the same name in one batch both land (one with a `-2` suffix);
/// which one gets the suffix depends on which finishes first.
pub fn import_photos(
    jobs: &[PhotoJob],
    target: &ImportTarget,
    settings: &ImportSettings,
    on_progress: &(dyn Fn(ImportProgress<'_>) + Sync),
    cancel: &AtomicBool,
) -> Vec<Result<ImportedPhoto, PhotoError>> {
    let done = AtomicUsize::new(0);
    let next = AtomicUsize::new(0);
    let budget = MemoryBudget::new(settings.batch_memory_bytes.max(settings.max_decode_bytes));
    let results: Vec<Mutex<Option<Result<ImportedPhoto, PhotoError>>>> =
        jobs.iter().map(|_| Mutex::new(None)).collect();
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(jobs.len());
    let work = || loop {
        let index = next.fetch_add(1, Ordering::SeqCst);
        let Some(job) = jobs.get(index) else {
            break;
        };
        let result = import_one(job, target, settings, cancel, &budget);
        on_progress(ImportProgress {
            done: done.fetch_add(1, Ordering::SeqCst) + 1,
            total: jobs.len(),
            index,
            source: &job.source,
            result: &result,
        });
        *results[index]
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Some(result);
    };
    std::thread::scope(|scope| {
        for _ in 1..workers {
            scope.spawn(work);
        }
        work();
    });
    jobs.iter()
        .zip(results)
        .map(|(job, slot)| {
            let result = slot.into_inner().unwrap_or_else(PoisonError::into_inner);
            // Every slot is filled once the workers are done (a panic would have ended the scope).
            result.unwrap_or_else(|| {
                Err(PhotoError::convert(
                    &job.source,
                    "the import stopped unexpectedly",
                ))
            })
        })
        .collect()
}

fn import_one(
    job: &PhotoJob,
    target: &ImportTarget,
    settings: &ImportSettings,
    cancel: &AtomicBool,
    budget: &MemoryBudget,
) -> Result<ImportedPhoto, PhotoError> {
    let cancelled = || PhotoError::Cancelled {
        path: job.source.clone(),
    };
    if cancel.load(Ordering::SeqCst) {
        return Err(cancelled());
    }
    check_settings(&job.source, settings)?;
    let prepared = prepare_within(&job.source, settings, budget)?;
    if cancel.load(Ordering::SeqCst) {
        return Err(cancelled());
    }
    store_prepared(job, target, settings, prepared)
}
