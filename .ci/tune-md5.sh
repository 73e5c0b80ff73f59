#!/usr/bin/env bash
# usage: .ci/tune-md5.sh BINARY — one md5 over every reply of BINARY to the tune pool (both libraries, `lotse ask
# --json`, also `--team`) and over its `guides eval` output of the bench tune sets. A refactoring that must not change
# what members read keeps this md5; compare it with the md5 of a binary built from the base. Tune sets only.
set -euo pipefail
b=$(realpath "$1")
cd "$(dirname "$0")/.."
bench=../shared/bench/guides
{
	for f in guides/search/testdata/bench-tune*-2026-12-0[45].tsv; do
		grep -v '^#' "$f" | cut -f1 | "$b" ask --dir "$bench" --json
		"$b" guides eval --dir "$bench" --questions "$f"
	done
	for f in commands/answer/testdata/first-messages-tune*-2026-12-0[45].tsv; do
		grep -v '^#' "$f" | cut -f1 | "$b" ask --json
		grep -v '^#' "$f" | cut -f1 | "$b" ask --team --json
	done
} | md5sum
