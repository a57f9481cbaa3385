#!/bin/sh
# End-to-end crawl benchmark: a .warc.gz holding the benchmark pages as HTTP response records (Common
# Crawl layout: a request and a metadata record around each response), read by `onrecord extract
# --output-format jsonl` with -j 1 and -j 2: WARC reading, gunzip, charset, parse, extract, JSON out.
# Prints pages/s by wall clock and by CPU time, and peak RSS, best of 3 runs.
# Usage: bench/crawl.sh [BUILD_DIR] [REPEAT]   (BUILD_DIR must have ONR_BENCH on; default build-bench)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-bench}
repeat=${2:-5}
pages=${ONR_BENCH_DATA:-$root/../shared/bench}/extraction/scrapinghub/html
tmp=${TMPDIR:-/tmp}/onr-crawl-$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DONR_BENCH=ON >/dev/null
cmake --build "$build" --target make_warc onrecord_cli -j "$(nproc)" >/dev/null
"$build/bench/make_warc" --cc --repeat "$repeat" "$tmp/pages.warc.gz" "$pages" >/dev/null
size=$(stat -c %s "$tmp/pages.warc.gz")
run() { # run JOBS
    best_wall=999999 best_cpu=999999 rss=0
    for attempt in 1 2 3; do
        /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$build/onrecord" extract -q -j "$1" --output-format jsonl \
            --summary "$tmp/summary.json" "$tmp/pages.warc.gz" > "$tmp/out.jsonl" 2>/dev/null || true
        read -r wall user sys mem < "$tmp/time"
        best_wall=$(awk -v a="$wall" -v b="$best_wall" 'BEGIN { print (a < b) ? a : b }')
        best_cpu=$(awk -v a="$user" -v s="$sys" -v b="$best_cpu" 'BEGIN { c = a + s; print (c < b) ? c : b }')
        [ "$mem" -gt "$rss" ] && rss=$mem
    done
    articles=$(grep -c '"text"' "$tmp/out.jsonl" || true)
    lines=$(wc -l < "$tmp/out.jsonl")
    awk -v j="$1" -v n="$articles" -v lines="$lines" -v w="$best_wall" -v c="$best_cpu" -v r="$rss" -v s="$size" 'BEGIN {
        printf "-j %s: %d records out, %d articles  wall %.2f s  %.0f pages/s  %.1f MB/s (compressed)   cpu %.2f s  %.0f pages/s per core   peak RSS %d KiB\n",
               j, lines, n, w, n / w, s / w / 1e6, c, n / c, r }'
}
echo "$(basename "$tmp/pages.warc.gz"): $size bytes, $repeat copies of the benchmark pages"
run 1
run 2
cat "$tmp/summary.json"
