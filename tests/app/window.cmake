# The studio window under Xvfb with a real OpenGL context (the xcb platform), driven as a user,
# streaming to a real nginx-rtmp on loopback, with its stream keys in a real Secret Service
# (tests/studio/keyring-test.sh: gnome-keyring on a private D-Bus session, as for tst_settings).
find_package(Qt6 6.4 REQUIRED COMPONENTS Network)
add_executable(tst_mainwindow tst_mainwindow.cpp tst_mainwindow_outputs.cpp MainWindowSuite.h
    ${PROJECT_SOURCE_DIR}/tests/render/NginxRtmp.cpp)
target_link_libraries(tst_mainwindow PRIVATE Qt6::Test sb_app Qt6::Network sb_compile_options)
set_target_properties(tst_mainwindow PROPERTIES AUTOMOC ON)
target_include_directories(tst_mainwindow PRIVATE ${PROJECT_SOURCE_DIR}/tests/render
    ${PROJECT_SOURCE_DIR}/tests/studio)
add_test(NAME tst_mainwindow
    COMMAND ${PROJECT_SOURCE_DIR}/tests/studio/keyring-test.sh $<TARGET_FILE:tst_mainwindow>)
# Real-time streams and child processes: run alone (as sb_add_test does for e2e suites).
set_tests_properties(tst_mainwindow PROPERTIES TIMEOUT 600 RUN_SERIAL TRUE
    ENVIRONMENT "QT_QPA_PLATFORM=xcb;QT_LOGGING_RULES=sb.*.warning=false;SB_ARTIFACTS_DIR=${PROJECT_BINARY_DIR}/artifacts"
    LABELS "e2e;gl")

# The window with settlement on Shape set up: the Settlement dock shows the chain driver running
# on a real anvil with the key from a real Secret Service (keyring-test.sh, Xvfb as above).
add_executable(tst_settlementwindow tst_settlementwindow.cpp
    ${PROJECT_SOURCE_DIR}/tests/shape/AnvilNode.cpp)
target_link_libraries(tst_settlementwindow PRIVATE Qt6::Test sb_app Qt6::Network sb_compile_options)
set_target_properties(tst_settlementwindow PROPERTIES AUTOMOC ON)
target_include_directories(tst_settlementwindow PRIVATE ${PROJECT_SOURCE_DIR}/tests/shape
    ${PROJECT_SOURCE_DIR}/tests/x)
target_compile_definitions(tst_settlementwindow PRIVATE SB_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
add_test(NAME tst_settlementwindow
    COMMAND ${PROJECT_SOURCE_DIR}/tests/studio/keyring-test.sh $<TARGET_FILE:tst_settlementwindow>)
set_tests_properties(tst_settlementwindow PROPERTIES TIMEOUT 300 RUN_SERIAL TRUE
    ENVIRONMENT "QT_QPA_PLATFORM=xcb;QT_LOGGING_RULES=sb.*.warning=false" LABELS "e2e;gl")
