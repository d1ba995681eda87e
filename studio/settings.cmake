# The studio's settings (QSettings INI) and its stream keys (in the OS keychain, via sb_integrations).
list(APPEND SB_STUDIO_SOURCES StudioSettings.cpp StudioSettings.h StudioSettingsStreamKeys.cpp)
# Settlement on Shape ([shape] in studio.ini): network, RPC, contract, deadline, fee cap.
list(APPEND SB_STUDIO_SOURCES ShapeSettings.cpp ShapeSettings.h)
# The host's settings ([host] in studio.ini): persona, voice, lines, LLM, VTube Studio.
list(APPEND SB_STUDIO_SOURCES HostSettings.cpp HostSettings.h)
