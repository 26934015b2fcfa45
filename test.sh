#!/usr/bin/env bash
# Runs every test of the repository: the .NET suites (xunit v3 on Microsoft.Testing.Platform, with a real PostgreSQL
# started by the fixtures and real HTTP over loopback) and the Designer's unit tests, type check and build.
# Ends with one line "Tests: N passed, N failed, N skipped" and exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 NO_COLOR=1 FORCE_COLOR=0

logs=$(mktemp -d)
status=0

echo "== .NET: build"
if ! dotnet build RulesEngine.sln -p:SkipDesignerBuild=true -nologo > "$logs/build.log" 2>&1; then
  cat "$logs/build.log"; echo "build failed"; exit 1
fi

echo "== .NET: tests"
dotnet test --solution RulesEngine.sln --no-build 2>&1 | tee "$logs/dotnet.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1

echo "== Designer: npm ci, unit tests, type check and build"
(
  cd Designer
  { [ -d node_modules ] && [ node_modules -nt package-lock.json ]; } || npm ci --no-audit --no-fund
  npm test 2>&1
  npm run build 2>&1
) | tee "$logs/designer.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1

# One summary line over both runners.
dn_total=$(grep -E "^\s+total: [0-9]+" "$logs/dotnet.log" | tail -1 | grep -oE "[0-9]+" || echo 0)
dn_failed=$(grep -E "^\s+failed: [0-9]+" "$logs/dotnet.log" | tail -1 | grep -oE "[0-9]+" || echo 0)
dn_passed=$(grep -E "^\s+succeeded: [0-9]+" "$logs/dotnet.log" | tail -1 | grep -oE "[0-9]+" || echo 0)
dn_skipped=$(grep -E "^\s+skipped: [0-9]+" "$logs/dotnet.log" | tail -1 | grep -oE "[0-9]+" || echo 0)
vt_passed=$(grep -E "Tests +[0-9]+ passed" "$logs/designer.log" | tail -1 | grep -oE "[0-9]+ passed" | grep -oE "[0-9]+" || echo 0)
vt_failed=$(grep -E "Tests +.*[0-9]+ failed" "$logs/designer.log" | tail -1 | grep -oE "[0-9]+ failed" | grep -oE "[0-9]+" || echo 0)
passed=$((dn_passed + vt_passed)); failed=$((dn_failed + vt_failed)); skipped=$dn_skipped
if [ "$dn_total" -eq 0 ]; then echo "no .NET test ran"; status=1; fi
if [ "$failed" -gt 0 ]; then status=1; fi
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit $status
