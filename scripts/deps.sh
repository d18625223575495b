#!/usr/bin/env bash
# Installs what Lanyard needs on Debian 12 and is missing; idempotent (does nothing when all is there).
# Used by `make deps`, hence by `make run` and `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  # core tests: the fidelity judge, with the theme and plugins the theme view is compared on
  jekyll ruby-kramdown-parser-gfm
  ruby-jekyll-seo-tag ruby-jekyll-feed ruby-jekyll-sitemap ruby-jekyll-paginate jekyll-theme-minima
  # code highlighting: rouge (a jekyll dependency) is the reference for the token classes
  ruby-rouge
  # desktop app (Tauri 2 on WebKitGTK 4.1)
  build-essential pkg-config libssl-dev libwebkit2gtk-4.1-dev librsvg2-dev
  libayatana-appindicator3-dev libxdo-dev
  # photo import: the turbojpeg crate builds libjpeg-turbo from source (cmake, nasm for SIMD);
  # scripts/bench-photos.sh compares with vipsthumbnail and ImageMagick under hyperfine
  cmake nasm libvips-tools hyperfine
  # HEIC/HEIF import: libheif-rs links the system's libheif (1.15 with libde265); heif-enc makes
  # the HEIC fixtures (scripts/make-heic-fixtures.py); GNU time measures an import's peak RSS
  libheif-dev libheif-examples time
  # WebP output: the libwebp crate links the system's libwebp (found with pkg-config); AVIF
  # output is ravif/rav1e (pure Rust; its SIMD is assembled with nasm, above)
  libwebp-dev
  # publishing: pushes (and the publish tests' repositories) go through the user's own git
  git
  # spell checking dictionaries
  hunspell-fr hunspell-en-us
  # end-to-end tests and screenshots
  xvfb xauth webkit2gtk-driver imagemagick
  # e2e: a real native file drop from a GTK3 drag source (photos) and typing into the native
  # file dialog (talks), both moved with xdotool
  python3-gi gir1.2-gtk-3.0 xdotool
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "deps: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null; then
  echo "deps: cargo not found; install the Rust toolchain (https://rustup.rs) and run again" >&2
  exit 2
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "deps: Node.js 20+ and npm are needed for the UI (node and npm not found)" >&2
  exit 2
fi

# tauri-driver (WebDriver for the end-to-end tests); v2 matches Tauri 2.
if ! command -v tauri-driver >/dev/null && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  echo "deps: cargo install tauri-driver"
  cargo install tauri-driver --version '^2' --locked -q
fi

# The UI's and the end-to-end tests' npm packages, reinstalled only when a lock file changed.
for dir in ui tests/e2e; do
  if [ -f "$dir/package-lock.json" ]; then
    if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
      echo "deps: npm ci ($dir)"
      (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    fi
  fi
done
