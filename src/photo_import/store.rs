//! Writing an encoded photo into the assets folder without ever overwriting: the first free
//! name among `base`, `base-2`, `base-3`... is taken; a file with the same bytes is reused
//! instead of duplicated. A photo of several files (widths, formats) takes one suffix for all
//! of them, and a failure removes the files this call wrote: all or nothing. Each write is atomic (temporary file in the same folder, fsync,
//! then a no-clobber rename), so a crash or a full disk leaves no half photo and no temp file.
//!
//! This is `fs_util::atomic_write` with one difference that matters here: the final step is
//! a hard link that fails when the name exists (`persist_noclobber`), so two imports racing
//! for one name (two threads of a batch, or two windows) can never replace each other's photo.

use std::fs;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use super::naming::with_suffix;
use super::PhotoError;

/// How many suffixed names are tried before giving up.
const MAX_SUFFIX: u32 = 10_000;

/// Where the photo went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stored {
    /// The file in the assets folder.
    pub path: PathBuf,
    /// True when a file with the same bytes was already there and is used as is.
    pub reused: bool,
}

/// One file of a photo to store: `<base>[-n]<tail>.<ext>`.
#[derive(Debug, Clone)]
pub(crate) struct Wanted<'b> {
    /// What follows the base name and its suffix (`-800`, or nothing).
    pub tail: String,
    /// The extension.
    pub ext: &'static str,
    /// The encoded bytes.
    pub bytes: &'b [u8],
}

/// Stores `bytes` as `<dir>/<base>[-n].<ext>`; `source` is the photo, named in errors.
#[cfg(test)]
pub(crate) fn store_photo(
    source: &Path,
    dir: &Path,
    base: &str,
    ext: &'static str,
    bytes: &[u8],
) -> Result<Stored, PhotoError> {
    let wanted = [Wanted {
        tail: String::new(),
        ext,
        bytes,
    }];
    let mut stored = store_photo_set(source, dir, base, &wanted)?;
    Ok(stored.remove(0))
}

/// Stores every file of `wanted` under one suffix `n`: the first for which each name is free
/// or already holds the same bytes. One [`Stored`] per wanted file, in order.
pub(crate) fn store_photo_set(
    source: &Path,
    dir: &Path,
    base: &str,
    wanted: &[Wanted<'_>],
) -> Result<Vec<Stored>, PhotoError> {
    fs::create_dir_all(dir).map_err(|e| write_error(source, dir, e))?;
    let mut n = 1;
    'names: while n <= MAX_SUFFIX {
        let targets: Vec<PathBuf> = wanted
            .iter()
            .map(|w| dir.join(format!("{}{}.{}", with_suffix(base, n), w.tail, w.ext)))
            .collect();
        let mut same = Vec::new();
        for (target, w) in targets.iter().zip(wanted) {
            match same_content(target, w.bytes) {
                Ok(Some(false)) => {
                    n += 1;
                    continue 'names;
                }
                Ok(found) => same.push(found.is_some()),
                Err(e) => return Err(write_error(source, target, e)),
            }
        }
        let mut written: Vec<&PathBuf> = Vec::new();
        for ((target, w), &reused) in targets.iter().zip(wanted).zip(&same) {
            if reused {
                continue;
            }
            match write_new(target, w.bytes) {
                Ok(()) => written.push(target),
                Err(e) => {
                    // All or nothing: what this call wrote goes away.
                    for path in &written {
                        let _ = fs::remove_file(path);
                    }
                    // Someone took a name since we looked: look again at the same names.
                    if e.kind() == ErrorKind::AlreadyExists {
                        continue 'names;
                    }
                    return Err(write_error(source, target, e));
                }
            }
        }
        return Ok(targets
            .into_iter()
            .zip(same)
            .map(|(path, reused)| Stored { path, reused })
            .collect());
    }
    Err(PhotoError::Invalid {
        path: source.to_path_buf(),
        message: format!(
            "{MAX_SUFFIX} photos named {base} already exist in {}",
            dir.display()
        ),
    })
}

/// `Some(true)` when `target` holds exactly `bytes`, `Some(false)` when it holds something
/// else (or is a folder), `None` when there is nothing by that name.
fn same_content(target: &Path, bytes: &[u8]) -> std::io::Result<Option<bool>> {
    let meta = match fs::symlink_metadata(target) {
        Ok(meta) => meta,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    if !meta.is_file() || meta.len() != bytes.len() as u64 {
        return Ok(Some(false));
    }
    Ok(Some(fs::read(target)? == bytes))
}

/// Atomically creates `target` with `bytes`; fails with `AlreadyExists` rather than replace.
fn write_new(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = target.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".lanyard-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    // A tempfile is 0600; a photo in a blog is read by the web server and by git like any file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(tmp.path(), fs::Permissions::from_mode(0o644))?;
    }
    tmp.persist_noclobber(target).map_err(|e| e.error)?;
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

fn write_error(source: &Path, target: &Path, err: std::io::Error) -> PhotoError {
    PhotoError::Write {
        path: source.to_path_buf(),
        target: target.to_path_buf(),
        source: err,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("ls")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn suffixes_other_content_and_reuses_the_same_content() {
        let dir = tempfile::tempdir().expect("tempdir");
        let src = Path::new("a.jpg");
        let first = store_photo(src, dir.path(), "2023-04-19-a", "jpg", b"one").expect("first");
        let other = store_photo(src, dir.path(), "2023-04-19-a", "jpg", b"two").expect("second");
        let again = store_photo(src, dir.path(), "2023-04-19-a", "jpg", b"two").expect("third");
        assert!(!first.reused && !other.reused && again.reused);
        assert!(other.path.ends_with("2023-04-19-a-2.jpg"));
        assert_eq!(again.path, other.path);
        assert_eq!(
            names(dir.path()),
            ["2023-04-19-a-2.jpg", "2023-04-19-a.jpg"]
        );
        assert_eq!(fs::read(&first.path).expect("read"), b"one");
    }

    #[test]
    fn a_set_takes_one_suffix_for_all_its_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let src = Path::new("a.jpg");
        let set = |a: &'static [u8], b: &'static [u8]| {
            let wanted = [
                Wanted {
                    tail: "-800".into(),
                    ext: "webp",
                    bytes: a,
                },
                Wanted {
                    tail: "-1600".into(),
                    ext: "webp",
                    bytes: b,
                },
            ];
            store_photo_set(src, dir.path(), "k", &wanted).expect("stores")
        };
        set(b"small", b"big");
        // Only the wide one differs: both take the suffix -2, so a srcset never mixes photos.
        let second = set(b"small", b"other");
        assert!(second[0].path.ends_with("k-2-800.webp"), "{second:?}");
        assert!(second[1].path.ends_with("k-2-1600.webp"));
        let again = set(b"small", b"other");
        assert!(again.iter().all(|s| s.reused));
        assert_eq!(
            names(dir.path()),
            ["k-1600.webp", "k-2-1600.webp", "k-2-800.webp", "k-800.webp"]
        );
    }

    #[test]
    fn a_file_where_the_folder_should_be_is_an_error_naming_the_photo() {
        let dir = tempfile::tempdir().expect("tempdir");
        let blocker = dir.path().join("images");
        fs::write(&blocker, b"not a folder").expect("write");
        let err = store_photo(Path::new("me.jpg"), &blocker, "x", "jpg", b"1").expect_err("fails");
        assert!(err.to_string().starts_with("me.jpg: "), "{err}");
        assert_eq!(names(dir.path()), ["images"]);
    }
}
