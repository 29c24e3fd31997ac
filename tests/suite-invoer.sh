#!/bin/sh
# The bad-input matrix of issue 20, each case with its exact Dutch
# message (what suite-cli.sh and suite-audit.sh do not cover already):
# BOM, CRLF, Windows-1252, empty files, 10 MB and 100 MB files (time and
# memory bounded), 10,000-deep lists and quotes, 100,000 articles, a
# folder where a file belongs, raw HTML and javascript:/data: links.
# Prints TAP.
set -u
: "${OVC:=build/ovc}"
OVC=$(cd "$(dirname "$OVC")" && pwd)/$(basename "$OVC")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BASE=$ROOT/tests/fixtures/minimaal
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
n=0 failed=0
export SOURCE_DATE_EPOCH=1767225600
# Time and memory bounds are for ovc itself; under ASan (make test
# SANITIZE=1) ovc takes about 3 times both.
case "$OVC" in */build-san/*) slow=3 ;; *) slow=1 ;; esac

ok() { n=$((n + 1)); echo "ok $n - $1"; }
fail() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/#   /'; }
check() { if eval "$2"; then ok "$1"; else fail "$1" "$(head -c 1500 "$T/err" 2>/dev/null)"; fi; }
fresh() { rm -rf "$T/v" "$T/out"; cp -R "$BASE" "$T/v"; }
# Run ovc; stderr in $T/err, status in $T/rc, "seconds maxKB" in $T/res.
run() { /usr/bin/time -f '%e %M' -o "$T/res" "$OVC" "$@" >"$T/out.txt" 2>"$T/err"; echo $? >"$T/rc"; }
rc() { cat "$T/rc"; }
has() { grep -qxF -- "$1" "$T/err"; }
# (time(1) puts "Command exited with non-zero status N" before the figures.)
secs() { tail -1 "$T/res" | cut -d' ' -f1 | cut -d. -f1; }
mb() { echo $(($(tail -1 "$T/res" | cut -d' ' -f2) / 1024)); }

# --- encodings -------------------------------------------------------------------
fresh
for f in 3-wmo.md verordening.md; do printf '\357\273\277' | cat - "$BASE/$f" >"$T/v/$f"; done
run check "$T/v"
check "BOM voor verordening.md en een deel: schoon, status 0" '[ "$(rc)" = 0 ] && has "geen fouten, geen waarschuwingen"'
sed -i '1s/Deel 3/Deel 9/' "$T/v/3-wmo.md"
run check "$T/v"
check "BOM telt niet mee in de kolom" \
	'[ "$(rc)" = 1 ] && has "$T/v/3-wmo.md:1:8: fout: dit is deel 3, niet deel 9 [structuur-nummer]"'

fresh
for f in "$T"/v/*.md; do sed -i 's/$/\r/' "$f"; done
run build "$T/v" -o "$T/out"
"$OVC" build "$BASE" -o "$T/lf" >/dev/null 2>&1
check "CRLF in alle bestanden: schoon, en dezelfde AKN als met LF" \
	'[ "$(rc)" = 0 ] && has "geen fouten, geen waarschuwingen" && cmp -s "$T/out/verordening.akn.xml" "$T/lf/verordening.akn.xml"'
sed -i '1s/Deel 3/Deel 9/' "$T/v/3-wmo.md"
run check "$T/v"
check "CRLF: kolommen zonder de CR" \
	'[ "$(rc)" = 1 ] && has "$T/v/3-wmo.md:1:8: fout: dit is deel 3, niet deel 9 [structuur-nummer]"'

fresh
printf '\nCaf\351 en \223aanhalingstekens\224.\n' >>"$T/v/themas.md"
run check "$T/v"
check "Windows-1252: waarschijnlijk Windows-1252, met het teken" \
	'[ "$(rc)" = 1 ] && has "$T/v/themas.md:13:4: fout: ongeldige UTF-8 op byte 172 (0xe9); het bestand is waarschijnlijk Windows-1252 (daarin is 0xe9 '"'é'"'); sla het bestand op als UTF-8 [bron-utf8]"'
fresh
printf '\nCaf\351 en caf\303\251.\n' >>"$T/v/themas.md"
run check "$T/v"
check "ongeldige UTF-8 naast geldige UTF-8: niet Windows-1252 genoemd" \
	'[ "$(rc)" = 1 ] && has "$T/v/themas.md:13:4: fout: ongeldige UTF-8 op byte 172 (0xe9); sla het bestand op als UTF-8 [bron-utf8]"'

# --- empty files ------------------------------------------------------------------
fresh
: >"$T/v/3-wmo.md"
run check "$T/v"
check "leeg deelbestand: bron-leeg, status 1" \
	'[ "$(rc)" = 1 ] && has "$T/v/3-wmo.md:1:1: fout: het bestand is leeg; schrijf er tekst in of verwijder het [bron-leeg]" && has "1 fout, 0 waarschuwingen"'
fresh
printf '\357\273\277' >"$T/v/verordening.md"
run build "$T/v" -o "$T/out"
check "verordening.md met alleen een BOM: leeg, niets geschreven" \
	'[ "$(rc)" = 1 ] && has "$T/v/verordening.md:1:1: fout: het bestand is leeg; schrijf er tekst in of verwijder het [bron-leeg]" && [ ! -e "$T/out" ]'

# --- size -------------------------------------------------------------------------
# 10 MB of articles in one part file: checked in bounded time and memory.
fresh
python3 - "$T/v/3-wmo.md" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("# Deel 3 Zorg en ondersteuning {wet=wmo}\n\n## Hoofdstuk 4 Thuis\n\n")
    f.write('### Artikel 4.1 Maatwerkvoorziening {#maatwerk thema=wonen grondslag="artikel 2.1.3, tweede lid, onder a, van de Wmo 2015"}\n\n#### Doel\n\nU woont zelfstandig.\n\n#### Regels\n\n')
    para = "Het college kan een maatwerkvoorziening verstrekken na een melding als bedoeld in [artikel 2.1](#melding).\n\n"
    f.write(para * (10_000_000 // len(para)))
PY
run check "$T/v"
echo "# 10 MB: $(secs) s, $(mb) MB"
check "bestand van 10 MB: status 0 binnen 120 s en 1 GB (ASan: 3x)" \
	'[ "$(rc)" = 0 ] && [ "$(secs)" -lt $((120 * slow)) ] && [ "$(mb)" -lt $((1024 * slow)) ]'
# 100 MB in one file: refused after reading at most the cap.
fresh
head -c 104857600 /dev/zero | tr '\0' 'a' >"$T/v/3-wmo.md"
run check "$T/v"
echo "# 100 MB: $(secs) s, $(mb) MB"
check "bestand van 100 MB: bron-te-groot, binnen 60 s en 400 MB (ASan: 3x)" \
	'[ "$(rc)" = 1 ] && has "$T/v/3-wmo.md:1:1: fout: bestand is groter dan 64 MiB; ovc leest het niet [bron-te-groot]" && [ "$(secs)" -lt $((60 * slow)) ] && [ "$(mb)" -lt $((400 * slow)) ]'

# --- depth (reported once per file, at the first node too deep) ---------------------------
fresh
printf '\n' >>"$T/v/themas.md"
python3 -c 'import sys; sys.stdout.write("- " * 10000 + "x\n")' >>"$T/v/themas.md"
run check "$T/v"
check "lijst 10.000 diep: één melding met plaats, status 1" \
	'[ "$(rc)" = 1 ] && has "$T/v/themas.md:13:33: fout: nesting dieper dan 32 niveaus; ovc laat de diepere tekst weg [structuur-lijst]" && has "1 fout, 0 waarschuwingen"'
fresh
printf '\n' >>"$T/v/themas.md"
python3 -c 'import sys; sys.stdout.write("> " * 10000 + "y\n")' >>"$T/v/themas.md"
run check "$T/v"
check "citaat 10.000 diep: één melding met plaats, status 1" \
	'[ "$(rc)" = 1 ] && has "$T/v/themas.md:13:65: fout: nesting dieper dan 32 niveaus; ovc laat de diepere tekst weg [structuur-lijst]" && has "1 fout, 0 waarschuwingen"'

# --- 100,000 articles ---------------------------------------------------------------
rm -rf "$T/big"
python3 "$ROOT/scripts/gen-ordinance.py" "$T/big" --articles 100000 >/dev/null
run check "$T/big"
in=$(cat "$T"/big/*.md | wc -c)
echo "# 100.000 artikelen ($((in / 1000000)) MB): $(secs) s, $(mb) MB"
check "100.000 artikelen: status 0 of 1 zonder crash, binnen 300 s en 16x de invoer (ASan: 3x)" \
	'[ "$(rc)" -le 1 ] && [ "$(secs)" -lt $((300 * slow)) ] && [ "$(mb)" -lt $(((in * 16 / 1048576 + 64) * slow)) ]'

# --- a folder where a file belongs -----------------------------------------------------
fresh
rm "$T/v/3-wmo.md" && mkdir "$T/v/3-wmo.md"
run check "$T/v"
check "map met de naam 3-wmo.md: status 2" \
	'[ "$(rc)" = 2 ] && has "ovc: '"'$T/v/3-wmo.md'"' is geen gewoon bestand (maar een map); ovc leest alleen gewone .md-bestanden"'
fresh
rm "$T/v/verordening.md" && mkdir "$T/v/verordening.md"
run check "$T/v"
check "map met de naam verordening.md: status 2" \
	'[ "$(rc)" = 2 ] && has "ovc: '"'$T/v/verordening.md'"' is geen gewoon bestand (maar een map); ovc leest alleen gewone .md-bestanden"'
fresh
rm "$T/v/illustraties/wonen.svg" && mkdir "$T/v/illustraties/wonen.svg"
run check "$T/v"
check "map met de naam van een illustratie: fout bij het gebruik" \
	'[ "$(rc)" = 1 ] && has "$T/v/themas.md:5:1: fout: illustratie '"'illustraties/wonen.svg'"' is geen gewoon bestand [illustratie-bestand]"'

# --- raw HTML and unsafe links ---------------------------------------------------------------
fresh
printf '\n<script>alert(1)</script>\n\nTekst <b onclick="x()">vet</b> <img src=x onerror=alert(2)>.\n' >>"$T/v/themas.md"
run build "$T/v" -o "$T/out"
W="komt niet in de uitvoer; schrijf de tekst in Markdown [html-weggelaten]"
e1="$T/v/themas.md:13:1: waarschuwing: ovc neemt geen HTML over: '<script>alert(1)</script>' $W"
e2="$T/v/themas.md:15:7: waarschuwing: ovc neemt geen HTML over: '<b onclick=\"x()\">' $W"
e3="$T/v/themas.md:15:32: waarschuwing: ovc neemt geen HTML over: '<img src=x onerror=alert(2)>' $W"
check "ruwe HTML: gemeld als html-weggelaten, status 0" \
	'[ "$(rc)" = 0 ] && has "$e1" && has "$e2" && has "$e3" && has "0 fouten, 4 waarschuwingen"'
check "ruwe HTML: niets ervan in de HTML-edities of de AKN" \
	'! grep -l "alert\|onclick\|onerror" "$T"/out/*.html "$T/out/verordening.akn.xml" >/dev/null'
fresh
printf '\nZie [klik](javascript:alert(1)) en [d](data:text/html,x) en [v](vbscript:x).\n' >>"$T/v/themas.md"
run build "$T/v" -o "$T/out"
L="fout: ovc publiceert alleen links naar https:, http:, mailto: of een #label, niet"
e1="$T/v/themas.md:13:5: $L 'javascript:alert(1)' [link-onveilig]"
e2="$T/v/themas.md:13:36: $L 'data:text/html,x' [link-onveilig]"
e3="$T/v/themas.md:13:61: $L 'vbscript:x' [link-onveilig]"
check "javascript:, data: en vbscript:-links: fout met plaats, niets geschreven" \
	'[ "$(rc)" = 1 ] && has "$e1" && has "$e2" && has "$e3" && [ ! -e "$T/out" ]'

echo "1..$n"
[ "$failed" -eq 0 ]
