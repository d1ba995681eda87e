#!/usr/bin/env bash
# Installs the Debian packages the build, the app and the tests need, only those missing.
# Safe to run again. Uses sudo when not run as root.
set -euo pipefail

packages=(
    # toolchain (the sanitizer runtime that matches clang is added below, once clang is there)
    cmake ninja-build ccache pkg-config g++ clang clang-format
    # Qt 6 (Core, Gui, Widgets, Network, Sql with its SQLite driver, Test, Linguist tools)
    qt6-base-dev libqt6sql6-sqlite qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    # Qt OpenGL and OpenGL widgets (the compositor, the live preview)
    libqt6opengl6-dev
    # IANA time zones for the marathon schedule
    tzdata
    # broadcast pipeline: OpenGL (Mesa, software on machines without a GPU), FFmpeg 5.1, fonts,
    # WebP/GIF image plugins
    libgl-dev libegl-dev libgl1-mesa-dri qt6-image-formats-plugins fonts-dejavu-core
    libavcodec-dev libavformat-dev libavutil-dev libswresample-dev libswscale-dev
    # tests and benchmarks: an X server for OpenGL, a real RTMP server, ffprobe/ffmpeg, a TLS
    # front for RTMPS with a certificate made at test time
    xvfb xauth nginx libnginx-mod-rtmp ffmpeg stunnel4 openssl
    # the studio window: stream keys in the OS keychain (QtKeychain), and for its tests a real
    # Secret Service (gnome-keyring in a private D-Bus session)
    qtkeychain-qt6-dev gnome-keyring dbus-daemon
    # Qt's own strings (dialog buttons) in the languages the studio ships
    qt6-translations-l10n
    # outbound HTTP for the integrations (X API, Shape L2 JSON-RPC), found through pkg-config
    libcurl4-openssl-dev
    # Shape L2 settlement: secp256k1 signatures with public-key recovery (EIP-1559 transactions)
    libsecp256k1-dev
    # the host's voice: espeak-ng speech with phoneme events, loudness (EBU R128), and the
    # VTube Studio bridge's WebSocket client (and the tests' server)
    libespeak-ng-dev libebur128-dev qt6-websockets-dev
    # packaging: cpack's DEB generator resolves library dependencies with dpkg-shlibdeps
    dpkg-dev file
)

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
updated=0

# Installs those of the given packages that are missing; says nothing when none is.
install_missing() {
    local missing=()
    for p in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$p")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    echo "Installing: ${missing[*]}"
    if [ $updated -eq 0 ]; then
        $sudo apt-get update -qq
        updated=1
    fi
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

install_missing "${packages[@]}"

# The asan preset builds with plain `clang++`: its sanitizer runtime (compiler-rt) must be the one
# of that clang's major version, which is known only once clang is installed.
clang_major=$(clang -dumpversion | cut -d. -f1)
install_missing "libclang-rt-${clang_major}-dev"

# npm packages of the Shape contract's build and tests (solc-js, OpenZeppelin Contracts, anvil),
# pinned in package-lock.json: `npm ci` on a clean clone, and again whenever the lock file is newer
# than the last install (npm writes node_modules/.package-lock.json at its end). No install
# scripts: anvil's binary comes in its platform package, and its postinstall would download it only
# where that package is absent.
repo_root=$(cd "$(dirname "$0")/.." && pwd)
if [ -f "$repo_root/package.json" ]; then
    if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
        install_missing nodejs npm
    fi
    if [ ! -f "$repo_root/node_modules/.package-lock.json" ] ||
        [ "$repo_root/package-lock.json" -nt "$repo_root/node_modules/.package-lock.json" ]; then
        echo "Installing npm packages (npm ci)"
        (cd "$repo_root" && npm ci --no-audit --no-fund --ignore-scripts)
    fi
fi
