// The studio's core without widgets: the auction snapshot the overlays draw follows the engine
// (leader, end time with extensions, the extended badge, pause, winner, next window), scene
// collections edit with undo, autosave and round-trip through files, the scene builder turns
// the default collection into the layout of DESIGN.md, and the controller backs a real marathon
// up every hour (never the demo), reporting a failed backup without stopping anything. The
// engine runs on its own thread, as in the window; this thread never touches SQLite.

#include "AuctionStateModel.h"
#include "BackupManager.h"
#include "DemoMarathon.h"
#include "Layer.h"
#include "Scene.h"
#include "SceneBuilder.h"
#include "SceneCollection.h"
#include "SessionFixture.h"
#include "SqlThreadGuard.h"
#include "StudioController.h"

#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace sb::auction;
using namespace sb::auction::test;
using namespace sb::studio;

namespace {

// The snapshot files in a backup folder, oldest first.
QStringList backupFiles(const QString& folder)
{
    return QDir(folder).entryList({QStringLiteral("sothebais-*.db")}, QDir::Files, QDir::Name);
}

// A studio whose real marathon runs on a virtual clock the test moves (the demo keeps its own).
struct StudioOnVirtualClock
{
    explicit StudioOnVirtualClock(const QString& dataDir, std::int64_t startUtcMs) : studio(dataDir)
    {
        studio.setMarathonClockFactory([this, startUtcMs] {
            auto made = std::make_unique<VirtualClock>(startUtcMs);
            clock = made.get();
            return made;
        });
    }
    StudioController studio;
    VirtualClock* clock = nullptr; // the real marathon's, once there is one
};

// The operator's bid through the window's path; the verdict once it is durable.
BidOutcome manualBid(StudioController& studio, const QString& who, const QString& amount)
{
    return verdictOf(
        [&](QObject* context, auto done) { studio.submitManualBid(who, amount, context, done); });
}

// Whether a snapshot is being written; once not, what its end said has reached this thread.
bool backingUp(StudioController& studio)
{
    const bool busy = studio.session().wait([](MarathonSession& s) { return s.isBackingUp(); });
    QCoreApplication::processEvents(); // posted before the answer: the problem() it may carry
    return busy;
}

BidInput bid(const QString& who, const char* amount)
{
    BidInput input;
    input.source = QStringLiteral("manual");
    input.bidderId = who;
    input.bidderName = who;
    input.amount = eth(amount);
    return input;
}

} // namespace

class TestStudioCore : public QObject
{
    Q_OBJECT

private slots:
    void snapshotFollowsTheEngine();
    void snapshotShowsExtensionPauseAndWinner();
    void timeLeftAndFormats();
    void collectionEditsUndoAndRedo();
    void collectionAutosavesAndRoundTrips();
    void brokenCollectionsAreClearErrors();
    void aFailedAutosaveIsReportedAndKeepsTheEdits();
    void builderMakesTheDefaultLayout();
    void aMarathonThatCannotBeCreatedLeavesTheDemoRunning();
    void aRealMarathonIsBackedUpHourlyAndTheDemoIsNot();
    void aFailedBackupIsReportedAndTheMarathonGoesOn();
};

void TestStudioCore::snapshotFollowsTheEngine()
{
    SessionFixture f;
    AuctionStateModel model(*f.session, true);
    auto s = model.snapshot();
    QVERIFY(s->hasMarathon);
    QVERIFY(s->demo);
    QCOMPARE(s->dayCount, 3);
    QVERIFY(!s->isLive());
    QVERIFY(s->isBetweenWindows()); // 11:00, the first window opens at 12:00
    QCOMPARE(s->nextStartUtcMs, kDay1Open);

    f.clock.setNow(kDay1Open + kMinute);
    QVERIFY(f.onEngine([](AuctionEngine& e) { return e.tick(); }).ok);
    s = model.snapshot();
    QVERIFY(s->isLive());
    QCOMPARE(s->dayNumber, 1);
    QCOMPARE(s->endUtcMs, kDay1Close);
    QVERIFY(!s->currentBid);

    QSignalSpy changed(&model, &AuctionStateModel::changed);
    QCOMPARE(f.onEngine([](AuctionEngine& e) {
                  return e.submitBid(bid(QStringLiteral("alice"), "0.05"));
              }).kind,
             BidOutcome::Kind::Accepted);
    QCOMPARE(f.onEngine([](AuctionEngine& e) {
                  return e.submitBid(bid(QStringLiteral("bob"), "0.001"));
              }).kind,
             BidOutcome::Kind::Rejected);
    QCOMPARE(changed.count(), 2);
    s = model.snapshot();
    QCOMPARE(*s->currentBid, eth("0.05"));
    QCOMPARE(s->leaderName, QStringLiteral("alice"));
    QCOMPARE(s->feed.size(), 2);
    QCOMPARE(s->feed.at(0).bidderName, QStringLiteral("bob")); // newest first
    QCOMPARE(s->feed.at(0).reason, QStringLiteral("raise too small"));
    QVERIFY(s->feed.at(1).isLeader);
    QCOMPARE(s->leaderboard.size(), 1);
    QCOMPARE(s->leaderboard.at(0).bidderName, QStringLiteral("alice"));

    // Invalidating the leader changes what the bar shows.
    QVERIFY(f.onEngine([](AuctionEngine& e) {
                 return e.submitBid(bid(QStringLiteral("carol"), "0.1"));
             }).leads);
    const std::int64_t carolId = f.session->view().leaderBid(0)->id;
    QVERIFY(f.onEngine([carolId](AuctionEngine& e) {
                 return e.invalidateBid(carolId, QStringLiteral("test"), QStringLiteral("op"));
             }).ok);
    s = model.snapshot();
    QCOMPARE(s->leaderName, QStringLiteral("alice"));
    QCOMPARE(*s->currentBid, eth("0.05"));

    // A name with bidi and zero-width controls reaches the overlays without them (the bar, the
    // feed and the leaderboard would otherwise draw it reversed).
    QVERIFY(f.onEngine([](AuctionEngine& e) {
                 return e.submitBid(bid(QStringLiteral("\u202Etrent\u202C\u200B"), "0.2"));
             }).leads);
    s = model.snapshot();
    QCOMPARE(s->leaderName, QStringLiteral("trent"));
    QCOMPARE(s->feed.at(0).bidderName, QStringLiteral("trent"));
    QCOMPARE(s->leaderboard.at(0).bidderName, QStringLiteral("trent"));
}

void TestStudioCore::snapshotShowsExtensionPauseAndWinner()
{
    SessionFixture f;
    AuctionStateModel model(*f.session, false);
    f.clock.setNow(kDay1Close - 2 * kMinute);
    QVERIFY(f.onEngine([](AuctionEngine& e) { return e.tick(); }).ok);
    QVERIFY(!model.snapshot()->extended);
    // Inside the 5-minute buffer: the end moves and the bar says so.
    QVERIFY(f.onEngine([](AuctionEngine& e) {
                 return e.submitBid(bid(QStringLiteral("alice"), "0.05"));
             }).leads);
    auto s = model.snapshot();
    QVERIFY(s->extended);
    QCOMPARE(s->endUtcMs, kDay1Close - 2 * kMinute + 5 * kMinute);
    QCOMPARE(s->timeLeftMs(), 5 * kMinute);

    QVERIFY(f.onEngine([](AuctionEngine& e) { return e.pause(0, QStringLiteral("op")); }).ok);
    f.clock.advance(kMinute);
    model.advanceClock();
    s = model.snapshot();
    QVERIFY(s->paused);
    QCOMPARE(s->timeLeftMs(), 5 * kMinute); // frozen while paused
    QVERIFY(f.onEngine([](AuctionEngine& e) { return e.resume(0, QStringLiteral("op")); }).ok);

    f.clock.advance(10 * kMinute);
    QVERIFY(f.onEngine([](AuctionEngine& e) { return e.tick(); }).ok);
    s = model.snapshot();
    QVERIFY(s->winnerDeclared);
    QCOMPARE(s->winnerName, QStringLiteral("alice"));
    QCOMPARE(*s->winningBid, eth("0.05"));
    QVERIFY(s->winnerDeclaredUtcMs > 0); // the SOLD banner animates from here
}

void TestStudioCore::timeLeftAndFormats()
{
    QCOMPARE(formatTimeLeft(247'000), QStringLiteral("4 min 07 s"));
    QCOMPARE(formatTimeLeft(3'909'000), QStringLiteral("1 h 05 min 09 s"));
    QCOMPARE(formatTimeLeft(11'200), QStringLiteral("12 s")); // rounds up: 0 only at the end
    QCOMPARE(formatTimeLeft(0), QStringLiteral("0 s"));
    QCOMPARE(formatCountdown((3 * 60 + 12) * 60'000), QStringLiteral("3 h 12 min"));
    QCOMPARE(formatEth(eth("0.05")), QStringLiteral("0.05 ETH"));
    QCOMPARE(formatEth(eth("1")), QStringLiteral("1.00 ETH"));
    QCOMPARE(formatEth(eth("0.123456789")), QStringLiteral("0.123456789 ETH"));
}

void TestStudioCore::collectionEditsUndoAndRedo()
{
    SceneCollection c;
    QCOMPARE(c.sceneCount(), 3);
    const int auction = c.currentScene();
    QCOMPARE(c.current().name, QStringLiteral("Auction"));
    const QString bar = QStringLiteral("bar");
    QVERIFY(c.current().indexOf(bar) >= 0);

    QVERIFY(c.setSourceVisible(auction, bar, false));
    QVERIFY(!c.scene(auction).sources.at(c.scene(auction).indexOf(bar)).visible);
    c.undoStack()->undo();
    QVERIFY(c.scene(auction).sources.at(c.scene(auction).indexOf(bar)).visible);
    c.undoStack()->redo();
    QVERIFY(!c.scene(auction).sources.at(c.scene(auction).indexOf(bar)).visible);

    // A drag is one undo step.
    const int before = c.undoStack()->count();
    for (int x = 10; x <= 50; x += 10)
        QVERIFY(c.setSourceSettings(auction, bar, QJsonObject{{QStringLiteral("x"), x}},
                                    QStringLiteral("x")));
    QCOMPARE(c.undoStack()->count(), before + 1);
    c.undoStack()->undo();
    QVERIFY(c.scene(auction).sources.at(c.scene(auction).indexOf(bar)).settings.isEmpty());

    // Locked sources refuse edits; unlocking is allowed.
    QVERIFY(c.setSourceLocked(auction, bar, true));
    QVERIFY(!c.removeSource(auction, bar));
    QVERIFY(!c.moveSource(auction, bar, 0));
    QVERIFY(c.setSourceLocked(auction, bar, false));
    QVERIFY(c.moveSource(auction, bar, 0));
    QCOMPARE(c.scene(auction).sources.first().id, bar);

    // New sources get unique ids; scenes come and go with undo.
    SceneSource text{QString(),
                     QStringLiteral("text"),
                     QStringLiteral("Hello"),
                     true,
                     false,
                     1.0,
                     QJsonObject{{QStringLiteral("text"), QStringLiteral("Hi")}}};
    const QString id1 = c.addSource(auction, text);
    const QString id2 = c.addSource(auction, text);
    QVERIFY(!id1.isEmpty() && id1 != id2);
    QVERIFY(c.addScene(QStringLiteral("Intermission")));
    QVERIFY(!c.addScene(QStringLiteral("Intermission")));
    QCOMPARE(c.sceneCount(), 4);
    c.undoStack()->undo();
    QCOMPARE(c.sceneCount(), 3);
}

void TestStudioCore::collectionAutosavesAndRoundTrips()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("scenes/default.json"));
    {
        SceneCollection c;
        c.setAutosavePath(path, 10);
        QVERIFY(c.renameSource(0, QStringLiteral("host"), QStringLiteral("Auctioneer")));
        QTRY_VERIFY(QFile::exists(path));
    }
    SceneCollection reloaded;
    QString error;
    QVERIFY2(reloaded.load(path, &error), qPrintable(error));
    const SceneData& scene = reloaded.scene(0);
    QCOMPARE(scene.sources.at(scene.indexOf(QStringLiteral("host"))).name,
             QStringLiteral("Auctioneer"));
    // Export and import give the same collection.
    const QString exported = dir.filePath(QStringLiteral("export.json"));
    QVERIFY(reloaded.exportTo(exported, &error));
    SceneCollection imported;
    QVERIFY(imported.importFrom(exported, &error));
    QCOMPARE(imported.toJson(), reloaded.toJson());
}

void TestStudioCore::brokenCollectionsAreClearErrors()
{
    QTemporaryDir dir;
    const auto write = [&](const QByteArray& content) {
        QFile f(dir.filePath(QStringLiteral("c.json")));
        f.open(QIODevice::WriteOnly);
        f.write(content);
        return f.fileName();
    };
    SceneCollection c;
    const QJsonObject before = c.toJson();
    QString error;
    QVERIFY(!c.load(write("{not json"), &error));
    QVERIFY2(error.contains(QLatin1String("is not a scene collection")), qPrintable(error));
    QVERIFY(!c.load(write(R"({"format": 7, "scenes": []})"), &error));
    QVERIFY2(error.contains(QLatin1String("format 7")), qPrintable(error));
    QVERIFY(!c.load(write(R"({"format": 1, "scenes": [{"name": "A", "sources": [{"id": "x"}]}]})"),
                    &error));
    QVERIFY2(error.contains(QLatin1String("\"kind\"")), qPrintable(error));
    QCOMPARE(c.toJson(), before); // nothing lost
}

void TestStudioCore::aFailedAutosaveIsReportedAndKeepsTheEdits()
{
    // Nothing can be created under /dev/null: the same failure a full or read-only disk gives.
    SceneCollection c;
    c.setAutosavePath(QStringLiteral("/dev/null/scenes/default.json"), 10);
    QSignalSpy failed(&c, &SceneCollection::autosaveFailed);
    QVERIFY(c.renameScene(0, QStringLiteral("Main stage")));
    QTRY_COMPARE(failed.count(), 1);
    const QString error = failed.first().first().toString();
    QVERIFY2(error.contains(QLatin1String("Cannot save the scene collection")), qPrintable(error));
    QCOMPARE(c.scene(0).name, QStringLiteral("Main stage")); // the edit is kept in memory
}

void TestStudioCore::builderMakesTheDefaultLayout()
{
    SessionFixture f;
    AuctionStateModel model(*f.session, false);
    SceneCollection c;
    SceneBuilder builder(model, QDir::temp());
    QStringList problems;
    const auto scene = builder.build(c.current(), &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    // Artwork on the left ~70 %, the host on the right above the feed, the bar along the bottom.
    const auto* lot = scene->findLayer(QStringLiteral("lot"));
    const auto* host = scene->findLayer(QStringLiteral("host"));
    const auto* feed = scene->findLayer(QStringLiteral("feed"));
    const auto* bar = scene->findLayer(QStringLiteral("bar"));
    QVERIFY(lot && host && feed && bar);
    QCOMPARE(lot->kind, sb::render::LayerKind::Painted);
    const QRect lotRect =
        builder.overlay(QStringLiteral("Auction"), QStringLiteral("lot"))->style().geometry;
    const QRect barRect =
        builder.overlay(QStringLiteral("Auction"), QStringLiteral("bar"))->style().geometry;
    QVERIFY(lotRect.width() >= 0.65 * 1280 && lot->transform.x < 10);
    QVERIFY(host->transform.x >= 0.65 * 1280);
    QVERIFY(feed->transform.y > host->transform.y);
    QCOMPARE(bar->transform.y, barRect.y());
    QVERIFY(barRect.bottom() >= 700 && barRect.width() == 1280);

    // Reusing sources: a rebuild after an unrelated edit keeps the same objects.
    QVERIFY(c.setSourceVisible(0, QStringLiteral("feed"), false));
    const auto again = builder.build(c.current(), &problems);
    QCOMPARE(again->findLayer(QStringLiteral("lot"))->source, lot->source);
    QVERIFY(!again->findLayer(QStringLiteral("feed"))->visible);

    // A missing image is named, not fatal.
    SceneSource image{QStringLiteral("pic"),
                      QStringLiteral("image"),
                      QStringLiteral("Logo"),
                      true,
                      false,
                      1.0,
                      QJsonObject{{QStringLiteral("path"), QStringLiteral("/nope.png")}}};
    QVERIFY(!c.addSource(0, image).isEmpty());
    const auto withImage = builder.build(c.current(), &problems);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(QLatin1String("Logo")), qPrintable(problems.first()));
    QVERIFY(withImage->findLayer(QStringLiteral("bar")));
}

void TestStudioCore::aMarathonThatCannotBeCreatedLeavesTheDemoRunning()
{
    QTemporaryDir dir;
    StudioController studio(dir.path());
    QString error;
    QVERIFY2(studio.open(&error), qPrintable(error));
    QVERIFY(studio.isDemo());
    studio.setSimulatedBidders(false);
    QTRY_VERIFY(studio.state().snapshot()->isLive());

    // Something in the way of marathon.db: the store cannot be created there.
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("marathon.db")));
    const MarathonConfig config = DemoMarathon::config(QDateTime::currentMSecsSinceEpoch(), 3, 10);
    QVERIFY(!studio.createMarathon(config, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(studio.isDemo());
    QCOMPARE(manualBid(studio, QStringLiteral("alice"), QStringLiteral("1 ETH")).kind,
             BidOutcome::Kind::Accepted); // the demo goes on, on its own file

    QVERIFY(QDir(dir.path()).rmdir(QStringLiteral("marathon.db")));
    QVERIFY2(studio.createMarathon(config, &error), qPrintable(error));
    QVERIFY(!studio.isDemo());
    QCOMPARE(studio.session().view().config.name, config.name);
    QVERIFY(!studio.createMarathon(config, &error)); // a real marathon is never replaced
}

void TestStudioCore::aRealMarathonIsBackedUpHourlyAndTheDemoIsNot()
{
    QTemporaryDir dir;
    const std::int64_t start = utcMs(2026, 3, 1, 11);
    StudioOnVirtualClock s(dir.path(), start);
    QString error;
    QVERIFY2(s.studio.open(&error), qPrintable(error));
    QVERIFY(s.studio.isDemo());
    s.studio.setSimulatedBidders(false);
    s.studio.runHousekeeping();
    QTRY_VERIFY(!backingUp(s.studio)); // the snapshot runs on its own thread
    // The throwaway demo is never backed up.
    QVERIFY(s.studio.backupDirectory().isEmpty());
    QVERIFY(!QFileInfo::exists(s.studio.databasePath() + QStringLiteral(".backups")));

    QVERIFY2(s.studio.createMarathon(DemoMarathon::config(start, 3, 10), &error),
             qPrintable(error));
    QVERIFY(s.clock);
    const QString folder = dir.filePath(QStringLiteral("marathon.db.backups"));
    QCOMPARE(s.studio.backupDirectory(), folder); // where headless puts them: <db>.backups
    // The studio's own once-a-second timer takes the first backup at once.
    QTRY_COMPARE(backupFiles(folder), QStringList{QStringLiteral("sothebais-20260301T110000Z.db")});

    // A bid, then half an hour: no new backup; a full hour: the next one, holding the bid.
    s.clock->setNow(start + 2 * kMinute);
    QCOMPARE(manualBid(s.studio, QStringLiteral("alice"), QStringLiteral("1 ETH")).kind,
             BidOutcome::Kind::Accepted);
    s.clock->setNow(start + 30 * kMinute);
    s.studio.runHousekeeping();
    QTRY_VERIFY(!backingUp(s.studio)); // the snapshot runs on its own thread
    QCOMPARE(backupFiles(folder).size(), 1);
    s.clock->setNow(start + kHour);
    s.studio.runHousekeeping();
    QTRY_VERIFY(!backingUp(s.studio)); // the snapshot runs on its own thread
    QCOMPARE(backupFiles(folder), (QStringList{QStringLiteral("sothebais-20260301T110000Z.db"),
                                               QStringLiteral("sothebais-20260301T120000Z.db")}));
    const QString latest = QDir(folder).filePath(backupFiles(folder).last());
    QVERIFY2(BackupManager::verify(latest, &error), qPrintable(error));
    {
        AuctionStore snapshot;
        QVERIFY2(snapshot.openReadOnly(latest, &error), qPrintable(error));
        QCOMPARE(snapshot.bids().value().size(), 1);
        QCOMPARE(snapshot.bids().value().first().bidderName, QStringLiteral("alice"));
    }

    // Retention as headless: a day and more of hourly backups keeps the newest 24 (plus the
    // newest of each earlier day).
    for (int hour = 2; hour <= 40; ++hour) {
        s.clock->setNow(start + hour * kHour);
        s.studio.runHousekeeping();
        QTRY_VERIFY(!backingUp(s.studio)); // the snapshot runs on its own thread
    }
    const QStringList kept = backupFiles(folder);
    QCOMPARE(kept.size(), BackupManager::kKeepHourly + 1);
    QCOMPARE(kept.first(), QStringLiteral("sothebais-20260301T230000Z.db")); // day 1's newest
    QCOMPARE(kept.last(), QStringLiteral("sothebais-20260303T030000Z.db"));
}

void TestStudioCore::aFailedBackupIsReportedAndTheMarathonGoesOn()
{
    QTemporaryDir dir;
    const std::int64_t start = utcMs(2026, 3, 1, 11);
    StudioOnVirtualClock s(dir.path(), start);
    QString error;
    QVERIFY2(s.studio.open(&error), qPrintable(error));
    s.studio.setSimulatedBidders(false);
    // A file where the backup folder should be: the folder cannot be made (as on a full or
    // read-only disk).
    const QString folder = dir.filePath(QStringLiteral("marathon.db.backups"));
    {
        QFile blocker(folder);
        QVERIFY(blocker.open(QIODevice::WriteOnly));
    }
    QSignalSpy problems(&s.studio, &StudioController::problem);
    QVERIFY2(s.studio.createMarathon(DemoMarathon::config(start, 3, 10), &error),
             qPrintable(error));
    s.clock->setNow(start + 2 * kMinute);
    s.studio.runHousekeeping();
    QTRY_VERIFY(!backingUp(s.studio)); // the snapshot runs on its own thread
    QCOMPARE(problems.size(), 1);
    const QString message = problems.first().first().toString();
    QVERIFY2(message.startsWith(QLatin1String("Backup failed: ")) && message.contains(folder),
             qPrintable(message));

    // Nothing stopped: bids are still taken. The next try waits a minute (a whole-database copy
    // every second would load the disk the bids are written to), then it works again.
    QCOMPARE(manualBid(s.studio, QStringLiteral("alice"), QStringLiteral("1 ETH")).kind,
             BidOutcome::Kind::Accepted);
    QVERIFY(QFile::remove(folder));
    s.clock->setNow(start + 2 * kMinute + 30'000);
    s.studio.runHousekeeping();
    QTRY_VERIFY(!backingUp(s.studio)); // the snapshot runs on its own thread
    QVERIFY(!QFileInfo::exists(folder));
    // Still the same problem: said once, as headless says it, and kept for the status bar.
    QCOMPARE(problems.size(), 1);
    QVERIFY(message.endsWith(s.studio.session().backupError()));
    s.clock->setNow(start + 3 * kMinute);
    s.studio.runHousekeeping();
    QTRY_VERIFY(!backingUp(s.studio)); // the snapshot runs on its own thread
    QCOMPARE(backupFiles(folder), QStringList{QStringLiteral("sothebais-20260301T110300Z.db")});
    const int reported = int(problems.size());
    s.studio.runHousekeeping();
    QTRY_VERIFY(!backingUp(s.studio));        // the snapshot runs on its own thread
    QCOMPARE(int(problems.size()), reported); // working again: nothing more to report
}

QTEST_MAIN(TestStudioCore)
#include "tst_studiocore.moc"
