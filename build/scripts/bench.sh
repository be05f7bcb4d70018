#!/usr/bin/env bash
# Runs the benchmark (build/bench/bench.ts); arguments go to it, e.g. --only open --sizes 100000.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash build/scripts/setup.sh
npx tsx build/bench/bench.ts "$@"
