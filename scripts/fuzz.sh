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
		rc=0
		out=$(go test -run '^$' -fuzz "^${target}\$" -fuzztime "${seconds}s" "$pkg" 2>&1) || rc=$?
		# Go 1.26's fuzz coordinator can report its own -fuzztime deadline as a failure ("context deadline
		# exceeded", no failing input written): golang/go#75804, fixed in Go 1.27. Run such a target once
		# more; a real crash writes its input and fails as before, a real hang fails twice.
		if [ $rc -ne 0 ] && printf '%s\n' "$out" | grep -q 'context deadline exceeded' &&
			! printf '%s\n' "$out" | grep -q 'Failing input written'; then
			printf 'retry %-60s (golang/go#75804 deadline race)\n' "$pkg.$target"
			rc=0
			out=$(go test -run '^$' -fuzz "^${target}\$" -fuzztime "${seconds}s" "$pkg" 2>&1) || rc=$?
		fi
		if [ $rc -eq 0 ]; then
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
