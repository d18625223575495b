//! The settings of an import: where photos go, how they are named, the limits that refuse
//! hostile files, and what is written (format, quality, widths, markup), the last from the
//! blog's `lanyard: images:` settings ([`ImportSettings::for_blog`]).

use std::path::PathBuf;

use super::{ImageMarkup, OutputFormat};

/// Settings of the import, with the defaults the seed blog uses. Serializable so the desktop
/// can keep them in its settings file (missing keys take the defaults).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ImportSettings {
    /// Folder of imported photos, relative to the blog folder. Default `assets/images`.
    pub folder: PathBuf,
    /// File name without extension: `{date}` (`YYYY-MM-DD`), `{year}`, `{month}`, `{day}`,
    /// `{name}`. Default `{date}-{name}`.
    pub pattern: String,
    /// Longest edge of the output in pixels; `None` keeps the size. Default 1600.
    pub max_long_edge: Option<u32>,
    /// Photos whose header claims more pixels are refused before decoding. Default 100 MP.
    pub max_pixels: u64,
    /// Photos whose decode would hold more bytes (width x height x channels x bytes per
    /// channel from the header, plus the working copies) are refused before decoding.
    /// Default 512 MiB, which keeps one import's peak memory under 1 GiB.
    pub max_decode_bytes: u64,
    /// A batch never holds more decoded bytes than this at once: photos wait for memory
    /// instead of decoding together. Default 1 GiB.
    pub batch_memory_bytes: u64,
    /// Files larger than this are refused before they are read. Default 256 MiB.
    pub max_file_bytes: u64,
    /// JPEG quality, 1-100. Default 82.
    pub jpeg_quality: u8,
    /// Progressive JPEG (smaller, about 40 ms slower per photo). Default off (baseline).
    pub progressive: bool,
    /// Force an output format; `None` (default) picks [`ImportSettings::photo_format`] for
    /// photos and PNG for PNG input (screenshots, graphics) and anything with transparency.
    pub format: Option<OutputFormat>,
    /// The format of photos: JPEG (default), WebP or AVIF.
    pub photo_format: OutputFormat,
    /// Quality of WebP and AVIF, 1-100; `None`: 80 for WebP, 60 for AVIF (which look like
    /// JPEG at 82).
    pub modern_quality: Option<u8>,
    /// Output widths in pixels; empty (default) writes one file fitted to `max_long_edge`.
    /// Widths wider than the photo are skipped (never scaled up).
    pub widths: Vec<u32>,
    /// How the photo is inserted in the post. With `Picture`, WebP/AVIF photos also get a
    /// JPEG fallback at each width.
    pub markup: ImageMarkup,
    /// The `sizes` attribute of the HTML markup. Default `100vw`.
    pub sizes: String,
    /// rav1e's speed for AVIF, 0 (slowest, smallest files) to 10 (fastest). Default 6: a
    /// 1600 px photo in about 3 s on two cores in release (BENCHMARKS.md). Tests use 10.
    pub avif_speed: u8,
}

impl ImportSettings {
    /// The defaults with the blog's image output settings (`lanyard: images:` in
    /// `_config.yml`): what a drop, a paste and the inbox use.
    pub fn for_blog(images: &crate::site::ImageOutput) -> ImportSettings {
        let defaults = ImportSettings::default();
        let is_jpeg = images.format == OutputFormat::Jpeg;
        ImportSettings {
            photo_format: images.format,
            jpeg_quality: images
                .quality
                .filter(|_| is_jpeg)
                .unwrap_or(defaults.jpeg_quality),
            modern_quality: images.quality.filter(|_| !is_jpeg),
            widths: images.widths.clone(),
            markup: images.markup,
            sizes: images.sizes.clone(),
            ..defaults
        }
    }

    /// The quality `format` is encoded at (PNG is lossless: 100).
    pub fn quality_of(&self, format: OutputFormat) -> u8 {
        match format {
            OutputFormat::Jpeg => self.jpeg_quality,
            OutputFormat::Png => 100,
            OutputFormat::Webp => self.modern_quality.unwrap_or(80),
            OutputFormat::Avif => self.modern_quality.unwrap_or(60),
        }
    }
}

impl Default for ImportSettings {
    fn default() -> Self {
        ImportSettings {
            folder: PathBuf::from("assets/images"),
            pattern: "{date}-{name}".to_string(),
            max_long_edge: Some(1600),
            max_pixels: 100_000_000,
            max_decode_bytes: 512 << 20,
            batch_memory_bytes: 1 << 30,
            max_file_bytes: 256 << 20,
            jpeg_quality: 82,
            progressive: false,
            format: None,
            photo_format: OutputFormat::Jpeg,
            modern_quality: None,
            widths: Vec::new(),
            markup: ImageMarkup::Markdown,
            sizes: "100vw".to_string(),
            avif_speed: 6,
        }
    }
}
