//! The start-up timeline: when each step of a cold start happened (process start, Tauri setup,
//! window built, page loaded, blog opened, post read, first render), as wall-clock milliseconds
//! since the Unix epoch so that the UI's own marks (`performance.timeOrigin + now()`) and a
//! benchmark driving the app from outside (`scripts/bench-desktop.mjs start`) line up with them.
//!
//! Only the first occurrence of a step is kept: the timeline describes the start, not later
//! re-opens. It is a handful of entries, recorded once, so it costs nothing to keep always on.

use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::Serialize;
use ts_rs::TS;

/// One step of the start, as the UI and the benchmark read it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct StartupMark {
    /// What happened (`main`, `setup`, `window`, `page loaded`, `blog opened`...).
    pub name: String,
    /// When, in milliseconds since the Unix epoch.
    pub at_ms: f64,
}

/// The steps recorded so far, in the order they happened.
static MARKS: Mutex<Vec<StartupMark>> = Mutex::new(Vec::new());

/// Upper bound on the steps kept, so a mark called in a loop by mistake never grows memory.
const MAX_MARKS: usize = 64;

/// Milliseconds since the Unix epoch, now (0 if the clock is before 1970).
fn now_ms() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or(0.0)
}

/// Records that `name` happened now, unless it was already recorded.
pub fn mark(name: &str) {
    record(
        &mut MARKS.lock().unwrap_or_else(|e| e.into_inner()),
        name,
        now_ms(),
    );
}

/// Adds `name` at `at_ms` to `marks` when it is new and there is room.
fn record(marks: &mut Vec<StartupMark>, name: &str, at_ms: f64) {
    if marks.len() < MAX_MARKS && !marks.iter().any(|m| m.name == name) {
        marks.push(StartupMark {
            name: name.to_string(),
            at_ms,
        });
    }
}

/// The shell's start-up timeline, for the UI to merge with its own marks.
#[tauri::command]
pub fn startup_marks() -> Vec<StartupMark> {
    MARKS.lock().unwrap_or_else(|e| e.into_inner()).clone()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ipc_types::bindings::{assert_bindings_up_to_date, binding};

    #[test]
    fn keeps_the_first_occurrence_of_each_step_in_order() {
        let mut marks = Vec::new();
        record(&mut marks, "main", 1.0);
        record(&mut marks, "setup", 2.0);
        record(&mut marks, "main", 3.0);
        let names: Vec<_> = marks.iter().map(|m| (m.name.as_str(), m.at_ms)).collect();
        assert_eq!(names, [("main", 1.0), ("setup", 2.0)]);
    }

    #[test]
    fn stops_growing_at_the_bound() {
        let mut marks = Vec::new();
        for i in 0..(MAX_MARKS + 10) {
            record(&mut marks, &format!("step {i}"), i as f64);
        }
        assert_eq!(marks.len(), MAX_MARKS);
    }

    #[test]
    fn marks_are_wall_clock_milliseconds() {
        // After 2020-01-01 in ms: the UI adds performance.timeOrigin, also epoch ms.
        assert!(now_ms() > 1_577_836_800_000.0);
    }

    #[test]
    fn startup_bindings_are_up_to_date() {
        assert_bindings_up_to_date(&[binding::<StartupMark>]);
    }
}
