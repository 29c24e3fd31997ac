#!/bin/sh
# The command line as a user meets it: exit statuses, output formats, bad
# input (missing folder, unreadable file, invalid UTF-8, NUL bytes, a 10 MB
# file, lists nested 10,000 deep), atomic and reproducible outputs, and the
# AKN output valid against the Akoma Ntoso 3.0 schema. Prints TAP.
set -u
: "${OVC:=build/ovc}"
OVC=$(cd "$(dirname "$OVC")" && pwd)/$(basename "$OVC")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BASE=$ROOT/tests/fixtures/minimaal
SCHEMA=$ROOT/tests/schemas/akomantoso30.xsd
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
n=0 failed=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
fail() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/#   /'; }
check() { if eval "$2"; then ok "$1"; else fail "$1" "$(cat "$T/err" 2>/dev/null | head -20)"; fi; }

fresh() { rm -rf "$T/v" "$T/out"; cp -R "$BASE" "$T/v"; }
run() { "$OVC" "$@" >"$T/out.txt" 2>"$T/err"; echo $? >"$T/rc"; }
rc() { cat "$T/rc"; }

# --- usage -----------------------------------------------------------------
run --help
check "--help toont gebruik met voorbeelden en geeft 0" '[ "$(rc)" = 0 ] && grep -q "Voorbeelden:" "$T/out.txt" && grep -q "ovc check" "$T/out.txt"'
run --version
check "--version geeft de versie" '[ "$(rc)" = 0 ] && grep -q "^ovc [0-9]" "$T/out.txt"'
run
check "zonder opdracht: afsluitstatus 2" '[ "$(rc)" = 2 ] && grep -q "geef een opdracht" "$T/err"'
run maak
check "onbekende opdracht: afsluitstatus 2" '[ "$(rc)" = 2 ] && grep -q "onbekende opdracht" "$T/err"'
run check --format=xml "$BASE"
check "onbekend formaat: afsluitstatus 2" '[ "$(rc)" = 2 ] && grep -q "onbekend formaat" "$T/err"'

# --- clean input, formats, exit statuses --------------------------------------
fresh
run check "$T/v"
check "schone verordening: status 0 en 'geen fouten'" '[ "$(rc)" = 0 ] && grep -q "geen fouten, geen waarschuwingen" "$T/err"'

fresh
printf '\nZie artikel 9.9 en artikel 2.1 lid 2.\n' >>"$T/v/verordening.md"
run check "$T/v"
check "fout geeft status 1 met de telling" '[ "$(rc)" = 1 ] && tail -1 "$T/err" | grep -qx "1 fout, 1 waarschuwing"'
check "tekstformaat: bestand:regel:kolom, bronregel en caret" 'grep -q "^$T/v/verordening.md:19:5: fout: artikel 9.9 bestaat niet in deze verordening \[verwijzing-artikel\]$" "$T/err" && grep -q "^   19 | Zie artikel 9.9" "$T/err" && grep -q "^      |     ^~~~~~~~~~~$" "$T/err"'
run check --format=json "$T/v"
check "--format=json: diagnostics met alle velden" '[ "$(rc)" = 1 ] && python3 -c "
import json,sys
d=json.load(open(\"$T/out.txt\"))
x=d[\"diagnostics\"][0]
assert set([\"file\",\"line\",\"column\",\"end_line\",\"end_column\",\"severity\",\"rule\",\"message\"]) <= set(x)
assert (x[\"line\"],x[\"column\"],x[\"end_column\"],x[\"severity\"],x[\"rule\"])==(19,5,16,\"fout\",\"verwijzing-artikel\"), x
assert d[\"diagnostics\"][1][\"severity\"]==\"waarschuwing\" and d[\"diagnostics\"][1][\"fix\"]==\", tweede lid\"
assert d[\"errors\"]==1 and d[\"warnings\"]==1
"'
run check --format=sarif "$T/v"
check "--format=sarif: SARIF 2.1.0 met regels, resultaten en fix" '[ "$(rc)" = 1 ] && python3 -c "
import json
d=json.load(open(\"$T/out.txt\"))
assert d[\"version\"]==\"2.1.0\"
run=d[\"runs\"][0]
ids=[r[\"id\"] for r in run[\"tool\"][\"driver\"][\"rules\"]]
assert \"verwijzing-artikel\" in ids and len(ids)==len(set(ids))
r=run[\"results\"][0]
assert r[\"ruleId\"]==\"verwijzing-artikel\" and r[\"level\"]==\"error\"
reg=r[\"locations\"][0][\"physicalLocation\"][\"region\"]
assert (reg[\"startLine\"],reg[\"startColumn\"],reg[\"endColumn\"])==(19,5,16)
assert run[\"results\"][1][\"fixes\"][0][\"artifactChanges\"][0][\"replacements\"][0][\"insertedContent\"][\"text\"]==\", tweede lid\"
"'

fresh
printf '\nIn lid 2 staat het.\n' >>"$T/v/verordening.md"
run check "$T/v"
check "alleen waarschuwingen: status 0" '[ "$(rc)" = 0 ]'
run check --werror "$T/v"
check "--werror: waarschuwingen tellen als fout, status 1" '[ "$(rc)" = 1 ] && grep -q ": fout: schrijf" "$T/err"'

# --- bad input ----------------------------------------------------------------------
run check "$T/bestaat-niet"
check "ontbrekende map: status 2 en een Nederlandse melding" '[ "$(rc)" = 2 ] && grep -q "kan de map .* niet openen" "$T/err"'

fresh
rm "$T/v/verordening.md"
run check "$T/v"
check "verordening.md ontbreekt: status 2" '[ "$(rc)" = 2 ] && grep -q "verordening.md. ontbreekt" "$T/err"'

fresh
mkdir "$T/v/kapot.md"
run check "$T/v"
check "onleesbaar bestand (een map met .md): status 2" '[ "$(rc)" = 2 ] && grep -qx "ovc: .$T/v/kapot.md. is geen gewoon bestand (maar een map); ovc leest alleen gewone .md-bestanden" "$T/err"'

fresh
printf '\n## Kop\n\nTekst met een fout byte: \377 hier.\n' >>"$T/v/verordening.md"
run check "$T/v"
check "ongeldige UTF-8: fout met byte-offset, status 1" '[ "$(rc)" = 1 ] && grep -q "verordening.md:21:26: fout: ongeldige UTF-8 op byte [0-9]* (0xff)" "$T/err"'
run build "$T/v" -o "$T/out"
check "ongeldige UTF-8: build schrijft niets" '[ "$(rc)" = 1 ] && [ ! -e "$T/out" ]'

fresh
printf 'Tekst\000met NUL.\n' >>"$T/v/themas.md"
run check "$T/v"
check "NUL-teken: fout met plaats, status 1" '[ "$(rc)" = 1 ] && grep -q "themas.md:[0-9]*:6: fout: NUL-teken op byte" "$T/err"'

fresh
python3 - "$T/v/verordening.md" <<'EOF'
import sys
with open(sys.argv[1], "a") as f:
    f.write("\n## Groot\n\n")
    line = "Dit is een lange toelichting met veel woorden over de ondersteuning. " * 4 + "\n\n"
    while f.tell() < 10 * 1024 * 1024:
        f.write(line)
EOF
run check "$T/v"
check "bestand van 10 MB: geen crash, status 0" '[ "$(rc)" = 0 ]'

fresh
python3 - "$T/v/verordening.md" <<'EOF'
import sys
with open(sys.argv[1], "a") as f:
    # list items nest on one line ("1. 1. 1. x"), block quotes likewise
    f.write("\n" + "1. " * 10000 + "x\n\n" + "> " * 10000 + "x\n")
EOF
run check "$T/v"
check "lijsten 10.000 diep: een melding, geen crash" '[ "$(rc)" = 1 ] && grep -q "nesting dieper dan 32 niveaus" "$T/err"'

fresh
printf '### \n' >>"$T/v/4-jeugdwet.md"
run check "$T/v"
check "kop zonder tekst: fout met plaats" '[ "$(rc)" = 1 ] && grep -q "4-jeugdwet.md:[0-9]*:1: fout: kop zonder tekst \[structuur-leeg\]" "$T/err"'

# --- build: outputs, atomicity, reproducibility ----------------------------------
fresh
before=$(cd "$T/v" && find . -type f -exec sha256sum {} + | sort | sha256sum)
run build "$T/v" -o "$T/out"
check "build schrijft verordening.akn.xml en de illustraties" '[ "$(rc)" = 0 ] && [ -s "$T/out/verordening.akn.xml" ] && [ -s "$T/out/illustraties/wonen.svg" ]'
check "geen tijdelijke bestanden achtergelaten" '[ -z "$(find "$T/out" -name "*.tmp-*")" ]'
check "de bronnen blijven ongewijzigd" '[ "$before" = "$(cd "$T/v" && find . -type f -exec sha256sum {} + | sort | sha256sum)" ]'
xmllint --noout --schema "$SCHEMA" "$T/out/verordening.akn.xml" >"$T/err" 2>&1
check "AKN is geldig tegen akomantoso30.xsd" '[ $? -eq 0 ] || grep -q "validates" "$T/err"'
cp "$T/out/verordening.akn.xml" "$T/eerste.xml"
run build "$T/v" -o "$T/out"
check "twee builds geven dezelfde bytes" 'cmp -s "$T/eerste.xml" "$T/out/verordening.akn.xml"'
check "AKN: eIds, verwijzingen en begrippen" 'grep -q "<article eId=\"art_2.1\"" "$T/out/verordening.akn.xml" && grep -q "<point eId=\"art_2.1__para_2__point_a\">" "$T/out/verordening.akn.xml" && grep -q "<ref href=\"#art_2.1__para_2__point_a\">Het tweede lid, onder a</ref>" "$T/out/verordening.akn.xml" && grep -q "<term refersTo=\"#term-college\">college</term>" "$T/out/verordening.akn.xml" && grep -q "jci1.3:c:BWBR0035362&amp;artikel=2.3.2" "$T/out/verordening.akn.xml"'

printf '\nZie artikel 9.9.\n' >>"$T/v/verordening.md"
run build "$T/v" -o "$T/out"
check "build met fouten laat de vorige uitvoer staan" '[ "$(rc)" = 1 ] && cmp -s "$T/eerste.xml" "$T/out/verordening.akn.xml" && grep -q "niets geschreven" "$T/err"'

# --- the shipped ordinance --------------------------------------------------------
# It must stay clean: no errors, no warnings (readability included), and the
# build must succeed; the README's sample diagnostic must be what ovc prints.
run check "$ROOT/verordening"
check "meegeleverde verordening: geen fouten, geen waarschuwingen" '[ "$(rc)" = 0 ] && tail -1 "$T/err" | grep -qx "geen fouten, geen waarschuwingen"'
run build "$ROOT/verordening" -o "$T/echt"
check "meegeleverde verordening: build slaagt" '[ "$(rc)" = 0 ] && [ -s "$T/echt/verordening.akn.xml" ]'
xmllint --noout --schema "$SCHEMA" "$T/echt/verordening.akn.xml" >"$T/err" 2>&1
check "AKN van de meegeleverde verordening is geldig" '[ $? -eq 0 ] || grep -q "validates" "$T/err"'

# The README shows the diagnostic for lid 8 of article 10.3 citing a ninth lid.
rm -rf "$T/readme" && mkdir -p "$T/readme" && cp -R "$ROOT/verordening" "$T/readme/verordening"
sed -i 's/hulpverleningsrelatie is de bijdrage niet hoger dan het bedrag, bedoeld in het tweede lid\./hulpverleningsrelatie is de bijdrage niet hoger dan het bedrag, bedoeld in het negende lid./' "$T/readme/verordening/3-wmo.md"
(cd "$T/readme" && "$OVC" check --kleur=nooit >"$T/readme.out" 2>&1)
sed -n '/^\$ build\/ovc check$/,/^```$/p' "$ROOT/README.md" | sed '1d;$d' >"$T/readme.want"
check "README: de voorbeeldmelding is wat ovc echt meldt" 'diff "$T/readme.want" "$T/readme.out" >"$T/err"'

# --- the PDF module (src/pdfmodule.h) ----------------------------------------------
# ovc loads ovc-pdf.so beside itself or from ../lib/ovc/; check needs no module,
# build without one stops before it writes anything.
mkdir -p "$T/los" && cp "$OVC" "$T/los/ovc"
fresh
"$T/los/ovc" check "$T/v" >"$T/out.txt" 2>"$T/err"; echo $? >"$T/rc"
check "ovc zonder PDF-module: check werkt" '[ "$(rc)" = 0 ]'
"$T/los/ovc" build "$T/v" -o "$T/out" >"$T/out.txt" 2>"$T/err"; echo $? >"$T/rc"
check "ovc zonder PDF-module: build zegt waar hij zocht, status 2, schrijft niets" '[ "$(rc)" = 2 ] && grep -qx "ovc: de PDF-module ontbreekt: niet gevonden als $T/los/ovc-pdf.so of $T/los/../lib/ovc/ovc-pdf.so (make bouwt hem; make install zet hem naast ovc)" "$T/err" && [ ! -e "$T/out" ]'
head -c 4096 /dev/zero | tr '\0' x >"$T/los/ovc-pdf.so"
"$T/los/ovc" build "$T/v" -o "$T/out" >"$T/out.txt" 2>"$T/err"; echo $? >"$T/rc"
check "kapotte PDF-module: status 2 met de reden" '[ "$(rc)" = 2 ] && grep -q "^ovc: kan de PDF-module $T/los/ovc-pdf.so niet laden: invalid ELF header; bouw ovc opnieuw met make, of installeer het opnieuw met make install\$" "$T/err" && [ ! -e "$T/out" ]'
# make install: PREFIX/bin/ovc finds PREFIX/lib/ovc/ovc-pdf.so.
(cd "$ROOT" && make -s install PREFIX="$T/prefix" ${OVC_MAKEVARS:-}) >"$T/err" 2>&1
"$T/prefix/bin/ovc" build "$T/v" -o "$T/out" >"$T/out.txt" 2>>"$T/err"; echo $? >"$T/rc"
check "make install: de geïnstalleerde ovc maakt beide PDF's" '[ "$(rc)" = 0 ] && [ -s "$T/out/verordening.pdf" ] && [ -s "$T/out/publieksversie.pdf" ] && [ -s "$T/prefix/share/man/man1/ovc.1" ]'

echo "1..$n"
[ "$failed" -eq 0 ]
