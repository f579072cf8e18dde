#!/usr/bin/env bash
# The project's test command: sets up what the tests need, builds everything with warnings as errors, runs every test.
set -euo pipefail
cd "$(dirname "$0")"

command -v dotnet >/dev/null || { echo "test.sh: the .NET SDK (dotnet) is not on PATH" >&2; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Azurite (the storage emulator the tests run against), pinned: 3.36+ needs Node 21+.
if [ ! -f .tools/azurite/node_modules/azurite/dist/src/azurite.js ]; then
  command -v npm >/dev/null || { echo "test.sh: npm (Node.js 20) is needed to install Azurite" >&2; exit 1; }
  npm install --prefix .tools/azurite azurite@3.35.0 --no-audit --no-fund --loglevel=error
fi

# Chromium for the studio's browser tests, driven by Playwright: Debian's package, never a downloaded browser build.
# RGPT_CHROMIUM names another Chromium-based browser; a machine that has one on PATH (a CI image) uses it as it is.
if [ -z "${RGPT_CHROMIUM:-}" ] && [ ! -x /usr/bin/chromium ]; then
  for browser in chromium google-chrome chromium-browser; do
    if command -v "$browser" >/dev/null; then export RGPT_CHROMIUM="$(command -v "$browser")"; break; fi
  done
  if [ -z "${RGPT_CHROMIUM:-}" ]; then
    command -v apt-get >/dev/null || { echo "test.sh: the studio tests need Chromium (Debian's package 'chromium', or set RGPT_CHROMIUM)" >&2; exit 1; }
    as_root=()
    if [ "$(id -u)" -ne 0 ]; then
      command -v sudo >/dev/null || { echo "test.sh: installing chromium needs root or sudo" >&2; exit 1; }
      as_root=(sudo)
    fi
    # A fresh machine's package lists may be missing or stale: update once if the first try fails.
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium \
      || { "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; }
  fi
fi

# action-validator (the deployment tests check every workflow file with it), pinned like Azurite. The Bicep CLI the
# same tests use needs nothing here: it is a NuGet package (Azure.Bicep.CommandLine.linux-x64) that the build restores.
if [ ! -f .tools/action-validator/node_modules/@action-validator/cli/cli.mjs ]; then
  command -v npm >/dev/null || { echo "test.sh: npm (Node.js 20) is needed to install @action-validator/cli" >&2; exit 1; }
  npm install --prefix .tools/action-validator @action-validator/cli@0.6.0 --no-audit --no-fund --loglevel=error
fi

results=artifacts/test-results
rm -rf "$results" artifacts/screenshots
mkdir -p "$results"

dotnet build RecurrentGpt.Functions.sln -c Release -nologo -v quiet
status=0
dotnet test RecurrentGpt.Functions.sln -c Release --no-build -nologo --filter "Category!=Soak" \
  --logger "trx" --results-directory "$results" || status=$?

# The soak loads every core on purpose (a CPU-burning child, kills, an Azurite restart): it runs alone, after the rest.
dotnet test tests/RecurrentGpt.Local.Tests -c Release --no-build -nologo --filter "Category=Soak" \
  --logger "trx;LogFileName=soak.trx" --logger "console;verbosity=detailed" --results-directory "$results" || status=$?

# One plain closing line over every test project, counted from the result files.
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find(".//{*}Counters")
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"Tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
