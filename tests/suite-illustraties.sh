#!/bin/sh
# The illustrations of the shipped ordinance (docs/illustraties.md): every
# picture that verordening/*.md references exists, is a well-formed SVG in
# the house format (viewBox 0 0 320 240, role="img", aria-labelledby naming a
# non-empty <title> and <desc>, <desc> equal to the alt text, under 8 KB),
# holds nothing unsafe or font-dependent (<script>, on* attributes, external
# href/url()/DOCTYPE, <text>, <image>, <style>, <filter>, <foreignObject>),
# renders with rsvg-convert without a message, and no SVG in the folder goes
# unused. Prints TAP; exits 1 on any failure.
#
# Usage: sh tests/suite-illustraties.sh [VERORDENING-DIR]
# (default: verordening/ of this checkout; give a broken copy to see it fail)
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${1:-$ROOT/verordening}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
n=0 failed=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
fail() {
	n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"
	[ -n "${2:-}" ] && printf '%s\n' "$2" | head -10 | sed 's/^/#   /'
	return 0
}

for tool in xmllint rsvg-convert; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "not ok 1 - $tool ontbreekt (deps/test.txt)"
		exit 1
	fi
done

# x PATH XPATH: the string value of XPATH in the SVG at PATH.
x() { xmllint --nonet --xpath "$2" "$1" 2>/dev/null; }

# Every reference in the Markdown: "path<TAB>alt text", one per line.
for md in "$DIR"/*.md; do
	[ -f "$md" ] || continue
	grep -o '!\[[^]]*\]([^)]*)' "$md" |
		sed -n 's/^!\[\([^]]*\)\](\([^)]*\))$/\2\t\1/p'
done | sort -u -t "$(printf '\t')" -k1,1 >"$T/refs"

if [ -s "$T/refs" ]; then
	ok "de verordening verwijst naar $(wc -l <"$T/refs") illustraties"
else
	fail "de verordening verwijst naar geen enkele illustratie"
fi

TAB=$(printf '\t')
while IFS="$TAB" read -r rel alt; do
	f=$DIR/$rel
	case "$rel" in
	illustraties/*.svg) ;;
	*) fail "$rel: een illustratie is een SVG in illustraties/"; continue ;;
	esac
	if [ ! -f "$f" ]; then
		fail "$rel bestaat"
		continue
	fi
	ok "$rel bestaat"

	if ! xmllint --nonet --noout "$f" 2>"$T/err"; then
		fail "$rel is goedgevormde XML" "$(cat "$T/err")"
		continue
	fi
	ok "$rel is goedgevormde XML"

	root=$(x "$f" 'concat(local-name(/*), " ", namespace-uri(/*))')
	vb=$(x "$f" 'string(/*/@viewBox)')
	if [ "$root" = "svg http://www.w3.org/2000/svg" ] && [ "$vb" = "0 0 320 240" ]; then
		ok "$rel: <svg> met viewBox 0 0 320 240"
	else
		fail "$rel: <svg> met viewBox 0 0 320 240" "hoofdelement: '$root', viewBox: '$vb'"
	fi

	title=$(x "$f" 'normalize-space(/*/*[local-name()="title"])')
	desc=$(x "$f" 'normalize-space(/*/*[local-name()="desc"])')
	if [ -n "$title" ] && [ -n "$desc" ]; then
		ok "$rel: <title> en <desc> zijn niet leeg"
	else
		fail "$rel: <title> en <desc> zijn niet leeg" "title: '$title', desc: '$desc'"
	fi

	# role="img" and aria-labelledby naming exactly the title and the desc.
	role=$(x "$f" 'string(/*/@role)')
	ids=$(x "$f" 'string(/*/@aria-labelledby)')
	want="$(x "$f" 'string(/*/*[local-name()="title"]/@id)') $(x "$f" 'string(/*/*[local-name()="desc"]/@id)')"
	if [ "$role" = img ] && [ "$ids" = "$want" ] && [ "$want" != " " ]; then
		ok "$rel: role=\"img\" en aria-labelledby naar <title> en <desc>"
	else
		fail "$rel: role=\"img\" en aria-labelledby naar <title> en <desc>" \
			"role: '$role', aria-labelledby: '$ids', verwacht: '$want'"
	fi

	if [ "$desc" = "$alt." ] || [ "$desc" = "$alt" ]; then
		ok "$rel: <desc> is de alt-tekst"
	else
		fail "$rel: <desc> is de alt-tekst" "desc: $desc
alt:  $alt"
	fi

	bad=$(x "$f" 'count(//*[local-name()="script" or local-name()="foreignObject" or local-name()="image"
		or local-name()="style" or local-name()="filter"]) + count(//@*[starts-with(local-name(), "on")])')
	if [ "$bad" = 0 ]; then
		ok "$rel: geen script, on*-attributen, <image>, <style> of <filter>"
	else
		fail "$rel: geen script, on*-attributen, <image>, <style> of <filter>" "$bad gevonden"
	fi

	ext=$(x "$f" 'count(//@*[local-name()="href"][not(starts-with(normalize-space(.), "#"))])
		+ count(//@*[contains(., "url(") and not(contains(translate(., " ", ""), "url(#"))])')
	if [ "$ext" = 0 ] && ! grep -qi '<!DOCTYPE\|<!ENTITY\|<?xml-stylesheet' "$f"; then
		ok "$rel: geen externe verwijzingen"
	else
		fail "$rel: geen externe verwijzingen" "href/url() naar buiten: $ext, of een DOCTYPE/ENTITY/stylesheet"
	fi

	txt=$(x "$f" 'count(//*[local-name()="text" or local-name()="tspan" or local-name()="textPath"])')
	if [ "$txt" = 0 ]; then
		ok "$rel: geen tekst (<text>)"
	else
		fail "$rel: geen tekst (<text>)" "$txt tekstelementen"
	fi

	size=$(wc -c <"$f")
	if [ "$size" -lt 8192 ]; then
		ok "$rel: kleiner dan 8 KB ($size bytes)"
	else
		fail "$rel: kleiner dan 8 KB" "$size bytes"
	fi

	if rsvg-convert -w 160 "$f" -o "$T/r.png" 2>"$T/err" && [ ! -s "$T/err" ] && [ -s "$T/r.png" ]; then
		ok "$rel: rsvg-convert tekent haar zonder melding"
	else
		fail "$rel: rsvg-convert tekent haar zonder melding" "$(cat "$T/err")"
	fi
done <"$T/refs"

# No picture in the folder that no text uses.
cut -f1 "$T/refs" >"$T/used"
for f in "$DIR"/illustraties/*.svg; do
	[ -f "$f" ] || continue
	rel=illustraties/$(basename "$f")
	if grep -qxF "$rel" "$T/used"; then
		ok "$rel wordt gebruikt"
	else
		fail "$rel wordt gebruikt" "geen enkele tekst in $DIR/*.md verwijst ernaar"
	fi
done

echo "1..$n"
[ "$failed" -eq 0 ]
