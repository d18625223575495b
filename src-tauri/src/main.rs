//! `lanyard-desktop [DIR]`: opens DIR, else the last workspace, else the demo blog.

// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    lanyard_desktop::startup_trace::mark("main");
    let mut args = std::env::args_os().skip(1);
    let dir = args.next().map(PathBuf::from);
    if args.next().is_some()
        || dir
            .as_ref()
            .is_some_and(|d| d.to_string_lossy().starts_with('-'))
    {
        eprintln!("usage: lanyard-desktop [DIR]");
        return ExitCode::from(2);
    }
    match lanyard_desktop::run(dir) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lanyard-desktop: {e}");
            ExitCode::FAILURE
        }
    }
}
