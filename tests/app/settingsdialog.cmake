# The Settings dialog driven by objectName as a user would. Stream keys go through a real Secret
# Service (gnome-keyring on a private D-Bus session with a throwaway HOME, started by
# tests/studio/keyring-test.sh) and, in a child process whose session bus does not exist, through
# none. Without the tools for the keyring it fails in CI (CI=true) with the reason; elsewhere the
# keychain tests skip, saying so.
add_executable(tst_settingsdialog tst_settingsdialog.cpp)
target_link_libraries(tst_settingsdialog PRIVATE Qt6::Test sb_app sb_compile_options)
set_target_properties(tst_settingsdialog PROPERTIES AUTOMOC ON)
target_include_directories(tst_settingsdialog PRIVATE ${PROJECT_SOURCE_DIR}/tests/studio)
add_test(NAME tst_settingsdialog
    COMMAND ${PROJECT_SOURCE_DIR}/tests/studio/keyring-test.sh $<TARGET_FILE:tst_settingsdialog>)
set_tests_properties(tst_settingsdialog PROPERTIES LABELS unit TIMEOUT 600
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=sb.*.warning=false")

# The X account page (x.ini beside studio.ini in the test's folder) through the same dialog, so
# under the same private keyring: the Stream page asks the keychain whether it is there.
add_executable(tst_xsettingspage tst_xsettingspage.cpp)
target_link_libraries(tst_xsettingspage PRIVATE Qt6::Test sb_app sb_compile_options)
set_target_properties(tst_xsettingspage PROPERTIES AUTOMOC ON)
add_test(NAME tst_xsettingspage
    COMMAND ${PROJECT_SOURCE_DIR}/tests/studio/keyring-test.sh $<TARGET_FILE:tst_xsettingspage>)
set_tests_properties(tst_xsettingspage PROPERTIES LABELS unit TIMEOUT 600
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=sb.*.warning=false")

# Settings → Shape under the same private keyring: the operator key generated and imported into
# the keychain (never into studio.ini), its balance from a node played on loopback.
add_executable(tst_shapesettingspage tst_shapesettingspage.cpp)
target_link_libraries(tst_shapesettingspage PRIVATE Qt6::Test Qt6::Network sb_app sb_compile_options)
set_target_properties(tst_shapesettingspage PROPERTIES AUTOMOC ON)
target_include_directories(tst_shapesettingspage PRIVATE ${PROJECT_SOURCE_DIR}/tests/studio
    ${PROJECT_SOURCE_DIR}/tests/x)
add_test(NAME tst_shapesettingspage
    COMMAND ${PROJECT_SOURCE_DIR}/tests/studio/keyring-test.sh $<TARGET_FILE:tst_shapesettingspage>)
set_tests_properties(tst_shapesettingspage PROPERTIES LABELS unit TIMEOUT 600
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=sb.*.warning=false")

# The Host page through the same dialog, under the same private keyring (the LLM's API key), with
# an OpenAI-compatible server of the tests for its Test button.
add_executable(tst_hostsettingspage tst_hostsettingspage.cpp
    ${PROJECT_SOURCE_DIR}/tests/llm/FakeLlmServer.cpp ${PROJECT_SOURCE_DIR}/tests/llm/FakeLlmServer.h)
target_link_libraries(tst_hostsettingspage PRIVATE Qt6::Test Qt6::Network sb_app sb_compile_options)
target_include_directories(tst_hostsettingspage PRIVATE ${PROJECT_SOURCE_DIR}/tests/llm)
set_target_properties(tst_hostsettingspage PROPERTIES AUTOMOC ON)
add_test(NAME tst_hostsettingspage
    COMMAND ${PROJECT_SOURCE_DIR}/tests/studio/keyring-test.sh $<TARGET_FILE:tst_hostsettingspage>)
set_tests_properties(tst_hostsettingspage PROPERTIES LABELS unit TIMEOUT 600
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=sb.*.warning=false")
