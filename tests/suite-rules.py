#!/usr/bin/env python3
"""Rule ids: src/base/rules.def against docs/format.md and the code. TAP.

Every id in rules.def appears in the "## Regels" table of docs/format.md
(the writers' reference), ids are unique, and every id the code reports
(the rule argument of diag_report*, the first argument of readability.c's
emit) is in rules.def: a typo would otherwise abort at run time.
Part of `make lint`, and of `make test`.
"""
import glob
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
n = 0
failed = 0


def ok(cond, name, detail=""):
    global n, failed
    n += 1
    print("%sok %d - %s" % ("" if cond else "not ", n, name))
    if not cond:
        failed += 1
        for line in str(detail).splitlines()[:30]:
            print("#   " + line)


def source_of(name):
    hits = glob.glob(os.path.join(ROOT, "src", "**", name), recursive=True)
    return hits[0]


def rules_def():
    text = open(source_of("rules.def"), encoding="utf-8").read()
    return re.findall(r'^RULE\("([^"]+)"', text, re.M)


def documented():
    text = open(os.path.join(ROOT, "docs", "format.md"), encoding="utf-8").read()
    section = text.split("\n## Regels", 1)[1].split("\n## ", 1)[0]
    ids = set()
    for line in section.splitlines():
        if line.startswith("|"):
            # "verwijzing-artikel, -lid": a leading "-" repeats the prefix
            prefix = ""
            for word in re.findall(r"-?[a-z0-9]+(?:-[a-z0-9]+)*", line.split("|")[1]):
                if word.startswith("-"):
                    word = prefix + word
                else:
                    prefix = word.split("-")[0]
                ids.add(word)
    return ids


def call_args(text, start):
    """The top-level arguments of the call whose '(' is at START."""
    args, depth, cur, i = [], 0, "", start
    while i < len(text):
        c = text[i]
        if c == '"':
            j = i + 1
            while text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            cur += text[i:j + 1]
            i = j + 1
            continue
        if c in "([{":
            depth += 1
            if depth == 1:
                i += 1
                continue
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                args.append(cur.strip())
                return args
        elif c == "," and depth == 1:
            args.append(cur.strip())
            cur = ""
            i += 1
            continue
        cur += c
        i += 1
    return args


def used():
    """{id: first place} for every literal rule id the code reports."""
    out = {}
    calls = {r"\bdiag_report(?:_fix|_sev)?\s*\(": 4, r"\bemit\s*\(\s*rd\s*,": 1,
             r"\breport_at\s*\(\s*rs\s*,": 3}
    for path in sorted(glob.glob(os.path.join(ROOT, "src", "**", "*.c"), recursive=True)):
        text = open(path, encoding="utf-8").read()
        for pattern, index in calls.items():
            for m in re.finditer(pattern, text):
                paren = text.index("(", m.start())
                args = call_args(text, paren)
                if len(args) > index and re.fullmatch(r'"[^"]*"', args[index]):
                    line = text.count("\n", 0, m.start()) + 1
                    out.setdefault(args[index][1:-1], "%s:%d" % (os.path.relpath(path, ROOT), line))
    return out


ids = rules_def()
ok(len(ids) > 30, "rules.def has the rules (%d)" % len(ids))
dups = sorted({i for i in ids if ids.count(i) > 1})
ok(not dups, "every id in rules.def is unique", ", ".join(dups))
docs = documented()
missing = [i for i in ids if i not in docs]
ok(not missing, "every rule id in rules.def is documented in docs/format.md (## Regels)",
   "\n".join(missing))
calls = used()
ok(len(calls) > 30, "the code reports literal rule ids (%d found)" % len(calls))
unknown = ["%s: %s" % (where, i) for i, where in sorted(calls.items()) if i not in ids]
ok(not unknown, "every rule id the code reports is in rules.def", "\n".join(unknown))
unused = [i for i in ids if i not in calls]
# Not a failure: ids can be reported through a variable (a table's rule).
print("# in rules.def, not seen as a literal in a report call: %s" % (", ".join(unused) or "geen"))

print("1..%d" % n)
sys.exit(1 if failed else 0)
