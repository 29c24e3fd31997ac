#!/bin/sh
# The legal edition ready to publish (issue 14), on a build of verordening/:
#  - PDF/A-2a and PDF/UA-1 as far as ovc implements them: tests/pdfa-check.py
#    passes on all three PDFs, and catches cairo's bare output (the file up
#    to its first %%EOF, before ovc's incremental update) on every clause
#    the update adds;
#  - every link resolves, destinations with non-ASCII names included;
#  - the defects: bookmarks for aanhef, ondertekening and toelichting; no
#    TOC page with only a line or two; no list markers in the aanhef; terms
#    and self-references not in the link colour; typographic quotes; the
#    running header is the heading in force at the top of the page; room to
#    sign; the title does not break inside "Den Helder";
#  - the raadsbesluit.
# Prints TAP.
set -u
cd "$(dirname "$0")/.." || exit 2
: "${OVC:=build/ovc}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; }
check() { # check DESCRIPTION COMMAND...
	d=$1; shift
	if "$@" >"$tmp/out" 2>&1; then ok "$d"; else not_ok "$d"; sed 's/^/#   /' "$tmp/out" | head -20; fi
}
export SOURCE_DATE_EPOCH=1700000000
V=$tmp/v
check "ovc build verordening/ writes verordening.pdf, publieksversie.pdf, raadsbesluit.pdf and raadsbesluit.html" \
	sh -c "'$OVC' build verordening -o '$V' >/dev/null 2>&1 && [ -s '$V/verordening.pdf' ] && [ -s '$V/publieksversie.pdf' ] && [ -s '$V/raadsbesluit.pdf' ] && [ -s '$V/raadsbesluit.html' ]"

# ------------------------------------------------------------ PDF/A, PDF/UA
for ed in verordening raadsbesluit publieksversie; do
	check "$ed: qpdf --check is clean" sh -c "qpdf --check '$V/$ed.pdf' && ! qpdf --check '$V/$ed.pdf' 2>&1 | grep -e '^WARNING' -e damaged"
	check "$ed: tests/pdfa-check.py passes (PDF/A-2a, PDF/UA-1 clauses of docs/pdfa.md)" python3 tests/pdfa-check.py "$V/$ed.pdf"
done
python3 -c "import sys; d=open(sys.argv[1],'rb').read(); open(sys.argv[2],'wb').write(d[:d.index(b'%%EOF')+6])" \
	"$V/raadsbesluit.pdf" "$tmp/bare.pdf"
check "the checker fails cairo's bare output on exactly the clauses ovc's update adds" \
	python3 tests/pdfa-check.py "$tmp/bare.pdf" --expect-fail \
	'PDF/A-2 6.1.3,PDF/A-2 6.2.3,PDF/A-2 6.3.2,PDF/A-2 6.6.2.1,PDF/A-2 6.6.4,PDF/A-2 6.6.2.3.1,PDF/A-2 6.6.3,PDF/A-2 6.7.3.3,PDF/UA-1 7.1 (Matterhorn 01-005),PDF/UA-1 5 (Matterhorn 06-002),PDF/UA-1 7.1 (Matterhorn 06-003/06-004),PDF/UA-1 7.1 (Matterhorn 07-001),PDF/UA-1 7.18.3 (Matterhorn 28-008),PDF/UA-1 7.18.5 (Matterhorn 28-012)'
check "XMP says: dc:title, dc:language nl-NL, pdfaid part 2 conformance A, pdfuaid part 1" sh -c \
	"pdfinfo -meta '$V/verordening.pdf' > '$tmp/xmp' && grep -q '<rdf:li xml:lang=\"x-default\">Verordening sociaal domein Den Helder 2027</rdf:li>' '$tmp/xmp' && grep -q '<dc:language><rdf:Bag><rdf:li>nl-NL</rdf:li>' '$tmp/xmp' && grep -q '<pdfaid:part>2</pdfaid:part>' '$tmp/xmp' && grep -q '<pdfaid:conformance>A</pdfaid:conformance>' '$tmp/xmp' && grep -q '<pdfuaid:part>1</pdfuaid:part>' '$tmp/xmp'"
check "a link's /Contents is its text (the TOC entry 'Artikel 1.1 Waarom deze regels?')" sh -c \
	"qpdf --json=2 --json-key=qpdf '$V/verordening.pdf' | grep -q '\"/Contents\": \"u:Artikel 1.1 Waarom deze regels?\"'"
check "two builds give the same bytes (the update is deterministic)" sh -c \
	"'$OVC' build verordening -o '$tmp/v2' >/dev/null 2>&1 && cmp '$V/verordening.pdf' '$tmp/v2/verordening.pdf' && cmp '$V/raadsbesluit.pdf' '$tmp/v2/raadsbesluit.pdf'"

# ----------------------------------------------------------------- links
links_resolve() { # PDF: every GoTo destination is a named destination; every
	# relative URI to another edition names a destination in that file
	python3 - "$1" "$V" <<'PY'
import json, os, re, subprocess, sys
pdf, out = sys.argv[1], sys.argv[2]
def dests(p):
    return set(re.findall(r'^\s*\d+ \[.*?\] "(.*)"$', subprocess.run(['pdfinfo', '-dests', p],
               capture_output=True, text=True, check=True).stdout, re.M))
own = dests(pdf)
j = json.loads(subprocess.run(['qpdf', '--json=2', '--json-key=qpdf', pdf], capture_output=True, check=True).stdout)
bad, n, other = [], 0, {}
for v in j['qpdf'][1].values():
    v = v.get('value')
    if not isinstance(v, dict) or v.get('/Subtype') != '/Link':
        continue
    n += 1
    if isinstance(v.get('/Dest'), str):
        if v['/Dest'][2:] not in own: bad.append(v['/Dest'])
    else:
        uri = v.get('/A', {}).get('/URI', '')[2:]
        m = re.fullmatch(r'([a-z]+)\.pdf#(.*)', uri)
        if m:
            f = os.path.join(out, m.group(1) + '.pdf')
            other.setdefault(f, dests(f) if os.path.exists(f) else set())
            if m.group(2) not in other[f]: bad.append(uri)
        elif not re.match(r'(https?:|mailto:|[a-z]+\.pdf$)', uri):
            bad.append(uri)
print(n, 'links', bad[:5])
sys.exit(1 if bad or n == 0 else 0)
PY
}
for ed in verordening raadsbesluit publieksversie; do
	check "$ed: every link resolves (named destinations, other editions' destinations)" links_resolve "$V/$ed.pdf"
done
check "a destination with ë: 'term-cliëntondersteuning' is named in ASCII and a link goes to it" sh -c \
	"pdfinfo -dests '$V/verordening.pdf' | grep -q '\"term-cli~C3~ABntondersteuning\"\$' && qpdf --json=2 --json-key=qpdf '$V/verordening.pdf' | grep -q '\"/Dest\": \"u:term-cli~C3~ABntondersteuning\"'"

# --------------------------------------------------------------- defects
check "bookmarks include Aanhef, Ondertekening and Toelichting" sh -c \
	"qpdf --json=2 --json-key=outlines '$V/verordening.pdf' > '$tmp/ol' && grep -q '\"title\": \"Aanhef\"' '$tmp/ol' && grep -q '\"title\": \"Ondertekening\"' '$tmp/ol' && grep -q '\"title\": \"Toelichting\"' '$tmp/ol'"
check "TOC lists Aanhef and Ondertekening with their pages" sh -c \
	"pdftotext -layout -f 2 -l 4 '$V/verordening.pdf' - | grep -E '^ *Aanhef( \\.)+ *5\$' && pdftotext -layout -f 2 -l 4 '$V/verordening.pdf' - | grep -E '^ *Ondertekening( \\.)+ *[0-9]+\$'"
toc_pages_full() {
	python3 - "$V/verordening.pdf" <<'PY'
import re, subprocess, sys
pages = subprocess.run(['pdftotext', '-layout', sys.argv[1], '-'], capture_output=True, text=True).stdout.split('\f')
bad = []
for i, p in enumerate(pages):
    lines = p.split('\n')
    if lines and lines[0].rstrip().endswith('Inhoudsopgave'):
        entries = [l for l in lines if re.search(r'(\. )+ *\d+$', l)]
        if len(entries) < 4: bad.append('pagina %d: %d regels' % (i + 1, len(entries)))
print(bad)
sys.exit(1 if bad else 0)
PY
}
check "no TOC page holds fewer than four entries (the last entries keep together)" toc_pages_full
check "the aanhef has no list markers and its considerations start their lines" sh -c \
	"pdftotext -f 5 -l 5 '$V/verordening.pdf' - > '$tmp/aanhef' && grep -qx 'Aanhef' '$tmp/aanhef' && ! grep -q '•' '$tmp/aanhef' && grep -q '^gelezen het voorstel' '$tmp/aanhef' && grep -q '^gezien het advies' '$tmp/aanhef'"
uncoloured_terms() {
	python3 - "$V/verordening.pdf" "$V/verordening.html" <<'PY'
import html, re, subprocess, sys
x = subprocess.run(['pdftohtml', '-xml', '-i', '-stdout', sys.argv[1]], capture_output=True, text=True).stdout
blue = set(re.findall(r'<fontspec id="(\d+)"[^>]*color="#1f3f7a"', x))
runs = [html.unescape(re.sub('<[^>]+>', '', t)).strip()
        for f, t in re.findall(r'<text [^>]*font="(\d+)"[^>]*>(.*?)</text>', x) if f in blue]
src = open(sys.argv[2], encoding='utf-8').read()
terms = set(html.unescape(t) for t in re.findall(r'<a class="term" href="#[^"]*">([^<]*)</a>', src))
# (self-references share the code path, class "zelf"; their texts, "derde
# lid", are also cross-references elsewhere, so they are checked in the XHTML)
bad = [r for r in runs if r in terms]
print(len(runs), 'fragments in link colour;', len(terms), 'terms; coloured:', bad[:5])
sys.exit(1 if bad or not runs or 'college' not in terms else 0)
PY
}
check "terms are not in the link colour (cross-references and law links are)" uncoloured_terms
check "typographic quotes: no straight double quote in the legal text, “…” instead" sh -c \
	"pdftotext '$V/verordening.pdf' - > '$tmp/v.txt' && ! grep -q '\"' '$tmp/v.txt' && grep -q '“eventueel via een versie speciaal voor inwoners inclusief illustraties”' '$tmp/v.txt'"
running_header() {
	python3 - "$V/verordening.pdf" <<'PY'
import re, subprocess, sys
pages = subprocess.run(['pdftotext', '-layout', sys.argv[1], '-'], capture_output=True, text=True).stdout.split('\f')
hdr = lambda p: re.split(r'\s{3,}', p.split('\n')[0].strip())[-1] if p.strip() else ''
checked, bad = 0, []
for i, p in enumerate(pages[:-1]):
    body = [l.strip() for l in p.split('\n')[1:] if l.strip()][:-1]  # without header and footer
    for k, l in enumerate(body):
        m = re.fullmatch(r'(Hoofdstuk \d+ .*)', l)
        if m and k > 0 and not re.match(r'(Deel \d+|Hoofdstuk)', body[0]) and '. .' not in l:
            checked += 1
            if hdr(p) == m.group(1): bad.append('pagina %d noemt %r, dat lager op de pagina begint' % (i + 1, l))
            if hdr(pages[i + 1]) != m.group(1) and not re.match(r'(Deel|Hoofdstuk) ', [x.strip() for x in pages[i + 1].split('\n')[1:] if x.strip()][0]):
                bad.append('pagina %d noemt niet %r' % (i + 2, l))
print(checked, 'chapters starting mid-page', bad)
sys.exit(1 if bad or checked < 3 else 0)
PY
}
check "running header: the chapter in force at the top of the page; a chapter starting lower names the next page" running_header
room_to_sign() { # PDF: the name is at least 40 pt below "De voorzitter," (room to sign)
	python3 - "$1" <<'PY'
import re, subprocess, sys
x = subprocess.run(['pdftotext', '-bbox', sys.argv[1], '-'], capture_output=True, text=True).stdout
words = re.findall(r'<word xMin="[^"]*" yMin="([^"]*)" [^>]*>([^<]*)</word>', x)
ys = [float(y) for y, w in words]
gaps = [ys[i + 1] - ys[i] for i, (y, w) in enumerate(words[:-1]) if w in ('voorzitter,', 'griffier,')]
print('gaps', gaps)
sys.exit(0 if len(gaps) == 2 and min(gaps) >= 40 else 1)
PY
}
check "verordening: room to sign under voorzitter and griffier (≥ 40 pt)" room_to_sign "$V/verordening.pdf"
check "raadsbesluit: room to sign under voorzitter and griffier (≥ 40 pt)" room_to_sign "$V/raadsbesluit.pdf"
check "title page: the title breaks before 'Den Helder 2027', not inside it" sh -c \
	"pdftotext -f 1 -l 1 '$V/verordening.pdf' - | head -2 | tr '\n' '|' | grep -qx 'Verordening sociaal domein|Den.Helder 2027|'"

# ------------------------------------------------------------ raadsbesluit
R=$V/raadsbesluit.pdf
check "raadsbesluit.pdf: 2 pages, title and bookmarks (Raadsbesluit, Aanhef, Besluit, Ondertekening)" sh -c \
	"pdfinfo '$R' | grep -qx 'Pages: *2' && qpdf --json=2 --json-key=outlines '$R' | grep -c '\"title\": \"\\(Raadsbesluit\\|Aanhef\\|Besluit\\|Ondertekening\\)\"' | grep -qx 4"
raadsbesluit_text() {
	python3 - "$R" <<'PY'
import subprocess, sys
t = ' '.join(subprocess.run(['pdftotext', '-layout', sys.argv[1], '-'], capture_output=True, text=True).stdout.split())
want = ['Raadsbesluit', 'Raadsvoorstel', 'RV 2026-118 van 13 oktober 2026', 'Aanhef', 'De raad van de gemeente Den Helder;',
        'gelezen het voorstel van het college van burgemeester en wethouders van 13 oktober 2026;',
        'gelet op de artikelen 147 en 149 van de Gemeentewet', 'Besluit',
        'besluit vast te stellen de volgende verordening: Verordening sociaal domein Den Helder 2027.',
        'Ondertekening', 'Aldus vastgesteld in de openbare vergadering van [datum].', 'De voorzitter,', '[naam]',
        'De griffier,', '[naam]']
at, bad = 0, []
for w in want:
    i = t.find(w, at)
    if i < 0: bad.append(w)
    else: at = i + len(w)
print(bad)
sys.exit(1 if bad else 0)
PY
}
check "raadsbesluit: proposal number and date from the front matter, aanhef, decision, ondertekening in order" raadsbesluit_text
check "raadsbesluit links to the ordinance it adopts (verordening.pdf)" sh -c \
	"qpdf --json=2 --json-key=qpdf '$R' | grep -q '\"/URI\": \"u:verordening.pdf\"'"
check "raadsbesluit.html: the same text, linking to verordening.html" sh -c \
	"grep -q '<h1 id=\"titel\">Raadsbesluit</h1>' '$V/raadsbesluit.html' && grep -q '<a href=\"verordening.html\">Verordening sociaal domein Den Helder 2027</a>' '$V/raadsbesluit.html' && grep -q 'RV 2026-118 van 13 oktober 2026' '$V/raadsbesluit.html'"
# ------------------------------------------------------- the legal HTML
H=$V/verordening.html
check "wetstechnische informatie: the 11 leden in which the college sets nadere regels, found in the text; not the transitional 15.2" sh -c \
	"[ \$(grep -c '^ *<li><a href=\"#art_[0-9.]*__para_[0-9]*\">Artikel [0-9.]*, lid [0-9]*</a>: ' '$H') -eq 11 ] && grep -q '<li><a href=\"#art_2.4__para_5\">Artikel 2.4, lid 5</a>: Het college stelt nadere regels over wat als gebruikelijke hulp geldt.' '$H' && ! grep -q 'href=\"#art_15.2__para_4\">Artikel 15.2, lid 4</a>' '$H'"
check "wetstechnische informatie: the intrekking is article 15.3" sh -c \
	"grep -q '<dt>Intrekking</dt>' '$H' && grep -q '<a href=\"#art_15.3\">Artikel 15.3 Intrekking van de oude verordeningen</a>' '$H'"
check "the long 'gelet op' folds on screen (details), with its count of laws and articles" \
	grep -q '<summary>gelet op … (8 wetten, 49 artikelen)</summary>' "$H"
echo "1..$n"
