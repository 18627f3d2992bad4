#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the tests that need a server, on 127.0.0.1,
# and prints its URL. Debian's postgresql package provides initdb and pg_ctl; as root the
# cluster runs as the package's `postgres` user. Stop it with `scripts/postgres-cluster.sh stop <dir>`.
set -euo pipefail

bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "No PostgreSQL server: install Debian's postgresql package" >&2
  exit 2
fi
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "${1:-}" = stop ]; then
  as_owner "$bin/pg_ctl" -D "$2" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$2"
  exit 0
fi

port="${DESKGUARD_PG_PORT:-$(node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })")}"
dir="$(mktemp -d /tmp/deskguard-pg.XXXXXX)"
[ "$(id -u)" = 0 ] && chown postgres "$dir"
as_owner "$bin/initdb" -D "$dir" --auth=trust --username=postgres --encoding=UTF8 --locale=C.UTF-8 >/dev/null
as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
echo "postgres://postgres@127.0.0.1:$port/postgres $dir"
