sb_add_test(tst_framepacer SOURCES tst_framepacer.cpp LIBS sb_render)
sb_add_test(tst_pipeline SOURCES tst_pipeline.cpp LIBS sb_render)
set_tests_properties(tst_pipeline PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=xcb" LABELS "unit;gl")
