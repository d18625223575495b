//! `lanyard fm get|set|unset POST KEY [YAML_VALUE]`: one front matter key, on any file with
//! front matter (inside a blog or not).
//!
//! - `get` prints the value as YAML that reads back as the value Jekyll reads; exit 1 when
//!   the key is absent (nothing printed), like `git config --get`.
//! - `set` writes YAML_VALUE (YAML text: `"Jour 1: keynotes"`, `[a, b]`, `''` for null)
//!   changing only that key's lines; a new key goes at the end of the block.
//! - `unset` removes the key's lines; an absent key is not an error (exit 0, nothing written).
//!
//! Front matter that does not parse, an invalid value or key: exit 2, `file:line: message`
//! on stderr, and the file is not written. Writes are atomic.

use std::io::Write;
use std::path::PathBuf;

use lanyard::front_matter::edit::{get_key_in_file, set_key_in_file, unset_key_in_file};
use lanyard::front_matter::value_to_yaml;
use lanyard::{Error, Result};

use super::{EXIT_OK, EXIT_PROBLEMS};

/// Arguments of `lanyard fm`.
#[derive(Debug, clap::Args)]
pub struct FmArgs {
    #[command(subcommand)]
    command: FmCommand,
}

/// The `fm` subcommands.
#[derive(Debug, clap::Subcommand)]
enum FmCommand {
    /// Print KEY's value as YAML (exit 1 when the key is absent).
    Get {
        /// The post (any file with front matter).
        post: PathBuf,
        /// A top-level key.
        key: String,
    },
    /// Set KEY to YAML_VALUE, changing only that key's lines.
    Set {
        /// The post (any file with front matter).
        post: PathBuf,
        /// A top-level key.
        key: String,
        /// The value, as YAML text (quote it for the shell).
        #[arg(allow_hyphen_values = true)]
        value: String,
    },
    /// Remove KEY's lines (nothing happens when it is absent).
    Unset {
        /// The post (any file with front matter).
        post: PathBuf,
        /// A top-level key.
        key: String,
    },
}

/// Runs `lanyard fm`.
pub fn run(args: &FmArgs) -> Result<u8> {
    match &args.command {
        FmCommand::Get { post, key } => match get_key_in_file(post, key)? {
            Some(value) => {
                let mut out = std::io::stdout().lock();
                writeln!(out, "{}", value_to_yaml(&value)).map_err(|e| Error::io("<stdout>", e))?;
                Ok(EXIT_OK)
            }
            None => {
                eprintln!("{}: no key `{key}` in the front matter", post.display());
                Ok(EXIT_PROBLEMS)
            }
        },
        FmCommand::Set { post, key, value } => {
            set_key_in_file(post, key, value)?;
            Ok(EXIT_OK)
        }
        FmCommand::Unset { post, key } => {
            unset_key_in_file(post, key)?;
            Ok(EXIT_OK)
        }
    }
}
