#!/usr/bin/python3
"""Writes the Slurm integration test's inputs: small news pages as HTML files and as WARC
archives (plain and gzip per record), plus the manifest listing them.

usage: make_inputs.py DIR   (writes DIR/pages/*, DIR/warc/*, DIR/manifest.txt, DIR/inputs.txt)
"""
import gzip
import os
import random
import sys
import uuid

TOPICS = [
    ("Harbour dredging plan wins council backing", "harbour", "dredging"),
    ("Night buses return to the northern suburbs", "transport", "night bus"),
    ("Library extends opening hours after petition", "library", "petition"),
    ("Flood defences delayed by steel shortage", "flood", "steel"),
    ("School kitchens switch to local suppliers", "school", "kitchen"),
    ("Cycle lane trial splits shop owners", "cycling", "shop owner"),
    ("Water bills to rise by four percent", "water", "bill"),
    ("Old cinema reopens as community hall", "cinema", "hall"),
    ("Ferry timetable cut over winter months", "ferry", "timetable"),
    ("Hospital car park fees scrapped for night staff", "hospital", "parking"),
    ("Allotment waiting list passes two thousand", "allotment", "waiting list"),
    ("Bridge repairs close river crossing for a week", "bridge", "repair"),
]
SPEAKERS = [("Maria Okafor", "the council's finance lead"), ("Tom Reyes", "a local shop owner"),
            ("Aisha Lindqvist", "who chairs the residents' association"),
            ("Daniel Brandt", "a spokesman for the operator")]


def paragraph(rng, topic, detail):
    name, role = rng.choice(SPEAKERS)
    sentences = [
        "The %s question has been argued over at every meeting since the spring." % topic,
        "Officials said the %s figures would be published before the end of the month." % detail,
        "\u201cWe have listened to people and we think this is the fair answer,\u201d said %s, %s."
        % (name, role),
        "Critics pointed to the cost, which rose twice during the consultation.",
        "A person familiar with the talks, who asked not to be named, said a deal was close.",
        "Residents will be able to comment on the %s proposals online or at the town hall." % detail,
    ]
    rng.shuffle(sentences)
    return " ".join(sentences[:rng.randint(3, 6)])


def article_page(rng, index):
    title, topic, detail = TOPICS[index % len(TOPICS)]
    body = "\n".join("<p>%s</p>" % paragraph(rng, topic, detail) for _ in range(rng.randint(4, 8)))
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
            "<title>%s | The Harbour Gazette</title>\n"
            "<meta property=\"og:title\" content=\"%s\">\n"
            "<meta name=\"author\" content=\"Jo Whitfield\">\n"
            "<meta property=\"article:published_time\" content=\"2026-03-%02dT08:00:00Z\">\n"
            "</head><body>\n<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\n"
            "<article><h1>%s</h1><p class=\"byline\">By Jo Whitfield</p>\n%s\n</article>\n"
            "<footer>&copy; The Harbour Gazette</footer></body></html>\n"
            % (title, title, 1 + index % 28, title, body))


def index_page():
    links = "\n".join("<li><a href=\"/news/%d\">%s</a></li>" % (i, t[0]) for i, t in enumerate(TOPICS))
    return ("<!DOCTYPE html>\n<html><head><title>News index</title></head><body>\n"
            "<nav><a href=\"/\">Home</a></nav><ul>\n%s\n</ul></body></html>\n" % links)


def warc_record(rng, kind, uri, block, content_type):
    header = ("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\n"
              "WARC-Date: 2026-03-14T09:26:53Z\r\n" % (kind, uuid.UUID(int=rng.getrandbits(128))))
    if uri:
        header += "WARC-Target-URI: %s\r\n" % uri
    header += "Content-Type: %s\r\nContent-Length: %d\r\n\r\n" % (content_type, len(block))
    return header.encode("ascii") + block + b"\r\n\r\n"


def http_response(html, status="200 OK", content_type="text/html; charset=utf-8"):
    body = html.encode("utf-8")
    head = ("HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
            % (status, content_type, len(body)))
    return head.encode("ascii") + body


def warc_file(rng, first_page, pages):
    """A crawl in miniature: warcinfo, then request/response pairs, a redirect, an image and a
    metadata record, so that skips are counted too."""
    records = [warc_record(rng, "warcinfo", None, b"software: onrecord test\r\n",
                           "application/warc-fields")]
    for i in range(first_page, first_page + pages):
        uri = "https://gazette.example/news/%d" % i
        request = ("GET /news/%d HTTP/1.1\r\nHost: gazette.example\r\n\r\n" % i).encode("ascii")
        records.append(warc_record(rng, "request", uri, request, "application/http; msgtype=request"))
        records.append(warc_record(rng, "response", uri, http_response(article_page(rng, i)),
                                   "application/http; msgtype=response"))
    records.append(warc_record(rng, "response", "https://gazette.example/old",
                               http_response("", "301 Moved Permanently"),
                               "application/http; msgtype=response"))
    records.append(warc_record(rng, "response", "https://gazette.example/logo.png",
                               http_response("\x89PNG", content_type="image/png"),
                               "application/http; msgtype=response"))
    records.append(warc_record(rng, "metadata", "https://gazette.example/news/%d" % first_page,
                               b"fetchTimeMs: 112\r\n", "application/warc-fields"))
    return records


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    return path


def main(argv):
    if len(argv) != 2:
        sys.exit(__doc__.strip().splitlines()[-1])
    root = os.path.abspath(argv[1])
    rng = random.Random(5)
    inputs = []
    for i in range(9):
        inputs.append(write(os.path.join(root, "pages", "article-%02d.html" % i),
                            article_page(rng, i).encode("utf-8")))
    inputs.append(write(os.path.join(root, "pages", "index.html"), index_page().encode("utf-8")))
    inputs.append(write(os.path.join(root, "warc", "crawl-a.warc"), b"".join(warc_file(rng, 20, 4))))
    inputs.append(write(os.path.join(root, "warc", "crawl-b.warc.gz"),
                        b"".join(gzip.compress(r, mtime=0) for r in warc_file(rng, 30, 5))))
    inputs.append(write(os.path.join(root, "warc", "crawl-c.warc.gz"),
                        b"".join(gzip.compress(r, mtime=0) for r in warc_file(rng, 40, 3))))
    # The manifest's comments and blank lines must be ignored; the order is the output order.
    lines = ["# Slurm integration test inputs", ""] + inputs[:6] + [""] + inputs[6:]
    write(os.path.join(root, "manifest.txt"), ("\n".join(lines) + "\n").encode("utf-8"))
    write(os.path.join(root, "inputs.txt"), ("\n".join(inputs) + "\n").encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
