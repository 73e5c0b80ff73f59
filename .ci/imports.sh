#!/usr/bin/env bash
# Checks the one-way import directions of the design (see README, Architecture):
# cmd → commands → {answer, support, access, roundtable, privacy} → people → chat → {storage, guides, schedule, integrations}.
set -euo pipefail
cd "$(dirname "$0")/.."
mod=$(go list -m)
fail=0
while read -r pkg imports; do
  rel=${pkg#"$mod"}; rel=${rel#/}
  for imp in $imports; do
    case "$imp" in "$mod"*) ;; *) continue ;; esac
    dep=${imp#"$mod"/}
    # Leaf helpers that import nothing of the module sit below every layer.
    case "$dep" in internal/utf8cut|internal/pgdsn) continue ;; esac
    allowed=""
    case "$rel" in
      guides|storage|storage/upgrades|config|integrations/nextcloud|integrations/bbb) allowed="guides/search storage/upgrades" ;;
      guides/search|schedule|metrics|internal/utf8cut|internal/pgdsn) allowed="" ;;
      web) allowed="guides guides/search" ;;
      commands) allowed="guides guides/search storage integrations/nextcloud integrations/bbb schedule commands/chat commands/people commands/access commands/roundtable commands/privacy commands/support commands/answer commands/answer/flow commands/gaps commands/guidedraft commands/learn" ;;
      # Workflows: below the router, above people and chat; none imports another.
      commands/access|commands/roundtable|commands/privacy|commands/support|commands/answer|commands/gaps|commands/guidedraft)
        allowed="commands/chat commands/people guides guides/search storage integrations/nextcloud integrations/bbb schedule" ;;
      # The answer workflow in the chat; package answer itself stays pure.
      commands/answer/flow)
        allowed="commands/answer commands/chat guides guides/search storage" ;;
      # Learning from cases uses the answer decision for its guard, like the answer workflow.
      commands/learn)
        allowed="commands/answer commands/chat guides guides/search storage" ;;
      commands/people) allowed="commands/chat guides storage" ;;
      commands/chat) allowed="guides storage" ;;
      commands/chat/chattest) allowed="commands/chat" ;;
      bot) allowed="storage" ;;
      *) continue ;;
    esac
    ok=0
    for a in $allowed; do [ "$dep" = "$a" ] && ok=1; done
    if [ $ok = 0 ]; then echo "not allowed: $rel imports $dep"; fail=1; fi
  done
done < <(go list -tags goolm -f '{{.ImportPath}} {{join .Imports " "}}' ./...)
exit $fail
