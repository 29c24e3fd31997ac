#!/usr/bin/env python3
"""scripts/format-check.py [BASE]: the format check of `make lint`.

Fails when a line of C changed since BASE (default main: its merge base with
HEAD, plus uncommitted changes; renames followed, so a moved file counts
only for the lines changed in it) is not as .clang-format writes it:
clang-format --lines on the changed ranges only. Then prints how many lines
`make format` would change in the whole tree: a report, not a failure, until
the tree is formatted once; LINT_FORMAT=all then makes it a failure too.
"""
import glob
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.chdir(ROOT)


def formatted(path, ranges=None):
    args = ["clang-format"] + ["--lines=%d:%d" % r for r in ranges or []] + [path]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def changed_ranges(base):
    """{path: [(first, last)]} of lines added or changed since BASE."""
    mb = subprocess.run(["git", "merge-base", "HEAD", base], capture_output=True, text=True)
    if mb.returncode != 0:
        return None
    diff = subprocess.run(["git", "diff", "-M", "-U0", "--no-color", mb.stdout.strip(), "--",
                           "src", "tests/unit"], capture_output=True, text=True, check=True).stdout
    out, path = {}, None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            path = line[6:] if line.startswith("+++ b/") else None
        elif line.startswith("@@") and path and re.search(r"\.[ch]$", path):
            m = re.search(r"\+(\d+)(?:,(\d+))?", line)
            first, count = int(m.group(1)), int(m.group(2) or 1)
            if count:
                out.setdefault(path, []).append((first, first + count - 1))
    return out


def main(argv):
    if not shutil.which("clang-format"):
        print("format-check: clang-format ontbreekt (sudo apt-get install clang-format; deps/lint.txt)")
        return 1
    base = argv[0] if argv else "main"
    every = sorted(glob.glob("src/*.[ch]") + glob.glob("src/*/*.[ch]") + glob.glob("tests/unit/*.c"))
    rc = 0
    if os.environ.get("LINT_FORMAT") == "all":
        ranges = {p: None for p in every}
    else:
        ranges = changed_ranges(base)
        if ranges is None:
            print("format-check: geen basis '%s' in git; alleen het overzicht" % base)
            ranges = {}
    for path, r in sorted(ranges.items()):
        if os.path.exists(path) and formatted(path, r) != open(path, encoding="utf-8").read():
            print("format-check: %s: gewijzigde regels niet opgemaakt zoals .clang-format zegt "
                  "(git diff na clang-format -i %s)" % (path, path))
            rc = 1
    total = files = 0
    for path in every:
        old = open(path, encoding="utf-8").read().splitlines()
        new = formatted(path).splitlines()
        if old != new:
            import difflib
            n = sum(1 for l in difflib.unified_diff(old, new, lineterm="", n=0)
                    if l.startswith("-") and not l.startswith("---"))
            total, files = total + n, files + 1
    print("format-check: make format zou %d regels in %d bestanden veranderen (overzicht)"
          % (total, files))
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
