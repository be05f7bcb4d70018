#!/usr/bin/env bash
# npm start: builds Puljeplan and starts it in Electron. Extra arguments go to the app, e.g.
#   npm start -- "/sti/til/Bilag 1.sqlite"
# Where the Electron program was never downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD), it says so
# and points to the browser build instead.
set -euo pipefail
cd "$(dirname "$0")/../.."

bash build/scripts/setup.sh
npm run build --silent

# In Node, require('electron') returns the program's path; since Electron 42 it first downloads
# the program if it is missing (npm install no longer does), and throws if that fails.
if ! node -e "require('electron')" >/dev/null 2>&1; then
  echo "Electron-programmet findes ikke på denne maskine og kunne ikke hentes. Start Puljeplan i browseren med: npm run web"
  exit 1
fi

# better-sqlite3 is native and built for one ABI at a time: here for Electron. Tests and the CLI
# run under Node; build/scripts/setup.sh rebuilds it for Node when they need it.
npx --no-install electron-builder install-app-deps

exec npx --no-install electron . "$@"
