//! `lanyard check [--workspace DIR] [--json]`: one `file:line: severity: message` per finding
//! on stdout (or a JSON document), exit 1 when there is an error, 0 with only warnings.

use std::io::Write;
use std::path::PathBuf;

use lanyard::check::{check, Finding, Severity};
use lanyard::{Error, Result};

use super::workspace_arg::open_workspace;
use super::{EXIT_OK, EXIT_PROBLEMS};

/// Arguments of `lanyard check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The site root (default: the current directory).
    #[arg(long, value_name = "DIR")]
    pub workspace: Option<PathBuf>,
    /// Print `{"errors": N, "warnings": N, "findings": [...]}` instead of lines.
    #[arg(long)]
    pub json: bool,
}

/// The `--json` document.
#[derive(serde::Serialize)]
struct Report<'a> {
    errors: usize,
    warnings: usize,
    findings: &'a [Finding],
}

/// Runs `lanyard check`.
pub fn run(args: &CheckArgs) -> Result<u8> {
    let workspace = open_workspace(args.workspace.as_deref(), None)?;
    let findings = check(&workspace);
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let report = Report {
        errors,
        warnings: findings.len() - errors,
        findings: &findings,
    };
    let mut out = std::io::stdout().lock();
    let written = if args.json {
        serde_json::to_writer_pretty(&mut out, &report)
            .map_err(std::io::Error::from)
            .and_then(|_| writeln!(out))
    } else {
        findings.iter().try_for_each(|f| writeln!(out, "{f}"))
    };
    written.map_err(|e| Error::io("<stdout>", e))?;
    Ok(if errors > 0 { EXIT_PROBLEMS } else { EXIT_OK })
}
