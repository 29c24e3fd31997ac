#!/usr/bin/env python3
"""Make a second version of an ordinance for `make bench` (ovc wijzig):
OUD → NIEUW with a word changed in every fifth article with leden, one lid
inserted, one article removed. Deterministic. Usage: wijzig-bench.py OUD NIEUW"""
import os
import re
import shutil
import sys

src, dst = sys.argv[1], sys.argv[2]
shutil.rmtree(dst, ignore_errors=True)
shutil.copytree(src, dst)
count = 0
for f in sorted(os.listdir(dst)):
    if not re.match(r"\d.*\.md$", f):
        continue
    p = os.path.join(dst, f)
    lines = open(p, encoding="utf-8").read().split("\n")
    out, article, seen = [], 0, set()
    for line in lines:
        if re.match(r"#{3,4} Artikel", line):
            article += 1
        if re.match(r"1\. ", line) and article % 5 == 0 and article not in seen:
            seen.add(article)
            count += 1
            line = line.replace(" het ", " dat ", 1) if " het " in line else line + " Dit geldt altijd."
            if count == 3:
                out.append(line)
                line = "2. Het college kan hiervan afwijken als dat nodig is."
        out.append(line)
    open(p, "w", encoding="utf-8").write("\n".join(out))
print("wijzig-bench: %d artikelen gewijzigd" % count)
