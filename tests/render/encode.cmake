# Encoder and mixer units; the outputs against real nginx-rtmp servers (e2e).
find_package(Qt6 6.4 REQUIRED COMPONENTS Network)
sb_add_test(tst_encoders SOURCES tst_encoders.cpp LIBS sb_render)
sb_add_test(tst_outputs SOURCES tst_outputs.cpp NginxRtmp.cpp NginxRtmp.h
    LIBS sb_render Qt6::Network LABELS e2e)
# The program mix: the stats dock's meter on a known sine, and a bed ducking under the voice.
sb_add_test(tst_audiomix SOURCES tst_audiomix.cpp LIBS sb_render)
