# The host character: mood rules on a virtual clock, the puppet and its caption painted to images.
sb_add_test(tst_host SOURCES tst_host.cpp LIBS sb_studio)
