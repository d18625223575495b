//! `lanyard sass PATH [--workspace DIR]`: the CSS Jekyll writes for the Sass page PATH
//! (site-relative: `assets/css/style.scss`, or the `.css` it writes; a page only the theme
//! provides, like minima's `assets/main.scss`, is found in the theme). A page that is missing
//! or does not compile is exit 2, naming the file.

use std::io::Write;
use std::path::PathBuf;

use lanyard::theme::{compile_sass_page, SiteTheme};
use lanyard::{Error, Result};

use super::workspace_arg::open_workspace;
use super::EXIT_OK;

/// Arguments of `lanyard sass`.
#[derive(Debug, clap::Args)]
pub struct SassArgs {
    /// The Sass page, relative to the site root (`assets/main.scss` or `assets/main.css`).
    pub path: String,
    /// The site root (default: the current directory).
    #[arg(long, value_name = "DIR")]
    pub workspace: Option<PathBuf>,
}

/// Runs `lanyard sass`.
pub fn run(args: &SassArgs) -> Result<u8> {
    let workspace = open_workspace(args.workspace.as_deref(), None)?;
    let theme = SiteTheme::for_workspace(&workspace)?;
    let css = compile_sass_page(&workspace, &theme, &args.path, None)?;
    let mut out = std::io::stdout().lock();
    out.write_all(css.as_bytes())
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush())
        .map_err(|e| Error::io("<stdout>", e))?;
    Ok(EXIT_OK)
}
