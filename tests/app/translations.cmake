# Spanish ships complete: the .ts is fully translated and the .qm that sb_app embeds under :/i18n
# translates the studio's strings.
sb_add_test(tst_translations SOURCES tst_translations.cpp LIBS sb_app)
target_compile_definitions(tst_translations PRIVATE
    SB_TS_FILE="${PROJECT_SOURCE_DIR}/translations/sothebais_es.ts")
