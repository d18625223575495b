//! `lanyard photos import --post POST FILE...`: imports photos into the blog of POST (oriented,
//! sRGB, stripped, resized, named by date) and prints one markdown image line per photo on
//! stdout, in the order given. A photo that fails prints `file: reason` on stderr and the
//! others go on. Exit 0 when all were imported, 1 when some failed, 2 for bad usage or an
//! unreadable post. The post itself is never changed. The blog's `lanyard: images:` settings
//! apply (format, quality, widths, markup: several widths print the HTML line); the options
//! override them.

use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use lanyard::photo_import::post::post_date;
use lanyard::photo_import::{
    import_photos, ImageMarkup, ImportSettings, ImportTarget, OutputFormat, PhotoJob,
};
use lanyard::site::SiteConfig;
use lanyard::{fs_util, Error, Result};

use super::workspace_arg::workspace_dir;
use super::{EXIT_OK, EXIT_PROBLEMS};

/// Arguments of `lanyard photos`.
#[derive(Debug, clap::Args)]
pub struct PhotosArgs {
    #[command(subcommand)]
    command: PhotosCommand,
}

#[derive(Debug, clap::Subcommand)]
enum PhotosCommand {
    /// Import photos into the post's blog and print their markdown image lines.
    Import(ImportArgs),
}

/// Arguments of `lanyard photos import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The post the photos are for: gives the blog folder and the date for photos without one.
    #[arg(long, value_name = "POST")]
    pub post: PathBuf,
    /// The site root (default: the site holding POST, else the current directory).
    #[arg(long, value_name = "DIR")]
    pub workspace: Option<PathBuf>,
    /// Longest edge of the imported photos, in pixels (never scaled up; default 1600). One
    /// file: the blog's `widths` are not used.
    #[arg(long, value_name = "PX")]
    pub long_edge: Option<u32>,
    /// Quality, 1-100 (default: the blog's, else 82 JPEG, 80 WebP, 60 AVIF).
    #[arg(long, value_name = "Q", value_parser = clap::value_parser!(u8).range(1..=100))]
    pub quality: Option<u8>,
    /// Format of photos (default: the blog's, else JPEG); screenshots stay PNG.
    #[arg(long, value_name = "FORMAT", value_parser = ["jpeg", "webp", "avif"])]
    pub format: Option<String>,
    /// Write progressive JPEGs (smaller, slower) instead of baseline ones.
    #[arg(long)]
    pub progressive: bool,
    /// The photos: JPEG, PNG or WebP.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// Runs `lanyard photos ...`.
pub fn run(args: &PhotosArgs) -> Result<u8> {
    match &args.command {
        PhotosCommand::Import(import) => run_import(import),
    }
}

fn run_import(args: &ImportArgs) -> Result<u8> {
    // Reading the post proves it is there and gives its date; it is never written.
    let source = fs_util::read_text(&args.post)?;
    let post_date =
        post_date(&args.post, &source).unwrap_or_else(|| jiff::ZonedDateTime::now().date());
    let target = ImportTarget {
        workspace: workspace_dir(args.workspace.as_deref(), Some(&args.post)),
        post_date,
    };
    let mut images = SiteConfig::load(&target.workspace)?.images;
    if let Some(format) = &args.format {
        images.format = match format.as_str() {
            "webp" => OutputFormat::Webp,
            "avif" => OutputFormat::Avif,
            _ => OutputFormat::Jpeg,
        };
        if images.markup == ImageMarkup::Picture && images.format == OutputFormat::Jpeg {
            images.markup = ImageMarkup::Img;
        }
    }
    if let Some(quality) = args.quality {
        images.quality = Some(quality);
    }
    if args.long_edge.is_some() {
        images.widths.clear();
        if images.markup == ImageMarkup::Img {
            images.markup = ImageMarkup::Markdown;
        }
    }
    let mut settings = ImportSettings::for_blog(&images);
    settings.progressive = args.progressive;
    if let Some(long_edge) = args.long_edge {
        settings.max_long_edge = Some(long_edge);
    }
    let jobs: Vec<PhotoJob> = args.files.iter().map(PhotoJob::new).collect();
    let results = import_photos(&jobs, &target, &settings, &|_| {}, &AtomicBool::new(false));
    let mut out = std::io::stdout().lock();
    let mut failed = false;
    for result in results {
        match result {
            Ok(photo) => {
                writeln!(out, "{}", photo.markdown()).map_err(|e| Error::io("<stdout>", e))?
            }
            Err(err) => {
                failed = true;
                eprintln!("{}", err.to_string().replace(['\n', '\r'], " "));
            }
        }
    }
    out.flush().map_err(|e| Error::io("<stdout>", e))?;
    Ok(if failed { EXIT_PROBLEMS } else { EXIT_OK })
}
