#!/usr/bin/env bash
# Photo import speed and quality, whole process, side by side (issue 5):
#   1. one 12 MP phone JPEG to long edge 1600, auto-rotated, stripped, Q82:
#      `lanyard photos import` vs vipsthumbnail vs ImageMagick vs Pillow (draft + thumbnail);
#   2. a batch of 20 phone photos: lanyard (all cores) vs Pillow's process pool vs vipsthumbnail;
#   3. peak memory of one import, and SSIM of each output against a careful reference
#      (ImageMagick: full-size decode, Lanczos, lossless PNG).
# Prints hyperfine's tables, then the ratios against the targets (single <= 0.5 x vipsthumbnail,
# batch <= 0.7 x Pillow's pool, peak memory < 40 MiB). Outputs are deleted before every run
# (hyperfine --prepare), so lanyard's reuse of identical files never makes a run look faster.
#
# Usage: scripts/bench-photos.sh [PHOTO]   (PHOTOS=dir of phone JPEGs, RUNS=n, PYTHON=python
# with Pillow and numpy; without one, a venv is made in /tmp/lanyard-bench-venv from PyPI)
set -euo pipefail
cd "$(dirname "$0")/.."

PHOTOS=${PHOTOS:-../shared/data/photos}
PHOTO=$(realpath "${1:-$PHOTOS/derived__S7Edge_orient6.jpg}")
RUNS=${RUNS:-15}
for tool in vipsthumbnail hyperfine jq /usr/bin/convert; do
  command -v "$tool" >/dev/null || { echo "bench-photos: $tool missing (make deps)" >&2; exit 2; }
done

PYTHON=${PYTHON:-/tmp/lanyard-bench-venv/bin/python}
if ! "$PYTHON" -c 'import PIL, numpy' 2>/dev/null; then
  echo "bench-photos: making a venv with Pillow and numpy in /tmp/lanyard-bench-venv"
  python3 -m venv /tmp/lanyard-bench-venv
  /tmp/lanyard-bench-venv/bin/pip install -q pillow numpy
  PYTHON=/tmp/lanyard-bench-venv/bin/python
fi

cargo build --release -q -p lanyard --bin lanyard
LANYARD=$(realpath "${CARGO_TARGET_DIR:-target}/release/lanyard")

work=$(mktemp -d /tmp/lanyard-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/blog/_posts" "$work/batch" "$work/out"
echo "title: bench" >"$work/blog/_config.yml"
POST="$work/blog/_posts/2023-04-19-bench.md"
printf -- '---\ntitle: Bench\n---\n' >"$POST"

# 20 phone photos: the large JPEGs of the photo folder, copied under distinct names.
mapfile -t big < <(find "$PHOTOS" -maxdepth 1 -name '*.jpg' -size +800k | sort)
((${#big[@]})) || { echo "bench-photos: no phone JPEGs in $PHOTOS" >&2; exit 2; }
for i in $(seq 0 19); do cp "${big[i % ${#big[@]}]}" "$work/batch/photo-$i.jpg"; done

cat >"$work/pil_one.py" <<'EOF'
import sys
from PIL import Image, ImageOps
src, dst = sys.argv[1], sys.argv[2]
with Image.open(src) as im:
    im.draft("RGB", (1600, 1600))
    im = ImageOps.exif_transpose(im)
    im.thumbnail((1600, 1600), Image.LANCZOS)
    im.save(dst, quality=82)
EOF
cat >"$work/pil_pool.py" <<'EOF'
import os, sys
from multiprocessing import Pool
from PIL import Image, ImageOps
def one(args):
    src, dst = args
    with Image.open(src) as im:
        im.draft("RGB", (1600, 1600))
        im = ImageOps.exif_transpose(im)
        im.thumbnail((1600, 1600), Image.LANCZOS)
        im.save(dst, quality=82)
if __name__ == "__main__":
    out = sys.argv[1]
    jobs = [(s, os.path.join(out, os.path.basename(s))) for s in sys.argv[2:]]
    with Pool(os.cpu_count()) as pool:
        pool.map(one, jobs)
EOF

clean="rm -rf $work/blog/assets $work/out; mkdir -p $work/out"
echo "== one photo: $(basename "$PHOTO") ($(identify -format '%wx%h' "$PHOTO"))"
hyperfine --warmup 2 --runs "$RUNS" --prepare "$clean" --export-json "$work/one.json" \
  -n lanyard "$LANYARD photos import --post $POST $PHOTO" \
  -n vipsthumbnail "vipsthumbnail $PHOTO --size 1600 -o '$work/out/vips.jpg[Q=82,strip]'" \
  -n imagemagick "/usr/bin/convert $PHOTO -auto-orient -resize '1600x1600>' -strip -quality 82 $work/out/im.jpg" \
  -n pillow "$PYTHON $work/pil_one.py $PHOTO $work/out/pil.jpg"

echo "== batch of 20 photos on $(nproc) cores"
hyperfine --warmup 1 --runs "$((RUNS < 10 ? RUNS : 10))" --prepare "$clean" --export-json "$work/batch.json" \
  -n lanyard "$LANYARD photos import --post $POST $work/batch/*.jpg" \
  -n pillow-pool "$PYTHON $work/pil_pool.py $work/out $work/batch/*.jpg" \
  -n vipsthumbnail "vipsthumbnail $work/batch/*.jpg --size 1600 -o '$work/out/%s.jpg[Q=82,strip]'"

mean() { jq -r ".results[] | select(.command == \"$2\") | .mean" "$work/$1.json"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
ms() { awk -v a="$1" 'BEGIN { printf "%.0f ms", a * 1000 }'; }

# Peak memory of one import (max RSS of the whole process, KiB).
eval "$clean"
rss=$(/usr/bin/time -f '%M' "$LANYARD" photos import --post "$POST" "$PHOTO" 2>&1 >/dev/null | tail -1)

# SSIM against a careful reference, on the luma channel with 7x7 windows.
eval "$clean"
"$LANYARD" photos import --post "$POST" "$PHOTO" >/dev/null
vipsthumbnail "$PHOTO" --size 1600 -o "$work/out/vips.jpg[Q=82,strip]"
/usr/bin/convert "$PHOTO" -auto-orient -filter Lanczos -resize '1600x1600>' "$work/out/ref.png"
lanyard_out=$(find "$work/blog/assets/images" -name '*.jpg' | head -1)
mapfile -t ssim < <("$PYTHON" scripts/ssim.py "$work/out/ref.png" "$lanyard_out" "$work/out/vips.jpg")

one_l=$(mean one lanyard); one_v=$(mean one vipsthumbnail); one_i=$(mean one imagemagick)
one_p=$(mean one pillow)
bat_l=$(mean batch lanyard); bat_p=$(mean batch pillow-pool); bat_v=$(mean batch vipsthumbnail)
echo
echo "== summary ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores)"
echo "one photo:  lanyard $(ms "$one_l"), vipsthumbnail $(ms "$one_v"), imagemagick $(ms "$one_i"), pillow $(ms "$one_p")"
echo "            lanyard / vipsthumbnail = $(ratio "$one_l" "$one_v") (target <= 0.5, stretch 0.4)"
echo "            lanyard / imagemagick   = $(ratio "$one_l" "$one_i")"
echo "            lanyard / pillow        = $(ratio "$one_l" "$one_p")"
echo "20 photos:  lanyard $(ms "$bat_l"), pillow pool $(ms "$bat_p"), vipsthumbnail $(ms "$bat_v")"
echo "            lanyard / pillow pool   = $(ratio "$bat_l" "$bat_p") (target <= 0.7)"
echo "            lanyard / vipsthumbnail = $(ratio "$bat_l" "$bat_v")"
echo "peak memory of one import: $((rss / 1024)) MiB (target < 40)"
echo "SSIM against the careful reference: lanyard ${ssim[0]}, vipsthumbnail ${ssim[1]} (higher is better)"
