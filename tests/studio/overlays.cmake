# The auction overlays painted to images and compared pixel by pixel.
sb_add_test(tst_overlays SOURCES tst_overlays.cpp LIBS sb_studio)
