#!/usr/bin/env bash
# Runs every test project and prints "N passed, N failed" (summed over all projects) as its
# last line. Installs what the tests need first; every step is idempotent, so it is safe to run
# on a fresh Debian 12 machine with the .NET 10 SDK and again on a developer's machine.
set -uo pipefail
cd "$(dirname "$0")/.."

need_pkgs=()
command -v pdftotext >/dev/null 2>&1 || need_pkgs+=(poppler-utils)
command -v chromium >/dev/null 2>&1 || need_pkgs+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] || need_pkgs+=(fonts-noto-cjk)
command -v libreoffice >/dev/null 2>&1 || need_pkgs+=(libreoffice-writer-nogui libreoffice-calc-nogui)
command -v npm >/dev/null 2>&1 || need_pkgs+=(npm)   # Apache ECharts for the web app (src/Gongkai.Web/package.json)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_pkgs+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need_pkgs+=(redis-server)   # the two-node test's shared output cache
command -v curl >/dev/null 2>&1 || need_pkgs+=(curl)
# Scanned reports: tesseract with its Simplified Chinese model reads them; img2pdf builds the image-only test PDFs.
command -v tesseract >/dev/null 2>&1 || need_pkgs+=(tesseract-ocr)
[ -f /usr/share/tesseract-ocr/5/tessdata/chi_sim.traineddata ] || ls /usr/share/tesseract-ocr/*/tessdata/chi_sim.traineddata >/dev/null 2>&1 || need_pkgs+=(tesseract-ocr-chi-sim)
command -v img2pdf >/dev/null 2>&1 || need_pkgs+=(img2pdf)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "Installing ${need_pkgs[*]} ..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_pkgs[@]}") >/tmp/gongkai-apt.log 2>&1 \
      || echo "warning: apt-get install ${need_pkgs[*]} failed (see /tmp/gongkai-apt.log); tests that need them will say so"
  else
    echo "warning: missing ${need_pkgs[*]} and cannot install them (need root and apt-get)"
  fi
fi

results="TestResults"
rm -rf "$results"
# The browser tests write their screenshots here (look at them after a run).
export GONGKAI_SCREENSHOTS="$PWD/$results/screenshots"
dotnet build Gongkai.slnx -c Release -nologo -v quiet || { echo "0 passed, 1 failed"; exit 1; }
# A throwaway PostgreSQL for the data tests (every data test runs on SQLite and PostgreSQL).
pg_dir=""
if pg=$(bash scripts/postgres-test-server.sh start 2>/tmp/gongkai-pg.err); then
  pg_dir=${pg%% *}
  export GONGKAI_TEST_POSTGRES=${pg#* }
else
  echo "warning: could not start PostgreSQL ($(cat /tmp/gongkai-pg.err)); the PostgreSQL data tests will fail"
fi

cluster_dir=""
cleanup() {
  [ -n "$cluster_dir" ] && bash scripts/cluster-test-nodes.sh stop "$cluster_dir"
  [ -n "$pg_dir" ] && bash scripts/postgres-test-server.sh stop "$pg_dir"
}
trap 'cleanup' EXIT

status=0
for project in tests/*.Tests/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  if [ "$name" = Gongkai.Web.Tests ]; then
    # Two web nodes on PostgreSQL and Redis for tests/Gongkai.Web.Tests/Cluster, started just before the web tests
    # (the day's deadline scan is set two minutes ahead, for the test to see it with both nodes up).
    if [ -z "${GONGKAI_TEST_POSTGRES:-}" ]; then
      export GONGKAI_TEST_CLUSTER_ERROR="no PostgreSQL"
    elif cluster=$(bash scripts/cluster-test-nodes.sh start "$GONGKAI_TEST_POSTGRES" 2>/tmp/gongkai-cluster.err); then
      eval "$cluster"
      cluster_dir=$GONGKAI_TEST_CLUSTER_DIR
    else
      export GONGKAI_TEST_CLUSTER_ERROR="$(tail -n 5 /tmp/gongkai-cluster.err)"
    fi
  fi
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*' "$trx" | head -n 1)
  p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1   # a test host crashed or a project did not run: never report green
fi
# The share of cells recovered from scanned reports, per condition (printed by ScannedReportTests).
grep -ho 'scanned [^<&]*recovered[^<&]*' "$results"/*.trx 2>/dev/null | sort -u || true
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
