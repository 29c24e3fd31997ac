#!/usr/bin/env python3
"""Rule ids: src/base/rules.def against docs/format.md and the code. TAP.

rules.def lines are RULE(NAME, "id", severity, "description"). Every id
appears in the "## Regels" table of docs/format.md (the writers'
reference), ids are unique, and NAME is the id in capitals with '-' as '_'
(the code reports RULE_NAME, enum rule_id). The compiler rejects a
misspelled RULE_NAME; this test also rejects a report call that passes its
rule as a string literal (the old form), where a merge could bring one back.
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
    """[(NAME, id)] in file order; a RULE line of another form is (None, line)."""
    text = open(source_of("rules.def"), encoding="utf-8").read()
    out = []
    for line in re.findall(r"^RULE\(.*$", text, re.M):
        m = re.match(r'RULE\(([A-Z0-9_]+), "([^"]+)", SEV_(?:ERROR|WARNING), ".*"\)$', line)
        out.append((m.group(1), m.group(2)) if m else (None, line))
    return out


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


def sources():
    for path in sorted(glob.glob(os.path.join(ROOT, "src", "**", "*.c"), recursive=True)):
        yield os.path.relpath(path, ROOT), open(path, encoding="utf-8").read()


def used():
    """{NAME: first place} for every RULE_NAME the code names (not diag.c's table)."""
    out = {}
    for rel, text in sources():
        if rel.endswith(os.path.join("base", "diag.c")):
            continue
        for m in re.finditer(r"\bRULE_([A-Z0-9_]+)\b", text):
            if m.group(1) != "COUNT":
                line = text.count("\n", 0, m.start()) + 1
                out.setdefault(m.group(1), "%s:%d" % (rel, line))
    return out


def string_rules():
    """Report calls whose rule argument holds a string literal: ["file:line: arg"]."""
    out = []
    calls = {r"\bdiag_report(?:_fix|_sev)?\s*\(": 4, r"\bdiag_suppress\s*\(": 4,
             r"\bemit\s*\(\s*rd\s*,": 1, r"\breport_at\s*\(\s*rs\s*,": 3}
    for rel, text in sources():
        for pattern, index in calls.items():
            for m in re.finditer(pattern, text):
                args = call_args(text, text.index("(", m.start()))
                if len(args) > index and '"' in args[index]:
                    line = text.count("\n", 0, m.start()) + 1
                    out.append("%s:%d: %s" % (rel, line, args[index]))
    return out


rules = rules_def()
bad = [line for name, line in rules if name is None]
ok(not bad, 'every rules.def line is RULE(NAME, "id", SEV_ERROR|SEV_WARNING, "description")',
   "\n".join(bad))
rules = [(name, i) for name, i in rules if name is not None]
ids = [i for _, i in rules]
names = [name for name, _ in rules]
ok(len(ids) > 30, "rules.def has the rules (%d)" % len(ids))
dups = sorted({i for i in ids if ids.count(i) > 1})
ok(not dups, "every id in rules.def is unique", ", ".join(dups))
wrong = ["%s for %s" % (name, i) for name, i in rules if name != i.upper().replace("-", "_")]
ok(not wrong, "every NAME in rules.def is its id in capitals with '-' as '_'", "\n".join(wrong))
docs = documented()
missing = [i for i in ids if i not in docs]
ok(not missing, "every rule id in rules.def is documented in docs/format.md (## Regels)",
   "\n".join(missing))
calls = used()
ok(len(calls) > 30, "the code reports rules as RULE_NAME (%d names found)" % len(calls))
unknown = ["%s: RULE_%s" % (where, name) for name, where in sorted(calls.items()) if name not in names]
ok(not unknown, "every RULE_NAME the code uses is in rules.def", "\n".join(unknown))
strings = string_rules()
ok(not strings, "no report call passes its rule as a string (use RULE_NAME)", "\n".join(strings))
unused = [i for name, i in rules if name not in calls]
print("# in rules.def, not reported by the code: %s" % (", ".join(unused) or "geen"))

print("1..%d" % n)
sys.exit(1 if failed else 0)
