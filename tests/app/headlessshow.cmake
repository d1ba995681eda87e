# The headless show against the window's, in one process under Xvfb with a real OpenGL context:
# the same collection and the same engine state must give the same program picture.
sb_add_test(tst_headlessshow SOURCES tst_headlessshow.cpp LIBS sb_app LABELS e2e)
target_include_directories(tst_headlessshow PRIVATE ${PROJECT_SOURCE_DIR}/tests/auction)
set_tests_properties(tst_headlessshow PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=xcb;QT_LOGGING_RULES=sb.*.warning=false;SB_ARTIFACTS_DIR=${PROJECT_BINARY_DIR}/artifacts"
    LABELS "e2e;gl")
# The host speaking on the stream: headless to a real nginx-rtmp, her line in the received AAC
# track where the audio clock put it, and her mouth moving in the program frames meanwhile.
sb_add_test(tst_hostspeech SOURCES tst_hostspeech.cpp ${PROJECT_SOURCE_DIR}/tests/render/NginxRtmp.cpp
    LIBS sb_app Qt6::Network LABELS e2e)
target_include_directories(tst_hostspeech PRIVATE ${PROJECT_SOURCE_DIR}/tests/auction
    ${PROJECT_SOURCE_DIR}/tests/render)
set_tests_properties(tst_hostspeech PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=xcb;QT_LOGGING_RULES=sb.*.warning=false"
    LABELS "e2e;gl")
