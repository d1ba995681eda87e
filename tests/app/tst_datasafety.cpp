// The marathon's file as an attacker or an unlucky operator meets it, through the real binary:
// a second process on the same database, restore under a running marathon, read-only tools on a
// foreign file, a kill at any instant of a restore, a full disk under an export, a damaged page
// under the journal, a database gone missing beside its backups, a first day in the past.

#include "CliTestSupport.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

#include <sys/stat.h>

using namespace sb::test;

namespace {

// A demo marathon that runs until stopped (a real-time clock, three days), printing its events.
class RunningDemo
{
public:
    explicit RunningDemo(const QString& db)
    {
        startStudio(m_process,
                    {QStringLiteral("--headless"), QStringLiteral("--demo"),
                     QStringLiteral("--speed"), QStringLiteral("1"), QStringLiteral("--bid-rate"),
                     QStringLiteral("5"), QStringLiteral("--db"), db});
    }
    ~RunningDemo()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(kCommandMs);
        }
    }
    // Waits for the first committed event: the marathon is open and holds its database.
    bool waitUntilRunning()
    {
        QStringList lines;
        return m_process.waitForStarted(kCommandMs) &&
               readLinesUntil(
                   m_process, &lines, [](const QString&) { return true; }, kCommandMs);
    }
    qint64 pid() const { return m_process.processId(); }
    Run stop()
    {
        Run run;
        run.args = QStringList{QStringLiteral("--headless --demo (stopped by SIGTERM)")};
        m_process.terminate();
        collect(m_process, run, kCommandMs);
        return run;
    }

private:
    QProcess m_process;
};

// An SQLite file that is somebody else's: one table of recipes.
bool writeForeignDatabase(const QString& path)
{
    const QString name = QUuid::createUuid().toString();
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        ok = db.open() && QSqlQuery(db).exec(QStringLiteral("CREATE TABLE recipes(name TEXT)")) &&
             QSqlQuery(db).exec(QStringLiteral("INSERT INTO recipes VALUES ('soup')"));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

QStringList namesIn(const QString& dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

// Runs the binary with its file size capped (what a full disk does to a write: it stops short).
Run runWithFileSizeLimit(int limitKb, const QStringList& args)
{
    Run run;
    run.args = args;
    QProcess process;
    process.setProcessEnvironment(operatorEnvironment());
    process.start(
        QStringLiteral("/bin/bash"),
        QStringList{QStringLiteral("-c"),
                    QStringLiteral("trap '' XFSZ; ulimit -f %1; exec \"$0\" \"$@\"").arg(limitKb),
                    studioBinary()} +
            args);
    if (!process.waitForStarted(kCommandMs)) {
        run.err = process.errorString();
        return run;
    }
    collect(process, run, kCommandMs);
    return run;
}

// The short demo marathon in `dir`, and a backup of it; returns the backup's path.
QString demoAndBackup(const QTemporaryDir& dir, QString* db, QList<QJsonObject>* events)
{
    runDemo(dir, db, events);
    if (QTest::currentTestFailed())
        return {};
    const Run backup = runStudio({QStringLiteral("backup"), QStringLiteral("--db"), *db});
    if (!backup.finished || backup.exitCode != 0)
        QTest::qFail(qPrintable(backup.describe()), __FILE__, __LINE__);
    return backup.outLines().value(0);
}

QJsonObject marathonStartingOn(const QString& firstDay)
{
    return {{QStringLiteral("name"), QStringLiteral("Safety")},
            {QStringLiteral("first_day"), firstDay},
            {QStringLiteral("days"), 2},
            {QStringLiteral("window_start"), QStringLiteral("12:00")},
            {QStringLiteral("window_end"), QStringLiteral("13:00")},
            {QStringLiteral("time_zone"), QStringLiteral("UTC")}};
}

} // namespace

class TestDataSafety : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void oneProcessPerMarathon();
    void readOnlyToolsChangeNothing();
    void restoreKilledAtAnyInstantLeavesADatabase();
    void exportOnAFullDiskIsAnError();
    void journalStopsLoudlyOnADamagedPage();
    void missingDatabaseBesideBackupsIsNotReplaced();
    void firstDayInThePastNeedsAFlag();
};

void TestDataSafety::initTestCase()
{
    QVERIFY2(QFileInfo(studioBinary()).isExecutable(), SB_STUDIO_BINARY);
}

void TestDataSafety::oneProcessPerMarathon()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(QStringLiteral("marathon.db"));
    RunningDemo first(db);
    QVERIFY2(first.waitUntilRunning(), "the first demo never printed an event");

    // A second marathon process on the same file is refused and told who holds it.
    const Run second =
        runStudio({QStringLiteral("--headless"), QStringLiteral("--demo"), QStringLiteral("--db"),
                   db, QStringLiteral("--speed"), QStringLiteral("600")});
    SB_EXPECT_EXIT(second, 1);
    QCOMPARE(second.out, QString()); // it judged nothing
    QVERIFY2(second.err.contains(QStringLiteral("in use by another process")),
             qPrintable(second.describe()));
    QVERIFY2(second.err.contains(QStringLiteral("process %1").arg(first.pid())),
             qPrintable(second.describe()));

    // The read-only tools work beside it.
    const Run journal = runStudio({QStringLiteral("journal"), QStringLiteral("--db"), db});
    SB_EXPECT_EXIT(journal, 0);
    QList<QJsonObject> events;
    verifyEventLines(journal.outLines(), 1, &events);
    QVERIFY(!events.isEmpty());
    const QString csv = dir.filePath(QStringLiteral("csv"));
    const Run exported = runStudio(
        {QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--csv"), csv});
    SB_EXPECT_EXIT(exported, 0);
    const Run backup = runStudio({QStringLiteral("backup"), QStringLiteral("--db"), db});
    SB_EXPECT_EXIT(backup, 0);
    const QString snapshot = backup.outLines().value(0);
    QVERIFY2(QFileInfo(snapshot).isFile(), qPrintable(backup.describe()));

    // Restore refuses to swap the file under the running marathon.
    const Run refused = runStudio({QStringLiteral("restore"), QStringLiteral("--db"), db,
                                   QStringLiteral("--from"), snapshot});
    SB_EXPECT_EXIT(refused, 2);
    QVERIFY2(refused.err.contains(QStringLiteral("in use by another process")),
             qPrintable(refused.describe()));
    QVERIFY(QDir(dir.path())
                .entryList({QStringLiteral("marathon.db.before-restore-*")}, QDir::Files)
                .isEmpty());

    // The first one was never disturbed: it stops cleanly, and then restore goes through.
    const Run stopped = first.stop();
    SB_EXPECT_EXIT(stopped, 0);
    const Run restored = runStudio({QStringLiteral("restore"), QStringLiteral("--db"), db,
                                    QStringLiteral("--from"), snapshot});
    SB_EXPECT_EXIT(restored, 0);
}

void TestDataSafety::readOnlyToolsChangeNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString foreign = dir.filePath(QStringLiteral("recipes.db"));
    QVERIFY(writeForeignDatabase(foreign));
    const QString empty = dir.filePath(QStringLiteral("empty.db"));
    QVERIFY(writeFile(empty, {}));

    for (const QString& file : {foreign, empty}) {
        const QByteArray before = contentsOf(file);
        const QStringList namesBefore = namesIn(dir.path());
        const QList<QStringList> commands = {
            {QStringLiteral("journal"), QStringLiteral("--db"), file},
            {QStringLiteral("dead-letters"), QStringLiteral("--db"), file},
            {QStringLiteral("export"), QStringLiteral("--db"), file, QStringLiteral("--csv"),
             dir.filePath(QStringLiteral("csv"))},
            {QStringLiteral("backup"), QStringLiteral("--db"), file, QStringLiteral("--dir"),
             dir.filePath(QStringLiteral("backups"))},
        };
        for (const QStringList& command : commands) {
            const Run run = runStudio(command);
            SB_EXPECT_EXIT(run, 2);
            QCOMPARE(run.out, QString());
            QVERIFY2(run.errLines().size() == 1, qPrintable(run.describe()));
            QVERIFY2(run.err.contains(QStringLiteral("not a SothebAIs Studio")),
                     qPrintable(run.describe()));
        }
        // Not migrated into a marathon, no lock, no log, no export: the file is as it was.
        QCOMPARE(contentsOf(file), before);
        QCOMPARE(namesIn(dir.path()), namesBefore);
    }
}

void TestDataSafety::restoreKilledAtAnyInstantLeavesADatabase()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString db;
    QList<QJsonObject> events;
    const QString snapshot = demoAndBackup(dir, &db, &events);
    if (QTest::currentTestFailed())
        return;

    // SIGKILL at spread-out instants of a restore; after each the path holds a whole marathon
    // (the old one or the restored one, which here have the same journal), never nothing.
    QRandomGenerator random(20261206);
    for (int attempt = 0; attempt < 12; ++attempt) {
        QProcess restore;
        startStudio(restore, {QStringLiteral("restore"), QStringLiteral("--db"), db,
                              QStringLiteral("--from"), snapshot});
        QVERIFY(restore.waitForStarted(kCommandMs));
        QTest::qSleep(int(random.bounded(60)));
        ::kill(pid_t(restore.processId()), SIGKILL);
        restore.waitForFinished(kCommandMs);

        QVERIFY2(QFileInfo(db).isFile(), qPrintable(QStringLiteral("attempt %1").arg(attempt)));
        const Run journal = runStudio({QStringLiteral("journal"), QStringLiteral("--db"), db});
        SB_EXPECT_EXIT(journal, 0);
        QList<QJsonObject> read;
        verifyEventLines(journal.outLines(), 1, &read);
        QCOMPARE(read, events);
    }
}

void TestDataSafety::exportOnAFullDiskIsAnError()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString db;
    QList<QJsonObject> events;
    runDemo(dir, &db, &events, 200);
    if (QTest::currentTestFailed())
        return;
    const QString csv = dir.filePath(QStringLiteral("csv"));
    const Run exported = runStudio(
        {QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--csv"), csv});
    SB_EXPECT_EXIT(exported, 0);
    const QByteArray complete = contentsOf(QDir(csv).filePath(QStringLiteral("bids.csv")));
    // The cap must cut bids.csv short but leave room for SQLite's 32 KiB shared-memory file.
    QVERIFY2(complete.size() > 40 * 1024, "the demo made too few bids to fill the disk");

    const Run full = runWithFileSizeLimit(
        38, {QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--csv"), csv});
    SB_EXPECT_EXIT(full, 2);
    QVERIFY2(full.err.contains(QStringLiteral("bids.csv")), qPrintable(full.describe()));
    QVERIFY2(full.err.contains(QStringLiteral("disk full")), qPrintable(full.describe()));
    QCOMPARE(full.out, QString()); // no "Wrote …"
    // The previous export is untouched, and no truncated or temporary file is left.
    QCOMPARE(contentsOf(QDir(csv).filePath(QStringLiteral("bids.csv"))), complete);
    QCOMPARE(namesIn(csv),
             (QStringList{QStringLiteral("bids.csv"), QStringLiteral("results.csv")}));
}

void TestDataSafety::journalStopsLoudlyOnADamagedPage()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString db;
    QList<QJsonObject> events;
    runDemo(dir, &db, &events);
    if (QTest::currentTestFailed())
        return;

    // Scribble over pages near the end of the file, where the newest journal pages are.
    QFile file(db);
    QVERIFY(file.open(QIODevice::ReadWrite));
    const qint64 pages = file.size() / 4096;
    QVERIFY(pages > 8);
    for (qint64 page = pages - 6; page < pages - 1; ++page) {
        QVERIFY(file.seek(page * 4096));
        QCOMPARE(file.write(QByteArray(4096, '\xA5')), 4096);
    }
    file.close();

    // The journal does not end quietly where the damage starts: exit 2 and the reason.
    const Run journal = runStudio({QStringLiteral("journal"), QStringLiteral("--db"), db});
    QVERIFY2(journal.finished && journal.exitCode == 2, qPrintable(journal.describe()));
    QVERIFY2(journal.err.contains(QStringLiteral("malformed")) ||
                 journal.err.contains(QStringLiteral("damaged")),
             qPrintable(journal.describe()));

    // And the marathon is not resumed on it.
    const Run resume =
        runStudio({QStringLiteral("--headless"), QStringLiteral("--demo"), QStringLiteral("--db"),
                   db, QStringLiteral("--speed"), QStringLiteral("600")});
    SB_EXPECT_EXIT(resume, 1);
    QVERIFY2(resume.err.contains(QStringLiteral("damaged")) ||
                 resume.err.contains(QStringLiteral("malformed")),
             qPrintable(resume.describe()));
    QVERIFY2(resume.err.contains(QStringLiteral("restore")), qPrintable(resume.describe()));
}

void TestDataSafety::missingDatabaseBesideBackupsIsNotReplaced()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString db;
    QList<QJsonObject> events;
    demoAndBackup(dir, &db, &events);
    if (QTest::currentTestFailed())
        return;
    const QString config = dir.filePath(QStringLiteral("marathon.json"));
    QVERIFY(writeFile(config, realClockConfig(QStringLiteral("Fresh"))));

    // The database is gone (deleted, moved, a failed disk); its backups are still there.
    for (const char* suffix : {"", "-wal", "-shm"})
        QFile::remove(db + QLatin1String(suffix));
    const QStringList args = {QStringLiteral("--headless"), QStringLiteral("--db"), db,
                              QStringLiteral("--config"), config};
    const Run refused = runStudio(args);
    SB_EXPECT_EXIT(refused, 1);
    QVERIFY2(refused.err.contains(QStringLiteral("restore")), qPrintable(refused.describe()));
    QVERIFY2(refused.err.contains(QStringLiteral(".backups")), qPrintable(refused.describe()));
    QVERIFY(!QFileInfo::exists(db));

    // Told to, it starts a new marathon (stopped at once: it runs on the real clock).
    QProcess fresh;
    startStudio(fresh, args + QStringList{QStringLiteral("--new")});
    QStringList lines;
    QVERIFY2(readLinesUntil(
                 fresh, &lines,
                 [](const QString& line) { return line.contains(QStringLiteral("day.opened")); },
                 kCommandMs),
             qPrintable(QString::fromUtf8(fresh.readAllStandardError())));
    fresh.terminate();
    QVERIFY(fresh.waitForFinished(kCommandMs));
    QVERIFY(QFileInfo(db).isFile());
}

void TestDataSafety::firstDayInThePastNeedsAFlag()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(QStringLiteral("marathon.db"));
    const QString config = dir.filePath(QStringLiteral("past.json"));
    QVERIFY(writeFile(config,
                      QJsonDocument(marathonStartingOn(QStringLiteral("2025-01-10"))).toJson()));
    const QStringList args = {QStringLiteral("--headless"), QStringLiteral("--db"), db,
                              QStringLiteral("--config"), config};

    const Run refused = runStudio(args);
    SB_EXPECT_EXIT(refused, 1);
    QCOMPARE(refused.out, QString()); // no window was caught up and closed unsold
    QVERIFY2(refused.err.contains(QStringLiteral("2025-01-10")), qPrintable(refused.describe()));
    QVERIFY2(refused.err.contains(QStringLiteral("--allow-past-start")),
             qPrintable(refused.describe()));
    QVERIFY(!QFileInfo::exists(db));

    // With the flag the past days are caught up, each closed without bids, and it finishes.
    QProcess allowed;
    startStudio(allowed, args + QStringList{QStringLiteral("--allow-past-start")});
    QStringList lines;
    QVERIFY2(readLinesUntil(
                 allowed, &lines,
                 [](const QString& line) {
                     return line.contains(QStringLiteral("\"marathon.finished\""));
                 },
                 kMarathonMs),
             qPrintable(lines.join(u'\n') + QString::fromUtf8(allowed.readAllStandardError())));
    allowed.terminate();
    QVERIFY(allowed.waitForFinished(kCommandMs));
    QList<QJsonObject> events;
    verifyEventLines(lines, 1, &events);
    QVERIFY(!typesOf(events).contains(QStringLiteral("auction.winner")));
}

QTEST_GUILESS_MAIN(TestDataSafety)
#include "tst_datasafety.moc"
