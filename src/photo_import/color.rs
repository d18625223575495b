//! Colour management: pixels described by an embedded ICC profile (Display P3 from iPhones,
//! Adobe RGB from cameras) are converted to sRGB, the colour space browsers assume for an
//! untagged image, since the output carries no profile.

use std::path::Path;

use moxcms::{ColorProfile, DataColorSpace, Layout, TransformOptions};

use super::{PhotoError, Pixels};

/// Converts `pixels` from the colour space of `icc` to sRGB in place. A profile that does not
/// parse, is not RGB (a grey profile on a grey JPEG) or is already sRGB leaves the pixels as
/// they are, as a browser would show them.
pub(crate) fn convert_to_srgb(
    path: &Path,
    pixels: &mut Pixels,
    icc: &[u8],
) -> Result<(), PhotoError> {
    let Ok(source) = ColorProfile::new_from_slice(icc) else {
        return Ok(());
    };
    if source.color_space != DataColorSpace::Rgb || is_srgb(&source) {
        return Ok(());
    }
    let layout = if pixels.channels == 4 {
        Layout::Rgba
    } else {
        Layout::Rgb
    };
    let srgb = ColorProfile::new_srgb();
    let transform = source
        .create_transform_8bit(layout, &srgb, layout, TransformOptions::default())
        .map_err(|e| PhotoError::convert(path, format!("colour profile: {e}")))?;
    let mut out = vec![0u8; pixels.data.len()];
    transform
        .transform(&pixels.data, &mut out)
        .map_err(|e| PhotoError::convert(path, format!("colour profile: {e}")))?;
    pixels.data = out;
    Ok(())
}

/// True when the profile's primaries and white point are sRGB's (to 3 decimals) and its tone
/// curve matches sRGB's at a few points, so the transform would change nothing.
fn is_srgb(profile: &ColorProfile) -> bool {
    let srgb = ColorProfile::new_srgb();
    let close = |a: f64, b: f64| (a - b).abs() < 2e-3;
    let same_colorants = [
        (profile.red_colorant, srgb.red_colorant),
        (profile.green_colorant, srgb.green_colorant),
        (profile.blue_colorant, srgb.blue_colorant),
    ]
    .iter()
    .all(|(a, b)| close(a.x, b.x) && close(a.y, b.y) && close(a.z, b.z));
    if !same_colorants {
        return false;
    }
    // Same primaries with another curve (gamma 2.2, linear) still needs converting: compare
    // the profile's own transform to sRGB on a grey ramp.
    let Ok(transform) =
        profile.create_transform_8bit(Layout::Rgb, &srgb, Layout::Rgb, TransformOptions::default())
    else {
        return false;
    };
    let ramp: Vec<u8> = [16u8, 64, 128, 192, 240]
        .iter()
        .flat_map(|&v| [v, v, v])
        .collect();
    let mut out = vec![0u8; ramp.len()];
    transform.transform(&ramp, &mut out).is_ok()
        && ramp.iter().zip(&out).all(|(a, b)| a.abs_diff(*b) <= 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(profile: &ColorProfile) -> Vec<u8> {
        profile.encode().expect("profile encodes")
    }

    #[test]
    fn display_p3_red_becomes_a_more_saturated_srgb_red() {
        let mut pixels = Pixels::new(1, 1, 3, vec![200, 0, 0]);
        let icc = encoded(&ColorProfile::new_display_p3());
        convert_to_srgb(Path::new("p3.jpg"), &mut pixels, &icc).expect("converts");
        let [r, g, b] = [pixels.data[0], pixels.data[1], pixels.data[2]];
        assert!(r > 210 && g < 10 && b < 10, "got {r},{g},{b}");
    }

    #[test]
    fn an_srgb_profile_changes_nothing() {
        let mut pixels = Pixels::new(2, 1, 3, vec![200, 10, 30, 5, 128, 250]);
        let icc = encoded(&ColorProfile::new_srgb());
        assert!(is_srgb(
            &ColorProfile::new_from_slice(&icc).expect("parses")
        ));
        convert_to_srgb(Path::new("s.jpg"), &mut pixels, &icc).expect("converts");
        assert_eq!(pixels.data, vec![200, 10, 30, 5, 128, 250]);
    }

    #[test]
    fn a_broken_profile_is_ignored() {
        let mut pixels = Pixels::new(1, 1, 3, vec![1, 2, 3]);
        convert_to_srgb(Path::new("x.jpg"), &mut pixels, b"garbage").expect("ignored");
        assert_eq!(pixels.data, vec![1, 2, 3]);
    }
}
