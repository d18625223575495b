//! Fixture blogs, fixture photos and pixel comparison for the photo tests.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use lanyard::photo_import::{
    import_photo, import_photos, ImportSettings, ImportTarget, ImportedPhoto, PhotoError, PhotoJob,
};
use tempfile::TempDir;

/// The post date of the fixture blog.
pub fn post_day() -> jiff::civil::Date {
    jiff::civil::date(2023, 4, 19)
}

/// A photo from `tests/fixtures/photos`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/photos")
        .join(name)
}

/// A minimal Jekyll blog with one post, like the seed's.
pub struct Blog {
    pub dir: TempDir,
}

impl Blog {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(dir.path().join("_config.yml"), "title: Test\n").expect("config");
        fs::create_dir(dir.path().join("_posts")).expect("posts");
        fs::write(
            Self::post_in(dir.path()),
            "---\ntitle: Jour 1\n---\nHello\n",
        )
        .expect("post");
        Blog { dir }
    }

    fn post_in(dir: &Path) -> PathBuf {
        dir.join("_posts/2023-04-19-kubecon-j1.md")
    }

    pub fn post(&self) -> PathBuf {
        Self::post_in(self.dir.path())
    }

    pub fn target(&self) -> ImportTarget {
        ImportTarget {
            workspace: self.dir.path().to_path_buf(),
            post_date: post_day(),
        }
    }

    pub fn images(&self) -> PathBuf {
        self.dir.path().join("assets/images")
    }

    /// File names in `assets/images`, sorted (temp files included, so tests see leftovers).
    pub fn image_names(&self) -> Vec<String> {
        let Ok(entries) = fs::read_dir(self.images()) else {
            return Vec::new();
        };
        let mut names: Vec<String> = entries
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    pub fn import(&self, source: &Path) -> Result<ImportedPhoto, PhotoError> {
        import_photo(
            &PhotoJob::new(source),
            &self.target(),
            &ImportSettings::default(),
        )
    }

    pub fn import_with(
        &self,
        source: &Path,
        settings: &ImportSettings,
    ) -> Result<ImportedPhoto, PhotoError> {
        import_photo(&PhotoJob::new(source), &self.target(), settings)
    }

    pub fn import_batch(&self, sources: &[PathBuf]) -> Vec<Result<ImportedPhoto, PhotoError>> {
        let jobs: Vec<PhotoJob> = sources.iter().map(PhotoJob::new).collect();
        let cancel = AtomicBool::new(false);
        import_photos(
            &jobs,
            &self.target(),
            &ImportSettings::default(),
            &|_| {},
            &cancel,
        )
    }
}

/// An RGB image read back from a JPEG or PNG file.
pub struct Rgb {
    pub width: u32,
    pub height: u32,
    pub data: Vec<u8>,
}

impl Rgb {
    pub fn read(path: &Path) -> Self {
        let image = image_of(&fs::read(path).expect("read output"));
        Rgb {
            width: image.width(),
            height: image.height(),
            data: image.into_raw(),
        }
    }

    pub fn pixel(&self, x: u32, y: u32) -> [u8; 3] {
        let at = (y as usize * self.width as usize + x as usize) * 3;
        [self.data[at], self.data[at + 1], self.data[at + 2]]
    }

    /// Mean absolute difference per channel, 0-255; the sizes must match.
    pub fn mean_diff(&self, other: &Rgb) -> f64 {
        assert_eq!(
            (self.width, self.height),
            (other.width, other.height),
            "sizes differ"
        );
        let sum: u64 = self
            .data
            .iter()
            .zip(&other.data)
            .map(|(a, b)| u64::from(a.abs_diff(*b)))
            .sum();
        sum as f64 / self.data.len() as f64
    }
}

fn image_of(bytes: &[u8]) -> image::RgbImage {
    if bytes.starts_with(&[0xFF, 0xD8]) {
        let img = turbojpeg::decompress(bytes, turbojpeg::PixelFormat::RGB).expect("jpeg");
        image::RgbImage::from_raw(img.width as u32, img.height as u32, img.pixels).expect("rgb")
    } else {
        image::load_from_memory(bytes).expect("image").into_rgb8()
    }
}

/// A JPEG of `width` x `height` pixels from `f(x, y) -> rgb`, quality 95.
pub fn make_jpeg(width: usize, height: usize, f: impl Fn(usize, usize) -> [u8; 3]) -> Vec<u8> {
    let mut pixels = Vec::with_capacity(width * height * 3);
    for y in 0..height {
        for x in 0..width {
            pixels.extend_from_slice(&f(x, y));
        }
    }
    let image = turbojpeg::Image {
        pixels: pixels.as_slice(),
        width,
        pitch: width * 3,
        height,
        format: turbojpeg::PixelFormat::RGB,
    };
    turbojpeg::compress(image, 95, turbojpeg::Subsamp::None)
        .expect("compress")
        .to_vec()
}

/// `jpeg` with an ICC profile spliced in as an APP2 segment right after SOI.
pub fn with_icc_profile(jpeg: &[u8], icc: &[u8]) -> Vec<u8> {
    let mut body = b"ICC_PROFILE\0\x01\x01".to_vec();
    body.extend_from_slice(icc);
    let len = u16::try_from(body.len() + 2).expect("profile fits one segment");
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE2]);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(&body);
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// Chunk types of a PNG file, in order.
pub fn png_chunks(png: &[u8]) -> Vec<String> {
    let mut chunks = Vec::new();
    let mut pos = 8;
    while pos + 8 <= png.len() {
        let len = u32::from_be_bytes([png[pos], png[pos + 1], png[pos + 2], png[pos + 3]]);
        chunks.push(String::from_utf8_lossy(&png[pos + 4..pos + 8]).into_owned());
        pos += 12 + len as usize;
    }
    chunks
}
