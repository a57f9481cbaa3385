#!/usr/bin/python3
"""Tuning aid for the sourcing audit: runs onrecord over the split=train records of PolNeAR (never dev:
dev is only for reporting) and prints the scores, then, with a mode, the misses by category
(FN-<gold kind>-none|partial: gold quotes not found; FP-<kind>: predictions matching nothing;
SPK-nullpred|wrong: matched quotes with a wrong speaker), a random sample of each.
Usage: tools/sources_train_misses.py [BINARY] [summary|all|direct] [N_EXAMPLES] [SEED]
ONR_TRAIN_SKIP=nyt (comma-separated id prefixes) leaves those records out: the train split labels every
NYT quotation indirect, so its direct-quote figures are meaningless there.
Needs /work/shared/bench (the data and score_attribution.py); standard library only.
"""
import collections
import json
import os
import random
import subprocess
import sys
import tempfile

BENCH = os.environ.get("ONR_BENCH_DATA", "/work/shared/bench")
sys.path.insert(0, BENCH)
import score_attribution as S  # noqa: E402

BIN = sys.argv[1] if len(sys.argv) > 1 else "build/onrecord"
MODE = sys.argv[2] if len(sys.argv) > 2 else "summary"
N = int(sys.argv[3]) if len(sys.argv) > 3 else 30
random.seed(int(sys.argv[4]) if len(sys.argv) > 4 else 0)
SKIP = tuple(p for p in os.environ.get("ONR_TRAIN_SKIP", "").split(",") if p)

with tempfile.TemporaryDirectory() as tmp:
    train = os.path.join(tmp, "train.jsonl")
    with open(os.path.join(BENCH, "attribution/polnear/dev.jsonl"), encoding="utf-8") as f, \
            open(train, "w", encoding="utf-8") as g:
        for line in f:
            r = json.loads(line)
            if r.get("split") == "train" and not (SKIP and r["id"].startswith(SKIP)):
                g.write(line)
    gold = S.load(train)
    out = subprocess.run([BIN, "sources", "-q", "--input-format", "jsonl", "--output-format", "jsonl", train],
                         capture_output=True, text=True, check=True).stdout
pred = {}
for line in out.splitlines():
    r = json.loads(line)
    pred[r["id"]] = r


def direct_only(p):
    return {k: dict(v, quotes=[q for q in v["quotes"] if q["kind"] in ("direct", "partial")]) for k, v in p.items()}


r_all = S.score(gold, pred)
r_dir = S.score(gold, direct_only(pred), kinds={"direct"})
print("ALL  overlap", r_all["quote_overlap"], "e2e", r_all["end_to_end"]["f1"],
      "recall", {k: v["recall"] for k, v in r_all["recall_by_gold_kind"].items()})
print("DIR  overlap", r_dir["quote_overlap"], "spk", r_dir["speaker_on_overlap_matches"]["acc_overlap"],
      "e2e", r_dir["end_to_end"]["f1"])
if MODE == "summary":
    sys.exit()

cats = collections.defaultdict(list)
preds = direct_only(pred) if MODE == "direct" else pred
kinds = {"direct"} if MODE == "direct" else None
for rid, g in gold.items():
    t = g["text"]
    tok = S.Tok(t)
    gq_all = g["quotes"]
    gq = [q for q in gq_all if not kinds or q.get("kind") in kinds]
    pq = preds[rid]["quotes"]
    if kinds:  # as the scorer does: predictions of excluded gold quotes are dropped
        ex = [tok.tokens(S.pieces(q)) for q in gq_all if q.get("kind") not in kinds]
        pq = [q for q in pq if not any(S.overlap_score(x, tok.tokens(S.pieces(q)), "jaccard") >= .5 for x in ex)]
    tg = [tok.tokens(S.pieces(q)) for q in gq]
    tp = [tok.tokens(S.pieces(q)) for q in pq]
    ov = S.match_overlap(tg, tp, .5, "jaccard")
    mg = {a for a, _ in ov}
    mp = {b for _, b in ov}

    def ctx(q):
        s = t[max(0, q["start"] - 70):q["start"]] + "[[" + t[q["start"]:q["end"]] + "]]" + t[q["end"]:q["end"] + 50]
        return s.replace("\n", " | ")

    def spk(q):
        return q["speaker"] and q["speaker"]["text"]

    for gi, q in enumerate(gq):
        if gi in mg:
            continue
        best = max([(S.overlap_score(tg[gi], tp[pi], "jaccard"), pi) for pi in range(len(pq))] or [(0, -1)])
        cats["FN-%s-%s" % (q.get("kind"), "partial" if best[0] > 0 else "none")].append(
            ctx(q) + ("   PRED: " + t[pq[best[1]]["start"]:pq[best[1]]["end"]] if best[0] > 0 else "") +
            "  GSPK=" + str(spk(q)))
    for pi, q in enumerate(pq):
        if pi not in mp:
            cats["FP-%s" % q["kind"]].append(ctx(q) + "  PSPK=" + str(spk(q)))
    for gi, pi in ov:
        if not S.speaker_ok(t, gq[gi]["speaker"], pq[pi]["speaker"], "overlap"):
            cats["SPK-%s" % ("nullpred" if pq[pi]["speaker"] is None else "wrong")].append(
                ctx(gq[gi])[-300:] + "  GOLD=" + str(spk(gq[gi])) + "  PRED=" + str(spk(pq[pi])))
for c, items in sorted(cats.items(), key=lambda x: -len(x[1])):
    print("#####", c, len(items))
    for x in random.sample(items, min(N, len(items))):
        print("  -", x[:600])
