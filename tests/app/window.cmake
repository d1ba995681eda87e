# The studio window under Xvfb with a real OpenGL context (the xcb platform), driven as a user,
# streaming to a real nginx-rtmp on loopback.
find_package(Qt6 6.4 REQUIRED COMPONENTS Network)
sb_add_test(tst_mainwindow SOURCES tst_mainwindow.cpp ${PROJECT_SOURCE_DIR}/tests/render/NginxRtmp.cpp
    LIBS sb_app Qt6::Network LABELS e2e)
target_include_directories(tst_mainwindow PRIVATE ${PROJECT_SOURCE_DIR}/tests/render)
set_tests_properties(tst_mainwindow PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=xcb;QT_LOGGING_RULES=sb.*.warning=false;SB_ARTIFACTS_DIR=${PROJECT_BINARY_DIR}/artifacts"
    LABELS "e2e;gl")
