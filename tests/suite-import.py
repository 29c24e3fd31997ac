#!/usr/bin/env python3
"""ovc import, the transponeringstabel and ovc vergelijk (docs/import.md).

Real regulations in tests/data/import/ (SOURCES.md says where each comes
from) are imported; per text the number of articles, leden, onderdelen and
sub-onderdelen, the words (whitespace aside) and the titles must equal the
source's, counted here from the source itself (the CVDR XML elements, or
the .docx paragraphs and Word's numbering), and `ovc check` must report no
parse or structure error. Then the fixture tests/fixtures/transponering
(two old ordinances in oud/, a new one with herkomst=): the exact table,
the one unaccounted old article, a herkomst= naming an article that does
not exist, and vergelijk's changed amount, changed term and dropped
percentage, each at file:line. Prints TAP.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OVC = os.path.abspath(os.environ.get("OVC", os.path.join(ROOT, "build", "ovc")))
DATA = os.path.join(ROOT, "tests", "data", "import")
FIX = os.path.join(ROOT, "tests", "fixtures", "transponering")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

n = 0
failed = 0


def ok(cond, name, detail=""):
    global n, failed
    n += 1
    if cond:
        print(f"ok {n} - {name}")
    else:
        failed += 1
        print(f"not ok {n} - {name}")
        for line in str(detail).splitlines()[:30]:
            print(f"#   {line}")


def run(*args, cwd=None):
    p = subprocess.run([OVC, *args], capture_output=True, text=True, cwd=cwd)
    return p.returncode, p.stdout, p.stderr


# ---- counting what the source has -------------------------------------------

LABEL = re.compile(r"^([a-z]{1,2}|[ivx]+|\d+)[.)°]*$")


def words(text):
    """Words for comparison: whitespace aside, list labels left out on both sides."""
    return [w for w in text.split() if not LABEL.match(w)]


def local(tag):
    return tag.rsplit("}", 1)[-1]


def cvdr_source(path):
    root = ET.parse(path).getroot()
    rt = next(e for e in root.iter() if local(e.tag) == "regeling-tekst")
    count = {"artikelen": 0, "leden": 0, "onderdelen": 0, "sub-onderdelen": 0}
    body, titles = [], []

    def text_of(e):
        out = []

        def walk(x):
            if local(x.tag) in ("kop", "lidnr", "li.nr", "redactie", "noot"):
                if x.tail:
                    out.append(x.tail)
                return
            if x.text:
                out.append(x.text)
            for c in x:
                walk(c)
                out.append(" ")
            if x.tail:
                out.append(x.tail)
        walk(e)
        return "".join(out)

    def visit(e, depth):
        t = local(e.tag)
        if t in ("artikel", "structuurtekst"):
            count["artikelen"] += 1
        if t == "lid":
            count["leden"] += 1
        if t == "lijst":
            labels = [li.get("nr") or "".join(x.text or "" for x in li if local(x.tag) == "li.nr")
                      for li in e if local(li.tag) == "li"]
            letters = [chr(ord("a") + i) for i in range(len(labels))]
            if depth == 0 and [l.rstrip(".)") for l in labels] == letters:
                count["onderdelen"] += len(labels)
                depth_here = 1
            elif depth == 1 and [l.rstrip(".)°") for l in labels] == [str(i + 1) for i in range(len(labels))]:
                count["sub-onderdelen"] += len(labels)
                depth_here = 2
            else:
                depth_here = depth
            for c in e:
                visit(c, depth_here)
            return
        if t == "kop":
            tt = [x for x in e if local(x.tag) == "titel"]
            if tt and (tt[0].text or "").strip():
                titles.append(" ".join(tt[0].text.split()))
            return
        for c in e:
            visit(c, depth)

    visit(rt, 0)
    body = words(text_of(rt))
    return count, body, titles


def docx_source(path):
    z = zipfile.ZipFile(path)
    doc = ET.fromstring(z.read("word/document.xml"))
    num = ET.fromstring(z.read("word/numbering.xml"))
    fmt = {}
    absn = {}
    for a in num.iter(W + "abstractNum"):
        for lvl in a.iter(W + "lvl"):
            fmt[(a.get(W + "abstractNumId"), lvl.get(W + "ilvl"))] = lvl.find(W + "numFmt").get(W + "val")
    for nn in num.iter(W + "num"):
        absn[nn.get(W + "numId")] = nn.find(W + "abstractNumId").get(W + "val")
    count = {"artikelen": 0, "leden": 0, "onderdelen": 0, "sub-onderdelen": 0}
    body, titles = [], []
    for p in doc.iter(W + "p"):
        text = "".join(t.text or "" for t in p.iter(W + "t"))
        style = p.find(f"{W}pPr/{W}pStyle")
        style = style.get(W + "val") if style is not None else ""
        if style in ("Title",):
            continue
        if style.startswith("Heading"):
            if text.startswith("Artikel"):
                count["artikelen"] += 1
                titles.append(re.sub(r"^Artikel \S+ ", "", text))
            continue
        np_ = p.find(f"{W}pPr/{W}numPr")
        if np_ is not None:
            ilvl = np_.find(W + "ilvl").get(W + "val")
            f = fmt[(absn[np_.find(W + "numId").get(W + "val")], ilvl)]
            top = fmt[(absn[np_.find(W + "numId").get(W + "val")], "0")]
            if f == "decimal" and ilvl == "0":
                count["leden"] += 1
            elif f == "lowerLetter":
                count["onderdelen"] += 1
            elif f == "decimal":
                count["sub-onderdelen" if top == "lowerLetter" or ilvl == "2" else "leden"] += 1
        body += words(text)
    return count, body, titles


# ---- counting what ovc import wrote -------------------------------------------

HEAD = re.compile(r"^(#{1,4}) (Hoofdstuk|Afdeling|Paragraaf|Artikel|Bijlage)\b ?(.*)$")


def imported(outdir):
    count = {"artikelen": 0, "leden": 0, "onderdelen": 0, "sub-onderdelen": 0}
    body, titles, herkomst = [], [], []
    files = sorted(f for f in os.listdir(outdir) if f.endswith(".md") and f != "verordening.md")
    for f in files:
        art = None
        lines = open(os.path.join(outdir, f), encoding="utf-8").read().split("\n")
        arts = []
        for line in lines:
            m = HEAD.match(line)
            if m:
                attrs = re.search(r'\{herkomst="([^"]*)"\}$', line)
                if m.group(2) == "Artikel":
                    count["artikelen"] += 1
                    herkomst.append(attrs.group(1) if attrs else None)
                    art = []
                    arts.append(art)
                else:
                    art = None
                title = re.sub(r"\s*\{[^}]*\}$", "", m.group(3))
                title = re.sub(r"^[0-9][0-9.a-z]*\s*", "", title)
                if title:
                    titles.append(title.replace("\\", ""))
                continue
            if art is not None:
                art.append(line)
        for a in arts:
            first = next((l for l in a if l.strip()), "")
            lid_article = re.match(r"^\d+\. ", first)
            for l in a:
                if lid_article:
                    count["leden"] += bool(re.match(r"^\d+\. ", l))
                    count["onderdelen"] += bool(re.match(r"^ {3,4}\d+\. ", l))
                    count["sub-onderdelen"] += bool(re.match(r"^ {6,8}\d+\. ", l))
                else:
                    count["onderdelen"] += bool(re.match(r"^\d+\. ", l))
                    count["sub-onderdelen"] += bool(re.match(r"^ {3,4}\d+\. ", l))
                if re.match(r"^\s*\|(---\|)+\s*$", l):
                    continue
                l = re.sub(r"^\s*(\d+\.|-) ", "", l)
                l = l.replace("\\|", "\x00").replace("|", " ").replace("\x00", "|")
                l = re.sub(r"\\(.)", r"\1", l)
                body += words(l)
    return count, body, titles, herkomst


def first_diff(a, b):
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return f"woord {i}: bron {a[max(0, i - 5):i + 5]} / ovc {b[max(0, i - 5):i + 5]}"
    return f"lengte: bron {len(a)} woorden, ovc {len(b)}"


# ---- the real texts -------------------------------------------------------------

tmp = tempfile.mkdtemp()
try:
    probe = os.path.join(tmp, "probe")
    run("import", os.path.join(DATA, "cvdr_example3.xml"), "-o", probe, "--gemeentecode=GM0847")

    texts = [("cvdr_example1.xml", cvdr_source), ("cvdr_example2.xml", cvdr_source),
             ("cvdr_example3.xml", cvdr_source), ("diemen-afstemming-2015.docx", docx_source),
             # the fixture's old ordinance: leden (<lid>) and a definitions list
             ("../../fixtures/transponering/oud/wmo-2020.xml", cvdr_source)]
    for name, reader in texts:
        src = os.path.join(DATA, name)
        name = os.path.basename(name)
        out = os.path.join(tmp, name)
        rc, _, err = run("import", src, "-o", out, "--gemeentecode=GM0001")
        ok(rc == 0, f"{name}: ovc import geeft 0", err)
        if rc:
            continue
        want, want_words, want_titles = reader(src)
        got, got_words, got_titles, herkomst = imported(out)
        ok(want == got, f"{name}: artikelen, leden, onderdelen en sub-onderdelen als in de bron {want}",
           f"bron {want}\novc  {got}")
        ok(want_words == got_words, f"{name}: dezelfde {len(want_words)} woorden als de bron",
           first_diff(want_words, got_words))
        ok(all(t in got_titles for t in want_titles),
           f"{name}: elke titel van de bron staat in een kop",
           [t for t in want_titles if t not in got_titles])
        ok(all(herkomst) and len(herkomst) == got["artikelen"],
           f"{name}: elk artikel heeft herkomst=", herkomst)
        _, js, _ = run("check", out, "--format=json")
        bad = [d for d in json.loads(js)["diagnostics"]
               if d["severity"] == "fout" and re.match(r"(structuur|bron|voorblad)", d["rule"])]
        ok(not bad, f"{name}: ovc check meldt geen lees- of structuurfouten",
           "\n".join(f'{d["file"]}:{d["line"]}:{d["column"]}: {d["message"]} [{d["rule"]}]'
                      for d in bad))

    # Exact output of one real article: labels and the herkomst.
    out = os.path.join(tmp, "diemen-afstemming-2015.docx")
    md = open(os.path.join(out, "1-afstemmingsverordening-participatiewet-i.md"), encoding="utf-8").read()
    ok(md.startswith('# Artikel 7 Gedragingen Participatiewet {herkomst="Afstemmingsverordening '
                     'Participatiewet, IOAW en IOAZ Diemen 2015, artikel 7"}\n'),
       "docx: artikelkop met nummer, titel en herkomst", md[:300])
    ok("\n1. De verlaging bij gedragingen als bedoeld in de artikelen 7 en 8 bedraagt:\n\n"
       "   1. eerste categorie: 5 procent" in md, "docx: Word-nummering van leden en onderdelen blijft",
       md)
    main = open(os.path.join(out, "verordening.md"), encoding="utf-8").read()
    ok("opbouw: vrij\nnummering: vast\n" in main and "gemeentecode: GM0001\n" in main,
       "verordening.md: opbouw: vrij, nummering: vast en de gemeentecode", main)

    # Every construct at once (a made-up CVDR text, tests/data/import/alle-vormen.xml):
    # Afdeling, leden, onderdelen, sub-onderdelen 1°, definitions, inserted number 1a,
    # a table with a '|', Markdown characters in the text, a bijlage. Exact output, and
    # ovc check recognises the definitions (the one unused term) and finds nothing else.
    out = os.path.join(tmp, "alle")
    rc, _, err = run("import", os.path.join(DATA, "alle-vormen.xml"), "-o", out, "--gemeentecode=GM0001")
    got = open(os.path.join(out, "1-verordening-alle-vormen-2024.md"), encoding="utf-8").read() if rc == 0 else err
    want = open(os.path.join(DATA, "alle-vormen.verwacht.md"), encoding="utf-8").read()
    ok(got == want, "alle vormen: exact de verwachte Markdown", got)
    main = open(os.path.join(out, "verordening.md"), encoding="utf-8").read() if rc == 0 else ""
    ok('titel: "Verordening van de raad van de gemeente Proefdorp houdende regels over alle vormen"\n'
       'citeertitel: "Verordening alle vormen 2024"\n' in main,
       "alle vormen: de citeertitel uit 'wordt aangehaald als', de titel uit de metadata", main)
    ok(err == f"ovc: {os.path.join(DATA, 'alle-vormen.xml')}: niet ingelezen: de regeling-sluiting "
       "(slotformulering en ondertekening), 1 redactionele aantekening\n",
       "alle vormen: ovc zegt wat niet is ingelezen", err)
    rc, _, err = run("check", "alle", cwd=tmp)
    ok(rc == 0 and err == "alle/1-verordening-alle-vormen-2024.md:9:7: waarschuwing: het begrip 'college' "
       "wordt nergens in de verordening gebruikt [begrip-ongebruikt]\n"
       "    9 |    1. college: het college van burgemeester en wethouders;\n"
       "      |       ^~~~~~~\n0 fouten, 1 waarschuwing\n",
       "alle vormen: ovc check herkent de begrippen en meldt verder niets", err)

    # Word headings: styled, bold or short; a lid that starts with "Artikel 9 van …" stays text.
    # startOverride and lvlText as Word shows them.
    wdoc = os.path.join(tmp, "kop.docx")

    def wp(text, style=None, num=None, ilvl=0, bold=False):
        ppr = (f'<w:pStyle w:val="{style}"/>' if style else "") + \
              (f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>' if num else "")
        rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
        return f'<w:p><w:pPr>{ppr}</w:pPr><w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
    wns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = (wp("Verordening Kopjes 2024", "Title") + wp("Artikel 1 Begrippen", "Kop2") +
            wp("Artikel 9 van de Participatiewet is niet van toepassing.", None, 1, 0) +
            wp("Het college beslist.", None, 1, 0) + wp("Artikel 2 – Slot", bold=True) +
            wp("Deze verordening treedt in werking op 1 januari 2024:", None) +
            wp("voor inwoners;", None, 2, 0) + wp("voor bedrijven.", None, 2, 0) +
            '<w:p><w:del w:id="1"><w:r><w:delText>Een geschrapt lid.</w:delText></w:r></w:del></w:p>')
    numbering = (f'<w:numbering {wns}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                 '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
                 '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                 '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                 '<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">'
                 '<w:startOverride w:val="3"/></w:lvlOverride></w:num></w:numbering>')
    with zipfile.ZipFile(wdoc, "w") as z:
        z.writestr("word/document.xml", f"<w:document {wns}><w:body>{body}</w:body></w:document>")
        z.writestr("word/numbering.xml", numbering)
    rc, _, err = run("import", wdoc, "-o", os.path.join(tmp, "kop"))
    kop = open(os.path.join(tmp, "kop", "1-verordening-kopjes-2024.md"), encoding="utf-8").read() if rc == 0 else err
    ok(kop == '# Artikel 1 Begrippen {herkomst="Verordening Kopjes 2024, artikel 1"}\n\n'
              "1. Artikel 9 van de Participatiewet is niet van toepassing.\n\n"
              "2. Het college beslist.\n\n"
              '# Artikel 2 Slot {herkomst="Verordening Kopjes 2024, artikel 2"}\n\n'
              "Deze verordening treedt in werking op 1 januari 2024:\n\n"
              "- c) voor inwoners;\n- d) voor bedrijven.\n",
       "docx: koppen naar stijl, vet of vorm; een lid dat met 'Artikel 9 van' begint blijft tekst; "
       "startOverride 3 geeft c) en d), die als tekst blijven", kop)
    ok(err == f"ovc: {wdoc}: niet ingelezen: 1 verwijdering uit bijgehouden wijzigingen\n"
       "ovc: let op: gemeentecode onbekend; " + os.path.join(tmp, "kop") +
       "/verordening.md heeft GM0000 (geef --gemeentecode=GMnnnn)\n",
       "docx: geschrapte tekst blijft weg en ovc zegt het; zonder gemeentecode een waarschuwing", err)

    # Several sources: each a Hoofdstuk, its chapters Afdelingen, its articles N.<old number>.
    multi = os.path.join(tmp, "twee")
    rc, _, err = run("import", os.path.join(DATA, "cvdr_example3.xml"),
                     os.path.join(DATA, "diemen-afstemming-2015.docx"), "-o", multi, "--gemeentecode=GM0001")
    two = open(os.path.join(multi, "2-afstemmingsverordening-participatiewet-i.md"), encoding="utf-8").read()
    one = open(os.path.join(multi, "1-beleidsregel-wet-bibob-voor-omgevingsver.md"), encoding="utf-8").read()
    _, js, _ = run("check", multi, "--format=json")
    bad = [d for d in json.loads(js)["diagnostics"]
           if d["severity"] == "fout" and re.match(r"(structuur|bron|voorblad)", d["rule"])]
    ok(rc == 0 and two.startswith("# Hoofdstuk 2 Afstemmingsverordening Participatiewet, IOAW en IOAZ Diemen 2015\n\n"
                                  "## Artikel 2.7 Gedragingen Participatiewet {herkomst=\"Afstemmingsverordening "
                                  "Participatiewet, IOAW en IOAZ Diemen 2015, artikel 7\"}")
       and "\n## Afdeling 1.2 Wet Bibob\n" in one and not bad,
       "twee bronnen: hoofdstukken per bron, artikel 2.7 met de oude herkomst, geen structuurfouten",
       two[:400] + "\n" + "\n".join(d["message"] for d in bad))

    rc, text, _ = run("--help")
    ok(rc == 0 and "  import BRON… -o MAP    lees bestaande regelingen in" in text
       and "  vergelijk OUD… NIEUW   zoek bedragen" in text, "--help noemt import en vergelijk", text)
    rc, _, err = run("import", os.path.join(DATA, "cvdr_example3.xml"))
    ok(rc == 2 and err == "ovc: import verwacht -o MAP\nZie 'ovc --help'.\n", "import zonder -o: status 2", err)
    rc, _, err = run("import", os.path.join(DATA, "cvdr_example3.xml"), "-o", os.path.join(tmp, "x"),
                     "--gemeentecode=0400")
    ok(rc == 2 and "gemeentecode '0400' is geen CBS-code (GM en vier cijfers)" in err
       and not os.path.exists(os.path.join(tmp, "x")), "verkeerde gemeentecode: status 2, niets geschreven", err)

    # Bad input: a clear Dutch message, exit 2, nothing written.
    bad = os.path.join(tmp, "kapot.xml")
    open(bad, "w").write("<cvdr><regeling-tekst><artikel>\n")
    rc, _, err = run("import", bad, "-o", os.path.join(tmp, "kapot"))
    ok(rc == 2 and err.startswith(f"ovc: {bad}:2: geen geldige XML") and
       not os.path.exists(os.path.join(tmp, "kapot")), "kapotte XML: melding met regel, status 2, niets geschreven", err)
    notcvdr = os.path.join(tmp, "ander.xml")
    open(notcvdr, "w").write("<wetgeving/>\n")
    rc, _, err = run("import", notcvdr, "-o", os.path.join(tmp, "ander"))
    ok(rc == 2 and "geen CVDR-regeling: de wortel heet 'wetgeving'" in err, "geen CVDR: melding", err)
    rc, _, err = run("import", os.path.join(DATA, "cvdr_example3.xml"), "-o", probe)
    ok(rc == 2 and "bestaat al" in err, "import overschrijft geen bestaande verordening", err)
    ent = os.path.join(tmp, "entiteit.xml")
    open(ent, "w").write('<?xml version="1.0"?><!DOCTYPE cvdr [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                         "<cvdr><body><regeling><regeling-tekst><artikel><kop><nr>1</nr></kop>"
                         "<al>a &x; b</al></artikel></regeling-tekst></regeling></body></cvdr>\n")
    rc, _, err = run("import", ent, "-o", os.path.join(tmp, "ent"))
    entdir = os.path.join(tmp, "ent")
    leaked = rc == 0 and any("root:" in open(os.path.join(entdir, f)).read() for f in os.listdir(entdir))
    ok(not leaked, "externe entiteiten worden niet gelezen", err)

    # Speed: a 40-article regulation (mk/bench.mk measures it with hyperfine).
    big = os.path.join(tmp, "veertig.xml")
    arts = "".join(f"<artikel><kop><label>Artikel</label><nr>{i}</nr><titel>Titel {i}</titel></kop>"
                   f"<lid><lidnr>1.</lidnr><al>Het college beslist binnen acht weken over een aanvraag "
                   f"als bedoeld in artikel {i}.</al><lijst><li nr=\"a.\"><al>een;</al></li>"
                   f"<li nr=\"b.\"><al>twee.</al></li></lijst></lid><lid><lidnr>2.</lidnr>"
                   f"<al>Het bedrag is € {i}.000.</al></lid></artikel>" for i in range(1, 41))
    open(big, "w").write(f"<cvdr><body><regeling><regeling-tekst>{arts}</regeling-tekst></regeling></body></cvdr>")
    best = 1e9
    for i in range(5):
        shutil.rmtree(os.path.join(tmp, "veertig"), ignore_errors=True)
        t0 = time.perf_counter()
        run("import", big, "-o", os.path.join(tmp, "veertig"))
        best = min(best, time.perf_counter() - t0)
    ok(best < 0.1, f"import van 40 artikelen in {best * 1000:.0f} ms (≤ 100 ms)")

    # ---- transponeringstabel -------------------------------------------------
    rc, _, err = run("check", FIX)
    want = ("tests/fixtures/transponering/5-slotbepalingen.md:5:1: waarschuwing: artikel 3 van "
            "Re-integratieverordening Participatiewet Proefdorp 2015 staat in geen herkomst=; neem het "
            "over of schrijf herkomst=\"Re-integratieverordening Participatiewet Proefdorp 2015, artikel 3 "
            "vervallen: reden\" [herkomst-ontbreekt]")
    rc, _, err = run("check", "tests/fixtures/transponering", cwd=ROOT)
    diags = [l for l in err.split("\n") if re.match(r"^\S+:\d+:\d+: ", l)]
    ok(rc == 0 and diags == [want] and err.rstrip().endswith("0 fouten, 1 waarschuwing"),
       "check: het ene niet overgenomen oude artikel, bij het intrekkingsartikel", err)

    fx = os.path.join(tmp, "fx")
    shutil.copytree(FIX, fx)
    slot = os.path.join(fx, "5-slotbepalingen.md")
    s = open(slot, encoding="utf-8").read().replace("artikel 6 vervallen", "artikel 9 vervallen")
    open(slot, "w", encoding="utf-8").write(s)
    rc, _, err = run("check", "fx", cwd=tmp)
    ok(rc == 1 and "fx/5-slotbepalingen.md:5:39: fout: Verordening maatschappelijke ondersteuning "
       "Proefdorp 2020 heeft geen artikel 9 (fx/oud/wmo-2020.xml) [herkomst-onbekend]" in err
       and "artikel 6 van Verordening maatschappelijke ondersteuning Proefdorp 2020 staat in geen "
       "herkomst=" in err, "check: herkomst= naar een artikel dat niet bestaat", err)

    out = os.path.join(tmp, "tp-out")
    rc, _, err = run("build", FIX, "-o", out)
    ok(rc == 0, "build met herkomst= schrijft alles", err)
    tab = open(os.path.join(out, "transponeringstabel.md"), encoding="utf-8").read()
    want_tab = """## Transponeringstabel

### Van oud naar nieuw

#### Re-integratieverordening Participatiewet Proefdorp 2015

- artikel 1 → artikel 3.1
- artikel 2 → artikel 3.1
- artikel 3 → niet overgenomen

#### Verordening maatschappelijke ondersteuning Proefdorp 2020

- artikel 1 → artikel 1.2
- artikel 2 → artikel 2.1
- artikel 3 → artikel 4.1
- artikel 4 → artikel 2.2
- artikel 5 → artikel 2.2
- artikel 6 → vervallen: de nieuwe verordening heeft een eigen citeertitel

### Van nieuw naar oud

- artikel 1.2 ← Verordening maatschappelijke ondersteuning Proefdorp 2020, artikel 1
- artikel 2.1 ← Verordening maatschappelijke ondersteuning Proefdorp 2020, artikel 2
- artikel 2.2 ← Verordening maatschappelijke ondersteuning Proefdorp 2020, artikel 4; Verordening maatschappelijke ondersteuning Proefdorp 2020, artikel 5
- artikel 3.1 ← Re-integratieverordening Participatiewet Proefdorp 2015, artikel 1; Re-integratieverordening Participatiewet Proefdorp 2015, artikel 2
- artikel 4.1 ← Verordening maatschappelijke ondersteuning Proefdorp 2020, artikel 3
"""
    ok(tab == want_tab, "transponeringstabel.md: oud → nieuw en nieuw → oud, exact", tab)
    html = open(os.path.join(out, "transponeringstabel.html"), encoding="utf-8").read()
    ok("<td>artikel 3</td>\n" in html and '<td class="leeg">niet overgenomen</td>' in html
       and re.search(r'<td>\s*<a href="verordening.html#art_4.1">artikel 4.1</a>\s*</td>', html)
       and 'id="art_4.1"' in open(os.path.join(out, "verordening.html"), encoding="utf-8").read(),
       "transponeringstabel.html: tabellen met de lege plek gemarkeerd, nieuwe artikelen gelinkt",
       html[:2000])
    pdf = os.path.join(out, "transponeringstabel.pdf")
    txt = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
    pages = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    ok("artikel 3 → niet overgenomen" in txt and "artikel 6 → vervallen: de nieuwe verordening heeft een eigen citeertitel" in txt
       and re.search(r"Pages:\s+1\n", pages), "transponeringstabel.pdf: één pagina met beide richtingen", txt)
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    outs = []
    for k in (1, 2):
        o = os.path.join(tmp, f"repro{k}")
        subprocess.run([OVC, "build", FIX, "-o", o], capture_output=True, env=env)
        outs.append([open(os.path.join(o, f"transponeringstabel.{e}"), "rb").read() for e in ("md", "html", "pdf")])
    ok(outs[0] == outs[1] and all(outs[0]), "transponeringstabel: zelfde bronnen en SOURCE_DATE_EPOCH, zelfde bytes")
    out2 = os.path.join(tmp, "min-out")
    run("build", os.path.join(ROOT, "tests", "fixtures", "minimaal"), "-o", out2)
    ok(not os.path.exists(os.path.join(out2, "transponeringstabel.html")),
       "zonder herkomst= geen transponeringstabel")

    # ---- vergelijk -------------------------------------------------------------
    rc, text, err = run("vergelijk", "tests/fixtures/transponering/oud/reintegratie-2015.xml",
                        "tests/fixtures/transponering/oud/wmo-2020.xml", "tests/fixtures/transponering",
                        cwd=ROOT)
    want = """Beleidsneutraliteit: 6 waarden in de oude regelingen

✓ gelijk         leeftijd   27 jaar
    oud:   tests/fixtures/transponering/oud/reintegratie-2015.xml:7
    nieuw: tests/fixtures/transponering/2-participatiewet.md:13
✗ niet gevonden  percentage 30 procent
    oud:   tests/fixtures/transponering/oud/reintegratie-2015.xml:10
✗ niet gevonden  termijn    vier jaar
    oud:   tests/fixtures/transponering/oud/reintegratie-2015.xml:13
≠ gewijzigd      termijn    acht weken → zes weken
    oud:   tests/fixtures/transponering/oud/wmo-2020.xml:13
    nieuw: tests/fixtures/transponering/1-gemeenschappelijk.md:31
≠ gewijzigd      bedrag     € 2.500 → € 3.000
    oud:   tests/fixtures/transponering/oud/wmo-2020.xml:16
    nieuw: tests/fixtures/transponering/3-wmo.md:13
✓ gelijk         termijn    zes weken
    oud:   tests/fixtures/transponering/oud/wmo-2020.xml:22
    nieuw: tests/fixtures/transponering/1-gemeenschappelijk.md:45

2 gelijk, 2 gewijzigd, 2 niet gevonden
"""
    ok(rc == 1 and text == want, "vergelijk: gewijzigd bedrag, gewijzigde termijn, verdwenen percentage, elk met bestand:regel",
       text + err)
    rc, text2, _ = run("vergelijk", "tests/fixtures/transponering/oud", "tests/fixtures/transponering", cwd=ROOT)
    ok(text2 == want, "vergelijk: de map oud/ geeft hetzelfde als de bestanden apart", text2)
    rc, js, err = run("vergelijk", "--format=json", "tests/fixtures/transponering/oud/wmo-2020.xml",
                      "tests/fixtures/transponering", cwd=ROOT)
    j = json.loads(js)
    bedrag = next(v for v in j["waarden"] if v["soort"] == "bedrag")
    ok(rc == 1 and bedrag["status"] == "gewijzigd" and bedrag["oud"]["waarde"] == 2500
       and bedrag["nieuw"]["waarde"] == 3000 and bedrag["nieuw"]["bestand"].endswith("3-wmo.md")
       and bedrag["nieuw"]["regel"] == 13 and j["samenvatting"] == {"gelijk": 1, "gewijzigd": 2, "niet-gevonden": 0},
       "vergelijk --format=json: dezelfde uitkomst als JSON", js)
    rc, text, err = run("vergelijk", "tests/fixtures/transponering/oud/wmo-2020.xml",
                        "tests/fixtures/transponering/oud/wmo-2020.xml", cwd=ROOT)
    ok(rc == 0 and text.endswith("\n3 gelijk, 0 gewijzigd, 0 niet gevonden\n"),
       "vergelijk met zichzelf: alles gelijk, status 0", text)
    rc, text, err = run("vergelijk", "tests/fixtures/transponering", cwd=ROOT)
    ok(rc == 2 and "vergelijk verwacht een of meer oude regelingen en de nieuwe" in err,
       "vergelijk zonder oude regeling: status 2", err)
    # The import changes no value: the real .docx against its own import, each value
    # on its own line (paragraph number in the .docx, line in the Markdown).
    rc, js, err = run("vergelijk", "--format=json", os.path.join(DATA, "diemen-afstemming-2015.docx"),
                      os.path.join(tmp, "diemen-afstemming-2015.docx"))
    pairs = [(v["oud"]["tekst"], v["status"], v["oud"]["regel"], v["nieuw"]["regel"])
             for v in json.loads(js)["waarden"]]
    ok(rc == 0 and pairs == [("vier weken", "gelijk", 7, 9), ("27 jaar", "gelijk", 7, 9),
                             ("5 procent", "gelijk", 13, 18), ("1 maand", "gelijk", 13, 18),
                             ("30 procent", "gelijk", 14, 19), ("1 maand", "gelijk", 14, 19),
                             ("100 procent", "gelijk", 15, 20), ("1 maand", "gelijk", 15, 20),
                             ("5%", "gelijk", 16, 22), ("100%", "gelijk", 16, 22)],
       "vergelijk: de echte .docx en haar import, alle 10 waarden gelijk, elk op de eigen plek", pairs)

    # Dutch ways of writing values
    probe = os.path.join(tmp, "waarden.md")
    open(probe, "w", encoding="utf-8").write(
        "Een bijdrage van € 1.234,50 of 12,5% of vijf procent.\n"
        "Binnen zes weken, 10 werkdagen of 3 maanden; de 18-jarige of wie 21 jaar of ouder is.\n")
    rc, js, err = run("vergelijk", "--format=json", probe, probe)
    vals = [(v["soort"], v["oud"]["waarde"], v["oud"]["eenheid"]) for v in json.loads(js)["waarden"]]
    ok(vals == [("bedrag", 1234.5, "euro"), ("percentage", 12.5, "procent"), ("percentage", 5, "procent"),
                ("termijn", 6, "weken"), ("termijn", 10, "werkdagen"), ("termijn", 3, "maanden"),
                ("leeftijd", 18, "jaar"), ("leeftijd", 21, "jaar")],
       "vergelijk herkent bedragen, percentages, termijnen en leeftijden zoals ze geschreven worden", vals)
finally:
    shutil.rmtree(tmp, ignore_errors=True)

print(f"1..{n}")
sys.exit(1 if failed else 0)
