# The auction overlays painted to images and compared pixel by pixel.
sb_add_test(tst_overlays SOURCES tst_overlays.cpp LIBS sb_studio)
# The "How to bid" card: in the default scene, following the auction, repainted only on change.
sb_add_test(tst_howtobid SOURCES tst_howtobid.cpp LIBS sb_studio)
target_include_directories(tst_howtobid PRIVATE ${PROJECT_SOURCE_DIR}/tests/auction)
# Settlement on screen: "Paid ✓" on the SOLD banner once minted, the last day's settlement on the
# schedule card, and the snapshot reading both from a real engine.
sb_add_test(tst_settlementoverlays SOURCES tst_settlementoverlays.cpp LIBS sb_studio)
target_include_directories(tst_settlementoverlays PRIVATE ${PROJECT_SOURCE_DIR}/tests/auction)
