#!/usr/bin/env bash
# Shows that may_start_attribution (the gate before attribute_cue in src/sources/attribution.c)
# changes nothing: builds the audit with -DONR_SOURCES_UNGATED=ON, which tries every rule at every
# word, and compares its JSONL with the gated binary's on all PolNeAR records and the samples.
# A rule that starts from a word the gate keeps out shows up here as a difference.
# Usage: tools/check_sources_gate.sh [GATED_BINARY]   (default: build/onrecord)
set -euo pipefail
cd "$(dirname "$0")/.."
GATED=${1:-build/onrecord}
UNGATED_DIR=${ONR_UNGATED_BUILD:-build-ungated}
DATA=${ONR_BENCH_DATA:-../shared/bench}
[ -d "$DATA" ] || DATA=/work/shared/bench
[ -x "$GATED" ] || { echo "no binary at $GATED (build first)" >&2; exit 2; }

cmake -S . -B "$UNGATED_DIR" -DCMAKE_BUILD_TYPE=Release -DONR_TESTS=OFF -DONR_SOURCES_UNGATED=ON >/dev/null
cmake --build "$UNGATED_DIR" -j2 --target onrecord_cli >/dev/null
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

status=0
compare() {  # compare NAME ARGS...: the two binaries' output for the same arguments
    local name=$1
    shift
    "$GATED" sources -q "$@" >"$OUT/gated" || true
    "$UNGATED_DIR/onrecord" sources -q "$@" >"$OUT/ungated" || true
    if cmp -s "$OUT/gated" "$OUT/ungated"; then
        echo "same: $name"
    else
        echo "DIFFERENT: $name (the gate keeps a rule out; first difference below)"
        cmp "$OUT/gated" "$OUT/ungated" | head -1 || true
        status=1
    fi
}
compare "PolNeAR records" --input-format jsonl --output-format jsonl "$DATA/attribution/polnear/dev.jsonl"
compare "bundled sample page" --input-format html --output-format json samples/
[ -d ../shared/samples ] && compare "shared sample article" --input-format text --output-format json ../shared/samples/
exit $status
