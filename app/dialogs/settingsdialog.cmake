# The Settings window (Stream, X account, Output, Video, Recording, Hotkeys, General, Host) over
# StudioSettings and x.ini.
list(APPEND SB_APP_SOURCES
    dialogs/SettingsDialog.cpp dialogs/SettingsDialog.h
    dialogs/StreamSettingsPage.cpp dialogs/StreamSettingsPage.h
    dialogs/DestinationDialog.cpp dialogs/DestinationDialog.h
    dialogs/HotkeysSettingsPage.cpp dialogs/HotkeysSettingsPage.h
    dialogs/XSettingsPage.cpp dialogs/XSettingsPage.h
    dialogs/ShapeSettingsPage.cpp dialogs/ShapeSettingsPage.h
    dialogs/HostSettingsPage.cpp dialogs/HostSettingsPage.h
)
