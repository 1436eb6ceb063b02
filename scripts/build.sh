#!/usr/bin/env bash
# Builds Koers: the C++ binary (build/src/koers) and the web front end
# (web/dist). With --sanitize also an AddressSanitizer+UBSan build in
# build-asan/. Uses every core; on a 2-core machine a clean build takes
# about two minutes.
set -euo pipefail
cd "$(dirname "$0")/.."

sanitize=0
for arg in "$@"; do
  case "$arg" in
    --sanitize) sanitize=1 ;;
    *) echo "Onbekende optie: $arg" >&2; exit 2 ;;
  esac
done

build_dir() {
  local dir=$1; shift
  if [ ! -f "$dir/build.ninja" ]; then
    cmake -S . -B "$dir" -G Ninja "$@" > /dev/null
  fi
  ninja -C "$dir"
}

build_dir build -DCMAKE_BUILD_TYPE=RelWithDebInfo
[ "$sanitize" -eq 1 ] && build_dir build-asan -DCMAKE_BUILD_TYPE=Debug -DKOERS_SANITIZE=ON
(cd web && npm run --silent build)
