#!/usr/bin/env bash
# Installs what Puljeplan needs on a fresh machine, and nothing that is already there.
# - npm packages (the Electron binary is skipped where it cannot be downloaded),
# - better-sqlite3 built for this Node (tests and the CLI run under Node),
# - Debian's Chromium for the end-to-end tests (only with --chromium).
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

if [ "${1:-}" = "--chromium" ] && [ ! -x /usr/bin/chromium ]; then
  echo "Installerer Debians chromium til end-to-end-testene …"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi
