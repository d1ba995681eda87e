#!/bin/sh
# Runs a keychain suite against a private Secret Service (with-keyring.sh on a D-Bus session of its
# own), the way CTest registers tst_settings and tst_settingsdialog:
#   tests/studio/keyring-test.sh COMMAND [ARGS...]
# Without the tools for one, the suite cannot test the keychain. In CI (CI=true or 1) or with
# SB_REQUIRE_KEYRING=1 that is a failure with the reason, never a silent skip; elsewhere the suite
# runs alone and skips its keychain tests, after saying why. A keyring that does not start fails
# in with-keyring.sh, with its log. SB_GNOME_KEYRING_DAEMON names another daemon (tests of this).
set -eu

here=$(dirname "$0")
daemon=${SB_GNOME_KEYRING_DAEMON:-gnome-keyring-daemon}
missing=
for tool in dbus-run-session dbus-send "$daemon"; do
    command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
if [ -z "$missing" ]; then
    exec dbus-run-session -- "$here/with-keyring.sh" "$@"
fi

reason="no private Secret Service for the keychain tests: missing$missing (Debian: apt-get install dbus-daemon dbus-bin gnome-keyring)"
ci=$(printf '%s' "${CI:-}" | tr '[:upper:]' '[:lower:]')
if [ "$ci" = true ] || [ "$ci" = 1 ] || [ "${SB_REQUIRE_KEYRING:-}" = 1 ]; then
    echo "keyring-test.sh: FAIL: $reason" >&2
    exit 1
fi
echo "keyring-test.sh: $reason; its keychain tests skip (in CI this fails)" >&2
exec "$@"
