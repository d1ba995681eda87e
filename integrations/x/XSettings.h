#pragma once
// What the operator set about X: the app's client id, the callback port registered with X, the
// API's base URLs (X's by default; tests and staging point elsewhere) and which intake sources
// are used. Kept in x.ini in the studio's config folder; never any token (those are in the
// keychain).

#include "XAuth.h"
#include "XIntake.h"
#include "XOutbox.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace sb::integrations::x {

struct XSettings
{
    QString clientId;
    int callbackPort = 8723;
    QString apiBaseUrl = QString(XApi::kDefaultBaseUrl);
    QString authorizeUrl = QStringLiteral("https://x.com/i/oauth2/authorize");
    bool useMentions = true;
    bool useSearch = true;
    bool useStream = false; // the filtered stream, where the account's access has it
    XPollCadence cadence;

    // Pay-per-use, in millionths of a US dollar (no floating point in money): what a post read
    // costs (search, lookup), what reading the account's own mentions costs, and the month's
    // budget for reads. Nearing the budget slows polling (and the X dock says so).
    std::int64_t readPriceMicroUsd = 5'000;
    std::int64_t ownReadPriceMicroUsd = 1'000;
    std::int64_t postPriceMicroUsd = 15'000;
    std::int64_t monthlyBudgetMicroUsd = 50'000'000;

    // Posting: the auction's post at window open, verdict replies and announcements.
    bool posting = true;
    bool allowUrls = false; // a URL costs far more under pay-per-use
    // The operator's text for each kind of post ("open", "accepted", …; XTemplates); a kind
    // that is absent uses the default (translated) text.
    QMap<QString, QString> templates;

    // The file in `folder` (default: the app's config folder).
    static QString filePath(const QString& folder = {});
    static XSettings load(const QString& folder = {}, QString* problem = nullptr);
    bool save(const QString& folder = {}, QString* error = nullptr) const;

    // The host's persona may word the posts in her style: its templates "post.<kind>" (one text
    // each) are used for the kinds the operator left at the default. A persona text that
    // XTemplates::validate refuses is left out and named in *skipped ("post.winner: …").
    // Nothing is saved: the operator's own texts stay what x.ini holds.
    void addPersonaTemplates(const QMap<QString, QString>& personaTemplates,
                             QStringList* skipped = nullptr);

    XAuthSettings auth() const;
    XIntakeOptions intake(const QString& accountUserId) const;
    XOutboxOptions outbox(const QString& accountUserId, const QString& accountUsername) const;
    friend bool operator==(const XSettings&, const XSettings&) = default;
};

} // namespace sb::integrations::x
