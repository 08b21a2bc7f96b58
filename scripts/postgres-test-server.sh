#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on a loopback port for the data tests, in a temporary data
# directory, and prints the connection string. `stop DIR` stops it and deletes the directory.
# Used by scripts/test.sh; safe to run as root (the server runs as the postgres user).
set -euo pipefail
cmd=${1:-start}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$cmd" in
  start)
    [ -x "$bin/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
    dir=$(mktemp -d /tmp/gongkai-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    port=${GONGKAI_PG_PORT:-$((40000 + RANDOM % 20000))}
    as_pg "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
    echo "$dir Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true"
    ;;
  stop)
    dir=$2
    as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
esac
