#!/usr/bin/env bash
# Runs one fuzz target with the committed seeds and dictionary.
#
#   fuzz/run.sh text_timexes 600        # ten minutes
#   fuzz/run.sh articles_timeline 600
#
# Needs cargo-fuzz and a nightly toolchain (`cargo +nightly fuzz ...`): the address
# sanitizer flags are nightly-only. The working corpus grows in fuzz/corpus/<target>
# (not committed); crashes land in fuzz/artifacts/<target>/ and become regression
# tests in tests/regress_*.rs.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: fuzz/run.sh TARGET SECONDS}
secs=${2:-600}
mkdir -p "fuzz/corpus/$target"
exec cargo +nightly fuzz run "$target" "fuzz/corpus/$target" "fuzz/seeds/$target" -- \
    -dict=fuzz/dict/storyline.dict -max_total_time="$secs" -max_len=8192 \
    -print_final_stats=1 "${@:3}"
