#include "MarathonSession.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>
#include <QRandomGenerator>

namespace sb::auction {

Q_LOGGING_CATEGORY(lcSession, "sb.session")

std::unique_ptr<Clock> MarathonSession::demoClock(AuctionStore& store, int speed, QString* error)
{
    const Result<QString> stored = store.meta(QString(kDemoClockMetaKey));
    if (!stored) {
        *error = stored.error(); // a guessed clock would replay or skip the demo's windows
        return nullptr;
    }
    const std::int64_t realNow = QDateTime::currentMSecsSinceEpoch();
    const QStringList parts = stored->split(u',');
    std::unique_ptr<ScaledClock> clock;
    if (parts.size() == 3) {
        clock = std::make_unique<ScaledClock>(parts[0].toLongLong(), parts[1].toLongLong(),
                                              parts[2].toInt());
        // Another speed from now on, continuing from where the stored clock is.
        if (clock->speed() != speed)
            clock = std::make_unique<ScaledClock>(clock->nowUtcMs(), realNow, speed);
    } else {
        clock = std::make_unique<ScaledClock>(realNow, realNow, speed);
    }
    if (!store.setMeta(QString(kDemoClockMetaKey),
                       QStringLiteral("%1,%2,%3")
                           .arg(clock->anchorVirtualMs())
                           .arg(clock->anchorRealMs())
                           .arg(clock->speed()),
                       error))
        return nullptr;
    return clock;
}

MarathonSession::MarathonSession(MarathonSessionOptions options, QObject* parent)
    : QObject(parent), m_options(std::move(options))
{
    m_tickTimer.setInterval(std::max(1, m_options.tickIntervalMs));
    connect(&m_tickTimer, &QTimer::timeout, this, &MarathonSession::onTick);
    m_housekeepingTimer.setInterval(1000);
    connect(&m_housekeepingTimer, &QTimer::timeout, this, &MarathonSession::runHousekeeping);
    m_bidTimer.setInterval(std::max(5, m_options.demoBidIntervalMs));
    connect(&m_bidTimer, &QTimer::timeout, this, &MarathonSession::onBidTimer);
}

MarathonSession::~MarathonSession()
{
    stop();
}

bool MarathonSession::open(const ClockFactory& makeClock, const ConfigFactory& makeConfig,
                           bool* created, QString* error)
{
    if (created)
        *created = false;
    if (!m_store.open(m_options.dbPath, error))
        return false;
    m_clock = makeClock(m_store, error);
    if (!m_clock) {
        m_store.close();
        return false;
    }
    m_engine = std::make_unique<AuctionEngine>(m_store, *m_clock);
    m_dispatcher = std::make_unique<EventDispatcher>(m_store, *m_clock, m_options.deliveryRetry);
    connect(m_engine.get(), &AuctionEngine::eventsCommitted, m_dispatcher.get(),
            &EventDispatcher::onEventsCommitted);
    // Bids that other threads queue commit without a caller here to pump: deliver after them.
    connect(m_engine.get(), &AuctionEngine::eventsCommitted, this, &MarathonSession::schedulePump);
    m_intake = std::make_unique<BidIntake>(*m_engine);

    QString loadError;
    const bool hasMarathon = m_store.loadMarathon(&loadError).has_value();
    if (!hasMarathon && !loadError.isEmpty()) {
        *error = loadError;
        m_store.close();
        return false;
    }
    if (hasMarathon) {
        const ActionResult loaded = m_engine->load();
        if (!loaded.ok) {
            *error = loaded.error;
            m_store.close();
            return false;
        }
    } else {
        const std::optional<MarathonConfig> config = makeConfig(*m_clock, error);
        if (!config) {
            m_store.close();
            return false;
        }
        const ActionResult made = m_engine->createMarathon(*config);
        if (!made.ok) {
            *error = made.error;
            m_store.close();
            return false;
        }
        if (created)
            *created = true;
    }
    if (!m_options.backupDir.isEmpty())
        m_backups = std::make_unique<BackupManager>(m_store, *m_clock, m_options.backupDir);
    if (m_options.demo && m_options.demoBidIntervalMs > 0) {
        m_bidders = std::make_unique<SimulatedBidders>(
            m_options.demoSeed ? m_options.demoSeed : QRandomGenerator::global()->generate());
    }
    return true;
}

void MarathonSession::start()
{
    if (m_running || !m_engine)
        return;
    m_running = true;
    m_tickTimer.start();
    m_housekeepingTimer.start();
    if (m_bidders)
        m_bidTimer.start();
    onTick();
}

void MarathonSession::stop()
{
    m_tickTimer.stop();
    m_bidTimer.stop();
    m_housekeepingTimer.stop();
    m_running = false;
    if (m_backupThread) {
        m_backupThread->wait(); // a snapshot is never cut off half written
        m_backupThread.reset();
    }
    if (!m_store.isOpen())
        return;
    // Every change is already committed: deliver what is left and remember how far.
    if (m_dispatcher) {
        m_dispatcher->pump();
        QString error;
        if (!m_dispatcher->saveCursors(&error))
            report(error);
    }
    m_store.close();
}

BidOutcome MarathonSession::submitBid(const BidInput& bid)
{
    return submitBids({bid}).constFirst();
}

QList<BidOutcome> MarathonSession::submitBids(const QList<BidInput>& bids)
{
    const QList<BidOutcome> outcomes = m_intake->submitNow(bids);
    m_dispatcher->pump();
    return outcomes;
}

void MarathonSession::schedulePump()
{
    if (m_pumpScheduled)
        return;
    m_pumpScheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_pumpScheduled = false;
            if (m_dispatcher && m_store.isOpen())
                m_dispatcher->pump();
        },
        Qt::QueuedConnection);
}

void MarathonSession::setSimulatedBidders(bool on)
{
    if (on && m_bidders && m_running)
        m_bidTimer.start();
    else
        m_bidTimer.stop();
}

void MarathonSession::report(const QString& message)
{
    qCWarning(lcSession).noquote() << message;
    emit problem(message);
}

void MarathonSession::onTick()
{
    if (!m_running)
        return;
    const ActionResult ticked = m_engine->tick();
    // A failure that persists (judging stopped) is said once, not ten times a second.
    if (!ticked.ok && ticked.error != m_lastProblem)
        report(ticked.error);
    m_lastProblem = ticked.ok ? QString() : ticked.error;
    if (m_options.demo && ticked.ok) {
        if (const QString error = DemoMarathon::settleWinners(*m_engine); !error.isEmpty())
            report(error);
        skipIdleTime();
    }
    m_dispatcher->pump();
    if (m_engine->marathonState() == MarathonState::Finished && !m_finishedSaid) {
        m_finishedSaid = true;
        emit marathonFinished();
    }
}

void MarathonSession::onBidTimer()
{
    if (!m_running || !m_bidders)
        return;
    const auto index = m_engine->currentAuctionIndex();
    if (!index || !m_engine->auctions()[*index].isOpenForBids())
        return;
    QList<BidInput> batch;
    const auto leader = m_engine->leaderBid(*index);
    for (int i = 0; i < std::max(1, m_options.demoBidsPerInterval); ++i) {
        // Bidders react to the leader they last saw, so some of a batch race each other.
        batch.append(m_bidders->nextBid(leader ? std::optional(leader->amount) : std::nullopt,
                                        m_engine->minimumNextBid(*index), m_clock->nowUtcMs()));
    }
    for (const BidOutcome& outcome : submitBids(batch)) {
        if (outcome.kind == BidOutcome::Kind::Failed) {
            report(outcome.error);
            break;
        }
    }
}

void MarathonSession::skipIdleTime()
{
    auto* demoClock = dynamic_cast<ScaledClock*>(m_clock.get());
    if (!demoClock)
        return;
    const std::optional<std::int64_t> target =
        DemoMarathon::idleSkipTarget(*m_engine, m_clock->nowUtcMs(), m_options.demoIdleLeadMs);
    if (!target)
        return;
    demoClock->jumpTo(*target);
    // The demo clock is kept with the marathon, so a restarted demo goes on from here.
    QString error;
    if (!m_store.setMeta(QString(kDemoClockMetaKey),
                         QStringLiteral("%1,%2,%3")
                             .arg(demoClock->anchorVirtualMs())
                             .arg(demoClock->anchorRealMs())
                             .arg(demoClock->speed()),
                         &error))
        report(error);
    emit idleSkipped(*target);
}

void MarathonSession::runHousekeeping()
{
    if (!m_store.isOpen())
        return;
    QString error;
    if (m_dispatcher && !m_dispatcher->saveCursors(&error))
        report(error);
    if (m_backups && !m_backupThread && m_backups->isDue(m_clock->nowUtcMs()))
        startBackup();
}

void MarathonSession::startBackup()
{
    // The copy of a whole database takes seconds for a large one: it runs on a thread of its own
    // with a read-only connection of its own (WAL lets it read beside the writer), so neither
    // the bids nor the window wait for it.
    const std::int64_t startedUtcMs = m_clock->nowUtcMs();
    const QString dbPath = m_options.dbPath;
    const QString directory = m_backups->directory();
    auto outcome = std::make_shared<std::pair<bool, QString>>(false, QString());
    m_backupThread.reset(QThread::create([=] {
        AuctionStore reader;
        QString why;
        bool ok = reader.openReadOnly(dbPath, &why);
        if (ok) {
            const VirtualClock takenAt(startedUtcMs); // the name is the session's time
            BackupManager worker(reader, takenAt, directory);
            ok = worker.backupNow(nullptr, &why);
            if (ok)
                worker.prune();
        }
        *outcome = {ok, why};
    }));
    connect(m_backupThread.get(), &QThread::finished, this, [this, startedUtcMs, outcome] {
        finishBackup(startedUtcMs, outcome->first, outcome->second);
    });
    m_backupThread->start(QThread::LowPriority);
}

void MarathonSession::finishBackup(std::int64_t startedUtcMs, bool ok, const QString& error)
{
    if (m_backupThread) {
        m_backupThread->wait();
        m_backupThread.reset();
    }
    if (!m_backups)
        return;
    m_backups->recordResult(startedUtcMs, ok, error);
    // A failed backup is retried a minute later and said once, until it works or fails
    // differently; the marathon goes on either way.
    if (!ok) {
        if (error != m_backupError) {
            m_backupError = error;
            report(QCoreApplication::translate("MarathonSession", "Backup failed: %1").arg(error));
            emit backupStateChanged(error);
        }
    } else if (!m_backupError.isEmpty()) {
        m_backupError.clear();
        qCInfo(lcSession).noquote() << "backups into" << m_backups->directory() << "work again";
        emit backupStateChanged(QString());
    }
}

} // namespace sb::auction
