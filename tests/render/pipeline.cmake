sb_add_test(tst_framepacer SOURCES tst_framepacer.cpp LIBS sb_render)
