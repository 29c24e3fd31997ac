#!/bin/sh
# The PDF editions (src/typeset*.c, docs/typesetter.md), checked with
# poppler-utils and qpdf on a build of tests/fixtures/minimaal and, once its
# illustrations exist, of verordening/:
#  - qpdf --check clean; pdfinfo pages, title, author, tagged, dates;
#  - pdffonts: every font embedded as a subset, only the style's fonts;
#  - a named destination per article (pdfinfo -dests), an outline entry
#    per part, chapter and article (qpdf --json), every internal link
#    resolves, the Catalog has /Lang and DisplayDocTitle, figures /Alt;
#  - pdftotext: articles in order with their numbers, TOC page numbers,
#    "pagina X van Y", the ONTWERP watermark, hyphenated line ends in the
#    legal edition and none in the citizen edition;
#  - two builds of the same input are byte-identical.
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
shy=$(printf '\302\255') # U+00AD: pdftotext gives the drawn hyphen of a soft-hyphen break as this

# The structural checks on one PDF; $1 = pdf, $2 = html of the same edition.
pdf_facts() {
	python3 - "$1" "$2" <<'PY'
import json, re, subprocess, sys
pdf, html = sys.argv[1], sys.argv[2]
def run(*a):
    return subprocess.run(a, check=True, capture_output=True, text=True).stdout
src = open(html, encoding='utf-8').read()
def fix(s):  # names are ASCII, other bytes as ~XX (src/typeset.c dest_name)
    if not re.fullmatch(r'[!-~]*', s): return '\0' + s  # never an id: a name must be ASCII
    b = re.sub(rb'~([0-9A-F]{2})', lambda m: bytes([int(m.group(1), 16)]), s.encode('ascii'))
    return b.decode('utf-8')
dests = set(fix(d) for d in re.findall(r'^\s*\d+ \[.*?\] "(.*)"$', run('pdfinfo', '-dests', pdf), re.M))
j = json.loads(run('qpdf', '--json=2', '--json-key=qpdf', '--json-key=outlines', pdf))
objs = {k: v.get('value') for k, v in j['qpdf'][1].items()}
bad = []
# every article of the HTML edition is a named destination
arts = re.findall(r'<article[^>]*\bid="(art_[^"]+)"', src)
missing = [a for a in arts if a not in dests]
if missing: bad.append('geen bestemming voor %s' % missing[:5])
# every id of the edition is a destination of the same name
ids = set(re.findall(r'\bid="([^"]+)"', src))
if not ids <= dests: bad.append('ids zonder bestemming: %s' % sorted(ids - dests)[:5])
# the outline: one entry per part, chapter and article heading
def flat(items, out):
    for it in items:
        out.append(it['title']); flat(it['kids'], out)
    return out
titles = flat(j['outlines'], [])
want = [re.sub(r'<[^>]+>', '', m).strip() for m in
        re.findall(r'<h[123][^>]*id="(?:part|chp|art)_[^"]*__kop"[^>]*>(.*?)</h[123]>', src, re.S)]
want = [' '.join(w.split()) for w in want]
for w in want:
    if w not in titles: bad.append('bladwijzer ontbreekt: %s' % w)
# every internal link resolves
links = [v for v in objs.values() if isinstance(v, dict) and v.get('/Subtype') == '/Link']
internal = [fix(v['/Dest'][2:]) for v in links if isinstance(v.get('/Dest'), str)]
unres = [d for d in internal if d not in dests]
if unres: bad.append('links zonder bestemming: %s' % unres[:5])
hrefs = len(re.findall(r'href="#', src))
cat = [v for v in objs.values() if isinstance(v, dict) and v.get('/Type') == '/Catalog']
if not cat or cat[0].get('/Lang') != 'u:nl-NL': bad.append('Catalog zonder /Lang nl-NL')
if not cat or cat[0].get('/ViewerPreferences', {}).get('/DisplayDocTitle') is not True:
    bad.append('Catalog zonder DisplayDocTitle')
figs = [v for v in objs.values() if isinstance(v, dict) and v.get('/S') == '/Figure']
alts = [v.get('/Alt', '') for v in figs]
want_alts = re.findall(r'<img [^>]*alt="([^"]*)"', src)
print(json.dumps({'bad': bad, 'articles': len(arts), 'outline': len(titles),
                  'internal_links': len(internal), 'hrefs': hrefs, 'figures': len(figs),
                  'alts': alts, 'want_alts': want_alts}))
PY
}

edition_checks() { # DIR EDITION PAGES TITLE FONT
	dir_=$1 ed=$2 pages=$3 title=$4 font=$5
	pdf=$dir_/$ed.pdf
	check "$ed: qpdf --check is clean" sh -c "qpdf --check '$pdf' && ! qpdf --check '$pdf' 2>&1 | grep -e '^WARNING' -e damaged"
	pdfinfo "$pdf" > "$tmp/info" 2>&1
	check "$ed: $pages pages" grep -qx "Pages: *$pages" "$tmp/info"
	check "$ed: title '$title'" grep -qx "Title: *$title" "$tmp/info"
	check "$ed: tagged" grep -qx "Tagged: *yes" "$tmp/info"
	check "$ed: author is the municipality" grep -q "^Author: *Gemeente " "$tmp/info"
	check "$ed: creation date from SOURCE_DATE_EPOCH" grep -qx "CreationDate: *Tue Nov 14 22:13:20 2023 UTC" "$tmp/info"
	pdffonts "$pdf" | tail -n +3 > "$tmp/fonts"
	check "$ed: every font embedded and subset" sh -c "[ -s '$tmp/fonts' ] && ! awk '{ if (\$(NF-4) != \"yes\" || \$(NF-3) != \"yes\") bad = 1 } END { exit !bad }' '$tmp/fonts'"
	check "$ed: only $font fonts" sh -c "! grep -v '+$font' '$tmp/fonts'"
	html=$dir_/$ed.html
	pdf_facts "$pdf" "$html" > "$tmp/facts.json" 2>"$tmp/facts.err" || cat "$tmp/facts.err"
	check "$ed: destinations, outline, links, /Lang, DisplayDocTitle" \
		python3 -c "import json,sys; f=json.load(open('$tmp/facts.json')); print(f['bad']); sys.exit(bool(f['bad']))"
	check "$ed: figures carry their alt text as /Alt" \
		python3 -c "import json,sys; f=json.load(open('$tmp/facts.json')); print(f['alts'], f['want_alts']); sys.exit(f['alts'] != ['u:' + a for a in f['want_alts']])"
	pdftotext "$pdf" "$tmp/$ed.txt"
	check "$ed: footer 'pagina 1 van $pages' and 'pagina $pages van $pages'" sh -c \
		"grep -qx 'pagina 1 van $pages' '$tmp/$ed.txt' && grep -qx 'pagina $pages van $pages' '$tmp/$ed.txt'"
	# the diagonal watermark comes out of pdftotext -raw letter by letter
	check "$ed: ONTWERP watermark on every page" sh -c "[ \$(pdftotext -raw '$pdf' - | tr '\n' '|' | grep -o 'O|N|T|W|E|R|P|' | wc -l) -eq $pages ]"
}

# ---------------------------------------------------------------- fixture
FIX=tests/fixtures/minimaal
check "ovc build $FIX writes both PDFs" sh -c "'$OVC' build $FIX -o '$tmp/a' >/dev/null 2>&1 && [ -s '$tmp/a/verordening.pdf' ] && [ -s '$tmp/a/publieksversie.pdf' ]"
check "no temporary files are left beside the PDFs (src/output.h: NAME.tmp-XXXXXX)" \
	sh -c "! ls -A '$tmp/a' | grep -e '\.tmp-'"
edition_checks "$tmp/a" verordening 8 "Verordening sociaal domein Proefdorp 2027" CharisSIL
edition_checks "$tmp/a" publieksversie 7 "Hulp en ondersteuning van de gemeente Proefdorp" NotoSans

txt=$tmp/verordening.txt
# articles in order with their numbers: the body (after the TOC) has the
# article headings of the HTML in the same order
grep -o '<h3 id="art_[^"]*__kop"><span class="num">Artikel [0-9.]*</span>' "$tmp/a/verordening.html" |
	sed 's/.*>Artikel \([0-9.]*\)<.*/Artikel \1/' > "$tmp/want-arts"
sed -n '/^Deel 1$/,$p' "$txt" | grep -o '^Artikel [0-9.]* [A-Z]' | sed 's/ [A-Z]$//' > "$tmp/got-arts"
check "legal text has the articles in order with their numbers ($(wc -l < "$tmp/want-arts") articles)" \
	sh -c "[ -s '$tmp/want-arts' ] && diff '$tmp/want-arts' '$tmp/got-arts'"
check "TOC: 'Artikel 2.1 Melding' with dot leaders and page 4" \
	sh -c "pdftotext -layout -f 2 -l 2 '$tmp/a/verordening.pdf' - | grep -E '^ *Artikel 2\.1 Melding( \.)+ *4\$'"
check "TOC: 'Deel 4 Opgroeien' on page 7" \
	sh -c "pdftotext -layout -f 2 -l 2 '$tmp/a/verordening.pdf' - | grep -E '^ *Deel 4 Opgroeien *(\. ?)+ *7\$'"
check "TOC page numbers are right: Deel 4 is on page 7" \
	sh -c "pdftotext -f 7 -l 7 '$tmp/a/verordening.pdf' - | grep -qx 'Deel 4'"
check "legal edition: a hyphenated line end (maatschap-/pelijke)" \
	sh -c "grep -q '^gelet op .* Wet maatschap[-$shy]\$' '$txt' && grep -q '^pelijke ondersteuning' '$txt'"
check "citizen edition: ragged right, never hyphenated" \
	sh -c "! grep -E '[a-z](-|$shy)\$' '$tmp/publieksversie.txt'"
check "running header names the chapter (page 4: Hoofdstuk 2 Hulp vragen)" \
	sh -c "pdftotext -f 4 -l 4 '$tmp/a/verordening.pdf' - | grep -qx 'Hoofdstuk 2 Hulp vragen'"
check "a part starts on a new page (Deel 2 heads page 5)" \
	sh -c "pdftotext -f 5 -l 5 '$tmp/a/verordening.pdf' - | sed -n 5,6p | tr '\n' '|' | grep -qx 'Deel 2|Werk en inkomen|'"
check "external links are clickable URIs" \
	sh -c "qpdf --json=2 --json-key=qpdf '$tmp/a/verordening.pdf' | grep -q '\"/URI\": \"u:https://wetten.overheid.nl/'"
check "citizen links to the legal edition point at verordening.pdf#art_..." \
	sh -c "qpdf --json=2 --json-key=qpdf '$tmp/a/publieksversie.pdf' | grep -q '\"/URI\": \"u:verordening.pdf#art_2.1\"'"

# no line wider than its measure (pango justifies a hyphenated line to the
# full width and then adds the hyphen; the typesetter takes it back)
OVC_TYPESET_STATS=1 "$OVC" build $FIX -o "$tmp/s" 2>"$tmp/stats" >/dev/null
check "no overfull lines in any edition" sh -c "[ \$(grep -c ', 0 te breed,' '$tmp/stats') -eq 3 ]"
check "the legal edition hyphenates (at least one hyphenated line end counted)" \
	sh -c "grep 'verordening.pdf:' '$tmp/stats' | grep -qv ' 0 afbrekingen'"

# no page ends with a heading: the last body line of every page is not the
# text of an h1-h4 of the edition (pdftotext -raw keeps drawing order, and
# the header and footer are drawn first), nor with a heading followed only by
# its line of law labels (citizen edition: "Participatiewet · Wmo 2015")
page_ends_ok() { # PDF HTML
	python3 - "$1" "$2" <<'PY'
import re, subprocess, sys
pdf, html = sys.argv[1], sys.argv[2]
src = open(html, encoding='utf-8').read()
norm = lambda h: ' '.join(re.sub(r'<[^>]+>', ' ', h).split())
heads = set(norm(h) for h in re.findall(r'<h[1-4][^>]*>(.*?)</h[1-4]>', src, re.S))
# a theme card's heading is followed by its picture, which has no text
heads -= set(norm(h) for h in re.findall(r'<h[1-4][^>]*data-outline="0"[^>]*>(.*?)</h[1-4]>', src, re.S))
pages = subprocess.run(['pdftotext', '-raw', pdf, '-'], capture_output=True, text=True, check=True).stdout.split('\f')
# labels lines; those of a heading whose picture comes next are left to the
# trace check below (a picture has no text for pdftotext)
lab = lambda u: ' · '.join(norm(li) for li in re.findall(r'<li[^>]*>(.*?)</li>', u, re.S))
labels = set(lab(u) for u in re.findall(r'<ul class="wet-labels"[^>]*>(.*?)</ul>', src, re.S))
pictured = set(norm(h) for h in re.findall(
    r'<h[1-4][^>]*>((?:(?!</h).)*)</h[1-4]>\s*<ul class="wet-labels"[^>]*>(?:(?!</ul>).)*</ul>\s*(?:<div[^>]*>\s*)?<figure',
    src, re.S))
bad = []
for i, p in enumerate(pages[:-1]):
    lines = [l.strip() for l in p.split('\n') if l.strip()]
    if lines and lines[-1] in heads:
        bad.append('pagina %d eindigt met kop %r' % (i + 1, lines[-1]))
    elif len(lines) > 1 and lines[-1] in labels and lines[-2] in heads and lines[-2] not in pictured:
        bad.append('pagina %d eindigt met kop %r en wetlabels' % (i + 1, lines[-2]))
print('\n'.join(bad))
sys.exit(1 if bad else 0)
PY
}

# ------------------------------------------------------- reproducibility
"$OVC" build $FIX -o "$tmp/b" >/dev/null 2>&1
check "two builds give byte-identical verordening.pdf" cmp "$tmp/a/verordening.pdf" "$tmp/b/verordening.pdf"
check "two builds give byte-identical publieksversie.pdf" cmp "$tmp/a/publieksversie.pdf" "$tmp/b/publieksversie.pdf"
OVC_TS_LAYOUT_BUDGET=0 OVC_TYPESET_STATS=1 "$OVC" build $FIX -o "$tmp/r" >/dev/null 2>"$tmp/rstats"
check "with no layout budget every block is laid out again when drawn, with the same bytes" \
	sh -c "grep -q 'verordening.pdf: .* [1-9][0-9]* blokken tweemaal gezet' '$tmp/rstats' && cmp '$tmp/a/verordening.pdf' '$tmp/r/verordening.pdf' && cmp '$tmp/a/publieksversie.pdf' '$tmp/r/publieksversie.pdf'"
SOURCE_DATE_EPOCH=1800000000 "$OVC" build $FIX -o "$tmp/c" >/dev/null 2>&1
check "SOURCE_DATE_EPOCH is the only date: another epoch changes the PDF" \
	sh -c "! cmp -s '$tmp/a/verordening.pdf' '$tmp/c/verordening.pdf' && pdfinfo '$tmp/c/verordening.pdf' | grep -q 'CreationDate: *Fri Jan 15 08:00:00 2027 UTC'"

# ------------------------------------------------------- the ordinance
if "$OVC" build verordening -o "$tmp/v" >/dev/null 2>&1; then
	pv=$(pdfinfo "$tmp/v/verordening.pdf" | awk '/^Pages:/ { print $2 }')
	pp=$(pdfinfo "$tmp/v/publieksversie.pdf" | awk '/^Pages:/ { print $2 }')
	# the title's no-break space (Den Helder) is a space in the metadata
	edition_checks "$tmp/v" verordening "$pv" "$(sed -n 's/.*<h1 id="titel">\(.*\)<\/h1>.*/\1/p' "$tmp/v/verordening.html" | sed 's/\xc2\xa0/ /g')" CharisSIL
	edition_checks "$tmp/v" publieksversie "$pp" "$(sed -n 's/.*<h1 id="titel">\(.*\)<\/h1>.*/\1/p' "$tmp/v/publieksversie.html")" NotoSans
	check "publieksversie: $(grep -c '<img ' "$tmp/v/publieksversie.html") illustrations drawn as vectors (no raster image in the PDF)" \
		sh -c "grep -q '<img [^>]*\.svg' '$tmp/v/publieksversie.html' && [ \$(pdfimages -list '$tmp/v/publieksversie.pdf' | tail -n +3 | wc -l) -eq 0 ]"
	check "verordening: no page ends with a heading" page_ends_ok "$tmp/v/verordening.pdf" "$tmp/v/verordening.html"
	check "publieksversie: no page ends with a heading" page_ends_ok "$tmp/v/publieksversie.pdf" "$tmp/v/publieksversie.html"
	OVC_TS_SERIAL=1 OVC_TS_TRACE=1 "$OVC" build verordening -o "$tmp/vt" 2>"$tmp/vtrace" >/dev/null
	check "both editions: no page ends with a block kept with the next (heading, labels, Doel label; placement trace)" \
		python3 - "$tmp/vtrace" <<'PY'
import re, sys
eds, cur = [], None
for l in open(sys.argv[1], encoding='utf-8', errors='replace'):
    m = re.match(r"p(\d+) y=\S+ b(\d+) (\d+)-(\d+)/(\d+) role=(\S+) keep=(\d)(\d) h=\S+ '(.*)'", l)
    if not m:
        continue
    if m.group(1) == '1' and m.group(2) == '0':
        cur = {}
        eds.append(cur)
    cur[int(m.group(1))] = m.groups()
bad = ['%s: pagina %d eindigt met %s %r' % (('verordening', 'publieksversie', 'raadsbesluit')[k], p, g[5], g[8])
       for k, e in enumerate(eds) for p, g in sorted(e.items())
       if p < max(e) and g[6] == '1' and g[3] == g[4]]
print('\n'.join(bad))
sys.exit(1 if bad or len(eds) != 3 else 0)
PY
	OVC_TYPESET_STATS=1 "$OVC" build verordening -o "$tmp/vs" 2>"$tmp/vstats" >/dev/null
	check "verordening/: no overfull lines, hyphenation in the legal edition" \
		sh -c "[ \$(grep -c ', 0 te breed,' '$tmp/vstats') -eq 3 ] && grep 'verordening.pdf:' '$tmp/vstats' | grep -qv ' 0 afbrekingen'"
else
	n=$((n + 1)); echo "ok $n - # SKIP verordening/ does not build yet (illustrations)"
fi
echo "1..$n"
