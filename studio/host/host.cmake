# The host character: its moods, the mood machine fed by auction events, the vector-drawn puppet
# (layers rendered once, composed per frame) and the overlay with its caption bubble.
list(APPEND SB_STUDIO_SOURCES
    host/HostMood.cpp host/HostMood.h
    host/HostMoodMachine.cpp host/HostMoodMachine.h
    host/HostPalette.h
    host/HostPuppetArt.cpp host/HostFaceArt.cpp host/HostBodyArt.cpp host/HostPuppetArt.h
    host/HostArtShapes.h
    host/HostPuppet.cpp host/HostPuppet.h
    host/HostCaption.cpp host/HostCaption.h
    host/HostOverlay.cpp host/HostOverlay.h
)
# What the host says: the persona (ElizaOS character file, the shipped one embedded), the line
# director that turns auction events into lines, and the blocklist every line passes.
list(APPEND SB_STUDIO_SOURCES
    host/Persona.cpp host/Persona.h
    host/HostLine.cpp host/HostLine.h
    host/LineFilter.cpp host/LineFilter.h
    host/LineDirector.cpp host/LineDirector.h
)
# The optional LLM between the director and her voice (integrations/llm), and the optional VTube
# Studio bridge fed from her voice and moods (integrations/vtubestudio).
list(APPEND SB_STUDIO_SOURCES
    host/LineComposer.cpp host/LineComposer.h
    host/HostVtsLink.cpp host/HostVtsLink.h
)
cmake_language(DEFER CALL target_link_libraries sb_studio PUBLIC sb_llm sb_vtubestudio)
# Her voice in the program's sound (integrations/tts, built with the studio).
list(APPEND SB_STUDIO_SOURCES host/HostVoice.cpp host/HostVoice.h)
# The show's sounds: a gavel on SOLD and a chime at window open, synthesized, under her voice.
list(APPEND SB_STUDIO_SOURCES host/ShowSounds.cpp host/ShowSounds.h)
cmake_language(DEFER CALL target_link_libraries sb_studio PUBLIC sb_tts)
qt_add_resources(SB_STUDIO_SOURCES ${PROJECT_SOURCE_DIR}/resources/host/host_persona.qrc)
# The persona loader refuses duplicate keys as the config loaders do (sb_common); sb_studio is
# made after this file is read, so the link is added once the folder is done.
cmake_language(DEFER CALL target_link_libraries sb_studio PRIVATE sb_common)
