//! Where the real-blog corpus is, for the corpus tests. `LANYARD_CORPUS` names a folder of
//! Jekyll blogs (`make test-corpus` sets it). A developer without the corpus gets the test
//! skipped with a note; under `CI=true` a missing corpus fails the test, so CI can never pass
//! a corpus test that did not run.

#![allow(dead_code)]

use std::ffi::OsString;
use std::path::PathBuf;

/// What a corpus test does, decided from `LANYARD_CORPUS` and `CI`.
#[derive(Debug, PartialEq, Eq)]
pub enum CorpusRun {
    /// Run on the blogs under this folder.
    Run(PathBuf),
    /// Skip: no corpus on a developer's machine.
    Skip,
    /// Fail with this message: CI without a corpus, or a corpus path that is no folder.
    Fail(String),
}

/// The decision for `corpus` (the value of `LANYARD_CORPUS`) and `ci` (of `CI`).
pub fn corpus_run(corpus: Option<OsString>, ci: Option<OsString>) -> CorpusRun {
    let in_ci = ci.is_some_and(|v| v == "true" || v == "1");
    match corpus.map(PathBuf::from) {
        Some(root) if root.is_dir() => CorpusRun::Run(root),
        Some(root) => CorpusRun::Fail(format!("LANYARD_CORPUS={} is not a folder", root.display())),
        None if in_ci => CorpusRun::Fail(
            "LANYARD_CORPUS is not set and CI=true: the corpus tests must run in CI".into(),
        ),
        None => CorpusRun::Skip,
    }
}

/// The corpus folder for the test `test`: `None` (with a note) when it is skipped; panics
/// when it must fail.
pub fn corpus_root(test: &str) -> Option<PathBuf> {
    match corpus_run(std::env::var_os("LANYARD_CORPUS"), std::env::var_os("CI")) {
        CorpusRun::Run(root) => Some(root),
        CorpusRun::Skip => {
            eprintln!("LANYARD_CORPUS not set: {test} skipped");
            None
        }
        CorpusRun::Fail(message) => panic!("{test}: {message}"),
    }
}

#[test]
fn fails_in_ci_without_a_corpus_and_skips_elsewhere() {
    let ci = Some(OsString::from("true"));
    assert!(matches!(corpus_run(None, ci.clone()), CorpusRun::Fail(_)));
    assert!(matches!(
        corpus_run(None, Some(OsString::from("1"))),
        CorpusRun::Fail(_)
    ));
    assert_eq!(corpus_run(None, None), CorpusRun::Skip);
    assert_eq!(
        corpus_run(None, Some(OsString::from("false"))),
        CorpusRun::Skip
    );
    let missing = Some(OsString::from("/nonexistent/corpus"));
    assert!(matches!(corpus_run(missing, None), CorpusRun::Fail(_)));
    let here = std::env::temp_dir();
    assert_eq!(
        corpus_run(Some(here.clone().into_os_string()), ci),
        CorpusRun::Run(here)
    );
}
