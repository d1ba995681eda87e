#include "HeadlessRunner.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
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

} // namespace

HeadlessRunner::HeadlessRunner(HeadlessOptions options, QObject* parent)
    : QObject(parent), m_options(std::move(options))
{}

HeadlessRunner::~HeadlessRunner()
{
    if (m_session)
        m_session->stop(); // before the printer it delivers to goes
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

std::optional<MarathonConfig> HeadlessRunner::makeConfig(const Clock& clock, QString* error) const
{
    if (m_options.demo)
        return DemoMarathon::config(clock.nowUtcMs(), m_options.demoDays,
                                    m_options.demoWindowMinutes);
    if (m_options.configPath.isEmpty()) {
        *error = QCoreApplication::translate(
            "Headless", "The database holds no marathon: pass --config FILE or --demo.");
        return std::nullopt;
    }
    QStringList problems;
    std::optional<MarathonConfig> config =
        MarathonConfig::loadFile(m_options.configPath, &problems);
    if (!config) {
        *error = problems.join(u' ');
        return std::nullopt;
    }
    const QDate today =
        QDateTime::fromMSecsSinceEpoch(clock.nowUtcMs(), QTimeZone(config->timeZone.toUtf8()))
            .date();
    if (config->firstDay < today && !m_options.allowPastStart) {
        *error = QCoreApplication::translate(
                     "Headless",
                     "The marathon's first day (%1) is in the past: its windows would be closed "
                     "unsold at once. Fix first_day, or pass --allow-past-start.")
                     .arg(config->firstDay.toString(Qt::ISODate));
        return std::nullopt;
    }
    return config;
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
    const bool existed = QFileInfo::exists(m_options.dbPath);
    if (!m_options.demo && !m_options.createNew && !existed) {
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

    MarathonSessionOptions session;
    session.dbPath = m_options.dbPath;
    session.demo = m_options.demo;
    session.backupDir = m_options.backupDir.isEmpty()
                            ? m_options.dbPath + QStringLiteral(".backups")
                            : m_options.backupDir;
    session.tickIntervalMs = 50;
    session.demoIdleLeadMs = 5000;
    if (m_options.demo) {
        session.demoBidIntervalMs = std::max(5, int(1000.0 / std::max(0.01, m_options.bidRate)));
        session.demoBidsPerInterval =
            std::max(1, int(m_options.bidRate * session.demoBidIntervalMs / 1000.0));
        session.demoSeed = m_options.seed;
    }
    m_session = std::make_unique<EngineThread>(session);
    const auto makeClock = [this](AuctionStore& store, QString* clockError) {
        if (!m_options.demo)
            return std::unique_ptr<Clock>(std::make_unique<SystemClock>());
        return MarathonSession::demoClock(store, m_options.speed, clockError);
    };
    const auto config = [this](const Clock& clock, QString* configError) {
        return makeConfig(clock, configError);
    };
    bool created = false;
    if (!m_session->open(makeClock, config, &created, error)) {
        m_session.reset();
        if (!existed && !MarathonLock::isHeld(m_options.dbPath)) {
            // Made by this run and refused: leave no database that looks like a marathon (but
            // never one that another process has just created and holds).
            for (const char* suffix : {"", "-wal", "-shm"})
                QFile::remove(m_options.dbPath + QLatin1String(suffix));
        }
        return false;
    }
    say(QCoreApplication::translate("Headless", "Database: %1").arg(m_options.dbPath));
    if (!created)
        say(QCoreApplication::translate("Headless", "Resumed \"%1\" at event %2.")
                .arg(m_session->view().config.name)
                .arg(m_session->view().lastSeq));

    m_printer = std::make_unique<JsonLinesPrinter>();
    // A new printer starts from the beginning; a restarted one replays what it had not printed.
    // It is delivered to on the engine's thread, where the dispatcher runs.
    EventSubscriber* printer = m_printer.get();
    const auto [subscribed, why] = m_session->wait([printer](MarathonSession& s) {
        QString subscribeError;
        const bool ok = s.dispatcher().subscribe(printer, true, &subscribeError);
        return std::pair(ok, subscribeError);
    });
    if (!subscribed) {
        *error = why;
        return false;
    }
    connect(m_session.get(), &EngineThread::problem, this,
            [](const QString& message) { say(message); });
    connect(m_session.get(), &EngineThread::idleSkipped, this, [](std::int64_t toUtcMs) {
        say(QCoreApplication::translate("Headless", "Demo: skipping ahead to %1 UTC.")
                .arg(QDateTime::fromMSecsSinceEpoch(toUtcMs, Qt::UTC).toString(Qt::ISODate)));
    });
    connect(m_session.get(), &EngineThread::marathonFinished, this, [this] {
        // After the tick that finished it has delivered its events.
        QMetaObject::invokeMethod(
            this,
            [this] {
                shutdown(0, QCoreApplication::translate("Headless", "The marathon is finished."));
            },
            Qt::QueuedConnection);
    });
    m_session->start();
    return true;
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
    if (m_stopping || !m_session)
        return;
    m_stopping = true;
    m_session->stop(); // prints what is left, saves the cursors, closes the store
    const std::int64_t lastSeq = m_session->view().lastSeq;
    say(message);
    say(QCoreApplication::translate("Headless", "Stopped cleanly at event %1; nothing was lost.")
            .arg(lastSeq));
    emit finished(exitCode);
}

} // namespace sb::app
