//! Finding a gem theme (`theme: minima` in `_config.yml`) where a Jekyll user has it
//! installed: the site's `vendor/bundle`, `GEM_HOME`, `GEM_PATH`, the user's gem folders, and
//! the system gem folders (Debian's `jekyll-theme-*` packages put theirs in
//! `/usr/share/rubygems-integration/all/gems/`). The newest version found wins, as RubyGems
//! activates the newest installed gem when no Gemfile pins one.

use std::path::{Path, PathBuf};

/// Where a gem named `name` may be installed, most specific first: each folder holds
/// `gems/<name>-<version>/`.
pub fn gem_roots(site: &Path) -> Vec<PathBuf> {
    let mut roots = versioned(&site.join("vendor/bundle/ruby"));
    if let Some(home) = std::env::var_os("GEM_HOME") {
        roots.push(PathBuf::from(home));
    }
    if let Some(paths) = std::env::var_os("GEM_PATH") {
        roots.extend(std::env::split_paths(&paths));
    }
    if let Some(home) = std::env::var_os("HOME").map(PathBuf::from) {
        roots.extend(versioned(&home.join(".gem/ruby")));
        roots.extend(versioned(&home.join(".local/share/gem/ruby")));
    }
    for system in [
        "/var/lib/gems",
        "/usr/local/lib/ruby/gems",
        "/usr/lib/ruby/gems",
    ] {
        roots.extend(versioned(Path::new(system)));
    }
    roots.push(PathBuf::from("/usr/share/rubygems-integration/all"));
    roots
}

/// The `<base>/<ruby version>/` folders (`vendor/bundle/ruby/3.1.0`, `~/.gem/ruby/3.1.0`),
/// newest Ruby first.
fn versioned(base: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = match std::fs::read_dir(base) {
        Ok(entries) => entries.flatten().map(|e| e.path()).collect(),
        Err(_) => Vec::new(),
    };
    found.sort();
    found.reverse();
    found
}

/// The folder of the newest installed version of gem `name` under `roots`, else `None`.
/// `name` must be a plain gem name (letters, digits, `-`, `_`, `.`).
pub fn find_gem(name: &str, roots: &[PathBuf]) -> Option<PathBuf> {
    let plain = !name.is_empty()
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if !plain {
        return None;
    }
    for root in roots {
        let Ok(entries) = std::fs::read_dir(root.join("gems")) else {
            continue;
        };
        let best = entries
            .flatten()
            .filter_map(|e| {
                let file_name = e.file_name().to_string_lossy().into_owned();
                let version = file_name.strip_prefix(name)?.strip_prefix('-')?.to_string();
                let numeric = version.chars().next().is_some_and(|c| c.is_ascii_digit());
                (numeric && e.path().is_dir()).then(|| (version_key(&version), e.path()))
            })
            .max_by(|a, b| a.0.cmp(&b.0));
        if let Some((_, path)) = best {
            return Some(path);
        }
    }
    None
}

/// A version string as numbers to compare (`2.10.1` after `2.9.0`).
fn version_key(version: &str) -> Vec<u64> {
    version
        .split(['.', '-'])
        .map(|p| p.parse().unwrap_or(0))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_newest_version_of_the_named_gem() {
        let root = tempfile::tempdir().expect("root");
        for dir in ["minima-2.5.1", "minima-2.10.0", "minimal-9.0.0", "minima-x"] {
            std::fs::create_dir_all(root.path().join("gems").join(dir)).expect("mkdir");
        }
        let roots = vec![root.path().to_path_buf()];
        let found = find_gem("minima", &roots).expect("found");
        assert!(found.ends_with("minima-2.10.0"));
        assert!(find_gem("nope", &roots).is_none());
        assert!(find_gem("../minima", &roots).is_none());
    }

    #[test]
    fn looks_in_the_sites_vendor_bundle_first() {
        let site = tempfile::tempdir().expect("site");
        let vendored = site.path().join("vendor/bundle/ruby/3.1.0");
        std::fs::create_dir_all(vendored.join("gems/minima-2.5.1")).expect("mkdir");
        let roots = gem_roots(site.path());
        assert_eq!(roots.first(), Some(&vendored));
    }
}
