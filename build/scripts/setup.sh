#!/usr/bin/env bash
# Installs what Puljeplan needs on a fresh machine, and nothing that is already there.
# - npm packages (the Electron binary is skipped where it cannot be downloaded),
# - better-sqlite3 built for this Node (tests and the CLI run under Node),
# - with --test-tools (what `npm test` passes), Debian's packages the tests use where missing:
#   chromium (end-to-end tests), libreoffice-calc-nogui (tests/db/excel/libreoffice.test.ts
#   checks the annex and the clipboard in a real spreadsheet) and poppler-utils (pdftotext);
#   --chromium installs chromium only, as before.
set -euo pipefail
cd "$(dirname "$0")/../.."

# npm writes node_modules/.package-lock.json at every install: older than our lock = stale.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installerer npm-pakker …"
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
fi

# The app rebuilds better-sqlite3 for Electron's ABI; tests and the CLI need it for Node.
if ! node -e "new (require('better-sqlite3'))(':memory:').close()" 2>/dev/null; then
  echo "Bygger better-sqlite3 til Node …"
  npm rebuild better-sqlite3
fi

# Debian package -> the program it installs; one apt-get run for whatever is missing.
declare -A TEST_TOOLS=([chromium]=/usr/bin/chromium [libreoffice-calc-nogui]=/usr/bin/soffice [poppler-utils]=/usr/bin/pdftotext)
wanted=()
case "${1:-}" in
  --test-tools) wanted=(chromium libreoffice-calc-nogui poppler-utils) ;;
  --chromium) wanted=(chromium) ;;
esac
missing=()
for pkg in "${wanted[@]}"; do
  [ -x "${TEST_TOOLS[$pkg]}" ] || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installerer Debians ${missing[*]} til testene …"
  sudo=()
  [ "$(id -u)" = 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
