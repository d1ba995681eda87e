#!/usr/bin/env bash
# Installs what is missing, builds, and runs SothebAIs Studio: the studio window on a desktop, or
# the headless demo marathon when there is no display (a server, an SSH session). Extra arguments
# go to the app (e.g. --data-dir DIR for the window; --speed 120 for the headless demo).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev --target sothebais-studio
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    exec ./build/dev/app/sothebais-studio "$@"
fi
echo "No display: running the headless demo (the window needs a desktop session)." >&2
exec ./build/dev/app/sothebais-studio --headless --demo "$@"
