# The operator's table models over a real engine on a virtual clock.
sb_add_test(tst_models SOURCES tst_models.cpp LIBS sb_studio)
target_include_directories(tst_models PRIVATE ${PROJECT_SOURCE_DIR}/tests/auction)
# The Settlement dock's table: rows, countdowns, explorer links, next actions, overrides by stage.
sb_add_test(tst_settlementmodel SOURCES tst_settlementmodel.cpp LIBS sb_studio)
