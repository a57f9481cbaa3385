#!/usr/bin/env bash
# Slurm integration test: starts a one-node Slurm cluster on localhost (munged, slurmctld, slurmd,
# all private to a temp dir), runs onrecord as a 4-task job array through tools/slurm/submit.sh
# and checks that the merged shards equal a single-process run, byte for byte and count for count.
# usage: run.sh ONRECORD_BINARY        exit 0 pass, 1 fail, 77 skipped (no Slurm and cannot install)
set -euo pipefail

step_timeout=120   # seconds; no step may wait longer
shards=4

say() { echo "slurm-test: $*" >&2; }
fail() { say "FAIL: $*"; exit 1; }
skip() { say "SKIP: $*"; exit 77; }

[ $# -eq 1 ] || { echo "usage: run.sh ONRECORD_BINARY" >&2; exit 2; }
onrecord=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
[ -x "$onrecord" ] || fail "no onrecord binary at $1"
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
started=$SECONDS

# --- Slurm and munge, from Debian when missing ---------------------------------------------
need=(slurmctld slurmd sbatch sinfo munged munge unmunge)
have_all() { for b in "${need[@]}"; do command -v "$b" >/dev/null || return 1; done; }
# slurmd runs jobs as their owner, so it must be root (as the Debian package's service is).
[ "$(id -u)" -eq 0 ] || skip "starting slurmd needs root"
if ! have_all; then
    command -v apt-get >/dev/null || skip "slurm-wlm and munge are not installed and there is no apt-get"
    say "installing slurm-wlm and munge"
    export DEBIAN_FRONTEND=noninteractive
    timeout 300 apt-get update -qq >/dev/null 2>&1 || true
    timeout 600 apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=120 \
        slurm-wlm munge >/dev/null 2>&1 || skip "apt-get could not install slurm-wlm and munge"
    have_all || skip "slurm-wlm installed but its programs are not on PATH"
fi

# --- A private cluster: everything under one temp dir, stopped and removed on exit ----------
work=$(mktemp -d "${TMPDIR:-/tmp}/onr-slurm.XXXXXX")
daemons=()
stop_all() {
    local status=$?
    # Jobs still running (a step that timed out) live in slurmstepd, not in the daemons: cancel them.
    if [ ${#daemons[@]} -ge 3 ] && [ -n "$(timeout 10 squeue -h -o %i 2>/dev/null)" ]; then
        timeout 10 scancel --full --signal=KILL --user="$(id -un)" 2>/dev/null || true
        for _ in $(seq 1 50); do [ -z "$(timeout 5 squeue -h -o %i 2>/dev/null)" ] && break; sleep 0.2; done
    fi
    for pid in "${daemons[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${daemons[@]}"; do
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    if [ "$status" -ne 0 ] && [ "$status" -ne 77 ]; then
        for log in "$work"/logs/*.log "$work"/out/logs/*.log; do
            [ -s "$log" ] && { say "--- $log (last lines)"; tail -n 15 "$log" >&2; }
        done
    fi
    rm -rf "$work"
    say "finished in $((SECONDS - started)) s"
    exit "$status"
}
trap stop_all EXIT
trap 'exit 1' INT TERM

# Polls COMMAND every 0.2 s until it succeeds; fails the test after step_timeout seconds, or at
# once when a daemon it started has died.
wait_for() {
    local what=$1 deadline=$((SECONDS + step_timeout))
    shift
    until "$@" >/dev/null 2>&1; do
        [ "$SECONDS" -lt "$deadline" ] || fail "timed out after ${step_timeout}s waiting for $what"
        for pid in "${daemons[@]}"; do
            kill -0 "$pid" 2>/dev/null || fail "a daemon (pid $pid) died while waiting for $what"
        done
        sleep 0.2
    done
}

mkdir -p "$work"/{munge,state,spool,logs}
chmod 711 "$work" "$work/munge"   # munged wants every directory above its socket searchable by all
head -c 1024 /dev/urandom >"$work/munge/munge.key"
chmod 600 "$work/munge/munge.key"
socket=$work/munge/munge.socket
munged --foreground --socket="$socket" --key-file="$work/munge/munge.key" \
    --pid-file="$work/munge/munged.pid" --seed-file="$work/munge/munged.seed" \
    --log-file="$work/logs/munged.log" >"$work/logs/munged.out.log" 2>&1 &
daemons+=($!)
munge_works() { munge -n --socket="$socket" | unmunge --socket="$socket"; }
wait_for "munged" munge_works

# Free ports picked by the kernel, so that two runs (gcc and ASan builds) can share the machine.
read -r ctld_port slurmd_port < <(/usr/bin/python3 -c '
import socket
socks = [socket.socket() for _ in range(2)]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in socks))')

# No cgroups (containers seldom delegate them), no accounting, no MPI: the least that runs jobs.
export SLURM_CONF=$work/slurm.conf
cat >"$SLURM_CONF" <<EOF
ClusterName=onrtest
SlurmctldHost=localhost
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/logs/slurmctld.log
SlurmdLogFile=$work/logs/slurmd.log
MailProg=/bin/true
KillWait=5
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/builtin
ReturnToService=2
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=256 State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
slurmctld -D -f "$SLURM_CONF" >"$work/logs/slurmctld.out.log" 2>&1 &
daemons+=($!)
slurmd -D -N localhost -f "$SLURM_CONF" >"$work/logs/slurmd.out.log" 2>&1 &
daemons+=($!)
node_idle() { [ "$(sinfo -h -N -o %t)" = idle ]; }
wait_for "the node to be idle in sinfo" node_idle
say "cluster up in $((SECONDS - started)) s (slurmctld port $ctld_port, slurmd port $slurmd_port)"

# --- The same inputs, once in one process and once as a job array ---------------------------
/usr/bin/python3 "$repo/tests/slurm/make_inputs.py" "$work/in"
mapfile -t inputs <"$work/in/inputs.txt"
# The inputs include a page with no article, a failed input: onrecord then exits 1, by design.
status=0
timeout "$step_timeout" "$onrecord" extract --output-format jsonl --summary "$work/single.summary.json" \
    "${inputs[@]}" >"$work/single.jsonl" 2>"$work/logs/single.log" || status=$?
[ "$status" -le 1 ] || fail "single-process run failed with status $status"
[ -s "$work/single.jsonl" ] || fail "single-process run wrote nothing"

export ONRECORD=$onrecord ONRECORD_COMMAND=extract
submit() {
    local status=0
    timeout "$step_timeout" "$repo/tools/slurm/submit.sh" "$work/in/manifest.txt" "$work/out" "$shards" \
        2>>"$work/logs/submit.log" || status=$?
    [ "$status" -ne 124 ] || fail "submit.sh did not finish within ${step_timeout}s ($1)"
    # 1 is also what a task that had failed inputs returns; the comparison below judges the output.
    [ "$status" -le 1 ] || fail "submit.sh failed with status $status ($1)"
}
submit "first run"
say "job array done and merged in $((SECONDS - started)) s"

# The merged counts must equal the single run's, every integer count the summary carries (records,
# pages, articles, skips and failures by reason); timings and the like are not compared.
same_summaries() {
    /usr/bin/python3 - "$1" "$2" <<'EOF'
import json, sys
single, merged = (json.load(open(p)) for p in sys.argv[1:3])
def counts(value):
    if isinstance(value, dict):
        return {k: counts(v) for k, v in value.items() if counts(v) is not None}
    return value if isinstance(value, int) and not isinstance(value, bool) else None
if not any(isinstance(v, int) and v > 0 for v in counts(single).values()):
    sys.exit("the single run's summary counts nothing: %s" % json.dumps(single))
if counts(single) != counts(merged):
    sys.exit("summaries differ:\n  single run     %s\n  merged shards  %s"
             % (json.dumps(single, sort_keys=True), json.dumps(merged, sort_keys=True)))
EOF
}
check_merged() {
    cmp "$work/single.jsonl" "$work/out/merged.jsonl" >&2 ||
        fail "merged.jsonl differs from the single-process output ($1)"
    same_summaries "$work/single.summary.json" "$work/out/summary.json" || fail "summaries differ ($1)"
}
for i in $(seq 0 $((shards - 1))); do
    stem=$(printf '%s/out/shard-%05d-of-%05d' "$work" "$i" "$shards")
    for suffix in jsonl summary.json "done"; do
        [ -e "$stem.$suffix" ] || fail "shard $i left no $suffix file"
    done
done
[ -z "$(find "$work/out" -name '*.tmp')" ] || fail "a shard left its temporary file behind"
check_merged "first run"

# A rerun skips finished shards: a shard whose output is gone but whose .done is there stays as is.
shard1=$(printf '%s/out/shard-00001-of-%05d' "$work" "$shards")
cp "$shard1.jsonl" "$work/shard1.jsonl.kept"
: >"$shard1.jsonl"
submit "rerun of a finished array"
[ ! -s "$shard1.jsonl" ] || fail "a rerun redid shard 1 although its .done marker exists"
mv "$work/shard1.jsonl.kept" "$shard1.jsonl"

# A shard without its marker is redone by the rerun; until then merge names it and fails.
rm "$shard1.done" "$shard1.jsonl"
if /usr/bin/python3 "$repo/tools/slurm/merge.py" "$work/out" "$shards" 2>"$work/merge.err"; then
    fail "merge.py succeeded with shard 1 unfinished"
fi
grep -q 'not finished.*: 1$' "$work/merge.err" || fail "merge.py did not name shard 1: $(cat "$work/merge.err")"
submit "rerun after removing shard 1"
check_merged "rerun"

say "PASS: $shards-task array over ${#inputs[@]} inputs equals the single-process run"
