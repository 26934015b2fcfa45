#!/usr/bin/env bash
# Runs every test of the repository: the Designer's unit tests, type check and build (first, because the browser
# end-to-end tests in tests/RulesEngine.Designer.Tests serve that build), then the .NET suites (xunit v3 on
# Microsoft.Testing.Platform, with a real PostgreSQL started by the fixtures, real HTTP over loopback and headless
# Debian Chromium driven by Playwright; no browser is ever downloaded).
# Ends with one line "Tests: N passed, N failed, N skipped" and exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 NO_COLOR=1 FORCE_COLOR=0

logs=$(mktemp -d)
status=0

echo "== Designer: npm ci, unit tests, type check and build"
(
  set -e
  cd Designer
  { [ -d node_modules ] && [ node_modules -nt package-lock.json ]; } || npm ci --no-audit --no-fund
  npm test 2>&1 || { echo "Designer unit tests failed"; status=1; }
  npm run build 2>&1
  exit $status
) | tee "$logs/designer.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
if [ ! -f Designer/dist/index.html ]; then echo "the Designer build failed: the browser tests need Designer/dist"; exit 1; fi

echo "== Chromium for the browser tests"
if [ ! -x /usr/bin/chromium ]; then
  { apt-get update -qq && apt-get install -y -qq chromium; } > "$logs/apt.log" 2>&1 || { cat "$logs/apt.log"; echo "could not install chromium"; exit 1; }
fi
/usr/bin/chromium --version 2>/dev/null | head -1

echo "== .NET: build"
if ! dotnet build RulesEngine.sln -p:SkipDesignerBuild=true -nologo > "$logs/build.log" 2>&1; then
  cat "$logs/build.log"; echo "build failed"; exit 1
fi

echo "== .NET: tests"
dotnet test --solution RulesEngine.sln --no-build 2>&1 | tee "$logs/dotnet.log"
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
