#!/bin/sh
# HTML quality of both editions: the Nu HTML checker (vnu-jar, 0 errors)
# and axe-core in Debian's chromium via playwright-core (0 violations of
# the WCAG 2.x A/AA tags and best-practice rules, no horizontal overflow,
# no request leaving the folder) at 1280 and 390 px (and 320 px, the narrowest supported).
#
# Runs on the editions of the fixtures in tests/fixtures/akn/ and, when
# `$OVC build verordening` succeeds, on the real output too.
# Tools: tests/html/node_modules (npm ci --prefix tests/html, done by
# `make test` through mk/html.mk), java, /usr/bin/chromium.
# SHOTS=DIR keeps screenshots of every page and width in DIR.
# Prints TAP.
set -u
cd "$(dirname "$0")/.." || exit 2
: "${OVC:=build/ovc}"
NM=tests/html/node_modules
VNU=$NM/vnu-jar/build/dist/vnu.jar
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; }

if [ ! -f "$VNU" ] || [ ! -d "$NM/axe-core" ] || [ ! -d "$NM/playwright-core" ]; then
	not_ok "test tools installed (run: npm ci --prefix tests/html)"
	exit 0
fi
for tool in java /usr/bin/chromium; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		not_ok "$tool installed (deps/test.txt)"
		exit 0
	fi
done

# The pages as ovc writes them: HTML, its CSS and the illustrations.
pages=""
render() { # render AKN DIR
	mkdir -p "$2"
	cp stylesheets/*.css "$2/"
	[ -d "$(dirname "$1")/illustraties" ] && cp -R "$(dirname "$1")/illustraties" "$2/"
	for ed in verordening publieksversie raadsbesluit; do
		xsltproc --nonet --stringparam medium screen "stylesheets/$ed.xsl" "$1" >"$2/$ed.html" ||
			return 1
		pages="$pages $2/$ed.html"
	done
}
for f in tests/fixtures/akn/editie.akn.xml tests/fixtures/akn/vastgesteld.akn.xml; do
	b=$(basename "$f" .akn.xml)
	if render "$f" "$tmp/$b"; then ok "$b: both editions rendered"; else not_ok "$b: both editions rendered"; fi
done
if [ -x "$OVC" ] && "$OVC" build verordening -o "$tmp/echt" >"$tmp/ovc.log" 2>&1 &&
	[ -f "$tmp/echt/verordening.akn.xml" ]; then
	if [ -f "$tmp/echt/verordening.html" ]; then
		pages="$pages $tmp/echt/verordening.html $tmp/echt/publieksversie.html $tmp/echt/raadsbesluit.html"
		ok "real ordinance: editions written by ovc build"
	elif render "$tmp/echt/verordening.akn.xml" "$tmp/echt"; then
		ok "real ordinance: editions rendered from ovc build's AKN"
	else
		not_ok "real ordinance: editions rendered from ovc build's AKN"
	fi
else
	ok "real ordinance # SKIP ovc build verordening did not succeed: $(tail -1 "$tmp/ovc.log" 2>/dev/null)"
fi

# vnu: one line per page.
for p in $pages; do
	name=$(echo "$p" | sed "s|$tmp/||")
	if java -jar "$VNU" --errors-only --stdout "$p" >"$tmp/vnu.log" 2>&1 && [ ! -s "$tmp/vnu.log" ]; then
		ok "vnu $name: 0 errors"
	else
		not_ok "vnu $name: $(grep -c 'error' "$tmp/vnu.log") errors"
		head -20 "$tmp/vnu.log" | sed 's/^/#   /'
	fi
done

# The legal edition on a phone (390 x 844): the first article within two
# screens (collapsed structure navigation, wetstechnische informatie and
# the long "gelet op").
if [ -f "$tmp/echt/verordening.html" ]; then
	if top=$(node tests/html/first-article.js "$tmp/echt/verordening.html" 2); then
		ok "legal edition at 390 px: the first article starts within 2 screens ($top)"
	else
		not_ok "legal edition at 390 px: the first article starts within 2 screens ($top)"
	fi
fi

# axe at both widths; its lines are numbered after ours.
shots=""
[ -n "${SHOTS:-}" ] && shots="--screenshots $SHOTS"
# shellcheck disable=SC2086
node tests/html/axe-check.js --start $((n + 1)) --widths 1280,390,320 $shots $pages
exit 0
