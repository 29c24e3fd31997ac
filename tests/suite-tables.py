#!/usr/bin/env python3
"""The one parts table and the one steps table (src/model/parts.def,
steps.def) against the places that cannot include them. TAP output.

C reads them through src/model/parts.h (checks, model, AKN). The citizen
stylesheet keeps its own wording of each step, so its route must list the
same ids in the same order; every law part must be a law ovc knows
(data/wetten.tsv); scripts/gen-ordinance.py must read the required parts.
"""
import os
import re
import subprocess
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
        for line in str(detail).splitlines()[:20]:
            print("#   " + line)


def read(*path):
    return open(os.path.join(ROOT, *path), encoding="utf-8").read()


parts = re.findall(r'^PART\("([^"]+)", "([^"]+)", (\d), (\d)\)', read("src", "model", "parts.def"), re.M)
steps = re.findall(r'^STEP\("([^"]+)", (?:"[^"]*"|NULL)\)', read("src", "model", "steps.def"), re.M)
ok([p[0] for p in parts] == ["gemeenschappelijk", "participatiewet", "wmo", "jeugdwet", "slot"],
   "parts.def: the five parts in the order of the format (docs/format.md)", parts)
ok(len(steps) == 7 and steps[0] == "melding" and steps[-1] == "bezwaar",
   "steps.def: the route from melding to bezwaar", steps)

route = re.findall(r'<stap id="([^"]+)">', read("stylesheets", "publieksversie.xsl"))
ok(route == steps, "publieksversie.xsl's route has the ids of steps.def, in order",
   "xsl: %s\ndef: %s" % (route, steps))

laws = {line.split("\t")[0] for line in read("data", "wetten.tsv").splitlines()
        if line and not line.startswith("#")}
unknown = [p[0] for p in parts if p[2] == "1" and p[0] not in laws]
ok(not unknown, "every law part of parts.def is a law in data/wetten.tsv", unknown)

gen = subprocess.run([sys.executable, "-c",
                      "import importlib.util as u; s = u.spec_from_file_location('g', %r); "
                      "m = u.module_from_spec(s); s.loader.exec_module(m); print(' '.join(m.WETTEN))"
                      % os.path.join(ROOT, "scripts", "gen-ordinance.py")],
                     capture_output=True, text=True)
ok(gen.stdout.split() == [p[0] for p in parts if p[3] == "1"],
   "scripts/gen-ordinance.py writes the required parts of parts.def", gen.stdout + gen.stderr)

print("1..%d" % n)
sys.exit(1 if failed else 0)
