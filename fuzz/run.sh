#!/usr/bin/env bash
# Runs every fuzz target in turn, each for SECONDS (default 660), nicely:
# other people share the machine. Seeds each corpus from the adversarial
# corpus and the examples. Needs `cargo install cargo-fuzz` and a nightly
# toolchain. Crashes land in fuzz/artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-660}
shift || true
targets=${*:-front_matter body word_diff render}
for t in $targets; do
  mkdir -p "corpus/$t"
  cp ../tests/adversarial/files/*.md ../examples/proposals/*.md "corpus/$t/" 2>/dev/null || true
done
# Word-diff seeds: two versions of one example, cut at a 0xFF byte.
mkdir -p corpus/word_diff
for f in ../examples/proposals/*.md; do
  { cat "$f"; printf '\xff'; sed 's/the /a /g' "$f"; } > "corpus/word_diff/pair-$(basename "$f")"
done
for t in $targets; do
  echo "== $t: ${seconds}s from $(date +%T)"
  nice -n 10 cargo +nightly fuzz run -O "$t" "corpus/$t" -- \
    -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    2>&1 | tail -n 25 || echo "== $t stopped: see fuzz/artifacts/$t/"
done
