#!/usr/bin/python3
"""Differential test of the tree builder against parse5: parses every page with both, then prints the
share of pages whose text (all text nodes, concatenated) is identical and the share whose element
paths of every text node are identical. Fails below the targets; exits 77 (skipped) when node,
parse5 or the pages are missing.

usage: compare.py TREE_PATHS_BINARY [--min-text PCT] [--min-paths PCT] [--show N] PAGE_OR_DIR...
"""
import argparse
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SKIP = 77


def split_pages(output):
    pages, name = {}, None
    for line in output.split('\n'):
        if line.startswith('#page '):
            name = line[6:]
            pages[name] = []
        elif line and name is not None:
            pages[name].append(line)
    return pages


def text_of(lines):
    import json
    return ''.join(json.loads(line.split('\t', 1)[1]) for line in lines)


def first_difference(a, b):
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return i, x, y
    n = min(len(a), len(b))
    return n, a[n] if n < len(a) else '(end)', b[n] if n < len(b) else '(end)'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('tree_paths')
    ap.add_argument('inputs', nargs='+')
    ap.add_argument('--min-text', type=float, default=0)
    ap.add_argument('--min-paths', type=float, default=0)
    ap.add_argument('--show', type=int, default=5, help='pages whose first difference is printed')
    args = ap.parse_args()

    files = []
    for item in args.inputs:
        if os.path.isdir(item):
            files += sorted(os.path.join(item, f) for f in os.listdir(item) if '.htm' in f)
        elif os.path.exists(item):
            files.append(item)
    if not files:
        print('differential: no pages found (../shared absent?): skipped')
        return SKIP
    node = shutil.which('node')
    if not node or not os.path.isdir(os.path.join(HERE, 'node_modules', 'parse5')):
        print('differential: node or parse5 missing (run tools/install-deps.sh test): skipped')
        return SKIP

    ours = subprocess.run([args.tree_paths] + files, capture_output=True, text=True, errors='surrogateescape')
    if ours.returncode != 0:
        print('differential: tree_paths failed:', ours.stderr.strip())
        return 1
    ref = subprocess.run([node, os.path.join(HERE, 'parse5_paths.mjs')] + files, capture_output=True, text=True,
                         errors='surrogateescape')
    if ref.returncode != 0:
        print('differential: parse5 failed:', ref.stderr.strip())
        return 1
    ours_pages, ref_pages = split_pages(ours.stdout), split_pages(ref.stdout)

    same_text = same_paths = shown = 0
    for name in ref_pages:
        a, b = ours_pages.get(name, []), ref_pages[name]
        if a == b:
            same_text += 1
            same_paths += 1
            continue
        if text_of(a) == text_of(b):
            same_text += 1
        if shown < args.show:
            shown += 1
            i, x, y = first_difference(a, b)
            print(f'{name}: first difference at text node {i}:\n  onrecord: {x[:300]}\n  parse5:   {y[:300]}')
    total = len(ref_pages)
    text_pct, paths_pct = 100.0 * same_text / total, 100.0 * same_paths / total
    print(f'differential: {total} pages, identical text {same_text} ({text_pct:.1f}%), '
          f'identical paths {same_paths} ({paths_pct:.1f}%)')
    if text_pct < args.min_text or paths_pct < args.min_paths:
        print(f'differential: below the targets (text >= {args.min_text}%, paths >= {args.min_paths}%)')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
