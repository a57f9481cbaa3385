#!/bin/sh
# CLI checks of `onrecord extract`: formats, error lines and records, exit codes, input order with
# -j, folders, gzip, stdin, -o. Usage: extract.sh ONRECORD
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

page() { # page FILE TITLE: a small story page
    cat > "$1" <<HTML
<!doctype html><html><head><title>$2 | Valley Post</title><meta property="og:title" content="$2"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>$2</h1>
<p>The story about $2 begins with a lead paragraph that is long enough to count as article text for anyone.</p>
<p>It goes on with a <a href="/more">second paragraph</a>, where more details about $2 are given to the reader.</p>
</article><footer>Copyright Valley Post</footer></body></html>
HTML
}

page "$dir/one.html" "Bridge reopens"
page "$dir/two.html" "School expands"
page "$dir/three.html" "Market moves"
: > "$dir/empty.html"
printf '\211PNG\r\n\032\n\000\000\000\rIHDR' > "$dir/image.html"
printf '<html><body><nav><a href="/">Home</a></nav></body></html>' > "$dir/nav-only.html"

# One page, Markdown with metadata; links absolute against --url.
"$onrecord" extract --with-metadata --links --url https://valley.example/news/x "$dir/one.html" > "$dir/out.md"
check "markdown exit 0" test $? -eq 0
check "markdown headline" grep -q '^# Bridge reopens$' "$dir/out.md"
check "markdown link" grep -q '\[second paragraph\](https://valley.example/more)' "$dir/out.md"
check "markdown source last" sh -c "tail -n 1 '$dir/out.md' | grep -q '^Source: <https://valley.example/news/x>$'"
check "no navigation" sh -c "! grep -q Home '$dir/out.md'"

# A batch with bad inputs, in parallel: one record per input, in input order, exit 1.
"$onrecord" extract -q -j 3 --output-format jsonl "$dir/one.html" "$dir/missing.html" "$dir/empty.html" \
    "$dir/image.html" "$dir/nav-only.html" "$dir/two.html" "$dir/three.html" > "$dir/out.jsonl" 2> "$dir/err.txt"
check "batch exit 1" test $? -eq 1
check "seven records" test "$(wc -l < "$dir/out.jsonl")" -eq 7
/usr/bin/python3 - "$dir" > "$dir/order.txt" <<'PY'
import json, sys
d = sys.argv[1]
for line in open(d + "/out.jsonl"):
    r = json.loads(line)
    print(r["input"][len(d) + 1:], r.get("error") and r.get("reason") or r["title"])
PY
cat > "$dir/order.expected" <<TXT
one.html Bridge reopens
missing.html io
empty.html empty
image.html binary
nav-only.html no-article
two.html School expands
three.html Market moves
TXT
check "records in input order with error reasons" diff "$dir/order.expected" "$dir/order.txt"
check "four error lines" test "$(grep -c . "$dir/err.txt")" -eq 4
check "error line names missing input" grep -q "missing.html: .*No such file" "$dir/err.txt"
check "error line names empty input" grep -q "empty.html: empty page" "$dir/err.txt"
check "error line names binary input" grep -q "image.html: not a text page" "$dir/err.txt"
check "error line names page without article" grep -q "nav-only.html: no article text found" "$dir/err.txt"

# Folders: sorted, *.html/*.htm and their .gz, other files ignored.
mkdir "$dir/folder"
cp "$dir/two.html" "$dir/folder/b.html"
gzip -c "$dir/one.html" > "$dir/folder/a.htm.gz"
echo "not a page" > "$dir/folder/notes.txt"
"$onrecord" extract -q --output-format json "$dir/folder" > "$dir/folder.jsonl"
check "folder exit 0" test $? -eq 0
check "folder records sorted" sh -c "grep -o '\"input\":\"[^\"]*\"' '$dir/folder.jsonl' | sed 's,.*/,,' | tr -d '\"' | tr '\n' ' ' | grep -qx 'a.htm.gz b.html '"

# Standard input, text output.
"$onrecord" extract --output-format txt - < "$dir/three.html" > "$dir/stdin.txt"
check "stdin exit 0" test $? -eq 0
check "stdin text" grep -q '^The story about Market moves begins' "$dir/stdin.txt"

# XML, and one file per input with -o.
"$onrecord" extract -q --output-format xml -o "$dir/outdir" "$dir/one.html" "$dir/two.html"
check "-o exit 0" test $? -eq 0
check "-o files" test -s "$dir/outdir/one.xml" -a -s "$dir/outdir/two.xml"
check "xml doc" grep -q '^<doc title="Bridge reopens"' "$dir/outdir/one.xml"

# A WARC response record: its target URI is the base for links, its HTTP charset decodes the page.
/usr/bin/python3 - "$dir/crawl.warc" <<'PY'
import sys
body = (b"<html><body><article><p>The caf\xe9 by the river opened its doors again this week, and the first "
        b"guests came early.</p><p>The owners <a href='/menu'>published the menu</a> online, with prices "
        b"for every dish.</p></article></body></html>")
http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=iso-8859-1\r\n\r\n" + body
head = ("WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
        "WARC-Target-URI: https://river.example/news/cafe\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n"
        "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % len(http)).encode()
open(sys.argv[1], "wb").write(head + http + b"\r\n\r\n")
PY
"$onrecord" extract -q --output-format jsonl "$dir/crawl.warc" > "$dir/warc.jsonl"
check "warc exit 0" test $? -eq 0
check "warc charset" grep -q 'The café by the river' "$dir/warc.jsonl"
check "warc link base" grep -q '"href":"https://river.example/menu"' "$dir/warc.jsonl"
check "warc provenance" grep -q '"target_uri":"https://river.example/news/cafe"' "$dir/warc.jsonl"

# Usage errors exit 2.
"$onrecord" extract --bogus "$dir/one.html" > /dev/null 2>&1
check "unknown option exit 2" test $? -eq 2
"$onrecord" extract --output-format yaml "$dir/one.html" > /dev/null 2>&1
check "unknown format exit 2" test $? -eq 2
"$onrecord" extract --help > "$dir/help.txt"
check "help exit 0" test $? -eq 0
check "help text" grep -q -- '--output-format' "$dir/help.txt"

[ "$failures" -eq 0 ] || { echo "$failures check(s) failed" >&2; exit 1; }
echo "all extract CLI checks passed"
