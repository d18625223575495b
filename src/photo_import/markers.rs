//! The JPEG marker walk: finds the EXIF (APP1) and ICC profile (APP2) segments before the
//! image data, without decoding anything. libjpeg-turbo 3.0 does not hand them out, and the
//! walk is a few dozen bytes of headers.

/// Metadata blocks found in a JPEG's header segments.
#[derive(Debug, Default)]
pub(crate) struct JpegMetadata {
    /// The TIFF structure of the `Exif\0\0` APP1 segment, if any.
    pub exif: Option<Vec<u8>>,
    /// The ICC profile, reassembled from its numbered `ICC_PROFILE\0` APP2 chunks.
    pub icc: Option<Vec<u8>>,
}

const EXIF_ID: &[u8] = b"Exif\0\0";
const ICC_ID: &[u8] = b"ICC_PROFILE\0";

/// Walks the segments from SOI to SOS. A malformed header simply ends the walk: the decoder
/// reports corruption with better words.
pub(crate) fn read_jpeg_metadata(data: &[u8]) -> JpegMetadata {
    let mut meta = JpegMetadata::default();
    let mut icc_chunks: Vec<(u8, &[u8])> = Vec::new();
    let mut pos = 2; // after SOI
    while pos + 4 <= data.len() {
        if data[pos] != 0xFF {
            break;
        }
        let marker = data[pos + 1];
        if marker == 0xFF {
            pos += 1; // fill byte
            continue;
        }
        if marker == 0xDA || marker == 0xD9 {
            break; // start of scan or end of image: no more header segments
        }
        let len = usize::from(u16::from_be_bytes([data[pos + 2], data[pos + 3]]));
        let Some(body) = data.get(pos + 4..pos + 2 + len) else {
            break;
        };
        if len < 2 {
            break;
        }
        match marker {
            0xE1 if meta.exif.is_none() && body.starts_with(EXIF_ID) => {
                meta.exif = Some(body[EXIF_ID.len()..].to_vec());
            }
            0xE2 if body.starts_with(ICC_ID) && body.len() > ICC_ID.len() + 2 => {
                let seq = body[ICC_ID.len()];
                icc_chunks.push((seq, &body[ICC_ID.len() + 2..]));
            }
            _ => {}
        }
        pos += 2 + len;
    }
    if !icc_chunks.is_empty() {
        icc_chunks.sort_by_key(|(seq, _)| *seq);
        meta.icc = Some(
            icc_chunks
                .iter()
                .flat_map(|(_, c)| c.iter().copied())
                .collect(),
        );
    }
    meta
}

/// Markers of metadata segments a stripped output must not carry: APP1 (EXIF, XMP), APP2
/// (ICC), APP3-APP15 (maker data, Photoshop IPTC) and COM. APP0 (JFIF) is harmless.
pub fn jpeg_metadata_markers(data: &[u8]) -> Vec<u8> {
    let mut found = Vec::new();
    let mut pos = 2;
    while pos + 4 <= data.len() && data[pos] == 0xFF {
        let marker = data[pos + 1];
        if marker == 0xDA || marker == 0xD9 {
            break;
        }
        if (0xE1..=0xEF).contains(&marker) || marker == 0xFE {
            found.push(marker);
        }
        let len = usize::from(u16::from_be_bytes([data[pos + 2], data[pos + 3]]));
        pos += 2 + len;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(marker: u8, body: &[u8]) -> Vec<u8> {
        let len = u16::try_from(body.len() + 2).expect("small segment");
        let mut out = vec![0xFF, marker];
        out.extend_from_slice(&len.to_be_bytes());
        out.extend_from_slice(body);
        out
    }

    #[test]
    fn reassembles_icc_chunks_in_sequence_order_and_finds_exif() {
        let mut jpeg = vec![0xFF, 0xD8];
        jpeg.extend(segment(0xE2, &[ICC_ID, &[2, 2], b"world"].concat()));
        jpeg.extend(segment(0xE1, &[EXIF_ID, b"MM\0*"].concat()));
        jpeg.extend(segment(0xE2, &[ICC_ID, &[1, 2], b"hello "].concat()));
        jpeg.extend(segment(0xFE, b"a comment"));
        jpeg.extend([0xFF, 0xDA, 0, 2]);
        let meta = read_jpeg_metadata(&jpeg);
        assert_eq!(meta.icc.as_deref(), Some(&b"hello world"[..]));
        assert_eq!(meta.exif.as_deref(), Some(&b"MM\0*"[..]));
        assert_eq!(jpeg_metadata_markers(&jpeg), vec![0xE2, 0xE1, 0xE2, 0xFE]);
    }

    #[test]
    fn stops_quietly_on_a_truncated_header() {
        let jpeg = [0xFF, 0xD8, 0xFF, 0xE1, 0x40, 0x00, b'E'];
        let meta = read_jpeg_metadata(&jpeg);
        assert!(meta.exif.is_none() && meta.icc.is_none());
    }
}
