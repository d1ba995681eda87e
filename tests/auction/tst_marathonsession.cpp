// The one marathon session the window and headless share: it opens (and locks) the marathon,
// judges every bid through the intake, reports a failing backup once (not every second), keeps
// the demo's clock with the marathon, and lets go of the file when stopped.

#include "EngineFixture.h"
#include "MarathonSession.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace sb::auction;
using namespace sb::auction::test;

namespace {

// A real marathon on a virtual clock the test holds.
struct SessionOnVirtualClock
{
    explicit SessionOnVirtualClock(const QString& dir, std::int64_t startMs)
    {
        MarathonSessionOptions options;
        options.dbPath = dir + QStringLiteral("/marathon.db");
        options.backupDir = options.dbPath + QStringLiteral(".backups");
        session = std::make_unique<MarathonSession>(options);
        clock = new VirtualClock(startMs);
    }
    bool open(QString* error, bool* created = nullptr)
    {
        return session->open(
            [this](AuctionStore&, QString*) { return std::unique_ptr<Clock>(clock); },
            [](const Clock&, QString*) { return std::optional<MarathonConfig>(simpleConfig()); },
            created, error);
    }
    std::unique_ptr<MarathonSession> session;
    VirtualClock* clock = nullptr; // owned by the session once open
};

} // namespace

class TestMarathonSession : public QObject
{
    Q_OBJECT

private slots:
    void createsThenResumesAndHoldsTheLock();
    void bidsGoThroughTheIntakeInOrder();
    void theBackupRunsBesideTheMarathon();
    void aFailingBackupIsSaidOnceAndItsRecoveryToo();
    void theDemoClockIsKeptWithTheMarathon();
};

void TestMarathonSession::createsThenResumesAndHoldsTheLock()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    {
        SessionOnVirtualClock s(dir.path(), kDay1Open);
        QString error;
        bool created = false;
        QVERIFY2(s.open(&error, &created), qPrintable(error));
        QVERIFY(created);
        // A second session (a second window, a headless run) on the same file is refused.
        SessionOnVirtualClock second(dir.path(), kDay1Open);
        QVERIFY(!second.open(&error));
        delete second.clock;
        QVERIFY2(error.contains(QStringLiteral("in use by another process")), qPrintable(error));
        s.session->start();
        QCOMPARE(s.session
                     ->submitBid(testPost(QStringLiteral("alice"), QStringLiteral("bid 0.05"),
                                          QStringLiteral("p1")))
                     .kind,
                 BidOutcome::Kind::Accepted);
        s.session->stop();
        QVERIFY(!MarathonLock::isHeld(dir.filePath(QStringLiteral("marathon.db"))));
    }
    SessionOnVirtualClock again(dir.path(), kDay1Open + kMinute);
    QString error;
    bool created = true;
    QVERIFY2(again.open(&error, &created), qPrintable(error));
    QVERIFY(!created); // resumed, not made anew
    QCOMPARE(again.session->engine().leaderBid(0)->bidderName, QStringLiteral("alice"));
}

void TestMarathonSession::bidsGoThroughTheIntakeInOrder()
{
    QTemporaryDir dir;
    SessionOnVirtualClock s(dir.path(), kDay1Open);
    QString error;
    QVERIFY2(s.open(&error), qPrintable(error));
    s.session->start();
    QSignalSpy committed(&s.session->engine(), &AuctionEngine::eventsCommitted);
    QList<BidInput> batch;
    for (int i = 0; i < 20; ++i)
        batch.append(testPost(QStringLiteral("b%1").arg(i % 4), QStringLiteral("bid %1").arg(i + 1),
                              QStringLiteral("q%1").arg(i)));
    batch.append(
        testPost(QStringLiteral("late"), QStringLiteral("bid 0.01"), QStringLiteral("q3")));
    const QList<BidOutcome> outcomes = s.session->submitBids(batch);
    QCOMPARE(outcomes.size(), 21);
    for (int i = 0; i < 20; ++i)
        QCOMPARE(outcomes[i].kind, BidOutcome::Kind::Accepted);
    QCOMPARE(outcomes[20].kind, BidOutcome::Kind::Duplicate); // the same post is judged once
    QCOMPARE(committed.count(), 1); // one group commit for the whole batch
    QCOMPARE(s.session->engine().leaderBid(0)->sourceId, QStringLiteral("q19"));
    QCOMPARE(s.session->store().bidCount().value(), 20);
}

void TestMarathonSession::theBackupRunsBesideTheMarathon()
{
    QTemporaryDir dir;
    SessionOnVirtualClock s(dir.path(), kDay1Open);
    QString error;
    QVERIFY2(s.open(&error), qPrintable(error));
    s.session->start();
    QCOMPARE(s.session
                 ->submitBid(testPost(QStringLiteral("alice"), QStringLiteral("bid 0.05"),
                                      QStringLiteral("r1")))
                 .kind,
             BidOutcome::Kind::Accepted);
    // The hourly snapshot does not hold up the caller (the window's thread, headless's loop):
    // it is still being written when runHousekeeping returns, and bids are judged meanwhile.
    s.session->runHousekeeping();
    QVERIFY(s.session->isBackingUp());
    QCOMPARE(s.session
                 ->submitBid(testPost(QStringLiteral("bob"), QStringLiteral("bid 0.06"),
                                      QStringLiteral("r2")))
                 .kind,
             BidOutcome::Kind::Accepted);
    QTRY_VERIFY(!s.session->isBackingUp());
    QVERIFY(s.session->backupError().isEmpty());
    const QList<BackupInfo> taken = s.session->backups()->backups();
    QCOMPARE(taken.size(), 1);
    QCOMPARE(taken.first().takenUtcMs, kDay1Open); // named by the session's clock
    QVERIFY2(BackupManager::verify(taken.first().path, &error), qPrintable(error));
    AuctionStore copy;
    QVERIFY2(copy.openReadOnly(taken.first().path, &error), qPrintable(error));
    QVERIFY(copy.bidBySource(QStringLiteral("test"), QStringLiteral("r1")).value().has_value());
}

void TestMarathonSession::aFailingBackupIsSaidOnceAndItsRecoveryToo()
{
    QTemporaryDir dir;
    SessionOnVirtualClock s(dir.path(), kDay1Open);
    QString error;
    QVERIFY2(s.open(&error), qPrintable(error));
    const QString folder = dir.filePath(QStringLiteral("marathon.db.backups"));
    {
        QFile blocker(folder); // a file where the folder should be: it cannot be made
        QVERIFY(blocker.open(QIODevice::WriteOnly));
    }
    QSignalSpy problems(s.session.get(), &MarathonSession::problem);
    QSignalSpy states(s.session.get(), &MarathonSession::backupStateChanged);
    // Ten minutes of housekeeping, once a second: one report, not six hundred.
    for (int second = 0; second < 600; ++second) {
        s.clock->advance(kSecond);
        s.session->runHousekeeping();
        QTRY_VERIFY(!s.session->isBackingUp());
    }
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().first().toString().startsWith(QStringLiteral("Backup failed: ")),
             qPrintable(problems.first().first().toString()));
    QCOMPARE(states.size(), 1);
    QVERIFY(!s.session->backupError().isEmpty());

    QVERIFY(QFile::remove(folder));
    s.clock->advance(BackupManager::kRetryAfterFailureMs);
    s.session->runHousekeeping();
    QTRY_VERIFY(!s.session->isBackingUp());
    QCOMPARE(states.size(), 2);
    QCOMPARE(states.last().first().toString(), QString()); // works again
    QVERIFY(s.session->backupError().isEmpty());
    QCOMPARE(problems.size(), 1);
}

void TestMarathonSession::theDemoClockIsKeptWithTheMarathon()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(QStringLiteral("demo.db"));
    std::int64_t virtualNow = 0;
    {
        AuctionStore store;
        QString error;
        QVERIFY2(store.open(db, &error), qPrintable(error));
        auto clock = MarathonSession::demoClock(store, 60, &error);
        QVERIFY2(clock, qPrintable(error));
        static_cast<ScaledClock*>(clock.get())->jumpTo(utcMs(2030, 1, 1, 0));
        virtualNow = clock->nowUtcMs();
        auto* scaled = static_cast<ScaledClock*>(clock.get());
        QVERIFY(store.setMeta(QString(MarathonSession::kDemoClockMetaKey),
                              QStringLiteral("%1,%2,%3")
                                  .arg(scaled->anchorVirtualMs())
                                  .arg(scaled->anchorRealMs())
                                  .arg(scaled->speed()),
                              &error));
    }
    AuctionStore store;
    QString error;
    QVERIFY2(store.open(db, &error), qPrintable(error));
    // Restarted at the same speed, the demo goes on from where its clock was (not from now).
    const auto restored = MarathonSession::demoClock(store, 60, &error);
    QVERIFY2(restored, qPrintable(error));
    QVERIFY(restored->nowUtcMs() >= virtualNow);
    QVERIFY(restored->nowUtcMs() < utcMs(2030, 1, 2, 0));
}

QTEST_GUILESS_MAIN(TestMarathonSession)
#include "tst_marathonsession.moc"
