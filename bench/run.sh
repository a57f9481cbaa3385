#!/usr/bin/env bash
# Every benchmark in turn (`make bench`): HTML parsing, extraction quality and speed, the sourcing
# audit, WARC reading and the crawl end to end. Needs ../shared/bench. Figures go to bench/RESULTS.md
# by hand, with the machine and the command.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-build}
echo "== HTML parsing";          bash bench/parse.sh
echo "== Extraction quality";    sh bench/extraction_quality.sh "$build/onrecord"
echo "== Extraction speed";      sh bench/extraction_speed.sh "$build/onrecord"
echo "== Sourcing audit";        bash bench/attribution.sh "$build/onrecord"
echo "== WARC reading";          bash bench/warc.sh
echo "== Crawl end to end";      sh bench/crawl.sh
