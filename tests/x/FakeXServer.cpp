#include "FakeXServer.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>

namespace sb::test {

namespace {

bool idLess(const QString& a, const QString& b)
{
    return a.size() != b.size() ? a.size() < b.size() : a < b;
}

QString iso(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 302:
        return "Found";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

QByteArray problem(int status, const QString& title, const QString& detail)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("title"), title},
                                     {QStringLiteral("detail"), detail},
                                     {QStringLiteral("type"),
                                      QStringLiteral("https://api.x.com/2/problems/about:blank")},
                                     {QStringLiteral("status"), status}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

FakeXServer::FakeXServer(QObject* parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeXServer::onConnection);
    m_windows[int(Endpoint::Create)] = {100, 100, 0};
    connect(&m_keepAlive, &QTimer::timeout, this, [this] { pushStreams(true); });
}

FakeXServer::~FakeXServer()
{
    // Connections still open (a slow answer on its way) close without calling back into a
    // server whose members are gone.
    for (QTcpSocket* socket : m_server.findChildren<QTcpSocket*>()) {
        socket->disconnect(this);
        socket->abort();
    }
}

bool FakeXServer::start()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QString FakeXServer::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort());
}

std::int64_t FakeXServer::clockMs() const
{
    return now ? now() : QDateTime::currentMSecsSinceEpoch();
}

QString FakeXServer::idAt(std::int64_t createdMs)
{
    // As X's ids: the time in the high bits (ms since X's epoch), a sequence in the low ones.
    constexpr std::int64_t kXEpochMs = 1'288'834'974'657;
    return QString::number(((createdMs - kXEpochMs) << 22) | (m_sequence++ & 0x3FFFFF));
}

QString FakeXServer::addPost(Post post)
{
    const QString id = idAt(post.createdMs);
    post.versions = {id};
    m_postByFirstId.insert(id, int(m_posts.size()));
    m_posts.append(post);
    pushStreams();
    return id;
}

QString FakeXServer::editPost(const QString& firstId, const QString& text)
{
    const int index = m_postByFirstId.value(firstId, -1);
    if (index < 0)
        return {};
    const QString id = idAt(clockMs());
    m_posts[index].versions.append(id);
    m_posts[index].text = text;
    m_posts[index].createdMs = clockMs(); // the new version is posted now
    pushStreams();
    return id;
}

void FakeXServer::deletePost(const QString& firstId)
{
    const int index = m_postByFirstId.value(firstId, -1);
    if (index >= 0)
        m_posts[index].deleted = true;
}

void FakeXServer::hidePost(const QString& firstId)
{
    const int index = m_postByFirstId.value(firstId, -1);
    if (index >= 0)
        m_posts[index].hidden = true;
}

const FakeXServer::Post* FakeXServer::post(const QString& firstId) const
{
    const int index = m_postByFirstId.value(firstId, -1);
    return index < 0 ? nullptr : &m_posts.at(index);
}

void FakeXServer::onConnection()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadable(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void FakeXServer::onReadable(QTcpSocket* socket)
{
    QByteArray& buffer = m_buffers[socket];
    buffer += socket->readAll();
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    Request request;
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    request.method = first.value(0);
    const QUrl url(QString::fromLatin1(first.value(1)));
    request.path = url.path();
    for (const auto& [key, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded))
        request.query.insert(key, value);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            request.headers.insert(line.left(colon).trimmed().toLower(),
                                   line.mid(colon + 1).trimmed());
    }
    const int length = request.headers.value("content-length").toInt();
    if (buffer.size() < end + 4 + length)
        return; // the body is still coming
    request.body = buffer.mid(end + 4, length);
    buffer.clear();
    if (request.path.startsWith(QLatin1String("/i/oauth2/")) ||
        request.path.startsWith(QLatin1String("/2/oauth2/")) ||
        request.path == QLatin1String("/2/users/me"))
        answerOAuth(socket, request);
    else
        answer(socket, request);
}

QList<QPair<QByteArray, QByteArray>> FakeXServer::spend(Endpoint endpoint, bool* refused)
{
    Window& w = m_windows[int(endpoint)];
    const std::int64_t nowS = QDateTime::currentSecsSinceEpoch();
    if (w.resetUtcS == 0)
        w.resetUtcS = nowS + 15 * 60;
    if (nowS >= w.resetUtcS) { // a new window
        w.remaining = w.limit;
        w.resetUtcS = nowS + 15 * 60;
    }
    if (m_refusedUntilS[int(endpoint)] > 0 && nowS < m_refusedUntilS[int(endpoint)])
        ++m_beforeReset[int(endpoint)];
    *refused = w.remaining <= 0;
    if (*refused)
        ++m_overLimit[int(endpoint)];
    else
        --w.remaining;
    return {{"x-rate-limit-limit", QByteArray::number(w.limit)},
            {"x-rate-limit-remaining", QByteArray::number(std::max(0, w.remaining))},
            {"x-rate-limit-reset", QByteArray::number(w.resetUtcS + resetSkewS)}};
}

void FakeXServer::answer(QTcpSocket* socket, const Request& request)
{
    Endpoint endpoint;
    if (request.path.startsWith(QLatin1String("/2/users/")) &&
        request.path.endsWith(QLatin1String("/mentions")))
        endpoint = Endpoint::Mentions;
    else if (request.path == QLatin1String("/2/tweets/search/recent"))
        endpoint = Endpoint::Search;
    else if (request.path == QLatin1String("/2/tweets") && request.method == "GET")
        endpoint = Endpoint::Lookup;
    else if (request.path == QLatin1String("/2/tweets") && request.method == "POST")
        endpoint = Endpoint::Create;
    else if (request.path.startsWith(QLatin1String("/2/users/")) &&
             request.path.endsWith(QLatin1String("/tweets")))
        endpoint = Endpoint::Timeline;
    else if (request.path == QLatin1String("/2/tweets/search/stream/rules"))
        endpoint = Endpoint::StreamRules;
    else if (request.path == QLatin1String("/2/tweets/search/stream") && request.method == "GET")
        endpoint = Endpoint::Stream;
    else {
        reply(socket, 404, problem(404, QStringLiteral("Not Found"), request.path));
        return;
    }
    ++m_requests[int(endpoint)];
    const QString pageToken = request.query.value(
        QStringLiteral("next_token"), request.query.value(QStringLiteral("pagination_token")));
    if (refusePageTokens && !pageToken.isEmpty()) {
        reply(socket, 400,
              QJsonDocument(
                  QJsonObject{
                      {QStringLiteral("errors"),
                       QJsonArray{QJsonObject{
                           {QStringLiteral("message"),
                            QStringLiteral("The `next_token` query parameter value [%1] is not "
                                           "a valid token")
                                .arg(pageToken)}}}},
                      {QStringLiteral("title"), QStringLiteral("Invalid Request")},
                      {QStringLiteral("detail"),
                       QStringLiteral("One or more parameters to your request was invalid.")},
                      {QStringLiteral("type"),
                       QStringLiteral("https://api.twitter.com/2/problems/invalid-request")}})
                  .toJson(QJsonDocument::Compact));
        return;
    }
    m_authorizations.append(QString::fromLatin1(request.headers.value("authorization")));
    const QString bearer =
        QString::fromLatin1(request.headers.value("authorization")).section(u' ', 1);
    if (bearer != token && !m_accessTokens.contains(bearer)) {
        reply(socket, 401,
              problem(401, QStringLiteral("Unauthorized"), QStringLiteral("Unauthorized")));
        return;
    }
    bool refused = false;
    QList<QPair<QByteArray, QByteArray>> limits = spend(endpoint, &refused);
    if (refused) {
        m_refusedUntilS[int(endpoint)] = m_windows[int(endpoint)].resetUtcS;
        reply(
            socket, 429,
            problem(429, QStringLiteral("Too Many Requests"), QStringLiteral("Too Many Requests")),
            limits);
        return;
    }
    bool slow = false;
    if (!m_faults[int(endpoint)].isEmpty()) {
        const Fault fault = m_faults[int(endpoint)].takeFirst();
        const bool streaming = endpoint == Endpoint::Stream || endpoint == Endpoint::StreamRules;
        if (streaming && (fault == Fault::RateLimited429 || fault == Fault::Forbidden403)) {
            // The stream's own refusals: too many connections, an app not enrolled for it.
            reply(socket, fault == Fault::RateLimited429 ? 429 : 403, streamProblem(fault), limits);
            return;
        }
        switch (fault) {
        case Fault::Unavailable503:
            reply(socket, 503,
                  problem(503, QStringLiteral("Service Unavailable"),
                          QStringLiteral("Service Unavailable")),
                  limits);
            return;
        case Fault::RateLimited429: {
            // A 429 with a reset two seconds away, the window spent until then.
            const std::int64_t reset = QDateTime::currentSecsSinceEpoch() + 2;
            m_refusedUntilS[int(endpoint)] = reset;
            reply(socket, 429,
                  problem(429, QStringLiteral("Too Many Requests"),
                          QStringLiteral("Too Many Requests")),
                  {{"x-rate-limit-limit", QByteArray::number(m_windows[int(endpoint)].limit)},
                   {"x-rate-limit-remaining", "0"},
                   {"x-rate-limit-reset", QByteArray::number(reset + resetSkewS)}});
            return;
        }
        case Fault::Truncated:
            reply(socket, 200, R"({"data":[{"id":"18600000)", limits);
            return;
        case Fault::Malformed:
            reply(socket, 200, "<html>upstream error</html>", limits);
            return;
        case Fault::EmptyPage:
            reply(socket, 200, R"({"meta":{"result_count":0}})", limits);
            return;
        case Fault::Forbidden403:
            reply(socket, 403,
                  problem(403, QStringLiteral("Forbidden"),
                          QStringLiteral("When authenticating requests to the Twitter API v2 "
                                         "endpoints, you must use keys and tokens from a Twitter "
                                         "developer App that is attached to a Project.")),
                  limits);
            return;
        case Fault::Unauthorized401:
            reply(socket, 401,
                  problem(401, QStringLiteral("Unauthorized"), QStringLiteral("Unauthorized")),
                  limits);
            return;
        case Fault::Slow:
            slow = true;
            break;
        }
    }

    if (endpoint == Endpoint::Create) {
        answerCreate(socket, request, limits, slow);
        return;
    }
    if (endpoint == Endpoint::StreamRules) {
        answerStreamRules(socket, request, limits);
        return;
    }
    if (endpoint == Endpoint::Stream) {
        openStream(socket, limits);
        return;
    }
    QByteArray body;
    if (endpoint == Endpoint::Timeline) {
        const int maxResults = std::clamp(
            request.query.value(QStringLiteral("max_results"), QStringLiteral("10")).toInt(), 5,
            100);
        body = page(ownPosts(), request, maxResults);
    } else if (endpoint == Endpoint::Lookup) {
        QJsonArray data;
        QJsonArray errors;
        QJsonArray users;
        for (const QString& id : request.query.value(QStringLiteral("ids")).split(u',')) {
            const auto found = std::find_if(m_posts.cbegin(), m_posts.cend(),
                                            [&](const Post& p) { return p.versions.contains(id); });
            if (found == m_posts.cend() || found->deleted) {
                errors.append(QJsonObject{
                    {QStringLiteral("value"), id},
                    {QStringLiteral("detail"),
                     QStringLiteral("Could not find tweet with ids: [%1].").arg(id)},
                    {QStringLiteral("title"), QStringLiteral("Not Found Error")},
                    {QStringLiteral("resource_type"), QStringLiteral("tweet")},
                    {QStringLiteral("parameter"), QStringLiteral("ids")},
                    {QStringLiteral("resource_id"), id},
                    {QStringLiteral("type"),
                     QStringLiteral("https://api.twitter.com/2/problems/resource-not-found")}});
                continue;
            }
            if (found->hidden) {
                errors.append(QJsonObject{
                    {QStringLiteral("value"), id},
                    {QStringLiteral("detail"),
                     QStringLiteral("Sorry, you are not authorized to see the Tweet with id: [%1].")
                         .arg(id)},
                    {QStringLiteral("title"), QStringLiteral("Authorization Error")},
                    {QStringLiteral("resource_type"), QStringLiteral("tweet")},
                    {QStringLiteral("parameter"), QStringLiteral("ids")},
                    {QStringLiteral("resource_id"), id},
                    {QStringLiteral("type"),
                     QStringLiteral(
                         "https://api.twitter.com/2/problems/not-authorized-for-resource")}});
                continue;
            }
            data.append(postJson(*found));
        }
        QJsonObject root;
        if (!data.isEmpty())
            root.insert(QStringLiteral("data"), data);
        if (!errors.isEmpty())
            root.insert(QStringLiteral("errors"), errors);
        body = QJsonDocument(root).toJson(QJsonDocument::Compact);
    } else {
        QList<const Post*> matching;
        const QString query = request.query.value(QStringLiteral("query"));
        const QString conversation =
            query.startsWith(QLatin1String("conversation_id:")) ? query.mid(16) : QString();
        const std::int64_t indexedBefore = clockMs() - searchDelayMs;
        for (const Post& p : std::as_const(m_posts)) {
            if (p.deleted || p.createdMs > clockMs()) // not posted yet, on the world's clock
                continue;
            if (endpoint == Endpoint::Mentions
                    ? !p.mentionsAccount
                    : (p.conversationId != conversation || p.createdMs > indexedBefore))
                continue;
            matching.append(&p);
        }
        const int low = endpoint == Endpoint::Search ? 10 : 5;
        const int maxResults = std::clamp(
            request.query.value(QStringLiteral("max_results"), QStringLiteral("10")).toInt(), low,
            100);
        body = page(matching, request, maxResults);
    }
    if (slow) {
        QTimer::singleShot(slowMs, socket,
                           [this, socket, body, limits] { reply(socket, 200, body, limits); });
        return;
    }
    reply(socket, 200, body, limits);
}

void FakeXServer::answerOAuth(QTcpSocket* socket, const Request& request)
{
    const auto oauthError = [&](const char* error, const QString& description) {
        reply(socket, 400,
              QJsonDocument(QJsonObject{{QStringLiteral("error"), QLatin1String(error)},
                                        {QStringLiteral("error_description"), description}})
                  .toJson(QJsonDocument::Compact));
    };
    const auto issue = [&]() {
        const QString access = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString refresh = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_accessTokens.insert(access);
        m_refreshTokens.insert(refresh, false);
        lastIssuedAccessToken = access;
        reply(socket, 200,
              QJsonDocument(QJsonObject{{QStringLiteral("token_type"), QStringLiteral("bearer")},
                                        {QStringLiteral("expires_in"), accessTokenSeconds},
                                        {QStringLiteral("access_token"), access},
                                        {QStringLiteral("scope"),
                                         QStringLiteral("tweet.read tweet.write users.read "
                                                        "offline.access")},
                                        {QStringLiteral("refresh_token"), refresh}})
                  .toJson(QJsonDocument::Compact));
    };
    if (request.path == QLatin1String("/i/oauth2/authorize")) {
        // The browser's visit: X would ask the user; this one agrees and redirects at once.
        const auto q = request.query;
        if (q.value(QStringLiteral("client_id")) != clientId ||
            q.value(QStringLiteral("redirect_uri")) != redirectUri ||
            q.value(QStringLiteral("code_challenge_method")) != QLatin1String("S256") ||
            q.value(QStringLiteral("code_challenge")).isEmpty() ||
            q.value(QStringLiteral("response_type")) != QLatin1String("code")) {
            oauthError("invalid_request", QStringLiteral("Something went wrong"));
            return;
        }
        const QString code = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_codes.insert(code, {q.value(QStringLiteral("code_challenge")), redirectUri, false});
        QUrl target(redirectUri);
        QUrlQuery back;
        back.addQueryItem(QStringLiteral("state"), QString::fromLatin1(QUrl::toPercentEncoding(
                                                       q.value(QStringLiteral("state")))));
        back.addQueryItem(QStringLiteral("code"), code);
        target.setQuery(back);
        reply(socket, 302, {}, {{"Location", target.toString(QUrl::FullyEncoded).toLatin1()}});
        return;
    }
    if (request.path == QLatin1String("/2/users/me")) {
        const QString bearer =
            QString::fromLatin1(request.headers.value("authorization")).section(u' ', 1);
        if (!m_accessTokens.contains(bearer) && bearer != token) {
            reply(socket, 401,
                  problem(401, QStringLiteral("Unauthorized"), QStringLiteral("Unauthorized")));
            return;
        }
        reply(
            socket, 200,
            QJsonDocument(QJsonObject{{QStringLiteral("data"),
                                       QJsonObject{{QStringLiteral("id"), accountId},
                                                   {QStringLiteral("name"), accountUsername},
                                                   {QStringLiteral("username"), accountUsername}}}})
                .toJson(QJsonDocument::Compact));
        return;
    }
    QHash<QString, QString> f;
    for (const auto& [key, value] :
         QUrlQuery(QString::fromLatin1(request.body)).queryItems(QUrl::FullyDecoded))
        f.insert(key, value);
    if (request.path == QLatin1String("/2/oauth2/revoke")) {
        m_accessTokens.remove(f.value(QStringLiteral("token")));
        reply(socket, 200, R"({"revoked":true})");
        return;
    }
    if (request.path != QLatin1String("/2/oauth2/token")) {
        reply(socket, 404, problem(404, QStringLiteral("Not Found"), request.path));
        return;
    }
    ++tokenRequests;
    if (tokenOutages > 0) {
        --tokenOutages;
        reply(socket, 503,
              problem(503, QStringLiteral("Service Unavailable"),
                      QStringLiteral("Service Unavailable")));
        return;
    }
    if (f.value(QStringLiteral("client_id")) != clientId) {
        oauthError("invalid_client", QStringLiteral("Missing valid authorization header"));
        return;
    }
    const QString grant = f.value(QStringLiteral("grant_type"));
    if (grant == QLatin1String("authorization_code")) {
        const auto found = m_codes.find(f.value(QStringLiteral("code")));
        if (found == m_codes.end() || found->used ||
            f.value(QStringLiteral("redirect_uri")) != found->redirectUri) {
            oauthError("invalid_request", QStringLiteral("Value passed for the authorization "
                                                         "code was invalid."));
            return;
        }
        const QString challenge = QString::fromLatin1(
            QCryptographicHash::hash(f.value(QStringLiteral("code_verifier")).toLatin1(),
                                     QCryptographicHash::Sha256)
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        if (challenge != found->challenge) {
            oauthError("invalid_request", QStringLiteral("Value passed for the code verifier "
                                                         "did not match the code challenge."));
            return;
        }
        found->used = true;
        issue();
        return;
    }
    if (grant == QLatin1String("refresh_token")) {
        const auto found = m_refreshTokens.find(f.value(QStringLiteral("refresh_token")));
        if (found == m_refreshTokens.end() || *found) {
            ++refusedRefreshes;
            oauthError("invalid_request",
                       QStringLiteral("Value passed for the token was invalid."));
            return;
        }
        *found = true; // single use
        issue();
        return;
    }
    oauthError("unsupported_grant_type", grant);
}

QJsonObject FakeXServer::postJson(const Post& p) const
{
    QJsonArray versions;
    for (const QString& id : p.versions)
        versions.append(id);
    return QJsonObject{
        {QStringLiteral("id"), p.versions.last()},
        {QStringLiteral("text"), p.text},
        {QStringLiteral("author_id"), p.authorId},
        {QStringLiteral("conversation_id"), p.conversationId},
        {QStringLiteral("created_at"), iso(p.createdMs)},
        {newSpelling ? QStringLiteral("edit_history_post_ids")
                     : QStringLiteral("edit_history_tweet_ids"),
         versions},
    };
}

QByteArray FakeXServer::page(const QList<const Post*>& matching, const Request& request,
                             int maxResults)
{
    // Newest first, above since_id; a page token is the offset into that list.
    QList<const Post*> newest = matching;
    std::sort(newest.begin(), newest.end(), [](const Post* a, const Post* b) {
        return idLess(b->versions.last(), a->versions.last());
    });
    const QString since = request.query.value(QStringLiteral("since_id"));
    if (!since.isEmpty())
        newest.erase(
            std::remove_if(newest.begin(), newest.end(),
                           [&](const Post* p) { return !idLess(since, p->versions.last()); }),
            newest.end());
    QString token = request.query.value(QStringLiteral("next_token"));
    if (token.isEmpty())
        token = request.query.value(QStringLiteral("pagination_token"));
    const int offset = token.startsWith(u'p') ? token.mid(1).toInt() : 0;
    QJsonArray data;
    QJsonArray users;
    QSet<QString> seenUsers;
    for (int i = offset; i < newest.size() && i < offset + maxResults; ++i) {
        const Post& p = *newest.at(i);
        data.append(postJson(p));
        if (!seenUsers.contains(p.authorId) && m_users.contains(p.authorId)) {
            seenUsers.insert(p.authorId);
            const User& u = m_users.value(p.authorId);
            users.append(QJsonObject{{QStringLiteral("id"), u.id},
                                     {QStringLiteral("username"), u.username},
                                     {QStringLiteral("name"), u.username},
                                     {QStringLiteral("created_at"), iso(u.createdMs)}});
        }
    }
    QJsonObject meta{{QStringLiteral("result_count"), data.size()}};
    if (!data.isEmpty()) {
        meta.insert(QStringLiteral("newest_id"),
                    data.first().toObject().value(QStringLiteral("id")));
        meta.insert(QStringLiteral("oldest_id"),
                    data.last().toObject().value(QStringLiteral("id")));
    }
    if (loopNextToken && !token.isEmpty())
        meta.insert(QStringLiteral("next_token"), token);
    else if (cycleNextTokens && !token.isEmpty())
        meta.insert(QStringLiteral("next_token"),
                    token == QLatin1String("cA") ? QStringLiteral("cB") : QStringLiteral("cA"));
    else if (offset + maxResults < newest.size())
        meta.insert(QStringLiteral("next_token"), QStringLiteral("p%1").arg(offset + maxResults));
    QJsonObject root{{QStringLiteral("meta"), meta}};
    if (!data.isEmpty()) {
        root.insert(QStringLiteral("data"), data);
        root.insert(QStringLiteral("includes"), QJsonObject{{QStringLiteral("users"), users}});
    }
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

void FakeXServer::reply(QTcpSocket* socket, int status, const QByteArray& body,
                        const QList<QPair<QByteArray, QByteArray>>& headers)
{
    if (socket->state() != QAbstractSocket::ConnectedState)
        return;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status) + "\r\n";
    head += "Content-Type: application/json; charset=utf-8\r\n";
    head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    head += "Connection: close\r\n";
    for (const auto& [name, value] : headers)
        head += name + ": " + value + "\r\n";
    socket->write(head + "\r\n" + body);
    socket->disconnectFromHost();
}

} // namespace sb::test
