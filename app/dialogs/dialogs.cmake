# Dialogs: the marathon setup wizard.
list(APPEND SB_APP_SOURCES
    dialogs/MarathonWizard.cpp dialogs/MarathonWizard.h
)
