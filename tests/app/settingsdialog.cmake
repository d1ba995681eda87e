# The Settings dialog driven by objectName as a user would. Stream keys go through a real Secret
# Service (gnome-keyring on a private D-Bus session with a throwaway HOME, see
# tests/studio/with-keyring.sh) and, in a child process whose session bus does not exist, through
# none. Without dbus-run-session or gnome-keyring the keychain tests skip.
find_program(SB_DBUS_RUN_SESSION dbus-run-session)
find_program(SB_GNOME_KEYRING_DAEMON gnome-keyring-daemon)
find_program(SB_DBUS_SEND dbus-send)

add_executable(tst_settingsdialog tst_settingsdialog.cpp)
target_link_libraries(tst_settingsdialog PRIVATE Qt6::Test sb_app sb_compile_options)
set_target_properties(tst_settingsdialog PROPERTIES AUTOMOC ON)
target_include_directories(tst_settingsdialog PRIVATE ${PROJECT_SOURCE_DIR}/tests/studio)
if(SB_DBUS_RUN_SESSION AND SB_GNOME_KEYRING_DAEMON AND SB_DBUS_SEND)
    add_test(NAME tst_settingsdialog
        COMMAND ${SB_DBUS_RUN_SESSION} -- ${PROJECT_SOURCE_DIR}/tests/studio/with-keyring.sh
            $<TARGET_FILE:tst_settingsdialog>)
else()
    message(STATUS "tst_settingsdialog: no dbus-run-session, dbus-send or gnome-keyring-daemon; "
        "its keychain tests will be skipped")
    add_test(NAME tst_settingsdialog COMMAND tst_settingsdialog)
endif()
set_tests_properties(tst_settingsdialog PROPERTIES LABELS unit TIMEOUT 600
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=sb.*.warning=false")
