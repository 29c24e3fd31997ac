#!/usr/bin/env python3
"""The seams between ovc's stages (docs/architecture.md). TAP output.

Reads every #include "…" line in src/, maps each header to the stage folder
it lives in, and fails on
  - an include from a lower stage to a higher one (the order is src/STAGES,
    the one place it is defined),
  - an include cycle between modules (x.c and x.h are one module),
  - a file not in the folder src/STAGES names for it, or directly in src/
    (a new file from another branch: scripts/stage-of.sh says where it goes),
  - a prototype written by hand in a .c file (not static) of a function
    defined in a higher stage: a call upward that no #include shows.
The checker is first run on made-up trees, so it is known to catch each
kind of fault.
"""
import fnmatch
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "src")
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
# At the start of a line (functions are never indented in ovc): a return
# type, the name, the parameters, then ";" (a prototype, attributes allowed)
# or a "{" on the next line (a definition, K&R style).
FUNC = re.compile(r'^(?!static\b|typedef\b|return\b|else\b)[A-Za-z_][\w \t*]*?[\s*]'
                  r'(\w+)\s*\(([^;{}()]|\([^;{}()]*\))*\)\s*(__attribute__\s*\(\(\w+\)\)\s*)?([;{])',
                  re.M)

n = 0
failed = 0


def ok(cond, name, detail=""):
    global n, failed
    n += 1
    print("%sok %d - %s" % ("" if cond else "not ", n, name))
    if not cond:
        failed += 1
        for line in str(detail).splitlines()[:40]:
            print("#   " + line)


def read_stages(path):
    """[(stage, [patterns])] in order, lowest first."""
    stages = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].split()
            if line:
                stages.append((line[0], line[1:]))
    return stages


def stage_by_name(stages, name):
    for stage, patterns in stages:
        if any(fnmatch.fnmatchcase(name, p) for p in patterns):
            return stage
    return None


def module(name):
    return os.path.splitext(name)[0]


def check(files, stages):
    """FILES: {base name: (folder or None, [included names])}.
    Returns (upward includes, cycles) as lists of strings."""
    rank = {s: i for i, (s, _) in enumerate(stages)}
    stage_of = {}
    for name, (folder, _) in files.items():
        stage_of[name] = folder if folder in rank else stage_by_name(stages, name)
    upward = []
    graph = {}
    for name, (_, includes) in sorted(files.items()):
        for inc in includes:
            if inc not in files:
                continue  # generated or system header
            a, b = stage_of[name], stage_of[inc]
            if a is not None and b is not None and rank[b] > rank[a]:
                upward.append("%s (%s) includes %s (%s)" % (name, a, inc, b))
            if module(inc) != module(name):
                graph.setdefault(module(name), set()).add(module(inc))
    return upward, cycles(graph)


def cycles(graph):
    """Every elementary cycle found by depth-first search, each once."""
    found, seen = [], set()
    state = {}

    def visit(m, path):
        state[m] = 1
        path.append(m)
        for t in sorted(graph.get(m, ())):
            if state.get(t) == 1:
                cyc = path[path.index(t):]
                key = frozenset(cyc)
                if key not in seen:
                    seen.add(key)
                    found.append(" → ".join(cyc + [t]))
            elif t not in state:
                visit(t, path)
        path.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [])
    return found


def functions(text):
    """(defined, declared): the non-static functions TEXT defines and those
    it declares without defining."""
    defined, declared = set(), set()
    for m in FUNC.finditer(text):
        (defined if m.group(4) == "{" else declared).add(m.group(1))
    return defined, declared - defined


def hidden_calls(texts, stages):
    """TEXTS: {base name: (folder, text)} of the .c files. Every prototype in
    a .c file of a function defined in a higher stage, as strings."""
    rank = {s: i for i, (s, _) in enumerate(stages)}
    home, protos = {}, []
    for name, (folder, text) in sorted(texts.items()):
        defined, declared = functions(text)
        for f in defined:
            home[f] = (name, folder)
        protos += [(name, folder, f) for f in sorted(declared)]
    found = []
    for name, folder, f in protos:
        if f in home and home[f][1] in rank and folder in rank \
                and rank[home[f][1]] > rank[folder]:
            found.append("%s (%s) declares %s itself, defined in %s (%s)" % (
                name, folder, f, home[f][0], home[f][1]))
    return found


def scan():
    files, texts, misplaced = {}, {}, []
    stages = read_stages(os.path.join(SRC, "STAGES"))
    for dirpath, _, names in os.walk(SRC):
        rel = os.path.relpath(dirpath, SRC)
        folder = None if rel == "." else rel
        for name in names:
            if not name.endswith((".c", ".h", ".def")):
                continue
            with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                text = f.read()
            files[name] = (folder, INCLUDE.findall(text))
            if name.endswith(".c"):
                texts[name] = (folder, text)
            want = stage_by_name(stages, name)
            if folder is None or want != folder:
                misplaced.append("%s: in src/%s, hoort in src/%s/" % (
                    name, folder or "", want or "?"))
    return files, texts, stages, misplaced


# --- the checker catches what it should ----------------------------------
toy = [("low", ["a.*"]), ("high", ["b.*", "c.*"])]
up, cyc = check({"a.c": ("low", ["a.h", "b.h"]), "a.h": ("low", []),
                 "b.h": ("high", []), "b.c": ("high", ["a.h"])}, toy)
ok(up == ["a.c (low) includes b.h (high)"] and cyc == ["a → b → a"],
   "checker: an upward include and the circle it makes are found", (up, cyc))
up, cyc = check({"b.c": ("high", ["c.h", "a.h"]), "c.c": ("high", ["b.h"]),
                 "b.h": ("high", []), "c.h": ("high", []), "a.h": ("low", [])}, toy)
ok(up == [] and cyc == ["b → c → b"],
   "checker: a circle within one stage is found, a downward include allowed", (up, cyc))
hidden = hidden_calls({
    "p.c": ("low", "#include \"p.h\"\n\nvoid p_run(int n);\nint b_do(struct x *o,\n"
                   "         int (*fn)(void));\n\nint p_go(void)\n{\n\treturn b_do(0, 0);\n}\n"),
    "b.c": ("high", "static int b_help(void);\nint b_do(struct x *o, int (*fn)(void))\n{\n"
                    "\tp_go();\n\treturn 0;\n}\nvoid b_run(void)\n{\n}\n"),
    "c.c": ("high", "int p_go(void);\nextern void b_run(void) __attribute__((weak));\n")}, toy)
ok(hidden == ["p.c (low) declares b_do itself, defined in b.c (high)"],
   "checker: a prototype in a .c file of a function of a higher stage is found", hidden)

# --- the real tree --------------------------------------------------------
files, texts, stages, misplaced = scan()
ok(len(stages) >= 5 and len(files) > 50,
   "src/STAGES has the stages and src/ the sources (%d stages, %d files)"
   % (len(stages), len(files)))
up, cyc = check(files, stages)
ok(not up, "no include from a lower stage to a higher one (order: %s)"
   % " < ".join(s for s, _ in stages), "\n".join(up))
ok(not cyc, "no include cycle between modules", "\n".join(cyc))
ok(not misplaced, "every source is in the folder src/STAGES names for it",
   "\n".join(sorted(misplaced)))
hidden = hidden_calls(texts, stages)
ok(not hidden, "no call to a higher stage through a prototype written in a .c file",
   "\n".join(hidden))
unknown = sorted(inc for _, (_, incs) in files.items() for inc in incs
                 if inc not in files and inc != "embedded-data.c")
ok(not unknown, "every #include \"…\" names a file in src/", "\n".join(unknown))

print("1..%d" % n)
sys.exit(1 if failed else 0)
