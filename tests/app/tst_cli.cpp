// The command-line tools as an operator runs them: version and help, check-bid, schedule,
// journal, export, backup and restore, and bad arguments. Every test starts the real binary
// with QProcess in its own temporary folder (tst_headless runs the marathon itself).

#include "CliTestSupport.h"

#include <QTest>

#include <sys/stat.h>

#include <utility>

using namespace sb::test;

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void versionPrintsNameAndVersion();
    void helpListsTheCommands();
    void checkBid_data();
    void checkBid();
    void checkBidTakesExactlyOneArgument_data();
    void checkBidTakesExactlyOneArgument();
    void scheduleMovesANonexistentStartForward();
    void scheduleTableMarksTheMovedDay();
    void scheduleRejectsABadConfig_data();
    void scheduleRejectsABadConfig();
    void journalPrintsWhatTheRunPrinted();
    void exportWritesBidsAndResults();
    void backupThenRestore();
    void restoreRefusesAGarbageFile();
    void badArguments_data();
    void badArguments();
    void aDatabasePathThatIsNotAFileIsSaidSo_data();
    void aDatabasePathThatIsNotAFileIsSaidSo();
    void inputFilesThatWouldHangAreRefused_data();
    void inputFilesThatWouldHangAreRefused();
    void everyToolAnswersInTheOperatorsLanguage_data();
    void everyToolAnswersInTheOperatorsLanguage();
};

void TestCli::initTestCase()
{
    QVERIFY2(QFileInfo(studioBinary()).isExecutable(), qPrintable(studioBinary()));
}

void TestCli::versionPrintsNameAndVersion()
{
    const Run run = runStudio({QStringLiteral("--version")});
    SB_EXPECT_EXIT(run, 0);
    QCOMPARE(run.out, QStringLiteral("sothebais-studio " SB_VERSION_TEXT "\n"));
    QCOMPARE(run.err, QString());
}

void TestCli::helpListsTheCommands()
{
    const Run run = runStudio({QStringLiteral("--help")});
    SB_EXPECT_EXIT(run, 0);
    QCOMPARE(run.err, QString());
    for (const QString& word :
         {QStringLiteral("check-bid"), QStringLiteral("schedule"), QStringLiteral("export"),
          QStringLiteral("backup"), QStringLiteral("restore"), QStringLiteral("journal"),
          QStringLiteral("--headless"), QStringLiteral("--demo"), QStringLiteral("--db")}) {
        QVERIFY2(run.out.contains(word), qPrintable(word));
    }
}

void TestCli::checkBid_data()
{
    QTest::addColumn<QString>("post");
    QTest::addColumn<qint64>("gwei"); // 0: rejected
    QTest::addColumn<QString>("code");

    QTest::newRow("bid 0.5") << QStringLiteral("bid 0.5") << qint64(500'000'000) << QString();
    QTest::newRow("!bid 2 eth") << QStringLiteral("!bid 2 eth") << qint64(2'000'000'000)
                                << QString();
    QTest::newRow("Xi prefix") << QStringLiteral("Ξ1.25") << qint64(1'250'000'000) << QString();
    QTest::newRow("full-width digits")
        << QStringLiteral("bid １２") << qint64(12'000'000'000) << QString();
    QTest::newRow("full-width everything")
        << QStringLiteral("ＢＩＤ ０.５") << qint64(500'000'000) << QString();
    QTest::newRow("thousands") << QStringLiteral("1,000.5 ETH") << qint64(1'000'500'000'000)
                               << QString();
    QTest::newRow("trailing dot") << QStringLiteral("12. Ether") << qint64(12'000'000'000)
                                  << QString();
    QTest::newRow("gwei unit") << QStringLiteral("5000 gwei") << qint64(5000) << QString();
    QTest::newRow("mention and hashtag ignored")
        << QStringLiteral("@whale99 bid .5 #SothebAIs2026") << qint64(500'000'000) << QString();
    QTest::newRow("same amount twice")
        << QStringLiteral("1 eth, yes 1 eth") << qint64(1'000'000'000) << QString();

    QTest::newRow("no amount") << QStringLiteral("what a piece!") << qint64(0)
                               << QStringLiteral("no_amount");
    QTest::newRow("two amounts") << QStringLiteral("1 eth or 2 eth") << qint64(0)
                                 << QStringLiteral("ambiguous_amount");
    QTest::newRow("decimal comma")
        << QStringLiteral("0,5 eth") << qint64(0) << QStringLiteral("bad_number");
    QTest::newRow("exponent") << QStringLiteral("1e2 eth") << qint64(0)
                              << QStringLiteral("bad_number");
    QTest::newRow("zero") << QStringLiteral("bid 0") << qint64(0) << QStringLiteral("bad_number");
    QTest::newRow("ten decimals") << QStringLiteral("1.0000000001 eth") << qint64(0)
                                  << QStringLiteral("too_precise");
    QTest::newRow("dollars") << QStringLiteral("$500") << qint64(0)
                             << QStringLiteral("unsupported_currency");
    QTest::newRow("SOL") << QStringLiteral("bid 3 SOL") << qint64(0)
                         << QStringLiteral("unsupported_currency");
    // Units that are not ETH are never read as ETH: converted exactly, or refused.
    QTest::newRow("1000 wei") << QStringLiteral("bid 1000 wei") << qint64(0)
                              << QStringLiteral("too_precise");
    QTest::newRow("5 finney") << QStringLiteral("5 finney") << qint64(5'000'000) << QString();
    QTest::newRow("5 szabo") << QStringLiteral("5 szabo") << qint64(5'000) << QString();
    QTest::newRow("5 kwei") << QStringLiteral("5 kwei") << qint64(0)
                            << QStringLiteral("too_precise");
    QTest::newRow("5 milliETH") << QStringLiteral("5 milliETH") << qint64(5'000'000) << QString();
    QTest::newRow("5 mETH") << QStringLiteral("5 mETH") << qint64(0)
                            << QStringLiteral("unsupported_currency");
    // What viewers see is what is judged.
    QTest::newRow("override inside")
        << QStringLiteral("bid 1\u202E5 ETH") << qint64(0) << QStringLiteral("bad_number");
    QTest::newRow("override before")
        << QStringLiteral("bid \u202E5.0 ETH") << qint64(0) << QStringLiteral("bad_number");
    QTest::newRow("override opening the post")
        << QStringLiteral("\u202Ebid 5.0 ETH") << qint64(0) << QStringLiteral("bad_number");
}

void TestCli::checkBid()
{
    QFETCH(QString, post);
    QFETCH(qint64, gwei);
    QFETCH(QString, code);
    const bool accepted = code.isEmpty();

    const Run run = runStudio({QStringLiteral("check-bid"), post});
    SB_EXPECT_EXIT(run, accepted ? 0 : 1);
    QCOMPARE(run.err, QString());
    QCOMPARE(run.outLines().size(), 1);
    QString problem;
    const QJsonObject answer = parseObject(run.outLines().first(), &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem + QStringLiteral(": ") + run.out));
    QCOMPARE(answer.value(QLatin1String("ok")), QJsonValue(accepted));
    if (accepted) {
        QCOMPARE(answer.value(QLatin1String("amount_gwei")).toInteger(-1), gwei);
        QVERIFY(!answer.contains(QLatin1String("code")));
    } else {
        QCOMPARE(answer.value(QLatin1String("code")).toString(), code);
        QVERIFY2(!answer.value(QLatin1String("message")).toString().isEmpty(), qPrintable(run.out));
        QVERIFY(!answer.contains(QLatin1String("amount_gwei")));
    }
}

void TestCli::checkBidTakesExactlyOneArgument_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("none") << QStringList{QStringLiteral("check-bid")};
    QTest::newRow("two") << QStringList{QStringLiteral("check-bid"), QStringLiteral("bid"),
                                        QStringLiteral("0.5")};
}

void TestCli::checkBidTakesExactlyOneArgument()
{
    QFETCH(QStringList, args);
    const Run run = runStudio(args);
    SB_EXPECT_EXIT(run, 2);
    QCOMPARE(run.out, QString());
    QVERIFY2(run.errLines().size() == 1, qPrintable(run.describe()));
}

void TestCli::scheduleMovesANonexistentStartForward()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString config = dir.filePath(QStringLiteral("marathon.json"));
    QVERIFY(writeFile(config, QJsonDocument(dstMarathon()).toJson()));

    const Run run = runStudio(
        {QStringLiteral("schedule"), QStringLiteral("--config"), config, QStringLiteral("--json")});
    SB_EXPECT_EXIT(run, 0);
    const QStringList lines = run.outLines();
    QCOMPARE(lines.size(), 3);
    QStringList starts;
    QStringList ends;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString problem;
        const QJsonObject window = parseObject(lines.at(i), &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem + QStringLiteral(": ") + lines.at(i)));
        QCOMPARE(window.value(QLatin1String("day")).toInt(), int(i + 1));
        starts.append(window.value(QLatin1String("start_utc")).toString());
        ends.append(window.value(QLatin1String("end_utc")).toString());
    }
    // 02:30 EST; 02:30 does not exist on March 8 and becomes 03:30 EDT; 02:30 EDT.
    QCOMPARE(starts, (QStringList{QStringLiteral("2026-03-07T07:30:00Z"),
                                  QStringLiteral("2026-03-08T07:30:00Z"),
                                  QStringLiteral("2026-03-09T06:30:00Z")}));
    QCOMPARE(ends, (QStringList{QStringLiteral("2026-03-07T09:00:00Z"),
                                QStringLiteral("2026-03-08T08:00:00Z"),
                                QStringLiteral("2026-03-09T08:00:00Z")}));
}

void TestCli::scheduleTableMarksTheMovedDay()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString config = dir.filePath(QStringLiteral("marathon.json"));
    QVERIFY(writeFile(config, QJsonDocument(dstMarathon()).toJson()));

    const Run run = runStudio({QStringLiteral("schedule"), QStringLiteral("--config"), config});
    SB_EXPECT_EXIT(run, 0);
    QStringList dayLines;
    for (const QString& line : run.outLines()) {
        if (line.startsWith(QLatin1String("Day ")))
            dayLines.append(line);
    }
    QCOMPARE(dayLines.size(), 3);
    const QLatin1String moved("moved forward");
    QVERIFY2(!dayLines.at(0).contains(moved), qPrintable(dayLines.at(0)));
    QVERIFY2(dayLines.at(1).contains(moved), qPrintable(dayLines.at(1)));
    QVERIFY2(dayLines.at(1).contains(QLatin1String("2026-03-08 03:30")),
             qPrintable(dayLines.at(1)));
    QVERIFY2(!dayLines.at(2).contains(moved), qPrintable(dayLines.at(2)));
}

void TestCli::scheduleRejectsABadConfig_data()
{
    QTest::addColumn<QByteArray>("content"); // empty: no file at all
    QTest::addColumn<QString>("named");      // what the one line must mention

    QJsonObject unknownZone = dstMarathon();
    unknownZone.insert(QStringLiteral("time_zone"), QStringLiteral("Mars/Olympus_Mons"));
    QTest::newRow("unknown zone") << QJsonDocument(unknownZone).toJson()
                                  << QStringLiteral("Mars/Olympus_Mons");
    QTest::newRow("malformed JSON")
        << QByteArray("{\"name\": \"Spring Forward\",\n  \"days\": 3,,\n}")
        << QStringLiteral("not valid JSON");
    QTest::newRow("missing file") << QByteArray() << QStringLiteral("does not exist");
    QJsonObject misspelt = dstMarathon();
    misspelt.insert(QStringLiteral("windw_end"), QStringLiteral("05:00"));
    QTest::newRow("unknown key") << QJsonDocument(misspelt).toJson() << QStringLiteral("windw_end");
    QJsonObject noDays = dstMarathon();
    noDays.insert(QStringLiteral("days"), 0);
    QTest::newRow("zero days") << QJsonDocument(noDays).toJson() << QStringLiteral("Days");
}

void TestCli::scheduleRejectsABadConfig()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, named);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString config = dir.filePath(QStringLiteral("marathon.json"));
    if (!content.isEmpty())
        QVERIFY(writeFile(config, content));

    for (const bool json : {false, true}) {
        QStringList args{QStringLiteral("schedule"), QStringLiteral("--config"), config};
        if (json)
            args.append(QStringLiteral("--json"));
        const Run run = runStudio(args);
        SB_EXPECT_EXIT(run, 2);
        QCOMPARE(run.out, QString());
        QVERIFY2(run.errLines().size() == 1, qPrintable(run.describe()));
        QVERIFY2(run.err.contains(named), qPrintable(run.describe()));
    }
}

void TestCli::journalPrintsWhatTheRunPrinted()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString db;
    QList<QJsonObject> printed;
    runDemo(dir, &db, &printed);
    if (QTest::currentTestFailed())
        return;

    const Run journal = runStudio({QStringLiteral("journal"), QStringLiteral("--db"), db});
    SB_EXPECT_EXIT(journal, 0);
    QCOMPARE(journal.err, QString());
    QList<QJsonObject> stored;
    verifyEventLines(journal.outLines(), 1, &stored);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(typesOf(stored), typesOf(printed));
    QCOMPARE(stored, printed);

    // --after: only what came later, as a reconnecting subscriber would ask.
    const qint64 after = printed.size() / 2;
    const Run tail = runStudio({QStringLiteral("journal"), QStringLiteral("--db"), db,
                                QStringLiteral("--after"), QString::number(after)});
    SB_EXPECT_EXIT(tail, 0);
    QList<QJsonObject> later;
    verifyEventLines(tail.outLines(), after + 1, &later);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(later, printed.mid(after));
}

void TestCli::exportWritesBidsAndResults()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString db;
    QList<QJsonObject> events;
    runDemo(dir, &db, &events);
    if (QTest::currentTestFailed())
        return;

    const QString csvDir = dir.filePath(QStringLiteral("csv"));
    const Run run = runStudio(
        {QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--csv"), csvDir});
    SB_EXPECT_EXIT(run, 0);

    const QList<QStringList> bids =
        parseCsv(QString::fromUtf8(contentsOf(QDir(csvDir).filePath(QStringLiteral("bids.csv")))));
    const QList<QStringList> results = parseCsv(
        QString::fromUtf8(contentsOf(QDir(csvDir).filePath(QStringLiteral("results.csv")))));
    QVERIFY2(!bids.isEmpty() && !results.isEmpty(), "bids.csv and results.csv need a header");

    const QStringList bidHeader = bids.first();
    QVERIFY2(bidHeader.contains(QLatin1String("bid_id")) &&
                 bidHeader.contains(QLatin1String("amount_gwei")) &&
                 bidHeader.contains(QLatin1String("status")),
             qPrintable(bidHeader.join(u',')));
    const qsizetype statusColumn = bidHeader.indexOf(QLatin1String("status"));
    const qsizetype acceptedEvents = typesOf(events).count(QStringLiteral("bid.accepted"));
    qsizetype acceptedRows = 0;
    for (const QStringList& row : bids.mid(1)) {
        QCOMPARE(row.size(), bidHeader.size());
        if (row.at(statusColumn) == QLatin1String("accepted"))
            ++acceptedRows;
    }
    QCOMPARE(acceptedRows, acceptedEvents);

    // One row per day, the winner filled in as the run announced it.
    const QStringList header = results.first();
    const qsizetype dayColumn = header.indexOf(QLatin1String("day"));
    const qsizetype winnerColumn = header.indexOf(QLatin1String("winner"));
    const qsizetype bidderColumn = header.indexOf(QLatin1String("winner_bidder_id"));
    const qsizetype gweiColumn = header.indexOf(QLatin1String("amount_gwei"));
    const qsizetype bidColumn = header.indexOf(QLatin1String("winning_bid_id"));
    QVERIFY2(dayColumn >= 0 && winnerColumn >= 0 && bidderColumn >= 0 && gweiColumn >= 0 &&
                 bidColumn >= 0,
             qPrintable(header.join(u',')));
    QCOMPARE(results.size(), 1 + 2);
    for (const QJsonObject& e : std::as_const(events)) {
        if (e.value(QLatin1String("type")).toString() != QLatin1String("auction.winner"))
            continue;
        const int day = e.value(QLatin1String("day")).toInt();
        QVERIFY(day == 1 || day == 2);
        const QStringList row = results.at(day);
        const QJsonObject winner = e.value(QLatin1String("payload")).toObject();
        QCOMPARE(row.at(dayColumn), QString::number(day));
        QVERIFY2(!row.at(winnerColumn).isEmpty(), qPrintable(row.join(u',')));
        QCOMPARE(row.at(winnerColumn), winner.value(QLatin1String("bidder")).toString());
        QCOMPARE(row.at(bidderColumn), winner.value(QLatin1String("bidder_id")).toString());
        QCOMPARE(row.at(gweiColumn),
                 QString::number(winner.value(QLatin1String("amount_gwei")).toInteger()));
        QCOMPARE(row.at(bidColumn),
                 QString::number(winner.value(QLatin1String("bid_id")).toInteger()));
    }
}

void TestCli::backupThenRestore()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString db;
    QList<QJsonObject> events;
    runDemo(dir, &db, &events);
    if (QTest::currentTestFailed())
        return;

    const QString backupDir = dir.filePath(QStringLiteral("backups"));
    const Run backup = runStudio(
        {QStringLiteral("backup"), QStringLiteral("--db"), db, QStringLiteral("--dir"), backupDir});
    SB_EXPECT_EXIT(backup, 0);
    QCOMPARE(backup.outLines().size(), 1);
    const QFileInfo snapshot(backup.outLines().first());
    QVERIFY2(snapshot.isFile(), qPrintable(backup.describe()));
    QVERIFY2(QRegularExpression(QStringLiteral("^sothebais-.+\\.db$"))
                 .match(snapshot.fileName())
                 .hasMatch(),
             qPrintable(snapshot.fileName()));
    QCOMPARE(QDir(snapshot.absolutePath()).canonicalPath(), QDir(backupDir).canonicalPath());

    const QByteArray before = contentsOf(db);
    QVERIFY(!before.isEmpty());
    const Run restore = runStudio({QStringLiteral("restore"), QStringLiteral("--db"), db,
                                   QStringLiteral("--from"), snapshot.filePath()});
    SB_EXPECT_EXIT(restore, 0);
    const QStringList kept =
        QDir(dir.path())
            .entryList({QFileInfo(db).fileName() + QStringLiteral(".before-restore-*")},
                       QDir::Files);
    QCOMPARE(kept.size(), 1);
    QCOMPARE(contentsOf(dir.filePath(kept.first())), before);
    QVERIFY2(restore.out.contains(kept.first()), qPrintable(restore.describe()));

    // The restored database holds the whole marathon.
    const Run journal = runStudio({QStringLiteral("journal"), QStringLiteral("--db"), db});
    SB_EXPECT_EXIT(journal, 0);
    QList<QJsonObject> restored;
    verifyEventLines(journal.outLines(), 1, &restored);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(restored, events);
}

void TestCli::restoreRefusesAGarbageFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString db;
    QList<QJsonObject> events;
    runDemo(dir, &db, &events);
    if (QTest::currentTestFailed())
        return;

    const QString garbage = dir.filePath(QStringLiteral("sothebais-garbage.db"));
    QVERIFY(writeFile(garbage, QByteArray("this is a shopping list, not a database\n")));
    const QStringList filesBefore = QDir(dir.path()).entryList(QDir::Files);
    const QByteArray before = contentsOf(db);
    QVERIFY(!before.isEmpty());

    const Run restore = runStudio(
        {QStringLiteral("restore"), QStringLiteral("--db"), db, QStringLiteral("--from"), garbage});
    SB_EXPECT_EXIT(restore, 2);
    QCOMPARE(restore.out, QString());
    QVERIFY2(restore.errLines().size() == 1, qPrintable(restore.describe()));
    QCOMPARE(contentsOf(db), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), filesBefore);
}

void TestCli::badArguments_data()
{
    // "{dir}" is the test's own temporary folder.
    QTest::addColumn<QStringList>("args");
    const QString db = QStringLiteral("{dir}/marathon.db");
    const auto demo = [&](const QString& option, const QString& value) {
        return QStringList{QStringLiteral("--headless"),
                           QStringLiteral("--demo"),
                           option,
                           value,
                           QStringLiteral("--db"),
                           db};
    };
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--colour")};
    QTest::newRow("--speed 0") << demo(QStringLiteral("--speed"), QStringLiteral("0"));
    QTest::newRow("--speed abc") << demo(QStringLiteral("--speed"), QStringLiteral("abc"));
    QTest::newRow("--days 0") << demo(QStringLiteral("--days"), QStringLiteral("0"));
    QTest::newRow("--bid-rate -1") << demo(QStringLiteral("--bid-rate"), QStringLiteral("-1"));
    QTest::newRow("--speed without a value") << QStringList{
        QStringLiteral("--headless"), QStringLiteral("--demo"), QStringLiteral("--speed")};
    QTest::newRow("--headless alone") << QStringList{QStringLiteral("--headless")};
    // The runner's options without --headless once opened neither the runner nor the window:
    // the app aborted ("Cannot create a QWidget without QApplication").
    QTest::newRow("--demo without --headless") << QStringList{QStringLiteral("--demo")};
    QTest::newRow("--db without --headless") << QStringList{
        QStringLiteral("--data-dir"), QStringLiteral("{dir}"), QStringLiteral("--db"), db};
    QTest::newRow("--stream without --headless")
        << QStringList{QStringLiteral("--demo"), QStringLiteral("--stream"),
                       QStringLiteral("rtmp://127.0.0.1:9/live/key")};
    QTest::newRow("unknown command") << QStringList{QStringLiteral("auction-everything")};
    QTest::newRow("export without --db")
        << QStringList{QStringLiteral("export"), QStringLiteral("--csv"), QStringLiteral("{dir}")};
    QTest::newRow("export of a missing database")
        << QStringList{QStringLiteral("export"), QStringLiteral("--db"), db,
                       QStringLiteral("--csv"), QStringLiteral("{dir}/csv")};
    QTest::newRow("journal --after abc")
        << QStringList{QStringLiteral("journal"), QStringLiteral("--db"), db,
                       QStringLiteral("--after"), QStringLiteral("abc")};
    QTest::newRow("backup of a missing database")
        << QStringList{QStringLiteral("backup"), QStringLiteral("--db"), db};
    QTest::newRow("restore without --from")
        << QStringList{QStringLiteral("restore"), QStringLiteral("--db"), db};
    QTest::newRow("schedule without --config") << QStringList{QStringLiteral("schedule")};
    QTest::newRow("schedule with an unknown option")
        << QStringList{QStringLiteral("schedule"), QStringLiteral("--config"),
                       QStringLiteral("{dir}/m.json"), QStringLiteral("--colour")};
}

void TestCli::badArguments()
{
    QFETCH(QStringList, args);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    args.replaceInStrings(QStringLiteral("{dir}"), dir.path());

    const Run run = runStudio(args);
    SB_EXPECT_EXIT(run, 2);
    QCOMPARE(run.out, QString());
    QVERIFY2(run.errLines().size() == 1 && !run.errLines().first().trimmed().isEmpty(),
             qPrintable(run.describe()));
    // A refused command leaves nothing behind.
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
}

void TestCli::aDatabasePathThatIsNotAFileIsSaidSo_data()
{
    // "{db}" is a device or a folder. They were said to "not exist", or a write to /dev/null
    // failed as "Migration of /dev/null to schema 1 failed: disk I/O error".
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    const QString db = QStringLiteral("{db}");
    const QStringList tools[] = {
        {QStringLiteral("journal"), QStringLiteral("--db"), db},
        {QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--csv"),
         QStringLiteral("{dir}/csv")},
        {QStringLiteral("backup"), QStringLiteral("--db"), db},
        {QStringLiteral("dead-letters"), QStringLiteral("--db"), db},
        {QStringLiteral("shape"), QStringLiteral("status"), QStringLiteral("--db"), db},
        {QStringLiteral("--headless"), QStringLiteral("--demo"), QStringLiteral("--db"), db}};
    for (const QString& place : {QStringLiteral("/dev/null"), QStringLiteral("{dir}")}) {
        for (const QStringList& args : tools) {
            const int code = args.first() == QLatin1String("--headless") ? 1 : 2;
            QTest::addRow("%s %s", qPrintable(args.first()), qPrintable(place))
                << QStringList(args).replaceInStrings(db, place) << code;
        }
    }
}

void TestCli::aDatabasePathThatIsNotAFileIsSaidSo()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    args.replaceInStrings(QStringLiteral("{dir}"), dir.path());

    const Run run = runStudio(args);
    SB_EXPECT_EXIT(run, exitCode);
    QVERIFY2(run.err.contains(QLatin1String("not a regular file")), qPrintable(run.describe()));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
}

void TestCli::inputFilesThatWouldHangAreRefused_data()
{
    // A FIFO nobody writes to blocked the tool forever, past SIGTERM; /dev/zero never ended.
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("says");
    for (const auto& [input, says] :
         {std::pair{QStringLiteral("{dir}/input.fifo"), QStringLiteral("FIFO")},
          std::pair{QStringLiteral("/dev/zero"), QStringLiteral("a device")}}) {
        QTest::addRow("schedule --config %s", qPrintable(says))
            << QStringList{QStringLiteral("schedule"), QStringLiteral("--config"), input} << says;
        QTest::addRow("--headless --config %s", qPrintable(says))
            << QStringList{QStringLiteral("--headless"), QStringLiteral("--db"),
                           QStringLiteral("{dir}/new.db"), QStringLiteral("--config"), input}
            << says;
        QTest::addRow("restore --from %s", qPrintable(says))
            << QStringList{QStringLiteral("restore"), QStringLiteral("--db"),
                           QStringLiteral("{dir}/new.db"), QStringLiteral("--from"), input}
            << says;
    }
}

void TestCli::inputFilesThatWouldHangAreRefused()
{
    QFETCH(QStringList, args);
    QFETCH(QString, says);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QCOMPARE(
        ::mkfifo(QFile::encodeName(dir.filePath(QStringLiteral("input.fifo"))).constData(), 0600),
        0);
    args.replaceInStrings(QStringLiteral("{dir}"), dir.path());

    const Run run = runStudio(args);
    QVERIFY2(run.finished && run.exitCode != 0, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(says) && run.err.contains(QLatin1String("not a regular file")),
             qPrintable(run.describe()));
}

void TestCli::everyToolAnswersInTheOperatorsLanguage_data()
{
    // The x, wallet and shape tools once translated under a context lupdate never filed their
    // messages in: a Spanish operator got them in English, while schedule answered in Spanish.
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("spanish");
    QTest::newRow("schedule") << QStringList{QStringLiteral("schedule")}
                              << QStringLiteral("--config es obligatorio");
    QTest::newRow("x") << QStringList{QStringLiteral("x"), QStringLiteral("frobnicate")}
                       << QStringLiteral("x admite login, status o logout");
    QTest::newRow("shape") << QStringList{QStringLiteral("shape"), QStringLiteral("status")}
                           << QStringLiteral("shape status requiere --db");
    QTest::newRow("wallet") << QStringList{QStringLiteral("wallet"), QStringLiteral("import"),
                                           QStringLiteral("--key-file"),
                                           QStringLiteral("/nonexistent/operator.key")}
                            << QStringLiteral("No se pudo leer el archivo de clave");
}

void TestCli::everyToolAnswersInTheOperatorsLanguage()
{
    QFETCH(QStringList, args);
    QFETCH(QString, spanish);
    QProcessEnvironment env = operatorEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("es_ES.UTF-8"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("es_ES.UTF-8"));
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(studioBinary(), args);
    QVERIFY2(process.waitForStarted(kCommandMs), qPrintable(process.errorString()));
    Run run;
    run.args = args;
    collect(process, run, kCommandMs);
    QVERIFY2(run.finished && run.exitCode != 0, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(spanish), qPrintable(run.describe()));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
