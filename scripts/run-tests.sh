#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test:
#   1. the CI build (warnings are errors) and all CTest suites, end-to-end ones included;
#   2. the auction core and its suites under ASan/UBSan (clang), and the bid parser fuzzer for a
#      bounded time (SB_FUZZ_SECONDS, default 60; an input slower than 5 s counts as a hang);
#   3. the .deb and .tar.gz packages, unpacked, with the installed binary's --version.
# --quick runs only the fast suites of step 1.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
[ "${1:-}" = "--quick" ] && quick=1

./scripts/install-deps.sh
jobs=$(nproc)

echo "== CI build and tests"
cmake --preset ci >/dev/null
cmake --build --preset ci -j "$jobs"
# OpenGL needs an X server: the GL suites run under Xvfb (software rendering where there is no GPU).
if [ $quick -eq 1 ]; then
    xvfb-run -a -s "-screen 0 1920x1080x24" ctest --preset ci -L unit -j "$jobs"
    exit 0
fi
xvfb-run -a -s "-screen 0 1920x1080x24" ctest --preset ci -j "$jobs"

echo "== ASan/UBSan suites and fuzzing"
cmake --preset asan >/dev/null
cmake --build --preset asan -j "$jobs"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --preset asan -j "$jobs"
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
if ! ./build/asan/fuzz/sb_bidparser_fuzzer -max_total_time="${SB_FUZZ_SECONDS:-60}" -max_len=512 -timeout=5 \
    -dict=fuzz/bidparser.dict -print_final_stats=1 "$corpus" fuzz/corpus/bidparser \
    >"$corpus.log" 2>&1; then
    tail -n 60 "$corpus.log"
    echo "fuzzer found a failure"
    exit 1
fi
grep -E "^stat::(number_of_executed_units|peak_rss_mb)|^Done" "$corpus.log" || true
rm -f "$corpus.log"

echo "== Packages"
./scripts/check-package.sh build/ci
