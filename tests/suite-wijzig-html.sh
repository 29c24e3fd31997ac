#!/bin/sh
# HTML quality of `ovc wijzig`: wijziging.html and renvooi.html of a small
# change to tests/fixtures/minimaal (a lid inserted under renumbering, a
# word replaced) through the Nu HTML checker (0 errors) and axe-core in
# chromium (0 violations of WCAG 2.x A/AA and best practice, no overflow)
# at 1280, 390 and 320 px; the same tools as tests/suite-html.sh.
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
cp -R tests/fixtures/minimaal "$tmp/oud"
cp -R tests/fixtures/minimaal "$tmp/nieuw"
sed -i 's/^2\. Het vorige lid geldt ook voor pleegzorg\./2. Het college werkt samen met de gecertificeerde instellingen.\n3. Het vorige lid geldt ook voor pleegzorg./' "$tmp/nieuw/4-jeugdwet.md"
sed -i 's/^1\. Een inwoner kan een hulpvraag melden bij het college\./1. Een inwoner kan een hulpvraag altijd melden bij het college./' "$tmp/nieuw/1-gemeenschappelijk.md"
if "$OVC" wijzig "$tmp/oud" "$tmp/nieuw" -o "$tmp/w" --geen-pdf >"$tmp/log" 2>&1 &&
	grep -q '<ins>' "$tmp/w/renvooi.html"; then
	ok "ovc wijzig schrijft wijziging.html en renvooi.html met gemarkeerde wijzigingen"
else
	not_ok "ovc wijzig schrijft wijziging.html en renvooi.html met gemarkeerde wijzigingen"
	sed 's/^/#   /' "$tmp/log"
	exit 0
fi
for p in "$tmp/w/wijziging.html" "$tmp/w/renvooi.html"; do
	name=$(basename "$p")
	if java -jar "$VNU" --errors-only --stdout "$p" >"$tmp/vnu.log" 2>&1 && [ ! -s "$tmp/vnu.log" ]; then
		ok "vnu $name: 0 errors"
	else
		not_ok "vnu $name: $(grep -c 'error' "$tmp/vnu.log") errors"
		head -20 "$tmp/vnu.log" | sed 's/^/#   /'
	fi
done
node tests/html/axe-check.js --start $((n + 1)) --widths 1280,390,320 "$tmp/w/wijziging.html" "$tmp/w/renvooi.html"
exit 0
