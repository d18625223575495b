//! HEIC/HEIF (and AVIF, when the system's libheif has an AV1 decoder) through libheif, the
//! library libvips and GIMP decode them with, via the `libheif-rs` bindings (0.20, the last
//! release that builds against Debian 12's libheif 1.15; see README).
//!
//! - The size is read from the container (after its rotation) and checked against the budget
//!   before libheif decodes anything; a grid claiming 30000x30000 is refused there.
//! - libheif applies the container's rotation and mirror (`irot`, `imir`); the EXIF
//!   orientation of a HEIF file only repeats them, so [`Decoded::oriented`] tells the pipeline
//!   not to apply it a second time. The EXIF block is still read for the capture date.
//! - The colour space comes from the ICC profile, else from the nclx box (an iPhone's Display
//!   P3 says primaries 12), and is converted to sRGB like a JPEG's.

use std::path::Path;
use std::sync::OnceLock;

use libheif_rs::{
    ColorSpace, HeifContext, HeifError, HeifErrorCode, ImageHandle, LibHeif, RgbChroma,
};

use super::decode::{Decoded, SourceFormat};
use super::{PhotoError, Pixels};

/// libheif initialised once for the process (plugins loaded on first use).
fn libheif() -> &'static LibHeif {
    static LIBHEIF: OnceLock<LibHeif> = OnceLock::new();
    LIBHEIF.get_or_init(LibHeif::new)
}

/// Width and height as displayed (rotation applied), and the bytes per pixel libheif holds
/// while decoding: the Y, Cb and Cr planes (2 bytes a sample above 8 bits, 4:4:4 at worst),
/// alpha, then the interleaved RGB(A) image and its rotated copy.
pub(crate) fn read_heif_header(path: &Path, data: &[u8]) -> Result<(u32, u32, u64), PhotoError> {
    let _ = libheif();
    let context = HeifContext::read_from_bytes(data).map_err(|e| heif_error(path, &e))?;
    let handle = context
        .primary_image_handle()
        .map_err(|e| heif_error(path, &e))?;
    let bytes_per_sample: u64 = if handle.luma_bits_per_pixel() > 8 {
        2
    } else {
        1
    };
    let alpha = u64::from(handle.has_alpha_channel());
    let channels = 3 + alpha;
    let per_pixel = (3 + alpha) * bytes_per_sample + 2 * channels;
    Ok((handle.width(), handle.height(), per_pixel))
}

/// Decodes the primary image to 8-bit RGB (RGBA when it has alpha), oriented.
pub(crate) fn decode_heif(
    path: &Path,
    data: &[u8],
    header: (u32, u32),
) -> Result<Decoded, PhotoError> {
    let mut context = HeifContext::read_from_bytes(data).map_err(|e| heif_error(path, &e))?;
    // Grid tiles (12 MP iPhone photos are 48 tiles of 512x512) decode on every core.
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    context.set_max_decoding_threads(u32::try_from(cores).unwrap_or(1));
    let handle = context
        .primary_image_handle()
        .map_err(|e| heif_error(path, &e))?;
    if (handle.width(), handle.height()) != header {
        return Err(PhotoError::corrupt(path, "the header's size changed"));
    }
    let alpha = handle.has_alpha_channel();
    let chroma = if alpha {
        RgbChroma::Rgba
    } else {
        RgbChroma::Rgb
    };
    // No decoding options: libheif-rs 0.20 frees the options it is given before libheif reads
    // them (its `decode` drops them in a closure), and libheif then read freed memory for
    // `ignore_transformations` (photos came out turned or not at random). libheif's defaults
    // are what we want: transformations applied, and interleaved RGB is 8 bits a channel
    // whatever the coded depth.
    let image = libheif()
        .decode(&handle, ColorSpace::Rgb(chroma), None)
        .map_err(|e| heif_error(path, &e))?;
    let planes = image.planes();
    let plane = planes
        .interleaved
        .ok_or_else(|| PhotoError::convert(path, "libheif gave no interleaved image"))?;
    let channels: u8 = if alpha { 4 } else { 3 };
    let row = plane.width as usize * usize::from(channels);
    let mut pixels = Vec::with_capacity(row * plane.height as usize);
    for y in 0..plane.height as usize {
        let start = y * plane.stride;
        let line = plane
            .data
            .get(start..start + row)
            .ok_or_else(|| PhotoError::convert(path, "libheif's image is shorter than its size"))?;
        pixels.extend_from_slice(line);
    }
    Ok(Decoded {
        format: SourceFormat::Heif,
        pixels: Pixels::new(plane.width, plane.height, channels, pixels),
        exif: exif_block(&handle),
        icc: icc_profile(&handle),
        oriented: true,
    })
}

/// The EXIF block as TIFF bytes: HEIF prefixes it with the offset of the TIFF header.
fn exif_block(handle: &ImageHandle) -> Option<Vec<u8>> {
    let mut ids = [0; 1];
    if handle.metadata_block_ids(&mut ids, b"Exif") == 0 {
        return None;
    }
    let block = handle.metadata(ids[0]).ok()?;
    let offset = u32::from_be_bytes(block.get(..4)?.try_into().ok()?) as usize;
    block.get(4usize.checked_add(offset)?..).map(<[u8]>::to_vec)
}

/// The ICC profile, else an ICC profile made from the nclx box's primaries and transfer
/// (none when they are sRGB's or unspecified).
fn icc_profile(handle: &ImageHandle) -> Option<Vec<u8>> {
    // Only an ICC profile (`prof`, `rICC`) comes back as raw bytes; nclx comes apart.
    if let Some(raw) = handle.color_profile_raw() {
        return Some(raw.data);
    }
    let nclx = handle.color_profile_nclx()?;
    nclx_icc(
        nclx.color_primaries() as u8,
        nclx.transfer_characteristics() as u8,
    )
}

/// An ICC profile for H.273 colour primaries and transfer characteristics; `None` for sRGB's
/// primaries (1) or unspecified ones (2), which need no conversion.
pub(crate) fn nclx_icc(primaries: u8, transfer: u8) -> Option<Vec<u8>> {
    use moxcms::{
        CicpColorPrimaries, CicpProfile, ColorProfile, MatrixCoefficients, TransferCharacteristics,
    };
    if matches!(primaries, 1 | 2) {
        return None;
    }
    let transfer = match transfer {
        2 => TransferCharacteristics::Srgb,
        other => TransferCharacteristics::try_from(other).ok()?,
    };
    let profile = ColorProfile::new_from_cicp(CicpProfile {
        color_primaries: CicpColorPrimaries::try_from(primaries).ok()?,
        transfer_characteristics: transfer,
        matrix_coefficients: MatrixCoefficients::Bt709,
        full_range: true,
    });
    profile.encode().ok()
}

/// libheif's error in words: an unknown codec or feature is "cannot be decoded here", a
/// broken or cut file is corrupt.
fn heif_error(path: &Path, err: &HeifError) -> PhotoError {
    let words = if err.message.is_empty() {
        format!("{:?}", err.sub_code)
    } else {
        err.message.clone()
    };
    match err.code {
        HeifErrorCode::UnsupportedFeature | HeifErrorCode::UnsupportedFileType => {
            PhotoError::Unsupported {
                path: path.to_path_buf(),
                message: format!(
                    "this HEIF image cannot be decoded here ({words}): export it as JPEG"
                ),
            }
        }
        _ => PhotoError::corrupt(path, words),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_p3_primaries_give_a_profile_and_srgb_ones_none() {
        assert!(nclx_icc(12, 13).is_some(), "Display P3");
        assert!(nclx_icc(9, 13).is_some(), "BT.2020");
        assert_eq!(nclx_icc(1, 13), None, "BT.709 primaries are sRGB's");
        assert_eq!(nclx_icc(2, 2), None, "unspecified");
    }
}
