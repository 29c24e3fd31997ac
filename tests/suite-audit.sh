#!/bin/sh
# The audit of issue 22, one test per finding, each with the exact Dutch
# message: folders and special files, front matter, illustrations (SVG,
# PNG, symlinks), SOURCE_DATE_EPOCH, the command line, and that whatever
# `ovc check` accepts `ovc build` builds. Prints TAP.
set -u
: "${OVC:=build/ovc}"
OVC=$(cd "$(dirname "$OVC")" && pwd)/$(basename "$OVC")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BASE=$ROOT/tests/fixtures/minimaal
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
n=0 failed=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
fail() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/#   /'; }
check() { if eval "$2"; then ok "$1"; else fail "$1" "$(cat "$T/err" 2>/dev/null | head -20)"; fi; }

fresh() { rm -rf "$T/v" "$T/out"; cp -R "$BASE" "$T/v"; }
run() { "$OVC" "$@" >"$T/out.txt" 2>"$T/err"; echo $? >"$T/rc"; }
rc() { cat "$T/rc"; }
# has LINE: the diagnostics contain exactly this line
has() { grep -qxF -- "$1" "$T/err"; }
# Replace the first occurrence of $2 by $3 in file $1 (literal strings).
edit() { python3 - "$@" <<'PY'
import sys
p, a, b = sys.argv[1:4]
s = open(p, encoding='utf-8').read()
assert a in s, (p, a)
open(p, 'w', encoding='utf-8').write(s.replace(a, b, 1))
PY
}
fm() { edit "$T/v/verordening.md" "$1" "$2"; }

# --- folders and special files ------------------------------------------------
mkdir -p "$T/leeg"
run check "$T/leeg"
check "map zonder .md-bestanden: duidelijke melding, status 2 (was 'ovc: (null)')" \
	'[ "$(rc)" = 2 ] && has "ovc: in de map '"'$T/leeg'"' staan geen .md-bestanden; een verordening begint met verordening.md (zie docs/format.md)"'

fresh
mkfifo "$T/v/x.md"
timeout 10 "$OVC" check "$T/v" >"$T/out.txt" 2>"$T/err"; echo $? >"$T/rc"
check "FIFO x.md: geen hangen, melding, status 2" \
	'[ "$(rc)" = 2 ] && has "ovc: '"'$T/v/x.md'"' is geen gewoon bestand (maar een pijp (FIFO)); ovc leest alleen gewone .md-bestanden"'

fresh
ln -s /etc/hostname "$T/v/5-buiten.md"
run check "$T/v"
check "symbolische koppeling naar buiten de map: geweigerd, status 2" \
	'[ "$(rc)" = 2 ] && has "ovc: '"'$T/v/5-buiten.md'"' is een symbolische koppeling naar een bestand buiten '"'$T/v'"'; ovc leest alleen bestanden in de map van de verordening"'

fresh
for i in 1 2 3; do truncate -s 50M "$T/v/9-groot$i.md"; done
run check "$T/v"
check "totale invoer boven 128 MiB: geweigerd voor het lezen, status 2" \
	'[ "$(rc)" = 2 ] && has "ovc: de .md-bestanden in '"'$T/v'"' zijn samen 150 MiB; ovc leest ten hoogste 128 MiB per verordening (een echte verordening is kleiner dan 1 MiB)"'

fresh
: >"$T/err"
chmod 000 "$T/v/3-wmo.md"
if [ "$(id -u)" != 0 ]; then
	run check "$T/v"
elif command -v setpriv >/dev/null; then # root reads everything: run as nobody
	chmod 755 "$T" && chmod -R a+rX "$T/v" && chmod 000 "$T/v/3-wmo.md"
	setpriv --reuid=nobody --regid=nogroup --clear-groups "$OVC" check "$T/v" >"$T/out.txt" 2>"$T/err"
	echo $? >"$T/rc"
fi
if [ "$(id -u)" = 0 ] && ! grep -q "^ovc: kan" "$T/err" 2>/dev/null; then
	n=$((n + 1)); echo "ok $n # SKIP geen leesrecht: root leest alles en nobody kan ovc niet starten"
else
	check "geen leesrecht: Nederlandse melding zonder Engelse errno-tekst" \
		'[ "$(rc)" = 2 ] && has "ovc: kan '"'$T/v/3-wmo.md'"' niet openen: geen toegang; controleer de rechten (ls -l)"'
fi

# --- front matter -------------------------------------------------------------
fresh
fm "status: ontwerp" "status: ontwerp
status: vastgesteld
vastgesteld: 2026-12-17"
run check "$T/v"
check "dubbele sleutel in de voorkant is een fout" \
	'[ "$(rc)" = 1 ] && has "$T/v/verordening.md:7:1: fout: de sleutel '"'status'"' staat twee keer in de voorkant (ook op regel 6); laat er één staan [voorblad]"'

fresh
fm "inwerkingtreding: 2027-01-01" "inwerkingtreding: 2027-02-30"
run check "$T/v"
check "2027-02-30 is geen bestaande datum" \
	'[ "$(rc)" = 1 ] && has "$T/v/verordening.md:9:19: fout: inwerkingtreding '"'2027-02-30'"' is geen bestaande datum: februari 2027 heeft 28 dagen [voorblad]"'
fresh
fm "inwerkingtreding: 2027-01-01" "inwerkingtreding: 2028-02-29"
run check "$T/v"
check "2028-02-29 (schrikkeljaar) is wel een datum" '[ "$(rc)" = 0 ]'

fresh
fm "status: ontwerp" "status: vastgesteld"
run build "$T/v" -o "$T/out"
check "status vastgesteld zonder datum: fout, geen '[datum]' in een uitvoer" \
	'[ "$(rc)" = 1 ] && has "$T/v/verordening.md:6:9: fout: status is vastgesteld, maar de datum van vaststelling ontbreekt; schrijf bijvoorbeeld '"'vastgesteld: 2026-12-17'"' in de voorkant [voorblad]" && [ ! -e "$T/out" ]'

fresh
fm "titel: " 'titel: "'
run check "$T/v"
check "niet gesloten aanhalingsteken: op de juiste regel, in het Nederlands, geen valse 'mist'" \
	'[ "$(rc)" = 1 ] && has "$T/v/verordening.md:2:8: fout: YAML klopt niet: de aanhalingstekens die hier openen worden op deze regel niet gesloten; zet er aan het eind van de waarde ook een [voorblad]" && has "1 fout, 0 waarschuwingen"'

fresh
fm "gemeente: Proefdorp" "gemeente: Proefdorp: Noord"
run check "$T/v"
check "YAML-fout in het Nederlands, zonder valse fouten 'mist gemeente' erna" \
	'[ "$(rc)" = 1 ] && has "$T/v/verordening.md:4:20: fout: YAML klopt niet: een dubbele punt op een plek waar die niet mag; zet een waarde met '"': '"' erin tussen aanhalingstekens [voorblad]" && has "1 fout, 0 waarschuwingen" && ! grep -q "mist\|mapping" "$T/err"'

run check "$T/bestaat-niet"
check "map bestaat niet: errno in het Nederlands met wat te doen" \
	'[ "$(rc)" = 2 ] && has "ovc: kan de map '"'$T/bestaat-niet'"' niet openen: bestaat niet; controleer de naam en de map"'

fresh
: >"$T/uit-is-bestand"
run build "$T/v" -o "$T/uit-is-bestand"
check "uitvoermap is een bestand: Nederlandse melding, status 2" \
	'[ "$(rc)" = 2 ] && has "ovc: kan de map '"'$T/uit-is-bestand'"' niet maken: er staat een bestand met die naam; kies een andere uitvoermap met -o of verwijder het bestand"'

# A full disk (a small tmpfs; needs root): every failing build says so in
# Dutch, without libxml2's English "No space left on devicewrite error".
mkdir -p "$T/klein"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=300k tmpfs "$T/klein" 2>/dev/null; then
	bad=0 seen=0
	for free in 5 10 20 30 50 70; do
		rm -rf "$T/klein/out" "$T/klein/vul"
		head -c $(((300 - free) * 1024)) /dev/zero >"$T/klein/vul" 2>/dev/null
		"$OVC" build "$BASE" -o "$T/klein/out" >/dev/null 2>"$T/err"
		r=$?
		[ "$r" = 0 ] && continue
		seen=$((seen + 1))
		{ [ "$r" = 2 ] && grep -q "de schijf is vol; maak ruimte vrij en probeer het opnieuw$" "$T/err" &&
			! grep -qi "no space\|write error\|I/O error" "$T/err"; } || bad=$((bad + 1))
	done
	umount "$T/klein"
	check "schijf vol op $seen plaatsen in de build: status 2, alleen Nederlands" '[ "$seen" -ge 3 ] && [ "$bad" = 0 ]'
else
	n=$((n + 1)); echo "ok $n # SKIP schijf vol: geen root of geen tmpfs"
fi

# --- illustrations: every hostile SVG is refused by check at the SVG's own
# file:line:col, so build never starts on it; what check accepts, build builds.
SVG='<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 40 30">'
WONEN="$T/v/illustraties/wonen.svg"
svg_case() { # name, svg text, expected diagnostic line (with $T/v/ prefix)
	fresh
	printf '%s' "$2" >"$WONEN"
	want=$3
	run check "$T/v"
	check "SVG $1: check weigert met file:line:col van de SVG" '[ "$(rc)" = 1 ] && has "$want"'
	run build "$T/v" -o "$T/out"
	check "SVG $1: build schrijft niets" '[ "$(rc)" = 1 ] && [ ! -e "$T/out" ]'
}
USED="(gebruikt in themas.md:5) [illustratie-onveilig]"
svg_case "<script>" "$SVG<script>alert(1)</script></svg>" \
	"$WONEN:1:104: fout: de SVG bevat een <script>-element; verwijder dit, dan publiceert ovc de illustratie $USED"
svg_case "onload=" "$SVG
<rect onload=\"alert(1)\" width=\"3\" height=\"3\"/></svg>" \
	"$WONEN:2:7: fout: de SVG bevat het gebeurtenisattribuut onload= (een script); verwijder dit, dan publiceert ovc de illustratie $USED"
svg_case "javascript:-link" "$SVG<a href=\"javascript:alert(1)\"><rect width=\"3\" height=\"3\"/></a></svg>" \
	"$WONEN:1:107: fout: de SVG bevat een javascript:-link; verwijder dit, dan publiceert ovc de illustratie $USED"
svg_case "<foreignObject><iframe>" "$SVG<foreignObject><iframe xmlns=\"http://www.w3.org/1999/xhtml\" src=\"x\"/></foreignObject></svg>" \
	"$WONEN:1:104: fout: de SVG bevat een <foreignObject>-element; daarin kan HTML met scripts staan; teken de inhoud als SVG $USED"
svg_case "http://-href" "$SVG<image xlink:href=\"http://example.org/x.png\" width=\"3\" height=\"3\"/></svg>" \
	"$WONEN:1:111: fout: de SVG bevat een verwijzing naar 'http://example.org/x.png' buiten het bestand; verwijs alleen naar #id in het bestand of neem de afbeelding op in de SVG $USED"
svg_case "file://-xlink" "$SVG<use xlink:href=\"file:///etc/passwd#x\"/></svg>" \
	"$WONEN:1:109: fout: de SVG bevat een verwijzing naar 'file:///etc/passwd#x' buiten het bestand; verwijs alleen naar #id in het bestand of neem de afbeelding op in de SVG $USED"
svg_case "url(http:) in een attribuut" "$SVG<rect fill=\"url(http://x/y#p)\" width=\"3\" height=\"3\"/></svg>" \
	"$WONEN:1:110: fout: de SVG bevat een attribuut fill= met url(…) of @import naar buiten het bestand; verwijs alleen naar #id in het bestand $USED"
svg_case "XXE-entiteit" '<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><text>&xxe;</text></svg>' \
	"$WONEN:2:1: fout: de SVG bevat een DOCTYPE of ENTITY (een DTD); ovc leest geen DTD's en entiteiten (XXE); verwijder <!DOCTYPE …> $USED"
svg_case "billion laughs" '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><text>&lol2;</text></svg>' \
	"$WONEN:1:1: fout: de SVG bevat een DOCTYPE of ENTITY (een DTD); ovc leest geen DTD's en entiteiten (XXE); verwijder <!DOCTYPE …> $USED"
svg_case "xml-stylesheet" "$SVG<?xml-stylesheet href=\"http://x/y.css\"?></svg>" \
	"$WONEN:1:104: fout: de SVG bevat een verwerkingsinstructie <?xml-stylesheet …?>; verwijder dit, dan publiceert ovc de illustratie $USED"
svg_case "niet gedefinieerd voorvoegsel (librsvg weigert)" "$SVG<x:rect/></svg>" \
	"$WONEN:1:111: fout: 'illustraties/wonen.svg' is geen geldige XML (libxml2: Namespace prefix x on rect is not defined); open het bestand in een tekenprogramma en bewaar het opnieuw als SVG (gebruikt in themas.md:5) [illustratie-bestand]"
svg_case "zonder afmetingen (librsvg kan niet schalen)" '<svg xmlns="http://www.w3.org/2000/svg"><rect width="3" height="3"/></svg>' \
	"$T/v/themas.md:5:1: fout: illustratie 'illustraties/wonen.svg' heeft geen afmetingen; geef <svg> een viewBox of een width en height zonder % [illustratie-bestand]"
python3 -c "import sys; sys.stdout.write('<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 4\">' + '<g/>' * 1000000 + '</svg>')" >"$T/many.svg"
svg_case "met 10^6 elementen" "$(cat "$T/many.svg")" \
	"$WONEN:1:1: fout: de SVG bevat meer dan 100.000 elementen; vereenvoudig de tekening; ovc publiceert deze illustratie niet $USED"
fresh
printf '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><text>\377\376</text></svg>' >"$WONEN"
run check "$T/v"
check "SVG met ongeldige UTF-8: één regel, op de plaats, libxml2 in een Nederlandse zin" \
	'[ "$(rc)" = 1 ] && has "$WONEN:1:65: fout: '"'illustraties/wonen.svg'"' is geen geldige XML (libxml2: Input is not proper UTF-8, indicate encoding !); open het bestand in een tekenprogramma en bewaar het opnieuw als SVG (gebruikt in themas.md:5) [illustratie-bestand]" && ! grep -q "^Bytes" "$T/err"'

fresh
head -c 52428800 /dev/zero | tr '\0' ' ' >"$WONEN"
run check "$T/v"
check "SVG van 50 MB: geweigerd zonder te parsen" \
	'[ "$(rc)" = 1 ] && has "$T/v/themas.md:5:1: fout: illustratie '"'illustraties/wonen.svg'"' is groter dan 10 MiB; maak het bestand kleiner [illustratie-bestand]"'

fresh
rm "$WONEN"
ln -s /etc/hostname "$WONEN"
run check "$T/v"
check "illustratie als koppeling naar buiten de map: geweigerd" \
	'[ "$(rc)" = 1 ] && has "$T/v/themas.md:5:1: fout: illustratie '"'illustraties/wonen.svg'"' is een symbolische koppeling naar een bestand buiten de map van de verordening; kopieer het bestand in de map [illustratie-bestand]"'

# Accepted edge cases really build (PDF included): no namespace, mm/in
# units, an embedded PNG, a local link.
python3 - "$T" <<'PY'
import base64, struct, sys, zlib
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
def png(w=4, h=3, depth=8, ctype=2, plte=False):
    bpp = {2: 3, 3: 1}[ctype] * (2 if depth == 16 else 1)
    raw = b''.join(b'\0' + bytes([200]) * (w * bpp) for _ in range(h))
    out = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, depth, ctype, 0, 0, 0))
    if plte: out += chunk(b'PLTE', b'\xff\0\0')
    return out + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b'')
T = sys.argv[1]
open(T + '/ok.png', 'wb').write(png())
open(T + '/ok16.png', 'wb').write(png(depth=16))
open(T + '/pal.png', 'wb').write(png(ctype=3, plte=True))
b = bytearray(png()); b[40] ^= 1; open(T + '/crc.png', 'wb').write(bytes(b))
open(T + '/kort.png', 'wb').write(png()[:-20])
open(T + '/jpeg.png', 'wb').write(b'\xff\xd8\xff\xe0\x00\x10JFIF\x00' + b'\0' * 50)
open(T + '/groot.png', 'wb').write(png(w=40000, h=1))
open(T + '/data.txt', 'w').write(base64.b64encode(png()).decode())
PY
n_ok=0
for svg in '<svg width="10" height="10"><rect width="5" height="5"/></svg>' \
	'<svg xmlns="http://www.w3.org/2000/svg" width="20mm" height="1in"><rect width="5" height="5"/></svg>' \
	"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0,0,4,3\"><image href=\"data:image/png;base64,$(cat "$T/data.txt")\" width=\"4\" height=\"3\"/></svg>" \
	'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><a href="#x"><rect id="x" width="5" height="5"/></a></svg>'; do
	fresh
	printf '%s' "$svg" >"$WONEN"
	run build "$T/v" -o "$T/out"
	[ "$(rc)" = 0 ] && [ -s "$T/out/publieksversie.pdf" ] && cmp -s "$WONEN" "$T/out/illustraties/wonen.svg" && n_ok=$((n_ok + 1))
done
check "4 randgevallen die check aanneemt: build slaagt met PDF" '[ "$n_ok" = 4 ]'

png_case() { # file, expected message tail after "illustratie 'illustraties/b.png' "
	fresh
	cp "$T/$1" "$T/v/illustraties/b.png"
	edit "$T/v/themas.md" "illustraties/wonen.svg" "illustraties/b.png"
	run build "$T/v" -o "$T/out"
}
for f in ok.png ok16.png pal.png; do
	png_case "$f"
	check "PNG $f: check neemt aan, build maakt de PDF" '[ "$(rc)" = 0 ] && [ -s "$T/out/publieksversie.pdf" ]'
done
PNGAT="$T/v/themas.md:5:1: fout: illustratie 'illustraties/b.png'"
png_case crc.png
check "PNG met kapotte CRC: geweigerd" '[ "$(rc)" = 1 ] && has "$PNGAT is geen bruikbaar PNG-bestand: de controlesom (CRC) van een chunk klopt niet: het bestand is beschadigd [illustratie-bestand]"'
png_case kort.png
check "afgebroken PNG: geweigerd" '[ "$(rc)" = 1 ] && has "$PNGAT is geen bruikbaar PNG-bestand: een chunk loopt voorbij het einde van het bestand (het bestand is afgebroken) [illustratie-bestand]"'
png_case jpeg.png
check "JPEG met de extensie .png: zo benoemd" '[ "$(rc)" = 1 ] && has "$PNGAT is een JPEG-bestand met de extensie .png; sla het op als PNG (bijvoorbeeld met een tekenprogramma of '"'convert x.jpg x.png'"') [illustratie-bestand]"'
png_case groot.png
check "PNG van 40.000 pixels breed: geweigerd" '[ "$(rc)" = 1 ] && has "$PNGAT is geen bruikbaar PNG-bestand: de afbeelding is groter dan 16384 pixels in breedte of hoogte; maak haar kleiner [illustratie-bestand]"'

# --- SOURCE_DATE_EPOCH ----------------------------------------------------------
fresh
SOURCE_DATE_EPOCH=gisteren "$OVC" build "$T/v" -o "$T/out" >"$T/out.txt" 2>"$T/err"; echo $? >"$T/rc"
check "SOURCE_DATE_EPOCH=gisteren: gemeld, status 2, niets geschreven" \
	'[ "$(rc)" = 2 ] && has "ovc: SOURCE_DATE_EPOCH='"'gisteren'"' is geen tijdstip; geef het aantal seconden sinds 1970-01-01 UTC, bijvoorbeeld SOURCE_DATE_EPOCH=\$(git log -1 --format=%ct), of maak de variabele leeg" && [ ! -e "$T/out" ]'
SOURCE_DATE_EPOCH=99999999999999999999 "$OVC" build "$T/v" -o "$T/out" >"$T/out.txt" 2>"$T/err"; echo $? >"$T/rc"
check "SOURCE_DATE_EPOCH na het jaar 9999: gemeld, status 2" \
	'[ "$(rc)" = 2 ] && has "ovc: SOURCE_DATE_EPOCH=99999999999999999999 ligt na het jaar 9999; geef het aantal seconden sinds 1970-01-01 UTC"'
SOURCE_DATE_EPOCH=253402300799 "$OVC" build "$T/v" -o "$T/out" >"$T/out.txt" 2>"$T/err"; echo $? >"$T/rc"
check "SOURCE_DATE_EPOCH=253402300799: PDF-datum 9999-12-31T23:59:59Z" \
	'[ "$(rc)" = 0 ] && pdfinfo -isodates "$T/out/verordening.pdf" | grep -qx "CreationDate: *9999-12-31T23:59:59Z"'

# --- first use ------------------------------------------------------------------
fresh
run build "$T/v" --uit="$T/out"
check "--uit=UIT werkt en build zegt waarheen" \
	'[ "$(rc)" = 0 ] && [ -s "$T/out/verordening.pdf" ] && has "ovc: geschreven naar $T/out/: verordening.akn.xml, de edities als HTML en PDF (verordening, publieksversie, raadsbesluit), leesbaarheid.html"'
run --help
check "--help noemt de PDF's en de afsluitstatussen 0-3" \
	'grep -q "verordening.pdf" "$T/out.txt" && grep -q "publieksversie.pdf" "$T/out.txt" && grep -qx "  3  te weinig geheugen of een interne fout" "$T/out.txt" && grep -qx "  2  verkeerd gebruik, of bestanden of mappen niet te lezen of te schrijven" "$T/out.txt"'
man -l "$ROOT/docs/ovc.1" >/dev/null 2>"$T/err"
check "man -l docs/ovc.1 zonder waarschuwingen" '[ ! -s "$T/err" ]'
MANWIDTH=80 man -l "$ROOT/docs/ovc.1" 2>/dev/null >"$T/man.txt"
check "man-pagina: afsluitstatus 3" 'grep -q "Te weinig geheugen of een interne fout" "$T/man.txt"'
check "README: build/ovc, make install, JRE en npm, afsluitstatus 3" \
	'grep -q "^build/ovc check" "$ROOT/README.md" && grep -q "make install PREFIX=/usr/local" "$ROOT/README.md" && grep -q "Java-runtime" "$ROOT/README.md" && grep -q "npm ci" "$ROOT/README.md" && grep -qx "| 3 | te weinig geheugen of een interne fout |" "$ROOT/README.md"'

# --- references -----------------------------------------------------------------
fresh
edit "$T/v/2-participatiewet.md" "bedoeld in de artikelen 2.1 en 1.2." "bedoeld in de artikelen 2.1 en 1.2. Zie artikel 2.1, lid 9, van deze verordening. Zie artikel 8 van de Partcipatiewet en artikel 2.1.3 van de Wmo 2105. Zie [artikel 2.1](#meldng)."
edit "$T/v/3-wmo.md" "thema=wonen" "thema=wonn"
run check "$T/v"
P="$T/v/2-participatiewet.md:13"
check "'artikel 2.1, lid 9': fout omdat het lid niet bestaat, naast de stijlwaarschuwing" \
	'has "$P:88: fout: artikel 2.1 heeft geen negende lid (het heeft er 3) [verwijzing-lid]" && has "$P:88: waarschuwing: schrijf '"', negende lid'"' in plaats van '"', lid 9'"' (Aanwijzing 3.29) [verwijzing-stijl]"'
check "bedoelt u: Partcipatiewet" \
	'has "$P:140: waarschuwing: '"'Partcipatiewet'"' is geen wet die ovc kent (data/wetten.tsv); de verwijzing wordt niet gecontroleerd en niet gelinkt; bedoelt u '"'Participatiewet'"'? [wet-onbekend]"'
check "bedoelt u: Wmo 2105" \
	'has "$P:179: waarschuwing: '"'Wmo 2105'"' is geen wet die ovc kent (data/wetten.tsv); bedoelt u '"'Wmo 2015'"'? [wet-onbekend]"'
check "bedoelt u: een label" \
	'has "$P:193: fout: het label '"'#meldng'"' bestaat niet; bedoelt u '"'#melding'"'? [label-onbekend]"'
check "bedoelt u: een thema" \
	'has "$T/v/3-wmo.md:5:54: fout: onbekend thema '"'wonn'"'; bedoelt u '"'wonen'"'? de thema'"'"'s staan in themas.md [id-onbekend]"'

# A citation of more than 8 numbers or leden (refs.c kept a pointer into
# the array it grew: a use-after-free under ASan).
fresh
edit "$T/v/2-participatiewet.md" "bedoeld in de artikelen 2.1 en 1.2." "bedoeld in de artikelen 2.1 en 1.2. Zie de artikelen 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1 en 1.1. Zie artikel 2.1, eerste lid, en eerste lid, en eerste lid, en eerste lid, en eerste lid, en eerste lid, en eerste lid, en eerste lid, en eerste lid, en eerste lid."
run check "$T/v"
check "verwijzing met 11 nummers en 10 leden: geen crash" '[ "$(rc)" = 0 ] || [ "$(rc)" = 1 ]'

# --- the typesetting child and stale temporaries ----------------------------------
python3 "$ROOT/scripts/gen-ordinance.py" "$T/groot" --words 60000 >/dev/null
"$OVC" build "$T/groot" -o "$T/groot-uit" >/dev/null 2>&1 &
parent=$!
child=""
for i in $(seq 1 1500); do # up to 30 s: the fork comes after check, AKN and HTML
	child=$(pgrep -P "$parent" | head -1)
	[ -n "$child" ] && break
	sleep 0.02
done
kill -9 "$parent"
wait "$parent" 2>/dev/null
sleep 1
state=$(awk '{ print $3 }' "/proc/$child/stat" 2>/dev/null)
check "opmaakproces sterft met zijn ouder (kill -9 tijdens de build)" '[ -n "$child" ] && { [ -z "$state" ] || [ "$state" = Z ]; }'

fresh
mkdir -p "$T/out/illustraties"
: >"$T/out/verordening.html.tmp-Ab12Cd"
: >"$T/out/illustraties/wonen.svg.tmp-XyZ789"
: >"$T/out/publieksversie.pdf.tmp-Vers01"
touch -d "2 minutes ago" "$T/out/verordening.html.tmp-Ab12Cd" "$T/out/illustraties/wonen.svg.tmp-XyZ789"
run build "$T/v" -o "$T/out"
check "oude tijdelijke bestanden van een afgebroken build verdwijnen" \
	'[ "$(rc)" = 0 ] && [ ! -e "$T/out/verordening.html.tmp-Ab12Cd" ] && [ ! -e "$T/out/illustraties/wonen.svg.tmp-XyZ789" ]'
# A build that still runs writes into its own staging folder beside out/
# (docs/atomisch.md), never into out/: out/ is replaced whole.
check "ook een vers tijdelijk bestand verdwijnt: out/ wordt als geheel vervangen" '[ ! -e "$T/out/publieksversie.pdf.tmp-Vers01" ]'

echo "1..$n"
[ "$failed" -eq 0 ]
