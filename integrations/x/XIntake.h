#pragma once
// Bids from X: reads the replies to the running auction's post from the signed-in account's
// mentions timeline and from recent search (conversation_id:<post id>), page by page within the
// rate limits X reports (XPollScheduler), and hands every post to the engine's single path as a
// bid (source "x", keyed on the first id of its edit history, so overlapping pages, repeats
// across sources and restarts never judge a post twice). Each source keeps its since_id in the
// marathon database, moved only after the engine acknowledged the posts it covers, and reports a
// watermark ("I have seen every post created up to T"): the engine declares a winner only once
// every source passed the auction's end. Before it vouches for the end, the leading post is
// looked up again; a deleted one is invalidated (audited) and the next leader checked.

#include "XApi.h"
#include "XPollScheduler.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

namespace sb::auction {
class EngineThread;
}

namespace sb::integrations::x {

struct XIntakeOptions
{
    QString apiBaseUrl = QString(XApi::kDefaultBaseUrl);
    QString accountUserId; // the signed-in account: its mentions; its own posts are no bids
    bool useMentions = true;
    bool useSearch = true;
    XPollCadence cadence;
    std::int64_t closingLeadMs = 5 * 60'000; // "the last minutes": polled faster
    // Search indexes replies late: a finished round vouches for posts created up to its start
    // less this. Mentions arrive faster.
    std::int64_t searchLagMs = 10'000;
    std::int64_t mentionsLagMs = 2'000;
    int maxPagesPerRound = 50;
    int tickMs = 50; // how often the sources look whether they may poll (cheap: no I/O)
};

class XIntake : public QObject
{
    Q_OBJECT

public:
    // The current access token; empty while signed out (nothing is read then).
    using TokenProvider = std::function<QString()>;

    struct SourceState
    {
        QString name;        // "x-mentions", "x-search"
        bool active = false; // false: not used, and why in lastResult
        QString lastResult;  // of the last request, in words
        std::int64_t lastPollUtcMs = 0;
        std::optional<int> remaining;
        std::optional<std::int64_t> resetUtcMs;
        QString waitingFor;
        std::int64_t watermarkUtcMs = 0;
        int postsRead = 0;
    };

    XIntake(sb::auction::EngineThread& session, HttpClient& http, TokenProvider token,
            XIntakeOptions options, QObject* parent = nullptr);
    ~XIntake() override;

    // Registers the sources with the engine (its winner waits for them) and starts polling.
    void start();
    // Stops polling and lets the engine stop waiting for these sources. Answers still on their
    // way are dropped; their posts are read again next time (since_id did not move).
    void stop();
    bool isRunning() const { return m_timer.isActive(); }

    QList<SourceState> sources() const;
    int postsRead() const; // posts returned by X since start (what pay-per-use bills)

signals:
    void stateChanged();
    void problem(const QString& message);
    void tokenRefused(); // X answered 401: the token needs a refresh (or a new sign-in)

private:
    struct Source;
    void tick();
    void poll(Source& source);
    void onPage(Source& source, const HttpResponse& response);
    void finishRound(Source& source);
    void verifyLeaderThenVouch(Source& source, int auctionIndex, std::int64_t upToMs,
                               int checksLeft);
    void vouch(Source& source, std::int64_t upToMs);
    XPhase phaseNow(int* auctionIndex, QString* conversationId) const;
    std::int64_t wallNowMs() const;
    std::int64_t lagMs(const Source& source) const;

    sb::auction::EngineThread& m_session;
    HttpClient& m_http;
    TokenProvider m_token;
    XIntakeOptions m_options;
    XApi m_api;
    std::vector<std::unique_ptr<Source>> m_sources;
    QTimer m_timer;
    int m_postsRead = 0;
};

} // namespace sb::integrations::x
