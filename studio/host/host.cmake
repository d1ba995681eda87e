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
