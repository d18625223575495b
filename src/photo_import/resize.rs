//! Scaling down to the configured long edge with a Lanczos3 filter (fast_image_resize, SIMD).
//! Never scales up.

use std::path::Path;

use fast_image_resize::images::Image;
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};

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
pub(crate) fn resize_to_fit(
    path: &Path,
    pixels: Pixels,
    max_long_edge: Option<u32>,
) -> Result<Pixels, PhotoError> {
    let (width, height) = fit_long_edge(pixels.width, pixels.height, max_long_edge);
    if (width, height) == (pixels.width, pixels.height) {
        return Ok(pixels);
    }
    let pixel_type = if pixels.channels == 4 {
        PixelType::U8x4
    } else {
        PixelType::U8x3
    };
    let channels = pixels.channels;
    let source = Image::from_vec_u8(pixels.width, pixels.height, pixels.data, pixel_type)
        .map_err(|e| PhotoError::convert(path, e))?;
    let mut target = Image::new(width, height, pixel_type);
    // With U8x4 the resizer premultiplies alpha itself, so transparent edges do not bleed.
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
    Resizer::new()
        .resize(&source, &mut target, &options)
        .map_err(|e| PhotoError::convert(path, e))?;
    Ok(Pixels::new(width, height, channels, target.into_vec()))
}

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
    fn resizes_pixels_to_the_fitted_size() {
        let pixels = Pixels::new(40, 20, 3, vec![90; 40 * 20 * 3]);
        let out = resize_to_fit(Path::new("a.png"), pixels, Some(10)).expect("resizes");
        assert_eq!((out.width, out.height, out.data.len()), (10, 5, 150));
        assert!(out.data.iter().all(|&v| v.abs_diff(90) <= 1));
    }
}
