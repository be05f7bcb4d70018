#!/usr/bin/env bash
# npm run web: Puljeplan in a plain browser, served by a Node server that answers the same
# contract as the Electron app through the same dispatcher (db/web/server.ts).
#   npm run web                      → http://127.0.0.1:5719, .puljeplan-web/Bilag 1.sqlite
#   PULJEPLAN_FILE=sti npm run web   → another portfolio file
set -euo pipefail
cd "$(dirname "$0")/../.."
bash build/scripts/setup.sh
npm run --silent build:renderer
exec npx --no-install tsx db/web/server.ts "$@"
