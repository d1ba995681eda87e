#pragma once
// Bids from X's filtered stream, the intake's third source beside mentions and search (XIntake
// owns it and judges what it hands over on the same path as a page). It keeps one rule of the
// app's stream on the running auction's conversation ("conversation_id:<post>", tagged
// "sb-auction-<index>"; the studio's rules for other posts are deleted, nobody else's), holds one
// connection to GET /2/tweets/search/stream and splits it into posts, one JSON object a line,
// "\r\n" to keep it alive. A connection silent for longer than X's 20 s keep-alive, or cut, is
// opened again after 1, 2, 4 … 60 s; a 429 (too many connections) waits a minute, then longer.
//
// Its watermark ("every post up to T has been judged") moves only while bytes arrive: the last
// byte's time less the lag. It never vouches across a gap — a time it was not connected, or before
// a new rule took effect, when posts could pass it by: past a gap it vouches again only once search
// (complete for a conversation) has vouched past the gap's end. So the stream alone never vouches
// for the end of an auction and the winner waits for the engine's longest wait; with search on,
// the stream brings bids in at once and its gaps are search's to fill. A 403 (the app's access does
// not include the stream) turns it off with the reason, and the engine stops waiting for it.

#include "XApi.h"

#include <QObject>

#include <cstdint>
#include <functional>
#include <optional>

namespace sb::auction {
class EngineThread;
} // namespace sb::auction

namespace sb::integrations::x {

struct XStreamOptions
{
    // A post reaches the stream this long after it is made, at most: a byte received at T vouches
    // for the posts made up to T less this.
    std::int64_t lagMs = 2'000;
    // X sends "\r\n" every 20 s; keep-alives come marginally late, so a second more of silence
    // than that is a dead connection.
    int idleTimeoutMs = 21'000;
    std::int64_t reconnectFirstMs = 1'000; // then doubling, up to reconnectMaxMs
    std::int64_t reconnectMaxMs = 60'000;
    std::int64_t tooManyConnectionsMs = 60'000; // after a 429, doubling, up to 15 minutes
    // X: a new rule takes effect within about 20 s; posts before that may not match it yet.
    std::int64_t ruleSettleMs = 20'000;
};

class XStream : public QObject
{
    Q_OBJECT

public:
    static constexpr QLatin1StringView kName{"x-stream"};
    static constexpr QLatin1StringView kTagPrefix{"sb-auction-"};
    static constexpr std::int64_t kMaxTooManyConnectionsMs = 15 * 60'000;
    static constexpr qsizetype kMaxLineBytes = 4 * 1024 * 1024;

    struct Hooks
    {
        std::function<QString()> token; // empty while signed out
        // Judges posts as bids (XIntake's path); calls `done(stored, why)` once the engine has
        // acknowledged them all.
        std::function<void(const QList<XPost>&, std::function<void(bool, const QString&)>)> judge;
        // Up to when search has judged every post of the conversation (0: search is not read).
        std::function<std::int64_t()> searchSeenUpToMs;
        std::function<std::int64_t()> nowMs; // X's clock (the session's in tests)
    };

    XStream(sb::auction::EngineThread& session, HttpClient& http, const QString& apiBaseUrl,
            XStreamOptions options, Hooks hooks, QObject* parent = nullptr);
    ~XStream() override;

    // Registers with the engine (its winner waits for the stream) / cancels the connection and
    // lets the engine stop waiting. The rule stays on X until the next start replaces it.
    void start();
    void stop();
    // The conversation to follow (empty: none; the rule is deleted and the connection closed).
    void follow(int auctionIndex, const QString& conversationId);
    // Sets the rule, connects, reconnects when the wait is over, moves the watermark. The intake
    // calls it on its every tick.
    void tick();

    bool isActive() const { return m_active; }
    const QString& lastResult() const { return m_lastResult; }
    std::int64_t watermarkMs() const { return m_vouchedMs; }
    std::int64_t lastByteMs() const { return m_lastByteMs; }
    bool isConnected() const { return m_connected; }
    bool hasGap() const { return m_gapUntilMs.has_value(); }
    int connections() const { return m_connections; } // answered 200
    int postsRead() const { return m_postsRead; }
    std::int64_t retryAtMs() const { return m_retryAtMs; } // 0: not waiting
    QString waitingFor() const;

signals:
    void stateChanged();
    void problem(const QString& message);
    void tokenRefused();

private:
    void syncRules();
    void onRules(const HttpResponse& response, const QString& conversation, int auctionIndex);
    void addRule(const QString& conversation, int auctionIndex);
    void ruleInPlace(const QString& conversation);
    void connectStream();
    void disconnect();
    void onStarted(const HttpResponse& head);
    void onBytes(const QByteArray& bytes);
    void onEnded(const HttpResponse& end);
    // A request answered with a failure: the access (403) turns the stream off, the rest waits.
    void onFailure(const HttpResponse& response);
    std::int64_t backOff(); // the next wait after a failure: 1, 2, 4 … 60 s
    void retryAfter(std::int64_t delayMs);
    void turnOff(const QString& why);
    void openGap(std::int64_t coveredFromMs);
    void advance();
    void vouch(std::int64_t upToMs);
    void say(const QString& result);
    QString connectedText() const;

    sb::auction::EngineThread& m_session;
    HttpClient& m_http;
    XApi m_api;
    XStreamOptions m_options;
    Hooks m_hooks;
    bool m_running = false;
    bool m_active = true;
    int m_epoch = 0;      // a stop() drops the answers and verdicts still on their way
    int m_generation = 0; // of the connection: a cancelled one's calls are not heard
    QString m_lastResult;
    // What to follow, and the rule that is in place for it.
    QString m_wantConversation;
    int m_wantAuction = -1;
    QString m_ruleFor;
    std::int64_t m_ruleSinceMs = 0;
    bool m_rulesBusy = false;
    // The connection.
    HttpClient::StreamId m_streamId = 0;
    bool m_connected = false;
    std::int64_t m_connectedAtMs = 0;
    std::int64_t m_lastByteMs = 0;
    QByteArray m_buffer;
    int m_connections = 0;
    std::int64_t m_retryAtMs = 0;
    std::int64_t m_nextBackoffMs = 0;
    std::int64_t m_nextTooManyMs = 0;
    bool m_tokenRefusedSaid = false;
    // The watermark: what was vouched for, the end of a gap still to be covered by search, and
    // verdicts still on their way (a vouch waits for them).
    std::int64_t m_vouchedMs = 0;
    std::optional<std::int64_t> m_gapUntilMs;
    int m_judging = 0;
    std::int64_t m_pendingVouchMs = 0;
    int m_postsRead = 0;
};

} // namespace sb::integrations::x
