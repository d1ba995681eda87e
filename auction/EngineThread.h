#pragma once
// The marathon session on the engine's own thread, and the front door to it from every other
// thread (the window, headless's main loop, the X poller). The session (store, clock, engine,
// journal, backups, intake and their timers) is made, opened, run and stopped on that thread, so
// no other thread ever waits on SQLite. Bids enter through the group-commit intake; operator
// actions and the window's reads are work queued in the same line, in order with the bids.
// Verdicts, results, committed events and the engine's state come back by queued calls to the
// thread that made this object.

#include "MarathonSession.h"

#include <QHash>
#include <QList>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <type_traits>

namespace sb::auction {

// The engine's state as of its last commit: a plain value the window reads without the engine.
struct EngineView
{
    bool hasMarathon = false;
    MarathonConfig config;
    MarathonState marathonState = MarathonState::Scheduled;
    QList<AuctionDay> auctions;
    std::optional<int> currentAuction;  // taking bids now, else the next to open, else the last
    QHash<int, BidRecord> leaders;      // auction index -> leading bid
    QHash<QString, WalletLink> wallets; // bidder id -> the wallet linked
    SettlementOptions settlementOptions;
    QHash<int, Settlement> settlements;                         // auction index -> its settlement
    QHash<int, QList<ChainTransaction>> settlementTransactions; // auction index -> oldest first
    std::int64_t lastSeq = 0;

    std::optional<BidRecord> leaderBid(int auctionIndex) const;
    static EngineView of(const AuctionEngine& engine); // on the engine's thread
};

class EngineThread : public QObject
{
    Q_OBJECT

public:
    explicit EngineThread(MarathonSessionOptions options, QObject* parent = nullptr);
    ~EngineThread() override; // stop()

    // Starts the thread and opens the session on it (MarathonSession::open); the caller waits,
    // as it would for any start-up. False with *error leaves nothing running.
    [[nodiscard]] bool open(const MarathonSession::ClockFactory& makeClock,
                            const MarathonSession::ConfigFactory& makeConfig, bool* created,
                            QString* error);
    // Starts the session's timers on its thread.
    void start();
    // Lets what is queued finish, stops the session (delivering what is committed, saving the
    // cursors, closing the store and its lock) and ends the thread; the caller waits. Idempotent.
    void stop();
    bool isOpen() const { return m_session != nullptr; }

    // Any thread. The bids join the intake's line; `done` gets their verdicts, once durable, on
    // this object's thread, unless `context` (when not null) is gone by then.
    void submitBids(const QList<BidInput>& bids, QObject* context,
                    std::function<void(const QList<BidOutcome>&)> done);

    // Any thread. `work(MarathonSession&)` runs on the engine's thread in its place in the line;
    // `done(result)` runs on this object's thread, unless `context` (when not null) is gone by
    // then. Work that
    // is queued when stop() runs is done first; work posted after it is dropped.
    template <typename Work, typename Done> void post(Work work, QObject* context, Done done);
    template <typename Work> void post(Work work)
    {
        enqueue([this, work = std::move(work)]() mutable { work(*m_session); });
    }

    // Runs `work` on the engine's thread in its place in the line and waits for its result: for
    // start-up, shutdown, tools and tests, never for what the window does while it runs.
    template <typename Work> auto wait(Work work) -> std::invoke_result_t<Work&, MarathonSession&>;

    // Safe to read from any thread while this object lives.
    const Clock& clock() const { return *m_clock; }
    // The engine's state after the last commit this thread has heard of.
    const EngineView& view() const { return m_view; }
    const MarathonSessionOptions& options() const { return m_options; }
    // The last backup failure, empty while backups work (as heard on this thread).
    QString backupError() const { return m_backupError; }

signals:
    // Committed events in seq order; view() already shows them when this is emitted.
    void eventsCommitted(const QList<sb::auction::AuctionEvent>& events);
    void problem(const QString& message);
    void backupStateChanged(const QString& error);
    void idleSkipped(std::int64_t toUtcMs);
    void marathonFinished();
    void deadLettered(const QString& subscriber, std::int64_t seq, const QString& error);

private:
    void enqueue(std::function<void()> work);
    // On the engine's thread, after a commit: the new view and the events, to this thread.
    void publish(const QList<AuctionEvent>& events);

    MarathonSessionOptions m_options;
    QThread m_thread;
    QObject* m_anchor = nullptr; // lives on m_thread: what blocking calls are queued to
    std::unique_ptr<MarathonSession> m_session; // made, used and destroyed on m_thread
    const Clock* m_clock = nullptr;
    EngineView m_view;
    QString m_backupError;
};

template <typename Work, typename Done>
void EngineThread::post(Work work, QObject* context, Done done)
{
    using Result = std::invoke_result_t<Work&, MarathonSession&>;
    const QPointer<QObject> guard(context);
    const bool guarded = context != nullptr;
    enqueue([this, work = std::move(work), guard, guarded, done = std::move(done)]() mutable {
        if constexpr (std::is_void_v<Result>) {
            work(*m_session);
            QMetaObject::invokeMethod(
                this,
                [guard, guarded, done]() mutable {
                    if (!guarded || guard)
                        done();
                },
                Qt::QueuedConnection);
        } else {
            auto result = std::make_shared<Result>(work(*m_session));
            QMetaObject::invokeMethod(
                this,
                [guard, guarded, done, result]() mutable {
                    if (!guarded || guard)
                        done(std::move(*result));
                },
                Qt::QueuedConnection);
        }
    });
}

template <typename Work>
auto EngineThread::wait(Work work) -> std::invoke_result_t<Work&, MarathonSession&>
{
    using Result = std::invoke_result_t<Work&, MarathonSession&>;
    Q_ASSERT(QThread::currentThread() != &m_thread);
    if (!m_session) {
        if constexpr (std::is_void_v<Result>)
            return;
        else
            return Result{};
    }
    std::promise<Result> promise;
    std::future<Result> future = promise.get_future();
    enqueue([this, &work, &promise] {
        if constexpr (std::is_void_v<Result>) {
            work(*m_session);
            promise.set_value();
        } else {
            promise.set_value(work(*m_session));
        }
    });
    return future.get();
}

} // namespace sb::auction
