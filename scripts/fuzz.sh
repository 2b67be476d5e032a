#!/usr/bin/env bash
# Runs every Go fuzz target of the module for SECONDS each (default 10), one after another, and prints a
# line per target with what the fuzzer reported. New crashers land in the package's testdata/fuzz/ and
# fail the run; commit them as regression seeds once fixed.
#
#   scripts/fuzz.sh          # 10 s per target (what CI runs)
#   scripts/fuzz.sh 300      # 5 minutes per target
#   scripts/fuzz.sh 60 ./tm/...   # only some packages
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
shift || true
pkgs=("$@")
[ ${#pkgs[@]} -gt 0 ] || pkgs=(./...)

failed=0
total=0
for pkg in $(go list "${pkgs[@]}"); do
	dir=$(go list -f '{{.Dir}}' "$pkg")
	targets=$(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u || true)
	for target in $targets; do
		total=$((total + 1))
		start=$(date +%s)
		if out=$(go test -run '^$' -fuzz "^${target}\$" -fuzztime "${seconds}s" "$pkg" 2>&1); then
			execs=$(printf '%s\n' "$out" | grep -o 'execs: [0-9]*' | tail -1 | awk '{print $2}')
			printf 'ok    %-60s %4ss  %s execs\n' "$pkg.$target" "$(( $(date +%s) - start ))" "${execs:-?}"
		else
			failed=$((failed + 1))
			printf 'FAIL  %s.%s\n%s\n' "$pkg" "$target" "$(printf '%s\n' "$out" | tail -30)"
		fi
	done
done
echo "fuzz: $total targets, $failed failed, ${seconds}s each"
[ "$failed" -eq 0 ]
