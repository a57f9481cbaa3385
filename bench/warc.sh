#!/usr/bin/env bash
# WARC reading benchmark: writes WARC files (plain, .warc.gz, .warc.zst; response records only, and the
# Common Crawl layout with request and metadata records) holding the benchmark pages, then reads each
# with bench/warc_bench. Not run by the tests.
# Usage: bench/warc.sh [PAGES_DIR]   (default ../shared/bench/extraction/scrapinghub/html)
# Env: BUILD (build dir, default build-bench), DATA (WARC dir, default /tmp/onrecord-warc-bench),
#      REPEAT (copies of the pages in each file, default 5), ROUNDS (default 5).
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-../shared/bench/extraction/scrapinghub/html}
build=${BUILD:-build-bench}
data=${DATA:-${TMPDIR:-/tmp}/onrecord-warc-bench}
repeat=${REPEAT:-5}
rounds=${ROUNDS:-5}
bash tools/install-deps.sh build
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DONR_BENCH=ON >/dev/null
cmake --build "$build" --target make_warc warc_bench -j "$(nproc)" >/dev/null
mkdir -p "$data"
for layout in pages cc; do
    flag=""
    [ "$layout" = cc ] && flag="--cc"
    for ext in warc warc.gz warc.zst; do
        f="$data/$layout.$ext"
        [ -s "$f" ] || "$build/bench/make_warc" $flag --repeat "$repeat" "$f" "$pages"
    done
done
"$build/bench/warc_bench" --rounds "$rounds" "$data"/pages.warc "$data"/pages.warc.gz "$data"/pages.warc.zst \
    "$data"/cc.warc "$data"/cc.warc.gz "$data"/cc.warc.zst
"$build/bench/warc_bench" --rounds "$rounds" --charset "$data"/pages.warc.gz
