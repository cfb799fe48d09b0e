#!/usr/bin/env bash
# Dependency audit for test.sh: one check per ecosystem. Prints one line per check:
#   "AUDIT PASS <name>: ..."  no high/critical advisories
#   "AUDIT FAIL <name>: ..."  high or critical advisories found (details in the log)
#   "AUDIT SKIP <name>: ..."  the advisory service could not be reached (reported, not failed)
# Usage: tools/dependency-audit.sh <output-dir>
set -uo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-test-output}
mkdir -p "$OUT"

unreachable='Unable to load the service index|NU1301|NU1900|Name or service not known|No such host|could not be resolved|timed out|Connection refused|Network is unreachable|SSL connection could not'

# .NET: every project, transitive packages included; severity is a column of the table.
if out=$(timeout 600 dotnet list PeerRooms.sln package --vulnerable --include-transitive 2>&1); then rc=0; else rc=$?; fi
echo "$out" > "$OUT/audit-dotnet.log"
if grep -qE '^\s*>.*\s(High|Critical)\s' <<<"$out"; then
  echo "AUDIT FAIL dotnet: high/critical advisories:"; grep -E '^\s*>.*\s(High|Critical)\s' <<<"$out"
elif [ "$rc" -ne 0 ] || grep -qE "$unreachable" <<<"$out"; then
  if grep -qE "$unreachable" <<<"$out" || [ "$rc" -eq 124 ]; then
    echo "AUDIT SKIP dotnet: the NuGet advisory source could not be reached (see $OUT/audit-dotnet.log)"
  else
    echo "AUDIT FAIL dotnet: dotnet list package failed (exit $rc, see $OUT/audit-dotnet.log)"
  fi
else
  echo "AUDIT PASS dotnet: no high or critical advisories ($(grep -c 'has the following vulnerable packages' <<<"$out") projects with lower-severity ones)"
fi

# npm: the JS client's lockfile (dev dependencies included: they run in CI).
if [ -f clients/js/package-lock.json ]; then
  out=$(cd clients/js && timeout 300 npm audit --audit-level=high --json 2>/dev/null); rc=$?
  echo "$out" > "$OUT/audit-npm.json"
  verdict=$(node -e '
    let r; try { r = JSON.parse(require("fs").readFileSync(0, "utf8")); } catch { console.log("SKIP unparseable answer"); process.exit(0); }
    if (r.error || r.statusCode || !r.metadata) { console.log("SKIP " + (r.error && (r.error.code || r.error.summary) || r.statusCode || "no metadata")); process.exit(0); }
    const v = r.metadata.vulnerabilities || {};
    const bad = (v.high || 0) + (v.critical || 0);
    console.log((bad > 0 ? "FAIL" : "PASS") + ` high=${v.high || 0} critical=${v.critical || 0} moderate=${v.moderate || 0} low=${v.low || 0}`);
  ' <<<"$out")
  case "$verdict" in
    PASS*) echo "AUDIT PASS npm: ${verdict#PASS }" ;;
    FAIL*) echo "AUDIT FAIL npm: ${verdict#FAIL } (see $OUT/audit-npm.json)" ;;
    *)     echo "AUDIT SKIP npm: the npm advisory service could not be used (${verdict#SKIP }; exit $rc)" ;;
  esac
fi
