#!/bin/sh
# Runs a command against a real Secret Service that is not the user's: an unlocked gnome-keyring
# in a throwaway HOME, on the private session bus of the dbus-run-session this runs under:
#   dbus-run-session -- tests/studio/with-keyring.sh COMMAND [ARGS...]
# The daemon and the temporary HOME are removed when COMMAND exits; its exit status is kept. A
# daemon that does not start is a failure (exit 2) with its log, never a skip.
set -eu

if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
    echo "with-keyring.sh: run me under dbus-run-session" >&2
    exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sb-keyring.XXXXXX")
keyring_pid=
# shellcheck disable=SC2317 # called by the trap
cleanup() {
    # The daemon outlives the session bus, so it is stopped here.
    if [ -n "$keyring_pid" ]; then
        kill "$keyring_pid" 2>/dev/null || true
        wait "$keyring_pid" 2>/dev/null || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export HOME="$tmp/home"
export XDG_CONFIG_HOME="$HOME/.config"
export XDG_DATA_HOME="$HOME/.local/share"
export XDG_CACHE_HOME="$HOME/.cache"
export XDG_RUNTIME_DIR="$tmp/run"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

# --unlock reads the login keyring's password on stdin and creates that keyring when it is
# missing, so the default collection exists and is open. gnome-keyring 42 takes an empty password
# as "none given" and asks a GUI prompter instead (which fails without a display), hence a
# throwaway non-empty one. In the foreground, so that its pid is known and it can be stopped.
start_keyring() {
    printf '%s' 'sb-test-keyring' |
        "${SB_GNOME_KEYRING_DAEMON:-gnome-keyring-daemon}" --foreground --unlock --components=secrets >"$tmp/keyring.log" 2>&1 &
    keyring_pid=$!
}

# Ready when the login collection is on the bus and unlocked. Ask the bus first: a call to a name
# nobody owns yet would start a second daemon by D-Bus activation. Then a method call, Unlock on
# the login collection, which answers with it when it is open (and a prompt, never shown, when
# it is not). Not a read of its Locked property: gnome-keyring 42 answers a property read from a
# client it has not seen yet in an idle callback, and now and then aborts there (a GLib assertion
# in invoke_get_property_in_idle_cb) before any test has run.
login_unlocked() {
    dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets | grep -q true &&
        dbus-send --session --print-reply=literal --dest=org.freedesktop.secrets \
            /org/freedesktop/secrets org.freedesktop.Secret.Service.Unlock \
            array:objpath:/org/freedesktop/secrets/collection/login 2>/dev/null |
        grep -q 'collection/login'
}
start_keyring
tries=0
starts=1
until login_unlocked; do
    tries=$((tries + 1))
    if ! kill -0 "$keyring_pid" 2>/dev/null && [ "$starts" -lt 3 ]; then
        # It died before any test ran: say so, with its log, and start it once more.
        echo "with-keyring.sh: gnome-keyring exited while starting; starting it again. Its log:" >&2
        cat "$tmp/keyring.log" >&2
        wait "$keyring_pid" 2>/dev/null || true
        starts=$((starts + 1))
        tries=0
        start_keyring
        continue
    fi
    if ! kill -0 "$keyring_pid" 2>/dev/null || [ "$tries" -gt 100 ]; then
        echo "with-keyring.sh: gnome-keyring did not open its login collection:" >&2
        cat "$tmp/keyring.log" >&2
        exit 2
    fi
    sleep 0.1
done

# Tests can check that nothing they wrote under this HOME contains a secret, and can pause the
# daemon (SIGSTOP) to see a keychain that does not answer.
export SB_TEST_KEYRING_HOME="$HOME"
export SB_TEST_KEYRING_PID="$keyring_pid"

status=0
"$@" || status=$?
exit "$status"
