#pragma once
// For the X suites that keep tokens in the keychain (run through tests/studio/keyring-test.sh):
// without a Secret Service they cannot test what they are for. In CI that is a failure with the
// reason, never a silent skip; elsewhere the suite skips, saying why.

#include "SecretStore.h"

#include <QTest>

#define SB_REQUIRE_KEYCHAIN()                                                                      \
    do {                                                                                           \
        sb::integrations::SecretStore probe_;                                                      \
        QString why_;                                                                              \
        if (!probe_.isAvailable(&why_)) {                                                          \
            const QByteArray ci_ = qgetenv("CI").toLower();                                        \
            if (ci_ == "true" || ci_ == "1")                                                       \
                QFAIL(qPrintable(QStringLiteral("no keychain in CI: ") + why_));                   \
            QSKIP(qPrintable(QStringLiteral("no keychain here (run through keyring-test.sh): ") +  \
                             why_));                                                               \
        }                                                                                          \
    } while (false)
