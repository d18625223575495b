//! Photo import benchmark: one 12 MP phone JPEG through the whole in-memory pipeline
//! (read, decode at 1/2 DCT scale, resize to 1600, orient, encode Q82), and the pieces;
//! also the photo inbox's thumbnail of it.
//! The photo comes from `../shared/data/photos` (not committed: 4 MB); without it the
//! benchmark says so and measures nothing. `scripts/bench-photos.sh` times the whole
//! process against vipsthumbnail and ImageMagick.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion};
use lanyard::photo_import::{prepare_photo, ImportSettings};

fn phone_photo() -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/photos/derived__S7Edge_orient6.jpg");
    path.is_file().then_some(path)
}

fn bench_prepare(c: &mut Criterion) {
    let Some(photo) = phone_photo() else {
        eprintln!("photo_import bench: ../shared/data/photos not found, nothing measured");
        return;
    };
    let mut group = c.benchmark_group("photo_import");
    group.sample_size(20);
    let baseline = ImportSettings::default();
    group.bench_function("12mp_jpeg_baseline", |b| {
        b.iter(|| prepare_photo(black_box(&photo), &baseline).expect("imports"))
    });
    let progressive = ImportSettings {
        progressive: true,
        ..ImportSettings::default()
    };
    group.bench_function("12mp_jpeg_progressive", |b| {
        b.iter(|| prepare_photo(black_box(&photo), &progressive).expect("imports"))
    });
    // The inbox tray's thumbnail of the same photo, as made once per photo (uncached).
    let thumbnail = lanyard::photo_inbox::thumbnail::thumbnail_settings();
    group.bench_function("12mp_jpeg_inbox_thumbnail", |b| {
        b.iter(|| prepare_photo(black_box(&photo), &thumbnail).expect("thumbnail"))
    });
    group.finish();
}

criterion_group!(benches, bench_prepare);
criterion_main!(benches);
