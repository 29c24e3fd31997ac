#!/bin/sh
# Runs every test program and suite, each of which prints TAP, and ends with
# one summary line "N passed, N failed". Exit status 1 when anything failed.
# Usage: OVC=build/ovc BUILD=build tests/run.sh [filter]
set -u
: "${OVC:=build/ovc}" "${BUILD:=build}"
export OVC BUILD
filter=${1:-}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
passed=0 failed=0 broken=""

run() {
	name=$1; shift
	case "$name" in *"$filter"*) ;; *) return ;; esac
	echo "# $name"
	CMOCKA_MESSAGE_OUTPUT=TAP "$@" >"$log" 2>&1
	rc=$?
	cat "$log"
	p=$(grep -c -E '^ok ' "$log")
	f=$(grep -c -E '^not ok ' "$log")
	passed=$((passed + p)); failed=$((failed + f))
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		# A crash or an early exit counts as a failure of its own.
		failed=$((failed + 1)); broken="$broken $name(rc=$rc)"
	fi
}

for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] && run "$(basename "$t")" "$t"
done
for s in tests/suite-*.sh; do
	[ -f "$s" ] && run "$(basename "$s")" sh "$s"
done
for s in tests/suite-*.py; do
	[ -f "$s" ] && run "$(basename "$s")" python3 "$s"
done
[ -n "$broken" ] && echo "# afgebroken:$broken"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
