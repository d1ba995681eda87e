#include "XSettings.h"

#include "XTemplates.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>

namespace sb::integrations::x {

namespace {

bool isHttpUrl(const QString& text)
{
    const QUrl url(text);
    return url.isValid() &&
           (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")) &&
           !url.host().isEmpty();
}

} // namespace

QString XSettings::filePath(const QString& folder)
{
    const QString dir = folder.isEmpty()
                            ? QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
                            : folder;
    return QDir(dir).filePath(QStringLiteral("x.ini"));
}

XSettings XSettings::load(const QString& folder, QString* problem)
{
    XSettings s;
    const QSettings ini(filePath(folder), QSettings::IniFormat);
    s.clientId = ini.value(QStringLiteral("x/client_id"), s.clientId).toString().trimmed();
    bool ok = false;
    const int port = ini.value(QStringLiteral("x/callback_port"), s.callbackPort).toInt(&ok);
    if (ok && port > 0 && port < 65536)
        s.callbackPort = port;
    else if (problem)
        *problem = QCoreApplication::translate("XSettings",
                                               "x.ini: callback_port is not a port; using %1.")
                       .arg(s.callbackPort);
    for (auto [key, target] : {std::pair{"x/api_base_url", &s.apiBaseUrl},
                               std::pair{"x/authorize_url", &s.authorizeUrl}}) {
        const QString value = ini.value(QLatin1String(key), *target).toString().trimmed();
        if (isHttpUrl(value))
            *target = value;
        else if (problem)
            *problem = QCoreApplication::translate("XSettings", "x.ini: %1 is not an http(s) URL.")
                           .arg(QLatin1String(key));
    }
    s.useMentions = ini.value(QStringLiteral("x/use_mentions"), s.useMentions).toBool();
    s.useSearch = ini.value(QStringLiteral("x/use_search"), s.useSearch).toBool();
    s.useStream = ini.value(QStringLiteral("x/use_stream"), s.useStream).toBool();
    for (auto [key, target] :
         {std::pair{"cadence/idle_ms", &s.cadence.idleMs},
          std::pair{"cadence/open_ms", &s.cadence.openMs},
          std::pair{"cadence/closing_ms", &s.cadence.closingMs},
          std::pair{"cadence/grace_ms", &s.cadence.graceMs},
          std::pair{"cost/read_price_micro_usd", &s.readPriceMicroUsd},
          std::pair{"cost/own_read_price_micro_usd", &s.ownReadPriceMicroUsd},
          std::pair{"cost/post_price_micro_usd", &s.postPriceMicroUsd},
          std::pair{"cost/monthly_budget_micro_usd", &s.monthlyBudgetMicroUsd}}) {
        const qint64 value = ini.value(QLatin1String(key), qint64(*target)).toLongLong(&ok);
        // A cadence under a second would spend the rate limit in moments; a price below zero
        // means nothing.
        const qint64 least = QLatin1String(key).startsWith(QLatin1String("cadence/")) ? 1000 : 0;
        if (ok && value >= least)
            *target = value;
        else if (problem)
            *problem =
                QCoreApplication::translate("XSettings", "x.ini: %1 is out of range; using %2.")
                    .arg(QLatin1String(key))
                    .arg(*target);
    }
    s.posting = ini.value(QStringLiteral("post/enabled"), s.posting).toBool();
    s.allowUrls = ini.value(QStringLiteral("post/allow_urls"), s.allowUrls).toBool();
    const QString prefix = QStringLiteral("templates/");
    for (const QString& key : ini.allKeys()) {
        if (key.startsWith(prefix))
            s.templates.insert(key.mid(prefix.size()), ini.value(key).toString());
    }
    return s;
}

bool XSettings::save(const QString& folder, QString* error) const
{
    const QString path = filePath(folder);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSettings ini(path, QSettings::IniFormat);
    ini.setValue(QStringLiteral("x/client_id"), clientId);
    ini.setValue(QStringLiteral("x/callback_port"), callbackPort);
    ini.setValue(QStringLiteral("x/api_base_url"), apiBaseUrl);
    ini.setValue(QStringLiteral("x/authorize_url"), authorizeUrl);
    ini.setValue(QStringLiteral("x/use_mentions"), useMentions);
    ini.setValue(QStringLiteral("x/use_search"), useSearch);
    ini.setValue(QStringLiteral("x/use_stream"), useStream);
    ini.setValue(QStringLiteral("cadence/idle_ms"), qint64(cadence.idleMs));
    ini.setValue(QStringLiteral("cadence/open_ms"), qint64(cadence.openMs));
    ini.setValue(QStringLiteral("cadence/closing_ms"), qint64(cadence.closingMs));
    ini.setValue(QStringLiteral("cadence/grace_ms"), qint64(cadence.graceMs));
    ini.setValue(QStringLiteral("cost/read_price_micro_usd"), qint64(readPriceMicroUsd));
    ini.setValue(QStringLiteral("cost/own_read_price_micro_usd"), qint64(ownReadPriceMicroUsd));
    ini.setValue(QStringLiteral("cost/post_price_micro_usd"), qint64(postPriceMicroUsd));
    ini.setValue(QStringLiteral("cost/monthly_budget_micro_usd"), qint64(monthlyBudgetMicroUsd));
    ini.setValue(QStringLiteral("post/enabled"), posting);
    ini.setValue(QStringLiteral("post/allow_urls"), allowUrls);
    ini.remove(QStringLiteral("templates"));
    for (auto it = templates.cbegin(); it != templates.cend(); ++it)
        ini.setValue(QStringLiteral("templates/") + it.key(), it.value());
    ini.sync();
    if (ini.status() != QSettings::NoError) {
        if (error)
            *error = QCoreApplication::translate("XSettings", "Cannot save %1.").arg(path);
        return false;
    }
    return true;
}

XAuthSettings XSettings::auth() const
{
    XAuthSettings a;
    a.clientId = clientId;
    a.callbackPort = callbackPort;
    a.apiBaseUrl = apiBaseUrl;
    a.authorizeUrl = authorizeUrl;
    return a;
}

XIntakeOptions XSettings::intake(const QString& accountUserId) const
{
    XIntakeOptions o;
    o.apiBaseUrl = apiBaseUrl;
    o.accountUserId = accountUserId;
    o.useMentions = useMentions;
    o.useSearch = useSearch;
    o.useStream = useStream;
    o.cadence = cadence;
    o.readPriceMicroUsd = readPriceMicroUsd;
    o.ownReadPriceMicroUsd = ownReadPriceMicroUsd;
    o.monthlyBudgetMicroUsd = monthlyBudgetMicroUsd; // 0: no budget
    return o;
}

void XSettings::addPersonaTemplates(const QMap<QString, QString>& personaTemplates,
                                    QStringList* skipped)
{
    static const QString prefix = QStringLiteral("post.");
    for (auto it = personaTemplates.cbegin(); it != personaTemplates.cend(); ++it) {
        if (!it.key().startsWith(prefix))
            continue;
        const QString kind = it.key().mid(prefix.size());
        const QString text = it.value().trimmed();
        if (!templates.value(kind).trimmed().isEmpty())
            continue; // the operator's own text wins
        if (const QString why = XTemplates::validate(kind, text); !why.isEmpty()) {
            if (skipped)
                skipped->append(QStringLiteral("%1: %2").arg(it.key(), why));
            continue;
        }
        templates.insert(kind, text);
    }
}

XOutboxOptions XSettings::outbox(const QString& accountUserId, const QString& accountUsername) const
{
    XOutboxOptions o;
    o.apiBaseUrl = apiBaseUrl;
    o.accountUserId = accountUserId;
    o.accountUsername = accountUsername;
    o.allowUrls = allowUrls;
    o.templates = templates;
    o.postPriceMicroUsd = postPriceMicroUsd;
    return o;
}

} // namespace sb::integrations::x
