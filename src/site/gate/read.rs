//! The read policy: inside the site (or a theme root) after following links, regular files
//! only, no more than the cap of the file's kind.

use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};

use super::{FileKind, Gate};
use crate::{Error, Result};

/// A file the gate lets through: where it really is and how big it was when checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Admitted {
    /// The real path (links followed), inside a root of the gate.
    pub real: PathBuf,
    /// Its size in bytes, at most the cap of its kind.
    pub size: u64,
}

impl Gate {
    /// Checks that `path` may be read as a `kind` file, without opening it: its real path is
    /// inside a root, it is a regular file (not a FIFO, device, socket or folder) and it is no
    /// larger than `kind`'s cap. A missing file is an I/O error naming `path`.
    pub fn admit(&self, path: &Path, kind: FileKind) -> Result<Admitted> {
        let real = path.canonicalize().map_err(|e| Error::io(path, e))?;
        if !self.contains(&real) {
            return Err(Error::OutsideSite {
                path: path.to_path_buf(),
                target: real,
            });
        }
        // `metadata` never opens the file: a FIFO is refused here instead of blocking.
        let meta = fs::metadata(&real).map_err(|e| Error::io(path, e))?;
        check_meta(path, &meta, kind)?;
        Ok(Admitted {
            real,
            size: meta.len(),
        })
    }

    /// Reads a `kind` file under the policy of [`Gate::admit`]. The file is opened without
    /// blocking and checked again once open (it may have been swapped since), and at most the
    /// cap is read: a file that grew past it is [`Error::TooLarge`].
    pub fn read_bytes(&self, path: &Path, kind: FileKind) -> Result<Vec<u8>> {
        let admitted = self.admit(path, kind)?;
        let file = open_nonblocking(&admitted.real).map_err(|e| Error::io(path, e))?;
        let meta = file.metadata().map_err(|e| Error::io(path, e))?;
        check_meta(path, &meta, kind)?;
        read_capped(file, path, meta.len(), kind.limit())
    }

    /// Reads a UTF-8 `kind` text file under the policy of [`Gate::admit`]. A binary file (a NUL
    /// byte) or invalid UTF-8 is an [`Error::Invalid`] naming the file.
    pub fn read_text(&self, path: &Path, kind: FileKind) -> Result<String> {
        let bytes = self.read_bytes(path, kind)?;
        crate::fs_util::text_from_bytes(path, bytes)
    }
}

impl Gate {
    /// Checks that a file may be written at `path`: it is not a link, and its nearest existing
    /// folder is inside a root once links are followed (a `assets -> /tmp` link in the target
    /// would otherwise carry a write out of it). Nothing is created.
    pub fn check_write_target(&self, path: &Path) -> Result<()> {
        if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
            let target = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
            return Err(Error::OutsideSite {
                path: path.to_path_buf(),
                target,
            });
        }
        let Some(existing) = path.ancestors().skip(1).find(|a| a.exists()) else {
            return Err(Error::io(path, std::io::ErrorKind::NotFound.into()));
        };
        let real = existing
            .canonicalize()
            .map_err(|e| Error::io(existing, e))?;
        if self.contains(&real) {
            Ok(())
        } else {
            Err(Error::OutsideSite {
                path: path.to_path_buf(),
                target: real,
            })
        }
    }
}

/// Reads a file the gate admitted earlier (its real path, [`Admitted::real`]), refusing it if
/// it became a link, a FIFO or another special file since, or grew past `kind`'s cap: for
/// work done after a plan was checked (publish's copies).
pub fn read_admitted(real: &Path, kind: FileKind) -> Result<Vec<u8>> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW);
    }
    let file = options.open(real).map_err(|e| match e.raw_os_error() {
        // O_NOFOLLOW on a link fails with ELOOP: the file was swapped for a link.
        Some(code) if code == libc_eloop() => Error::OutsideSite {
            path: real.to_path_buf(),
            target: real.canonicalize().unwrap_or_else(|_| real.to_path_buf()),
        },
        _ => Error::io(real, e),
    })?;
    let meta = file.metadata().map_err(|e| Error::io(real, e))?;
    check_meta(real, &meta, kind)?;
    read_capped(file, real, meta.len(), kind.limit())
}

#[cfg(unix)]
fn libc_eloop() -> i32 {
    libc::ELOOP
}

#[cfg(not(unix))]
fn libc_eloop() -> i32 {
    -1
}

/// A regular file within `kind`'s cap, else the refusal naming `path`.
fn check_meta(path: &Path, meta: &fs::Metadata, kind: FileKind) -> Result<()> {
    if !meta.is_file() {
        return Err(Error::NotRegularFile {
            path: path.to_path_buf(),
        });
    }
    if meta.len() > kind.limit() {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size: meta.len(),
            limit: kind.limit(),
        });
    }
    Ok(())
}

/// Opens `real` for reading; on Unix with `O_NONBLOCK`, so that a FIFO put in place after the
/// check cannot block the open (the descriptor's type is checked right after).
fn open_nonblocking(real: &Path) -> std::io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(real)
}

/// Reads at most `limit` bytes of `file`; more is [`Error::TooLarge`].
fn read_capped(file: File, path: &Path, size: u64, limit: u64) -> Result<Vec<u8>> {
    let capacity = usize::try_from(size.min(limit)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    let read = bytes.len() as u64;
    if read > limit {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size: read,
            limit,
        });
    }
    Ok(bytes)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn site() -> (tempfile::TempDir, Gate) {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::create_dir_all(dir.path().join("blog/assets")).expect("mkdir");
        fs::write(dir.path().join("blog/assets/a.png"), b"png").expect("write");
        fs::write(dir.path().join("secret.txt"), b"secret").expect("write");
        let gate = Gate::new(&dir.path().join("blog")).expect("gate");
        (dir, gate)
    }

    #[test]
    fn reads_a_file_of_the_site() {
        let (dir, gate) = site();
        let bytes = gate
            .read_bytes(&dir.path().join("blog/assets/a.png"), FileKind::Image)
            .expect("read");
        assert_eq!(bytes, b"png");
    }

    #[test]
    fn refuses_a_link_out_of_the_site_naming_both_ends() {
        let (dir, gate) = site();
        let link = dir.path().join("blog/assets/leak.png");
        symlink(dir.path().join("secret.txt"), &link).expect("symlink");
        let err = gate
            .read_bytes(&link, FileKind::Image)
            .expect_err("outside");
        assert_eq!(err.kind(), "outside_site");
        assert!(err.to_string().contains("leak.png"), "{err}");
        assert!(err.to_string().contains("secret.txt"), "{err}");
    }

    #[test]
    fn allows_a_theme_root() {
        let (dir, gate) = site();
        let gate = gate.with_theme_root(dir.path()).expect("theme");
        assert!(gate
            .admit(&dir.path().join("secret.txt"), FileKind::Asset)
            .is_ok());
    }

    #[test]
    fn refuses_a_fifo_without_opening_it() {
        let (dir, gate) = site();
        let fifo = dir.path().join("blog/assets/pipe.png");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo");
        assert!(status.success());
        let err = gate.read_bytes(&fifo, FileKind::Image).expect_err("fifo");
        assert_eq!(err.kind(), "not_regular_file");
        assert!(err.to_string().contains("pipe.png"), "{err}");
    }

    #[test]
    fn refuses_folders_and_files_over_the_cap() {
        let (dir, gate) = site();
        let err = gate
            .admit(&dir.path().join("blog/assets"), FileKind::Image)
            .expect_err("folder");
        assert_eq!(err.kind(), "not_regular_file");
        let big = dir.path().join("blog/_config.yml");
        let file = File::create(&big).expect("create");
        file.set_len(FileKind::Config.limit() + 1).expect("grow");
        let err = gate.read_text(&big, FileKind::Config).expect_err("big");
        assert_eq!(err.kind(), "too_large");
        assert!(err.to_string().contains("_config.yml"), "{err}");
    }

    #[test]
    fn read_admitted_refuses_a_file_swapped_for_a_link() {
        let (dir, gate) = site();
        let file = dir.path().join("blog/assets/a.png");
        let admitted = gate.admit(&file, FileKind::Image).expect("admit");
        fs::remove_file(&file).expect("rm");
        symlink(dir.path().join("secret.txt"), &file).expect("swap");
        let err = read_admitted(&admitted.real, FileKind::Image).expect_err("swapped");
        assert_eq!(err.kind(), "outside_site");
    }

    #[test]
    fn refuses_writes_through_a_link_out_of_the_site() {
        let (dir, gate) = site();
        symlink(dir.path(), dir.path().join("blog/out")).expect("link");
        let err = gate
            .check_write_target(&dir.path().join("blog/out/new/x.png"))
            .expect_err("out");
        assert_eq!(err.kind(), "outside_site");
        assert!(gate
            .check_write_target(&dir.path().join("blog/assets/new/x.png"))
            .is_ok());
    }

    #[test]
    fn read_capped_stops_at_the_cap() {
        let (dir, _gate) = site();
        let path = dir.path().join("secret.txt");
        let file = File::open(&path).expect("open");
        let err = read_capped(file, &path, 0, 3).expect_err("grew");
        assert_eq!(err.kind(), "too_large");
    }
}
