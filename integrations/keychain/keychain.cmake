# The OS keychain (QtKeychain): stream keys and other secrets, never in settings files.
list(APPEND SB_INTEGRATIONS_SOURCES keychain/SecretStore.cpp keychain/SecretStore.h)
