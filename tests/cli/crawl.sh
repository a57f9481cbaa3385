#!/bin/sh
# CLI checks of crawl runs: WARC archives with records of every kind and damage between them, one
# JSONL line per record with provenance, --summary counts equal to the lines, and the shard contract
# (--manifest, --shard, done-markers, the scheduler's environment). Usage: crawl.sh ONRECORD
set -u
onrecord=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
failures=0
check() { # check DESCRIPTION COMMAND...: the command must succeed
    desc=$1
    shift
    if ! "$@"; then
        echo "FAIL: $desc" >&2
        failures=$((failures + 1))
    fi
}

# A WARC with a warcinfo, then per page a request, a response and a metadata record; garbage between
# two records; a 404; a PDF; and, gzip-compressed per record, the same with one truncated member.
/usr/bin/python3 - "$dir" <<'PY'
import gzip, random, sys
d = sys.argv[1]
def record(kind, uri, block, ctype="application/http; msgtype=response", n=[0]):
    n[0] += 1
    head = ("WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%d>\r\nWARC-Target-URI: %s\r\n"
            "WARC-Date: 2025-03-14T08:30:00Z\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
            % (kind, n[0], uri, ctype, len(block))).encode()
    return head + block + b"\r\n\r\n"
def page(title):
    return ("<html><head><title>%s</title></head><body><article><h1>%s</h1><p>%s is the story of the "
            "day, told in a paragraph long enough to be article text for any reader.</p><p>A second "
            "paragraph adds what the council said about %s.</p></article></body></html>"
            % (title, title, title, title)).encode()
def response(status, ctype, body):
    return ("HTTP/1.1 %s\r\nContent-Type: %s\r\n\r\n" % (status, ctype)).encode() + body
records = [record("warcinfo", "", b"software: test\r\n", "application/warc-fields")]
for i, title in enumerate(["Ferry vote delayed", "Bridge reopens", "School expands"]):
    uri = "https://news.example/%d" % i
    records.append(record("request", uri, b"GET /%d HTTP/1.1\r\n\r\n" % i, "application/http; msgtype=request"))
    records.append(record("response", uri, response("200 OK", "text/html; charset=utf-8", page(title))))
    records.append(record("metadata", uri, b"fetchTimeMs: 12\r\n", "application/warc-fields"))
records.append(record("response", "https://news.example/gone", response("404 Not Found", "text/html", b"<p>gone</p>")))
records.append(record("response", "https://news.example/a.pdf", response("200 OK", "application/pdf", b"%PDF-1.4")))
plain = records[:4] + [b"this is not a WARC record\r\n"] + records[4:]
open(d + "/crawl.warc", "wb").write(b"".join(plain))
members = [gzip.compress(r) for r in records]
members[5] = members[5][: len(members[5]) // 2]   # a truncated member: the second page's response
open(d + "/crawl.warc.gz", "wb").write(b"".join(members))
# For -j N, which splits a .warc.gz at member magics: the whole WARC three times as one member (more
# records than a worker buffers); members that cut records in two; stored members whose page holds
# the magic bytes (false starts), and damage.
whole = b"".join(records)
open(d + "/one.warc.gz", "wb").write(gzip.compress(whole * 3))
open(d + "/split.warc.gz", "wb").write(gzip.compress(whole[:1000]) + gzip.compress(whole[1000:3000]) +
                                       b"".join(members[8:]))
odd = record("response", "https://news.example/odd", response("200 OK", "text/html", page("Magic \x1f\x8b\x08 bytes")))
open(d + "/magic.warc.gz", "wb").write(gzip.compress(odd, compresslevel=0) + b"".join(members[:7]) + b"junk\x1f\x8b" +
                                       gzip.compress(odd + odd, compresslevel=0) + members[7][:40] + b"".join(members[8:]))
# A member cut in half before long pages: zlib reads on into the next members as if they were its
# data, and the error lines once depended on how far it had got when the record was checked.
rng = random.Random(1)
words = ["council", "ferry", "bridge", "vote", "school", "budget", "mayor", "river", "harbour", "road"]
def long_page(i):
    text = " ".join(rng.choice(words) + str(rng.randrange(1000)) for _ in range(10000))
    return ("<html><head><title>Long %d</title></head><body><article><p>%s</p></article></body></html>"
            % (i, text)).encode()
long = [gzip.compress(record("response", "https://news.example/long%d" % i,
                             response("200 OK", "text/html; charset=utf-8", long_page(i))), mtime=0) for i in range(12)]
long[1] = long[1][: len(long[1]) // 2]
open(d + "/cut.warc.gz", "wb").write(b"".join(long))
PY

# Plain WARC: 12 records and one damaged stretch, one line each; the summary says the same.
"$onrecord" extract -q --output-format jsonl --summary "$dir/summary.json" "$dir/crawl.warc" > "$dir/plain.jsonl"
check "damaged WARC exits 1" test $? -eq 1
check "one line per record and damage" test "$(wc -l < "$dir/plain.jsonl")" -eq 13
check "three articles" test "$(grep -c '"title"' "$dir/plain.jsonl")" -eq 3
check "garbage reported with its offset" grep -q '"error":"[^"]*offset' "$dir/plain.jsonl"
check "404 skipped" grep -q '"target_uri":"https://news.example/gone".*"skipped":"http-status"' "$dir/plain.jsonl"
check "pdf skipped" grep -q '"target_uri":"https://news.example/a.pdf".*"skipped":"not-html"' "$dir/plain.jsonl"
check "requests skipped" test "$(grep -c '"skipped":"not-response"' "$dir/plain.jsonl")" -eq 7
check "provenance" grep -q '"warc_offset":[0-9]*,"warc_length":[0-9]*,"warc_record_id":"<urn:uuid:3>","target_uri":"https://news.example/0","warc_date":"2025-03-14T08:30:00Z"' "$dir/plain.jsonl"
/usr/bin/python3 - "$dir/summary.json" "$dir/plain.jsonl" <<'PY' || failures=$((failures + 1))
import json, sys
s = json.load(open(sys.argv[1]))
lines = [json.loads(l) for l in open(sys.argv[2])]
assert s["inputs"] == len(lines), (s, len(lines))
assert s["articles"] == sum("title" in l for l in lines)
assert s["skipped"] == sum("skipped" in l for l in lines)
assert s["failed"] == sum("error" in l for l in lines)
assert s["warc_records"] == 12 and s["reasons"]["not-response"] == 7, s
PY

# gzip per record, one member cut short: reported, and the records after it are still read.
"$onrecord" extract -q --output-format jsonl "$dir/crawl.warc.gz" > "$dir/gz.jsonl"
check "truncated member exits 1" test $? -eq 1
check "articles around the damage" test "$(grep -c '"title"' "$dir/gz.jsonl")" -eq 2
check "later records kept" grep -q '"skipped":"not-html"' "$dir/gz.jsonl"

# Workers reading stretches of a .warc.gz give what one reader gives: lines, messages, exit code.
for f in crawl one split magic cut; do
    for j in 1 2 3; do
        "$onrecord" extract -j $j --output-format jsonl --summary "$dir/$f-$j.summary" "$dir/$f.warc.gz" \
            > "$dir/$f-$j.jsonl" 2> "$dir/$f-$j.err"
        echo "exit $?" >> "$dir/$f-$j.err"
    done
    for j in 2 3; do
        check "$f.warc.gz: -j $j gives the lines of -j 1" cmp -s "$dir/$f-1.jsonl" "$dir/$f-$j.jsonl"
        check "$f.warc.gz: -j $j gives the messages of -j 1" cmp -s "$dir/$f-1.err" "$dir/$f-$j.err"
        check "$f.warc.gz: -j $j gives the summary of -j 1" cmp -s "$dir/$f-1.summary" "$dir/$f-$j.summary"
    done
done
check "one member: every record" test "$(wc -l < "$dir/one-2.jsonl")" -eq 36
check "false starts: the pages holding the magic" test "$(grep -c '"title":"Magic' "$dir/magic-2.jsonl")" -eq 3
check "cut member: one error line" test "$(grep -c '"error"' "$dir/cut-1.jsonl")" -eq 1

# Shards: two shards over a manifest concatenate to the single run, and a rerun does nothing.
for i in 1 2 3 4 5; do
    printf '<html><body><article><p>Page %s tells a story long enough to be the article of this page, with details.</p></article></body></html>' "$i" > "$dir/p$i.html"
    echo "$dir/p$i.html" >> "$dir/manifest.txt"
done
printf '# a comment\n\n%s\n' "$dir/crawl.warc" >> "$dir/manifest.txt"
"$onrecord" extract -q --output-format jsonl "$dir"/p1.html "$dir"/p2.html "$dir"/p3.html "$dir"/p4.html \
    "$dir"/p5.html "$dir/crawl.warc" > "$dir/single.jsonl"
"$onrecord" extract -q --manifest "$dir/manifest.txt" --shard 0/2 -o "$dir/shards"
check "shard 0 exit 0" test $? -eq 0
SLURM_ARRAY_TASK_ID=5 SLURM_ARRAY_TASK_MIN=4 SLURM_ARRAY_TASK_COUNT=2 \
    "$onrecord" extract -q --manifest "$dir/manifest.txt" -o "$dir/shards"
check "shard 1 from Slurm's environment exits 1 (the damaged WARC)" test $? -eq 1
check "done markers" test -e "$dir/shards/shard-00000-of-00002.done" -a -e "$dir/shards/shard-00001-of-00002.done"
check "no temporary files left" test -z "$(ls -A "$dir/shards" | grep '^\.')"
cat "$dir/shards/shard-00000-of-00002.jsonl" "$dir/shards/shard-00001-of-00002.jsonl" > "$dir/merged.jsonl"
check "shards concatenate to the single run" cmp -s "$dir/single.jsonl" "$dir/merged.jsonl"
check "shard summary" grep -q "\"articles\":5" "$dir/shards/shard-00001-of-00002.summary.json"
before=$(stat -c %Y "$dir/shards/shard-00000-of-00002.jsonl")
"$onrecord" extract --manifest "$dir/manifest.txt" --shard 0/2 -o "$dir/shards" 2> "$dir/rerun.txt"
check "rerun of a done shard exits 0" test $? -eq 0
check "rerun says already done" grep -q "already done" "$dir/rerun.txt"
check "rerun leaves the output" test "$before" = "$(stat -c %Y "$dir/shards/shard-00000-of-00002.jsonl")"
"$onrecord" extract --manifest "$dir/manifest.txt" --shard 2/2 -o "$dir/shards" 2> /dev/null
check "shard out of range exits 2" test $? -eq 2
"$onrecord" extract --manifest "$dir/manifest.txt" "$dir/p1.html" -o "$dir/shards" 2> /dev/null
check "manifest plus inputs exits 2" test $? -eq 2

# The sourcing audit reads WARC records too.
"$onrecord" sources -q --output-format jsonl "$dir/crawl.warc" > "$dir/sources.jsonl"
check "sources over a WARC: one line per record" test "$(wc -l < "$dir/sources.jsonl")" -eq 13

[ "$failures" -eq 0 ] || { echo "$failures check(s) failed" >&2; exit 1; }
echo "all crawl CLI checks passed"
