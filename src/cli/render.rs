//! `lanyard render POST [--workspace DIR]`: the post's HTML body on stdout. Problems the render
//! found (a broken `post_url`, a missing image) are listed on stderr; they do not change the
//! exit code, a file that cannot be read or parsed, or that runs out of a rendering budget
//! (Liquid output, loops, nesting; YAML aliases), does (2), and nothing goes to stdout.

use std::io::Write;
use std::path::PathBuf;

use lanyard::{Error, Result};

use super::workspace_arg::open_workspace;
use super::EXIT_OK;

/// Arguments of `lanyard render`.
#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// The post file (Markdown with optional front matter).
    pub post: PathBuf,
    /// The site root (default: the site holding POST, else the current directory).
    #[arg(long, value_name = "DIR")]
    pub workspace: Option<PathBuf>,
}

/// Runs `lanyard render`.
pub fn run(args: &RenderArgs) -> Result<u8> {
    if !args.post.is_file() {
        let source = std::fs::metadata(&args.post)
            .err()
            .unwrap_or_else(|| std::io::Error::other("is not a file"));
        return Err(Error::io(&args.post, source));
    }
    let workspace = open_workspace(args.workspace.as_deref(), Some(&args.post))?;
    let rendered = workspace.render_file(&args.post)?.complete(&args.post)?;
    let mut out = std::io::stdout().lock();
    out.write_all(rendered.html.as_bytes())
        .map_err(|e| Error::io("<stdout>", e))?;
    out.flush().map_err(|e| Error::io("<stdout>", e))?;
    let shown = workspace.rel_path(&args.post);
    for problem in &rendered.problems {
        eprintln!("{shown}:{}: {}", problem.line, problem.message);
    }
    Ok(EXIT_OK)
}
