#!/usr/bin/env bash
# Builds the fuzz targets with clang's libFuzzer (ASan+UBSan) in build-fuzz/
# and fuzzes each for SECONDS (default 60), growing its corpus in
# tests/fuzz/<target>/. New corpus files are worth committing; a crash file
# is a bug to fix and to keep as a regression input.
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true

if [ ! -f build-fuzz/build.ninja ]; then
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKOERS_FUZZ=ON > /dev/null
fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(find src -name '*_fuzz.cpp' -printf '%f\n' | sed 's/\.cpp$//' | sort)
fi
ninja -C build-fuzz "${targets[@]}"
for t in "${targets[@]}"; do
  echo "== $t ($seconds s)"
  mkdir -p "tests/fuzz/$t" build-fuzz/crashes "build-fuzz/corpus/$t"
  build-fuzz/tests/"$t" -max_total_time="$seconds" -max_len=16384 -rss_limit_mb=2048 \
    -artifact_prefix=build-fuzz/crashes/"$t"- "build-fuzz/corpus/$t" "tests/fuzz/$t"
  # Keep only the inputs that add coverage, so the committed corpus stays small.
  rm -rf "build-fuzz/min-$t" && mkdir -p "build-fuzz/min-$t"
  build-fuzz/tests/"$t" -merge=1 -max_len=16384 "build-fuzz/min-$t" "tests/fuzz/$t" "build-fuzz/corpus/$t" > /dev/null 2>&1
  find "tests/fuzz/$t" -type f ! -name 'regression-*' -delete
  cp "build-fuzz/min-$t"/* "tests/fuzz/$t/" 2>/dev/null || true
  echo "   corpus: $(ls "tests/fuzz/$t" | wc -l) inputs"
done
