# The studio's settings (QSettings INI) and its stream keys (in the OS keychain, via sb_integrations).
list(APPEND SB_STUDIO_SOURCES StudioSettings.cpp StudioSettings.h)
# The host's settings ([host] in studio.ini): persona, voice, lines, LLM, VTube Studio.
list(APPEND SB_STUDIO_SOURCES HostSettings.cpp HostSettings.h)
