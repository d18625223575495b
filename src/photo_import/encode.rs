//! Encoding the output: baseline JPEG through libjpeg-turbo (quality 82, 4:2:0, progressive
//! as a setting), WebP through the system's libwebp (lossy, the `WebPEncodeRGB` call of
//! `cwebp -q`), AVIF through ravif (rav1e, 8-bit 4:4:4 YCbCr), or PNG for screenshots and
//! pictures with transparency. No encoder is given any metadata, so the file carries none: no
//! EXIF, GPS, XMP, ICC or comment (WebP and AVIF are untagged, read as sRGB like the JPEG).

use std::borrow::Cow;
use std::path::Path;

use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::{ExtendedColorType, ImageEncoder};
use ravif::{BitDepth, Encoder, Img, RGB8};
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
    /// WebP (lossy): photos, smaller than JPEG at the same look.
    Webp,
    /// AVIF: photos, smaller still, slower to encode.
    Avif,
}

impl OutputFormat {
    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Jpeg => "jpg",
            OutputFormat::Png => "png",
            OutputFormat::Webp => "webp",
            OutputFormat::Avif => "avif",
        }
    }

    /// The MIME type, for `<source type>`.
    pub fn mime_type(self) -> &'static str {
        match self {
            OutputFormat::Jpeg => "image/jpeg",
            OutputFormat::Png => "image/png",
            OutputFormat::Webp => "image/webp",
            OutputFormat::Avif => "image/avif",
        }
    }

    /// The name written in `_config.yml` (`jpeg`, `png`, `webp`, `avif`).
    pub fn name(self) -> &'static str {
        match self {
            OutputFormat::Jpeg => "jpeg",
            OutputFormat::Png => "png",
            OutputFormat::Webp => "webp",
            OutputFormat::Avif => "avif",
        }
    }
}

/// Encoder settings: JPEG's, and the quality of WebP and AVIF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct JpegOptions {
    pub quality: u8,
    pub progressive: bool,
    /// Quality of WebP and AVIF, 1-100.
    pub modern_quality: u8,
    /// rav1e's speed, 0 (slowest) to 10 (fastest).
    pub avif_speed: u8,
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
        OutputFormat::Webp => encode_webp(path, &opaque(pixels), jpeg.modern_quality),
        OutputFormat::Avif => encode_avif(path, &opaque(pixels), jpeg),
    }
}

/// The picture without alpha (flattened on white): photos are opaque, and WebP/AVIF output
/// is for photos only (pictures with transparency stay PNG).
fn opaque(pixels: &Pixels) -> Cow<'_, Pixels> {
    if pixels.channels == 4 {
        Cow::Owned(flatten_on_white(pixels))
    } else {
        Cow::Borrowed(pixels)
    }
}

fn encode_webp(path: &Path, pixels: &Pixels, quality: u8) -> Result<Vec<u8>, PhotoError> {
    let quality = f32::from(quality.clamp(1, 100));
    libwebp::WebPEncodeRGB(
        &pixels.data,
        pixels.width,
        pixels.height,
        pixels.width * 3,
        quality,
    )
    .map(|out| out.to_vec())
    .map_err(|e| PhotoError::convert(path, format!("WebP encoder: {e:?}")))
}

fn encode_avif(path: &Path, pixels: &Pixels, options: JpegOptions) -> Result<Vec<u8>, PhotoError> {
    let rgb: Vec<RGB8> = pixels
        .data
        .chunks_exact(3)
        .map(|p| RGB8::new(p[0], p[1], p[2]))
        .collect();
    let image = Img::new(
        rgb.as_slice(),
        pixels.width as usize,
        pixels.height as usize,
    );
    Encoder::new()
        .with_quality(f32::from(options.modern_quality.clamp(1, 100)))
        .with_speed(options.avif_speed.min(10))
        .with_bit_depth(BitDepth::Eight)
        .encode_rgb(image)
        .map(|encoded| encoded.avif_file)
        .map_err(|e| PhotoError::convert(path, e))
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
        modern_quality: 80,
        avif_speed: 10,
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
