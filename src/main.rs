//! The `lanyard` command line: the core's face (see README "CLI").

fn main() {
    std::process::exit(2);
}
