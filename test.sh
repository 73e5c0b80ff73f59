#!/usr/bin/env bash
# The test command: every package, with the race detector, against the real
# Dendrite homeserver (built on first use) and SQLite; against PostgreSQL too
# when LOTSE_TEST_POSTGRES names one (.ci/run starts one).
set -euo pipefail
cd "$(dirname "$0")"
# The patched toolchain (Go 1.26.8 has reachable standard-library
# vulnerabilities); the go command fetches it from the module proxy once.
export GOTOOLCHAIN="${LOTSE_GOTOOLCHAIN:-go1.27.3}"
go test -tags goolm -race -count=1 -timeout 20m "$@" ./...
# The simulated month of learned questions (commands/learn) and its tune
# split decide about 80,000 messages; they are pure computation without
# goroutines, which the race detector only slows down tenfold, so they are
# skipped under -race above and run here without it (their figures printed).
go test -tags goolm -count=1 -timeout 10m -run '^TestSimulatedMonth(TuneSplit)?$' -v ./commands/learn/ |
	grep -E '^(--- |ok|FAIL|PASS)|: (before|after ) |cases, .* learned|turned wrong|first hit|confident wrong after|dropped after|costs|worse|all folds'
