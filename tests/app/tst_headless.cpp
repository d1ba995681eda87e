// The headless runner as an operator runs it: a whole demo marathon, a stop on SIGTERM, Ctrl-C
// (SIGINT) or a closed terminal (SIGHUP) and the resume after it, a real marathon from a config
// with its hourly backups, and an output that fails while the auction goes on. Every test starts
// the real binary with QProcess in its own temporary folder.

#include "CliTestSupport.h"

#include <QTest>

#include <signal.h>

using namespace sb::test;

class TestHeadless : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void headlessDemoRunsToTheEnd();
    void aStopSignalStopsCleanlyAndARestartResumes_data();
    void aStopSignalStopsCleanlyAndARestartResumes();
    void headlessRunsARealMarathonFromAConfig();
    void headlessBacksUpARealMarathonBesideItsDatabase();
    void failingOutputGoesToDeadLettersAndTheAuctionGoesOn();
    void aDurationStopsAMarathonThatBroadcastsNothing();
};

void TestHeadless::initTestCase()
{
    QVERIFY2(QFileInfo(studioBinary()).isExecutable(), qPrintable(studioBinary()));
}

void TestHeadless::headlessDemoRunsToTheEnd()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString db;
    QList<QJsonObject> events;
    runDemo(dir, &db, &events);
    if (QTest::currentTestFailed())
        return;

    const QStringList types = typesOf(events);
    for (const QString& type : {QStringLiteral("marathon.started"), QStringLiteral("day.opened"),
                                QStringLiteral("bid.accepted"), QStringLiteral("auction.winner"),
                                QStringLiteral("marathon.finished")}) {
        QVERIFY2(types.contains(type), qPrintable(type + QStringLiteral(" missing from ") +
                                                  types.join(QStringLiteral(", "))));
    }
    QCOMPARE(types.last(), QStringLiteral("marathon.finished"));
    QCOMPARE(types.count(QStringLiteral("day.opened")), 2);
    QList<int> winnerDays;
    for (const QJsonObject& e : std::as_const(events)) {
        if (e.value(QLatin1String("type")).toString() == QLatin1String("auction.winner"))
            winnerDays.append(e.value(QLatin1String("day")).toInt());
    }
    QCOMPARE(winnerDays, (QList<int>{1, 2}));
    QVERIFY(QFileInfo::exists(db));
}

void TestHeadless::aStopSignalStopsCleanlyAndARestartResumes_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM); // a service manager or `kill`
    QTest::newRow("SIGINT") << int(SIGINT);   // Ctrl-C in the operator's terminal
    QTest::newRow("SIGHUP") << int(SIGHUP);   // the terminal or the SSH session went away
}

void TestHeadless::aStopSignalStopsCleanlyAndARestartResumes()
{
    QFETCH(int, signalNumber);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(QStringLiteral("marathon.db"));
    const QStringList args{QStringLiteral("--headless"), QStringLiteral("--demo"),
                           QStringLiteral("--speed"),    QStringLiteral("30"),
                           QStringLiteral("--days"),     QStringLiteral("3"),
                           QStringLiteral("--seed"),     QStringLiteral("11"),
                           QStringLiteral("--db"),       db};
    const QRegularExpression stoppedAt(QStringLiteral("Stopped cleanly at event (\\d+)"));

    // First run: stop it once a bid was accepted.
    QStringList firstLines;
    Run first;
    first.args = args;
    {
        QProcess process;
        startStudio(process, args);
        QVERIFY2(process.waitForStarted(kCommandMs), qPrintable(process.errorString()));
        const bool sawBid = readLinesUntil(
            process, &firstLines,
            [](const QString& line) {
                return eventOf(line).value(QLatin1String("type")).toString() ==
                       QLatin1String("bid.accepted");
            },
            kMarathonMs);
        if (!sawBid) {
            collect(process, first, kCommandMs);
            QFAIL(qPrintable(QStringLiteral("no bid.accepted line; ") + first.describe()));
        }
        QVERIFY(::kill(pid_t(process.processId()), signalNumber) == 0);
        collect(process, first, kMarathonMs);
    }
    SB_EXPECT_EXIT(first, 0);
    QVERIFY2(first.err.contains(QStringLiteral("Stopping on signal %1.").arg(signalNumber)),
             qPrintable(first.describe()));
    firstLines.append(first.outLines());
    QList<QJsonObject> firstEvents;
    verifyEventLines(firstLines, 1, &firstEvents);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(first.err.contains(QLatin1String("Stopped cleanly")), qPrintable(first.describe()));
    QVERIFY(!typesOf(firstEvents).contains(QStringLiteral("marathon.finished")));
    // Everything it says it kept, it printed.
    const auto firstStop = stoppedAt.match(first.err);
    QVERIFY2(firstStop.hasMatch(), qPrintable(first.describe()));
    QCOMPARE(firstStop.captured(1).toLongLong(), qint64(firstEvents.size()));

    // Second run on the same database: it resumes and prints from where the first stopped.
    QStringList secondLines;
    Run second;
    second.args = args;
    {
        QProcess process;
        startStudio(process, args);
        QVERIFY2(process.waitForStarted(kCommandMs), qPrintable(process.errorString()));
        // Any event is new: the first run printed everything it stored.
        readLinesUntil(
            process, &secondLines, [](const QString&) { return true; }, kMarathonMs);
        if (process.state() != QProcess::NotRunning)
            process.terminate();
        collect(process, second, kMarathonMs);
    }
    SB_EXPECT_EXIT(second, 0);
    QVERIFY2(second.err.contains(QLatin1String("Resumed")), qPrintable(second.describe()));
    secondLines.append(second.outLines());
    QVERIFY2(!secondLines.isEmpty(), qPrintable(second.describe()));
    QList<QJsonObject> secondEvents;
    verifyEventLines(secondLines, firstEvents.size() + 1, &secondEvents);
    if (QTest::currentTestFailed())
        return;

    // The journal is gap-free across the stop and holds exactly what the two runs printed.
    const Run journal = runStudio({QStringLiteral("journal"), QStringLiteral("--db"), db});
    SB_EXPECT_EXIT(journal, 0);
    QList<QJsonObject> stored;
    verifyEventLines(journal.outLines(), 1, &stored);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(stored, firstEvents + secondEvents);
}

void TestHeadless::headlessRunsARealMarathonFromAConfig()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("real.db"));
    const QString configPath = dir.filePath(QStringLiteral("marathon.json"));
    QVERIFY(writeFile(configPath, realClockConfig(QStringLiteral("Real clock"))));

    // An empty database and no config: nothing to run.
    const Run empty = runStudio({QStringLiteral("--headless"), QStringLiteral("--db"),
                                 dir.filePath(QStringLiteral("empty.db"))});
    QVERIFY2(empty.exitCode == 1 && empty.err.contains(QLatin1String("--config")),
             qPrintable(empty.describe()));

    QProcess first;
    startStudio(first, {QStringLiteral("--headless"), QStringLiteral("--db"), db,
                        QStringLiteral("--config"), configPath});
    QVERIFY(first.waitForStarted(kCommandMs));
    QStringList lines;
    QVERIFY2(readLinesUntil(
                 first, &lines,
                 [](const QString& line) {
                     return eventOf(line).value(QStringLiteral("type")).toString() ==
                            QLatin1String("day.opened");
                 },
                 kCommandMs),
             qPrintable(lines.join(u'\n')));
    first.terminate();
    Run stopped;
    collect(first, stopped, kCommandMs);
    QVERIFY2(stopped.exitCode == 0 && stopped.err.contains(QLatin1String("Stopped cleanly")),
             qPrintable(stopped.describe()));

    // Started again without the config: the marathon is in the database.
    QProcess second;
    startStudio(second, {QStringLiteral("--headless"), QStringLiteral("--db"), db});
    QVERIFY(second.waitForStarted(kCommandMs));
    // Everything was printed before the clean stop, so the resumed run speaks on stderr only.
    second.setReadChannel(QProcess::StandardError);
    QByteArray said;
    const QDeadlineTimer deadline(kCommandMs);
    while (!said.contains("Resumed") && second.state() == QProcess::Running &&
           !deadline.hasExpired()) {
        second.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
        said += second.readAllStandardError();
    }
    second.terminate();
    Run resumed;
    resumed.err = QString::fromUtf8(said);
    collect(second, resumed, kCommandMs);
    QVERIFY2(resumed.exitCode == 0 && resumed.err.contains(QLatin1String("Resumed \"Real clock\"")),
             qPrintable(resumed.describe()));
}

void TestHeadless::headlessBacksUpARealMarathonBesideItsDatabase()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("real.db"));
    const QString configPath = dir.filePath(QStringLiteral("marathon.json"));
    QVERIFY(writeFile(configPath, realClockConfig(QStringLiteral("Backed up"))));

    // No backup yet: the first one is taken soon after the start, the next ones hourly.
    const QDir folder(db + QStringLiteral(".backups"));
    const QStringList pattern{QStringLiteral("sothebais-*.db")};
    QProcess app;
    startStudio(app, {QStringLiteral("--headless"), QStringLiteral("--db"), db,
                      QStringLiteral("--config"), configPath});
    QVERIFY(app.waitForStarted(kCommandMs));
    QTRY_VERIFY_WITH_TIMEOUT(!folder.entryList(pattern, QDir::Files).isEmpty() ||
                                 app.state() == QProcess::NotRunning,
                             kCommandMs);
    app.terminate();
    Run run;
    collect(app, run, kCommandMs);
    SB_EXPECT_EXIT(run, 0);
    const QStringList backups = folder.entryList(pattern, QDir::Files);
    QVERIFY2(backups.size() == 1, qPrintable(backups.join(u' ') + run.describe()));
    QList<QJsonObject> printed;
    verifyEventLines(run.outLines(), 1, &printed);
    if (QTest::currentTestFailed())
        return;

    // The snapshot restores into a database that holds the marathon as it was printed.
    const QString restored = dir.filePath(QStringLiteral("restored.db"));
    const Run restore = runStudio({QStringLiteral("restore"), QStringLiteral("--db"), restored,
                                   QStringLiteral("--from"), folder.filePath(backups.first())});
    SB_EXPECT_EXIT(restore, 0);
    const Run journal = runStudio({QStringLiteral("journal"), QStringLiteral("--db"), restored});
    SB_EXPECT_EXIT(journal, 0);
    QList<QJsonObject> stored;
    verifyEventLines(journal.outLines(), 1, &stored);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!stored.isEmpty() && stored.size() <= printed.size());
    QCOMPARE(stored, printed.mid(0, stored.size()));
    QVERIFY(typesOf(stored).contains(QStringLiteral("marathon.started")));
}

void TestHeadless::failingOutputGoesToDeadLettersAndTheAuctionGoesOn()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("closed.db"));
    // The event stream is redirected to a disk that is full: /dev/full fails every write with
    // ENOSPC. The shell does the redirection, as it would for an operator.
    QProcess app;
    app.setProcessEnvironment(operatorEnvironment());
    app.start(QStringLiteral("/bin/sh"),
              {QStringLiteral("-c"), QStringLiteral("exec \"$0\" \"$@\" >/dev/full"),
               studioBinary(), QStringLiteral("--headless"), QStringLiteral("--demo"),
               QStringLiteral("--db"), db, QStringLiteral("--speed"), QStringLiteral("60"),
               QStringLiteral("--days"), QStringLiteral("1"), QStringLiteral("--window-minutes"),
               QStringLiteral("2"), QStringLiteral("--seed"), QStringLiteral("5")});
    QVERIFY(app.waitForStarted(kCommandMs));
    Run run;
    collect(app, run, kMarathonMs);
    QVERIFY2(run.finished && run.exitStatus == QProcess::NormalExit && run.exitCode == 0,
             qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("The marathon is finished.")),
             qPrintable(run.describe()));

    const Run letters = runStudio({QStringLiteral("dead-letters"), QStringLiteral("--db"), db});
    QCOMPARE(letters.exitCode, 0);
    const QStringList lines = letters.outLines();
    QVERIFY2(!lines.isEmpty(), qPrintable(letters.describe()));
    for (const QString& line : lines) {
        const QJsonObject letter = eventOf(line);
        QCOMPARE(letter.value(QStringLiteral("subscriber")).toString(),
                 QStringLiteral("headless-stdout"));
        QCOMPARE(letter.value(QStringLiteral("error")).toString(),
                 QStringLiteral("cannot write to standard output"));
        QCOMPARE(letter.value(QStringLiteral("attempts")).toInt(),
                 4); // the first try and 3 retries
    }
    // The journal itself is whole: the auction ran to its end without its audience.
    const Run journal = runStudio({QStringLiteral("journal"), QStringLiteral("--db"), db});
    QList<QJsonObject> events;
    verifyEventLines(journal.outLines(), 1, &events);
    QVERIFY(typesOf(events).contains(QStringLiteral("marathon.finished")));
}

void TestHeadless::aDurationStopsAMarathonThatBroadcastsNothing()
{
    // --duration used to count only a broadcast's frames: a marathon alone ran on past it.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(QStringLiteral("marathon.db"));
    // 30 days at the real speed: without the duration it would run for a month.
    const Run run = runStudio(
        {QStringLiteral("--headless"), QStringLiteral("--demo"), QStringLiteral("--speed"),
         QStringLiteral("1"), QStringLiteral("--days"), QStringLiteral("30"),
         QStringLiteral("--db"), db, QStringLiteral("--duration"), QStringLiteral("1")},
        kMarathonMs);
    SB_EXPECT_EXIT(run, 0);
    QVERIFY2(run.err.contains(QLatin1String("Stopped cleanly at event")),
             qPrintable(run.describe()));
    QList<QJsonObject> events;
    verifyEventLines(run.outLines(), 1, &events);
    QVERIFY(!typesOf(events).contains(QStringLiteral("marathon.finished")));
}

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
