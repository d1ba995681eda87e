// The executable as an operator runs it: the command-line tools, a whole headless demo marathon,
// the files it leaves behind (hourly backups included), a stop on SIGTERM or Ctrl-C (SIGINT) and
// the resume after it, and bad arguments. Every test starts the real binary with QProcess in its
// own temporary folder.

#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>

#include <signal.h>

namespace {

// A two-day marathon on the real clock (UTC) whose first 30-minute window opened a minute ago.
QByteArray realClockConfig(const QString& name)
{
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-60);
    const QJsonObject config{
        {QStringLiteral("name"), name},
        {QStringLiteral("first_day"), start.date().toString(Qt::ISODate)},
        {QStringLiteral("days"), 2},
        {QStringLiteral("window_start"), start.time().toString(QStringLiteral("HH:mm"))},
        {QStringLiteral("window_end"),
         start.time().addSecs(30 * 60).toString(QStringLiteral("HH:mm"))},
        {QStringLiteral("time_zone"), QStringLiteral("UTC")},
    };
    return QJsonDocument(config).toJson();
}

// Limits on waiting for the process only; no test asserts how long anything takes.
constexpr int kCommandMs = 30'000;   // a tool that answers at once
constexpr int kMarathonMs = 120'000; // a whole accelerated demo marathon (about a second)

QString studioBinary()
{
    return QString::fromUtf8(SB_STUDIO_BINARY);
}

// What an operator's shell gives the app: English messages, UTF-8 arguments, and no logging
// rules (the test runner's rules that silence the library would hide what an operator sees).
QProcessEnvironment operatorEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("LANGUAGE"));
    env.remove(QStringLiteral("QT_LOGGING_RULES"));
    return env;
}

// Lines as printed: each ends with '\n'; a last line without one still counts.
QStringList linesOf(const QString& text)
{
    QStringList lines = text.split(u'\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

struct Run
{
    QStringList args;
    bool finished = false;
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    int exitCode = -1;
    QString out;
    QString err;

    QStringList outLines() const { return linesOf(out); }
    QStringList errLines() const { return linesOf(err); }
    QString describe() const
    {
        return QStringLiteral("sothebais-studio %1\n  finished: %2, exit code %3\n  stdout: %4\n"
                              "  stderr: %5")
            .arg(args.join(u' '))
            .arg(finished ? QStringLiteral("yes") : QStringLiteral("no (killed)"))
            .arg(exitStatus == QProcess::NormalExit ? QString::number(exitCode)
                                                    : QStringLiteral("(crashed)"))
            .arg(out.left(2000), err.left(2000));
    }
};

void startStudio(QProcess& process, const QStringList& args)
{
    process.setProcessEnvironment(operatorEnvironment());
    process.start(studioBinary(), args);
}

void collect(QProcess& process, Run& run, int timeoutMs)
{
    run.finished = process.waitForFinished(timeoutMs);
    if (!run.finished) {
        process.kill();
        process.waitForFinished(kCommandMs);
    }
    run.exitStatus = process.exitStatus();
    run.exitCode = process.exitCode();
    run.out += QString::fromUtf8(process.readAllStandardOutput());
    run.err += QString::fromUtf8(process.readAllStandardError());
}

Run runStudio(const QStringList& args, int timeoutMs = kCommandMs)
{
    Run run;
    run.args = args;
    QProcess process;
    startStudio(process, args);
    if (!process.waitForStarted(kCommandMs)) {
        run.err = process.errorString();
        return run;
    }
    collect(process, run, timeoutMs);
    return run;
}

// Reads stdout line by line until `wanted` holds for a line, the process ends, or the limit.
bool readLinesUntil(QProcess& process, QStringList* lines,
                    const std::function<bool(const QString&)>& wanted, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        while (process.canReadLine()) {
            QString line = QString::fromUtf8(process.readLine());
            if (line.endsWith(u'\n'))
                line.chop(1);
            lines->append(line);
            if (wanted(line))
                return true;
        }
        if (process.state() == QProcess::NotRunning || deadline.hasExpired())
            return false;
        process.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
    }
}

QJsonObject parseObject(const QString& line, QString* problem)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        *problem = error.errorString();
    else if (!doc.isObject())
        *problem = QStringLiteral("not a JSON object");
    return doc.object();
}

QJsonObject eventOf(const QString& line)
{
    QString problem;
    return parseObject(line, &problem);
}

// Each line is one event object {seq, time_utc, type, payload, day?}; seq runs first, first+1...
void verifyEventLines(const QStringList& lines, qint64 firstSeq, QList<QJsonObject>* events)
{
    qint64 expected = firstSeq;
    for (const QString& line : lines) {
        QString problem;
        const QJsonObject event = parseObject(line, &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem + QStringLiteral(": ") + line));
        QVERIFY2(event.value(QLatin1String("seq")).isDouble(), qPrintable(line));
        QVERIFY2(event.value(QLatin1String("type")).isString(), qPrintable(line));
        QVERIFY2(event.value(QLatin1String("time_utc")).isString(), qPrintable(line));
        QCOMPARE(event.value(QLatin1String("seq")).toInteger(), expected);
        ++expected;
        events->append(event);
    }
}

QStringList typesOf(const QList<QJsonObject>& events)
{
    QStringList types;
    for (const QJsonObject& e : events)
        types.append(e.value(QLatin1String("type")).toString());
    return types;
}

QList<QStringList> parseCsv(const QString& text)
{
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c != u'"')
                cell += c;
            else if (i + 1 < text.size() && text.at(i + 1) == u'"')
                cell += text.at(++i);
            else
                quoted = false;
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row.append(cell);
            cell.clear();
        } else if (c == u'\n') {
            row.append(cell);
            rows.append(row);
            row.clear();
            cell.clear();
        } else if (c != u'\r') {
            cell += c;
        }
    }
    if (!cell.isEmpty() || !row.isEmpty()) {
        row.append(cell);
        rows.append(row);
    }
    return rows;
}

QByteArray contentsOf(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

// The marathon that `schedule` is asked about: New York, across the spring-forward night.
QJsonObject dstMarathon()
{
    return {{QStringLiteral("name"), QStringLiteral("Spring Forward")},
            {QStringLiteral("first_day"), QStringLiteral("2026-03-07")},
            {QStringLiteral("days"), 3},
            {QStringLiteral("window_start"), QStringLiteral("02:30")},
            {QStringLiteral("window_end"), QStringLiteral("04:00")},
            {QStringLiteral("time_zone"), QStringLiteral("America/New_York")}};
}

} // namespace

// A process that did not end in time, crashed, or ended with another code fails with what it said.
#define SB_EXPECT_EXIT(run, code)                                                                  \
    QVERIFY2(                                                                                      \
        (run).finished && (run).exitStatus == QProcess::NormalExit && (run).exitCode == (code),    \
        qPrintable(QStringLiteral("expected exit code %1 from ").arg(code) + (run).describe()))

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

    void headlessDemoRunsToTheEnd();
    void journalPrintsWhatTheRunPrinted();
    void exportWritesBidsAndResults();
    void backupThenRestore();
    void restoreRefusesAGarbageFile();
    void aStopSignalStopsCleanlyAndARestartResumes_data();
    void aStopSignalStopsCleanlyAndARestartResumes();
    void headlessRunsARealMarathonFromAConfig();
    void headlessBacksUpARealMarathonBesideItsDatabase();
    void failingOutputGoesToDeadLettersAndTheAuctionGoesOn();

    void badArguments_data();
    void badArguments();

private:
    // Runs the short demo marathon into `dir`; `events` gets what it printed.
    void runDemo(const QTemporaryDir& dir, QString* db, QList<QJsonObject>* events);
};

void TestCli::initTestCase()
{
    QVERIFY2(QFileInfo(studioBinary()).isExecutable(), qPrintable(studioBinary()));
}

void TestCli::runDemo(const QTemporaryDir& dir, QString* db, QList<QJsonObject>* events)
{
    *db = dir.filePath(QStringLiteral("marathon.db"));
    const Run run =
        runStudio({QStringLiteral("--headless"), QStringLiteral("--demo"),
                   QStringLiteral("--speed"), QStringLiteral("600"), QStringLiteral("--bid-rate"),
                   QStringLiteral("20"), QStringLiteral("--days"), QStringLiteral("2"),
                   QStringLiteral("--window-minutes"), QStringLiteral("2"), QStringLiteral("--db"),
                   *db, QStringLiteral("--seed"), QStringLiteral("7")},
                  kMarathonMs);
    SB_EXPECT_EXIT(run, 0);
    QVERIFY2(!run.out.isEmpty(), qPrintable(run.describe()));
    QVERIFY2(run.out.endsWith(u'\n'), "the last event line is cut short");
    verifyEventLines(run.outLines(), 1, events);
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

void TestCli::headlessDemoRunsToTheEnd()
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

void TestCli::aStopSignalStopsCleanlyAndARestartResumes_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM); // a service manager or `kill`
    QTest::newRow("SIGINT") << int(SIGINT);   // Ctrl-C in the operator's terminal
}

void TestCli::aStopSignalStopsCleanlyAndARestartResumes()
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

void TestCli::headlessRunsARealMarathonFromAConfig()
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

void TestCli::headlessBacksUpARealMarathonBesideItsDatabase()
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

void TestCli::failingOutputGoesToDeadLettersAndTheAuctionGoesOn()
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

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
