//! Hostile inputs through the CLI under a 2 GiB address-space limit (`ulimit -v`), each with
//! a 30 s guard: a FIFO named like a photo, PNGs whose 16-bit RGBA pixels would take 800 MB
//! decoded, a batch of three of them. Each ends by itself with one error naming the file,
//! nothing written for it, and the good photos of the batch imported.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::helpers::{fixture, Blog};

/// The guard: a bad input still running after this is a hang, and the test fails.
const GUARD: Duration = Duration::from_secs(30);

/// Runs `lanyard photos import --post POST FILES...` under `ulimit -v 2097152` (KiB) and the
/// guard; kills it and fails when the guard runs out.
fn import_limited(blog: &Blog, files: &[PathBuf]) -> Output {
    run_limited(blog, files, &[], GUARD)
}

/// [`import_limited`] with a command put before lanyard (`/usr/bin/time`) and another guard.
fn run_limited(blog: &Blog, files: &[PathBuf], wrapper: &[&str], guard: Duration) -> Output {
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg("ulimit -v 2097152; exec \"$@\"")
        .arg("sh")
        .args(wrapper)
        .arg(env!("CARGO_BIN_EXE_lanyard"))
        .args(["photos", "import", "--post"])
        .arg(blog.post())
        .args(files)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("spawn lanyard");
    let started = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > guard {
            let _ = child.kill();
            let _ = child.wait();
            panic!("lanyard photos import {files:?} still running after {guard:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().expect("output")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A complete, valid PNG of `width` x `height` black pixels, `color` (2 RGB, 6 RGBA) at
/// `depth` bits, compressed as it is written (a few hundred KB for 800 MB of pixels).
pub fn write_black_png(path: &Path, width: u32, height: u32, color: u8, depth: u8) {
    let channels: usize = if color == 6 { 4 } else { 3 };
    let row = vec![0u8; 1 + width as usize * channels * usize::from(depth / 8)];
    let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    for _ in 0..height {
        zlib.write_all(&row).expect("deflate");
    }
    let idat = zlib.finish().expect("deflate");
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[depth, color, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    for (kind, body) in [(b"IHDR", ihdr), (b"IDAT", idat), (b"IEND", Vec::new())] {
        png.extend_from_slice(&u32::try_from(body.len()).expect("chunk").to_be_bytes());
        let mut crc = crc32fast::Hasher::new();
        crc.update(kind);
        crc.update(&body);
        png.extend_from_slice(kind);
        png.extend_from_slice(&body);
        png.extend_from_slice(&crc.finalize().to_be_bytes());
    }
    fs::write(path, png).expect("write png");
}

#[test]
fn a_fifo_named_like_a_photo_is_refused_without_waiting() {
    let blog = Blog::new();
    let fifo = blog.dir.path().join("IMG_0001.jpg");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let good = fixture("orientation/Landscape_1.jpg");
    let out = import_limited(&blog, &[fifo.clone(), good]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stderr),
        format!(
            "{}: not a regular file (FIFO, device, socket or folder); not read\n",
            fifo.display()
        )
    );
    assert_eq!(
        text(&out.stdout),
        "![](/assets/images/2023-04-19-landscape-1.jpg)\n"
    );
}

#[test]
fn a_batch_of_three_800_mb_pngs_is_refused_by_the_decode_budget_without_a_panic() {
    let blog = Blog::new();
    let inputs = tempfile::tempdir().expect("tempdir");
    let mut files = Vec::new();
    for n in 1..=3 {
        let path = inputs.path().join(format!("deep-{n}.png"));
        write_black_png(&path, 10_000, 10_000, 6, 16);
        files.push(path);
    }
    files.push(fixture("orientation/Portrait_1.jpg"));
    let out = import_limited(&blog, &files);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    for (line, file) in lines.iter().zip(&files) {
        assert!(
            line.starts_with(&format!("{}: 10000x10000 needs ", file.display())),
            "{line}"
        );
        assert!(
            line.ends_with("MB to decode, over the 536 MB budget"),
            "{line}"
        );
    }
    assert_eq!(blog.image_names(), ["2023-04-19-portrait-1.jpg"]);
}

#[test]
fn a_big_16_bit_png_within_the_budget_imports_under_the_limit_with_peak_rss_under_1_gib() {
    // 7000x7000 16-bit RGB: 294 MB decoded, 196 MB more in 8 bits, just under the 512 MiB
    // budget. A legitimate import, not a hang: it gets a longer guard than the bad inputs
    // (55 s in a debug build on two cores under a load of 16; a few seconds in release).
    let blog = Blog::new();
    let inputs = tempfile::tempdir().expect("tempdir");
    let path = inputs.path().join("scan.png");
    write_black_png(&path, 7_000, 7_000, 2, 16);
    let out = run_limited(
        &blog,
        &[path],
        &["/usr/bin/time", "-f", "%M"],
        Duration::from_secs(300),
    );
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(
        text(&out.stdout),
        "![](/assets/images/2023-04-19-scan.png)\n"
    );
    // GNU time (Debian package `time`) prints the peak RSS in KiB as the last line.
    let rss_kib: u64 = stderr
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok())
        .unwrap_or_else(|| panic!("no RSS from /usr/bin/time: {stderr}"));
    assert!(rss_kib < 1 << 20, "peak RSS {rss_kib} KiB");
}

#[test]
fn broken_heic_files_end_under_the_limit_with_one_line_each() {
    let blog = Blog::new();
    let files: Vec<PathBuf> = ["huge-grid", "truncated", "unsupported-codec"]
        .iter()
        .map(|n| fixture(&format!("heic/{n}.heic")))
        .collect();
    let out = import_limited(&blog, &files);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    for (line, file) in lines.iter().zip(&files) {
        assert!(line.starts_with(&format!("{}: ", file.display())), "{line}");
    }
    assert!(blog.image_names().is_empty());
}
