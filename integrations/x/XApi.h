#pragma once
// The shapes of X API v2 that the studio speaks (DESIGN.md, "X API v2"): the requests for the
// mentions timeline, recent search and post lookup, and what their answers mean — posts with
// their authors, the page's meta, rate-limit headers and errors. Both field spellings X's docs
// use are accepted (tweet.fields / post.fields, edit_history_tweet_ids / edit_history_post_ids).
// Nothing here does I/O.

#include "HttpClient.h"

#include <QHash>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

namespace sb::integrations::x {

// One post as the auction needs it.
struct XPost
{
    QString id;      // this version's id
    QString firstId; // the first id of its edit history: what a bid is keyed on
    QString text;
    QString authorId;
    QString username; // without the @; empty when the author was not expanded
    std::optional<std::int64_t> authorCreatedMs; // the account's age rule
    std::int64_t createdMs = 0;                  // when it was posted (0: unknown)
    QString conversationId;
};

struct XPageMeta
{
    QString newestId;
    QString oldestId;
    int resultCount = 0;
    QString nextToken; // empty: the last page
};

// A page of posts, or why there is none.
struct XPage
{
    QList<XPost> posts;
    XPageMeta meta;
    QStringList notFound; // lookup: ids X says are gone (deleted, or never existed)
    QStringList hidden;   // lookup: ids X says exist but may not be read (a protected author)
    QString error;        // set when the answer could not be used at all
};

// One rule of the app's filtered stream.
struct XStreamRule
{
    QString id;
    QString value; // "conversation_id:1850000000000000000"
    QString tag;   // who it is for: the studio's begin with "sb-auction-"
};

// The rules of a GET or an add answer, or why the answer cannot be used.
struct XStreamRules
{
    QList<XStreamRule> rules; // an add that X refused as a duplicate lists the rule that is there
    QString error;
};

// What x-rate-limit-* headers said (absent headers: nullopt).
struct XRateLimit
{
    std::optional<int> limit;
    std::optional<int> remaining;
    std::optional<std::int64_t> resetUtcS; // epoch seconds

    static XRateLimit fromHeaders(const HttpResponse& response);
};

class XApi
{
public:
    // The API's base URL: X's by default; tests and staging point it elsewhere.
    static constexpr QLatin1StringView kDefaultBaseUrl{"https://api.x.com"};

    explicit XApi(QString baseUrl = QString(kDefaultBaseUrl));

    const QString& baseUrl() const { return m_baseUrl; }

    // GET /2/users/:id/mentions, newest first, 5–100 per page.
    HttpRequest mentions(const QString& userId, const QString& sinceId,
                         const QString& paginationToken, const QString& accessToken) const;
    // GET /2/tweets/search/recent?query=conversation_id:<id>, 10–100 per page. Pages after the
    // first keep the same since_id and add next_token.
    HttpRequest searchConversation(const QString& conversationId, const QString& sinceId,
                                   const QString& nextToken, const QString& accessToken) const;
    // GET /2/tweets?ids=… (up to 100): which of them still exist.
    HttpRequest lookup(const QStringList& ids, const QString& accessToken) const;

    // GET /2/users/:id/tweets: the account's own newest posts (how a post that went out without
    // its answer is found again).
    HttpRequest ownPosts(const QString& userId, const QString& accessToken) const;
    // POST /2/tweets {"text", "reply": {"in_reply_to_tweet_id"}}.
    HttpRequest createPost(const QString& text, const QString& inReplyTo,
                           const QString& accessToken) const;

    // The filtered stream: GET /2/tweets/search/stream/rules (every rule of the app), POST …/rules
    // {"add": [{"value", "tag"}]} and {"delete": {"ids"}}, and GET /2/tweets/search/stream with
    // the fields every read asks for (one post a line, "\r\n" to keep the connection alive).
    HttpRequest streamRules(const QString& accessToken) const;
    HttpRequest addStreamRule(const QString& value, const QString& tag,
                              const QString& accessToken) const;
    HttpRequest deleteStreamRules(const QStringList& ids, const QString& accessToken) const;
    HttpRequest filteredStream(const QString& accessToken) const;
    static XStreamRules parseStreamRules(const HttpResponse& response);
    // One line of the stream: a post with its author, or (in `error`) why X ends the connection
    // ({"errors": [...]} without data, e.g. an operational disconnect).
    static XPage parseStreamLine(const QByteArray& line);

    // What a POST /2/tweets answer means.
    enum class PostOutcome
    {
        Created,         // 201: id set
        Duplicate,       // 403: the account already posted this exact text
        ReplyRestricted, // 403: the target's author did not mention or engage the account
        RateLimited,     // 429: wait for the reset
        Unauthorized,    // 401: the token needs a refresh or a new sign-in
        Retry,           // no answer, 5xx, or a 201 that cannot be read: try the same text again
        Refused,         // any other refusal: the text or the target will not do
    };
    struct PostResult
    {
        PostOutcome outcome = PostOutcome::Retry;
        QString id;
        QString message; // in words, for the outbox and the X dock
    };
    static PostResult parseCreate(const HttpResponse& response);
    // The tightest of the posting limits an answer reports: the 15-minute user window and the
    // 24-hour user and app windows (x-user-limit-24hour-*, x-app-limit-24hour-*).
    static XRateLimit postingLimit(const HttpResponse& response);

    // The posts of a mentions, search or lookup answer (status 200). A 200 may still carry
    // errors[] (e.g. some ids of a lookup not found): those go to notFound, the rest is kept.
    static XPage parsePage(const HttpResponse& response);
    // A sentence for a failed answer: the problem JSON's title/detail, or the status.
    static QString describeFailure(const HttpResponse& response);

    static constexpr int kPageSize = 100;

private:
    HttpRequest get(const QString& path, const QList<QPair<QString, QString>>& query,
                    const QString& accessToken) const;
    HttpRequest postJson(const QString& path, const QByteArray& body,
                         const QString& accessToken) const;

    QString m_baseUrl;
};

} // namespace sb::integrations::x
