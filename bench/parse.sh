#!/usr/bin/env bash
# HTML parsing benchmark: builds bench/parse_bench (Release, ONR_BENCH) and runs it over the benchmark
# pages, then counts onrecord's instructions per MB under callgrind.
# Usage: bench/parse.sh [PAGES_DIR]   (default ../shared/bench/extraction/scrapinghub/html)
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-../shared/bench/extraction/scrapinghub/html}
build=${BUILD:-build-bench}
bash tools/install-deps.sh bench
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DONR_BENCH=ON >/dev/null
cmake --build "$build" --target parse_bench -j "$(nproc)" >/dev/null
"$build/bench/parse_bench" --rounds 5 "$pages"
# Instructions per MB of input in parse + walk + free only (loading and gunzipping excluded).
if command -v valgrind >/dev/null; then
    mb=$("$build/bench/parse_bench" --parser onrecord --rounds 1 "$pages" | sed -E 's/.*pages, ([0-9.]+) MB.*/\1/')
    out=$(mktemp)
    valgrind --tool=callgrind --toggle-collect=run_onrecord --callgrind-out-file="$out" \
        "$build/bench/parse_bench" --parser onrecord --rounds 1 "$pages" >/dev/null 2>&1
    ir=$(grep -m1 '^summary:' "$out" | awk '{print $2}')
    rm -f "$out"
    awk -v ir="$ir" -v mb="$mb" 'BEGIN { printf "onrecord  %.1f million instructions/MB (callgrind, %s MB)\n", ir / mb / 1e6, mb }'
fi
