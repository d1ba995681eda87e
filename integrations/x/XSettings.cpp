#include "XSettings.h"

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
    return o;
}

} // namespace sb::integrations::x
