#!/usr/bin/env bash
# Sourcing audit benchmark: quote/speaker attribution on PolNeAR (split=dev records only; train is
# for tuning, a hidden test portion is scored by the maintainers) and speed in MB/s of text.
# Usage: bench/attribution.sh [ONRECORD_BINARY]   (default: build/onrecord)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-build/onrecord}
DATA=${ONR_BENCH_DATA:-../shared/bench}
[ -d "$DATA" ] || DATA=/work/shared/bench
GOLD_ALL=$DATA/attribution/polnear/dev.jsonl
SCORER=$DATA/score_attribution.py
OUT=${ONR_BENCH_OUT:-$(mktemp -d)}
[ -x "$BIN" ] || { echo "no binary at $BIN (make build first)" >&2; exit 2; }
[ -f "$GOLD_ALL" ] || { echo "no benchmark data at $GOLD_ALL" >&2; exit 2; }

# The split=dev records, as gold.
mkdir -p "$OUT/texts"
/usr/bin/python3 - "$GOLD_ALL" "$OUT/gold-dev.jsonl" "$OUT/texts" <<'PY'
import json, os, sys
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as g:
    texts = []
    for line in f:
        r = json.loads(line)
        texts.append(r["text"])
        if r.get("split") == "dev":
            g.write(line)
    for i, text in enumerate(texts):        # every record, four times: the speed corpus
        for k in range(4):
            with open(os.path.join(sys.argv[3], "%04d-%d.txt" % (i, k)), "w", encoding="utf-8") as t:
                t.write(text)
PY

"$BIN" sources -q --input-format jsonl --output-format jsonl "$OUT/gold-dev.jsonl" > "$OUT/pred-dev.jsonl"
# Direct quotes alone: the audit's direct and partial quotes (its reported speech set aside).
/usr/bin/python3 - "$OUT/pred-dev.jsonl" "$OUT/pred-dev-direct.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as g:
    for line in f:
        r = json.loads(line)
        r["quotes"] = [q for q in r["quotes"] if q["kind"] in ("direct", "partial")]
        g.write(json.dumps(r, ensure_ascii=False) + "\n")
PY

echo "== all attributions (split=dev)"
/usr/bin/python3 "$SCORER" "$OUT/gold-dev.jsonl" "$OUT/pred-dev.jsonl"
echo
echo "== --kinds direct, all predictions"
/usr/bin/python3 "$SCORER" "$OUT/gold-dev.jsonl" "$OUT/pred-dev.jsonl" --kinds direct
echo
echo "== --kinds direct, direct and partial predictions only"
/usr/bin/python3 "$SCORER" "$OUT/gold-dev.jsonl" "$OUT/pred-dev-direct.jsonl" --kinds direct
echo

# Speed: Markdown reports of every article (each record four times, one file each, one thread),
# median of 5 runs of CPU time (user + system: the machine may be shared) and of wall time, minus
# start-up on an empty text.
: > "$OUT/empty.txt"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
run_times() { # prints "cpu wall" medians
    for _ in 1 2 3 4 5; do
        /usr/bin/time -f "%U %S %e" -o "$OUT/time.txt" \
            "$BIN" sources -q -j 1 --input-format text --output-format markdown "$1" > /dev/null
        cat "$OUT/time.txt"
    done > "$OUT/times.txt"
    echo "$(awk '{print $1 + $2}' "$OUT/times.txt" | median) $(awk '{print $3}' "$OUT/times.txt" | median)"
}
BYTES=$(cat "$OUT"/texts/*.txt | wc -c)
read -r CPU WALL <<< "$(run_times "$OUT/texts")"
read -r CPU0 WALL0 <<< "$(run_times "$OUT/empty.txt")"
echo "== speed: $(ls "$OUT/texts" | wc -l) articles, $BYTES bytes of text; median CPU $CPU s, wall $WALL s (start-up $CPU0 s / $WALL0 s)"
awk -v b="$BYTES" -v c="$CPU" -v c0="$CPU0" -v w="$WALL" -v w0="$WALL0" 'BEGIN {
    d = c - c0; if (d <= 0) d = 0.01; e = w - w0; if (e <= 0) e = 0.01
    printf "%.1f MB/s of text per core (CPU time), %.1f MB/s wall\n", b / 1e6 / d, b / 1e6 / e }'
echo "outputs in $OUT"
