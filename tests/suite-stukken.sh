#!/bin/sh
# A part file parsed by cmark in pieces (src/model/parse_cut.h) gives the
# same ordinance as the file parsed whole: with OVC_PARSE_CUT_BYTES=1 every
# allowed cut is made, and the diagnostics (JSON) and the AKN must be the
# same bytes as with the default pieces of 1 MB, which these texts never
# reach. Real texts: the shipped ordinance, the Jeugdwet and the other
# texts in tests/data/real/, the literate examples of tests/checks/.
# Prints TAP.
set -u
: "${OVC:=build/ovc}"
OVC=$(cd "$(dirname "$OVC")" && pwd)/$(basename "$OVC")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
n=0 failed=0
export SOURCE_DATE_EPOCH=1767225600
ok() { n=$((n + 1)); echo "ok $n - $1"; }
fail() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/#   /'; }

same_check() { # NAME DIR
	"$OVC" check --format=json "$2" >"$T/whole.json" 2>&1
	OVC_PARSE_CUT_BYTES=1 "$OVC" check --format=json "$2" >"$T/cut.json" 2>&1
	if cmp -s "$T/whole.json" "$T/cut.json"; then
		ok "$1: dezelfde meldingen in stukken als in het geheel"
	else
		fail "$1: dezelfde meldingen in stukken als in het geheel" "$(diff "$T/whole.json" "$T/cut.json" | head -20)"
	fi
}

same_check "verordening" "$ROOT/verordening"
for d in "$ROOT"/tests/data/real/*/verordening; do
	[ -f "$d/verordening.md" ] && same_check "$(basename "$(dirname "$d")")" "$d"
done

# Every output of the shipped ordinance (AKN, HTML, PDF), byte for byte;
# on a copy, as a build keeps its numbering record beside the sources.
cp -R "$ROOT/verordening" "$T/v1"
cp -R "$ROOT/verordening" "$T/v2"
"$OVC" build "$T/v1" -o "$T/a" >/dev/null 2>&1
OVC_PARSE_CUT_BYTES=1 "$OVC" build "$T/v2" -o "$T/b" >/dev/null 2>&1
if [ -s "$T/a/verordening.akn.xml" ] && diff -r "$T/a" "$T/b" >"$T/d" 2>&1; then
	ok "verordening: dezelfde uitvoer (AKN, HTML, PDF) in stukken als in het geheel"
else
	fail "verordening: dezelfde uitvoer (AKN, HTML, PDF) in stukken als in het geheel" "$(head -20 "$T/d")"
fi

# A 100,000-article text is cut (pieces of 1 MB) and gives the diagnostics
# of pieces of 64 MB (one piece per file).
python3 "$ROOT/scripts/gen-ordinance.py" "$T/big" --articles 12000 >/dev/null
"$OVC" check --format=json "$T/big" >"$T/p1.json" 2>&1
OVC_PARSE_CUT_BYTES=67108864 "$OVC" check --format=json "$T/big" >"$T/p64.json" 2>&1
OVC_PARSE_CUT_BYTES=4096 "$OVC" check --format=json "$T/big" >"$T/p4k.json" 2>&1
if cmp -s "$T/p1.json" "$T/p64.json" && cmp -s "$T/p1.json" "$T/p4k.json"; then
	ok "12.000 artikelen: dezelfde meldingen in stukken van 4 KB, 1 MB en 64 MB"
else
	fail "12.000 artikelen: dezelfde meldingen in stukken van 4 KB, 1 MB en 64 MB" "$(diff "$T/p1.json" "$T/p4k.json" | head -20)"
fi

echo "1..$n"
[ "$failed" -eq 0 ]
