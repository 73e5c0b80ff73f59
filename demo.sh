#!/usr/bin/env bash
# The demo: embedded homeserver + Lotse + the shipped guides on loopback.
# Built with the patched Go toolchain the project pins (fetched by the go
# command on first use); extra arguments go to `lotse demo`.
set -euo pipefail
cd "$(dirname "$0")"
export GOTOOLCHAIN="${LOTSE_GOTOOLCHAIN:-go1.27.3}"
exec go run -tags goolm ./cmd/lotse demo "$@"
