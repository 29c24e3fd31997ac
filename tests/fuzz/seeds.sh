#!/bin/sh
# Seed corpora for the fuzz targets (mk/fuzz.mk), written into DIR/TARGET/:
#   part         every part file of verordening/, the fixture and tests/checks/
#   refs         every line of those files that cites something
#   frontmatter  each verordening.md (front matter and toelichting)
#   typeset      tests/fuzz/seeds/typeset/*.xhtml (print XHTML of the fixture)
set -eu
out=$1
rm -rf "$out"
mkdir -p "$out/part" "$out/refs" "$out/frontmatter" "$out/typeset"
n=0
for f in verordening/*.md tests/fixtures/minimaal/*.md tests/checks/*.md; do
	n=$((n + 1))
	case "$f" in
	*/verordening.md) cp "$f" "$out/frontmatter/$n.md" ;;
	*) cp "$f" "$out/part/$n.md" ;;
	esac
	grep -E -i 'artikel|lid|hoofdstuk|paragraaf|onder|deel|sub|letter' "$f" |
		awk -v d="$out/refs" -v n="$n" '{ print > (d "/" n "-" NR ".txt"); close(d "/" n "-" NR ".txt") }'
done
# The files the literate examples of tests/checks/ write ("~~~ file NAME").
for f in tests/checks/*.md; do
	awk -v d="$out" -v b="$(basename "$f" .md)" '
		/^~~~ file / { name = $3; k++; t = (name == "verordening.md") ? "frontmatter" : "part";
		               path = d "/" t "/" b "-" k ".md"; inblock = 1; next }
		/^~~~/ && inblock { close(path); inblock = 0; next }
		inblock { print > path }' "$f"
done
cp tests/fuzz/seeds/typeset/*.xhtml "$out/typeset/"
