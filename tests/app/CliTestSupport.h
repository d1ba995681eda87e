#pragma once
// What the command-line suites (tst_cli, tst_headless) share: starting the real binary the way
// an operator's shell does, reading what it printed, and small file helpers.

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

// A process that did not end in time, crashed, or ended with another code fails with what it said.
#define SB_EXPECT_EXIT(run, code)                                                                  \
    QVERIFY2(                                                                                      \
        (run).finished && (run).exitStatus == QProcess::NormalExit && (run).exitCode == (code),    \
        qPrintable(QStringLiteral("expected exit code %1 from ").arg(code) + (run).describe()))

namespace sb::test {

// A two-day marathon on the real clock (UTC) whose first 30-minute window opened a minute ago.
inline QByteArray realClockConfig(const QString& name)
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
inline constexpr int kCommandMs = 30'000;   // a tool that answers at once
inline constexpr int kMarathonMs = 120'000; // a whole accelerated demo marathon (about a second)

inline QString studioBinary()
{
    return QString::fromUtf8(SB_STUDIO_BINARY);
}

// What an operator's shell gives the app: English messages, UTF-8 arguments, and no logging
// rules (the test runner's rules that silence the library would hide what an operator sees).
inline QProcessEnvironment operatorEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("LANGUAGE"));
    env.remove(QStringLiteral("QT_LOGGING_RULES"));
    return env;
}

// Lines as printed: each ends with '\n'; a last line without one still counts.
inline QStringList linesOf(const QString& text)
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

inline void startStudio(QProcess& process, const QStringList& args)
{
    process.setProcessEnvironment(operatorEnvironment());
    process.start(studioBinary(), args);
}

inline void collect(QProcess& process, Run& run, int timeoutMs)
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

inline Run runStudio(const QStringList& args, int timeoutMs = kCommandMs)
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
inline bool readLinesUntil(QProcess& process, QStringList* lines,
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

inline QJsonObject parseObject(const QString& line, QString* problem)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        *problem = error.errorString();
    else if (!doc.isObject())
        *problem = QStringLiteral("not a JSON object");
    return doc.object();
}

inline QJsonObject eventOf(const QString& line)
{
    QString problem;
    return parseObject(line, &problem);
}

// Each line is one event object {seq, time_utc, type, payload, day?}; seq runs first, first+1...
inline void verifyEventLines(const QStringList& lines, qint64 firstSeq, QList<QJsonObject>* events)
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

inline QStringList typesOf(const QList<QJsonObject>& events)
{
    QStringList types;
    for (const QJsonObject& e : events)
        types.append(e.value(QLatin1String("type")).toString());
    return types;
}

inline QList<QStringList> parseCsv(const QString& text)
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

inline QByteArray contentsOf(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

inline bool writeFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

// The marathon that `schedule` is asked about: New York, across the spring-forward night.
inline QJsonObject dstMarathon()
{
    return {{QStringLiteral("name"), QStringLiteral("Spring Forward")},
            {QStringLiteral("first_day"), QStringLiteral("2026-03-07")},
            {QStringLiteral("days"), 3},
            {QStringLiteral("window_start"), QStringLiteral("02:30")},
            {QStringLiteral("window_end"), QStringLiteral("04:00")},
            {QStringLiteral("time_zone"), QStringLiteral("America/New_York")}};
}

// Runs the short demo marathon into `dir`; `events` gets what it printed. More bids a second make
// a bigger database (and export).
inline void runDemo(const QTemporaryDir& dir, QString* db, QList<QJsonObject>* events,
                    int bidsPerSecond = 20)
{
    *db = dir.filePath(QStringLiteral("marathon.db"));
    const Run run =
        runStudio({QStringLiteral("--headless"), QStringLiteral("--demo"),
                   QStringLiteral("--speed"), QStringLiteral("600"), QStringLiteral("--bid-rate"),
                   QString::number(bidsPerSecond), QStringLiteral("--days"), QStringLiteral("2"),
                   QStringLiteral("--window-minutes"), QStringLiteral("2"), QStringLiteral("--db"),
                   *db, QStringLiteral("--seed"), QStringLiteral("7")},
                  kMarathonMs);
    SB_EXPECT_EXIT(run, 0);
    QVERIFY2(!run.out.isEmpty(), qPrintable(run.describe()));
    QVERIFY2(run.out.endsWith(u'\n'), "the last event line is cut short");
    verifyEventLines(run.outLines(), 1, events);
}

} // namespace sb::test
