#!/usr/bin/env bash
# Runs each libFuzzer target built in BUILD_DIR/fuzz for SECONDS, with its dictionary, a 256 MB
# memory cap and a one-second timeout per input. New inputs go to BUILD_DIR/corpus-<target> (outside
# git), crashes to BUILD_DIR/crashes-<target>/, the log to BUILD_DIR/log-<target>.txt.
# Usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET...]
set -uo pipefail

build=${1:?usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET...]}
seconds=${2:?usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET...]}
shift 2
here=$(cd "$(dirname "$0")" && pwd)

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    for exe in "$build"/fuzz/fuzz_*; do
        [ -x "$exe" ] && targets+=("${exe##*/fuzz_}")
    done
fi

# The dictionary each target reads: the markup ones share html.dict, the crawl ones warc.dict.
dict_for() {
    case "$1" in
    warc | gzip) echo "$here/warc.dict" ;;
    sources) echo "$here/sources.dict" ;;
    jsonld) echo "$here/jsonld.dict" ;;
    *) echo "$here/html.dict" ;;
    esac
}

# ASan's quarantine of freed blocks (256 MB by default) would count against the 256 MB cap.
export ASAN_OPTIONS="quarantine_size_mb=16:${ASAN_OPTIONS:-}"

failed=()
for t in "${targets[@]}"; do
    exe="$build/fuzz/fuzz_$t"
    if [ ! -x "$exe" ]; then
        echo "fuzz: no target $exe" >&2
        failed+=("$t")
        continue
    fi
    work="$build/corpus-$t"
    crashes="$build/crashes-$t"
    log="$build/log-$t.txt"
    mkdir -p "$work" "$crashes"
    dict=$(dict_for "$t")
    dict_arg=()
    [ -f "$dict" ] && dict_arg=(-dict="$dict")
    echo "fuzz: $t for ${seconds}s (log $log)"
    "$exe" -max_total_time="$seconds" -rss_limit_mb=256 -timeout=1 -max_len=65536 -print_final_stats=1 \
        -artifact_prefix="$crashes/" "${dict_arg[@]}" "$work" "$here/corpus/$t" >"$log" 2>&1
    rc=$?
    summary=$(grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE)' "$log" | tail -1)
    execs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
    echo "fuzz: $t exit $rc, ${execs:-?} executions; last: ${summary:-none}"
    if [ $rc -ne 0 ] || [ -n "$(ls -A "$crashes")" ]; then
        failed+=("$t")
    fi
done

if [ ${#failed[@]} -ne 0 ]; then
    echo "fuzz: findings or failures in: ${failed[*]} (see $build/crashes-*/ and the logs)" >&2
    exit 1
fi
