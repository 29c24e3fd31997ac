#!/usr/bin/env python3
"""Renumbering: the numbering record and `ovc hernummer` (issue 21).

Each case edits a copy of a text the way a writer would (insert, delete or
move an article, a lid or an onderdeel), generated from whatever the text
contains. It asserts that
  - `ovc check` reports every shifted plain reference (verwijzing-verschoven)
    with the right names and the number that keeps it on its unit;
  - `ovc hernummer` makes `ovc check` clean of reference and numbering
    errors, and every link keeps its target: the multiset of (enclosing
    article, target unit) pairs, read from the AKN's hrefs and mapped to the
    units' titles and first words, is the same before and after.
Texts: the shipped ordinance (verordening/) and a real regulation with
nummering: vast (tests/data/real/regeling-jeugdwet). Prints TAP.
"""
import collections
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OVC = os.path.abspath(os.environ.get("OVC", os.path.join(ROOT, "build", "ovc")))
BUILD = os.path.abspath(os.environ.get("BUILD", os.path.join(ROOT, "build")))
DUMP = os.path.join(BUILD, "tests", "tools", "akn-dump")
SHIPPED = os.path.join(ROOT, "verordening")
REAL = os.path.join(ROOT, "tests", "data", "real", "regeling-jeugdwet", "verordening")
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
ORD = ["", "eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste",
       "negende", "tiende", "elfde", "twaalfde"]
REF_RULES = ("verwijzing-", "structuur-nummer", "label-")

n = 0


def ok(cond, name, detail=""):
    global n
    n += 1
    print(("ok %d - %s" if cond else "not ok %d - %s") % (n, name))
    if not cond and detail:
        for line in str(detail).splitlines()[:40]:
            print("#   " + line)


def run(*args):
    p = subprocess.run([OVC] + list(args), capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def diagnostics(d):
    """(rule, message, file, line) of every diagnostic of `ovc check D`."""
    _, _, err = run("check", d, "--kleur=nooit")
    out = []
    for m in re.finditer(r"^(.*?):(\d+):\d+: (fout|waarschuwing): (.*) \[([\w-]+)\]$", err, re.M):
        out.append((m.group(5), m.group(4), os.path.basename(m.group(1)), int(m.group(2))))
    return out


def new_errors(base, now):
    """Diagnostics in NOW that BASE does not have (by rule and message: lines move)."""
    c = collections.Counter(x[:2] for x in now) - collections.Counter(x[:2] for x in base)
    return sorted(c.elements())


def ref_errors(d):
    return sorted(x for x in diagnostics(d) if x[0].startswith(REF_RULES))


# ---- the sources -------------------------------------------------------------------

class Text:
    """A copy of a source folder, read as lines per file."""

    def __init__(self, src, tmp, name):
        self.dir = os.path.join(tmp, name)
        shutil.copytree(src, self.dir)
        self.files = sorted(f for f in os.listdir(self.dir) if f.endswith(".md"))
        self.lines = {f: open(os.path.join(self.dir, f), encoding="utf-8").read().split("\n")
                      for f in self.files}

    def save(self):
        for f, ls in self.lines.items():
            with open(os.path.join(self.dir, f), "w", encoding="utf-8") as fh:
                fh.write("\n".join(ls))

    def headings(self, word):
        """Headings 'Artikel …' / 'Hoofdstuk …': (file, line index, level, number, title)."""
        out = []
        rx = re.compile(r"^(#{1,6}) %s(?: (\d[\w.]*))?(?:\s+(.*?))?\s*(\{.*\})?$" % word)
        for f in self.files:
            for i, l in enumerate(self.lines[f]):
                m = rx.match(l)
                if m:
                    out.append((f, i, len(m.group(1)), m.group(2), m.group(3) or ""))
        return out

    def section_end(self, f, i, level):
        ls = self.lines[f]
        j = i + 1
        while j < len(ls):
            m = re.match(r"^(#{1,6}) ", ls[j])
            if m and len(m.group(1)) <= level:
                break
            j += 1
        return j

    def article(self, num):
        for h in self.headings("Artikel"):
            if h[3] == num:
                return h
        raise KeyError(num)


# ---- link targets from the AKN -----------------------------------------------------------

def words(text, k=8):
    ws = [w for w in re.findall(r"[^\W\d_]+", text.lower()) if w not in ORD and w != "vorige"]
    return " ".join(ws[:k])


def akn(d):
    p = subprocess.run([DUMP, d], capture_output=True)
    return ET.fromstring(p.stdout)


def identities(root):
    """eId → identity (article title; lid/onderdeel: article title + first words)."""
    ident = {}

    def title(art):
        h = art.find(AKN + "heading")
        return h.text if h is not None and h.text else ""

    for art in root.iter(AKN + "article"):
        t = title(art)
        ident[art.get("eId")] = ("artikel", t)
        for el in art.iter():
            if el.tag in (AKN + "paragraph", AKN + "point") and el.get("eId"):
                texts = [x for c in el if c.tag != AKN + "num" for x in c.itertext()]
                ident[el.get("eId")] = (el.tag.split("}")[1], t, words(" ".join(texts)))
    for el in root.iter():
        if el.get("eId") and el.get("eId") not in ident:
            h = el.find(AKN + "heading")
            ident[el.get("eId")] = (el.tag.split("}")[1], h.text if h is not None else "")
    return ident


def link_pairs(d, skip=()):
    """Multiset of (enclosing article, target identity) over every internal link."""
    root = akn(d)
    ident = identities(root)
    pairs = collections.Counter()

    def walk(el, where):
        if el.tag == AKN + "article":
            h = el.find(AKN + "heading")
            where = h.text if h is not None else ""
        if el.tag == AKN + "ref" and (el.get("href") or "").startswith("#"):
            target = ident.get(el.get("href")[1:], ("?", el.get("href")))
            if where not in skip:
                pairs[(where, target)] += 1
        for c in el:
            walk(c, where)

    walk(root, "")
    return pairs


def cited_from_elsewhere(d, num):
    """Does a link outside article NUM point into it?"""
    found = []

    def walk(el, where):
        if el.tag == AKN + "article":
            where = el.get("eId")
        h = el.get("href") or "" if el.tag == AKN + "ref" else ""
        if where != "art_" + num and (h == "#art_" + num or h.startswith("#art_%s__" % num)):
            found.append(h)
        for c in el:
            walk(c, where)

    walk(akn(d), "")
    return bool(found)


def refs_to(d, prefixes):
    """Internal refs whose target eId starts with one of PREFIXES: (text, href)."""
    out = []
    for el in akn(d).iter(AKN + "ref"):
        h = el.get("href") or ""
        if any(h == "#" + p or h.startswith("#" + p + "__") for p in prefixes):
            out.append(("".join(el.itertext()), h))
    return out


# ---- edits a writer makes ------------------------------------------------------------------

NEW_ARTICLE = ["{h} Artikel {num}Nieuwe regels over boodschappen{attrs}", "",
               "{h}# Doel", "", "U kunt zelf boodschappen doen.", "", "{h}# Regels", "",
               "Het college helpt de inwoner met boodschappen als dat zelf niet lukt.", ""]
NEW_ARTICLE_VRIJ = ["{h} Artikel {num}Nieuwe regels over boodschappen{attrs}", "",
                    "Het college helpt de inwoner met boodschappen als dat zelf niet lukt.", ""]


def renumber_chapter_by_hand(t, chap):
    """What a writer does after an edit: the chapter's article headings 1, 2, 3 …."""
    for f, i, level, num, _ in t.headings("Hoofdstuk"):
        if num != chap:
            continue
        end = t.section_end(f, i, level)
        k = 0
        for j in range(i + 1, end):
            m = re.match(r"^(#{1,6}) Artikel(?: \d[\w.]*)? ", t.lines[f][j])
            if m:
                k += 1
                t.lines[f][j] = "%s Artikel %s.%d " % (m.group(1), chap, k) + t.lines[f][j][m.end():]


def largest_chapter(t):
    per = collections.Counter(h[3].split(".")[0] for h in t.headings("Artikel") if h[3])
    chap = max(per, key=lambda c: (per[c], -int(c)))
    arts = [h for h in t.headings("Artikel") if h[3] and h[3].split(".")[0] == chap]
    return chap, arts


def article_lines(t, h):
    return h[0], h[1], t.section_end(h[0], h[1], h[2])


def blocks_of(t, h):
    """Line range of the article's rules: its Regels block, or all of it."""
    f, a, b = article_lines(t, h)
    ls = t.lines[f]
    for i in range(a + 1, b):
        if re.match(r"^#{1,6} Regels\s*$", ls[i]):
            j = i + 1
            while j < b and not re.match(r"^#{1,6} ", ls[j]):
                j += 1
            return f, i + 1, j
    return f, a + 1, b


def top_items(t, h):
    f, a, b = blocks_of(t, h)
    return f, [i for i in range(a, b) if re.match(r"^\d+\. ", t.lines[f][i])]


def insert_lid(t, h):
    f, items = top_items(t, h)
    t.lines[f][items[0]:items[0]] = ["1. Het college kan hierover nadere regels stellen."]


def delete_lid(t, h, k):
    """Delete lid K (1-based) with its onderdelen."""
    f, items = top_items(t, h)
    a = items[k - 1]
    _, _, end = blocks_of(t, h)
    b = items[k] if k < len(items) else end
    while b > a + 1 and t.lines[f][b - 1].strip() == "":
        b -= 1
    del t.lines[f][a:b]


def insert_point(t, h, lid):
    """A new first onderdeel in lid LID (1-based) of article H."""
    f, items = top_items(t, h)
    _, _, end = blocks_of(t, h)
    a = items[lid - 1]
    b = items[lid] if lid < len(items) else end
    for i in range(a + 1, b):
        m = re.match(r"^(\s+)\d+\. ", t.lines[f][i])
        if m:
            t.lines[f][i:i] = [m.group(1) + "1. wie daarover vooraf met het college heeft gesproken;"]
            return
    raise KeyError("geen onderdelen")


def move_lid(t, h):
    """The last lid becomes the first."""
    f, items = top_items(t, h)
    _, _, end = blocks_of(t, h)
    a = items[-1]
    b = end
    while b > a + 1 and t.lines[f][b - 1].strip() == "":
        b -= 1
    block = t.lines[f][a:b]
    del t.lines[f][a:b]
    t.lines[f][items[0]:items[0]] = block


def point_items(t, h, lid):
    """Line indexes of the onderdelen of lid LID, and the end of the last one."""
    f, items = top_items(t, h)
    _, _, end = blocks_of(t, h)
    a = items[lid - 1]
    b = items[lid] if lid < len(items) else end
    starts, indent = [], None
    for i in range(a + 1, b):
        m = re.match(r"^(\s+)\d+\. ", t.lines[f][i])
        if m and (indent is None or m.group(1) == indent):
            indent = m.group(1)
            starts.append(i)
    while b > a + 1 and t.lines[f][b - 1].strip() == "":
        b -= 1
    return f, starts, b


def first_marker_one(t, f, i):
    """A list that follows a paragraph must start at 1 (CommonMark); a writer fixes that much."""
    t.lines[f][i] = re.sub(r"^(\s*)\d+\.", r"\g<1>1.", t.lines[f][i], count=1)


def delete_point(t, h, lid, k):
    f, starts, end = point_items(t, h, lid)
    a = starts[k - 1]
    b = starts[k] if k < len(starts) else end
    del t.lines[f][a:b]
    if k == 1:
        first_marker_one(t, f, a)


def move_point(t, h, lid):
    """The last onderdeel becomes the first."""
    f, starts, end = point_items(t, h, lid)
    block = t.lines[f][starts[-1]:end]
    del t.lines[f][starts[-1]:end]
    t.lines[f][starts[0]:starts[0]] = block
    first_marker_one(t, f, starts[0])


# ---- expectations ----------------------------------------------------------------------

MSG_ART = re.compile(r"^artikel (\S+) (?:is nu (.*)|bestaat niet meer); bij de vorige nummering was (\S+) (.*), dat nu (\S+) is$")
MSG_LID = re.compile(r"^het (\w+) lid (?:is nu '(.*)'|bestaat niet meer); bij de vorige nummering was het (\w+) lid '(.*)', dat nu het (\w+) lid is$")
MSG_PREV = re.compile(r"^'het vorige lid' is nu .*; bij de vorige nummering was dat '.*'; schrijf 'het \w+ lid'$")
MSG_POINT = re.compile(r"^onderdeel (\w+) (?:is nu '(.*)'|bestaat niet meer); bij de vorige nummering was onderdeel (\w+) '(.*)', dat nu onderdeel (\w+) is$")


def titles(t):
    return {h[3]: h[4] for h in t.headings("Artikel") if h[3]}


def check_article_messages(name, diags, before, after, moved):
    """Every verwijzing-verschoven names the unit now and then, and where it went."""
    bad = []
    for rule, msg, f, line in diags:
        if rule != "verwijzing-verschoven":
            continue
        m = MSG_ART.match(msg)
        if not m:
            bad.append(msg)
            continue
        num, now, num2, then, where = m.groups()
        if num != num2 or after.get(num) != now or before.get(num) != then or \
                moved.get(num) != where:
            bad.append(msg)
    ok(not bad, name + ": elke melding noemt het artikel van nu, van toen en het nieuwe nummer", bad)


def link_sequences(d, skip=()):
    """Per enclosing article, the identities of its link targets in text order."""
    root = akn(d)
    ident = identities(root)
    seqs = collections.defaultdict(list)

    def walk(el, where):
        if el.tag == AKN + "article":
            h = el.find(AKN + "heading")
            where = h.text if h is not None else ""
        if el.tag == AKN + "ref" and (el.get("href") or "").startswith("#") and where not in skip:
            seqs[where].append(("".join(el.itertext()),
                                ident.get(el.get("href")[1:], ("?", el.get("href")))))
        for c in el:
            walk(c, where)

    walk(root, "")
    return seqs


def exactly_reported(name, t, before, diags, skip=()):
    """As many verwijzing-verschoven as links whose target the edit changed
    (BEFORE: link_sequences of the text before the edit)."""
    now = link_sequences(t.dir, skip)
    changed, where = 0, []
    for k in set(before) | set(now):
        a, b = before.get(k, []), now.get(k, [])
        # align by link text (the edit changed no text here), then compare targets;
        # a link that vanished (its number now denotes nothing) changed too
        sm = difflib.SequenceMatcher(None, [x[0] for x in a], [y[0] for y in b], autojunk=False)
        kept = set()
        for blk in sm.get_matching_blocks():
            for j in range(blk.size):
                kept.add(blk.a + j)
                if a[blk.a + j][1] != b[blk.b + j][1]:
                    changed += 1
                    where.append((k, a[blk.a + j]))
        for i, x in enumerate(a):
            if i not in kept:
                changed += 1
                where.append((k, x))
    got = sum(1 for d in diags if d[0] == "verwijzing-verschoven")
    ok(got == changed and changed > 0,
       name + ": precies de %d verschoven verwijzingen gemeld (%d links wijzen nu elders)" % (got, changed),
       where[:8])


def case_result(name, t, before_pairs, skip=()):
    rc, out, err = run("hernummer", t.dir)
    left = ref_errors(t.dir)
    ok(rc == 0 and not left, name + ": na ovc hernummer geen verwijzings- of nummerfouten",
       out + err + "\n" + "\n".join(map(str, left)))
    after_pairs = link_pairs(t.dir, skip)
    ok(after_pairs == before_pairs, name + ": elke link wijst na hernummer naar dezelfde eenheid",
       "weg: %s\nerbij: %s" % (list((before_pairs - after_pairs).items())[:8],
                               list((after_pairs - before_pairs).items())[:8]))
    return out


def fresh(src, tmp, name):
    t = Text(src, tmp, name)
    rc, _, err = run("check", t.dir, "--bewaar")
    ok(os.path.exists(os.path.join(t.dir, ".nummering")), name + ": check --bewaar schrijft .nummering", err)
    return t


# ---- cases on the shipped ordinance ----------------------------------------------------------

def shipped_insert_article(tmp):
    name = "verordening: artikel invoegen"
    t = fresh(SHIPPED, tmp, "invoegen")
    base = ref_errors(t.dir)
    ok(not base, "verordening: schoon vóór de wijziging", base)
    before = titles(t)
    pairs = link_pairs(t.dir)
    seqs = link_sequences(t.dir, ("Nieuwe regels over boodschappen",))
    chap, arts = largest_chapter(t)
    mid = len(arts) // 2
    f, i, level, num, _ = arts[mid]
    shifted = [h[3] for h in arts[mid:]]
    t.lines[f][i:i] = [x.format(h="#" * level, num="", attrs="") for x in NEW_ARTICLE]
    renumber_chapter_by_hand(t, chap)
    t.save()
    after = titles(t)
    moved = {old: "%s.%d" % (chap, int(old.split(".")[1]) + 1) for old in shifted}
    diags = diagnostics(t.dir)
    got = [d for d in diags if d[0] == "verwijzing-verschoven"]
    # every plain reference with the old number of a shifted article (the AKN
    # of the text before, whose link text holds that number) is reported
    expect = 0
    for text, href in refs_to(SHIPPED, ["art_" + s for s in shifted]):
        num = href[5:].split("__")[0]
        if num in text:
            expect += 1
    labelled = sum(1 for d in diags if d[0] == "label-nummer")
    ok(len(got) + labelled >= expect and len(got) > 0,
       name + ": elke verschoven verwijzing gemeld (%d verschoven + %d labels, %d verwacht)" %
       (len(got), labelled, expect), "\n".join(map(str, got)))
    ok(all(d[0] in ("verwijzing-verschoven", "label-nummer") for d in diags if d[2] != "?"),
       name + ": geen andere meldingen", "\n".join(map(str, diags)))
    check_article_messages(name, diags, before, after, moved)
    exactly_reported(name, t, seqs, diags, skip=("Nieuwe regels over boodschappen",))
    ok(any(msg == "artikel %s is nu Nieuwe regels over boodschappen; bij de vorige nummering was %s %s, dat nu %s is"
           % (shifted[0], shifted[0], before[shifted[0]], moved[shifted[0]]) for _, msg, _, _ in got)
       or not refs_to(SHIPPED, ["art_" + shifted[0]]),
       name + ": de melding voor het eerste verschoven artikel, letterlijk", "\n".join(m for _, m, _, _ in got))
    # dry run writes nothing
    snap = {f: open(os.path.join(t.dir, f), "rb").read() for f in t.files + [".nummering"]}
    rc, out, _ = run("hernummer", t.dir, "--proef")
    same = all(open(os.path.join(t.dir, f), "rb").read() == b for f, b in snap.items())
    lines = [l for l in out.splitlines() if " → " in l]
    ok(rc == 0 and same and len(lines) == len(got) + labelled,
       name + ": hernummer --proef toont %d wijzigingen en schrijft niets" % len(lines), out)
    ok(all(re.match(r"^.*/\d-\w+\.md:\d+: \S+ → \S+$|^.*/verordening\.md:\d+: \S+ → \S+$", l) for l in lines),
       name + ": --proef toont bestand:regel: oud → nieuw", out)
    out = case_result(name, t, pairs, skip=("Nieuwe regels over boodschappen",))
    ok(run("hernummer", t.dir)[1].startswith("ovc hernummer: 0 wijzigingen"),
       name + ": een tweede hernummer verandert niets")


def shipped_unrenumbered_without_record(tmp):
    """The writer inserts an article and renumbers nothing; no record at all."""
    name = "verordening: invoegen zonder .nummering en zonder koppen aan te passen"
    t = Text(SHIPPED, tmp, "zonder")
    rec = os.path.join(t.dir, ".nummering")
    if os.path.exists(rec):
        os.unlink(rec)
    pairs = link_pairs(t.dir)
    chap, arts = largest_chapter(t)
    f, i, level, _, _ = arts[len(arts) // 2]
    t.lines[f][i:i] = [x.format(h="#" * level, num="", attrs="") for x in NEW_ARTICLE]
    t.save()
    diags = diagnostics(t.dir)
    ok(any(d[0] == "verwijzing-verschoven" for d in diags),
       name + ": de geschreven nummers in de koppen gelden als vorige nummering")
    case_result(name, t, pairs, skip=("Nieuwe regels over boodschappen",))
    ok(os.path.exists(rec), name + ": hernummer maakt .nummering")


def shipped_delete_article(tmp):
    name = "verordening: artikel schrappen"
    t = fresh(SHIPPED, tmp, "schrappen")
    # an article that no text cites (else its citations must go by hand),
    # followed in its chapter by articles that are cited
    cand = []
    per = collections.defaultdict(list)
    for x in t.headings("Artikel"):
        if x[3]:
            per[x[3].split(".")[0]].append(x)
    for chap, arts in sorted(per.items(), key=lambda kv: -len(kv[1])):
        for k, x in enumerate(arts[:-1]):
            later = ["art_" + y[3] for y in arts[k + 1:]]
            if not cited_from_elsewhere(SHIPPED, x[3]) and refs_to(SHIPPED, later):
                cand.append((chap, arts, x))
        if cand:
            break
    ok(bool(cand), name + ": een artikel zonder verwijzingen ernaar, met genoemde artikelen erna")
    if not cand:
        return
    chap, arts, h = cand[len(cand) // 2]
    before = titles(t)
    pairs = link_pairs(t.dir, skip=(h[4],))
    seqs = link_sequences(t.dir, (h[4],))
    pairs_all = link_pairs(t.dir)
    f, a, b = article_lines(t, h)
    del t.lines[f][a:b]
    renumber_chapter_by_hand(t, chap)
    t.save()
    after = titles(t)
    later = [x[3] for x in arts if x[1] > h[1] and x[0] == h[0]]
    moved = {x: "%s.%d" % (chap, int(x.split(".")[1]) - 1) for x in later}
    diags = diagnostics(t.dir)
    expect = sum(1 for text, href in refs_to(SHIPPED, ["art_" + s for s in later])
                 if href[5:].split("__")[0] in text)
    got = [d for d in diags if d[0] == "verwijzing-verschoven"]
    labelled = sum(1 for d in diags if d[0] == "label-nummer")
    ok(len(got) + labelled >= expect, name + ": elke verschoven verwijzing gemeld (%d + %d, %d verwacht)"
       % (len(got), labelled, expect), "\n".join(map(str, diags)))
    check_article_messages(name, diags, before, after, moved)
    exactly_reported(name, t, seqs, diags, skip=(h[4],))
    case_result(name, t, pairs)
    del pairs_all


def shipped_move_article(tmp):
    name = "verordening: artikel verplaatsen"
    t = fresh(SHIPPED, tmp, "verplaatsen")
    chap, arts = largest_chapter(t)
    h = arts[1]
    last = arts[-1]
    pairs = link_pairs(t.dir)
    seqs = link_sequences(t.dir)
    before = titles(t)
    f, a, b = article_lines(t, h)
    block = t.lines[f][a:b]
    lf, la, lb = article_lines(t, last)
    assert lf == f
    t.lines[f][lb:lb] = block
    del t.lines[f][a:b]
    renumber_chapter_by_hand(t, chap)
    t.save()
    after = titles(t)
    order = [x[3] for x in arts]
    new_order = order[:1] + order[2:] + [order[1]]
    moved = {old: "%s.%d" % (chap, new_order.index(old) + 1) for old in order}
    diags = diagnostics(t.dir)
    ok(any(d[0] == "verwijzing-verschoven" for d in diags), name + ": verschoven verwijzingen gemeld",
       "\n".join(map(str, diags)))
    check_article_messages(name, diags, before, after, moved)
    exactly_reported(name, t, seqs, diags)
    case_result(name, t, pairs)


def shipped_insert_chapter(tmp):
    """A new chapter before the largest one: every later chapter and article shifts."""
    name = "verordening: hoofdstuk invoegen"
    t = fresh(SHIPPED, tmp, "hoofdstuk")
    chap, _ = largest_chapter(t)
    f, i, level, _, _ = [h for h in t.headings("Hoofdstuk") if h[3] == chap][0]
    pairs = link_pairs(t.dir)
    seqs = link_sequences(t.dir, ("Nieuwe regels over boodschappen",))
    links_before = sum("\n".join(ls).count("](#") for ls in t.lines.values())
    t.lines[f][i:i] = ["#" * level + " Hoofdstuk Nieuwe regels", ""] + \
        [x.format(h="#" * (level + 1), num="", attrs="") for x in NEW_ARTICLE]
    t.save()
    diags = diagnostics(t.dir)
    exactly_reported(name, t, seqs, diags, skip=("Nieuwe regels over boodschappen",))
    ok(any(d[0] == "verwijzing-verschoven" and d[1].startswith("hoofdstuk ") for d in diags)
       or not refs_to(SHIPPED, ["chp_%d" % k for k in range(int(chap), 40)]),
       name + ": een verschoven verwijzing naar een hoofdstuk gemeld")
    case_result(name, t, pairs, skip=("Nieuwe regels over boodschappen",))
    after = sum(open(os.path.join(t.dir, f), encoding="utf-8").read().count("](#") for f in t.files)
    ok(after == links_before, name + ": elke gelabelde link blijft een link (%d)" % after)


def cited_lid_article(t, root_dir, want_points=False):
    """An article with numbered leden whose leden (or onderdelen) a plain reference cites."""
    for el in akn(root_dir).iter(AKN + "ref"):
        href = el.get("href") or ""
        m = re.match(r"^#art_([\w.]+)__para_(\d+)(__point_\w+)?$", href)
        if not m or (want_points and not m.group(3)):
            continue
        try:
            h = t.article(m.group(1))
        except KeyError:
            continue
        f, items = top_items(t, h)
        if len(items) >= 2:
            return h, int(m.group(2))
    return None, None


def lid_messages_ok(name, diags, shift):
    bad = []
    for rule, msg, *_ in diags:
        if rule != "verwijzing-verschoven":
            continue
        m = MSG_LID.match(msg) or MSG_POINT.match(msg)
        if not m and MSG_PREV.match(msg):
            continue
        if not m:
            bad.append(msg)
            continue
        if shift is None:
            continue
        was, new = m.group(3), m.group(5)
        w = ORD.index(was) if was in ORD else (ord(was) - 96 if len(was) == 1 else -1)
        v = ORD.index(new) if new in ORD else (ord(new) - 96 if len(new) == 1 else -1)
        if v != w + shift or m.group(1) != was:
            bad.append(msg)
    ok(not bad and any(d[0] == "verwijzing-verschoven" for d in diags),
       name + ": elke melding noemt het lid of onderdeel van toen en zijn nieuwe nummer",
       "\n".join(bad) or "\n".join(map(str, diags)))


def lid_case(tmp, src, tag, op):
    name = "%s: lid %s" % (tag, {"in": "invoegen", "uit": "schrappen", "om": "verplaatsen"}[op])
    t = fresh(src, tmp, tag + "-lid-" + op)
    base = ref_errors(t.dir)
    h, lid = cited_lid_article(t, t.dir)
    ok(h is not None, name + ": een artikel waarvan een lid wordt genoemd")
    if h is None:
        return
    pairs = link_pairs(t.dir)
    if op == "in":
        insert_lid(t, h)
        shift = 1
    elif op == "om":
        if len(top_items(t, h)[1]) < 2:
            return
        move_lid(t, h)
        shift = None
    else:
        # delete the first lid no reference targets, before a cited one
        cited = {int(x[1].split("__para_")[1].split("__")[0])
                 for x in refs_to(t.dir, ["art_" + h[3]]) if "__para_" in x[1]}
        free = [k for k in range(1, max(cited)) if k not in cited]
        ok(bool(free), name + ": een ongenoemd lid vóór een genoemd lid")
        if not free:
            return
        delete_lid(t, h, free[0])
        shift = -1
    t.save()
    diags = [d for d in diagnostics(t.dir) if d[0].startswith(REF_RULES)]
    new = new_errors(base, diags)
    lid_messages_ok(name, [d for d in new if d[0] == "verwijzing-verschoven"], shift)
    rc, out, err = run("hernummer", t.dir)
    left = new_errors(base, ref_errors(t.dir))
    ok(rc == 0 and not left, name + ": na ovc hernummer geen nieuwe verwijzings- of nummerfouten",
       out + err + "\n".join(map(str, left)))
    after = link_pairs(t.dir)
    ok(after == pairs, name + ": elke link wijst na hernummer naar dezelfde eenheid",
       "weg: %s\nerbij: %s" % (list((pairs - after).items())[:6], list((after - pairs).items())[:6]))


def point_case(tmp, src, tag, op="in"):
    name = "%s: onderdeel %s" % (tag, {"in": "invoegen", "uit": "schrappen", "om": "verplaatsen"}[op])
    t = fresh(src, tmp, tag + "-onderdeel-" + op)
    base = ref_errors(t.dir)
    found = None
    for el in akn(t.dir).iter(AKN + "ref"):
        m = re.match(r"^#art_([\w.]+)__para_(\d+)__point_(\w+)$", el.get("href") or "")
        if not m:
            continue
        try:
            h = t.article(m.group(1))
        except KeyError:
            continue
        f, items = top_items(t, h)
        if len(items) >= int(m.group(2)):
            probe = Text.__new__(Text)
            probe.lines = {f: list(t.lines[f])}
            probe.files = t.files
            try:
                insert_point(probe, h, int(m.group(2)))
            except KeyError:
                continue
            label = m.group(3)
            npts = len(point_items(t, h, int(m.group(2)))[1])
            if op == "uit" and (label == "a" or npts < 2):
                continue
            if op == "om" and npts < 2:
                continue
            found = (h, int(m.group(2)))
            break
    ok(found is not None, name + ": een genoemd onderdeel")
    if not found:
        return
    pairs = link_pairs(t.dir)
    shift = 1
    if op == "in":
        insert_point(t, *found)
    elif op == "uit":
        # the first onderdeel, when no link targets it
        h, lid = found
        first = "#art_%s__para_%d__point_a" % (h[3], lid)
        if any(x[1] == first for x in refs_to(t.dir, ["art_" + h[3]])):
            ok(True, name + ": # SKIP het eerste onderdeel wordt genoemd")
            return
        delete_point(t, h, lid, 1)
        shift = -1
    else:
        move_point(t, *found)
        shift = None
    t.save()
    new = new_errors(base, [d for d in diagnostics(t.dir) if d[0].startswith(REF_RULES)])
    lid_messages_ok(name, new, shift)
    rc, out, err = run("hernummer", t.dir)
    left = new_errors(base, ref_errors(t.dir))
    ok(rc == 0 and not left, name + ": na ovc hernummer geen nieuwe verwijzings- of nummerfouten",
       out + err + "\n".join(map(str, left)))
    after = link_pairs(t.dir)
    ok(after == pairs, name + ": elke link wijst na hernummer naar dezelfde eenheid",
       "weg: %s\nerbij: %s" % (list((pairs - after).items())[:6], list((after - pairs).items())[:6]))


# ---- nummering: vast (a real text) ---------------------------------------------------------------

def vast_insert_article(tmp):
    name = "echte tekst (vast): artikel invoegen"
    t = fresh(REAL, tmp, "vast-artikel")
    base = ref_errors(t.dir)
    arts = [h for h in t.headings("Artikel") if h[3]]
    h = arts[len(arts) // 2]
    prev = arts[len(arts) // 2 - 1]
    pairs = link_pairs(t.dir)
    t.lines[h[0]][h[1]:h[1]] = [x.format(h="#" * h[2], num="", attrs="") for x in NEW_ARTICLE_VRIJ]
    t.save()
    diags = ref_errors(t.dir)
    ok(not any(d[0] == "verwijzing-verschoven" for d in diags),
       name + ": vaste nummers verschuiven niet", "\n".join(map(str, diags)))
    rc, out, _ = run("hernummer", t.dir, "--proef")
    want = "(invoegen) → %sa" % prev[3]
    ok(want in out, name + ": hernummer biedt nummer %sa aan (Aanwijzing 6.16)" % prev[3], out)
    rc, out, err = run("hernummer", t.dir)
    left = new_errors(base, ref_errors(t.dir))
    ok(rc == 0 and not left, name + ": na hernummer geen nieuwe fouten", out + err + str(left))
    ok(any(l.startswith("#" * h[2] + " Artikel %sa Nieuwe" % prev[3]) for l in
           open(os.path.join(t.dir, h[0]), encoding="utf-8").read().split("\n")),
       name + ": de kop heet Artikel %sa" % prev[3])
    ok(link_pairs(t.dir, ("Nieuwe regels over boodschappen",)) == pairs,
       name + ": elke link wijst naar dezelfde eenheid")


def vast_move_article(tmp):
    name = "echte tekst (vast): artikel verplaatsen"
    t = fresh(REAL, tmp, "vast-verplaatsen")
    base = ref_errors(t.dir)
    arts = [h for h in t.headings("Artikel") if h[3]]
    same = [h for h in arts if h[0] == arts[1][0] and h[2] == arts[1][2]]
    h, last = same[1], same[-1]
    pairs = link_pairs(t.dir)
    f, a, b = article_lines(t, h)
    block = t.lines[f][a:b]
    _, _, lb = article_lines(t, last)
    t.lines[f][lb:lb] = block
    del t.lines[f][a:b]
    t.save()
    new = collections.Counter(d[:2] for d in ref_errors(t.dir)) - collections.Counter(d[:2] for d in base)
    ok(not new, name + ": geen verschoven verwijzingen (de nummers staan vast)", "\n".join(map(str, new)))
    ok(link_pairs(t.dir) == pairs, name + ": elke link wijst naar dezelfde eenheid")


# ---- the record ------------------------------------------------------------------------------------

def record_cases(tmp):
    t = Text(SHIPPED, tmp, "record")
    rec = os.path.join(t.dir, ".nummering")
    if os.path.exists(rec):
        os.unlink(rec)
    rc, _, _ = run("check", t.dir)
    ok(not os.path.exists(rec), "check zonder --bewaar schrijft niets in de bronmap")
    rc, _, err = run("check", t.dir, "--bewaar")
    ok(rc == 0 and os.path.exists(rec) and
       "ovc: de nummering is bewaard in %s/.nummering\n" % t.dir in err,
       "check --bewaar maakt .nummering en zegt dat (eerste keer: niets anders verandert)", err)
    text = open(rec, encoding="utf-8").read()
    arts = t.headings("Artikel")
    first = arts[0]
    lab = re.search(r"\{#([\w-]+)", t.lines[first[0]][first[1]])
    ok(("artikel %s\t%s\t%s\n" % (first[3], "#" + lab.group(1) if lab else "~", first[4])) in text
       if lab else ("artikel %s\t~" % first[3]) in text,
       "de regel van het eerste artikel: nummer, label, titel", text[:400])
    ok(len([l for l in text.splitlines() if l.startswith("artikel ")]) == len(arts),
       "één regel per artikel")
    st = os.stat(rec)
    rc, _, err = run("check", t.dir, "--bewaar")
    ok("bewaard" not in err, "ongewijzigd: check --bewaar meldt niets", err)
    ok(os.stat(rec).st_mtime_ns == st.st_mtime_ns and open(rec, encoding="utf-8").read() == text,
       "ongewijzigde nummering: .nummering wordt niet herschreven")
    leftovers = [f for f in os.listdir(t.dir) if ".tmp-" in f]
    ok(not leftovers, "geen tijdelijke bestanden in de bronmap", leftovers)
    # a shipped record that is up to date
    shipped_rec = os.path.join(SHIPPED, ".nummering")
    ok(os.path.exists(shipped_rec) and open(shipped_rec, encoding="utf-8").read() == text,
       "verordening/.nummering is bijgewerkt en meegecommit")
    rc, out, err = run("hernummer", t.dir, "--bewaar")
    ok(rc == 2 and "--bewaar hoort bij check" in err, "--bewaar bij hernummer: gebruiksfout", err)
    rc, out, err = run("hernummer", os.path.join(tmp, "bestaat-niet"))
    ok(rc == 2 and not os.path.exists(os.path.join(tmp, "bestaat-niet")), "hernummer op een map die niet bestaat: status 2", err)


def external_untouched(tmp):
    """hernummer never touches citations of other laws, even with the same number."""
    name = "verordening: citaten van andere wetten blijven staan"
    t = fresh(SHIPPED, tmp, "extern")
    chap, arts = largest_chapter(t)
    num = arts[len(arts) // 2][3]
    f = arts[0][0]
    i = arts[-1][1]
    # a sentence that cites the same number in another law, in the toelichting of verordening.md
    t.lines["verordening.md"].append("")
    t.lines["verordening.md"].append("Zie ook artikel %s van de Jeugdwet." % num)
    t.save()
    run("check", t.dir, "--bewaar")
    f, i, level, _, _ = arts[len(arts) // 2]
    t.lines[f][i:i] = [x.format(h="#" * level, num="", attrs="") for x in NEW_ARTICLE]
    renumber_chapter_by_hand(t, chap)
    t.save()
    run("hernummer", t.dir)
    ok(t.lines["verordening.md"][-1] in open(os.path.join(t.dir, "verordening.md"), encoding="utf-8").read(),
       name, t.lines["verordening.md"][-1])


def documented():
    _, out, _ = run("--help")
    ok("hernummer [MAP]" in out and "--bewaar" in out and "--proef" in out,
       "--help noemt hernummer, --bewaar en --proef", out)
    readme = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    ok("ovc hernummer [MAP]" in readme and ".nummering" in readme, "README noemt hernummer en .nummering")
    man = open(os.path.join(ROOT, "docs", "ovc.1"), encoding="utf-8").read()
    ok(".B ovc hernummer" in man and "\\-\\-bewaar" in man, "docs/ovc.1 noemt hernummer en --bewaar")
    fmt = open(os.path.join(ROOT, "docs", "format.md"), encoding="utf-8").read()
    ok("`ovc hernummer [MAP] [--proef]`" in fmt and "| verwijzing-verschoven | fout |" in fmt,
       "docs/format.md beschrijft het bestand, de opdracht en de regel")


def main():
    if not os.access(OVC, os.X_OK) or not os.access(DUMP, os.X_OK):
        print("1..0 # SKIP ovc of akn-dump ontbreekt (make test bouwt ze)")
        return 0
    tmp = tempfile.mkdtemp(prefix="ovc-hernummer-")
    try:
        documented()
        record_cases(tmp)
        shipped_insert_article(tmp)
        shipped_unrenumbered_without_record(tmp)
        shipped_delete_article(tmp)
        shipped_move_article(tmp)
        shipped_insert_chapter(tmp)
        lid_case(tmp, SHIPPED, "verordening", "in")
        lid_case(tmp, SHIPPED, "verordening", "uit")
        lid_case(tmp, SHIPPED, "verordening", "om")
        point_case(tmp, SHIPPED, "verordening")
        point_case(tmp, SHIPPED, "verordening", "uit")
        point_case(tmp, SHIPPED, "verordening", "om")
        external_untouched(tmp)
        lid_case(tmp, REAL, "echte tekst (vast)", "in")
        lid_case(tmp, REAL, "echte tekst (vast)", "om")
        point_case(tmp, REAL, "echte tekst (vast)")
        point_case(tmp, REAL, "echte tekst (vast)", "om")
        vast_insert_article(tmp)
        vast_move_article(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("1..%d" % n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
