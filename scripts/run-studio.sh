#!/usr/bin/env bash
# Installs what is missing, builds, and runs SothebAIs Studio: the studio window on a desktop, or
# the headless demo marathon when there is no display (a server, an SSH session). Extra arguments
# go to the app (e.g. --data-dir DIR for the window; --speed 120 for the headless demo).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
# The same build as run-tests.sh (the ci preset, build/ci): whichever runs second reuses what the
# first compiled instead of building everything again in another folder.
cmake --preset ci >/dev/null
cmake --build --preset ci --target sothebais-studio
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    exec ./build/ci/app/sothebais-studio "$@"
fi
echo "No display: running the headless demo (the window needs a desktop session)." >&2
exec ./build/ci/app/sothebais-studio --headless --demo "$@"
