#!/usr/bin/env bash
# `npm test`: installs what is missing (npm packages; Debian's chromium, LibreOffice Calc and
# poppler-utils), then type-checks, lints (including the layer rule), builds the renderer and
# Electron bundles, and runs every test suite. Ends with one line "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/../.."
bash build/scripts/setup.sh --test-tools
echo "== Typekontrol"
npx tsc --noEmit -p tsconfig.json
echo "== Lint (inkl. lagreglen)"
npx eslint .
echo "== Formatering (Prettier; ret med npm run format)"
npx prettier --check . --log-level warn
echo "== Byg"
npm run --silent build
echo "== Test"
mkdir -p artifacts
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=artifacts/vitest.json "$@" || status=$?
node build/scripts/test-summary.mjs artifacts/vitest.json
exit "$status"
