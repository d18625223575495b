//! Encoding the output: baseline JPEG through libjpeg-turbo (quality 82, 4:2:0, progressive
//! as a setting), or PNG for screenshots and pictures with transparency. Neither encoder is
//! given any metadata, so the file carries none: no EXIF, GPS, XMP, ICC or comment.

use std::path::Path;

use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::{ExtendedColorType, ImageEncoder};
use turbojpeg::{Compressor, PixelFormat, Subsamp};

use super::{PhotoError, Pixels};

/// The format written to the assets folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OutputFormat {
    /// JPEG: photos.
    Jpeg,
    /// PNG: screenshots, graphics, anything with transparency.
    Png,
}

impl OutputFormat {
    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Jpeg => "jpg",
            OutputFormat::Png => "png",
        }
    }
}

/// JPEG encoder settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct JpegOptions {
    pub quality: u8,
    pub progressive: bool,
}

/// Encodes `pixels` (RGB or RGBA) in `format`. A JPEG of an RGBA image is flattened on white.
pub(crate) fn encode_image(
    path: &Path,
    pixels: &Pixels,
    format: OutputFormat,
    jpeg: JpegOptions,
) -> Result<Vec<u8>, PhotoError> {
    match format {
        OutputFormat::Jpeg if pixels.channels == 4 => {
            encode_jpeg(path, &flatten_on_white(pixels), jpeg)
        }
        OutputFormat::Jpeg => encode_jpeg(path, pixels, jpeg),
        OutputFormat::Png => encode_png(path, pixels),
    }
}

fn encode_jpeg(path: &Path, pixels: &Pixels, options: JpegOptions) -> Result<Vec<u8>, PhotoError> {
    let mut compressor = Compressor::new().map_err(|e| PhotoError::convert(path, e))?;
    let setup = compressor
        .set_quality(i32::from(options.quality.clamp(1, 100)))
        .and_then(|()| compressor.set_subsamp(Subsamp::Sub2x2))
        .and_then(|()| compressor.set_progressive(options.progressive));
    setup.map_err(|e| PhotoError::convert(path, e))?;
    let image = turbojpeg::Image {
        pixels: pixels.data.as_slice(),
        width: pixels.width as usize,
        pitch: pixels.width as usize * 3,
        height: pixels.height as usize,
        format: PixelFormat::RGB,
    };
    compressor
        .compress_to_vec(image)
        .map_err(|e| PhotoError::convert(path, e))
}

fn encode_png(path: &Path, pixels: &Pixels) -> Result<Vec<u8>, PhotoError> {
    let mut out = Vec::new();
    let color = if pixels.channels == 4 {
        ExtendedColorType::Rgba8
    } else {
        ExtendedColorType::Rgb8
    };
    PngEncoder::new_with_quality(&mut out, CompressionType::Default, FilterType::Adaptive)
        .write_image(&pixels.data, pixels.width, pixels.height, color)
        .map_err(|e| PhotoError::convert(path, e))?;
    Ok(out)
}

/// RGBA to RGB over a white page, as the picture would look on a white blog.
fn flatten_on_white(pixels: &Pixels) -> Pixels {
    let data = pixels
        .data
        .chunks_exact(4)
        .flat_map(|p| {
            let a = u16::from(p[3]);
            let over = |c: u8| ((u16::from(c) * a + 255 * (255 - a) + 127) / 255) as u8;
            [over(p[0]), over(p[1]), over(p[2])]
        })
        .collect();
    Pixels::new(pixels.width, pixels.height, 3, data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::photo_import::markers::jpeg_metadata_markers;

    const OPTIONS: JpegOptions = JpegOptions {
        quality: 82,
        progressive: false,
    };

    #[test]
    fn jpeg_output_has_no_metadata_segments() {
        let pixels = Pixels::new(16, 8, 3, vec![120; 16 * 8 * 3]);
        let jpeg = encode_image(Path::new("a.jpg"), &pixels, OutputFormat::Jpeg, OPTIONS)
            .expect("encodes");
        assert!(jpeg.starts_with(&[0xFF, 0xD8]));
        assert!(jpeg_metadata_markers(&jpeg).is_empty());
    }

    #[test]
    fn transparent_pixels_become_white_in_a_jpeg() {
        let flat = flatten_on_white(&Pixels::new(2, 1, 4, vec![0, 0, 0, 0, 10, 20, 30, 255]));
        assert_eq!(flat.data, vec![255, 255, 255, 10, 20, 30]);
    }

    #[test]
    fn png_output_keeps_transparency() {
        let pixels = Pixels::new(2, 1, 4, vec![0, 0, 0, 0, 10, 20, 30, 255]);
        let png =
            encode_image(Path::new("a.png"), &pixels, OutputFormat::Png, OPTIONS).expect("encodes");
        let back = image::load_from_memory(&png).expect("decodes").into_rgba8();
        assert_eq!(back.into_raw(), pixels.data);
    }
}
