#!/bin/sh
# ovc stats: the readability figures per article as a table and as JSON
# (shape of the JSON, a hand-counted article, null where an article has no
# Voor inwoners text, sums, errors). Prints TAP.
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
run() { "$OVC" "$@" >"$T/out.txt" 2>"$T/err"; echo $? >"$T/rc"; }
rc() { cat "$T/rc"; }

# The fixture with article 4.1 replaced by a text counted by hand:
#   legal (B2): U(1) woont(1) zelf-stan-dig(3) . | Het(1) col-le-ge(3) helpt(1) u(1) thuis(1) .
#               De(1) hulp(1) past(1) bij(1) u(1) .
#     13 words, 3 sentences, 17 syllables; ASL 4.33, ASW 1.308
#     Flesch-Douma 206.84 - 77*17/13 - 0.93*13/3 = 102.12; Brouwer 195 - 2*13/3 - 66.67*17/13 = 99.149
#   citizen (B1): De(1) ge-meen-te(3) helpt(1) u(1) . U(1) krijgt(1) een(1) brief(1) van(1) ons(1) .
#     10 words, 2 sentences, 12 syllables; ASL 5, ASW 1.2; Flesch-Douma 109.79; Brouwer 104.996
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

run stats "$T/v" --format=json
cp "$T/out.txt" "$T/stats.json"
check "stats --format=json: status 0 en geldige JSON" '[ "$(rc)" = 0 ] && python3 -m json.tool "$T/stats.json" >/dev/null'

py() { python3 - "$T/stats.json" "$@" >"$T/err" 2>&1; }

py <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
keys = {"words", "sentences", "syllables", "asl", "asw", "flesch_douma", "brouwer"}
assert set(d) >= {"articles", "edition"}, d.keys()
assert len(d["articles"]) == 6, len(d["articles"])
for a in d["articles"]:
    assert set(a) >= {"number", "eId", "legal", "citizen"}, a.keys()
    assert keys <= set(a["legal"]), a["legal"].keys()
    assert a["citizen"] is None or keys <= set(a["citizen"])
assert keys <= set(d["edition"]["legal"]) and keys <= set(d["edition"]["citizen"])
PY
check "JSON: articles met number, eId, legal en citizen; edition met legal en citizen; alle cijfers aanwezig" '[ $? = 0 ]'

py <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
a = [x for x in d["articles"] if x["number"] == "4.1"][0]
assert a["eId"] == "art_4.1", a["eId"]
l = a["legal"]
assert (l["words"], l["sentences"], l["syllables"]) == (13, 3, 17), l
assert (l["asl"], l["asw"], l["flesch_douma"], l["brouwer"]) == (4.33, 1.308, 102.12, 99.15), l
c = a["citizen"]
assert (c["words"], c["sentences"], c["syllables"]) == (10, 2, 12), c
assert (c["asl"], c["asw"], c["flesch_douma"], c["brouwer"]) == (5.0, 1.2, 109.79, 105.0), c
PY
check "artikel 4.1: woorden, zinnen, lettergrepen, Flesch-Douma en Brouwer zoals met de hand geteld" '[ $? = 0 ]'

py <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
none = [x["number"] for x in d["articles"] if x["citizen"] is None]
assert none == ["1.1", "1.2", "3.1", "5.1"], none
for k in ("words", "sentences", "syllables"):
    assert d["edition"]["legal"][k] == sum(x["legal"][k] for x in d["articles"]), k
    assert d["edition"]["citizen"][k] == sum(x["citizen"][k] for x in d["articles"] if x["citizen"]), k
PY
check "citizen is null zonder Voor inwoners; de editie is de som van de artikelen" '[ $? = 0 ]'

run stats "$T/v"
check "tabel: rij voor 4.1 met Douma 102,1 en 109,8 (decimale komma)" \
	'[ "$(rc)" = 0 ] && grep -Eq "^4\.1 +13 +3 +4,3 +1,31 +102,1 +99,1 +\| +10 +2 +5,0 +1,20 +109,8 +105,0$" "$T/out.txt"'
check "tabel: een artikel zonder Voor inwoners toont streepjes" \
	'grep -Eq "^3\.1 .*\| +– +– +– +– +– +–$" "$T/out.txt"'

run stats "$T/bestaat-niet"
check "stats op een map die niet bestaat: afsluitstatus 2" '[ "$(rc)" = 2 ] && grep -q "kan de map" "$T/err"'
run stats "$T/v" --format=sarif
check "stats --format=sarif: afsluitstatus 2" '[ "$(rc)" = 2 ] && grep -q "stats kent alleen" "$T/err"'

echo "1..$n"
[ "$failed" -eq 0 ]
