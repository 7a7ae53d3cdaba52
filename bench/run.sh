#!/usr/bin/env bash
# Stagemap — build and run every benchmark, then print the Markdown table for the README.
#   bench/run.sh [stagemap-bench options]      e.g. --reps=7 --no-gui --process-runs=50
# Env: BUILD_DIR (default build-bench), JOBS (default 2).
# The table goes to stdout (and to $BUILD_DIR/bench-table.md); progress goes to stderr.
# Takes about 10-15 minutes on 2 cores with the default repetitions (15; 3 for the 10,000-card exports).
set -euo pipefail

# [SECTION] Build
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILD_DIR:-$root/build-bench}
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j"${JOBS:-2}" --target stagemap-bench >&2

# [SECTION] Run
bench="$build/bench/stagemap-bench"
"$bench" --markdown "$@" | tee "$build/bench-table.md"

# [SECTION] Optional cross-check of the whole-process timing
if command -v hyperfine >/dev/null 2>&1; then
    echo >&2
    hyperfine -N --warmup 3 --runs 30 "$build/stagemap validate $root/blueprints/hotpot-restaurant.blueprint.json" >&2
fi
