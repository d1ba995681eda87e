#include "XCommands.h"

#include "CliCommands.h"
#include "XAuth.h"
#include "XSettings.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTimer>

#include <cstdio>
#include <iostream>
#include <string>

namespace sb::app {

using namespace sb::integrations;
using namespace sb::integrations::x;

namespace {

void say(const QString& line, FILE* to = stdout)
{
    std::fprintf(to, "%s\n", line.toUtf8().constData());
    std::fflush(to);
}

// Waits (running the event loop) until the sign-in state settles or `timeoutMs` passes.
bool waitForState(XAuth& auth, const std::function<bool()>& done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QObject::connect(&auth, &XAuth::stateChanged, &loop, [&] {
        if (done())
            loop.quit();
    });
    QObject::connect(&auth, &XAuth::signInFailed, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return done();
}

QJsonObject statusJson(const XAuth& auth)
{
    QJsonObject o{{QStringLiteral("signed_in"), auth.isSignedIn()}};
    if (auth.isSignedIn()) {
        o.insert(QStringLiteral("username"), auth.username());
        o.insert(QStringLiteral("user_id"), auth.userId());
        o.insert(
            QStringLiteral("token_expires_at"),
            QDateTime::fromMSecsSinceEpoch(auth.expiresAtUtcMs(), Qt::UTC).toString(Qt::ISODate));
    }
    if (!auth.signInNeeded().isEmpty())
        o.insert(QStringLiteral("sign_in_needed"), auth.signInNeeded());
    return o;
}

} // namespace

int runX(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addPositionalArgument(QStringLiteral("action"),
                                 QCoreApplication::translate("XCli", "login, status or logout"));
    parser.addOptions({
        {QStringLiteral("client-id"),
         QCoreApplication::translate("XCli", "The X app's OAuth 2.0 client id (kept in x.ini)."),
         QStringLiteral("id")},
        {QStringLiteral("port"),
         QCoreApplication::translate("XCli", "The callback port registered with X (default 8723)."),
         QStringLiteral("port")},
        {QStringLiteral("api"),
         QCoreApplication::translate("XCli", "X API base URL (default https://api.x.com)."),
         QStringLiteral("url")},
        {QStringLiteral("authorize-url"), QCoreApplication::translate("XCli", "X's authorize URL."),
         QStringLiteral("url")},
        {QStringLiteral("paste"),
         QCoreApplication::translate(
             "XCli",
             "Do not listen on the loopback port: paste the address the browser was sent to.")},
        {QStringLiteral("config-dir"),
         QCoreApplication::translate("XCli", "Where x.ini is (default: the app's config folder)."),
         QStringLiteral("dir")},
    });
    if (!parser.parse(QStringList{QStringLiteral("sothebais-studio x")} + args))
        return usageError(parser.errorText());
    const QString action = parser.positionalArguments().value(0);
    if (action != QLatin1String("login") && action != QLatin1String("status") &&
        action != QLatin1String("logout"))
        return usageError(QCoreApplication::translate("XCli", "x takes login, status or logout."));

    const QString configDir = parser.value(QStringLiteral("config-dir"));
    QString problem;
    XSettings settings = XSettings::load(configDir, &problem);
    if (!problem.isEmpty())
        say(problem, stderr);
    if (parser.isSet(QStringLiteral("client-id")))
        settings.clientId = parser.value(QStringLiteral("client-id")).trimmed();
    if (parser.isSet(QStringLiteral("port"))) {
        bool ok = false;
        settings.callbackPort = parser.value(QStringLiteral("port")).toInt(&ok);
        if (!ok || settings.callbackPort < 1 || settings.callbackPort > 65535)
            return usageError(QCoreApplication::translate("XCli", "--port takes a port number."));
    }
    if (parser.isSet(QStringLiteral("api")))
        settings.apiBaseUrl = parser.value(QStringLiteral("api"));
    if (parser.isSet(QStringLiteral("authorize-url")))
        settings.authorizeUrl = parser.value(QStringLiteral("authorize-url"));

    HttpClient http;
    SecretStore keychain;
    XAuth auth(http, keychain, settings.auth());
    auth.load();
    waitForState(
        auth, [&] { return auth.state() != XAuth::State::Unknown; }, keychain.timeoutMs() + 1000);

    if (action == QLatin1String("status")) {
        say(QString::fromUtf8(QJsonDocument(statusJson(auth)).toJson(QJsonDocument::Compact)));
        return auth.isSignedIn() ? 0 : 1;
    }
    if (action == QLatin1String("logout")) {
        if (!auth.isSignedIn()) {
            say(QCoreApplication::translate("XCli", "Not signed in to X."));
            return 0;
        }
        const QString name = auth.username();
        auth.signOut();
        // Let the revocation and the keychain's removal go out before the process ends.
        QEventLoop settle;
        QTimer::singleShot(1500, &settle, &QEventLoop::quit);
        settle.exec();
        say(QCoreApplication::translate(
                "XCli",
                "Signed out of X (@%1); the token was revoked and removed from the keychain.")
                .arg(name));
        return 0;
    }

    // login
    if (QString error; !settings.save(configDir, &error))
        say(error, stderr);
    const bool paste = parser.isSet(QStringLiteral("paste"));
    QString error;
    const QString url = auth.beginSignIn(&error, !paste);
    if (url.isEmpty())
        return usageError(error);
    say(QCoreApplication::translate("XCli",
                                    "Open this address in a browser and allow SothebAIs Studio:"));
    say(url);
    if (paste) {
        say(QCoreApplication::translate(
                "XCli", "Then paste here the address the browser was sent to (it starts with %1):")
                .arg(settings.auth().redirectUri()));
        std::string line;
        std::getline(std::cin, line);
        auth.completeSignIn(QString::fromStdString(line));
    } else {
        say(QCoreApplication::translate("XCli", "Waiting for X's answer on %1 …")
                .arg(settings.auth().redirectUri()));
    }
    QString failure;
    QObject::connect(&auth, &XAuth::signInFailed, [&](const QString& m) { failure = m; });
    waitForState(
        auth, [&] { return auth.isSignedIn() || !failure.isEmpty(); }, 10 * 60'000);
    if (!auth.isSignedIn()) {
        say(failure.isEmpty()
                ? QCoreApplication::translate("XCli", "No answer from X within 10 minutes.")
                : failure,
            stderr);
        return 1;
    }
    say(QCoreApplication::translate(
            "XCli", "Signed in to X as @%1 (account %2). The token is in the keychain.")
            .arg(auth.username(), auth.userId()));
    return 0;
}

} // namespace sb::app
