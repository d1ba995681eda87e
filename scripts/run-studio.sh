#!/usr/bin/env bash
# Installs what is missing, builds, and runs SothebAIs Studio.
# Until the studio window lands this starts the headless demo marathon; extra arguments are
# passed to the app (e.g. --speed 120, --db my-demo.db).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev --target sothebais-studio
exec ./build/dev/app/sothebais-studio --headless --demo "$@"
