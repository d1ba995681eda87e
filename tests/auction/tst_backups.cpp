// Backups as an operator relies on them: an hourly snapshot that is a real, complete copy;
// retention that keeps the right files; a restore that refuses anything it cannot open and
// otherwise brings back the marathon as it was.

#include "BackupManager.h"
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

} // namespace sb::auction::test

QTEST_GUILESS_MAIN(sb::auction::test::TestBackups)
#include "tst_backups.moc"
