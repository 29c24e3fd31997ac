#!/usr/bin/env python3
"""ovc wijzig and ovc pas-toe: round trips on generated edits of the
shipped ordinance, and the golden formulas of Aanwijzingen 6.15 and 6.18.

Round trips: every edit is made programmatically from whatever verordening/
holds (so another engineer may rewrite its text): word changes, inserted
and removed leden, onderdelen and articles, moved articles, changed headings
and combinations. For each, `ovc wijzig OUD NIEUW` must write a
wijzigingsverordening that `ovc check` accepts and that `ovc pas-toe` turns
into NIEUW exactly (--vergelijk: the model as text). Prints TAP."""

import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OVC = os.path.abspath(os.environ.get("OVC", os.path.join(ROOT, "build", "ovc")))
SRC = os.path.join(ROOT, "verordening")
n = 0
failed = 0


def tap(ok, name, detail=""):
    global n, failed
    n += 1
    if not ok:
        failed += 1
    print(("ok %d - %s" if ok else "not ok %d - %s") % (n, name))
    if not ok and detail:
        for line in detail.strip().splitlines()[:25]:
            print("#   " + line)


def run(*args):
    p = subprocess.run([OVC] + list(args), capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


# ---- The ordinance as editable pieces ----------------------------------------

PART_FILES = None


def part_files(d):
    return sorted(f for f in os.listdir(d) if re.match(r"\d.*\.md$", f))


class Article:
    """An article section: its lines, and where its Regels list is."""

    def __init__(self, lines):
        self.lines = lines

    def heading(self):
        return self.lines[0]

    def regels(self):
        """(start, end) of the Regels block body, or None."""
        lvl = len(self.lines[0]) - len(self.lines[0].lstrip("#"))
        start = None
        for i, l in enumerate(self.lines):
            if re.match(r"#{%d} Regels\s*$" % (lvl + 1), l):
                start = i + 1
            elif start is not None and re.match(r"#{%d} " % (lvl + 1), l):
                return start, i
        if start is not None:
            return start, len(self.lines)
        if not any(re.match(r"#{%d} " % (lvl + 1), l) for l in self.lines[1:]):
            return 1, len(self.lines)
        return None

    def leden(self):
        """The numbered leden: list of (first, end) line ranges, or []."""
        r = self.regels()
        if not r:
            return []
        out = []
        for i in range(*r):
            if re.match(r"\d+\. ", self.lines[i]):
                out.append([i, i + 1])
            elif out and self.lines[i].startswith(" ") and self.lines[i].strip():
                out[-1][1] = i + 1
        return out

    def points(self, lid):
        """The onderdelen lines of a lid range (first-level only)."""
        a, b = lid
        return [i for i in range(a, b) if re.match(r"   \d+\. ", self.lines[i])]


class Doc:
    def __init__(self, d):
        self.dir = d
        self.files = {}
        for f in part_files(d):
            self.files[f] = self.split(open(os.path.join(d, f), encoding="utf-8").read())

    @staticmethod
    def split(text):
        """Cut a part file into ['raw' or Article] at article headings."""
        out, cur, art = [], [], False
        for line in text.split("\n"):
            is_unit = re.match(r"#{1,4} (Deel|Hoofdstuk|Paragraaf|Artikel)\b", line)
            if is_unit:
                if cur:
                    out.append(Article(cur) if art else cur)
                cur, art = [line], line.lstrip("#").startswith(" Artikel")
            else:
                cur.append(line)
        if cur:
            out.append(Article(cur) if art else cur)
        return out

    def articles(self):
        for f, pieces in self.files.items():
            for i, p in enumerate(pieces):
                if isinstance(p, Article):
                    yield f, i, p

    def write(self, d):
        shutil.copytree(self.dir, d)
        for f, pieces in self.files.items():
            lines = []
            for p in pieces:
                lines.extend(p.lines if isinstance(p, Article) else p)
            open(os.path.join(d, f), "w", encoding="utf-8").write("\n".join(lines))


def plain(a):
    """An article that is safe to copy: no type= and a label that can go."""
    return "type=" not in a.heading()


def renumber(lines, a, b, indent):
    k = 1
    for i in range(a, b):
        m = re.match(r"( {%d})\d+\. " % indent, lines[i])
        if m and (indent == 0 or not re.match(r" {%d} " % indent, lines[i])):
            lines[i] = re.sub(r"^( {%d})\d+\." % indent, r"\g<1>%d." % k, lines[i])
            k += 1


# ---- Edits --------------------------------------------------------------------

WORDS = ["tijdig", "schriftelijk", "zorgvuldig", "zo nodig", "in elk geval"]


def edit_word(doc, rnd):
    arts = [a for _, _, a in doc.articles() if a.leden()]
    a = rnd.choice(arts)
    lid = rnd.choice(a.leden())
    i = lid[0]
    words = a.lines[i].split(" ")
    cand = [k for k in range(2, len(words)) if re.match(r"^[a-z]{4,}$", words[k])]
    if not cand:
        return None
    k = rnd.choice(cand)
    kind = rnd.choice(["vervang", "schrap", "voeg in"])
    if kind == "vervang":
        words[k] = rnd.choice(WORDS)
    elif kind == "schrap":
        del words[k]
    else:
        words.insert(k, rnd.choice(WORDS))
    a.lines[i] = " ".join(words)
    return "woord %s in %s" % (kind, a.heading()[:40])


def edit_lid_in(doc, rnd):
    a = rnd.choice([a for _, _, a in doc.articles() if len(a.leden()) >= 2])
    leden = a.leden()
    k = rnd.randrange(len(leden) + 1)
    at = leden[k][0] if k < len(leden) else leden[-1][1]
    a.lines.insert(at, "9. Het college kan hiervan afwijken als de situatie van de inwoner daarom vraagt.")
    r = a.regels()
    renumber(a.lines, r[0], r[1], 0)
    return "lid ingevoegd op plaats %d in %s" % (k + 1, a.heading()[:40])


def edit_lid_out(doc, rnd):
    a = rnd.choice([a for _, _, a in doc.articles() if len(a.leden()) >= 2])
    leden = a.leden()
    k = rnd.randrange(len(leden))
    del a.lines[leden[k][0]:leden[k][1]]
    r = a.regels()
    renumber(a.lines, r[0], r[1], 0)
    return "lid %d geschrapt in %s" % (k + 1, a.heading()[:40])


def lists(doc):
    out = []
    for _, _, a in doc.articles():
        for lid in a.leden():
            pts = a.points(lid)
            if len(pts) >= 2 and all(not a.lines[p + 1].startswith("      ") for p in pts if p + 1 < len(a.lines)):
                out.append((a, lid, pts))
    return out


def tail(s):
    for t in ("; en", "; of", ";", "."):
        if s.endswith(t):
            return t
    return ""


def edit_point_in(doc, rnd):
    a, lid, pts = rnd.choice(lists(doc))
    k = rnd.randrange(len(pts) + 1)
    if k < len(pts):
        a.lines.insert(pts[k], "   9. een onderdeel dat er in deze versie bij komt;")
    else:
        last = a.lines[pts[-1]]
        t = tail(last)
        before = a.lines[pts[-2]] if len(pts) >= 2 else None
        conj = tail(before) if before else ";"
        # the old last keeps the list's conjunction, the one before it a semicolon
        if conj in ("; en", "; of") and before is not None:
            a.lines[pts[-2]] = before[: len(before) - len(conj)] + ";"
            a.lines[pts[-1]] = last[: len(last) - len(t)] + conj
        else:
            a.lines[pts[-1]] = last[: len(last) - len(t)] + ";"
        a.lines.insert(pts[-1] + 1, "   9. een laatste onderdeel dat er bij komt" + (t or "."))
    renumber(a.lines, lid[0], lid[1] + 1, 3)
    return "onderdeel ingevoegd op plaats %d in %s" % (k + 1, a.heading()[:40])


def edit_point_out(doc, rnd):
    a, lid, pts = rnd.choice(lists(doc))
    k = rnd.randrange(len(pts))
    if k == len(pts) - 1:
        t = tail(a.lines[pts[-1]])
        prev = a.lines[pts[-2]]
        conj = tail(prev)
        a.lines[pts[-2]] = prev[: len(prev) - len(conj)] + (t or ".")
        if len(pts) >= 3 and conj in (";",):
            pass
    del a.lines[pts[k]]
    renumber(a.lines, lid[0], lid[1] - 1, 3)
    return "onderdeel %d geschrapt in %s" % (k + 1, a.heading()[:40])


def strip_label(h, title):
    lvl = h.split(" ")[0]
    attrs = re.search(r"\{[^}]*\}\s*$", h)
    at = ""
    if attrs:
        keep = [x for x in re.findall(r'\S+="[^"]*"|\S+', attrs.group(0)[1:-1]) if not x.startswith("#")]
        at = " {%s}" % " ".join(keep) if keep else ""
    return "%s Artikel %s%s" % (lvl, title, at)


def edit_art_in(doc, rnd):
    cands = [(f, i, a) for f, i, a in doc.articles() if plain(a)]
    f, i, a = rnd.choice(cands)
    new = Article(list(a.lines))
    new.lines[0] = strip_label(a.heading(), "Een nieuw artikel over %s" % rnd.choice(["nazorg", "evaluatie", "samenwerking"]))
    doc.files[f].insert(i + rnd.choice([0, 1]), new)
    return "artikel ingevoegd bij %s" % a.heading()[:40]


def edit_art_out(doc, rnd):
    cands = [(f, i, a) for f, i, a in doc.articles() if plain(a)]
    f, i, a = rnd.choice(cands)
    del doc.files[f][i]
    # keep the chapter: a chapter without articles is not what this test is about
    return "artikel geschrapt: %s" % a.heading()[:40]


def edit_art_move(doc, rnd):
    cands = [(f, i, a) for f, i, a in doc.articles() if plain(a)]
    f, i, a = rnd.choice(cands)
    del doc.files[f][i]
    g, j, b = rnd.choice([(g, j, b) for g, j, b in doc.articles() if b is not a])
    if a.heading().split(" ")[0] != b.heading().split(" ")[0]:
        return None
    doc.files[g].insert(j + rnd.choice([0, 1]), a)
    return "artikel verplaatst: %s" % a.heading()[:40]


def edit_heading(doc, rnd):
    if rnd.random() < 0.5:
        f, i, a = rnd.choice(list(doc.articles()))
        h = a.heading()
        m = re.match(r"(#+ Artikel (?:[\d.]+ )?)(.*?)(\s*\{[^}]*\})?\s*$", h)
        a.lines[0] = m.group(1) + m.group(2) + " en meer" + (m.group(3) or "")
        return "opschrift artikel gewijzigd: %s" % h[:40]
    f = rnd.choice(list(doc.files))
    pieces = doc.files[f]
    for p in pieces:
        if not isinstance(p, Article) and p and p[0].startswith("## Hoofdstuk"):
            m = re.match(r"(## Hoofdstuk (?:\d+ )?)(.*?)(\s*\{[^}]*\})?\s*$", p[0])
            p[0] = m.group(1) + "Over " + m.group(2)[0].lower() + m.group(2)[1:] + (m.group(3) or "")
            return "opschrift hoofdstuk gewijzigd in %s" % f
    return None


KINDS = [edit_word, edit_lid_in, edit_lid_out, edit_point_in, edit_point_out,
         edit_art_in, edit_art_out, edit_art_move, edit_heading]


def make_case(k, base, out):
    rnd = random.Random(1000 + k)
    for attempt in range(20):
        doc = Doc(base)
        if k < 4 * len(KINDS):
            steps = [KINDS[k % len(KINDS)]]
        else:
            steps = [rnd.choice(KINDS) for _ in range(rnd.randint(2, 4))]
        what = [s(doc, rnd) for s in steps]
        if all(what):
            doc.write(out)
            return "; ".join(what)
    return None


def round_trips(tmp):
    cases = 4 * len(KINDS) + 10
    for k in range(cases):
        d = os.path.join(tmp, "c%02d" % k)
        os.makedirs(d)
        what = make_case(k, SRC, os.path.join(d, "nieuw"))
        if not what:
            tap(False, "geval %d: geen bewerking te maken" % k)
            continue
        rc, out, err = run("wijzig", SRC, os.path.join(d, "nieuw"), "-o", os.path.join(d, "w"))
        if rc != 0:
            tap(False, "geval %d (%s): ovc wijzig" % (k, what), err)
            continue
        rc2, _, err2 = run("check", os.path.join(d, "w"))
        rc3, out3, err3 = run("pas-toe", SRC, os.path.join(d, "w"), "-o", os.path.join(d, "r"),
                              "--vergelijk", os.path.join(d, "nieuw"))
        ok = rc2 == 0 and rc3 == 0 and "is gelijk aan" in out3
        if ok and what.startswith("artikel verplaatst") and ";" not in what:  # the renvooi says where it came from
            ok = "Dit artikel is verplaatst; het was artikel " in open(os.path.join(d, "w", "renvooi.html"), encoding="utf-8").read()
            err3 += "" if ok else "renvooi.html zegt niet dat een artikel verplaatst is\n"
        if ok:  # the result is a source ovc reads without structural faults
            _, _, err4 = run("check", os.path.join(d, "r"))
            ok = "[structuur-" not in err4
            err3 += err4
        tap(ok, "geval %d (%s): wijzig, check en pas-toe geven NIEUW precies" % (k, what),
            err2 + err3 + open(os.path.join(d, "w", "wijziging.md")).read()[-3000:])


# ---- Golden formulas: the examples of Aanwijzingen 6.15 and 6.18 -------------

MINI = os.path.join(ROOT, "tests", "fixtures", "minimaal")

EXTRA = """
### Artikel 7 Termijnen {#termijnen thema=wonen}

#### Doel

Kinderen weten waar zij aan toe zijn.

#### Regels

1. Het college beslist binnen acht weken.
2. Het college betrekt bij zijn besluit:
   1. de wensen van de jeugdige;
   2. de wensen van de ouders;
   3. het advies van de school;
   4. het advies van de huisarts.
3. Het college vraagt advies aan:
   1. de jeugdarts;
   2. de gezinscoach;
   3. de leerplichtambtenaar; of
   4. de wijkagent.
4. Het college let op:
   1. de veiligheid;
   2. de gezondheid;
   3. de ontwikkeling;
   4. de school;
   5. de vrije tijd;
   6. de vrienden.

### Artikel 8 Modellen {#modellen thema=wonen}

#### Doel

Ouders weten welke formulieren er zijn.

#### Regels

1. Het college stelt modellen vast.
2. Een aanvraag wordt ingediend met een formulier.
3. Het college maakt het model bekend.
4. De aanvrager ontvangt een bevestiging.
5. Het college beslist binnen acht weken.
6. Bij de aanvraag verstrekt de aanvrager:
   1. het model, bedoeld in artikel 12, ingevuld;
   2. een kopie van een identiteitsbewijs;
   3. de naam van de jeugdige;
   4. het adres van de jeugdige;
   5. de naam van de ouders;
   6. het adres van de ouders;
   7. de naam van de school;
   8. de naam van de huisarts;
   9. een verklaring van de school;
   10. een verklaring van de huisarts;
   11. een ondertekening door beide ouders.
"""


def golden_base(d):
    shutil.copytree(MINI, d)
    p = os.path.join(d, "verordening.md")
    t = open(p, encoding="utf-8").read().replace("nummering: hoofdstuk", "nummering: doorlopend")
    open(p, "w", encoding="utf-8").write(t)
    for f in os.listdir(d):
        if f.endswith(".md"):
            p = os.path.join(d, f)
            t = open(p, encoding="utf-8").read()
            t = re.sub(r"(#+ Artikel) \d+\.\d+", r"\1", t)
            if f == "2-participatiewet.md":
                pass
            if f == "1-gemeenschappelijk.md":
                t = t.replace("   2. per e-mail.", "   2. per e-mail of andere omstandigheden in de gevallen bedoeld in artikel 16 van de wet.")
            if f == "4-jeugdwet.md":
                t = t.rstrip("\n") + "\n" + EXTRA
            open(p, "w", encoding="utf-8").write(t)


def sub(path, old, new):
    t = open(path, encoding="utf-8").read()
    assert old in t, old
    open(path, "w", encoding="utf-8").write(t.replace(old, new, 1))


GOLDEN = [
    ("6.15, voorbeeld A: vervalt en vervangen in een onderdeel",
     [("1-gemeenschappelijk.md", "per e-mail of andere omstandigheden in de gevallen bedoeld in artikel 16",
       "per e-mail in de gevallen bedoeld in artikel 17a")],
     ["## A", 'In artikel 3, tweede lid, onderdeel b, vervalt "of andere omstandigheden" en wordt "16" vervangen door "17a".']),
    ("6.15, voorbeeld B: artikel wordt als volgt gewijzigd, lid, onderdeel komt te luiden",
     [("4-jeugdwet.md", "3. Het college maakt het model bekend.", "3. Het college maakt de modellen bekend."),
      ("4-jeugdwet.md", "1. het model, bedoeld in artikel 12, ingevuld;", "1. de modellen, bedoeld in artikel 12, ingevuld;"),
      ("4-jeugdwet.md", "11. een ondertekening door beide ouders.", "11. een handtekening van elke ouder met gezag, of van de voogd.")],
     ["Artikel 8 wordt als volgt gewijzigd:",
      '1. In het derde lid wordt "het model" vervangen door "de modellen".',
      "2. Het zesde lid wordt als volgt gewijzigd:",
      '   a. In onderdeel a wordt "het model," vervangen door "de modellen,".',
      "   b. Onderdeel k komt te luiden:",
      "      > k. een handtekening van elke ouder met gezag, of van de voogd."]),
    ("6.18, eerste lid, A: lid ingevoegd onder vernummering",
     [("4-jeugdwet.md", "2. Het vorige lid geldt ook voor pleegzorg.",
       "2. Het college werkt samen met de gecertificeerde instellingen.\n3. Het vorige lid geldt ook voor pleegzorg.")],
     ["1. Onder vernummering van het tweede lid tot derde lid wordt een lid ingevoegd, luidende:",
      "   > 2. Het college werkt samen met de gecertificeerde instellingen."]),
    ("6.18, eerste lid, B: lid vervalt onder vernummering",
     [("4-jeugdwet.md", "1. Het college beslist binnen acht weken.\n2. Het college betrekt",
       "1. Het college betrekt"),
      ("4-jeugdwet.md", "3. Het college vraagt", "2. Het college vraagt"),
      ("4-jeugdwet.md", "4. Het college let op", "3. Het college let op")],
     ["Artikel 7, eerste lid, vervalt, onder vernummering van het tweede tot en met vierde lid tot eerste tot en met derde lid."]),
    ("6.18, tweede lid, A: onderdeel ingevoegd onder verlettering",
     [("4-jeugdwet.md", "   3. de ontwikkeling;", "   3. de opvoeding;\n   4. de ontwikkeling;")],
     ["   a. Onder verlettering van de onderdelen c tot en met f tot d tot en met g wordt een onderdeel ingevoegd, luidende:",
      "      > c. de opvoeding;"]),
    ("6.18, tweede lid, B: onderdeel toegevoegd, punt wordt puntkomma",
     [("4-jeugdwet.md", "   4. het advies van de huisarts.", "   4. het advies van de huisarts;\n   5. het advies van de wijkverpleging.")],
     ["   a. Onder vervanging van de punt aan het slot van onderdeel d door een puntkomma wordt een onderdeel toegevoegd, luidende:",
      "      > e. het advies van de wijkverpleging."]),
    ("6.18, tweede lid, C: onderdeel toegevoegd, \"; of\" schuift op",
     [("4-jeugdwet.md", "   3. de leerplichtambtenaar; of\n   4. de wijkagent.",
       "   3. de leerplichtambtenaar;\n   4. de wijkagent; of\n   5. de jongerenwerker.")],
     ['   a. Onder vervanging van "; of" aan het slot van onderdeel c door een puntkomma en onder vervanging van de punt aan het slot van onderdeel d door "; of" wordt een onderdeel toegevoegd, luidende:',
      "      > e. de jongerenwerker."]),
    ("6.18, derde lid: een artikel zonder leden krijgt er een bij",
     [("2-participatiewet.md", "Het college biedt ondersteuning als bedoeld in de artikelen 2.1 en 1.2.",
       "1. Het college biedt ondersteuning als bedoeld in de artikelen 2.1 en 1.2.\n2. De ondersteuning duurt ten hoogste een jaar.")],
     ["Artikel 4 wordt als volgt gewijzigd:",
      '1. Voor de tekst wordt de aanduiding "1." geplaatst.',
      "2. Er wordt een lid toegevoegd, luidende:",
      "   > 2. De ondersteuning duurt ten hoogste een jaar."]),
    ("6.18, vierde lid: van twee leden naar een artikel zonder leden",
     [("4-jeugdwet.md", "1. Het college zorgt voor jeugdhulp.\n2. Het vorige lid geldt ook voor pleegzorg.",
       "Het college zorgt voor jeugdhulp.")],
     ['1. Het tweede lid alsmede de aanduiding "1." voor het eerste lid vervallen.']),
    ("6.9: een artikel komt te luiden; 6.11: een artikel ingevoegd onder vernummering; opschrift",
     [("4-jeugdwet.md", "### Artikel 8 Modellen {#modellen thema=wonen}",
       "### Artikel 9 Formulieren {#modellen thema=wonen}"),
      ("4-jeugdwet.md", "### Artikel 7 Termijnen", "### Artikel 8 Termijnen"),
      ("2-participatiewet.md", "## Hoofdstuk 3 Werk", "## Hoofdstuk 3 Werk en meedoen"),
      ("3-wmo.md", "## Hoofdstuk 4 Thuis\n",
       "## Hoofdstuk 4 Thuis\n\n### Artikel Hulp bij het huishouden {thema=wonen}\n\n#### Doel\n\nUw huis blijft schoon.\n\n#### Regels\n\nHet college kan hulp bij het huishouden verstrekken.\n")],
     ["Het opschrift van hoofdstuk 3 komt te luiden: Werk en meedoen",
      "Onder vernummering van de artikelen 5 tot en met 8 tot 6 tot en met 9 wordt in hoofdstuk 4 voor artikel 5 een artikel ingevoegd, luidende:",
      "Het opschrift van artikel 9 komt te luiden: Formulieren"]),
]


LETTERS = [
    ("6.16: met --letters krijgt een ingevoegd artikel een letter, niets wordt vernummerd",
     [("4-jeugdwet.md", "### Artikel 7 Termijnen",
       "### Artikel Pleegzorg {thema=wonen}\n\n#### Doel\n\nKinderen wonen veilig.\n\n#### Regels\n\n"
       "Het college zorgt voor pleegzorg.\n\n### Artikel Termijnen"),
      ("4-jeugdwet.md", "### Artikel 8 Modellen", "### Artikel Modellen"),
      ("3-wmo.md", "## Hoofdstuk 4 Thuis\n",
       "## Hoofdstuk 4 Thuis\n\n### Artikel Hulp {thema=wonen}\n\n#### Doel\n\nUw huis blijft schoon.\n\n"
       "#### Regels\n\nHet college kan hulp verstrekken.\n"),
      ("1-gemeenschappelijk.md", "### Artikel Begrippen", "### Artikel Begrippen en woorden")],
     ["nummering: letters",
      "Het opschrift van artikel 2 komt te luiden: Begrippen en woorden",
      "Onder vernummering van artikel 5 tot artikel 5a wordt in hoofdstuk 4 voor artikel 5 een artikel ingevoegd, luidende:",
      "> ### Artikel 5 Hulp {thema=wonen}",
      "Na artikel 6 wordt een artikel ingevoegd, luidende:",
      "> ### Artikel 6a Pleegzorg {thema=wonen}"]),
]


def golden(tmp):
    base = os.path.join(tmp, "g-oud")
    golden_base(base)
    for k, (name, edits, want) in enumerate(GOLDEN + LETTERS):
        d = os.path.join(tmp, "g%02d" % k)
        shutil.copytree(base, os.path.join(d, "nieuw"))
        for f, old, new in edits:
            sub(os.path.join(d, "nieuw", f), old, new)
        extra = ["--letters"] if name.startswith("6.16") else []
        rc, out, err = run("wijzig", base, os.path.join(d, "nieuw"), "-o", os.path.join(d, "w"), *extra)
        text = open(os.path.join(d, "w", "wijziging.md"), encoding="utf-8").read() if rc == 0 else err
        lines = text.split("\n")
        missing = [w for w in want if w not in lines]
        tap(rc == 0 and not missing, "Aanwijzing %s" % name,
            "ontbreekt: %r\n%s" % (missing, text[text.find("# Artikel I"):]))
        rc3, out3, err3 = run("pas-toe", base, os.path.join(d, "w"), "-o", os.path.join(d, "r"),
                              "--vergelijk", os.path.join(d, "nieuw"))
        tap(rc3 == 0 and "is gelijk aan" in out3, "Aanwijzing %s: pas-toe geeft de nieuwe tekst" % name, err3)


def cli(tmp):
    base = os.path.join(tmp, "g-oud")
    d = os.path.join(tmp, "cli")
    nieuw = os.path.join(d, "nieuw")
    shutil.copytree(base, nieuw)
    sub(os.path.join(nieuw, "4-jeugdwet.md"), "2. Het vorige lid geldt ook voor pleegzorg.",
        "2. Het college werkt samen met de gecertificeerde instellingen.\n3. Het vorige lid geldt ook voor pleegzorg.")
    w = os.path.join(d, "w")
    rc, out, err = run("wijzig", base, nieuw, "-o", w, "--datum=2028-01-01")
    names = sorted(os.listdir(w)) if os.path.isdir(w) else []
    tap(rc == 0 and names == ["renvooi.html", "renvooi.pdf", "wijziging.html", "wijziging.md", "wijziging.pdf"],
        "wijzig schrijft bron, HTML en PDF van de wijziging en de renvooi", err + repr(names))
    tap("- artikel 6 (onderdeel A): tweede lid ingevoegd" in out, "de samenvatting per artikel staat op stdout", out)
    md = open(os.path.join(w, "wijziging.md"), encoding="utf-8").read() if rc == 0 else ""
    tap("# Artikel II\n\nDeze verordening treedt in werking op 1 januari 2028.\n" in md
        and "inwerkingtreding: 2028-01-01\n" in md, "Artikel II: de datum van --datum, in woorden", md[-600:])
    html = open(os.path.join(w, "renvooi.html"), encoding="utf-8").read()
    want = ('<p class="lid"><span class="lbl">2.</span> <ins><span class="sr">[ingevoegd: </span>Het college '
            'werkt samen met de gecertificeerde instellingen.<span class="sr">]</span></ins></p>')
    tap(want in html, "renvooi: een nieuw lid is gemarkeerd met <ins> en een voorleestekst", html[-2500:])
    want2 = ('<span class="lbl"><del><span class="sr">[vervallen: </span>2.<span class="sr">]</span></del> '
             '<ins><span class="sr">[ingevoegd: </span>3.<span class="sr">]</span></ins></span>')
    tap(want2 in html, "renvooi: het vernummerde lid toont oud en nieuw nummer", html[-2500:])
    txt = subprocess.run(["pdftotext", os.path.join(w, "renvooi.pdf"), "-"], capture_output=True, text=True).stdout
    tap("Zo leest u deze versie" in txt and "Het college werkt samen met de gecertificeerde instellingen." in txt,
        "renvooi.pdf bevat de legenda en de nieuwe tekst", txt[:500])
    # reproducible
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    outs = []
    for k in range(2):
        o = os.path.join(d, "rep%d" % k)
        subprocess.run([OVC, "wijzig", base, nieuw, "-o", o], env=env, capture_output=True)
        outs.append([open(os.path.join(o, f), "rb").read() for f in sorted(os.listdir(o))])
    tap(outs[0] == outs[1] and len(outs[0]) == 5, "twee runs geven dezelfde bytes (SOURCE_DATE_EPOCH)")
    # check proves every item against the old text (basis:)
    src = os.path.join(w, "wijziging.md")
    good = open(src, encoding="utf-8").read()
    bad = good.replace("het tweede lid tot derde lid", "het tweede lid tot vierde lid")
    line = bad.split("\n").index("1. Onder vernummering van het tweede lid tot vierde lid wordt een lid ingevoegd, luidende:") + 1
    open(src, "w", encoding="utf-8").write(bad)
    rc, out, err = run("check", w)
    want = ('%s:%d:1: fout: onderdeel A: de wijziging moet zeggen "onder vernummering van het tweede lid tot '
            'derde lid", niet wat er staat [wijziging-formule]\n' % (src, line - 2))
    tap(rc == 1 and err == want, "check meldt een verkeerde vernummering met bestand:regel:kolom", err + "\nverwacht:\n" + want)
    open(src, "w", encoding="utf-8").write(good.replace("Artikel 6 wordt als volgt gewijzigd:", "Artikel 6 wordt anders:"))
    rc, out, err = run("check", w)
    tap(rc == 1 and 'onbekende formule "Artikel 6 wordt anders:"' in err, "check meldt een onbekende formule", err)
    open(src, "w", encoding="utf-8").write(good)
    rc, out, err = run("check", w)
    tap(rc == 0 and err == "", "check aanvaardt de gegenereerde wijzigingsverordening", err)
    # pas-toe: never over the source, and --vergelijk finds a difference
    rc, out, err = run("pas-toe", base, w, "-o", base)
    tap(rc == 2 and "pas-toe schrijft nooit over de bron" in err, "pas-toe weigert de bronmap als uitvoer", err)
    rc, out, err = run("pas-toe", base, w, "-o", os.path.join(d, "r"), "--vergelijk", base)
    tap(rc == 1 and "verschil in regel" in err, "pas-toe --vergelijk meldt een verschil", err)
    rc, out, err = run("wijzig", base, nieuw, "-o", nieuw)
    tap(rc == 2 and "wijzig schrijft nooit in een bronmap" in err and not os.path.exists(os.path.join(nieuw, "wijziging.md")),
        "wijzig weigert een bronmap als uitvoer", err)
    rc, out, err = run("wijzig", base)
    tap(rc == 2 and "gebruik: ovc wijzig OUD NIEUW [-o MAP]" in err, "wijzig zonder NIEUW: gebruik, status 2", err)
    rc, out, err = run("wijzig", base, base, "-o", os.path.join(d, "leeg"))
    tap(rc == 1 and "er is niets te wijzigen" in err and not os.path.exists(os.path.join(d, "leeg")),
        "twee gelijke versies: fout, niets geschreven", err)
    # labels first; without a label, number and text (and it says so)
    n2 = os.path.join(d, "nieuw2")
    shutil.copytree(base, n2)
    sub(os.path.join(n2, "2-participatiewet.md"), "### Artikel Ondersteuning bij werk",
        "### Artikel Hulp bij werk")
    sub(os.path.join(n2, "2-participatiewet.md"), "biedt ondersteuning", "biedt hulp")
    rc, out, err = run("wijzig", base, n2, "-o", os.path.join(d, "w2"), "--geen-pdf")
    tap(rc == 0 and "1 artikel(en) zonder gelijk label of opschrift gekoppeld op nummer en tekst" in out
        and "(gekoppeld op nummer en tekst)" in out, "zonder label: gekoppeld op nummer en tekst, en dat staat er", out + err)
    # A … Z, AA: 27 changed articles of the shipped ordinance
    many = os.path.join(d, "veel")
    doc = Doc(SRC)
    k = 0
    for f, i, a in doc.articles():
        if k < 27 and a.leden():
            i0 = a.leden()[0][0]
            a.lines[i0] = a.lines[i0].rstrip(".") + " en zo verder."
            k += 1
    doc.write(many)
    rc, out, err = run("wijzig", SRC, many, "-o", os.path.join(d, "wv"), "--geen-pdf")
    t = open(os.path.join(d, "wv", "wijziging.md"), encoding="utf-8").read() if rc == 0 else err
    tap(rc == 0 and "\n## Z\n" in t and "\n## AA\n" in t and "\n## BB\n" not in t,
        "27 wijzigingen: A … Z, dan AA (Aanwijzing 6.15)", t[-800:])
    # a git revision as OUD
    g = os.path.join(d, "git")
    shutil.copytree(base, os.path.join(g, "v"))
    q = lambda *a: subprocess.run(["git", "-C", g] + list(a), capture_output=True, text=True)
    q("init", "-q")
    q("add", "-A")
    q("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "oud")
    sub(os.path.join(g, "v", "4-jeugdwet.md"), "Het college zorgt voor jeugdhulp.", "Het college zorgt voor goede jeugdhulp.")
    rc, out, err = run("wijzig", "HEAD", os.path.join(g, "v"), "-o", os.path.join(d, "wg"), "--geen-pdf")
    t = open(os.path.join(d, "wg", "wijziging.md"), encoding="utf-8").read() if rc == 0 else err
    tap(rc == 0 and 'In artikel 6, eerste lid, wordt na "voor" ingevoegd "goede".' in t,
        "wijzig HEAD v: de oude tekst uit git", t)


def main():
    tmp = tempfile.mkdtemp()
    try:
        golden(tmp)
        cli(tmp)
        round_trips(tmp)
    finally:
        shutil.rmtree(tmp)
    print("1..%d" % n)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
