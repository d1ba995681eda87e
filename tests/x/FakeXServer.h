#pragma once
// A server written for the tests that speaks X API v2 as documented (DESIGN.md, "X API v2") on
// 127.0.0.1, a free port: the mentions timeline, recent search by conversation_id with since_id
// and next_token pages of 10–100 newest first, post lookup with not-found errors, rate-limit
// headers with 429 once the window is spent, and the faults a real server has: scripted 503s and
// 429s, truncated and malformed JSON, slow answers, an indexing delay on search, edited and
// deleted posts, and either field spelling (tweet.* or post.*). The filtered stream too
// (FakeXStream.cpp): its rules, and connections that send each matching post as it is made, one
// JSON object a line, with "\r\n" keep-alives, and that can be told to go silent, be cut, or be
// refused (429 TooManyConnections, 403 client-not-enrolled). Real HTTP over TCP (the stream
// chunked, as X sends it), so the studio's libcurl client is what is tested.

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QTcpServer>
#include <QTimer>

#include <cstdint>
#include <functional>
#include <optional>

class QTcpSocket;

namespace sb::test {

class FakeXServer : public QObject
{
    Q_OBJECT

public:
    struct User
    {
        QString id;
        QString username;
        std::int64_t createdMs = 0;
    };
    struct Post
    {
        QStringList versions; // ids, oldest first; the last is the current one
        QString text;
        QString authorId;
        QString conversationId;
        std::int64_t createdMs = 0;
        bool deleted = false;
        bool hidden = false; // its author went protected: a lookup answers Authorization Error
        bool mentionsAccount = true; // shows in the account's mentions timeline
    };
    // What the next answers of an endpoint are made of, one per request, before the normal one.
    enum class Fault
    {
        Unavailable503,
        RateLimited429,
        Truncated,
        Malformed,
        Slow, // answers after slowMs
        Forbidden403,
        Unauthorized401,
        EmptyPage, // 200 with no data and no errors: a broken or lying server
    };
    enum class Endpoint
    {
        Mentions,
        Search,
        Lookup,
        Create,      // POST /2/tweets (100 per 15 minutes per user)
        Timeline,    // GET /2/users/:id/tweets: the account's own posts
        StreamRules, // GET and POST /2/tweets/search/stream/rules
        Stream,      // GET /2/tweets/search/stream: each request is a connection attempt
    };
    static constexpr int kEndpoints = 7;
    // A rule of the app's filtered stream; it matches posts made from when it was added.
    struct StreamRule
    {
        QString id;
        QString value; // only "conversation_id:<id>" rules match anything here
        QString tag;
        std::int64_t addedMs = 0;
    };
    // A post the studio made (POST /2/tweets), in the order they came.
    struct Created
    {
        QString id;
        QString text;
        QString inReplyTo; // "" for a post that answers nothing
        std::int64_t createdMs = 0;
    };
    struct Window
    {
        int limit = 450;
        int remaining = 450;
        std::int64_t resetUtcS = 0; // 0: 15 minutes after the first request
    };

    explicit FakeXServer(QObject* parent = nullptr);
    ~FakeXServer() override;
    bool start(); // on a free port of 127.0.0.1
    QString baseUrl() const;

    // The world.
    QString accountId = QStringLiteral("4242");
    QString accountUsername = QStringLiteral("sothebais");
    QString token = QStringLiteral("test-access-token"); // accepted, as are the ones it issues
    // OAuth 2.0 (Authorization Code + PKCE, single-use refresh tokens) for this client.
    QString clientId = QStringLiteral("studio-test-client");
    QString redirectUri; // the only one accepted (X matches it exactly)
    int accessTokenSeconds = 7200;
    int tokenRequests = 0;
    int refusedRefreshes = 0;    // a refresh token used twice, or revoked
    std::int64_t resetSkewS = 0; // X's clock minus the studio's, as its reset headers show it
    int tokenOutages = 0;        // the next this many token requests answer 503, spending nothing
    QString lastIssuedAccessToken;
    bool newSpelling = false;          // post.fields / edit_history_post_ids instead of tweet.*
    std::int64_t searchDelayMs = 0;    // a post shows in search this long after it was created
    std::function<std::int64_t()> now; // the clock posts are indexed against (default: wall)
    int slowMs = 3000;
    bool refusePageTokens = false; // every request with a page token answers 400
    bool loopNextToken = false;
    bool cycleNextTokens = false; // a lying server: from the second page on, tokens go cA, cB, cA…
                                  // // a lying server: every page says the next one is itself
    // Since 2026-02 X refuses a reply unless the author of the post replied to mentioned the
    // account: a target whose text lacks @accountUsername is refused with 403.
    bool replyRestriction = true;
    int streamKeepAliveMs = 20'000; // "\r\n" on every open stream, wall time (tests: small)

    void addUser(const User& user) { m_users.insert(user.id, user); }
    // Returns the post's id, made from its time as X makes them: a later post has a larger id.
    QString addPost(Post post);
    // A new version with new text, posted now: a new id, same first id.
    QString editPost(const QString& firstId, const QString& text);
    void deletePost(const QString& firstId);
    void hidePost(const QString& firstId); // its author goes protected
    const Post* post(const QString& firstId) const;

    // The filtered stream. Rules set by someone else (or a run before) are added here.
    QString addStreamRule(const QString& value, const QString& tag);
    const QList<StreamRule>& streamRules() const { return m_rules; }
    // The connections open now go silent (no post, no keep-alive) without closing; later ones
    // are not.
    void stallStreams();
    // The connections open now are cut.
    void dropStreams();
    int streamsAnswered() const { return m_streamsAnswered; } // connections answered 200
    int openStreamCount() const;

    void setWindow(Endpoint endpoint, Window window) { m_windows[int(endpoint)] = window; }
    void addFaults(Endpoint endpoint, const QList<Fault>& faults)
    {
        m_faults[int(endpoint)] += faults;
    }

    // What happened.
    int requests(Endpoint endpoint) const { return m_requests[int(endpoint)]; }
    // Requests that came while X's window was spent (the client's fault, not a scripted 429).
    int overLimit(Endpoint endpoint) const { return m_overLimit[int(endpoint)]; }
    // Requests that came before the reset X gave with a 429.
    int beforeReset(Endpoint endpoint) const { return m_beforeReset[int(endpoint)]; }
    QStringList authorizationHeadersSeen() const { return m_authorizations; }
    const QList<Created>& created() const { return m_created; }
    int createdWithText(const QString& text) const;
    int duplicatesRefused() const { return m_duplicatesRefused; }
    int repliesRefused() const { return m_repliesRefused; }

private:
    struct Request
    {
        QByteArray method;
        QString path;
        QHash<QString, QString> query;
        QHash<QByteArray, QByteArray> headers;
        QByteArray body;
    };
    void answerOAuth(QTcpSocket* socket, const Request& request);
    struct Grant
    {
        QString challenge;
        QString redirectUri;
        bool used = false;
    };
    QHash<QString, Grant> m_codes;        // authorization code -> what it was issued for
    QSet<QString> m_accessTokens;         // issued and not revoked
    QHash<QString, bool> m_refreshTokens; // issued -> used
    void onConnection();
    void onReadable(QTcpSocket* socket);
    void answer(QTcpSocket* socket, const Request& request);
    void reply(QTcpSocket* socket, int status, const QByteArray& body,
               const QList<QPair<QByteArray, QByteArray>>& headers = {});
    QByteArray page(const QList<const Post*>& matching, const Request& request, int maxResults);
    // POST /2/tweets (FakeXPosting.cpp). The post exists once the request is read, even when
    // the answer is slow: a client killed while waiting has posted.
    void answerCreate(QTcpSocket* socket, const Request& request,
                      const QList<QPair<QByteArray, QByteArray>>& limits, bool slow);
    QList<const Post*> ownPosts() const;
    // The stream (FakeXStream.cpp).
    void answerStreamRules(QTcpSocket* socket, const Request& request,
                           const QList<QPair<QByteArray, QByteArray>>& limits);
    void openStream(QTcpSocket* socket, const QList<QPair<QByteArray, QByteArray>>& limits);
    void pushStreams(bool keepAlive = false); // the posts due on every connection
    QByteArray streamProblem(Fault fault) const;
    struct StreamConnection
    {
        QPointer<QTcpSocket> socket;
        std::int64_t openedMs = 0; // posts made before it are not sent on it
        bool silent = false;
        QSet<QString> sent; // version ids
    };
    QList<StreamConnection> m_streams;
    QList<StreamRule> m_rules;
    int m_nextRuleId = 1;
    int m_streamsAnswered = 0;
    QTimer m_keepAlive;
    QJsonObject postJson(const Post& post) const;
    QList<QPair<QByteArray, QByteArray>> spend(Endpoint endpoint, bool* refused);
    std::int64_t clockMs() const;
    QString idAt(std::int64_t createdMs);

    QTcpServer m_server;
    QHash<QString, User> m_users;
    QList<Post> m_posts; // in id order
    QHash<QString, int> m_postByFirstId;
    std::int64_t m_sequence = 0;
    Window m_windows[kEndpoints];
    QList<Fault> m_faults[kEndpoints];
    int m_requests[kEndpoints] = {};
    int m_overLimit[kEndpoints] = {};
    int m_beforeReset[kEndpoints] = {};
    std::int64_t m_refusedUntilS[kEndpoints] = {};
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QStringList m_authorizations;
    QList<Created> m_created;
    int m_duplicatesRefused = 0;
    int m_repliesRefused = 0;
};

} // namespace sb::test
