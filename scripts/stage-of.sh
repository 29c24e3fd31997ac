#!/bin/sh
# scripts/stage-of.sh FILE…: the folder of src/ each FILE belongs in, from
# the patterns in src/STAGES. A name no pattern knows gets the highest stage
# among the headers it includes (the lowest stage it may live in), marked
# "(uit de includes)"; choose by hand if that is not where it belongs.
#   scripts/stage-of.sh src/raadsbesluit.c   →   src/emit/
# Exit status 1 if some FILE could not be placed.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
stages=$root/src/STAGES
rc=0

# stage_by_name NAME: the stage whose pattern matches NAME, or nothing.
stage_by_name() {
	grep -v '^#' "$stages" | while read -r stage patterns; do
		[ -n "$stage" ] || continue
		for p in $patterns; do
			case $1 in $p) echo "$stage"; exit 0 ;; esac
		done
	done
}

# rank STAGE: its position in src/STAGES (1 = lowest).
rank() {
	grep -v '^#' "$stages" | awk -v s="$1" 'NF { n++ } $1 == s { print n; exit }'
}

for f in "$@"; do
	name=$(basename "$f")
	stage=$(stage_by_name "$name")
	if [ -n "$stage" ]; then
		echo "src/$stage/"
		continue
	fi
	best= bestrank=0
	if [ -f "$f" ]; then
		for h in $(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f"); do
			[ "$h" = "$(echo "$name" | sed 's/\.c$/.h/')" ] && continue
			s=$(stage_by_name "$h")
			[ -n "$s" ] || continue
			r=$(rank "$s")
			if [ "$r" -gt "$bestrank" ]; then best=$s bestrank=$r; fi
		done
	fi
	if [ -n "$best" ]; then
		echo "src/$best/ (uit de includes)"
	else
		echo "$f: geen stap bekend; voeg een patroon toe aan src/STAGES" >&2
		rc=1
	fi
done
exit $rc
