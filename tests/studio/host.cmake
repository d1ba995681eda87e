# The host character: mood rules on a virtual clock, the puppet and its caption painted to images.
sb_add_test(tst_host SOURCES tst_host.cpp LIBS sb_studio)
# What the host says: ElizaOS persona files, and the line director on a virtual clock with its
# blocklist.
sb_add_test(tst_persona SOURCES tst_persona.cpp LIBS sb_studio)
sb_add_test(tst_linedirector SOURCES tst_linedirector.cpp LIBS sb_studio)
# The show's lines: the caption and the journal (host.line), a hostile name never spoken.
sb_add_test(tst_hostlines SOURCES tst_hostlines.cpp LIBS sb_studio)
target_include_directories(tst_hostlines PRIVATE ${PROJECT_SOURCE_DIR}/tests/auction)
# Her voice as the mixer hears it (espeak-ng through integrations/tts).
sb_add_test(tst_hostvoice SOURCES tst_hostvoice.cpp LIBS sb_studio)
# Lip sync and the word-by-word caption against the voice's audio clock.
sb_add_test(tst_lipsync SOURCES tst_lipsync.cpp LIBS sb_studio)
# The show's sounds (gavel, chime) and their level under her speech in the program mix.
sb_add_test(tst_showsounds SOURCES tst_showsounds.cpp LIBS sb_studio)
# The music bed (Settings → Host) as the window plays it: in the program mix at its level, ducked
# ~10 dB under her voice, replaced and cleared with the setting.
sb_add_test(tst_musicbed SOURCES tst_musicbed.cpp LIBS sb_studio)
target_include_directories(tst_musicbed PRIVATE ${PROJECT_SOURCE_DIR}/tests/auction)
