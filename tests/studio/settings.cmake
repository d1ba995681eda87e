# Settings and stream keys against a real Secret Service: gnome-keyring on a private D-Bus session
# with a throwaway HOME (with-keyring.sh), so the user's own keyring is never touched. keyring-test.sh
# starts it; without the tools for it the suite fails in CI (CI=true) with the reason, and elsewhere
# runs alone and skips what needs the keychain, saying so.
add_executable(tst_settings tst_settings.cpp)
target_link_libraries(tst_settings PRIVATE Qt6::Test sb_studio sb_compile_options)
set_target_properties(tst_settings PROPERTIES AUTOMOC ON)
add_test(NAME tst_settings
    COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/keyring-test.sh $<TARGET_FILE:tst_settings>)
set_tests_properties(tst_settings PROPERTIES LABELS unit TIMEOUT 600
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=sb.*.warning=false")

# studio.ini itself: defaults, bad values, refusals in words, hotkeys, the URL a key makes.
sb_add_test(tst_studiosettings SOURCES tst_studiosettings.cpp LIBS sb_studio)

# The launcher itself: a keyring that cannot start fails a CI run with the reason.
add_test(NAME tst_keyringlauncher COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/keyring-test-launcher.sh)
set_tests_properties(tst_keyringlauncher PROPERTIES LABELS unit TIMEOUT 60)

# Settings → Shape in studio.ini: networks, explorers, the fee cap in wei, refusals, the round trip.
sb_add_test(tst_shapesettings SOURCES tst_shapesettings.cpp LIBS sb_studio)
