sb_add_test(tst_studiocore SOURCES tst_studiocore.cpp LIBS sb_studio)
target_include_directories(tst_studiocore PRIVATE ${PROJECT_SOURCE_DIR}/tests/auction)
