//! The `lanyard` command line: the core's face (see README "CLI").
//!
//! Exit codes: 0 ok, 1 problems found, 2 bad usage or unreadable input. Errors go to stderr,
//! one line each, naming the file.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
