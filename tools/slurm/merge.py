#!/usr/bin/python3
"""Merges the shards of a sharded onrecord run (Slurm array, AWS Batch, Kubernetes, GNU parallel).

Checks that every shard finished (its .done marker exists), concatenates the shards' JSONL in shard
order into OUTDIR/merged.jsonl (equal to a single-process run over the whole manifest) and sums
their summaries into OUTDIR/summary.json.

usage: merge.py OUTDIR [SHARDS]   (SHARDS defaults to the N in the shard file names)
"""
import json
import os
import re
import sys

SHARD_NAME = re.compile(r"^shard-(\d{5,})-of-(\d{5,})\.")


def shard_stem(index, count):
    return "shard-%05d-of-%05d" % (index, count)


def shard_count_from_names(outdir):
    counts = {int(m.group(2)) for m in map(SHARD_NAME.match, os.listdir(outdir)) if m}
    if len(counts) != 1:
        found = ", ".join(str(c) for c in sorted(counts)) or "none"
        sys.exit("merge: cannot tell the shard count from %s (shard counts found: %s); pass SHARDS"
                 % (outdir, found))
    return counts.pop()


def add_into(total, part):
    """Sums numbers key by key, recursing into objects (the skip reasons); keys keep the order
    of first appearance, as in a single run. Other values are kept only while all shards agree."""
    for key, value in part.items():
        if key not in total:
            total[key] = json.loads(json.dumps(value))
        elif isinstance(value, dict) and isinstance(total[key], dict):
            add_into(total[key], value)
        elif (isinstance(value, (int, float)) and not isinstance(value, bool)
              and isinstance(total[key], (int, float)) and not isinstance(total[key], bool)):
            total[key] += value
        elif total[key] != value:
            total[key] = None
    return total


def write_atomically(path, write):
    tmp = os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".tmp")
    with open(tmp, "wb") as out:
        write(out)
    os.replace(tmp, path)


def main(argv):
    if len(argv) not in (2, 3) or not os.path.isdir(argv[1]):
        sys.exit(__doc__.strip().splitlines()[-1])
    outdir = argv[1]
    if len(argv) == 3:
        if not argv[2].isdigit() or int(argv[2]) < 1:
            sys.exit("merge: SHARDS must be a positive integer, not %r" % argv[2])
        count = int(argv[2])
    else:
        count = shard_count_from_names(outdir)
    stems = [os.path.join(outdir, shard_stem(i, count)) for i in range(count)]

    missing = [i for i, stem in enumerate(stems) if not os.path.exists(stem + ".done")]
    if missing:
        shown = ", ".join(str(i) for i in missing[:50]) + (", ..." if len(missing) > 50 else "")
        sys.exit("merge: %d of %d shards not finished (no .done marker in %s): %s\n"
                 "merge: rerun them (finished shards are skipped), then merge again"
                 % (len(missing), count, outdir, shown))

    def concatenate(out):
        for stem in stems:
            with open(stem + ".jsonl", "rb") as shard:
                while True:
                    block = shard.read(1 << 20)
                    if not block:
                        break
                    out.write(block)

    total = {}
    for stem in stems:
        with open(stem + ".summary.json", encoding="utf-8") as f:
            add_into(total, json.load(f))
    write_atomically(os.path.join(outdir, "merged.jsonl"), concatenate)
    write_atomically(os.path.join(outdir, "summary.json"),
                     lambda out: out.write((json.dumps(total, indent=2) + "\n").encode("utf-8")))
    counts = ", ".join("%s %s" % (value, key) for key, value in total.items()
                       if isinstance(value, int) and not isinstance(value, bool))
    print("merge: %d shards -> %s (%s)" % (count, os.path.join(outdir, "merged.jsonl"), counts),
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
