#!/bin/sh
# What keyring-test.sh does when the private Secret Service cannot start: in CI the keychain
# suites fail with the reason instead of skipping; outside CI they run alone (and skip); with the
# tools present the suite runs with the private keyring's environment.
set -u

launcher="$(dirname "$0")/keyring-test.sh"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
failures=0
fail() {
    echo "FAIL: $1" >&2
    sed 's/^/    /' "$out" >&2
    failures=$((failures + 1))
}

# No daemon, in CI: a failure that names what is missing; the suite does not run.
if CI=true SB_GNOME_KEYRING_DAEMON=/nonexistent/gnome-keyring-daemon \
    "$launcher" sh -c 'echo suite-ran' >"$out" 2>&1; then
    fail "a missing keyring daemon in CI passed"
elif ! grep -q "FAIL: no private Secret Service.*missing.*/nonexistent/gnome-keyring-daemon" "$out" ||
    grep -q suite-ran "$out"; then
    fail "a missing keyring daemon in CI did not fail with the reason"
fi

# SB_REQUIRE_KEYRING=1 does the same outside CI.
if CI= SB_REQUIRE_KEYRING=1 SB_GNOME_KEYRING_DAEMON=/nonexistent/gnome-keyring-daemon \
    "$launcher" sh -c 'echo suite-ran' >"$out" 2>&1; then
    fail "SB_REQUIRE_KEYRING=1 without a daemon passed"
fi

# A daemon that exits at once, in CI: a failure with the reason (from with-keyring.sh, or the
# missing D-Bus tools), never the suite run without a keychain.
if CI=true SB_GNOME_KEYRING_DAEMON=false "$launcher" sh -c 'echo suite-ran' >"$out" 2>&1; then
    fail "a keyring daemon that does not start passed in CI"
elif ! grep -q -e "did not open its login collection" -e "FAIL: no private Secret Service" "$out"; then
    fail "a keyring daemon that does not start failed without the reason"
fi

# A daemon that dies while starting (gnome-keyring 42 now and then aborts in GLib before it is
# ready) is started again, saying so with its log, and the suite then runs with the keyring.
if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null &&
    command -v dbus-send >/dev/null; then
    flaky=$(mktemp -d)
    cat >"$flaky/daemon" <<EOF_DAEMON
#!/bin/sh
if [ ! -e "$flaky/started" ]; then
    touch "$flaky/started"
    echo "Bail out! pretend GLib assertion" >&2
    exit 134
fi
exec gnome-keyring-daemon "\$@"
EOF_DAEMON
    chmod +x "$flaky/daemon"
    if ! CI=true SB_GNOME_KEYRING_DAEMON="$flaky/daemon" "$launcher" \
        sh -c 'test -d "$SB_TEST_KEYRING_HOME" && echo keyring-ready' >"$out" 2>&1 ||
        ! grep -q keyring-ready "$out" || ! grep -q "starting it again" "$out" ||
        ! grep -q "pretend GLib assertion" "$out"; then
        fail "a daemon that died while starting was not started again, with its log"
    fi
    rm -rf "$flaky"
fi

# Outside CI, without a daemon: the suite runs alone, after a line saying why.
if ! CI= SB_REQUIRE_KEYRING= SB_GNOME_KEYRING_DAEMON=/nonexistent/gnome-keyring-daemon \
    "$launcher" sh -c 'echo suite-ran' >"$out" 2>&1 ||
    ! grep -q suite-ran "$out" || ! grep -q "keychain tests skip" "$out"; then
    fail "outside CI a missing daemon did not run the suite alone with a reason"
fi

# With the tools: the suite sees the private keyring.
if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null &&
    command -v dbus-send >/dev/null; then
    if ! CI=true "$launcher" sh -c 'test -d "$SB_TEST_KEYRING_HOME" && echo keyring-ready' \
        >"$out" 2>&1 || ! grep -q keyring-ready "$out"; then
        fail "the private keyring did not reach the suite"
    fi
fi

[ "$failures" -eq 0 ] && echo "keyring launcher: all checks passed"
exit "$failures"
