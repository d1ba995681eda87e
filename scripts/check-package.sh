#!/usr/bin/env bash
# Builds the .deb and .tar.gz from a build dir, unpacks them, and runs the packaged binary.
set -euo pipefail
build=${1:-build/ci}
(cd "$build" && cpack -G "DEB;TGZ" >/dev/null)
deb=$(ls -t "$build"/sothebais-studio_*.deb | head -n1)
tgz=$(ls -t "$build"/sothebais-studio-*.tar.gz | head -n1)
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

dpkg-deb -x "$deb" "$root/deb"
for f in usr/bin/sothebais-studio usr/share/applications/sothebais-studio.desktop \
         usr/share/icons/hicolor/scalable/apps/sothebais-studio.svg; do
    test -f "$root/deb/$f" || { echo "missing from $deb: $f"; exit 1; }
done
dpkg-deb -f "$deb" Depends | grep -q libqt6core6 || { echo "$deb does not depend on Qt"; exit 1; }
"$root/deb/usr/bin/sothebais-studio" --version | tee "$root/version.txt"
grep -q "^sothebais-studio [0-9]" "$root/version.txt"

mkdir "$root/tgz"
tar -xzf "$tgz" -C "$root/tgz"
"$root"/tgz/*/bin/sothebais-studio --version >/dev/null
echo "packages ok: $(basename "$deb"), $(basename "$tgz")"
