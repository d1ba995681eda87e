#include "XAuth.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcXAuth, "sb.x.auth")

namespace sb::integrations::x {

const QString XAuth::kScopes = QStringLiteral("tweet.read tweet.write users.read offline.access");

namespace {

QString randomUrlSafe(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator* random = QRandomGenerator::system(); // a CSPRNG: these guard the sign-in
    for (char& c : raw)
        c = char(random->bounded(256));
    return QString::fromLatin1(
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray form(const QList<QPair<QString, QString>>& fields)
{
    QUrlQuery q;
    for (const auto& [key, value] : fields)
        q.addQueryItem(QString::fromLatin1(QUrl::toPercentEncoding(key)),
                       QString::fromLatin1(QUrl::toPercentEncoding(value)));
    return q.query(QUrl::FullyEncoded).toLatin1();
}

HttpRequest post(const QString& url, const QByteArray& body)
{
    HttpRequest request;
    request.method = "POST";
    request.url = url;
    request.body = body;
    request.headers.append(
        qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")));
    return request;
}

} // namespace

QString XTokens::toJson() const
{
    return QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("access_token"), accessToken},
                                  {QStringLiteral("refresh_token"), refreshToken},
                                  {QStringLiteral("expires_at_ms"), qint64(expiresAtUtcMs)},
                                  {QStringLiteral("user_id"), userId},
                                  {QStringLiteral("username"), username}})
            .toJson(QJsonDocument::Compact));
}

std::optional<XTokens> XTokens::fromJson(const QString& json)
{
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    XTokens t;
    t.accessToken = o.value(QStringLiteral("access_token")).toString();
    t.refreshToken = o.value(QStringLiteral("refresh_token")).toString();
    t.expiresAtUtcMs = o.value(QStringLiteral("expires_at_ms")).toInteger();
    t.userId = o.value(QStringLiteral("user_id")).toString();
    t.username = o.value(QStringLiteral("username")).toString();
    if (t.accessToken.isEmpty())
        return std::nullopt;
    return t;
}

XAuth::XAuth(HttpClient& http, SecretStore& keychain, XAuthSettings settings, QObject* parent)
    : QObject(parent), m_http(http), m_keychain(keychain), m_settings(std::move(settings))
{
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, &XAuth::refresh);
}

XAuth::~XAuth() = default;

QString XAuth::codeChallenge(const QString& verifier)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

void XAuth::setState(State state)
{
    m_state = state;
    emit stateChanged();
}

void XAuth::load()
{
    m_keychain.startRead(QString(kKeychainKey), this, [this](const SecretStore::Result& read) {
        if (!read.ok()) {
            m_signInNeeded = tr("The keychain could not be read: %1").arg(read.error);
            setState(State::SignedOut);
            return;
        }
        m_tokens = read.secret ? XTokens::fromJson(*read.secret) : std::nullopt;
        m_signInNeeded.clear();
        if (!m_tokens) {
            setState(State::SignedOut);
            return;
        }
        setState(State::SignedIn);
        scheduleRefresh();
    });
}

QString XAuth::beginSignIn(QString* error, bool listen)
{
    if (m_settings.clientId.isEmpty()) {
        *error = tr(
            "Set the X app's client id (in the X dock, or x login --client-id) before signing in.");
        return {};
    }
    if (listen) {
        stopListening();
        m_listener = std::make_unique<QTcpServer>();
        if (!m_listener->listen(QHostAddress::LocalHost, quint16(m_settings.callbackPort))) {
            *error = tr("Cannot listen on 127.0.0.1:%1 for X's answer: %2")
                         .arg(m_settings.callbackPort)
                         .arg(m_listener->errorString());
            m_listener.reset();
            return {};
        }
        connect(m_listener.get(), &QTcpServer::newConnection, this, &XAuth::onCallbackConnection);
    }
    m_verifier = randomUrlSafe(48); // 64 characters, within RFC 7636's 43–128
    m_expectedState = randomUrlSafe(24);
    QUrl url(m_settings.authorizeUrl);
    QUrlQuery q;
    const QList<QPair<QString, QString>> fields{
        {QStringLiteral("response_type"), QStringLiteral("code")},
        {QStringLiteral("client_id"), m_settings.clientId},
        {QStringLiteral("redirect_uri"), m_settings.redirectUri()},
        {QStringLiteral("scope"), kScopes},
        {QStringLiteral("state"), m_expectedState},
        {QStringLiteral("code_challenge"), codeChallenge(m_verifier)},
        {QStringLiteral("code_challenge_method"), QStringLiteral("S256")},
    };
    for (const auto& [key, value] : fields)
        q.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    url.setQuery(q);
    setState(State::SigningIn);
    return url.toString(QUrl::FullyEncoded);
}

void XAuth::onCallbackConnection()
{
    while (QTcpSocket* socket = m_listener ? m_listener->nextPendingConnection() : nullptr) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            const QByteArray head = socket->peek(8192);
            if (!head.contains("\r\n\r\n") && head.size() < 8192)
                return;
            const QList<QByteArray> requestLine = head.left(head.indexOf('\r')).split(' ');
            const QString target = QString::fromLatin1(requestLine.value(1));
            const bool isCallback = target.startsWith(QLatin1String("/callback"));
            const QByteArray page =
                isCallback ? "<!doctype html><meta charset=utf-8><title>SothebAIs Studio</title>"
                             "<p>Signed in to X. You can close this tab and go back to the "
                             "studio.</p>"
                           : "<!doctype html><p>Not found.</p>";
            socket->write((isCallback ? "HTTP/1.1 200 OK\r\n" : "HTTP/1.1 404 Not Found\r\n") +
                          QByteArray("Content-Type: text/html; charset=utf-8\r\nContent-Length: ") +
                          QByteArray::number(page.size()) + "\r\nConnection: close\r\n\r\n" + page);
            socket->disconnectFromHost();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            if (isCallback) {
                // One answer only: the listener closes before the code is exchanged.
                QMetaObject::invokeMethod(
                    this,
                    [this, target] {
                        stopListening();
                        completeSignIn(m_settings.redirectUri().section(u'/', 0, 2) + target);
                    },
                    Qt::QueuedConnection);
            }
        });
    }
}

void XAuth::stopListening()
{
    if (m_listener) {
        m_listener->close();
        m_listener.release()->deleteLater(); // it may be the sender of the current signal
    }
}

void XAuth::completeSignIn(const QString& redirectedUrl)
{
    const QUrlQuery q(QUrl(redirectedUrl.trimmed()).query());
    if (m_verifier.isEmpty()) {
        fail(tr("No sign-in is in progress: start it again."));
        return;
    }
    if (q.hasQueryItem(QStringLiteral("error"))) {
        fail(tr("X did not sign you in: %1")
                 .arg(q.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded)));
        return;
    }
    // A redirect that does not carry the state we sent could be forged by another page.
    if (q.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded) != m_expectedState) {
        fail(tr("The answer from X does not belong to this sign-in (its state differs). Try "
                "again."));
        return;
    }
    const QString code = q.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    if (code.isEmpty()) {
        fail(tr("The answer from X carries no code. Try again."));
        return;
    }
    exchange(code);
}

void XAuth::exchange(const QString& code)
{
    const QByteArray body =
        form({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
              {QStringLiteral("code"), code},
              {QStringLiteral("client_id"), m_settings.clientId},
              {QStringLiteral("redirect_uri"), m_settings.redirectUri()},
              {QStringLiteral("code_verifier"), m_verifier}});
    m_verifier.clear(); // one exchange per sign-in
    m_http.send(post(m_settings.apiBaseUrl + QStringLiteral("/2/oauth2/token"), body), this,
                [this](const HttpResponse& r) { onTokenAnswer(r, false); });
}

void XAuth::refresh()
{
    if (!m_tokens || m_tokens->refreshToken.isEmpty() || m_refreshing)
        return;
    m_refreshing = true;
    const QByteArray body = form({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                  {QStringLiteral("refresh_token"), m_tokens->refreshToken},
                                  {QStringLiteral("client_id"), m_settings.clientId}});
    m_http.send(post(m_settings.apiBaseUrl + QStringLiteral("/2/oauth2/token"), body), this,
                [this](const HttpResponse& r) {
                    m_refreshing = false;
                    onTokenAnswer(r, true);
                });
}

void XAuth::onTokenAnswer(const HttpResponse& response, bool isRefresh)
{
    const QJsonObject o = QJsonDocument::fromJson(response.body).object();
    const QString access = o.value(QStringLiteral("access_token")).toString();
    if (!response.ok() || access.isEmpty()) {
        QString why = o.value(QStringLiteral("error_description")).toString();
        if (why.isEmpty())
            why = o.value(QStringLiteral("error")).toString();
        if (why.isEmpty())
            why = response.error.isEmpty() ? tr("X answered %1").arg(response.status)
                                           : response.error;
        // Only X's OAuth refusal (400, or 401 for the client) spends the sign-in. Anything else
        // (X out of reach, a 5xx, a 429, an answer without a token) says nothing about the
        // refresh token: it is kept, the access token works until it expires, and the refresh
        // is tried again in a minute.
        if (isRefresh && response.status != 400 && response.status != 401) {
            qCInfo(lcXAuth).noquote() << "refresh failed, trying again in a minute:" << why;
            m_refreshTimer.start(60'000);
            return;
        }
        if (isRefresh) {
            refreshRefused(why);
            return;
        }
        fail(tr("X refused the sign-in: %1").arg(why));
        return;
    }
    XTokens tokens = m_tokens.value_or(XTokens());
    tokens.accessToken = access;
    tokens.refreshToken = o.value(QStringLiteral("refresh_token")).toString();
    // A lifetime shorter than a minute (0, or a broken answer) is read as a minute, and the next
    // refresh waits at least 30 s: never a refresh, and a keychain write, on every answer.
    tokens.expiresAtUtcMs =
        QDateTime::currentMSecsSinceEpoch() +
        std::int64_t(std::max(60, o.value(QStringLiteral("expires_in")).toInt(7200))) * 1000;
    if (isRefresh) {
        // Single use: the new pair goes to the keychain before the new access token is used.
        store(tokens, [this, tokens](bool stored) {
            if (!stored)
                qCWarning(lcXAuth) << "the refreshed X token could not be kept in the keychain;"
                                      " it works until the studio quits";
            m_tokens = tokens;
            scheduleRefresh(kMinimumRefreshGapMs);
            emit stateChanged();
        });
        return;
    }
    fetchAccount(tokens);
}

void XAuth::refreshRefused(const QString& why)
{
    // Another studio on this keychain (the window and headless, say) may have used the same
    // single-use refresh token first and kept the new pair: then that pair is the one to use.
    const QString spent = m_tokens ? m_tokens->refreshToken : QString();
    m_keychain.startRead(
        QString(kKeychainKey), this, [this, spent, why](const SecretStore::Result& read) {
            const std::optional<XTokens> stored =
                read.ok() && read.secret ? XTokens::fromJson(*read.secret) : std::nullopt;
            if (stored && !stored->refreshToken.isEmpty() && stored->refreshToken != spent) {
                m_tokens = stored;
                scheduleRefresh();
                emit stateChanged();
                return;
            }
            // Refused for good (used, revoked): the user signs in again;
            // nothing else stops.
            m_tokens.reset();
            m_signInNeeded = tr("X no longer accepts the studio's sign-in (%1). Sign in to X "
                                "again in the X dock, or with sothebais-studio x login.")
                                 .arg(why);
            setState(State::SignedOut);
            emit signInFailed(m_signInNeeded);
        });
}

void XAuth::fetchAccount(XTokens tokens)
{
    HttpRequest me;
    me.url = m_settings.apiBaseUrl + QStringLiteral("/2/users/me");
    me.headers.append(
        qMakePair(QByteArray("Authorization"), "Bearer " + tokens.accessToken.toUtf8()));
    m_http.send(me, this, [this, tokens](const HttpResponse& r) mutable {
        const QJsonObject user =
            QJsonDocument::fromJson(r.body).object().value(QStringLiteral("data")).toObject();
        tokens.userId = user.value(QStringLiteral("id")).toString();
        tokens.username = user.value(QStringLiteral("username")).toString();
        if (!r.ok() || tokens.userId.isEmpty()) {
            fail(tr("Signed in, but X did not say which account: %1")
                     .arg(r.ok() ? tr("no id in the answer") : QString::number(r.status)));
            return;
        }
        store(tokens, [this, tokens](bool stored) {
            if (!stored) {
                fail(tr("Signed in, but the keychain did not keep the token, so the studio will "
                        "not store it anywhere else. Unlock the keychain and sign in again."));
                return;
            }
            m_tokens = tokens;
            m_signInNeeded.clear();
            setState(State::SignedIn);
            scheduleRefresh();
        });
    });
}

void XAuth::store(XTokens tokens, std::function<void(bool stored)> then)
{
    m_keychain.startWrite(
        QString(kKeychainKey), tokens.toJson(), this,
        [then = std::move(then)](const SecretStore::Result& written) { then(written.ok()); });
}

void XAuth::scheduleRefresh(std::int64_t atLeastMs)
{
    if (!m_tokens || m_tokens->refreshToken.isEmpty())
        return;
    const std::int64_t due =
        m_tokens->expiresAtUtcMs - m_settings.refreshAheadMs - QDateTime::currentMSecsSinceEpoch();
    m_refreshTimer.start(int(std::clamp<std::int64_t>(due, atLeastMs, 24 * 3600'000)));
}

void XAuth::signOut()
{
    stopListening();
    m_refreshTimer.stop();
    if (m_tokens) {
        const QByteArray body =
            form({{QStringLiteral("token"), m_tokens->accessToken},
                  {QStringLiteral("token_type_hint"), QStringLiteral("access_token")},
                  {QStringLiteral("client_id"), m_settings.clientId}});
        m_http.send(post(m_settings.apiBaseUrl + QStringLiteral("/2/oauth2/revoke"), body), this,
                    [](const HttpResponse& r) {
                        if (!r.ok())
                            qCInfo(lcXAuth) << "X did not confirm the revocation:" << r.status;
                    });
    }
    m_tokens.reset();
    m_keychain.startRemove(QString(kKeychainKey), this, [](const SecretStore::Result&) {});
    setState(State::SignedOut);
}

void XAuth::fail(const QString& message)
{
    stopListening();
    m_verifier.clear();
    qCInfo(lcXAuth).noquote() << message;
    setState(m_tokens ? State::SignedIn : State::SignedOut);
    emit signInFailed(message);
}

} // namespace sb::integrations::x
