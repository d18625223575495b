#!/usr/bin/env bash
# Photo output formats (issue 18): encode time and size of JPEG (Q82), WebP (Q80) and AVIF
# (Q60, rav1e speed 6) for one 12 MP phone photo, in release, through `lanyard photos import`:
#   1. the import as users get it (long edge 1600), under hyperfine;
#   2. the whole 12 MP picture encoded at full size (`--long-edge 100000`), one timed run each;
#   3. `widths: [800, 1600]` with `markup: picture` (WebP + JPEG fallback, four files).
# Outputs are deleted before each run, so reusing identical files never makes a run look faster.
#
# Usage: scripts/bench-outputs.sh [PHOTO]   (RUNS=n for hyperfine, default 5; LANYARD=binary)
set -euo pipefail
cd "$(dirname "$0")/.."

PHOTO=$(realpath "${1:-../shared/data/photos/mdx__Samsung_SM-G935L__Galaxy_S7_Edge_.jpg}")
RUNS=${RUNS:-5}
command -v hyperfine >/dev/null || { echo "bench-outputs: hyperfine missing (make deps)" >&2; exit 2; }

# LANYARD=path/to/lanyard measures that binary instead of building the release one.
if [ -z "${LANYARD:-}" ]; then
  cargo build --release -q -p lanyard --bin lanyard
  LANYARD=$(realpath "${CARGO_TARGET_DIR:-target}/release/lanyard")
fi

work=$(mktemp -d /tmp/lanyard-bench-outputs.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/blog/_posts"
echo "title: bench" >"$work/blog/_config.yml"
POST="$work/blog/_posts/2023-04-19-bench.md"
printf -- '---\ntitle: Bench\n---\n' >"$POST"
IMAGES="$work/blog/assets/images"

echo "photo: $PHOTO ($(identify -format '%w x %h' "$PHOTO" 2>/dev/null || echo '?'))"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo

echo "== 1. import to long edge 1600"
hyperfine -N --warmup 1 --runs "$RUNS" --prepare "rm -rf $IMAGES" \
  -n jpeg "$LANYARD photos import --post $POST --format jpeg $PHOTO" \
  -n webp "$LANYARD photos import --post $POST --format webp $PHOTO" \
  -n avif "$LANYARD photos import --post $POST --format avif $PHOTO"
for f in jpeg webp avif; do
  rm -rf "$IMAGES"
  rss=$(/usr/bin/time -f %M "$LANYARD" photos import --post "$POST" --format "$f" "$PHOTO" 2>&1 >/dev/null | tail -1)
  printf '%-5s 1600 px: %8d bytes, peak RSS %d MiB\n' "$f" "$(stat -c %s "$IMAGES"/*)" $((rss / 1024))
done

echo
echo "== 2. the full 12 MP picture"
for f in jpeg webp avif; do
  rm -rf "$IMAGES"
  start=$(date +%s.%N)
  "$LANYARD" photos import --post "$POST" --format "$f" --long-edge 100000 "$PHOTO" >/dev/null
  end=$(date +%s.%N)
  printf '%-5s full size: %6.2f s, %9d bytes\n' "$f" "$(echo "$end - $start" | bc)" "$(stat -c %s "$IMAGES"/*)"
done

echo
echo "== 3. widths [800, 1600], picture (WebP + JPEG fallback)"
printf 'title: bench\nlanyard:\n  images:\n    format: webp\n    widths: [800, 1600]\n    markup: picture\n' >"$work/blog/_config.yml"
hyperfine -N --warmup 1 --runs "$RUNS" --prepare "rm -rf $IMAGES" \
  -n picture "$LANYARD photos import --post $POST $PHOTO"
ls -l "$IMAGES" | awk 'NR > 1 { printf "%9d %s\n", $5, $9 }'
