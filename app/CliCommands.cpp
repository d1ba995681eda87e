#include "CliCommands.h"

#include "AuctionStore.h"
#include "BackupManager.h"
#include "BidParser.h"
#include "Clock.h"
#include "CsvExporter.h"
#include "MarathonConfig.h"
#include "Schedule.h"
#include "UtcTime.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <cstdio>

namespace sb::app {

using namespace sb::auction;

namespace {

void printLine(const QString& line)
{
    std::fprintf(stdout, "%s\n", line.toUtf8().constData());
}

// Parses `args` (the subcommand's own, without the program and subcommand names).
bool parse(QCommandLineParser& parser, const QString& command, const QStringList& args,
           int* exitCode)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(QStringList{QStringLiteral("sothebais-studio ") + command} + args)) {
        *exitCode = usageError(parser.errorText());
        return false;
    }
    return true;
}

bool requireOption(const QCommandLineParser& parser, const QString& name, int* exitCode)
{
    if (parser.value(name).isEmpty()) {
        *exitCode = usageError(QCoreApplication::translate("Cli", "--%1 is required.").arg(name));
        return false;
    }
    return true;
}

QString localText(std::int64_t ms, const QTimeZone& zone)
{
    return QDateTime::fromMSecsSinceEpoch(ms, zone).toString(QStringLiteral("yyyy-MM-dd HH:mm t"));
}

QString utcText(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

} // namespace

int usageError(const QString& message)
{
    std::fprintf(stderr, "sothebais-studio: %s\n", qPrintable(message));
    return 2;
}

int runCheckBid(const QStringList& args)
{
    if (args.size() != 1)
        return usageError(QCoreApplication::translate(
            "Cli", "check-bid takes exactly one argument: the post text in quotes."));
    const BidParseResult result = BidParser::parse(args.first());
    QJsonObject json;
    if (result.ok()) {
        json = {{QStringLiteral("ok"), true},
                {QStringLiteral("amount_gwei"), qint64(result.amount->gwei())},
                {QStringLiteral("amount"), result.amount->toEthString()}};
    } else {
        json = {{QStringLiteral("ok"), false},
                {QStringLiteral("code"), rejectionCodeName(result.rejection->code)},
                {QStringLiteral("message"), result.rejection->message}};
    }
    printLine(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
    return result.ok() ? 0 : 1;
}

int runSchedule(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("config"),
                      QCoreApplication::translate("Cli", "Marathon config (JSON)."),
                      QCoreApplication::translate("Cli", "file")});
    parser.addOption({QStringLiteral("json"),
                      QCoreApplication::translate("Cli", "Print JSON lines instead of a table.")});
    int code = 0;
    if (!parse(parser, QStringLiteral("schedule"), args, &code) ||
        !requireOption(parser, QStringLiteral("config"), &code))
        return code;
    QStringList problems;
    const auto config = MarathonConfig::loadFile(parser.value(QStringLiteral("config")), &problems);
    if (!config)
        return usageError(problems.join(u' '));
    problems = config->validate();
    if (!problems.isEmpty())
        return usageError(problems.join(u' '));
    QString error;
    const auto windows = Schedule::compute(*config, &error);
    if (!windows)
        return usageError(error);
    const QTimeZone zone(config->timeZone.toUtf8());
    if (!parser.isSet(QStringLiteral("json")))
        printLine(QCoreApplication::translate("Cli", "%1 — %2 day(s) in %3")
                      .arg(config->name)
                      .arg(config->days)
                      .arg(config->timeZone));
    for (const AuctionWindow& w : *windows) {
        if (parser.isSet(QStringLiteral("json"))) {
            const QJsonObject json{
                {QStringLiteral("day"), w.dayNumber},
                {QStringLiteral("lot"), w.lot + 1},
                {QStringLiteral("start_local"), localText(w.startUtcMs, zone)},
                {QStringLiteral("end_local"), localText(w.endUtcMs, zone)},
                {QStringLiteral("start_utc"), w.startUtc().toString(Qt::ISODate)},
                {QStringLiteral("end_utc"), w.endUtc().toString(Qt::ISODate)}};
            printLine(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
            continue;
        }
        QString line = QCoreApplication::translate("Cli", "Day %1 lot %2: %3 → %4  (%5 → %6)")
                           .arg(w.dayNumber, 2)
                           .arg(w.lot + 1)
                           .arg(localText(w.startUtcMs, zone), localText(w.endUtcMs, zone),
                                utcText(w.startUtcMs), utcText(w.endUtcMs));
        if (w.startMovedByGap || w.endMovedByGap)
            line += QCoreApplication::translate(
                "Cli", "  [moved forward: the local time does not exist that day]");
        printLine(line);
    }
    return 0;
}

int runExport(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("db"),
                      QCoreApplication::translate("Cli", "Marathon database."),
                      QCoreApplication::translate("Cli", "file")});
    parser.addOption({QStringLiteral("csv"),
                      QCoreApplication::translate("Cli", "Folder for bids.csv and results.csv."),
                      QCoreApplication::translate("Cli", "dir")});
    int code = 0;
    if (!parse(parser, QStringLiteral("export"), args, &code) ||
        !requireOption(parser, QStringLiteral("db"), &code) ||
        !requireOption(parser, QStringLiteral("csv"), &code))
        return code;
    if (!QFileInfo::exists(parser.value(QStringLiteral("db"))))
        return usageError(QCoreApplication::translate("Cli", "No database at %1.")
                              .arg(parser.value(QStringLiteral("db"))));
    AuctionStore store;
    QString error;
    if (!store.openReadOnly(parser.value(QStringLiteral("db")), &error) ||
        !CsvExporter::exportAll(store, parser.value(QStringLiteral("csv")), &error))
        return usageError(error);
    printLine(QCoreApplication::translate("Cli", "Wrote bids.csv and results.csv to %1")
                  .arg(parser.value(QStringLiteral("csv"))));
    return 0;
}

int runBackup(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("db"),
                      QCoreApplication::translate("Cli", "Marathon database."),
                      QCoreApplication::translate("Cli", "file")});
    parser.addOption({QStringLiteral("dir"),
                      QCoreApplication::translate("Cli", "Backup folder (default: <db>.backups)."),
                      QCoreApplication::translate("Cli", "dir")});
    int code = 0;
    if (!parse(parser, QStringLiteral("backup"), args, &code) ||
        !requireOption(parser, QStringLiteral("db"), &code))
        return code;
    const QString db = parser.value(QStringLiteral("db"));
    if (!QFileInfo::exists(db))
        return usageError(QCoreApplication::translate("Cli", "No database at %1.").arg(db));
    AuctionStore store;
    SystemClock clock;
    QString error;
    if (!store.openReadOnly(db, &error))
        return usageError(error);
    BackupManager backups(store, clock,
                          parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir"))
                                                              : db + QStringLiteral(".backups"));
    QString created;
    if (!backups.backupNow(&created, &error))
        return usageError(error);
    backups.prune();
    printLine(created);
    return 0;
}

int runRestore(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("db"),
                      QCoreApplication::translate(
                          "Cli", "Database to replace (refused while a marathon runs on it)."),
                      QCoreApplication::translate("Cli", "file")});
    parser.addOption({QStringLiteral("from"),
                      QCoreApplication::translate("Cli", "Backup file to restore."),
                      QCoreApplication::translate("Cli", "file")});
    int code = 0;
    if (!parse(parser, QStringLiteral("restore"), args, &code) ||
        !requireOption(parser, QStringLiteral("db"), &code) ||
        !requireOption(parser, QStringLiteral("from"), &code))
        return code;
    QString kept;
    QString error;
    if (!BackupManager::restore(parser.value(QStringLiteral("from")),
                                parser.value(QStringLiteral("db")),
                                QDateTime::currentMSecsSinceEpoch(), &kept, &error))
        return usageError(error);
    printLine(kept.isEmpty() ? QCoreApplication::translate("Cli", "Restored %1.")
                                   .arg(parser.value(QStringLiteral("db")))
                             : QCoreApplication::translate(
                                   "Cli", "Restored %1; the previous file is kept as %2.")
                                   .arg(parser.value(QStringLiteral("db")), kept));
    return 0;
}

int runJournal(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("db"),
                      QCoreApplication::translate("Cli", "Marathon database."),
                      QCoreApplication::translate("Cli", "file")});
    parser.addOption({QStringLiteral("after"),
                      QCoreApplication::translate("Cli", "Print events after this seq."),
                      QCoreApplication::translate("Cli", "seq"), QStringLiteral("0")});
    int code = 0;
    if (!parse(parser, QStringLiteral("journal"), args, &code) ||
        !requireOption(parser, QStringLiteral("db"), &code))
        return code;
    bool numeric = false;
    std::int64_t after = parser.value(QStringLiteral("after")).toLongLong(&numeric);
    if (!numeric || after < 0)
        return usageError(QCoreApplication::translate("Cli", "--after takes a sequence number."));
    if (!QFileInfo::exists(parser.value(QStringLiteral("db"))))
        return usageError(QCoreApplication::translate("Cli", "No database at %1.")
                              .arg(parser.value(QStringLiteral("db"))));
    AuctionStore store;
    QString error;
    if (!store.openReadOnly(parser.value(QStringLiteral("db")), &error))
        return usageError(error);
    for (;;) {
        // A page that cannot be read (a damaged file) ends the journal with an error, never
        // silently: what was printed is followed by the reason and exit code 2.
        const Result<QList<AuctionEvent>> page = store.events(after, 1000);
        if (!page)
            return usageError(page.error());
        for (const AuctionEvent& e : *page)
            printLine(e.toJsonLine());
        if (page->size() < 1000)
            break;
        after = page->last().seq;
    }
    return 0;
}

int runDeadLetters(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("db"),
                      QCoreApplication::translate("Cli", "Marathon database."),
                      QCoreApplication::translate("Cli", "file")});
    int code = 0;
    if (!parse(parser, QStringLiteral("dead-letters"), args, &code) ||
        !requireOption(parser, QStringLiteral("db"), &code))
        return code;
    if (!QFileInfo::exists(parser.value(QStringLiteral("db"))))
        return usageError(QCoreApplication::translate("Cli", "No database at %1.")
                              .arg(parser.value(QStringLiteral("db"))));
    AuctionStore store;
    QString error;
    if (!store.openReadOnly(parser.value(QStringLiteral("db")), &error))
        return usageError(error);
    const Result<QList<DeadLetter>> letters = store.deadLetters();
    if (!letters)
        return usageError(letters.error());
    for (const DeadLetter& d : *letters) {
        const QJsonObject json{{QStringLiteral("id"), qint64(d.id)},
                               {QStringLiteral("subscriber"), d.subscriber},
                               {QStringLiteral("seq"), qint64(d.seq)},
                               {QStringLiteral("error"), d.error},
                               {QStringLiteral("attempts"), d.attempts},
                               {QStringLiteral("failed_utc"), isoUtc(d.failedUtcMs)}};
        printLine(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
    }
    return 0;
}

} // namespace sb::app
