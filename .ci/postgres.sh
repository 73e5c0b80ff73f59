#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster on loopback for the tests and prints
# its URI. Installs Debian's postgresql first if no server binaries exist.
# Usage: uri=$(bash .ci/postgres.sh DATADIR PORT)
set -euo pipefail
datadir=${1:?datadir}
port=${2:-55432}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ] || [ ! -x "$bindir/postgres" ]; then
  echo "installing postgresql" >&2
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
# PostgreSQL refuses to run as root: run it as the postgres user (created by the package).
runas=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  runas=(runuser -u postgres --)
fi
rm -rf "$datadir"
mkdir -p "$datadir"
[ "$(id -u)" = 0 ] && chown postgres "$datadir"
"${runas[@]}" "$bindir/initdb" -D "$datadir/data" -U lotse --auth=trust -E UTF8 >/dev/null
"${runas[@]}" "$bindir/pg_ctl" -D "$datadir/data" -l "$datadir/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $datadir -c fsync=off -c max_connections=200" start >&2
"${runas[@]}" "$bindir/createdb" -h 127.0.0.1 -p "$port" -U lotse lotse_test
echo "postgres://lotse@127.0.0.1:$port/lotse_test?sslmode=disable"
