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
chmod 000 "$T/v/3-wmo.md"
run check "$T/v"
if [ "$(id -u)" = 0 ]; then
	ok "# SKIP onleesbaar bestand: root leest alles"
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

echo "1..$n"
[ "$failed" -eq 0 ]
