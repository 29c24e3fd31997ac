#!/usr/bin/env python3
"""Literate diagnostics tests (cmark spec-test style).

Each tests/checks/*.md file holds examples. An example starts at a `## `
heading and contains fenced blocks:

    ~~~ file 3-wmo.md          replace (or add) this file of the base fixture
    ~~~ delete themas.md       remove this file
    ~~~ args                   extra arguments for `ovc check` (one line)
    ~~~ diagnostics            the expected output: every diagnostic line
                               ("verordening/…:L:C: fout|waarschuwing: … [rule]")
                               and the closing count line
    ~~~ output                 the expected output verbatim (with source
                               excerpts and carets); instead of diagnostics

The base fixture is tests/fixtures/minimaal (a small, clean ordinance),
copied to a temporary folder as `verordening/`. ovc runs there, so paths in
the output start with `verordening/`. Prints TAP; UPDATE=1 rewrites the
expectations from the actual output (review the diff before committing).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OVC = os.path.abspath(os.environ.get("OVC", os.path.join(ROOT, "build", "ovc")))
BASE = os.path.join(ROOT, "tests", "fixtures", "minimaal")
FENCE = re.compile(r"^~~~ ?(\w+)(?: (.*))?$")
DIAG = re.compile(r"^verordening/\S+:\d+:\d+: (fout|waarschuwing): ")
SUMMARY = re.compile(r"^(\d+ fout(en)?, \d+ waarschuwing(en)?|geen fouten, geen waarschuwingen)$")


def parse(path):
    examples, cur, block = [], None, None
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for no, line in enumerate(lines, 1):
        if block is not None:
            if line == "~~~":
                cur["blocks"].append(block)
                block = None
            else:
                block["lines"].append(line)
            continue
        if line.startswith("## "):
            cur = {"title": line[3:].strip(), "line": no, "blocks": []}
            examples.append(cur)
            continue
        m = FENCE.match(line)
        if m and cur is not None:
            block = {"kind": m.group(1), "arg": m.group(2), "lines": [], "start": no}
    return lines, examples


def run(example, tmp):
    target = os.path.join(tmp, "verordening")
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(BASE, target, ignore=shutil.ignore_patterns(".nummering"))
    args = []
    for b in example["blocks"]:
        if b["kind"] == "file":
            p = os.path.join(target, b["arg"])
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "w", encoding="utf-8") as f:
                f.write("\n".join(b["lines"]) + "\n")
        elif b["kind"] == "delete":
            os.remove(os.path.join(target, b["arg"]))
        elif b["kind"] == "args":
            args = " ".join(b["lines"]).split()
    wrap = os.environ.get("OVC_WRAP", "").split()
    p = subprocess.run(wrap + [OVC, "check", "verordening", "--kleur=nooit"] + args, cwd=tmp,
                       capture_output=True, text=True)
    return p.returncode, p.stderr + p.stdout


def expected(example):
    for b in example["blocks"]:
        if b["kind"] in ("diagnostics", "output"):
            return b
    return None


def actual_for(kind, out):
    lines = out.rstrip("\n").split("\n")
    if kind == "output":
        return lines
    return [l for l in lines if DIAG.match(l) or SUMMARY.match(l)]


def main():
    files = sorted(os.path.join(ROOT, "tests", "checks", f)
                   for f in os.listdir(os.path.join(ROOT, "tests", "checks")) if f.endswith(".md"))
    update = os.environ.get("UPDATE") == "1"
    n = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            lines, examples = parse(path)
            changed = False
            for ex in examples:
                n += 1
                want = expected(ex)
                rc, out = run(ex, tmp)
                got = actual_for(want["kind"] if want else "diagnostics", out)
                name = "%s: %s (regel %d)" % (os.path.basename(path), ex["title"], ex["line"])
                crashed = rc not in (0, 1)
                if want and got == want["lines"] and not crashed:
                    print("ok %d - %s" % (n, name))
                    continue
                if update and want and not crashed:
                    s, e = want["start"], want["start"] + len(want["lines"])
                    lines[s:e] = got
                    delta = len(got) - len(want["lines"])
                    for other in examples:
                        for b in other["blocks"]:
                            if b["start"] > want["start"]:
                                b["start"] += delta
                    want["lines"] = got
                    changed = True
                    print("ok %d - %s # bijgewerkt" % (n, name))
                    continue
                failed += 1
                print("not ok %d - %s" % (n, name))
                print("#   exit status %d" % rc)
                for l in (want["lines"] if want else []):
                    print("#   verwacht: " + l)
                for l in got:
                    print("#   gekregen: " + l)
            if changed:
                with open(path, "w", encoding="utf-8") as f:
                    f.write("\n".join(lines))
    print("1..%d" % n)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
