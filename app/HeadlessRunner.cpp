#include "HeadlessRunner.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTimeZone>

#include <cstdio>

namespace sb::app {

using namespace sb::auction;

namespace {

// Prints each committed event as one JSON line and flushes, so a reader that saw the line knows
// the change it describes was already durable.
class JsonLinesPrinter final : public EventSubscriber
{
public:
    QString subscriberName() const override { return QStringLiteral("headless-stdout"); }
    QString deliver(const AuctionEvent& event) override
    {
        const QByteArray line = event.toJsonLine().toUtf8() + '\n';
        if (std::fwrite(line.constData(), 1, std::size_t(line.size()), stdout) !=
                std::size_t(line.size()) ||
            std::fflush(stdout) != 0)
            return QCoreApplication::translate("Headless", "cannot write to standard output");
        return {};
    }
};

void say(const QString& message)
{
    std::fprintf(stderr, "%s\n", qPrintable(message));
    std::fflush(stderr);
}

const QString kDemoClockKey = QStringLiteral("demo_clock");

} // namespace

HeadlessRunner::HeadlessRunner(HeadlessOptions options, QObject* parent)
    : QObject(parent), m_options(std::move(options))
{}

HeadlessRunner::~HeadlessRunner() = default;

bool HeadlessRunner::setUpClock(QString* error)
{
    if (!m_options.demo) {
        m_clock = std::make_unique<SystemClock>();
        return true;
    }
    // The demo clock is stored with the marathon so a restarted demo continues where the
    // accelerated time would be, windows that passed meanwhile included.
    const Result<QString> storedClock = m_store.meta(kDemoClockKey);
    if (!storedClock) {
        *error = storedClock.error(); // a guessed clock would replay or skip the demo's windows
        return false;
    }
    const QStringList stored = storedClock->split(u',');
    std::unique_ptr<ScaledClock> clock;
    if (stored.size() == 3) {
        clock = std::make_unique<ScaledClock>(stored[0].toLongLong(), stored[1].toLongLong(),
                                              stored[2].toInt());
        if (clock->speed() != m_options.speed) {
            const std::int64_t now = clock->nowUtcMs();
            clock = std::make_unique<ScaledClock>(now, QDateTime::currentMSecsSinceEpoch(),
                                                  m_options.speed);
        }
    } else {
        clock = std::make_unique<ScaledClock>(QDateTime::currentMSecsSinceEpoch(),
                                              QDateTime::currentMSecsSinceEpoch(), m_options.speed);
    }
    m_demoClock = clock.get();
    m_clock = std::move(clock);
    return m_store.setMeta(kDemoClockKey,
                           QStringLiteral("%1,%2,%3")
                               .arg(m_demoClock->anchorVirtualMs())
                               .arg(m_demoClock->anchorRealMs())
                               .arg(m_demoClock->speed()),
                           error);
}

QString HeadlessRunner::traceOfAnEarlierMarathon() const
{
    const QFileInfo db(m_options.dbPath);
    const QStringList kept = db.dir().entryList(
        {db.fileName() + QStringLiteral(".before-restore-*")}, QDir::Files, QDir::Name);
    if (!kept.isEmpty())
        return db.dir().filePath(kept.last());
    const QString backupDir = m_options.backupDir.isEmpty()
                                  ? m_options.dbPath + QStringLiteral(".backups")
                                  : m_options.backupDir;
    const QStringList backups =
        QDir(backupDir).entryList({QStringLiteral("sothebais-*.db")}, QDir::Files, QDir::Name);
    if (!backups.isEmpty())
        return QDir(backupDir).filePath(backups.last());
    return {};
}

bool HeadlessRunner::start(QString* error)
{
    if (m_options.dbPath.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        const QString stamp =
            QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        m_options.dbPath = QDir(dir).filePath(
            (m_options.demo ? QStringLiteral("demo-") : QStringLiteral("marathon-")) + stamp +
            QStringLiteral(".db"));
    }
    QDir().mkpath(QFileInfo(m_options.dbPath).absolutePath());
    if (!m_options.demo && !m_options.createNew && !QFileInfo::exists(m_options.dbPath)) {
        const QString trace = traceOfAnEarlierMarathon();
        if (!trace.isEmpty()) {
            *error = QCoreApplication::translate(
                         "Headless",
                         "There is no database at %1, but %2 says a marathon ran there. Restore "
                         "it (sothebais-studio restore --db %1 --from BACKUP), or pass --new to "
                         "start a new marathon anyway.")
                         .arg(m_options.dbPath, trace);
            return false;
        }
    }
    if (!m_store.open(m_options.dbPath, error) || !setUpClock(error))
        return false;
    say(QCoreApplication::translate("Headless", "Database: %1").arg(m_options.dbPath));

    m_engine = std::make_unique<AuctionEngine>(m_store, *m_clock);
    m_dispatcher = std::make_unique<EventDispatcher>(m_store, *m_clock);
    connect(m_engine.get(), &AuctionEngine::eventsCommitted, m_dispatcher.get(),
            &EventDispatcher::onEventsCommitted);
    m_printer = std::make_unique<JsonLinesPrinter>();
    // A new printer starts from the beginning; a restarted one replays what it had not printed.
    if (!m_dispatcher->subscribe(m_printer.get(), true, error))
        return false;

    QString loadError;
    if (m_store.loadMarathon(&loadError)) {
        const ActionResult loaded = m_engine->load();
        if (!loaded.ok) {
            *error = loaded.error;
            return false;
        }
        say(QCoreApplication::translate("Headless", "Resumed \"%1\" at event %2.")
                .arg(m_engine->config().name)
                .arg(m_engine->lastSeq()));
    } else if (!loadError.isEmpty()) {
        *error = loadError;
        return false;
    } else {
        MarathonConfig config;
        if (m_options.demo) {
            config = DemoMarathon::config(m_clock->nowUtcMs(), m_options.demoDays,
                                          m_options.demoWindowMinutes);
        } else if (!m_options.configPath.isEmpty()) {
            QStringList problems;
            const auto loaded = MarathonConfig::loadFile(m_options.configPath, &problems);
            if (!loaded) {
                *error = problems.join(u' ');
                return false;
            }
            config = *loaded;
            const QDate today = QDateTime::fromMSecsSinceEpoch(m_clock->nowUtcMs(),
                                                               QTimeZone(config.timeZone.toUtf8()))
                                    .date();
            if (config.firstDay < today && !m_options.allowPastStart) {
                *error = QCoreApplication::translate(
                             "Headless",
                             "The marathon's first day (%1) is in the past: its windows would be "
                             "closed unsold at once. Fix first_day, or pass --allow-past-start.")
                             .arg(config.firstDay.toString(Qt::ISODate));
                m_store.close();
                QFile::remove(m_options.dbPath); // made by this run and empty: leave no trace
                for (const char* suffix : {"-wal", "-shm"})
                    QFile::remove(m_options.dbPath + QLatin1String(suffix));
                return false;
            }
        } else {
            *error = QCoreApplication::translate(
                "Headless", "The database holds no marathon: pass --config FILE or --demo.");
            return false;
        }
        const ActionResult created = m_engine->createMarathon(config);
        if (!created.ok) {
            *error = created.error;
            return false;
        }
    }

    m_backups = std::make_unique<BackupManager>(m_store, *m_clock,
                                                m_options.backupDir.isEmpty()
                                                    ? m_options.dbPath + QStringLiteral(".backups")
                                                    : m_options.backupDir);
    if (m_options.demo) {
        const quint32 seed =
            m_options.seed ? m_options.seed : QRandomGenerator::global()->generate();
        m_bidders = std::make_unique<SimulatedBidders>(seed);
        const int intervalMs = std::max(5, int(1000.0 / std::max(0.01, m_options.bidRate)));
        m_bidTimer.setInterval(intervalMs);
        connect(&m_bidTimer, &QTimer::timeout, this, &HeadlessRunner::onBidTimer);
        m_bidTimer.start();
    }
    m_tickTimer.setInterval(50);
    connect(&m_tickTimer, &QTimer::timeout, this, &HeadlessRunner::onTick);
    m_tickTimer.start();
    m_housekeepingTimer.setInterval(1000);
    connect(&m_housekeepingTimer, &QTimer::timeout, this, [this] {
        QString housekeepingError;
        if (!m_dispatcher->saveCursors(&housekeepingError))
            say(housekeepingError);
        if (!m_backups->runIfDue(&housekeepingError)) {
            if (housekeepingError != m_backupError)
                say(QCoreApplication::translate("Headless", "Backup failed: %1")
                        .arg(housekeepingError));
            m_backupError = housekeepingError;
        } else {
            m_backupError.clear();
        }
    });
    m_housekeepingTimer.start();
    onTick();
    return true;
}

void HeadlessRunner::onTick()
{
    if (m_stopping)
        return;
    const ActionResult ticked = m_engine->tick();
    if (!ticked.ok)
        say(ticked.error);
    if (m_options.demo) {
        settleDemoWinners();
        skipIdleTime();
    }
    m_dispatcher->pump();
    if (m_engine->marathonState() == MarathonState::Finished) {
        shutdown(0, QCoreApplication::translate("Headless", "The marathon is finished."));
    }
}

void HeadlessRunner::onBidTimer()
{
    if (m_stopping)
        return;
    const auto index = m_engine->currentAuctionIndex();
    if (!index || !m_engine->auctions()[*index].isOpenForBids())
        return;
    const int perTick = std::max(1, int(m_options.bidRate * m_bidTimer.interval() / 1000.0));
    QList<BidInput> batch;
    const auto leader = m_engine->leaderBid(*index);
    for (int i = 0; i < perTick; ++i) {
        // Bidders react to the leader they last saw, so some of a batch race each other.
        batch.append(m_bidders->nextBid(leader ? std::optional(leader->amount) : std::nullopt,
                                        m_engine->minimumNextBid(*index), m_clock->nowUtcMs()));
    }
    for (const BidOutcome& outcome : m_engine->submitBids(batch)) {
        if (outcome.kind == BidOutcome::Kind::Failed)
            say(outcome.error);
    }
    m_dispatcher->pump();
}

void HeadlessRunner::settleDemoWinners()
{
    if (const QString error = DemoMarathon::settleWinners(*m_engine); !error.isEmpty())
        say(error);
}

void HeadlessRunner::skipIdleTime()
{
    constexpr std::int64_t kLeadMs = 5000;
    const std::optional<std::int64_t> target =
        DemoMarathon::idleSkipTarget(*m_engine, m_clock->nowUtcMs(), kLeadMs);
    if (!target)
        return;
    m_demoClock->jumpTo(*target);
    QString error;
    m_store.setMeta(kDemoClockKey,
                    QStringLiteral("%1,%2,%3")
                        .arg(m_demoClock->anchorVirtualMs())
                        .arg(m_demoClock->anchorRealMs())
                        .arg(m_demoClock->speed()),
                    &error);
    say(QCoreApplication::translate("Headless", "Demo: skipping ahead to %1 UTC.")
            .arg(QDateTime::fromMSecsSinceEpoch(*target, Qt::UTC).toString(Qt::ISODate)));
}

void HeadlessRunner::stop(int signalNumber)
{
    shutdown(
        0, signalNumber > 0
               ? QCoreApplication::translate("Headless", "Stopping on signal %1.").arg(signalNumber)
               : QCoreApplication::translate("Headless", "Stopping."));
}

void HeadlessRunner::shutdown(int exitCode, const QString& message)
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_tickTimer.stop();
    m_bidTimer.stop();
    m_housekeepingTimer.stop();
    // Every change is already committed; print what is left and remember how far we printed.
    m_dispatcher->pump();
    QString error;
    if (!m_dispatcher->saveCursors(&error))
        say(error);
    const std::int64_t lastSeq = m_engine->lastSeq();
    m_store.close();
    say(message);
    say(QCoreApplication::translate("Headless", "Stopped cleanly at event %1; nothing was lost.")
            .arg(lastSeq));
    emit finished(exitCode);
}

} // namespace sb::app
