# The marathon wizard and the operator's docks, driven by objectName as a user would.
sb_add_test(tst_wizard SOURCES tst_wizard.cpp LIBS sb_app)
target_include_directories(tst_wizard PRIVATE ${PROJECT_SOURCE_DIR}/tests/auction)
