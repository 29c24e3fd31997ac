#!/bin/sh
# The two HTML editions (stylesheets/*.xsl), run with xsltproc to show
# that they work outside ovc too, and in-process through src/edition.c.
#
#  - every fixture in tests/fixtures/akn/ is valid AKN (the schema);
#  - golden files: tests/golden/<fixture>.<edition>.<medium>.html;
#    regenerate with  UPDATE=1 sh tests/suite-xslt.sh  and review the diff;
#  - assertions on what the editions must contain (numbering, lists,
#    references, aanhef, toelichting, themes, steps, woordenlijst, safety);
#  - the print output stays inside docs/print-xhtml.md's subset;
#  - src/edition.c gives the same bytes as xsltproc, from two threads,
#    refuses what it must, and writes atomically.
# Prints TAP.
set -u
cd "$(dirname "$0")/.." || exit 2
: "${BUILD:=build}"
# Test drivers link ovc's objects, so they need the same link flags
# (SANITIZE=1 adds -fsanitize=…; the Makefile passes them on).
: "${OVC_LDFLAGS:=}"
FIX=tests/fixtures/akn
GOLD=tests/golden
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; }
check() { # check DESCRIPTION COMMAND...
	d=$1; shift
	if "$@" >"$tmp/out" 2>&1; then ok "$d"; else not_ok "$d"; sed 's/^/#   /' "$tmp/out" | head -20; fi
}

# ---------------------------------------------------------------- schema
for f in "$FIX"/*.akn.xml; do
	check "$(basename "$f") is valid Akoma Ntoso 3.0" \
		xmllint --noout --nonet --schema tests/schemas/akomantoso30.xsd "$f"
done

# --------------------------------------------------------------- goldens
mkdir -p "$GOLD"
for f in "$FIX"/*.akn.xml; do
	base=$(basename "$f" .akn.xml)
	for ed in verordening publieksversie raadsbesluit; do
		for medium in screen print; do
			name="$base.$ed.$medium.html"
			out="$tmp/$name"
			if ! xsltproc --nonet --stringparam medium "$medium" \
				"stylesheets/$ed.xsl" "$f" >"$out" 2>"$tmp/err"; then
				not_ok "xsltproc $ed.xsl ($medium) on $base"; sed 's/^/#   /' "$tmp/err"
				continue
			fi
			if [ "${UPDATE:-0}" = 1 ]; then
				cp "$out" "$GOLD/$name"
				ok "golden $name updated"
			elif cmp -s "$out" "$GOLD/$name"; then
				ok "golden $name"
			else
				not_ok "golden $name (UPDATE=1 to accept)"
				diff -u "$GOLD/$name" "$out" 2>&1 | head -30 | sed 's/^/#   /'
			fi
		done
	done
done

# ------------------------------------------------------------ assertions
L="$tmp/editie.verordening.screen.html"
P="$tmp/editie.publieksversie.screen.html"
has() { grep -qF -- "$2" "$1"; }
hasnt() { ! grep -qF -- "$2" "$1"; }
in_order() { # in_order FILE STRING... : each string after the previous one
	file=$1; shift
	python3 - "$file" "$@" <<'EOF'
import sys
text = open(sys.argv[1], encoding='utf-8').read()
pos = 0
for s in sys.argv[2:]:
    i = text.find(s, pos)
    if i < 0:
        sys.exit('not found after offset %d: %s' % (pos, s))
    pos = i + len(s)
EOF
}

check "lid: hanging number 2. with its eId, on screen its permanent link" has "$L" '<li class="lid" id="art_6.1__para_2"><span class="lbl"><a class="permalink-lid" href="#art_6.1__para_2">2.<span class="verborgen"> (permanente link naar artikel 6.1, lid 2)</span></a></span> Bij de beslissing'
check "lid in print: the bare hanging number" has "$tmp/editie.verordening.print.html" '<li class="lid" id="art_6.1__para_2"><span class="lbl">2.</span> Bij de beslissing'
check "article heading: a permanent link with its own name" in_order "$L" '<h3 id="art_6.1__kop">' '<a class="permalink" href="#art_6.1">' '<span aria-hidden="true">#</span>' '<span class="verborgen">Permanente link naar artikel 6.1</span>'
check "article: its place as breadcrumbs (Deel, Hoofdstuk) above the heading" in_order "$L" '<article class="artikel" id="art_6.1"' '<p class="kruimelpad-artikel"><a href="#part_3">Deel 3</a> › <a href="#chp_6">Hoofdstuk 6</a> › Artikel 6.1</p>' '<h3 id="art_6.1__kop">'
check "page breadcrumbs: Gemeente › Regelgeving › citeertitel (current page)" in_order "$L" '<nav class="kruimelpad" aria-label="Kruimelpad">' '<li>Gemeente Den Helder</li>' '<li>Regelgeving</li>' '<li aria-current="page">Verordening sociaal domein Den Helder 2027</li>'
check "downloads: the PDF, the AKN, the raadsbesluit" in_order "$L" '<p class="downloads">' '<a href="verordening.pdf">Verordening als PDF</a>' '<a href="verordening.akn.xml">Akoma Ntoso-XML</a>' '<a href="raadsbesluit.html">Raadsbesluit</a>'
check "structure navigation: collapsed, each Deel a details of its own" in_order "$L" '<nav class="toc" aria-labelledby="inhoudsopgave">' '<details class="toc-structuur">' '<a href="#aanhef">Aanhef</a>' '<details>' '<summary>Deel 1 Wat geldt voor alle hulp</summary>' '<a href="#part_1">Begin van Deel 1 Wat geldt voor alle hulp</a>' '<a href="#slotformule">Ondertekening</a>'
check "wetstechnische informatie: titles, status, dates, grondslagen, delegation, intrekking" in_order "$L" '<details class="wti" id="wetstechnische-informatie">' '<dt>Officiële titel</dt>' '<dt>Citeertitel</dt>' '<dt>Status</dt>' '<dd>Ontwerp · versie 0.9 · 1 oktober 2026</dd>' '<dt>Vastgesteld</dt>' '<dd>nog niet (ontwerp)</dd>' '<dt>Inwerkingtreding</dt>' '<dt>Grondslagen</dt>' '<dd>gelet op artikel' '<dt>Gedelegeerde regelgeving</dt>' '<dd>geen nadere regels of beleidsregels genoemd</dd>' '<dt>Intrekking</dt>'
check "an article links to its citizen text (first theme)" has "$L" '<a href="publieksversie.html#thema_wonen__art_6.1">Uitleg in gewone taal bij artikel 6.1</a>'
check "onderdeel: b. inside the lid's list" has "$L" '<ol class="onderdelen"><li id="art_6.1__para_2__point_a"><span class="lbl">a.</span> wat u zelf kunt;</li>'
check "sub-onderdeel: 1°. one list deeper" has "$L" '<ol class="subonderdelen"><li id="art_6.1__para_2__point_b__point_1"><span class="lbl">1°.</span> uw partner; en</li>'
check "one unnumbered lid: a div with the lid's eId, no number" has "$L" '<div class="lid" id="art_2.1__para_1">'
check "begrippen: unnumbered list with dfn ids" has "$L" '<li id="art_1.1__para_1__point_2"><dfn id="term-college">college</dfn>: het college'
check "defined term links to its definition" has "$L" '<a class="term" href="#term-maatwerkvoorziening">maatwerkvoorziening</a>'
check "term without definition is not a link" has "$P" '<span class="term">melding</span>'
check "internal reference links to the eId; within its own article it is a self-reference (ref zelf)" has "$L" '<a href="#art_6.1__para_2__point_b__point_1" class="ref zelf">onder b, 1°</a>'
check "a reference to another article is a plain ref" has "$L" '<a href="#art_2.1" class="ref">artikel 2.1</a>'
check "external reference to wetten.overheid.nl, & escaped" has "$L" 'href="https://wetten.overheid.nl/jci1.3:c:BWBR0035362&amp;artikel=2.1.3&amp;lid=2" class="ref extern"'
check "aanhef: heading, formula, considerations as paragraphs (no list markers), besluit" in_order "$L" '<section class="aanhef" id="aanhef" aria-labelledby="aanhef__kop">' '<h1 id="aanhef__kop">Aanhef</h1>' 'De raad van de gemeente Den Helder;' '<div class="overwegingen">' '<p class="overweging">gelezen het voorstel' '<p class="overweging">gezien het advies' '<p class="overweging">gelet op artikel 147' '</div>' 'besluit vast te stellen'
check "aanhef: no list in the considerations" sh -c "! grep -q '<ul class=\"overwegingen\"' '$L'"
check "ondertekening: a heading, the roles, room to sign before each name" in_order "$L" '<h1 id="slotformule__kop">Ondertekening</h1>' '<p class="rol">De voorzitter,</p>' '<p class="tekenruimte naam">' '<p class="rol">De griffier,</p>' '<p class="tekenruimte naam">'
check "title: the municipality's name does not break (no-break space)" has "$L" "$(printf '<h1 id="titel">Verordening sociaal domein Den\302\240Helder 2027</h1>')"
check "written aanhef rendered word for word" in_order "$tmp/vastgesteld.verordening.screen.html" '<section class="aanhef"' '<p>De raad van de gemeente Den Helder;</p>' '<p>gelezen het voorstel van burgemeester en wethouders;</p>' '<p>besluit vast te stellen'
check "Doel first in each article" in_order "$L" 'id="art_6.1__kop"' '<div class="doel" id="art_6.1__hcontainer_doel">' 'U woont in een schoon' '<ol class="leden">'
check "headings: Deel h1, Hoofdstuk h2, Paragraaf h3, Artikel in Paragraaf h4" in_order "$L" '<h1 id="part_1__kop">' '<h2 id="chp_3__kop">' '<h3 id="sec_3.1__kop">' '<h4 id="art_3.1__kop">'
check "toelichting: algemene, then per article in order, linked back" in_order "$L" '<h1 id="att_toelichting__kop">Toelichting</h1>' 'Algemene toelichting' 'Deze verordening regelt' 'Waarom een omgekeerde verordening?' 'Artikelsgewijze toelichting' 'id="art_2.1__hcontainer_toelichting"' '<a href="#art_2.1">Artikel 2.1 Het gesprek</a>' 'id="art_5.1__hcontainer_toelichting"' 'id="art_6.1__hcontainer_toelichting"'
check "article links to its toelichting" has "$L" '<a href="#art_6.1__hcontainer_toelichting">Toelichting bij artikel 6.1</a>'
check "toelichting not inside the article text" hasnt "$L" '<div class="blok blok-toelichting"'
check "ondertekening: voorzitter and griffier" in_order "$L" '<div class="ondertekening">' 'De voorzitter,' 'J. Jansen' 'De griffier,' 'P. de Vries'
check "draft: meta and visible marking while ontwerp" in_order "$L" '<title>Verordening sociaal domein Den Helder 2027 (ontwerp)</title>' '<meta name="ovc-status" content="ontwerp"/>' '<div class="ontwerp-melding" role="note">'
check "no draft marking once vastgesteld" hasnt "$tmp/vastgesteld.verordening.screen.html" 'ontwerp-melding'
check "status, version and date in head" in_order "$L" '<meta name="ovc-versie" content="0.9"/>' '<meta name="ovc-datum" content="2026-10-01"/>' '<meta name="ovc-stijl" content="verordening"/>'
check "themes: menu with illustrations in themas.md order" in_order "$P" '<h2 id="wat-wilt-u">Wat wilt u?</h2>' 'alt="Een vrouw aan het werk in een winkel"' 'href="#thema_werk"' 'thema-geldzorgen.svg' 'href="#thema_geldzorgen"' 'thema-wonen.svg' 'href="#thema_wonen"'
check "theme grouping: tagged articles under each theme, one article under two" in_order "$P" 'id="thema_geldzorgen"' 'id="thema_geldzorgen__art_2.2"' 'id="thema_geldzorgen__art_5.1"' 'id="thema_wonen"' 'id="thema_wonen__art_2.2"' 'id="thema_wonen__art_6.1"' 'id="zo-vraagt-u-hulp"'
check "theme without articles says so" in_order "$P" 'id="thema_werk"' 'nog geen regels' 'id="thema_geldzorgen"'
check "citizen article: Voor inwoners, verwachting, link to the legal text" in_order "$P" 'id="thema_wonen__art_6.1"' 'alt="Een vrouw krijgt hulp bij het schoonmaken"' 'Lukt het niet meer' 'Wat de regel wil bereiken' 'U woont in een schoon' 'Dit staat in <a href="verordening.html#art_6.1">artikel 6.1</a>.'
check "law labels: the article's own, else its part's" in_order "$P" 'id="thema_geldzorgen__art_2.2"' '<li>Participatiewet</li>' '<li>Wmo 2015</li>' 'id="thema_geldzorgen__art_5.1"' '<li>Participatiewet</li>' 'id="thema_wonen__art_2.2"'
check "law labels: the common part means every law" in_order "$P" 'id="stap_gesprek__art_2.1"' '<li>Participatiewet</li>' '<li>Wmo 2015</li>' '<li>Jeugdwet</li>' 'id="stap_aanvraag"'
check "steps in the order melding, gesprek, aanvraag, besluit, bezwaar" in_order "$P" 'Stap 1.</span> U meldt uw vraag' 'stap_melding__art_2.2' 'Stap 2.</span> Het gesprek' 'stap_gesprek__art_2.1' 'Stap 3.' 'stap_aanvraag__art_3.1' 'Stap 4.' 'stap_besluit__art_3.2' 'Stap 5.' 'stap_bezwaar__art_4.1'
check "every step has an illustration" in_order "$P" 'id="stap_melding"' 'melding.svg' 'id="stap_gesprek"' 'gesprek.svg' 'id="stap_aanvraag"' 'aanvraag.svg' 'id="stap_besluit"' 'besluit.svg' 'id="stap_bezwaar"' 'bezwaar.svg' 'id="woordenlijst"'
check "woordenlijst: sorted, definitions without ':' and with '.'" in_order "$P" '<dfn id="term-algemene-voorziening">' '<dfn id="term-college">college</dfn>' '<dd>het college van burgemeester en wethouders.</dd>' '<dfn id="term-maatwerkvoorziening">' 'op de persoon is afgestemd.</dd>'
check "woordenlijst: only begrippen, not kernwaarden" hasnt "$P" 'kernwaarde-eigen-regie'
check "citizen terms link to the woordenlijst" has "$P" '<a class="term" href="#term-maatwerkvoorziening">maatwerkvoorziening</a>'
check "citizen internal references go to the legal edition" has "$P" '(<a href="verordening.html#art_2.1" class="ref">artikel 2.1</a>)'
for f in "$L" "$P"; do
	e=$(basename "$f")
	check "$e: markup in the text stays text" hasnt "$f" '<script'
	check "$e: no javascript: URL" hasnt "$f" 'javascript:'
	check "$e: no image from elsewhere" hasnt "$f" 'example.org'
	check "$e: one main, lang=nl" in_order "$f" '<html xmlns="http://www.w3.org/1999/xhtml" lang="nl">' '<main id="inhoud">' '</main>'
done
check "the text of a javascript: link is kept, without a link" has "$L" '<span class="extern">hier</span>'
check "escaped markup is shown as text" has "$P" 'Schrijf &lt;script&gt;alert(1)&lt;/script&gt; &amp; meer'
check "both media carry the same text" python3 - "$tmp" <<'EOF'
import sys, re, xml.etree.ElementTree as ET
d = sys.argv[1]
X = '{http://www.w3.org/1999/xhtml}'
def words(path):
    root = ET.parse(path).getroot()
    main = root.find('.//' + X + 'main')
    nav = [n for n in main.iter(X + 'nav')]
    # the screen TOC is the typesetter's job in print
    # and the screen's navigation around the text (breadcrumbs, downloads,
    # wetstechnische informatie, permanent links, links to the citizen text)
    screen_only = {'toc', 'kruimelpad', 'downloads', 'wti', 'kruimelpad-artikel',
                   'naar-publieksversie', 'permalink', 'verborgen'}
    for parent in list(main.iter()):
        for c in list(parent):
            cls = set((c.get('class') or '').split())
            if cls & screen_only:
                parent.remove(c)
            elif c.tag == X + 'summary' and 'overweging-lang' in (parent.get('class') or '').split():
                parent.remove(c)
    return ' '.join(''.join(main.itertext()).split())
bad = []
import glob, os
for s in glob.glob(os.path.join(d, '*.screen.html')):
    p = s.replace('.screen.', '.print.')
    a, b = words(s), words(p)
    if a != b:
        bad.append(os.path.basename(s))
if bad:
    sys.exit('screen and print differ: ' + ', '.join(bad))
EOF

# ------------------------------------------------ print XHTML subset
check "print output within docs/print-xhtml.md" python3 - "$tmp" <<'EOF'
import sys, glob, os, xml.etree.ElementTree as ET
X = '{http://www.w3.org/1999/xhtml}'
head = {'head', 'title', 'meta'}
blocks = {'body', 'section', 'div', 'article', 'header', 'footer', 'main', 'aside',
          'h1', 'h2', 'h3', 'h4', 'p', 'blockquote', 'ol', 'ul', 'li', 'dl', 'dt', 'dd',
          'table', 'thead', 'tbody', 'tr', 'th', 'td', 'figure', 'figcaption', 'img',
          'hr', 'nav'}
inline = {'a', 'em', 'i', 'strong', 'b', 'span', 'code', 'abbr', 'dfn', 'br', 'sub', 'sup'}
ok = head | blocks | inline | {'html'}
errors = []
for f in sorted(glob.glob(os.path.join(sys.argv[1], '*.print.html'))):
    root = ET.parse(f).getroot()
    name = os.path.basename(f)
    if root.tag != X + 'html' or root.get('lang') != 'nl':
        errors.append(name + ': root is not <html lang="nl"> in XHTML')
    for el in root.iter():
        tag = el.tag.replace(X, '')
        if tag not in ok:
            errors.append('%s: <%s> is not in the subset' % (name, tag))
        if tag in ('h1', 'h2', 'h3', 'h4') and not el.get('id'):
            errors.append('%s: <%s> without id' % (name, tag))
        if tag == 'nav' and el.get('class') != 'toc':
            errors.append('%s: <nav> other than nav.toc' % name)
        if tag == 'img' and not el.get('alt'):
            errors.append('%s: img without alt' % name)
        if tag == 'meta' and el.get('name') is None:
            errors.append('%s: meta without name' % name)
    for fig in root.iter(X + 'img'):
        pass
    parents = {c: p for p in root.iter() for c in p}
    for im in root.iter(X + 'img'):
        if parents[im].tag != X + 'figure':
            errors.append('%s: img outside figure' % name)
    metas = {m.get('name') for m in root.iter(X + 'meta')}
    for need in ('ovc-status', 'ovc-versie', 'ovc-datum', 'ovc-stijl', 'author', 'subject'):
        if need not in metas:
            errors.append('%s: no meta %s' % (name, need))
if errors:
    sys.exit('\n'.join(errors[:20]))
EOF

check "no empty non-void element in the screen HTML" python3 - "$tmp" <<'EOF'
import sys, glob, os, re
void = {'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'}
bad = []
for f in glob.glob(os.path.join(sys.argv[1], '*.screen.html')):
    for m in re.finditer(r'<([a-z0-9]+)(\s[^>]*)?/>', open(f, encoding='utf-8').read()):
        if m.group(1) not in void:
            bad.append('%s: %s' % (os.path.basename(f), m.group(0)))
if bad:
    sys.exit('\n'.join(bad[:10]))
EOF

# --------------------------------------------- in-process (src/edition.c)
objs="$BUILD/obj/edition.o $BUILD/obj/embedded-data.o $BUILD/obj/embedded.o $BUILD/obj/errtext.o"
missing=0
for o in $objs; do [ -f "$o" ] || missing=1; done
if [ "$missing" = 1 ]; then
	not_ok "edition.c: objects in $BUILD/obj (build first: make BUILD=$BUILD ovc)"
else
	cat >"$tmp/edition_driver.c" <<'EOF'
/* Transforms FIXTURE with both editions in two threads at once and
 * writes them to OUTDIR, then checks what must be refused. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <libxml/parser.h>
#include "edition.h"

struct job { const char *sheet, *medium, *out; xmlDocPtr akn; int rc; struct edition_error err; };

static void *run(void *arg)
{
	struct job *j = arg;
	for (int round = 0; round < 20; round++) {
		xmlDocPtr html = edition_transform(j->sheet, j->akn, j->medium, &j->err);
		if (html == NULL) { j->rc = 1; return NULL; }
		if (round == 19 && edition_write_html(html, j->sheet, j->out, &j->err) != 0) j->rc = 2;
		xmlFreeDoc(html);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc != 4) return 2;
	xmlDocPtr akn = xmlReadFile(argv[1], NULL, XML_PARSE_NONET);
	if (akn == NULL) return 2;
	char a[4096], b[4096];
	snprintf(a, sizeof a, "%s/verordening.html", argv[2]);
	snprintf(b, sizeof b, "%s/publieksversie.html", argv[2]);
	struct job jobs[2] = {
		{ "stylesheets/verordening.xsl", argv[3], a, akn, 0, { 0, "" } },
		{ "stylesheets/publieksversie.xsl", argv[3], b, akn, 0, { 0, "" } },
	};
	pthread_t t[2];
	for (int i = 0; i < 2; i++) pthread_create(&t[i], NULL, run, &jobs[i]);
	for (int i = 0; i < 2; i++) pthread_join(t[i], NULL);
	int status = 0;
	for (int i = 0; i < 2; i++) {
		if (jobs[i].rc) { printf("FAIL %s: %s\n", jobs[i].sheet, jobs[i].err.message); status = 1; }
		if (jobs[i].err.count) { printf("FAIL %s printed messages: %s\n", jobs[i].sheet, jobs[i].err.message); status = 1; }
	}
	/* What must be refused, with a message and nothing on stderr. */
	struct edition_error err;
	const char *refused[][2] = {
		{ "stylesheets/bestaat-niet.xsl", "screen" },
		{ "data/wetten.tsv", "screen" },
		{ "/etc/passwd", "screen" },
		{ "stylesheets/verordening.xsl", "javascript:" },
	};
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		xmlDocPtr h = edition_transform(refused[i][0], akn, refused[i][1], &err);
		if (h != NULL || err.message[0] == '\0') { printf("FAIL not refused: %s %s\n", refused[i][0], refused[i][1]); status = 1; }
		else printf("refused %s %s: %s\n", refused[i][0], refused[i][1], err.message);
		xmlFreeDoc(h);
	}
	xmlDocPtr h = edition_transform("stylesheets/verordening.xsl", akn, "screen", &err);
	if (edition_write_html(h, "stylesheets/verordening.xsl", "/nonexistent-dir/x.html", &err) == 0 || err.message[0] == '\0') {
		printf("FAIL write to a missing folder succeeded\n"); status = 1;
	}
	xmlFreeDoc(h);
	edition_cleanup();
	xmlFreeDoc(akn);
	xmlCleanupParser();
	return status;
}
EOF
	# shellcheck disable=SC2086
	if cc -std=c11 -D_POSIX_C_SOURCE=200809L -Isrc $(pkg-config --cflags libxml-2.0 libxslt) \
		-o "$tmp/edition_driver" "$tmp/edition_driver.c" $objs $OVC_LDFLAGS \
		$(pkg-config --libs libexslt libxslt libxml-2.0) -lpthread >"$tmp/cc" 2>&1; then
		ok "edition.c: test driver builds"
		mkdir -p "$tmp/ed-screen"
		if "$tmp/edition_driver" "$FIX/editie.akn.xml" "$tmp/ed-screen" screen >"$tmp/drv" 2>"$tmp/drv-err" && [ ! -s "$tmp/drv-err" ]; then
			ok "edition.c: two threads, 20 rounds each, refusals, nothing on stderr"
		else
			not_ok "edition.c: two threads, 20 rounds each, refusals, nothing on stderr"
			cat "$tmp/drv" "$tmp/drv-err" | head -20 | sed 's/^/#   /'
		fi
		for ed in verordening publieksversie; do
			check "edition.c: $ed.html identical to xsltproc's" cmp "$tmp/ed-screen/$ed.html" "$tmp/editie.$ed.screen.html"
		done
		check "edition.c: linked CSS written beside the page" \
			sh -c "cmp '$tmp/ed-screen/basis.css' stylesheets/basis.css && cmp '$tmp/ed-screen/verordening.css' stylesheets/verordening.css && cmp '$tmp/ed-screen/publieksversie.css' stylesheets/publieksversie.css"
		check "edition.c: no temporary files left" sh -c "! ls '$tmp/ed-screen' | grep -q tmp"
		check "edition.c: files readable (0644)" sh -c "[ \"\$(stat -c %a '$tmp/ed-screen/verordening.html')\" = 644 ]"
		mkdir -p "$tmp/ed-print"
		"$tmp/edition_driver" "$FIX/editie.akn.xml" "$tmp/ed-print" print >/dev/null 2>&1
		check "edition.c: print medium identical to xsltproc's" cmp "$tmp/ed-print/publieksversie.html" "$tmp/editie.publieksversie.print.html"
	else
		not_ok "edition.c: test driver builds"
		sed 's/^/#   /' "$tmp/cc" | head -20
	fi
fi
exit 0
