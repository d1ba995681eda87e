#include "XApi.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

namespace sb::integrations::x {

namespace {

const QString kPostFields =
    QStringLiteral("created_at,author_id,conversation_id,referenced_tweets,edit_history_tweet_ids");

// What every read of posts asks for: the fields a bid needs and its author's name and age.
QList<QPair<QString, QString>> postFields(bool paged)
{
    QList<QPair<QString, QString>> query{
        {QStringLiteral("tweet.fields"), kPostFields},
        {QStringLiteral("expansions"), QStringLiteral("author_id")},
        {QStringLiteral("user.fields"), QStringLiteral("created_at,username")},
    };
    if (paged)
        query.prepend({QStringLiteral("max_results"), QString::number(XApi::kPageSize)});
    return query;
}

std::optional<std::int64_t> parseTime(const QJsonValue& value)
{
    const QString text = value.toString();
    if (text.isEmpty())
        return std::nullopt;
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text, Qt::ISODate);
    if (!time.isValid())
        return std::nullopt;
    return time.toMSecsSinceEpoch();
}

// A count in a rate-limit header; a negative or absurd one (a broken header) is not read.
std::optional<int> headerCount(const QByteArray& value)
{
    bool ok = false;
    const int n = value.toInt(&ok);
    if (!ok || n < 0 || n > 10'000'000)
        return std::nullopt;
    return n;
}

// A reset time in epoch seconds; one before 2001 or after 2100 is a broken header, not read
// (and its milliseconds never overflow).
std::optional<std::int64_t> headerResetS(const QByteArray& value)
{
    bool ok = false;
    const qint64 n = value.toLongLong(&ok);
    if (!ok || n < 1'000'000'000 || n > 4'102'444'800)
        return std::nullopt;
    return n;
}

// X sends ids as strings of decimal digits (a number would lose digits past 2^53): anything
// else is no id, and could not be ordered as one.
QString idOf(const QJsonValue& value)
{
    if (!value.isString())
        return {};
    const QString id = value.toString();
    if (id.isEmpty() || id.size() > 19 ||
        !std::all_of(id.cbegin(), id.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; }))
        return {};
    return id;
}

} // namespace

XRateLimit XRateLimit::fromHeaders(const HttpResponse& response)
{
    XRateLimit r;
    r.limit = headerCount(response.header("x-rate-limit-limit"));
    r.remaining = headerCount(response.header("x-rate-limit-remaining"));
    r.resetUtcS = headerResetS(response.header("x-rate-limit-reset"));
    return r;
}

XApi::XApi(QString baseUrl) : m_baseUrl(std::move(baseUrl))
{
    while (m_baseUrl.endsWith(u'/'))
        m_baseUrl.chop(1);
}

HttpRequest XApi::get(const QString& path, const QList<QPair<QString, QString>>& query,
                      const QString& accessToken) const
{
    QUrl url(m_baseUrl + path);
    QUrlQuery q;
    for (const auto& [key, value] : query)
        q.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    url.setQuery(q);
    HttpRequest request;
    request.url = url.toString(QUrl::FullyEncoded);
    request.headers.append(
        qMakePair(QByteArray("Authorization"), "Bearer " + accessToken.toUtf8()));
    request.headers.append(qMakePair(QByteArray("Accept"), QByteArray("application/json")));
    return request;
}

HttpRequest XApi::mentions(const QString& userId, const QString& sinceId,
                           const QString& paginationToken, const QString& accessToken) const
{
    QList<QPair<QString, QString>> query = postFields(true);
    if (!sinceId.isEmpty())
        query.append({QStringLiteral("since_id"), sinceId});
    if (!paginationToken.isEmpty())
        query.append({QStringLiteral("pagination_token"), paginationToken});
    return get(QStringLiteral("/2/users/%1/mentions").arg(userId), query, accessToken);
}

HttpRequest XApi::searchConversation(const QString& conversationId, const QString& sinceId,
                                     const QString& nextToken, const QString& accessToken) const
{
    QList<QPair<QString, QString>> query = postFields(true);
    query.prepend({QStringLiteral("query"), QStringLiteral("conversation_id:") + conversationId});
    if (!sinceId.isEmpty())
        query.append({QStringLiteral("since_id"), sinceId});
    if (!nextToken.isEmpty())
        query.append({QStringLiteral("next_token"), nextToken});
    return get(QStringLiteral("/2/tweets/search/recent"), query, accessToken);
}

HttpRequest XApi::lookup(const QStringList& ids, const QString& accessToken) const
{
    QList<QPair<QString, QString>> query = postFields(false);
    query.prepend({QStringLiteral("ids"), ids.mid(0, kPageSize).join(u',')});
    return get(QStringLiteral("/2/tweets"), query, accessToken);
}

HttpRequest XApi::ownPosts(const QString& userId, const QString& accessToken) const
{
    return get(QStringLiteral("/2/users/%1/tweets").arg(userId), postFields(true), accessToken);
}

HttpRequest XApi::createPost(const QString& text, const QString& inReplyTo,
                             const QString& accessToken) const
{
    QJsonObject body{{QStringLiteral("text"), text}};
    if (!inReplyTo.isEmpty())
        body.insert(QStringLiteral("reply"),
                    QJsonObject{{QStringLiteral("in_reply_to_tweet_id"), inReplyTo}});
    HttpRequest request;
    request.method = "POST";
    request.url = m_baseUrl + QStringLiteral("/2/tweets");
    request.headers.append(
        qMakePair(QByteArray("Authorization"), "Bearer " + accessToken.toUtf8()));
    request.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    request.headers.append(qMakePair(QByteArray("Accept"), QByteArray("application/json")));
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return request;
}

HttpRequest XApi::postJson(const QString& path, const QByteArray& body,
                           const QString& accessToken) const
{
    HttpRequest request;
    request.method = "POST";
    request.url = m_baseUrl + path;
    request.headers.append(
        qMakePair(QByteArray("Authorization"), "Bearer " + accessToken.toUtf8()));
    request.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    request.headers.append(qMakePair(QByteArray("Accept"), QByteArray("application/json")));
    request.body = body;
    return request;
}

HttpRequest XApi::streamRules(const QString& accessToken) const
{
    return get(QStringLiteral("/2/tweets/search/stream/rules"), {}, accessToken);
}

HttpRequest XApi::addStreamRule(const QString& value, const QString& tag,
                                const QString& accessToken) const
{
    const QJsonObject rule{{QStringLiteral("value"), value}, {QStringLiteral("tag"), tag}};
    const QJsonObject body{{QStringLiteral("add"), QJsonArray{rule}}};
    return postJson(QStringLiteral("/2/tweets/search/stream/rules"),
                    QJsonDocument(body).toJson(QJsonDocument::Compact), accessToken);
}

HttpRequest XApi::deleteStreamRules(const QStringList& ids, const QString& accessToken) const
{
    const QJsonObject body{{QStringLiteral("delete"),
                            QJsonObject{{QStringLiteral("ids"), QJsonArray::fromStringList(ids)}}}};
    return postJson(QStringLiteral("/2/tweets/search/stream/rules"),
                    QJsonDocument(body).toJson(QJsonDocument::Compact), accessToken);
}

HttpRequest XApi::filteredStream(const QString& accessToken) const
{
    return get(QStringLiteral("/2/tweets/search/stream"), postFields(false), accessToken);
}

XStreamRules XApi::parseStreamRules(const HttpResponse& response)
{
    XStreamRules answer;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(response.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        answer.error =
            QCoreApplication::translate(
                "XApi", "X answered with something that is not a JSON object (%1 bytes).")
                .arg(response.body.size());
        return answer;
    }
    const QJsonObject root = doc.object();
    for (const QJsonValue& v : root.value(QStringLiteral("data")).toArray()) {
        const QJsonObject rule = v.toObject();
        answer.rules.append({idOf(rule.value(QStringLiteral("id"))),
                             rule.value(QStringLiteral("value")).toString(),
                             rule.value(QStringLiteral("tag")).toString()});
    }
    for (const QJsonValue& e : root.value(QStringLiteral("errors")).toArray()) {
        const QJsonObject error = e.toObject();
        const QString title = error.value(QStringLiteral("title")).toString();
        if (title == QLatin1String("DuplicateRule")) {
            // The same value is there already (X keeps one rule per value): it is the rule.
            answer.rules.append({idOf(error.value(QStringLiteral("id"))),
                                 error.value(QStringLiteral("value")).toString(), QString()});
            continue;
        }
        const QJsonArray details = error.value(QStringLiteral("details")).toArray();
        QString detail = details.isEmpty() ? QString() : details.at(0).toString();
        if (detail.isEmpty())
            detail = error.value(QStringLiteral("detail")).toString();
        answer.error = QCoreApplication::translate("XApi", "X refused the rule: %1")
                           .arg((title + u' ' + detail).trimmed());
    }
    return answer;
}

XPage XApi::parseStreamLine(const QByteArray& line)
{
    HttpResponse response;
    response.status = 200;
    response.body = line;
    XPage page = parsePage(response);
    if (!page.error.isEmpty() || !page.posts.isEmpty())
        return page;
    // No post: X says why it ends the connection ({"errors": [{"title", "detail"}]}).
    const QJsonArray errors =
        QJsonDocument::fromJson(line).object().value(QStringLiteral("errors")).toArray();
    if (!errors.isEmpty()) {
        const QJsonObject error = errors.first().toObject();
        QString what = error.value(QStringLiteral("detail")).toString();
        if (what.isEmpty())
            what = error.value(QStringLiteral("title")).toString();
        page.error =
            QCoreApplication::translate("XApi", "X ends the stream: %1").arg(what.left(300));
    }
    return page;
}

XApi::PostResult XApi::parseCreate(const HttpResponse& response)
{
    PostResult result;
    if (!response.error.isEmpty() || response.status >= 500 || response.status == 0) {
        result.message = describeFailure(response);
        return result; // Retry: the post may or may not exist; the same text tells
    }
    if (response.status == 201 || response.status == 200) {
        const QJsonObject data = QJsonDocument::fromJson(response.body)
                                     .object()
                                     .value(QStringLiteral("data"))
                                     .toObject();
        result.id = idOf(data.value(QStringLiteral("id")));
        if (result.id.isEmpty()) {
            result.message =
                QCoreApplication::translate("XApi", "X said the post was made but gave no id.");
            return result;
        }
        result.outcome = PostOutcome::Created;
        return result;
    }
    result.message = describeFailure(response);
    const QString detail =
        QJsonDocument::fromJson(response.body).object().value(QStringLiteral("detail")).toString();
    if (response.status == 429)
        result.outcome = PostOutcome::RateLimited;
    else if (response.status == 401)
        result.outcome = PostOutcome::Unauthorized;
    else if (response.status == 403 &&
             detail.contains(QLatin1String("duplicate"), Qt::CaseInsensitive))
        result.outcome = PostOutcome::Duplicate;
    else if (response.status == 403 &&
             (detail.contains(QLatin1String("mentioned"), Qt::CaseInsensitive) ||
              detail.contains(QLatin1String("engaged"), Qt::CaseInsensitive)))
        result.outcome = PostOutcome::ReplyRestricted;
    else
        result.outcome = PostOutcome::Refused;
    return result;
}

XRateLimit XApi::postingLimit(const HttpResponse& response)
{
    XRateLimit tightest = XRateLimit::fromHeaders(response);
    for (const QByteArray& prefix :
         {QByteArray("x-user-limit-24hour-"), QByteArray("x-app-limit-24hour-")}) {
        const std::optional<int> remaining = headerCount(response.header(prefix + "remaining"));
        if (!remaining || (tightest.remaining && *tightest.remaining <= *remaining))
            continue;
        tightest.remaining = remaining;
        if (const auto reset = headerResetS(response.header(prefix + "reset")))
            tightest.resetUtcS = reset;
    }
    return tightest;
}

XPage XApi::parsePage(const HttpResponse& response)
{
    XPage page;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(response.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        page.error = QCoreApplication::translate(
                         "XApi", "X answered with something that is not a JSON object (%1 bytes).")
                         .arg(response.body.size());
        return page;
    }
    const QJsonObject root = doc.object();

    struct Author
    {
        QString username;
        std::optional<std::int64_t> createdMs;
    };
    QHash<QString, Author> authors;
    for (const QJsonValue& u : root.value(QStringLiteral("includes"))
                                   .toObject()
                                   .value(QStringLiteral("users"))
                                   .toArray()) {
        const QJsonObject user = u.toObject();
        authors.insert(idOf(user.value(QStringLiteral("id"))),
                       {user.value(QStringLiteral("username")).toString(),
                        parseTime(user.value(QStringLiteral("created_at")))});
    }

    QJsonArray data;
    const QJsonValue dataValue = root.value(QStringLiteral("data"));
    if (dataValue.isArray())
        data = dataValue.toArray();
    else if (dataValue.isObject())
        data.append(dataValue); // a single post
    else if (!dataValue.isUndefined() && !dataValue.isNull()) {
        page.error = QCoreApplication::translate(
            "XApi", "X answered with \"data\" that is not a list of posts.");
        return page;
    }
    for (const QJsonValue& v : std::as_const(data)) {
        const QJsonObject p = v.toObject();
        XPost post;
        post.id = idOf(p.value(QStringLiteral("id")));
        post.text = p.value(QStringLiteral("text")).toString();
        post.authorId = idOf(p.value(QStringLiteral("author_id")));
        if (post.id.isEmpty() || !p.value(QStringLiteral("text")).isString() ||
            post.authorId.isEmpty()) {
            // Without its id a post cannot be judged once and only once, and without its author
            // it could be the studio's own reply or anyone's: take none of the page (its since_id
            // is not moved, so it is read again).
            page.error = QCoreApplication::translate(
                "XApi", "X answered with a post that has no id, no author or no text.");
            page.posts.clear();
            return page;
        }
        QJsonValue history = p.value(QStringLiteral("edit_history_tweet_ids"));
        if (!history.isArray())
            history = p.value(QStringLiteral("edit_history_post_ids"));
        const QJsonArray versions = history.toArray();
        post.firstId = versions.isEmpty() ? post.id : idOf(versions.first());
        if (post.firstId.isEmpty())
            post.firstId = post.id;
        post.createdMs = parseTime(p.value(QStringLiteral("created_at"))).value_or(0);
        post.conversationId = idOf(p.value(QStringLiteral("conversation_id")));
        const Author author = authors.value(post.authorId);
        post.username = author.username;
        post.authorCreatedMs = author.createdMs;
        page.posts.append(post);
    }

    const QJsonObject meta = root.value(QStringLiteral("meta")).toObject();
    page.meta.newestId = idOf(meta.value(QStringLiteral("newest_id")));
    page.meta.oldestId = idOf(meta.value(QStringLiteral("oldest_id")));
    page.meta.resultCount =
        meta.value(QStringLiteral("result_count")).toInt(int(page.posts.size()));
    page.meta.nextToken = meta.value(QStringLiteral("next_token")).toString();

    for (const QJsonValue& e : root.value(QStringLiteral("errors")).toArray()) {
        const QJsonObject error = e.toObject();
        const QString resource = error.value(QStringLiteral("resource_id"))
                                     .toString(error.value(QStringLiteral("value")).toString());
        if (resource.isEmpty())
            continue;
        const QString title = error.value(QStringLiteral("title")).toString();
        const QString type = error.value(QStringLiteral("type")).toString();
        if (title.contains(QLatin1String("Not Found")) || type.contains(QLatin1String("not-found")))
            page.notFound.append(resource);
        else if (title.contains(QLatin1String("Authorization")) ||
                 type.contains(QLatin1String("not-authorized")))
            page.hidden.append(resource);
    }
    return page;
}

QString XApi::describeFailure(const HttpResponse& response)
{
    if (!response.error.isEmpty())
        return QCoreApplication::translate("XApi", "X could not be reached: %1.")
            .arg(response.error);
    const QJsonObject problem = QJsonDocument::fromJson(response.body).object();
    QString what = problem.value(QStringLiteral("detail")).toString();
    if (what.isEmpty())
        what = problem.value(QStringLiteral("title")).toString();
    if (what.isEmpty()) {
        const QJsonArray errors = problem.value(QStringLiteral("errors")).toArray();
        if (!errors.isEmpty())
            what = errors.first().toObject().value(QStringLiteral("message")).toString();
    }
    if (what.isEmpty())
        return QCoreApplication::translate("XApi", "X answered %1.").arg(response.status);
    return QCoreApplication::translate("XApi", "X answered %1: %2")
        .arg(response.status)
        .arg(what.left(300));
}

} // namespace sb::integrations::x
