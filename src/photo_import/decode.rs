//! Recognising and decoding the input: JPEG with libjpeg-turbo (at the smallest DCT scale that
//! still covers the target size, which is most of the speed), PNG and WebP with `image`,
//! HEIC/HEIF with libheif ([`super::heif`]). The header is read first ([`read_header`]) and
//! checked against the pixel limit and the decode budget in bytes before any pixel is
//! decoded, and every decoder warning (a truncated file a decoder would grey-fill) is an error.

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
    /// HEIC/HEIF (iPhones, many Android phones) and AVIF, through libheif.
    Heif,
}

/// A decoded photo, possibly already scaled down by the decoder, with the metadata blocks the
/// pipeline needs (orientation and date from EXIF, the colour profile).
pub(crate) struct Decoded {
    pub format: SourceFormat,
    pub pixels: Pixels,
    pub exif: Option<Vec<u8>>,
    pub icc: Option<Vec<u8>>,
    /// The decoder already turned the picture upright (HEIF's `irot`/`imir`): the EXIF
    /// orientation only repeats it and must not be applied again.
    pub oriented: bool,
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
            b"heic" | b"heix" | b"hevc" | b"hevx" | b"heim" | b"heis" | b"mif1" | b"msf1"
            | b"avif" | b"avis" => Ok(SourceFormat::Heif),
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

/// What a photo's header says, read before any pixel is decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Header {
    pub format: SourceFormat,
    pub width: u32,
    pub height: u32,
    /// Bytes the decode holds at its peak: the decoder's buffer (width x height x channels x
    /// bytes per channel) and the 8-bit working copies the pipeline makes of it.
    pub decode_bytes: u64,
}

/// Sniffs the format and reads the size and sample layout from the header, without decoding
/// any pixel. `min_long_edge` is the output size (JPEG decodes scaled down to it).
pub(crate) fn read_header(
    path: &Path,
    data: &[u8],
    min_long_edge: Option<u32>,
) -> Result<Header, PhotoError> {
    let format = sniff_format(path, data)?;
    let (width, height, decoder_bytes_per_pixel) = match format {
        SourceFormat::Jpeg => {
            let header = Decompressor::new()
                .map_err(|e| PhotoError::convert(path, e))?
                .read_header(data)
                .map_err(|e| PhotoError::corrupt(path, turbojpeg_words(&e)))?;
            let width = u32::try_from(header.width).unwrap_or(u32::MAX);
            let height = u32::try_from(header.height).unwrap_or(u32::MAX);
            // A progressive JPEG keeps every DCT coefficient of the whole image: 2 bytes per
            // sample, 1.5 samples per pixel at 4:2:0. The scaled RGB output comes on top.
            (width, height, 3)
        }
        SourceFormat::Png => {
            let (width, height, channels, bytes_per_channel) = png_header(path, data)?;
            (width, height, channels * bytes_per_channel)
        }
        SourceFormat::WebP => {
            let decoder = image::codecs::webp::WebPDecoder::new(Cursor::new(data))
                .map_err(|e| PhotoError::corrupt(path, e))?;
            let (width, height) = decoder.dimensions();
            (
                width,
                height,
                if decoder.color_type().has_alpha() {
                    4
                } else {
                    3
                },
            )
        }
        SourceFormat::Heif => super::heif::read_heif_header(path, data)?,
    };
    let pixels = u64::from(width) * u64::from(height);
    let (out_w, out_h) = super::resize::fit_long_edge(width, height, min_long_edge);
    let (decoded_w, decoded_h) = match format {
        SourceFormat::Jpeg => {
            let scale = pick_dct_scale(width as usize, height as usize, min_long_edge);
            (
                scale.scale(width as usize) as u64,
                scale.scale(height as usize) as u64,
            )
        }
        _ => (u64::from(width), u64::from(height)),
    };
    // The decoder's buffer, its 8-bit RGB(A) copy, then two output-sized copies (colour
    // conversion and orientation each write a new buffer).
    let decode_bytes = pixels.saturating_mul(decoder_bytes_per_pixel)
        + decoded_w.saturating_mul(decoded_h).saturating_mul(4)
        + u64::from(out_w) * u64::from(out_h) * 4 * 2;
    Ok(Header {
        format,
        width,
        height,
        decode_bytes,
    })
}

/// Refuses a header over the pixel limit or the decode budget in bytes.
pub(crate) fn check_header(
    path: &Path,
    header: &Header,
    max_pixels: u64,
    max_decode_bytes: u64,
) -> Result<(), PhotoError> {
    check_pixel_limit(path, header.width, header.height, max_pixels)?;
    if header.decode_bytes > max_decode_bytes {
        return Err(PhotoError::OverBudget {
            path: path.to_path_buf(),
            width: header.width,
            height: header.height,
            bytes: header.decode_bytes,
            limit: max_decode_bytes,
        });
    }
    Ok(())
}

/// Decodes `data`, whose header [`check_header`] accepted. `min_long_edge` lets the JPEG
/// decoder scale down by 1/2, 1/4 or 1/8 while the long edge stays at least that long;
/// `None` decodes at full size.
pub(crate) fn decode_image(
    path: &Path,
    data: &[u8],
    header: &Header,
    min_long_edge: Option<u32>,
) -> Result<Decoded, PhotoError> {
    match header.format {
        SourceFormat::Jpeg => decode_jpeg(path, data, min_long_edge),
        SourceFormat::Png => {
            let decoder = image::codecs::png::PngDecoder::new(Cursor::new(data))
                .map_err(|e| PhotoError::corrupt(path, e))?;
            decode_with_image(path, SourceFormat::Png, decoder, header)
        }
        SourceFormat::WebP => {
            let decoder = image::codecs::webp::WebPDecoder::new(Cursor::new(data))
                .map_err(|e| PhotoError::corrupt(path, e))?;
            decode_with_image(path, SourceFormat::WebP, decoder, header)
        }
        SourceFormat::Heif => super::heif::decode_heif(path, data, (header.width, header.height)),
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
    min_long_edge: Option<u32>,
) -> Result<Decoded, PhotoError> {
    let mut decompressor = Decompressor::new().map_err(|e| PhotoError::convert(path, e))?;
    let header = decompressor
        .read_header(data)
        .map_err(|e| PhotoError::corrupt(path, turbojpeg_words(&e)))?;
    if matches!(header.colorspace, Colorspace::CMYK | Colorspace::YCCK) {
        return Err(PhotoError::Unsupported {
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
        oriented: false,
    })
}

fn decode_with_image(
    path: &Path,
    format: SourceFormat,
    mut decoder: impl ImageDecoder,
    header: &Header,
) -> Result<Decoded, PhotoError> {
    let (width, height) = decoder.dimensions();
    if (width, height) != (header.width, header.height) {
        // The budget was computed for the header's size; never decode another one.
        return Err(PhotoError::corrupt(path, "the header's size changed"));
    }
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
        oriented: false,
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

/// Width, height, channels and bytes per channel from a PNG's IHDR, read before the decoder
/// allocates anything. A palette counts as RGBA: the decoder expands it.
fn png_header(path: &Path, data: &[u8]) -> Result<(u32, u32, u64, u64), PhotoError> {
    let missing = || PhotoError::corrupt(path, "the PNG header is missing");
    let (Some(b"IHDR"), Some(w), Some(h), Some(&[depth, color])) = (
        data.get(12..16),
        data.get(16..20),
        data.get(20..24),
        data.get(24..26),
    ) else {
        return Err(missing());
    };
    let channels = match color {
        0 => 1,
        4 => 2,
        2 => 3,
        3 | 6 => 4,
        _ => {
            return Err(PhotoError::corrupt(
                path,
                format!("PNG colour type {color}"),
            ))
        }
    };
    Ok((
        u32::from_be_bytes([w[0], w[1], w[2], w[3]]),
        u32::from_be_bytes([h[0], h[1], h[2], h[3]]),
        channels,
        if depth == 16 { 2 } else { 1 },
    ))
}

/// PNG and WebP may carry the EXIF block with or without JPEG's `Exif\0\0` prefix.
fn strip_exif_prefix(mut exif: Vec<u8>) -> Vec<u8> {
    if exif.starts_with(b"Exif\0\0") {
        exif.drain(..6);
    }
    exif
}
