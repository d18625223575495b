//! Recognising and decoding the input: JPEG with libjpeg-turbo (at the smallest DCT scale that
//! still covers the target size, which is most of the speed), PNG and WebP with `image`.
//! The header is checked against the pixel limit before any pixel is decoded, and every
//! decoder warning (a truncated file a decoder would grey-fill) is an error.

use std::io::Cursor;
use std::path::Path;

use image::{DynamicImage, ImageDecoder};
use turbojpeg::{Colorspace, Decompressor, PixelFormat, ScalingFactor};

use super::markers::read_jpeg_metadata;
use super::{PhotoError, Pixels};

/// The input formats Lanyard imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    /// JPEG, as phones and cameras write them.
    Jpeg,
    /// PNG: screenshots and graphics.
    Png,
    /// WebP.
    WebP,
}

/// A decoded photo, possibly already scaled down by the decoder, with the metadata blocks the
/// pipeline needs (orientation and date from EXIF, the colour profile).
pub(crate) struct Decoded {
    pub format: SourceFormat,
    pub pixels: Pixels,
    pub exif: Option<Vec<u8>>,
    pub icc: Option<Vec<u8>>,
}

/// Tells the format from the first bytes, never from the file name.
pub(crate) fn sniff_format(path: &Path, data: &[u8]) -> Result<SourceFormat, PhotoError> {
    let unknown = |detail: &str| PhotoError::UnknownFormat {
        path: path.to_path_buf(),
        detail: detail.to_string(),
    };
    if data.is_empty() {
        return Err(unknown("the file is empty"));
    }
    if data.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Ok(SourceFormat::Jpeg);
    }
    if data.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok(SourceFormat::Png);
    }
    if data.len() >= 12 && &data[0..4] == b"RIFF" && &data[8..12] == b"WEBP" {
        return Ok(SourceFormat::WebP);
    }
    if data.len() >= 12 && &data[4..8] == b"ftyp" {
        return match &data[8..12] {
            b"heic" | b"heix" | b"hevc" | b"hevx" | b"heim" | b"heis" | b"mif1" | b"msf1" => {
                Err(PhotoError::Heic {
                    path: path.to_path_buf(),
                })
            }
            b"avif" | b"avis" => Err(unknown("an AVIF image")),
            _ => Err(unknown("a video or other ISO media file")),
        };
    }
    if data.starts_with(b"GIF8") {
        return Err(unknown("a GIF image"));
    }
    let head = &data[..data.len().min(512)];
    if std::str::from_utf8(head).is_ok_and(|t| !t.contains('\0')) {
        return Err(unknown("a text file"));
    }
    Err(unknown(""))
}

/// Decodes `data`. `min_long_edge` lets the JPEG decoder scale down by 1/2, 1/4 or 1/8 while
/// the long edge stays at least that long; `None` decodes at full size.
pub(crate) fn decode_image(
    path: &Path,
    data: &[u8],
    max_pixels: u64,
    min_long_edge: Option<u32>,
) -> Result<Decoded, PhotoError> {
    match sniff_format(path, data)? {
        SourceFormat::Jpeg => decode_jpeg(path, data, max_pixels, min_long_edge),
        SourceFormat::Png => {
            let (width, height) = png_header_size(path, data)?;
            check_pixel_limit(path, width, height, max_pixels)?;
            let decoder = image::codecs::png::PngDecoder::new(Cursor::new(data))
                .map_err(|e| PhotoError::corrupt(path, e))?;
            decode_with_image(path, SourceFormat::Png, decoder, max_pixels)
        }
        SourceFormat::WebP => {
            let decoder = image::codecs::webp::WebPDecoder::new(Cursor::new(data))
                .map_err(|e| PhotoError::corrupt(path, e))?;
            decode_with_image(path, SourceFormat::WebP, decoder, max_pixels)
        }
    }
}

/// Refuses a header claiming more than `max_pixels` pixels.
pub(crate) fn check_pixel_limit(
    path: &Path,
    width: u32,
    height: u32,
    max_pixels: u64,
) -> Result<(), PhotoError> {
    if width == 0 || height == 0 {
        return Err(PhotoError::corrupt(
            path,
            format!("the header says {width}x{height}"),
        ));
    }
    if u64::from(width) * u64::from(height) > max_pixels {
        return Err(PhotoError::TooLarge {
            path: path.to_path_buf(),
            width,
            height,
            limit: max_pixels,
        });
    }
    Ok(())
}

/// The smallest libjpeg-turbo DCT scale (1/8, 1/4, 1/2) that keeps the long edge at least
/// `min_long_edge`; decoding a 12 MP photo at 1/2 is about 3x cheaper than at full size.
pub(crate) fn pick_dct_scale(
    width: usize,
    height: usize,
    min_long_edge: Option<u32>,
) -> ScalingFactor {
    let Some(target) = min_long_edge else {
        return ScalingFactor::ONE;
    };
    let long_edge = width.max(height);
    [
        ScalingFactor::ONE_EIGHTH,
        ScalingFactor::ONE_QUARTER,
        ScalingFactor::ONE_HALF,
    ]
    .into_iter()
    .find(|f| f.scale(long_edge) >= target as usize)
    .unwrap_or(ScalingFactor::ONE)
}

fn decode_jpeg(
    path: &Path,
    data: &[u8],
    max_pixels: u64,
    min_long_edge: Option<u32>,
) -> Result<Decoded, PhotoError> {
    let mut decompressor = Decompressor::new().map_err(|e| PhotoError::convert(path, e))?;
    let header = decompressor
        .read_header(data)
        .map_err(|e| PhotoError::corrupt(path, turbojpeg_words(&e)))?;
    let width = u32::try_from(header.width).unwrap_or(u32::MAX);
    let height = u32::try_from(header.height).unwrap_or(u32::MAX);
    check_pixel_limit(path, width, height, max_pixels)?;
    if matches!(header.colorspace, Colorspace::CMYK | Colorspace::YCCK) {
        return Err(PhotoError::Invalid {
            path: path.to_path_buf(),
            message: "CMYK JPEGs are not supported: export it as an RGB JPEG".into(),
        });
    }
    let scale = if header.is_lossless {
        ScalingFactor::ONE
    } else {
        pick_dct_scale(header.width, header.height, min_long_edge)
    };
    decompressor
        .set_scaling_factor(scale)
        .map_err(|e| PhotoError::convert(path, e))?;
    let scaled = header.scaled(scale);
    let mut image = turbojpeg::Image {
        pixels: vec![0u8; scaled.width * scaled.height * 3],
        width: scaled.width,
        pitch: scaled.width * 3,
        height: scaled.height,
        format: PixelFormat::RGB,
    };
    // TurboJPEG returns an error for warnings too ("Premature end of JPEG file"), which is
    // what we want: a grey-filled photo must not land in a blog.
    decompressor
        .decompress(data, image.as_deref_mut())
        .map_err(|e| PhotoError::corrupt(path, turbojpeg_words(&e)))?;
    let meta = read_jpeg_metadata(data);
    let pixels = Pixels::new(
        u32::try_from(scaled.width).map_err(|e| PhotoError::convert(path, e))?,
        u32::try_from(scaled.height).map_err(|e| PhotoError::convert(path, e))?,
        3,
        image.pixels,
    );
    Ok(Decoded {
        format: SourceFormat::Jpeg,
        pixels,
        exif: meta.exif,
        icc: meta.icc,
    })
}

fn decode_with_image(
    path: &Path,
    format: SourceFormat,
    mut decoder: impl ImageDecoder,
    max_pixels: u64,
) -> Result<Decoded, PhotoError> {
    let (width, height) = decoder.dimensions();
    check_pixel_limit(path, width, height, max_pixels)?;
    let icc = decoder.icc_profile().ok().flatten();
    let exif = decoder
        .exif_metadata()
        .ok()
        .flatten()
        .map(strip_exif_prefix);
    let image = DynamicImage::from_decoder(decoder).map_err(|e| PhotoError::corrupt(path, e))?;
    let pixels = if image.color().has_alpha() {
        let rgba = image.into_rgba8();
        if rgba.pixels().all(|p| p.0[3] == u8::MAX) {
            Pixels::new(
                width,
                height,
                3,
                DynamicImage::ImageRgba8(rgba).into_rgb8().into_raw(),
            )
        } else {
            Pixels::new(width, height, 4, rgba.into_raw())
        }
    } else {
        Pixels::new(width, height, 3, image.into_rgb8().into_raw())
    };
    Ok(Decoded {
        format,
        pixels,
        exif,
        icc,
    })
}

/// TurboJPEG's message without the crate's `TurboJPEG error: ` prefix.
fn turbojpeg_words(err: &turbojpeg::Error) -> String {
    let text = err.to_string();
    match text.strip_prefix("TurboJPEG error: ") {
        Some(words) => words.to_string(),
        None => text,
    }
}

/// Width and height from a PNG's IHDR, read before the decoder allocates anything.
fn png_header_size(path: &Path, data: &[u8]) -> Result<(u32, u32), PhotoError> {
    match (data.get(12..16), data.get(16..20), data.get(20..24)) {
        (Some(b"IHDR"), Some(w), Some(h)) => Ok((
            u32::from_be_bytes([w[0], w[1], w[2], w[3]]),
            u32::from_be_bytes([h[0], h[1], h[2], h[3]]),
        )),
        _ => Err(PhotoError::corrupt(path, "the PNG header is missing")),
    }
}

/// PNG and WebP may carry the EXIF block with or without JPEG's `Exif\0\0` prefix.
fn strip_exif_prefix(mut exif: Vec<u8>) -> Vec<u8> {
    if exif.starts_with(b"Exif\0\0") {
        exif.drain(..6);
    }
    exif
}
