//! `lanyard render [--page] POST [--workspace DIR]`: the post's HTML body on stdout, or with
//! `--page` the whole page Jekyll writes (layouts, includes, theme). Problems the render found
//! (a broken `post_url`, a missing image, a plugin tag a layout uses) are listed on stderr;
//! they do not change the exit code. A file that cannot be read or parsed, a theme that is not
//! installed, or a render that runs out of a budget (Liquid output, loops, nesting; YAML
//! aliases) does (2), and nothing goes to stdout.

use std::io::Write;
use std::path::PathBuf;

use lanyard::site::gate::FileKind;
use lanyard::theme::{render_page, SiteTheme};
use lanyard::{Error, Result};

use super::workspace_arg::open_workspace;
use super::EXIT_OK;

/// Arguments of `lanyard render`.
#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// The post file (Markdown with optional front matter).
    pub post: PathBuf,
    /// Print the whole page (the post in its layouts and theme), not just the body.
    #[arg(long)]
    pub page: bool,
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
    let (html, rendered, page_problems) = if args.page {
        let theme = SiteTheme::for_workspace(&workspace)?;
        let text = workspace.gate().read_text(&args.post, FileKind::Post)?;
        let page = render_page(&workspace, &theme, &args.post, &text)?;
        let body = page.body.complete(&args.post)?;
        (page.html, body, page.problems)
    } else {
        let rendered = workspace.render_file(&args.post)?.complete(&args.post)?;
        (rendered.html.clone(), rendered, Vec::new())
    };
    let mut out = std::io::stdout().lock();
    out.write_all(html.as_bytes())
        .map_err(|e| Error::io("<stdout>", e))?;
    out.flush().map_err(|e| Error::io("<stdout>", e))?;
    let shown = workspace.rel_path(&args.post);
    for problem in &rendered.problems {
        eprintln!("{shown}:{}: {}", problem.line, problem.message);
    }
    for problem in page_problems {
        eprintln!("{problem}");
    }
    Ok(EXIT_OK)
}
