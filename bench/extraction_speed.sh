#!/bin/sh
# End-to-end extraction speed on one core: `onrecord extract -j 1 --output-format jsonl` over the
# 181 benchmark pages (read, gunzip or not, parse, extract, render JSON, write), the folder given
# ROUNDS times in one run so start-up weighs little. Prints pages/s by wall clock and by CPU time
# (user+sys; the honest figure on a shared machine), and peak RSS, best of 3 runs.
# Usage: bench/extraction_speed.sh [ONRECORD] [ROUNDS]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
onrecord=${1:-$root/build/onrecord}
rounds=${2:-10}
data=${ONR_BENCH_DATA:-$root/../shared/bench}
pages=$data/extraction/scrapinghub/html
tmp=${TMPDIR:-/tmp}/onr-speed-$$
mkdir -p "$tmp/plain"
trap 'rm -rf "$tmp"' EXIT
for f in "$pages"/*.html.gz; do
    gunzip -c "$f" > "$tmp/plain/$(basename "$f" .gz)"
done
count=$(ls "$tmp/plain" | wc -l)
run() { # run LABEL FOLDER
    best_wall=999999 best_cpu=999999 rss=0
    args=""
    i=0
    while [ $i -lt "$rounds" ]; do args="$args $2"; i=$((i + 1)); done
    for attempt in 1 2 3; do
        # shellcheck disable=SC2086
        /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$onrecord" extract -q -j 1 --output-format jsonl $args \
            > /dev/null 2> /dev/null || true
        read -r wall user sys mem < "$tmp/time"
        cpu=$(echo "$user + $sys" | bc)
        best_wall=$(echo "if ($wall < $best_wall) $wall else $best_wall" | bc)
        best_cpu=$(echo "if ($cpu < $best_cpu) $cpu else $best_cpu" | bc)
        [ "$mem" -gt "$rss" ] && rss=$mem
    done
    total=$((count * rounds))
    printf '%-22s %6d pages  wall %6.2f s  %7.0f pages/s   cpu %6.2f s  %7.0f pages/s   peak RSS %d KiB\n' \
        "$1" "$total" "$best_wall" "$(echo "$total / $best_wall" | bc -l)" "$best_cpu" \
        "$(echo "$total / $best_cpu" | bc -l)" "$rss"
}
run "plain .html" "$tmp/plain"
run ".html.gz (gunzip too)" "$pages"
