//! Scaling down to the configured long edge with a Lanczos3 filter (fast_image_resize, SIMD).
//! Never scales up.

use std::path::Path;

use fast_image_resize::images::{Image, ImageRef};
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};

use rayon::prelude::*;

use super::{PhotoError, Pixels};

/// The size that fits `width` x `height` into `max_long_edge`, keeping the aspect ratio;
/// the same size when it already fits.
pub fn fit_long_edge(width: u32, height: u32, max_long_edge: Option<u32>) -> (u32, u32) {
    let Some(max) = max_long_edge.filter(|&m| m > 0) else {
        return (width, height);
    };
    let long = width.max(height);
    if long <= max {
        return (width, height);
    }
    let scale = |v: u32| -> u32 {
        let scaled = (u64::from(v) * u64::from(max) + u64::from(long) / 2) / u64::from(long);
        u32::try_from(scaled).unwrap_or(max).max(1)
    };
    if width >= height {
        (max, scale(height))
    } else {
        (scale(width), max)
    }
}

/// Resizes `pixels` so that the long edge is at most `max_long_edge`.
///
/// The output is cut into horizontal bands resized in parallel (rayon): each band maps to its
/// exact slice of the source, and the filter still reads source rows beyond that slice, so the
/// bands join without a seam and the result equals a single resize.
pub(crate) fn resize_to_fit(
    path: &Path,
    pixels: Pixels,
    max_long_edge: Option<u32>,
) -> Result<Pixels, PhotoError> {
    let (width, height) = fit_long_edge(pixels.width, pixels.height, max_long_edge);
    if (width, height) == (pixels.width, pixels.height) {
        return Ok(pixels);
    }
    resize_exact(path, &pixels, width, height)
}

/// The size of `width` x `height` scaled to `new_width` (aspect ratio kept, height at least
/// 1); `None` when that would scale up.
pub fn fit_width(width: u32, height: u32, new_width: u32) -> Option<(u32, u32)> {
    if new_width > width || new_width == 0 {
        return None;
    }
    let scaled =
        (u64::from(height) * u64::from(new_width) + u64::from(width) / 2) / u64::from(width);
    Some((new_width, u32::try_from(scaled).unwrap_or(height).max(1)))
}

/// Resizes `pixels` to exactly `width` x `height` (a smaller size), in bands as
/// [`resize_to_fit`] does.
pub(crate) fn resize_exact(
    path: &Path,
    pixels: &Pixels,
    width: u32,
    height: u32,
) -> Result<Pixels, PhotoError> {
    let pixel_type = if pixels.channels == 4 {
        PixelType::U8x4
    } else {
        PixelType::U8x3
    };
    let source = ImageRef::new(pixels.width, pixels.height, &pixels.data, pixel_type)
        .map_err(|e| PhotoError::convert(path, e))?;
    let row_bytes = width as usize * usize::from(pixels.channels);
    let mut out = vec![0u8; row_bytes * height as usize];
    let bands = rayon::current_num_threads().clamp(1, MAX_BANDS);
    let band_rows = (height as usize).div_ceil(bands).max(MIN_BAND_ROWS);
    let scale = f64::from(pixels.height) / f64::from(height);
    out.par_chunks_mut(band_rows * row_bytes)
        .enumerate()
        .try_for_each(|(band, buffer)| {
            let top = band * band_rows;
            let rows = buffer.len() / row_bytes;
            let rows_u32 = u32::try_from(rows).unwrap_or(height);
            let mut target = Image::from_slice_u8(width, rows_u32, buffer, pixel_type)
                .map_err(|e| PhotoError::convert(path, e))?;
            // Float rounding must not push the last band's crop past the source's edge.
            let crop_top = top as f64 * scale;
            let crop_height = (rows as f64 * scale).min(f64::from(pixels.height) - crop_top);
            // With U8x4 the resizer premultiplies alpha itself: transparent edges do not bleed.
            let options = ResizeOptions::new()
                .resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3))
                .crop(0.0, crop_top, f64::from(pixels.width), crop_height);
            Resizer::new()
                .resize(&source, &mut target, &options)
                .map_err(|e| PhotoError::convert(path, e))
        })?;
    Ok(Pixels::new(width, height, pixels.channels, out))
}

/// At most this many bands (one per core, on a small machine).
const MAX_BANDS: usize = 8;
/// Bands shorter than this cost more in set-up than they save.
const MIN_BAND_ROWS: usize = 64;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_the_long_edge_and_keeps_the_ratio() {
        assert_eq!(fit_long_edge(4032, 3024, Some(1600)), (1600, 1200));
        assert_eq!(fit_long_edge(3024, 4032, Some(1600)), (1200, 1600));
        assert_eq!(fit_long_edge(4608, 1976, Some(1600)), (1600, 686));
    }

    #[test]
    fn never_scales_up() {
        assert_eq!(fit_long_edge(640, 480, Some(1600)), (640, 480));
        assert_eq!(fit_long_edge(4000, 3000, None), (4000, 3000));
    }

    #[test]
    fn bands_join_without_a_seam() {
        // A noisy picture: any band misplaced or filtered against its own edge shows up.
        let (w, h) = (300u32, 700u32);
        let data: Vec<u8> = (0..w * h * 3)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
            .collect();
        let source = Pixels::new(w, h, 3, data);
        let banded = resize_to_fit(Path::new("a.jpg"), source.clone(), Some(400)).expect("bands");
        let src = Image::from_vec_u8(w, h, source.data, PixelType::U8x3).expect("image");
        let mut whole = Image::new(banded.width, banded.height, PixelType::U8x3);
        let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
        Resizer::new()
            .resize(&src, &mut whole, &options)
            .expect("resize");
        let worst = banded
            .data
            .iter()
            .zip(whole.buffer())
            .map(|(a, b)| a.abs_diff(*b))
            .max();
        assert!(worst <= Some(1), "largest difference {worst:?}");
    }

    #[test]
    fn every_size_resizes_whatever_the_rounding_of_the_last_band() {
        // 2576x1932 (a Samsung J3 photo at 1/1) once failed: the last band's crop ended a
        // hair past the source.
        for (w, h) in [
            (2576, 1932),
            (1932, 2576),
            (1801, 1799),
            (3001, 1999),
            (1700, 1601),
        ] {
            let source = Pixels::new(w, h, 3, vec![50; (w * h * 3) as usize]);
            let out = resize_to_fit(Path::new("a.jpg"), source, Some(1600)).expect("resizes");
            assert_eq!(out.width.max(out.height), 1600, "{w}x{h}");
        }
    }

    #[test]
    fn resizes_pixels_to_the_fitted_size() {
        let pixels = Pixels::new(40, 20, 3, vec![90; 40 * 20 * 3]);
        let out = resize_to_fit(Path::new("a.png"), pixels, Some(10)).expect("resizes");
        assert_eq!((out.width, out.height, out.data.len()), (10, 5, 150));
        assert!(out.data.iter().all(|&v| v.abs_diff(90) <= 1));
    }
}
