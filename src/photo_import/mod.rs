//! Photo import: a phone photo (or a screenshot) dropped into a post becomes a small, clean
//! file in the blog's `assets/images/`, ready for an `![](...)` line.
//!
//! The pipeline for one photo ([`import_photo`]), one module per step:
//! 1. `source` and [`decode`]: a regular file only (a FIFO is refused before it is opened),
//!    sniff the format (JPEG, PNG, WebP, HEIC/HEIF through libheif), check the header against
//!    the pixel limit and the decode budget in bytes, wait for the batch's memory budget, then
//!    decode (JPEG at the smallest DCT scale that still covers the target size); decoder
//!    warnings are errors;
//! 2. [`metadata`]: read the EXIF orientation and the day the photo was taken (HEIF: the
//!    container's rotation is applied by libheif, and the EXIF orientation is not applied
//!    again);
//! 3. [`resize`]: scale the long edge down to 1600 px (Lanczos3, never up);
//! 4. `color`: convert from an embedded ICC profile (Display P3...) to sRGB;
//! 5. [`orientation`]: apply the EXIF orientation (after resizing: cheaper);
//! 6. [`encode`]: JPEG (quality 82), WebP or AVIF as the blog says, or PNG, with no metadata
//!    at all; with several `widths` (the blog's `lanyard: images:` settings, see
//!    [`crate::site::ImageOutput`]) once per width that is not wider than the photo, and a
//!    JPEG fallback for `<picture>`;
//! 7. [`naming`] and `store`: `YYYY-MM-DD-<name>.<ext>` (several widths:
//!    `YYYY-MM-DD-<name>-<width>.<ext>`), a suffix when a name holds other content, the same
//!    files when they hold the same; atomic, never overwriting, all files or none;
//! 8. `markup`: the text inserted into the post ([`ImportedPhoto::markdown`]).
//!
//! [`import_photos`] runs a batch on all cores with a progress callback and a cancel flag;
//! that is what the desktop calls on a drop, and what `lanyard photos import` calls:
//!
//! ```no_run
//! use std::sync::atomic::AtomicBool;
//! use lanyard::photo_import::{import_photos, ImportSettings, ImportTarget, PhotoJob};
//!
//! let target = ImportTarget {
//!     workspace: "/home/me/blog".into(),
//!     post_date: jiff::civil::date(2023, 4, 19),
//! };
//! let jobs = vec![PhotoJob::new("/home/me/Phone/IMG_2041.jpg")];
//! let cancel = AtomicBool::new(false); // set it from the UI's cancel button
//! let results = import_photos(&jobs, &target, &ImportSettings::default(), &|p| {
//!     println!("{}/{}: {}", p.done, p.total, p.source.display());
//! }, &cancel);
//! for result in results {
//!     match result {
//!         Ok(photo) => println!("{}", photo.markdown()), // ![](/assets/images/...)
//!         Err(err) => eprintln!("{err}"),                // names the photo
//!     }
//! }
//! ```

mod batch;
mod budget;
mod color;
pub mod decode;
pub mod encode;
mod error;
mod heif;
mod markers;
mod markup;
pub mod metadata;
pub mod naming;
pub mod orientation;
pub mod post;
pub mod resize;
mod settings;
mod source;
mod store;
mod variants;

use std::path::{Path, PathBuf};

use jiff::civil::Date;

pub use batch::{import_photos, ImportProgress};
pub use decode::SourceFormat;
pub use encode::OutputFormat;
pub use error::{PhotoError, PhotoErrorKind};
pub use markers::jpeg_metadata_markers;
pub use markup::ImageMarkup;
pub use metadata::{read_photo_metadata, PhotoMetadata};
pub use settings::ImportSettings;

/// One photo to import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoJob {
    /// The file to import (it is only read).
    pub source: PathBuf,
    /// Alt text; also names the file when it has letters or digits.
    pub alt: Option<String>,
}

impl PhotoJob {
    /// A job for `source` without alt text.
    pub fn new(source: impl Into<PathBuf>) -> Self {
        PhotoJob {
            source: source.into(),
            alt: None,
        }
    }
}

/// Where the photos go: the blog folder, and the date used when a photo has no EXIF date
/// (the post's date, see [`post::post_date`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportTarget {
    /// The blog (workspace) folder; [`ImportSettings::folder`] is relative to it.
    pub workspace: PathBuf,
    /// The post's date.
    pub post_date: Date,
}

/// One file written (or reused) for an imported photo.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ImportedFile {
    /// The file in the assets folder.
    pub path: PathBuf,
    /// Its site URL.
    pub url: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Format.
    pub format: OutputFormat,
    /// Size in bytes.
    pub bytes: u64,
    /// True when a file with exactly these bytes was already there.
    pub reused: bool,
}

/// A photo imported into the blog. `path`, `url`, size and format are those of the file the
/// post's `src` names (the widest; with `<picture>`, the widest JPEG fallback); `files` lists
/// every file written, that one included.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ImportedPhoto {
    /// The file that was imported.
    pub source: PathBuf,
    /// The file written (or reused) in the assets folder.
    pub path: PathBuf,
    /// Its site URL, as the seed writes it: `/assets/images/2023-04-19-keynote.jpg`.
    pub url: String,
    /// Output width in pixels.
    pub width: u32,
    /// Output height in pixels.
    pub height: u32,
    /// Output format.
    pub format: OutputFormat,
    /// Output size in bytes.
    pub bytes: u64,
    /// True when a file with exactly these bytes was already there and is used as is.
    pub reused: bool,
    /// The alt text given with the job.
    pub alt: Option<String>,
    /// Every file of the photo (one per width and format).
    pub files: Vec<ImportedFile>,
    /// How it is inserted.
    pub markup: ImageMarkup,
    /// The `sizes` attribute of the HTML markup.
    pub sizes: String,
}

impl ImportedPhoto {
    /// The text to insert in the post: `![alt](/assets/images/...)` for one file, else the
    /// `<img srcset>` or `<picture>` HTML (see the `markup` module).
    pub fn markdown(&self) -> String {
        markup::photo_markup(self)
    }
}

/// Decoded pixels, 8 bits per channel, rows top to bottom, no padding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pixels {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// 1 (grey, tests only), 3 (RGB) or 4 (RGBA).
    pub channels: u8,
    /// `width * height * channels` bytes.
    pub data: Vec<u8>,
}

impl Pixels {
    /// Wraps a buffer; `data.len()` must be `width * height * channels`.
    pub fn new(width: u32, height: u32, channels: u8, data: Vec<u8>) -> Self {
        debug_assert_eq!(
            data.len(),
            width as usize * height as usize * usize::from(channels)
        );
        Pixels {
            width,
            height,
            channels,
            data,
        }
    }
}

/// One more encoded file of a photo: another width, or the JPEG fallback.
#[derive(Debug, Clone)]
pub struct EncodedFile {
    /// The encoded bytes.
    pub bytes: Vec<u8>,
    /// Their format.
    pub format: OutputFormat,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// A photo made ready for the blog but not written yet (see [`prepare_photo`]). The fields
/// describe the main file (the one `src` names); `variants` are the others.
#[derive(Debug, Clone)]
pub struct PreparedPhoto {
    /// The encoded main file.
    pub bytes: Vec<u8>,
    /// Its format.
    pub format: OutputFormat,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// What EXIF said (orientation, date taken).
    pub metadata: PhotoMetadata,
    /// The other files: other widths, JPEG fallbacks.
    pub variants: Vec<EncodedFile>,
    /// Whether file names carry the width (`-800`): the settings list several widths.
    pub width_names: bool,
}

/// Imports one photo: [`prepare_photo`], then names and writes it under the target's assets
/// folder. On error nothing is written.
pub fn import_photo(
    job: &PhotoJob,
    target: &ImportTarget,
    settings: &ImportSettings,
) -> Result<ImportedPhoto, PhotoError> {
    check_settings(&job.source, settings)?;
    let prepared = prepare_photo(&job.source, settings)?;
    store_prepared(job, target, settings, prepared)
}

/// Reads, decodes, resizes, converts to sRGB, orients and encodes the photo at `source`,
/// in memory. A file that is not a regular file, or whose header is over the pixel limit or
/// the decode budget, is refused before any pixel is decoded.
pub fn prepare_photo(
    source: &Path,
    settings: &ImportSettings,
) -> Result<PreparedPhoto, PhotoError> {
    prepare_within(
        source,
        settings,
        &budget::MemoryBudget::new(settings.max_decode_bytes),
    )
}

/// [`prepare_photo`], decoding only once `budget` has room for this photo's decode.
fn prepare_within(
    source: &Path,
    settings: &ImportSettings,
    budget: &budget::MemoryBudget,
) -> Result<PreparedPhoto, PhotoError> {
    let data = source::read_photo_file(source, settings.max_file_bytes)?;
    let long_edge = match settings.widths.iter().max() {
        None => settings.max_long_edge,
        Some(&widest) => {
            let header = decode::read_header(source, &data, None)?;
            Some(variants::long_edge_for_width(
                header.width,
                header.height,
                widest,
            ))
        }
    };
    let header = decode::read_header(source, &data, long_edge)?;
    decode::check_header(
        source,
        &header,
        settings.max_pixels,
        settings.max_decode_bytes,
    )?;
    let _reservation = budget.reserve(header.decode_bytes + data.len() as u64);
    let decoded = decode::decode_image(source, &data, &header, long_edge)?;
    drop(data);
    let metadata = read_photo_metadata(decoded.exif.as_deref());
    let orientation = if decoded.oriented {
        1
    } else {
        metadata.orientation
    };
    let mut pixels = resize::resize_to_fit(source, decoded.pixels, long_edge)?;
    if let Some(icc) = &decoded.icc {
        color::convert_to_srgb(source, &mut pixels, icc)?;
    }
    let pixels = orientation::apply_orientation(pixels, orientation);
    let format = settings.format.unwrap_or(match decoded.format {
        _ if pixels.channels == 4 => OutputFormat::Png,
        SourceFormat::Png => OutputFormat::Png,
        SourceFormat::Jpeg | SourceFormat::WebP | SourceFormat::Heif => settings.photo_format,
    });
    let files = variants::encode_variants(source, &pixels, format, settings)?;
    Ok(PreparedPhoto {
        bytes: files.main.bytes,
        format: files.main.format,
        width: files.main.width,
        height: files.main.height,
        metadata,
        variants: files.others,
        width_names: settings.widths.len() > 1,
    })
}

/// Names and writes a prepared photo (the last step of [`import_photo`]).
fn store_prepared(
    job: &PhotoJob,
    target: &ImportTarget,
    settings: &ImportSettings,
    prepared: PreparedPhoto,
) -> Result<ImportedPhoto, PhotoError> {
    let date = prepared.metadata.taken_on.unwrap_or(target.post_date);
    let name = naming::photo_name(job.alt.as_deref(), &job.source);
    let base = naming::fill_pattern(&settings.pattern, date, &name);
    if let Some(problem) = naming::file_name_problem(&base) {
        return Err(PhotoError::Invalid {
            path: job.source.clone(),
            message: problem.into(),
        });
    }
    let dir = target.workspace.join(&settings.folder);
    let tail = |width: u32| {
        if prepared.width_names {
            format!("-{width}")
        } else {
            String::new()
        }
    };
    let main = EncodedFile {
        bytes: prepared.bytes,
        format: prepared.format,
        width: prepared.width,
        height: prepared.height,
    };
    let encoded: Vec<&EncodedFile> = std::iter::once(&main)
        .chain(prepared.variants.iter())
        .collect();
    let wanted: Vec<store::Wanted<'_>> = encoded
        .iter()
        .map(|f| store::Wanted {
            tail: tail(f.width),
            ext: f.format.extension(),
            bytes: &f.bytes,
        })
        .collect();
    let stored = store::store_photo_set(&job.source, &dir, &base, &wanted)?;
    let mut files: Vec<ImportedFile> = encoded
        .iter()
        .zip(stored)
        .map(|(f, stored)| {
            let file_name = stored
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            ImportedFile {
                url: site_url(&settings.folder, &file_name),
                path: stored.path,
                width: f.width,
                height: f.height,
                format: f.format,
                bytes: f.bytes.len() as u64,
                reused: stored.reused,
            }
        })
        .collect();
    let main = files.remove(0);
    files.push(main.clone());
    files.sort_by_key(|f| (f.format.extension(), f.width));
    Ok(ImportedPhoto {
        source: job.source.clone(),
        url: main.url,
        path: main.path,
        width: main.width,
        height: main.height,
        format: main.format,
        bytes: main.bytes,
        reused: main.reused,
        alt: job.alt.clone(),
        files,
        markup: settings.markup,
        sizes: settings.sizes.clone(),
    })
}

/// Refuses settings that would write outside the blog or give an unusable name.
fn check_settings(source: &Path, settings: &ImportSettings) -> Result<(), PhotoError> {
    if !naming::is_safe_folder(&settings.folder) {
        return Err(PhotoError::Invalid {
            path: source.to_path_buf(),
            message: format!(
                "the photo folder setting `{}` must be a relative path inside the blog",
                settings.folder.display()
            ),
        });
    }
    if !settings.pattern.contains("{name}") {
        return Err(PhotoError::Invalid {
            path: source.to_path_buf(),
            message: "the file name pattern must contain {name}".into(),
        });
    }
    Ok(())
}

/// `/` + the folder with forward slashes + `/` + the file name.
fn site_url(folder: &Path, file_name: &str) -> String {
    let mut url = String::new();
    for part in folder.components() {
        if let std::path::Component::Normal(p) = part {
            url.push('/');
            url.push_str(&p.to_string_lossy());
        }
    }
    format!("{url}/{file_name}")
}
