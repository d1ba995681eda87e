# The studio's settings (QSettings INI) and its stream keys (in the OS keychain, via sb_integrations).
list(APPEND SB_STUDIO_SOURCES StudioSettings.cpp StudioSettings.h)
