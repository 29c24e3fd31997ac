#!/bin/sh
# The fuzz targets (tests/fuzz/README.md) as part of make test, only when
# clang is present: `make fuzz` runs every kept reproducer, then each
# target from its seed corpus with ASan and UBSan. Prints TAP: one line per target with its executions and coverage.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 1
if ! command -v clang >/dev/null 2>&1; then
	echo "ok 1 # SKIP clang ontbreekt: make fuzz draait alleen met clang"
	echo "1..1"
	exit 0
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# In make test the run is the same on every machine: a fixed number of
# executions from a fixed seed (FUZZ_RUNS, default 3000 per target), so CI
# does not pass or fail by luck; FUZZ_SECONDS=N fuzzes for time instead.
if [ -n "${FUZZ_SECONDS:-}" ]; then limit="FUZZ_SECONDS=$FUZZ_SECONDS"; else limit="FUZZ_RUNS=${FUZZ_RUNS:-3000}"; fi
make -s fuzz "$limit" >"$log" 2>&1
rc=$?
n=0 failed=0
for t in part refs frontmatter typeset; do
	n=$((n + 1))
	line=$(grep "^fuzz: $t " "$log")
	if [ "$rc" = 0 ] && [ -n "$line" ]; then
		echo "ok $n - ${line#fuzz: }"
	else
		failed=$((failed + 1))
		echo "not ok $n - fuzz $t"
	fi
done
[ "$rc" = 0 ] || tail -40 "$log" | sed 's/^/#   /'
echo "1..$n"
[ "$failed" -eq 0 ] && [ "$rc" = 0 ]
