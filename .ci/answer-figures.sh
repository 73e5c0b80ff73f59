#!/usr/bin/env bash
# Prints the answer engine's figures (issue 14) for every frozen question set:
# the raw ranking of the bench sets (top-1, top-3, out of scope rejected) and
# the decision (helped, confident-wrong, outcomes) of the bench and
# first-message sets. Only summary lines are printed, never a question, so
# the held-out sets (check, fresh, unseen, sealed … sealed30) can be measured
# without being read; use `lotse ask --eval FILE` on a TUNE set to see misses.
#
# usage: .ci/answer-figures.sh [SET…]   (default: every set, tune sets first)
#   SET is a name (both kinds of a set: bench-SET and first-messages-SET), or bench:NAME / fm:NAME for one kind
#   (the two kinds are numbered apart: bench tune5 and first messages tune6 were the eighth pass's tuning data,
#   bench tune6 and first messages tune7 the ninth's, bench tune7 and first messages tune8 the eleventh's, bench tune8
#   and first messages tune9 the twelfth's, bench tune9 and first messages tune10 the thirteenth's).
set -euo pipefail
cd "$(dirname "$0")/.."
export GOTOOLCHAIN="${GOTOOLCHAIN:-go1.27.3}" GOFLAGS="${GOFLAGS:--tags=goolm}"
bin=$(mktemp -d)/lotse
trap 'rm -rf "$(dirname "$bin")"' EXIT
go build -o "$bin" ./cmd/lotse
sets=("$@")
# sealed3 judged the fifth pass, sealed4 the sixth, sealed5 the seventh, sealed6 the eighth, sealed7 the ninth,
# sealed8 the tenth, sealed9 the eleventh, sealed10 the twelfth, sealed11 the thirteenth, sealed12 the fourteenth,
# sealed13 the fifteenth, sealed14 the sixteenth, sealed15 the seventeenth, sealed16 the eighteenth, sealed17 the
# nineteenth, sealed18 the twentieth, sealed19 the twenty-first, sealed20 the twenty-second, sealed21 the twenty-third,
# sealed22 the twenty-fourth, sealed23 the twenty-fifth, sealed24 the twenty-sixth, sealed25 the twenty-seventh,
# sealed26 the twenty-eighth, sealed27 the twenty-ninth, sealed28 the thirtieth, sealed29 the thirty-first, sealed30 the thirty-second, sealed31 the thirty-third, sealed32 the thirty-fourth and sealed33 the thirty-fifth (each run once per binary, at the start and the end of its
# pass); they are regression guards like the other held-out sets now. sealed34 (frozen 2026-12-07, written blind during
# the thirty-fifth pass) judges the next one: it is left out on purpose; run a judge once per binary, at the start and the end of its pass.
[ ${#sets[@]} -gt 0 ] || sets=(tune tune2 tune3 tune4 tune5 tune6 tune7 tune8 tune9 tune10 check fresh unseen sealed sealed2 sealed3 sealed4 sealed5 sealed6 sealed7 sealed8 sealed9 sealed10 sealed11 sealed12 sealed13 sealed14 sealed15 sealed16 sealed17 sealed18 sealed19 sealed20 sealed21 sealed22 sealed23 sealed24 sealed25 sealed26 sealed27 sealed28 sealed29 sealed30 sealed31 sealed32 sealed33)
bench=../shared/bench/guides
for spec in "${sets[@]}"; do
  kind=both s=$spec
  case $spec in bench:*) kind=bench s=${spec#bench:} ;; fm:*) kind=fm s=${spec#fm:} ;; esac
  # a set's files carry the date they were frozen (2026-12-04, -05 for the sets written from the seventh pass on,
  # -06 from sealed17 on, -07 from sealed26 on)
  b=$(ls guides/search/testdata/bench-"$s"-2026-12-0[4-9].tsv 2>/dev/null | head -n 1 || true)
  f=$(ls commands/answer/testdata/first-messages-"$s"-2026-12-0[4-9].tsv 2>/dev/null | head -n 1 || true)
  [ "$kind" != fm ] || b=
  [ "$kind" != bench ] || f=
  if [ -f "$b" ]; then
    echo "== bench $s (ranking, then decision)"
    "$bin" guides eval --dir "$bench" --questions "$b" | grep -E '^(answerable questions|out-of-scope questions|top-1|top-3|out-of-scope rejected):'
    "$bin" ask --dir "$bench" --eval "$b" | sed -n '/^expected/,/^all/p'
  fi
  if [ -f "$f" ]; then
    echo "== first messages $s (decision)"
    "$bin" ask --eval "$f" | sed -n '/^expected/,/^guide questions/p;/^judged as a team/p'
  fi
done
