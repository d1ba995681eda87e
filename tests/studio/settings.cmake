# Settings and stream keys against a real Secret Service: gnome-keyring on a private D-Bus session
# with a throwaway HOME (with-keyring.sh), so the user's own keyring is never touched. Without
# dbus-run-session or gnome-keyring the suite runs alone and skips what needs the keychain.
find_program(SB_DBUS_RUN_SESSION dbus-run-session)
find_program(SB_GNOME_KEYRING_DAEMON gnome-keyring-daemon)
find_program(SB_DBUS_SEND dbus-send)

add_executable(tst_settings tst_settings.cpp)
target_link_libraries(tst_settings PRIVATE Qt6::Test sb_studio sb_compile_options)
set_target_properties(tst_settings PROPERTIES AUTOMOC ON)
if(SB_DBUS_RUN_SESSION AND SB_GNOME_KEYRING_DAEMON AND SB_DBUS_SEND)
    add_test(NAME tst_settings
        COMMAND ${SB_DBUS_RUN_SESSION} -- ${CMAKE_CURRENT_SOURCE_DIR}/with-keyring.sh
            $<TARGET_FILE:tst_settings>)
else()
    message(WARNING "tst_settings: dbus-run-session, dbus-send or gnome-keyring-daemon missing; "
        "the keychain tests will be skipped")
    add_test(NAME tst_settings COMMAND tst_settings)
endif()
set_tests_properties(tst_settings PROPERTIES LABELS unit TIMEOUT 600
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=sb.*.warning=false")
