#pragma once
// Bids from X: reads the replies to the running auction's post from the signed-in account's
// mentions timeline and from recent search (conversation_id:<post id>), page by page within the
// rate limits X reports (XPollScheduler), and, where the account's access has it, from the
// filtered stream (XStream), and hands every post to the engine's single path as a
// bid (source "x", keyed on the first id of its edit history, so overlapping pages, repeats
// across sources and restarts never judge a post twice). Each source keeps its since_id in the
// marathon database, moved only after the engine acknowledged the posts it covers, and reports a
// watermark ("I have seen every post created up to T"): the engine declares a winner only once
// every source passed the auction's end. Before it vouches for the end, the leading post is
// looked up again; a deleted one is invalidated (audited) and the next leader checked. What X
// bills for the reads is counted per UTC month (XReadBudget), kept in the marathon database's
// meta, and near the month's budget polling slows, then waits for the sweep after the close.

#include "XApi.h"
#include "XPollScheduler.h"
#include "XStream.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

namespace sb::auction {
class Clock;
class EngineThread;
} // namespace sb::auction

namespace sb::integrations::x {

struct XIntakeOptions
{
    QString apiBaseUrl = QString(XApi::kDefaultBaseUrl);
    QString accountUserId; // the signed-in account: its mentions; its own posts are no bids
    bool useMentions = true;
    bool useSearch = true;
    bool useStream = false; // the filtered stream; listed in sources() only when wanted
    XStreamOptions stream;
    XPollCadence cadence;
    std::int64_t closingLeadMs = 5 * 60'000; // "the last minutes": polled faster
    // Search indexes replies late: a finished round vouches for posts created up to its start
    // less this. Mentions arrive faster.
    std::int64_t searchLagMs = 10'000;
    std::int64_t mentionsLagMs = 2'000;
    int maxPagesPerRound = 50;
    int tickMs = 50; // how often the sources look whether they may poll (cheap: no I/O)
    // Pay-per-use, in millionths of a dollar (XSettings): a post read by search or lookup, a
    // post of the account's own mentions, and the month's budget for reads. A budget of 0 is no
    // budget: the cost is still counted, polling is never slowed for it.
    std::int64_t readPriceMicroUsd = 5'000;
    std::int64_t ownReadPriceMicroUsd = 1'000;
    std::int64_t monthlyBudgetMicroUsd = 0;
    // X's clock: the scheduler's times (X gives rate-limit resets in epoch seconds) and the UTC
    // month and day reads are billed in. Null: the system clock; tests give their virtual one.
    const sb::auction::Clock* clock = nullptr;
};

class XIntake : public QObject
{
    Q_OBJECT

public:
    // The current access token; empty while signed out (nothing is read then).
    using TokenProvider = std::function<QString()>;

    struct SourceState
    {
        QString name;        // "x-mentions", "x-search", "x-stream"
        bool active = false; // false: not used, and why in lastResult
        QString lastResult;  // of the last request, in words
        std::int64_t lastPollUtcMs = 0;
        std::optional<int> remaining;
        std::optional<std::int64_t> resetUtcMs;
        QString waitingFor;
        std::int64_t watermarkUtcMs = 0;
        int postsRead = 0;
        // A round is under way: a request, its pages or the engine's verdicts are pending.
        bool reading = false;
        // When the scheduler lets the next round start (XPollScheduler::kNever: not in this
        // phase, the month's budget is spent).
        std::int64_t nextRoundUtcMs = 0;
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
    int postsRead() const; // posts returned by X since start
    // The filtered stream, when Settings want it (null otherwise).
    const XStream* stream() const { return m_stream.get(); }
    // This UTC month's reads (kept across restarts), their estimated cost and the budget.
    const XReadBudget& readBudget() const { return m_budget; }
    // Whether this month's stored figures are in (new rounds wait for them: the budget may be
    // spent already).
    bool monthFiguresRead() const { return m_monthRead || m_monthReadFailed; }

    // Looks whether a source may poll now and sends what may go. The timer calls it every
    // tickMs; a test that moved the clock calls it to have the intake look at once.
    void tick();

signals:
    void stateChanged();
    void problem(const QString& message);
    void tokenRefused(); // X answered 401: the token needs a refresh (or a new sign-in)

private:
    struct Source;
    void poll(Source& source);
    void onPage(Source& source, const HttpResponse& response);
    void finishRound(Source& source);
    void verifyLeaderThenVouch(Source& source, int auctionIndex, std::int64_t upToMs,
                               int checksLeft);
    void vouch(Source& source, std::int64_t upToMs);
    // Hands posts to the engine as bids, in id order (wallet links aside); `done(stored, why)`
    // once it has acknowledged them all (at once when there are none). Every source's posts take
    // this path. Returns how many bids went.
    int judge(QList<XPost> posts, std::function<void(bool stored, const QString& why)> done);
    void makeStream();
    XPhase phaseNow(int* auctionIndex, QString* conversationId) const;
    std::int64_t wallNowMs() const;
    std::int64_t lagMs(const Source& source) const;
    // The month's figures: read when a month starts being counted, written with the cursors.
    void followMonth(std::int64_t nowMs);
    void readMonth();
    void saveMonth();
    void countRead(XReadBudget::Source source, const QList<XPost>& posts);
    void applyBudgetLevel();

    sb::auction::EngineThread& m_session;
    HttpClient& m_http;
    TokenProvider m_token;
    XIntakeOptions m_options;
    XApi m_api;
    std::vector<std::unique_ptr<Source>> m_sources;
    std::unique_ptr<XStream> m_stream;
    QTimer m_timer;
    int m_postsRead = 0;
    XReadBudget m_budget;
    bool m_monthRead = false;        // the stored figures of the month counted are in m_budget
    bool m_monthReadFailed = false;  // polling goes on; the read is tried again with the cursor
    QString m_monthReading;          // the month whose stored figures are being read
    XReadBudget::Month m_savedMonth; // as stored
    XBudgetLevel m_budgetLevel = XBudgetLevel::Within;
};

} // namespace sb::integrations::x
