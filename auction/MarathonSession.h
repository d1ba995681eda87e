#pragma once
// One running marathon, the same for the studio window and headless: it owns the store (and so
// the marathon's lock), the clock, the engine, the journal's dispatcher, the hourly backups, the
// group-commit intake every bid goes through, the demo's simulated bidders, and the timers that
// drive them. The front-ends add only what is theirs (the window its scenes and pipeline, headless
// its stdout printer). Problems are reported once each through problem(), the same in both.

#include "AuctionEngine.h"
#include "AuctionStore.h"
#include "BackupManager.h"
#include "BidIntake.h"
#include "Clock.h"
#include "DemoMarathon.h"
#include "EventDispatcher.h"

#include <QObject>
#include <QString>
#include <QThread>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace sb::auction {

struct MarathonSessionOptions
{
    QString dbPath;
    bool demo = false;        // a demo: winners settle at once, idle hours are skipped
    QString backupDir;        // hourly snapshots go here; empty: none (the window's demo)
    int tickIntervalMs = 100; // how often the engine looks at the clock
    std::int64_t demoIdleLeadMs = 60'000; // a demo skips idle time up to this before a window
    int demoBidIntervalMs = 0;            // simulated bidders post every this many ms; 0: none
    int demoBidsPerInterval = 1;
    quint32 demoSeed = 0;      // 0 picks one
    RetryPolicy deliveryRetry; // how often a failed delivery to a subscriber is tried again
};

class MarathonSession : public QObject
{
    Q_OBJECT

public:
    // Makes the marathon's config when the database holds none; nullopt with *error to refuse.
    using ConfigFactory = std::function<std::optional<MarathonConfig>(const Clock&, QString*)>;
    // Makes the clock once the store is open (a demo's clock is kept in the store's meta).
    using ClockFactory = std::function<std::unique_ptr<Clock>(AuctionStore&, QString*)>;

    // Where a demo keeps its accelerated clock, so a restarted demo goes on where it was.
    static constexpr QLatin1StringView kDemoClockMetaKey{"demo_clock"};
    // The demo clock kept in the store at `speed` (virtual seconds a second), or a new one from
    // now; nullptr with *error when the store cannot be read.
    static std::unique_ptr<Clock> demoClock(AuctionStore& store, int speed, QString* error);

    explicit MarathonSession(MarathonSessionOptions options, QObject* parent = nullptr);
    ~MarathonSession() override;

    // Opens the database (taking its lock), makes the clock, and loads the marathon or creates
    // one from `makeConfig`. *created says which. Nothing runs until start().
    [[nodiscard]] bool open(const ClockFactory& makeClock, const ConfigFactory& makeConfig,
                            bool* created, QString* error);
    // Starts the timers (engine ticks, housekeeping, simulated bidders) and catches up now.
    void start();
    // Stops between transactions: delivers what is committed, saves the cursors, closes the
    // store (releasing the lock). Idempotent.
    void stop();
    bool isRunning() const { return m_running; }

    // Every bid goes through the group-commit intake and is judged on the engine's thread.
    // submitBid returns the verdict once the bid is durable (or failed).
    BidOutcome submitBid(const BidInput& bid);
    QList<BidOutcome> submitBids(const QList<BidInput>& bids);

    void setSimulatedBidders(bool on);
    bool simulatedBidders() const { return m_bidTimer.isActive(); }

    // Once a second: subscriber cursors, and the hourly backup when one is due. Public so tests
    // on a virtual clock can run it when they advance time.
    void runHousekeeping();
    // The last backup failure, empty while backups work.
    QString backupError() const { return m_backupError; }
    // A snapshot is being written (on a thread of its own, never the caller's).
    bool isBackingUp() const { return m_backupThread != nullptr; }

    // Thread-safe: how other threads queue bids and work for the engine's thread (EngineThread).
    BidIntake& intake() { return *m_intake; }
    AuctionEngine& engine() { return *m_engine; }
    const AuctionEngine& engine() const { return *m_engine; }
    AuctionStore& store() { return m_store; }
    EventDispatcher& dispatcher() { return *m_dispatcher; }
    const Clock& clock() const { return *m_clock; }
    const BackupManager* backups() const { return m_backups.get(); }
    const MarathonSessionOptions& options() const { return m_options; }

signals:
    void problem(const QString& message);          // said once per new problem, never per tick
    void backupStateChanged(const QString& error); // empty: backups work (again)
    void idleSkipped(std::int64_t toUtcMs);        // the demo jumped its clock ahead
    void marathonFinished();

private:
    void onTick();
    void schedulePump(); // delivers committed events soon, once however many commits came
    void onBidTimer();
    void skipIdleTime();
    void report(const QString& message);
    void startBackup();
    void finishBackup(std::int64_t startedUtcMs, bool ok, const QString& error);

    MarathonSessionOptions m_options;
    AuctionStore m_store;
    std::unique_ptr<Clock> m_clock;
    std::unique_ptr<AuctionEngine> m_engine;
    std::unique_ptr<EventDispatcher> m_dispatcher;
    std::unique_ptr<BidIntake> m_intake;
    std::unique_ptr<BackupManager> m_backups;
    std::unique_ptr<SimulatedBidders> m_bidders;
    QTimer m_tickTimer;
    QTimer m_bidTimer;
    QTimer m_housekeepingTimer;
    QString m_backupError;
    std::unique_ptr<QThread> m_backupThread;
    QString m_lastProblem; // the tick's last failure, said once until it changes
    bool m_running = false;
    bool m_finishedSaid = false;
    bool m_pumpScheduled = false;
};

} // namespace sb::auction
