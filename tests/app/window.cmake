# The studio window under Xvfb with a real OpenGL context (the xcb platform), driven as a user.
sb_add_test(tst_mainwindow SOURCES tst_mainwindow.cpp LIBS sb_app LABELS e2e)
set_tests_properties(tst_mainwindow PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=xcb;QT_LOGGING_RULES=sb.*.warning=false;SB_ARTIFACTS_DIR=${PROJECT_BINARY_DIR}/artifacts"
    LABELS "e2e;gl")
