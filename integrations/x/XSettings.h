#pragma once
// What the operator set about X: the app's client id, the callback port registered with X, the
// API's base URLs (X's by default; tests and staging point elsewhere) and which intake sources
// are used. Kept in x.ini in the studio's config folder; never any token (those are in the
// keychain).

#include "XAuth.h"
#include "XIntake.h"

#include <QString>

namespace sb::integrations::x {

struct XSettings
{
    QString clientId;
    int callbackPort = 8723;
    QString apiBaseUrl = QString(XApi::kDefaultBaseUrl);
    QString authorizeUrl = QStringLiteral("https://x.com/i/oauth2/authorize");
    bool useMentions = true;
    bool useSearch = true;

    // The file in `folder` (default: the app's config folder).
    static QString filePath(const QString& folder = {});
    static XSettings load(const QString& folder = {}, QString* problem = nullptr);
    bool save(const QString& folder = {}, QString* error = nullptr) const;

    XAuthSettings auth() const;
    XIntakeOptions intake(const QString& accountUserId) const;
    friend bool operator==(const XSettings&, const XSettings&) = default;
};

} // namespace sb::integrations::x
