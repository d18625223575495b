#!/usr/bin/env bash
# HEIC import speed and quality (issue 18): a 12 MP phone photo saved as HEIC, to a 1600 px
# JPEG, `lanyard photos import` vs `vipsthumbnail` (libvips 8.14, which decodes HEIC through
# the same libheif 1.15 and libde265) on the same file in the same run, under hyperfine.
#   - grid: 48 tiles of 512x512 and a rotation box, as an iPhone stores a 12 MP photo
#     (made by scripts/make-heic-fixtures.py --grid from the JPEG);
#   - single: one coded 4032x3024 picture (heif-enc's own output).
# Then the SSIM of each output against a careful reference (ImageMagick: the JPEG original
# decoded full size, auto-rotated, Lanczos to 1600, lossless PNG), and one import's peak RSS.
# Targets: lanyard / vipsthumbnail <= 1 (stretch 0.7), SSIM no worse than vipsthumbnail's.
#
# Usage: scripts/bench-heic.sh [PHOTO.jpg]   (RUNS=n; PYTHON=python with Pillow and numpy for
# the SSIM; without one, a venv is made in /tmp/lanyard-bench-venv from PyPI)
set -euo pipefail
cd "$(dirname "$0")/.."

PHOTOS=${PHOTOS:-../shared/data/photos}
PHOTO=$(realpath "${1:-$PHOTOS/derived__S7Edge_orient6.jpg}")
RUNS=${RUNS:-10}
for tool in vipsthumbnail hyperfine jq heif-enc /usr/bin/convert; do
  command -v "$tool" >/dev/null || { echo "bench-heic: $tool missing (make deps)" >&2; exit 2; }
done

cargo build --release -q -p lanyard --bin lanyard
LANYARD=$(realpath "${CARGO_TARGET_DIR:-target}/release/lanyard")

work=$(mktemp -d /tmp/lanyard-bench-heic.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/blog/_posts" "$work/out"
echo "title: bench" >"$work/blog/_config.yml"
POST="$work/blog/_posts/2023-04-19-bench.md"
printf -- '---\ntitle: Bench\n---\n' >"$POST"

echo "== making the HEIC files from $(basename "$PHOTO")"
python3 scripts/make-heic-fixtures.py --grid "$PHOTO" "$work/grid.heic"
/usr/bin/convert "$PHOTO" -auto-orient "$work/upright.png"
python3 scripts/make-heic-fixtures.py --single "$work/upright.png" "$work/single.heic"

clean="rm -rf $work/blog/assets $work/out/*.jpg"
for kind in grid single; do
  echo "== $kind.heic ($(heif-info "$work/$kind.heic" | sed -n 's/^image: \([0-9x]*\).*/\1/p'), $(stat -c %s "$work/$kind.heic") bytes)"
  hyperfine --warmup 2 --runs "$RUNS" --prepare "$clean" --export-json "$work/$kind.json" \
    -n lanyard "$LANYARD photos import --post $POST $work/$kind.heic" \
    -n vipsthumbnail "vipsthumbnail $work/$kind.heic --size 1600 -o '$work/out/vips.jpg[Q=82,strip]'"
done

mean() { jq -r ".results[] | select(.command == \"$2\") | .mean" "$work/$1.json"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
ms() { awk -v a="$1" 'BEGIN { printf "%.0f ms", a * 1000 }'; }

eval "$clean"
rss=$(/usr/bin/time -f '%M' "$LANYARD" photos import --post "$POST" "$work/grid.heic" 2>&1 >/dev/null | tail -1)

PYTHON=${PYTHON:-/tmp/lanyard-bench-venv/bin/python}
if ! "$PYTHON" -c 'import PIL, numpy' 2>/dev/null; then
  echo "bench-heic: making a venv with Pillow and numpy in /tmp/lanyard-bench-venv"
  python3 -m venv /tmp/lanyard-bench-venv
  /tmp/lanyard-bench-venv/bin/pip install -q pillow numpy
  PYTHON=/tmp/lanyard-bench-venv/bin/python
fi
eval "$clean"
"$LANYARD" photos import --post "$POST" "$work/grid.heic" >/dev/null
vipsthumbnail "$work/grid.heic" --size 1600 -o "$work/out/vips.jpg[Q=82,strip]"
/usr/bin/convert "$PHOTO" -auto-orient -filter Lanczos -resize '1600x1600>' "$work/out/ref.png"
lanyard_out=$(find "$work/blog/assets/images" -name '*.jpg' | head -1)
mapfile -t ssim < <("$PYTHON" scripts/ssim.py "$work/out/ref.png" "$lanyard_out" "$work/out/vips.jpg")
ssim_line="lanyard ${ssim[0]}, vipsthumbnail ${ssim[1]} (higher is better)"

echo
echo "== summary ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
for kind in grid single; do
  l=$(mean "$kind" lanyard); v=$(mean "$kind" vipsthumbnail)
  echo "$kind: lanyard $(ms "$l"), vipsthumbnail $(ms "$v"), ratio $(ratio "$l" "$v") (target <= 1, stretch 0.7)"
done
echo "peak memory of one grid import: $((rss / 1024)) MiB"
echo "SSIM against the careful reference (grid): $ssim_line"
