#!/bin/sh
# Extraction quality on the Scrapinghub article-extraction benchmark (181 pages): runs onrecord
# extract over the pages, writes {id: {"articleBody": text}} and scores it with the benchmark's
# own metric. Usage: bench/extraction_quality.sh [ONRECORD] [extra extract options...]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
onrecord=${1:-$root/build/onrecord}
[ $# -gt 0 ] && shift
data=${ONR_BENCH_DATA:-$root/../shared/bench}
pages=$data/extraction/scrapinghub/html
[ -d "$pages" ] || { echo "no benchmark pages at $pages" >&2; exit 1; }
out=${TMPDIR:-/tmp}/onr-extraction-$$
mkdir -p "$out"
trap 'rm -rf "$out"' EXIT
"$onrecord" extract -q --output-format jsonl "$@" "$pages" > "$out/records.jsonl" || true
/usr/bin/python3 - "$out/records.jsonl" "$out/pred.json" <<'PY'
import json, os, sys
pred = {}
for line in open(sys.argv[1], encoding="utf-8"):
    rec = json.loads(line)
    name = os.path.basename(rec["input"])
    page_id = name.split(".")[0]
    pred[page_id] = {"articleBody": rec.get("text") or ""}
json.dump(pred, open(sys.argv[2], "w", encoding="utf-8"))
PY
/usr/bin/python3 "$data/score_extraction.py" --missing-empty ${ONR_PER_PAGE:+--per-page "$ONR_PER_PAGE"} "$out/pred.json"
