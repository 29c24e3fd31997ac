#!/usr/bin/env python3
"""scripts/func-length.py [--max N] [FILE…]: the function-length gate of
`make lint` (STYLE.md: short functions).

Lists every function in src/ (or FILE…) whose body is longer than N lines
(default 60: the 99th percentile of the 681 functions in December 2026,
when p50 was 11 lines and p90 32), counted
from the line of its opening brace to the line of its closing brace, both
at column 0 as the project's K&R style writes them. Functions named in
scripts/func-length.allow (one "file:function lines" a line, with why)
may be as long as listed there, no longer. Exit status 1 if any function is
over its limit.
"""
import glob
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NAME = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s*\(")


def functions(path):
    """(name, first line, length) of each function definition in PATH."""
    lines = open(path, encoding="utf-8").read().split("\n")
    out = []
    for i, line in enumerate(lines):
        if line != "{" or i == 0:
            continue
        # the signature: the lines above back to one that starts a declaration
        j = i - 1
        while j > 0 and (lines[j].startswith((" ", "\t")) or lines[j].endswith(",")):
            j -= 1
        m = NAME.search(lines[j])
        if not m or lines[j].startswith(("struct ", "enum ", "union ", "#")) and "(" not in lines[j]:
            continue
        k = i + 1
        while k < len(lines) and not lines[k].startswith("}"):
            k += 1
        out.append((m.group(1), i + 1, k - i + 1))
    return out


def allowed():
    table = {}
    path = os.path.join(ROOT, "scripts", "func-length.allow")
    for line in open(path, encoding="utf-8"):
        line = line.split("#", 1)[0].split()
        if len(line) >= 2:
            table[line[0]] = int(line[1])
    return table


def main(argv):
    limit = 60
    if argv[:1] == ["--max"]:
        limit, argv = int(argv[1]), argv[2:]
    files = argv or sorted(glob.glob(os.path.join(ROOT, "src", "**", "*.c"), recursive=True))
    allow = allowed()
    over = []
    for path in files:
        base = os.path.basename(path)
        for name, line, length in functions(path):
            cap = allow.get("%s:%s" % (base, name), limit)
            if length > cap:
                over.append("%s:%d: %s heeft %d regels (grens %d)" % (
                    os.path.relpath(path, ROOT), line, name, length, cap))
    for o in over:
        print(o)
    if over:
        print("func-length: %d functie(s) te lang; splits ze, of noem ze met reden in "
              "scripts/func-length.allow" % len(over))
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
