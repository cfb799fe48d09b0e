#!/usr/bin/env bash
# Runs every PeerRooms test suite and ends with one line: "N passed, N failed".
# Installs what the suites need (Debian packages, npm packages) when missing. Servers the tests use
# (redis-server, PostgreSQL, coturn, PeerRooms nodes) are started by the test fixtures themselves on
# 127.0.0.1 and stopped when they finish; this script stops anything left over on exit.
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
OUT="$ROOT/test-output"
rm -rf "$OUT" && mkdir -p "$OUT/trx"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export PEERROOMS_TEST_OUTPUT="$OUT"

log() { printf '\n== %s\n' "$*"; }

# --- What the suites need -------------------------------------------------------------------------
need_pkgs=()
command -v redis-server >/dev/null || need_pkgs+=(redis-server)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need_pkgs+=(postgresql)
command -v chromium >/dev/null || need_pkgs+=(chromium)
command -v turnserver >/dev/null || need_pkgs+=(coturn)
command -v docker-compose >/dev/null || need_pkgs+=(docker-compose)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  log "installing ${need_pkgs[*]}"
  if [ "$(id -u)" -ne 0 ]; then echo "need root to apt-get install ${need_pkgs[*]}" >&2; exit 1; fi
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_pkgs[@]}" >"$OUT/apt.log" 2>&1 \
    || { echo "apt-get install failed; see $OUT/apt.log" >&2; tail -20 "$OUT/apt.log" >&2; exit 1; }
fi
# Debian starts services it installs; the tests start their own on free ports.
for svc in redis-server postgresql coturn; do (service "$svc" stop >/dev/null 2>&1 || true); done

cleanup() {
  # Anything a crashed fixture left behind (processes it started carry our data dirs in their args).
  # Only this run's session: other runs on the same machine (their servers carry the same marker) are left alone.
  pkill -s "$(ps -o sid= -p $$ | tr -d ' ')" -f "peerrooms-test-" >/dev/null 2>&1 || true
}
trap cleanup EXIT

passed=0; failed=0
count_trx() {
  local f p x
  for f in "$OUT"/trx/*.trx; do
    [ -f "$f" ] || continue
    p=$(grep -o '<Counters [^>]*' "$f" | grep -o 'passed="[0-9]*"' | grep -o '[0-9]*')
    x=$(grep -o '<Counters [^>]*' "$f" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*')
    passed=$((passed + ${p:-0})); failed=$((failed + ${x:-0}))
  done
}
record_failure() { failed=$((failed + 1)); echo "FAILED: $*"; }

# --- .NET ------------------------------------------------------------------------------------------
log "dotnet build"
if ! dotnet build PeerRooms.sln -c Release -nologo -clp:ErrorsOnly > "$OUT/build.log" 2>&1; then
  cat "$OUT/build.log"; record_failure "dotnet build"; echo "$passed passed, $failed failed"; exit 1
fi

for proj in tests/*/*.csproj; do
  name=$(basename "$proj" .csproj)
  log "dotnet test $name"
  # A hung test must fail the run in bounded time rather than stall CI.
  dotnet test "$proj" -c Release --no-build --blame-hang-timeout 8m --logger "trx;LogFileName=$name.trx" --results-directory "$OUT/trx" \
    --logger "console;verbosity=minimal" 2>&1 | tee "$OUT/$name.log" | grep -E "^\s*(Failed|Passed!|Failed!)|error"
  rc=${PIPESTATUS[0]}
  if [ ! -f "$OUT/trx/$name.trx" ]; then
    record_failure "$name produced no results"
  elif [ "$rc" -ne 0 ] && ! grep -o '<Counters [^>]*' "$OUT/trx/$name.trx" | grep -qE ' failed="[1-9]'; then
    # The run failed without a failed test in its results (e.g. a hung test host was killed).
    record_failure "$name exited with $rc"
  fi
done
count_trx

# --- Load generator smoke run (one check: a RESULT line whose every "errors" is 0; not a timed assertion) --
log "load generator smoke run"
if timeout 120 dotnet run -c Release --no-build --project load-tests/PeerRooms.LoadTests -- --scenario rooms \
     --connections 20 --room-size 5 --rate 2 --duration 3 --warmup 1 --baseline bare > "$OUT/load-smoke.log" 2>&1 \
   && result=$(grep '^RESULT ' "$OUT/load-smoke.log" | tail -1) && [ -n "$result" ] \
   && ! grep -o '"errors":[0-9]*' <<<"$result" | grep -qv '"errors":0$'; then
  passed=$((passed + 1)); echo "load smoke: ${result:0:200}"
else
  tail -20 "$OUT/load-smoke.log"; record_failure "load generator smoke run"
fi

# --- Extra suites (JS client, browser, compose, audits) are added below as they land. ---------------
if [ -f clients/js/package.json ]; then
  log "JS client"
  (cd clients/js && npm ci --no-audit --no-fund >"$OUT/npm-ci.log" 2>&1) || record_failure "npm ci"
  if (cd clients/js && node --test --test-reporter=tap 2>&1) > "$OUT/js-unit.tap"; then :; fi
  p=$(grep -E '^# pass ' "$OUT/js-unit.tap" | tail -1 | awk '{print $3}'); x=$(grep -E '^# (fail|cancelled) ' "$OUT/js-unit.tap" | awk '{s+=$3} END {print s+0}')
  [ -n "$p" ] || record_failure "JS unit tests produced no results"
  passed=$((passed + ${p:-0})); failed=$((failed + ${x:-0}))
  grep -E '^not ok' "$OUT/js-unit.tap" || true
fi

if [ -d clients/js/browser-tests ]; then
  # The web app in headless Chromium against real server processes (the Release build above);
  # screenshots go to $PEERROOMS_TEST_OUTPUT/screenshots.
  log "browser tests"
  if (cd clients/js && node --test --test-concurrency=1 --test-reporter=tap browser-tests/*.spec.js 2>&1) > "$OUT/js-browser.tap"; then :; fi
  p=$(grep -E '^# pass ' "$OUT/js-browser.tap" | tail -1 | awk '{print $3}'); x=$(grep -E '^# (fail|cancelled) ' "$OUT/js-browser.tap" | awk '{s+=$3} END {print s+0}')
  [ -n "$p" ] || record_failure "browser tests produced no results"
  passed=$((passed + ${p:-0})); failed=$((failed + ${x:-0}))
  grep -E '^\s*not ok' "$OUT/js-browser.tap" || true
fi

if [ -f docker-compose.yml ]; then
  log "docker-compose config"
  # The file requires its secrets from the environment (${VAR:?}); dummy values, for this check only.
  if REDIS_PASSWORD=config-check POSTGRES_PASSWORD=config-check PEERROOMS_SIGNING_KEY=config-check-only-not-a-real-signing-key \
     docker-compose -f docker-compose.yml config -q > "$OUT/compose.log" 2>&1; then passed=$((passed + 1)); else cat "$OUT/compose.log"; record_failure "docker-compose config"; fi
fi

# --- Dependency audit: each ecosystem is one check; high/critical advisories fail it, an unreachable
# advisory service is reported and skipped (tools/dependency-audit.sh). -------------------------------
log "dependency audit"
while IFS= read -r line; do
  echo "$line"
  case "$line" in
    "AUDIT PASS "*) passed=$((passed + 1)) ;;
    "AUDIT FAIL "*) record_failure "${line#AUDIT FAIL }" ;;
  esac
done < <(tools/dependency-audit.sh "$OUT" 2>&1)

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
