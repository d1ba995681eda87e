# The Settings window (Stream, Output, Video, Recording, Hotkeys, General) over StudioSettings.
list(APPEND SB_APP_SOURCES
    dialogs/SettingsDialog.cpp dialogs/SettingsDialog.h
    dialogs/StreamSettingsPage.cpp dialogs/StreamSettingsPage.h
    dialogs/DestinationDialog.cpp dialogs/DestinationDialog.h
    dialogs/HotkeysSettingsPage.cpp dialogs/HotkeysSettingsPage.h
)
