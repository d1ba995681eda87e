// The fake X server's filtered stream (FakeXServer.h): the app's rules (GET, and POST with add or
// delete, as X documents them: 201 with the created rules and a summary, DuplicateRule for a value
// that is there already), and GET /2/tweets/search/stream as a chunked answer that never ends by
// itself: each post made in a conversation a rule follows, from when the connection opened and the
// rule was added, as one JSON line {data, includes, matching_rules}, and "\r\n" every
// streamKeepAliveMs. A connection can be told to go silent (stallStreams) or be cut (dropStreams);
// scripted faults refuse it with X's 429 TooManyConnections or 403 client-not-enrolled.

#include "FakeXServer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

namespace sb::test {

namespace {

QString iso(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QByteArray json(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

void writeChunk(QTcpSocket* socket, const QByteArray& data)
{
    socket->write(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
}

const QString kConversationRule = QStringLiteral("conversation_id:");

} // namespace

QString FakeXServer::addStreamRule(const QString& value, const QString& tag)
{
    const QString id = QString::number(1'700'000'000'000'000'000LL + m_nextRuleId++);
    m_rules.append({id, value, tag, clockMs()});
    return id;
}

void FakeXServer::stallStreams()
{
    for (StreamConnection& connection : m_streams)
        connection.silent = true;
}

void FakeXServer::dropStreams()
{
    const QList<StreamConnection> open = std::exchange(m_streams, {});
    for (const StreamConnection& connection : open) {
        if (connection.socket)
            connection.socket->abort();
    }
}

int FakeXServer::openStreamCount() const
{
    return int(std::count_if(m_streams.cbegin(), m_streams.cend(), [](const StreamConnection& c) {
        return c.socket && c.socket->state() == QAbstractSocket::ConnectedState;
    }));
}

QByteArray FakeXServer::streamProblem(Fault fault) const
{
    if (fault == Fault::RateLimited429)
        return json({{QStringLiteral("title"), QStringLiteral("ConnectionException")},
                     {QStringLiteral("detail"),
                      QStringLiteral("This stream is currently at the maximum allowed connection "
                                     "limit.")},
                     {QStringLiteral("connection_issue"), QStringLiteral("TooManyConnections")},
                     {QStringLiteral("type"),
                      QStringLiteral("https://api.twitter.com/2/problems/streaming-connection")}});
    return json(
        {{QStringLiteral("client_id"), clientId},
         {QStringLiteral("title"), QStringLiteral("Client Forbidden")},
         {QStringLiteral("detail"),
          QStringLiteral("When authenticating requests to the Twitter API v2 endpoints, "
                         "you must use keys and tokens from a Twitter developer App that "
                         "is attached to a Project.")},
         {QStringLiteral("reason"), QStringLiteral("client-not-enrolled")},
         {QStringLiteral("required_enrollment"), QStringLiteral("Appropriate Level of API Access")},
         {QStringLiteral("type"),
          QStringLiteral("https://api.twitter.com/2/problems/client-forbidden")}});
}

void FakeXServer::answerStreamRules(QTcpSocket* socket, const Request& request,
                                    const QList<QPair<QByteArray, QByteArray>>& limits)
{
    const QString sent = iso(clockMs());
    if (request.method == "GET") {
        QJsonArray data;
        for (const StreamRule& rule : std::as_const(m_rules))
            data.append(QJsonObject{{QStringLiteral("id"), rule.id},
                                    {QStringLiteral("value"), rule.value},
                                    {QStringLiteral("tag"), rule.tag}});
        QJsonObject root{
            {QStringLiteral("meta"), QJsonObject{{QStringLiteral("sent"), sent},
                                                 {QStringLiteral("result_count"), data.size()}}}};
        if (!data.isEmpty())
            root.insert(QStringLiteral("data"), data);
        reply(socket, 200, json(root), limits);
        return;
    }
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    if (body.contains(QStringLiteral("delete"))) {
        int deleted = 0;
        const QJsonArray ids =
            body.value(QStringLiteral("delete")).toObject().value(QStringLiteral("ids")).toArray();
        for (const QJsonValue& id : ids) {
            deleted += int(
                m_rules.removeIf([&](const StreamRule& rule) { return rule.id == id.toString(); }));
        }
        reply(socket, 200,
              json({{QStringLiteral("meta"),
                     QJsonObject{{QStringLiteral("sent"), sent},
                                 {QStringLiteral("summary"),
                                  QJsonObject{{QStringLiteral("deleted"), deleted},
                                              {QStringLiteral("not_deleted"),
                                               int(ids.size()) - deleted}}}}}}),
              limits);
        return;
    }
    const QJsonArray add = body.value(QStringLiteral("add")).toArray();
    if (add.isEmpty()) {
        reply(socket, 400,
              json({{QStringLiteral("title"), QStringLiteral("Invalid Request")},
                    {QStringLiteral("detail"),
                     QStringLiteral("One or more parameters to your request was invalid.")}}),
              limits);
        return;
    }
    QJsonArray data;
    QJsonArray errors;
    for (const QJsonValue& v : add) {
        const QString value = v.toObject().value(QStringLiteral("value")).toString();
        const QString tag = v.toObject().value(QStringLiteral("tag")).toString();
        const auto there = std::find_if(m_rules.cbegin(), m_rules.cend(),
                                        [&](const StreamRule& r) { return r.value == value; });
        if (there != m_rules.cend()) {
            errors.append(QJsonObject{
                {QStringLiteral("value"), value},
                {QStringLiteral("id"), there->id},
                {QStringLiteral("title"), QStringLiteral("DuplicateRule")},
                {QStringLiteral("type"),
                 QStringLiteral("https://api.twitter.com/2/problems/duplicate-rules")}});
            continue;
        }
        const QString id = addStreamRule(value, tag);
        data.append(QJsonObject{{QStringLiteral("value"), value},
                                {QStringLiteral("tag"), tag},
                                {QStringLiteral("id"), id}});
    }
    QJsonObject root{{QStringLiteral("meta"),
                      QJsonObject{{QStringLiteral("sent"), sent},
                                  {QStringLiteral("summary"),
                                   QJsonObject{{QStringLiteral("created"), data.size()},
                                               {QStringLiteral("not_created"), errors.size()},
                                               {QStringLiteral("valid"), data.size()},
                                               {QStringLiteral("invalid"), errors.size()}}}}}};
    if (!data.isEmpty())
        root.insert(QStringLiteral("data"), data);
    if (!errors.isEmpty())
        root.insert(QStringLiteral("errors"), errors);
    reply(socket, 201, json(root), limits);
}

void FakeXServer::openStream(QTcpSocket* socket, const QList<QPair<QByteArray, QByteArray>>& limits)
{
    // Chunked and never finished: libcurl reads it piece by piece until one side closes it.
    QByteArray head = "HTTP/1.1 200 OK\r\n"
                      "Content-Type: application/json; charset=utf-8\r\n"
                      "Transfer-Encoding: chunked\r\n"
                      "Connection: close\r\n";
    for (const auto& [name, value] : limits)
        head += name + ": " + value + "\r\n";
    socket->write(head + "\r\n");
    m_streams.append({socket, clockMs(), false, {}});
    ++m_streamsAnswered;
    if (!m_keepAlive.isActive() || m_keepAlive.interval() != streamKeepAliveMs)
        m_keepAlive.start(streamKeepAliveMs);
    pushStreams();
}

void FakeXServer::pushStreams(bool keepAlive)
{
    m_streams.removeIf([](const StreamConnection& c) {
        return !c.socket || c.socket->state() != QAbstractSocket::ConnectedState;
    });
    const std::int64_t now = clockMs();
    for (StreamConnection& connection : m_streams) {
        if (connection.silent)
            continue;
        for (const Post& p : std::as_const(m_posts)) {
            if (p.deleted || p.createdMs > now || p.createdMs < connection.openedMs ||
                connection.sent.contains(p.versions.last()))
                continue;
            QJsonArray matching;
            for (const StreamRule& rule : std::as_const(m_rules)) {
                if (rule.value == kConversationRule + p.conversationId &&
                    p.createdMs >= rule.addedMs)
                    matching.append(QJsonObject{{QStringLiteral("id"), rule.id},
                                                {QStringLiteral("tag"), rule.tag}});
            }
            if (matching.isEmpty())
                continue;
            connection.sent.insert(p.versions.last());
            QJsonArray users;
            if (m_users.contains(p.authorId)) {
                const User& u = m_users.value(p.authorId);
                users.append(QJsonObject{{QStringLiteral("id"), u.id},
                                         {QStringLiteral("username"), u.username},
                                         {QStringLiteral("name"), u.username},
                                         {QStringLiteral("created_at"), iso(u.createdMs)}});
            }
            writeChunk(connection.socket, json({{QStringLiteral("data"), postJson(p)},
                                                {QStringLiteral("includes"),
                                                 QJsonObject{{QStringLiteral("users"), users}}},
                                                {QStringLiteral("matching_rules"), matching}}) +
                                              "\r\n");
        }
        if (keepAlive)
            writeChunk(connection.socket, "\r\n");
    }
    if (m_streams.isEmpty())
        m_keepAlive.stop();
}

} // namespace sb::test
