#!/bin/sh
# leesbaarheid.html from `ovc build`: written, the figures of a hand-counted
# article, links to the legal edition, accessible charts (title, desc, table),
# the longest sentences with file:line, reproducible, valid HTML (vnu) and
# axe-core clean at 1280, 390 and 320 px. Prints TAP.
set -u
: "${OVC:=build/ovc}"
OVC=$(cd "$(dirname "$OVC")" && pwd)/$(basename "$OVC")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BASE=$ROOT/tests/fixtures/minimaal
NM=$ROOT/tests/html/node_modules
VNU=$NM/vnu-jar/build/dist/vnu.jar
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
n=0 failed=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
fail() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/#   /'; }
check() { if eval "$2"; then ok "$1"; else fail "$1" "$(head -20 "$T/err" 2>/dev/null)"; fi; }

# Article 4.1 as in tests/suite-stats.sh (counted by hand there):
# legal 13 words, 3 sentences, ASL 4.3, Flesch-Douma 102.1; citizen 10 words, 2 sentences, 109.8.
cp -R "$BASE" "$T/v"
cat >"$T/v/3-wmo.md" <<'MD'
# Deel 3 Zorg en ondersteuning {wet=wmo}

## Hoofdstuk 4 Thuis

### Artikel 4.1 Maatwerkvoorziening {#maatwerk thema=wonen grondslag="artikel 2.1.3, tweede lid, onder a, van de Wmo 2015"}

#### Doel

U woont zelfstandig.

#### Regels

Het college helpt u thuis. De hulp past bij u.

#### Voor inwoners

De gemeente helpt u. U krijgt een brief van ons.
MD

"$OVC" build "$T/v" -o "$T/out" >"$T/log" 2>"$T/err"
rc=$?
H=$T/out/leesbaarheid.html
check "ovc build schrijft leesbaarheid.html" '[ "$rc" = 0 ] && [ -s "$H" ]'
tr -d '\n' <"$H" >"$T/flat.html"
check "artikel 4.1: 13 woorden, 3 zinnen, gzl 4,3, Douma 102,1 | 10 woorden, 2 zinnen, Douma 109,8" \
	'grep -q "<td>13</td><td>3</td><td>4,3</td><td>1,31</td><td>102,1</td><td>99,1</td><td>10</td><td>2</td><td>5,0</td><td>1,20</td><td>109,8</td><td>105,0</td>" "$T/flat.html"'
check "elk artikel linkt naar de juridische editie" \
	'[ "$(grep -o "<th scope=\"row\" class=\"l\"><a href=\"verordening.html#art_[0-9.]*\">" "$T/flat.html" | wc -l)" = 6 ]'
check "per deel twee grafieken (4 delen: 8), elk met title en desc" \
	'[ "$(grep -o "<svg " "$T/flat.html" | wc -l)" = 8 ] && [ "$(grep -o "<title id=\"g[0-9]*-t\">" "$T/flat.html" | wc -l)" = 8 ] && [ "$(grep -o "<desc id=\"g[0-9]*-d\">" "$T/flat.html" | wc -l)" = 8 ]'
check "de langste zin voor inwoners staat er met bestand:regel" \
	'grep -q "<strong>6 woorden</strong> <span class=\"plaats\">(<a href=\"verordening.html#art_4.1\">artikel 4.1</a>, 3-wmo.md:17)</span><br>U krijgt een brief van ons.</li>" "$T/flat.html"'
check "geen script, geen externe bronnen" '! grep -Eq "<script|src=\"http|href=\"http" "$H"'
"$OVC" build "$T/v" -o "$T/out2" >/dev/null 2>&1
check "reproduceerbaar: twee builds geven dezelfde pagina" 'cmp -s "$H" "$T/out2/leesbaarheid.html"'

if [ -f "$VNU" ] && command -v java >/dev/null 2>&1; then
	if java -jar "$VNU" --stdout "$H" >"$T/err" 2>&1 && [ ! -s "$T/err" ]; then
		ok "vnu: 0 fouten en 0 waarschuwingen"
	else
		fail "vnu: fouten of waarschuwingen" "$(head -20 "$T/err")"
	fi
	if [ -d "$NM/axe-core" ] && [ -d "$NM/playwright-core" ] && [ -x /usr/bin/chromium ]; then
		node "$ROOT/tests/html/axe-check.js" --start $((n + 1)) --widths 1280,390,320 "$H" >"$T/axe" 2>&1
		cat "$T/axe"
		failed=$((failed + $(grep -c "^not ok" "$T/axe")))
		n=$((n + $(grep -c -E "^(not )?ok" "$T/axe")))
	fi
else
	fail "vnu-jar en java geïnstalleerd (npm ci --prefix tests/html; deps/test.txt)"
fi

echo "1..$n"
[ "$failed" -eq 0 ]
