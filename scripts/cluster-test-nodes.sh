#!/usr/bin/env bash
# Starts what the two-node test (tests/Gongkai.Web.Tests/Cluster) needs: a throwaway Redis on a loopback port and
# two Gongkai web nodes on loopback ports, sharing one PostgreSQL database (created on the server given) and the
# Redis output cache — the "government's platform" shape of DESIGN §8. Prints `export …` lines for the test.
#   start "PG-CONNECTION-STRING"   (the built Release web app must exist: scripts/test.sh builds it first)
#   stop DIR     (keeps the nodes' logs in /tmp/gongkai-cluster-logs)
# The daily deadline scan is scheduled once a day at a time two minutes after the start, so the test sees the one
# daily firing with both nodes up (two and a half minutes: enough for both to start on a loaded machine); the staff reminder fires every 3 seconds, to see many firings shared out.
set -euo pipefail
cmd=${1:-start}
case "$cmd" in
  start)
    pg=$2
    command -v redis-server >/dev/null || { echo "redis-server not installed (apt-get install redis-server)" >&2; exit 1; }
    dll="$PWD/src/Gongkai.Web/bin/Release/net10.0/Gongkai.Web.dll"
    [ -f "$dll" ] || { echo "build the web app first: $dll missing" >&2; exit 1; }
    dir=$(mktemp -d /tmp/gongkai-cluster.XXXXXX)
    rport=$((30000 + RANDOM % 9000))
    redis-server --port "$rport" --bind 127.0.0.1 --dir "$dir" --save "" --appendonly no \
      --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >/dev/null
    pgport=$(echo "$pg" | sed -n 's/.*Port=\([0-9]*\).*/\1/p')
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    "$bin/psql" -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -qc "CREATE DATABASE gongkai_cluster" >/dev/null
    db=${pg/Database=postgres/Database=gongkai_cluster}
    export GONGKAI_PI_KEYS="k1:$(head -c 32 /dev/urandom | base64 -w0)"
    scan_at=$(date -u -d "+150 seconds" +%s)
    cron="$(date -u -d "@$scan_at" '+%-S %-M %-H') * * ?"
    pa=$((20000 + RANDOM % 9000)); pb=$((pa + 1))
    args=(--db "$db" --redis "127.0.0.1:$rport" --Jobs:DeadlineScan "$cron" --Jobs:StaffReminder "0/3 * * * * ?"
          --Security:TwoFactorRoles:0 管理员 --RateLimits:Applications:PermitLimit 100000
          --RateLimits:Applications:PerApplicantPerDay 100000 --RateLimits:SignIn:PermitLimit 100000)
    wait_up() { for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$1/health" >/dev/null 2>&1 && return 0; sleep 0.5; done; return 1; }
    # Node A first: it migrates, seeds the demo district and creates the accounts; then node B joins.
    start_node() { # name port demo — $! is dotnet itself (nohup execs it), so the test can kill -9 exactly the node
      (cd "$dir" && { nohup dotnet "$dll" --urls "http://127.0.0.1:$2" --demo "$3" "${args[@]}" >"$dir/$1.log" 2>&1 & echo $! >"$dir/$1.pid"; })
    }
    start_node a "$pa" true
    wait_up "$pa" || { echo "node A did not start: $(tail -n 20 "$dir/a.log")" >&2; exit 1; }
    start_node b "$pb" false
    wait_up "$pb" || { echo "node B did not start: $(tail -n 20 "$dir/b.log")" >&2; exit 1; }
    password=$(sed -n 's/.*演示账号.*密码：\([^ ]*\).*/\1/p' "$dir/a.log" | head -n 1)
    echo "export GONGKAI_TEST_CLUSTER_DIR='$dir'"
    echo "export GONGKAI_TEST_NODE_A='http://127.0.0.1:$pa' GONGKAI_TEST_NODE_B='http://127.0.0.1:$pb'"
    echo "export GONGKAI_TEST_NODE_A_PID='$(cat "$dir/a.pid")' GONGKAI_TEST_CLUSTER_DB='$db'"
    echo "export GONGKAI_TEST_DEMO_PASSWORD='$password' GONGKAI_TEST_SCAN_AT='$scan_at'"
    ;;
  stop)
    dir=$2
    for node in a b; do [ -f "$dir/$node.pid" ] && kill "$(cat "$dir/$node.pid")" 2>/dev/null || true; done
    [ -f "$dir/redis.pid" ] && kill "$(cat "$dir/redis.pid")" 2>/dev/null || true
    sleep 1
    # The nodes' logs stay for a look after a failed run.
    mkdir -p /tmp/gongkai-cluster-logs && cp "$dir"/*.log /tmp/gongkai-cluster-logs/ 2>/dev/null || true
    rm -rf "$dir"
    ;;
esac
