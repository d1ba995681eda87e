# The marathon wizard and the operator's docks, driven by objectName as a user would.
sb_add_test(tst_wizard SOURCES tst_wizard.cpp LIBS sb_app)
target_include_directories(tst_wizard PRIVATE ${PROJECT_SOURCE_DIR}/tests/auction)
# The stats dock's audio meter on a known sine mixed by the program's mixer.
sb_add_test(tst_statsdock SOURCES tst_statsdock.cpp LIBS sb_app)
# The Settlement dock over a real marathon session: rows, overrides by stage, explorer links.
sb_add_test(tst_settlementdock SOURCES tst_settlementdock.cpp LIBS sb_app)
target_include_directories(tst_settlementdock PRIVATE ${PROJECT_SOURCE_DIR}/tests/auction)
# SettlementRunner (the window's and headless's settlement) over a real session and anvil.
sb_add_test(tst_settlementrunner SOURCES tst_settlementrunner.cpp
    ${PROJECT_SOURCE_DIR}/tests/shape/AnvilNode.cpp LIBS sb_app Qt6::Network LABELS e2e)
target_include_directories(tst_settlementrunner PRIVATE ${PROJECT_SOURCE_DIR}/tests/auction
    ${PROJECT_SOURCE_DIR}/tests/shape)
target_compile_definitions(tst_settlementrunner PRIVATE SB_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
set_tests_properties(tst_settlementrunner PROPERTIES TIMEOUT 300)
