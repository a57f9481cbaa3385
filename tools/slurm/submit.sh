#!/usr/bin/env bash
# Runs onrecord over a crawl as a Slurm job array: one task per shard of the manifest, then merges
# the shards into OUTDIR/merged.jsonl and OUTDIR/summary.json (tools/slurm/merge.py).
set -euo pipefail

usage() {
    cat >&2 <<'USAGE'
usage: submit.sh [--no-wait] [--sbatch OPTION]... MANIFEST OUTDIR SHARDS [-- onrecord options]

  MANIFEST  one input path per line (WARC files, HTML files, folders); '#' lines and blank lines ignored
  OUTDIR    receives shard-IIIII-of-NNNNN.{jsonl,summary.json,done}, logs/, merged.jsonl, summary.json
  SHARDS    number of array tasks; each takes a contiguous block of the manifest

  --no-wait        print the array's job id and queue the merge as a job that runs when it
                   has ended (afterany; the merge checks every shard), instead of waiting here
  --sbatch OPTION  passed to sbatch as it is (--partition=..., --time=..., --cpus-per-task=...)

Environment: ONRECORD (path of the onrecord binary, default: onrecord on PATH),
ONRECORD_COMMAND (extract or sources, default extract).
Shards whose .done marker exists are skipped, so running the same command again after a failure
redoes only the unfinished shards.
USAGE
    exit 2
}

wait_for_array=1
sbatch_options=()
while [ $# -gt 0 ]; do
    case "$1" in
    --no-wait) wait_for_array=0; shift ;;
    --sbatch) [ $# -ge 2 ] || usage; sbatch_options+=("$2"); shift 2 ;;
    -h|--help) usage ;;
    *) break ;;
    esac
done
[ $# -ge 3 ] || usage
manifest=$1 outdir=$2 shards=$3
shift 3
if [ $# -gt 0 ]; then
    [ "$1" = "--" ] || usage
    shift
fi
case "$shards" in
''|*[!0-9]*|0*) echo "submit.sh: SHARDS must be a positive integer, not '$shards'" >&2; exit 2 ;;
esac
[ -r "$manifest" ] || { echo "submit.sh: cannot read manifest '$manifest'" >&2; exit 2; }
command -v sbatch >/dev/null || { echo "submit.sh: sbatch not found (is this a Slurm login node?)" >&2; exit 2; }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
mkdir -p "$outdir/logs"
# Tasks may start in another directory on another node: hand them absolute paths.
manifest=$(cd "$(dirname "$manifest")" && pwd)/$(basename "$manifest")
outdir=$(cd "$outdir" && pwd)
case "${ONRECORD:-}" in
/*|'') ;;
*/*) export ONRECORD="$PWD/$ONRECORD" ;;
esac

array_options=(--parsable --array="0-$((shards - 1))" --output="$outdir/logs/onrecord-%A_%a.log"
               "${sbatch_options[@]}")
task=("$here/onrecord-array.sbatch" "$shards" "$manifest" "$outdir" "$@")

if [ "$wait_for_array" = 0 ]; then
    job=$(sbatch "${array_options[@]}" "${task[@]}")
    job=${job%%;*}
    merge=$(sbatch --parsable --dependency="afterany:$job" --job-name=onrecord-merge \
        --output="$outdir/logs/merge-%j.log" "${sbatch_options[@]}" \
        --wrap="$(printf '%q ' /usr/bin/python3 "$here/merge.py" "$outdir" "$shards")")
    echo "submit.sh: array job $job ($shards tasks), merge job ${merge%%;*}; logs in $outdir/logs" >&2
    echo "$job"
    exit 0
fi

# --wait returns when every task has ended; its status is the worst task's. Merge either way:
# when shards failed, merge.py names them.
status=0
sbatch --wait "${array_options[@]}" "${task[@]}" >/dev/null || status=$?
/usr/bin/python3 "$here/merge.py" "$outdir" "$shards" || exit 1
if [ "$status" -ne 0 ]; then
    echo "submit.sh: merged, but some tasks exited with status $status (inputs that failed are" \
         "counted in $outdir/summary.json; task logs in $outdir/logs)" >&2
fi
exit "$status"
