#!/usr/bin/env python3
"""Real texts (tests/data/real/*): adopted municipal regulations and national
laws, converted markup-only into source format v1 (opbouw: vrij). For each:

1. the conversion changes no word: the words of bron.* (the text as
   published, see BRON.md) equal the words of verordening/*.md, without
   list numbers, heading marks and front matter;
2. ovc check reports no error outside the readability rules but the
   genuine defects listed in fouten.txt ("FILE:LINE:COL RULE", checked by
   hand; readability errors are the writers' to weigh);
3. the references ovc links, in the scope of verwijzingen.tsv (checked by
   hand: CONTAINER, citation text, expected target), are right: internal
   ones to the expected eId (≥ 95 %), law citations to the expected BWB id
   (≥ 90 %), and no citation of a law is linked inside the text.

Usage: suite-real.py [--dump NAME]   (--dump prints what ovc links, to
review when writing verwijzingen.tsv). Prints TAP.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OVC = os.path.abspath(os.environ.get("OVC", os.path.join(ROOT, "build", "ovc")))
REAL = os.path.join(ROOT, "tests", "data", "real")
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
READABILITY = {"zin-lang", "zin-gemiddeld", "zin-bijzinnen", "lijdende-vorm", "lijdende-vorm-aandeel",
               "naamwoordstijl", "ambtelijk", "afkorting", "woord-moeilijk", "alinea-lang"}
WORD = re.compile(r"[^\W_]+", re.UNICODE)


def words_source(text):
    """Words of the published text: list markers (• a., 1., 1°., –) are layout."""
    out = []
    for line in text.split("\n"):
        line = re.sub(r"^\s*(?:[•–-]\s*)?(?:(?:([a-z])\1?|\d+)°?\.(?=\s|\*|$))?", "", line)
        line = re.sub(r"^#+", "", line)
        out.extend(WORD.findall(line))
    return out


def words_v1(text):
    """Words of a format v1 file: no front matter, heading marks or list numbers."""
    if text.startswith("---\n"):
        text = text[text.index("\n---\n", 4) + 5:]
    out = []
    for line in text.split("\n"):
        if line.strip() == "# Aanhef":
            continue
        line = re.sub(r"^#+\s*", "", line)
        line = re.sub(r"^\s*(?:\d+\.|([a-z])\1?\.|[-*])\s+", "", line)
        out.extend(WORD.findall(line))
    return out


def texts():
    return sorted(d for d in os.listdir(REAL) if os.path.isdir(os.path.join(REAL, d, "verordening")))


def source_words(d):
    ws = []
    for name in sorted(os.listdir(d)):
        if name.startswith("bron"):
            with open(os.path.join(d, name), encoding="utf-8") as f:
                ws.extend(words_source(f.read()))
    return ws


def v1_words(d):
    ws, src = [], os.path.join(d, "verordening")
    names = sorted(n for n in os.listdir(src) if n.endswith(".md"))
    # verordening.md holds the aanhef, which comes first in every published text
    names.sort(key=lambda n: n != "verordening.md")
    for name in names:
        with open(os.path.join(src, name), encoding="utf-8") as f:
            ws.extend(words_v1(f.read()))
    return ws


def check_errors(d):
    p = subprocess.run([OVC, "check", "verordening", "--kleur=nooit", "--format=json"], cwd=d,
                       capture_output=True, text=True)
    import json
    got = []
    for item in json.loads(p.stdout or "{}").get("diagnostics", []):
        if item.get("severity") == "fout" and item.get("rule") not in READABILITY:
            got.append("%s:%d:%d %s" % (os.path.basename(item["file"]), item["line"], item["column"],
                                        item["rule"]))
    return sorted(got)


def genuine(d):
    path = os.path.join(d, "fouten.txt")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return sorted(l.split("#")[0].strip() for l in f if l.split("#")[0].strip())


def links(d):
    """What ovc build links. ovc builds nothing while there are errors: the
    genuine defects of fouten.txt are silenced in a copy, each with a
    suppression comment before its paragraph (a comment is no word)."""
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "verordening")
        shutil.copytree(os.path.join(d, "verordening"), src)
        for entry in sorted(genuine(d), key=lambda e: -int(e.split(":")[1])):
            where, rule = entry.split()
            name, line = where.split(":")[0], int(where.split(":")[1])
            with open(os.path.join(src, name), encoding="utf-8") as f:
                lines = f.read().split("\n")
            lines.insert(line - 1, "<!-- ovc: negeer %s -->" % rule)
            with open(os.path.join(src, name), "w", encoding="utf-8") as f:
                f.write("\n".join(lines))
        out = os.path.join(tmp, "uit")
        p = subprocess.run([OVC, "build", src, "-o", out, "--kleur=nooit"],
                           capture_output=True, text=True)
        if p.returncode != 0:
            raise RuntimeError("ovc build: " + p.stderr[-400:])
        tree = ET.parse(os.path.join(out, "verordening.akn.xml"))
    parent = {c: p for p in tree.iter() for c in p}
    rows = []
    for ref in tree.iter(AKN + "ref"):
        n, box = ref, "aanhef"
        while n in parent:
            n = parent[n]
            if n.get("eId"):
                box = n.get("eId")
                break
        text = re.sub(r"\s+", " ", "".join(ref.itertext())).strip()
        rows.append((box, text, ref.get("href")))
    return rows


def target_of(href):
    m = re.search(r"(BWBR\d{7})", href or "")
    return m.group(1) if m else (href or "")


def score(expected, actual):
    """Match each expected citation to an unused actual link in the same container and text."""
    used = [False] * len(actual)
    res = {"int": [0, 0], "ext": [0, 0], "wrong_internal": []}
    for box, text, want in expected:
        kind = "int" if want.startswith("#") else "ext"
        res[kind][1] += 1
        for i, (b, t, h) in enumerate(actual):
            if used[i] or b != box or t != text:
                continue
            used[i] = True
            if (want.startswith("#") and h == want) or (not want.startswith("#") and target_of(h) == want):
                res[kind][0] += 1
            elif kind == "ext" and h.startswith("#"):
                res["wrong_internal"].append(text)
            break
    return res


def read_tsv(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                rows.append(tuple(line.rstrip("\n").split("\t")[:3]))
    return rows


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--dump":
        for row in links(os.path.join(REAL, sys.argv[2])):
            print("\t".join((row[0], row[1], target_of(row[2]) if "BWBR" in (row[2] or "") else row[2])))
        return 0
    n = failed = 0

    def ok(cond, name, detail=""):
        nonlocal n, failed
        n += 1
        print(("ok %d - %s" if cond else "not ok %d - %s") % (n, name))
        if not cond:
            failed += 1
            for l in detail.split("\n"):
                print("#   " + l)

    for t in texts():
        d = os.path.join(REAL, t)
        a, b = source_words(d), v1_words(d)
        first = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        ok(a == b, "%s: de omzetting laat elk woord staan (%d woorden)" % (t, len(a)),
           "eerste verschil bij woord %d: bron %r, omzetting %r" % (first, a[first:first + 6], b[first:first + 6]))
        want = genuine(d)
        got = check_errors(d)
        ok(got == want, "%s: alleen de echte fouten (%d) buiten de leesbaarheid" % (t, len(want)),
           "verwacht: %s\ngekregen: %s" % (want, got))
        exp = read_tsv(os.path.join(d, "verwijzingen.tsv"))
        r = score(exp, links(d))
        for kind, name, floor in (("int", "interne verwijzingen", 0.95), ("ext", "wetsverwijzingen", 0.90)):
            good, total = r[kind]
            share = good / total if total else 1.0
            ok(share >= floor, "%s: %d van %d %s goed gelinkt (%.0f %%, minstens %.0f %%)" %
               (t, good, total, name, share * 100, floor * 100))
        ok(not r["wrong_internal"], "%s: geen wetsverwijzing binnen de tekst gelinkt" % t,
           "; ".join(r["wrong_internal"]))
    # ovc build writes every output when there are only warnings, and nothing with an error
    outputs = ["verordening.akn.xml", "verordening.html", "verordening.pdf", "publieksversie.html",
               "publieksversie.pdf", "leesbaarheid.html"]
    with tempfile.TemporaryDirectory() as tmp:
        d = os.path.join(REAL, "borger-odoorn-bezwaar")
        p = subprocess.run([OVC, "build", "verordening", "-o", os.path.join(tmp, "a"), "--kleur=nooit"],
                           cwd=d, capture_output=True, text=True)
        made = [o for o in outputs if os.path.exists(os.path.join(tmp, "a", o))]
        ok(p.returncode == 0 and made == outputs and "0 fouten" in p.stderr + p.stdout,
           "ovc build met alleen waarschuwingen schrijft alle %d uitvoerbestanden" % len(outputs),
           "exit %d, geschreven: %s" % (p.returncode, made))
        d = os.path.join(REAL, "jeugdwet")
        p = subprocess.run([OVC, "build", "verordening", "-o", os.path.join(tmp, "b"), "--kleur=nooit"],
                           cwd=d, capture_output=True, text=True)
        ok(p.returncode == 1 and not os.path.exists(os.path.join(tmp, "b", "verordening.akn.xml")),
           "ovc build met een fout (Jeugdwet, artikel 2.15) schrijft niets", "exit %d" % p.returncode)
    print("1..%d" % n)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
