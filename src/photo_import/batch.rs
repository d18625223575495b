//! A batch of photos on all cores (rayon), as a drop of several photos runs: results in the
//! order of the jobs, a progress callback after each photo, and a cancel flag checked before
//! each photo starts and again before it is written (so a cancelled photo leaves nothing).

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;

use super::{
    check_settings, prepare_photo, store_prepared, ImportSettings, ImportTarget, ImportedPhoto,
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

/// Imports `jobs` in parallel on rayon's pool and returns one result per job, in order.
///
/// `on_progress` is called once per photo as it finishes (from worker threads, hence
/// `Sync`); a UI turns `done / total` into its progress bar. Setting `cancel` stops the batch:
/// photos not yet written end with [`PhotoError::Cancelled`] and leave no file. A failed photo
/// never stops the others.
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
    jobs.par_iter()
        .enumerate()
        .map(|(index, job)| {
            let result = import_one(job, target, settings, cancel);
            on_progress(ImportProgress {
                done: done.fetch_add(1, Ordering::SeqCst) + 1,
                total: jobs.len(),
                index,
                source: &job.source,
                result: &result,
            });
            result
        })
        .collect()
}

fn import_one(
    job: &PhotoJob,
    target: &ImportTarget,
    settings: &ImportSettings,
    cancel: &AtomicBool,
) -> Result<ImportedPhoto, PhotoError> {
    let cancelled = || PhotoError::Cancelled {
        path: job.source.clone(),
    };
    if cancel.load(Ordering::SeqCst) {
        return Err(cancelled());
    }
    check_settings(&job.source, settings)?;
    let prepared = prepare_photo(&job.source, settings)?;
    if cancel.load(Ordering::SeqCst) {
        return Err(cancelled());
    }
    store_prepared(job, target, settings, prepared)
}
