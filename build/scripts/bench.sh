#!/usr/bin/env bash
# Runs the benchmark (build/bench/bench.ts); arguments go to it, e.g. --only open --sizes 100000.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash build/scripts/setup.sh
# The Excel section runs the import worker as the app ships it: dist/electron/excel-worker.cjs.
npm run --silent build:electron >/dev/null
npx tsx build/bench/bench.ts "$@"
