//! The files of one photo: each of the blog's widths that is not wider than the photo (never
//! scaled up), in the photo's format and, for `<picture>`, a JPEG fallback at each width. The
//! main file (the one `<img src>` names) is the widest of the `<img>`'s format.

use std::borrow::Cow;
use std::path::Path;

use super::{
    encode, resize, EncodedFile, ImageMarkup, ImportSettings, OutputFormat, PhotoError, Pixels,
};

/// The encoded files of a photo: the main one and the others.
pub(crate) struct Variants {
    /// The file `<img src>` names.
    pub main: EncodedFile,
    /// The other widths and formats.
    pub others: Vec<EncodedFile>,
}

/// Encodes `pixels` (oriented, sRGB) in `format` at each output size, plus the JPEG fallback
/// of a `<picture>`.
pub(crate) fn encode_variants(
    source: &Path,
    pixels: &Pixels,
    format: OutputFormat,
    settings: &ImportSettings,
) -> Result<Variants, PhotoError> {
    let mut formats = vec![format];
    if settings.markup == ImageMarkup::Picture
        && matches!(format, OutputFormat::Webp | OutputFormat::Avif)
    {
        formats.push(OutputFormat::Jpeg);
    }
    let options = encode::JpegOptions {
        quality: settings.jpeg_quality,
        progressive: settings.progressive,
        modern_quality: settings.quality_of(format),
        avif_speed: settings.avif_speed,
    };
    let mut files = Vec::new();
    for (width, height) in output_sizes(pixels, &settings.widths) {
        let sized = if (width, height) == (pixels.width, pixels.height) {
            Cow::Borrowed(pixels)
        } else {
            Cow::Owned(resize::resize_exact(source, pixels, width, height)?)
        };
        for &format in &formats {
            files.push(EncodedFile {
                bytes: encode::encode_image(source, &sized, format, options)?,
                format,
                width,
                height,
            });
        }
    }
    // The main file: the widest of the format `<img src>` shows (the fallback if any).
    let img_format = formats.last().copied().unwrap_or(format);
    let main_at = files
        .iter()
        .rposition(|f| f.format == img_format)
        .unwrap_or(0);
    let main = files.remove(main_at);
    Ok(Variants {
        main,
        others: files,
    })
}

/// The long edge to decode and first resize to so that the output can be `width` wide
/// whatever the orientation: `width` times the ratio of the long edge to the short one.
pub(crate) fn long_edge_for_width(source_width: u32, source_height: u32, width: u32) -> u32 {
    let long = u64::from(source_width.max(source_height));
    let short = u64::from(source_width.min(source_height)).max(1);
    let needed = (u64::from(width) * long).div_ceil(short);
    u32::try_from(needed.min(long)).unwrap_or(u32::MAX)
}

/// The sizes to write, narrowest first: each of `widths` not wider than `pixels` (never
/// scaled up), or the size of `pixels` when `widths` is empty or none fits.
fn output_sizes(pixels: &Pixels, widths: &[u32]) -> Vec<(u32, u32)> {
    let mut sizes: Vec<(u32, u32)> = widths
        .iter()
        .filter_map(|&w| resize::fit_width(pixels.width, pixels.height, w))
        .collect();
    sizes.sort_unstable();
    sizes.dedup();
    if sizes.is_empty() {
        sizes.push((pixels.width, pixels.height));
    }
    sizes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_a_portrait_tall_enough_for_its_widest_width() {
        assert_eq!(long_edge_for_width(4032, 3024, 1600), 2134);
        assert_eq!(long_edge_for_width(3024, 4032, 1600), 2134);
        assert_eq!(
            long_edge_for_width(800, 600, 1600),
            800,
            "never more than the photo"
        );
    }

    #[test]
    fn writes_only_the_widths_the_photo_has() {
        let pixels = Pixels::new(600, 400, 3, vec![0; 600 * 400 * 3]);
        assert_eq!(
            output_sizes(&pixels, &[1600, 300, 600]),
            [(300, 200), (600, 400)]
        );
        assert_eq!(output_sizes(&pixels, &[800, 1600]), [(600, 400)]);
        assert_eq!(output_sizes(&pixels, &[]), [(600, 400)]);
    }
}
