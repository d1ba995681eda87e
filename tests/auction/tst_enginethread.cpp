// The marathon session on the engine's own thread, as the window and headless run it: bids from
// other threads and the operator's actions are judged in the order they were queued, the window's
// side hears the engine's state and events only by queued calls (and never waits on SQLite),
// stopping judges what was already queued, and a verdict comes back only once it is durable.

#include "SessionFixture.h"
#include "SqlThreadGuard.h"

#include <QSignalSpy>
#include <QTest>

#include <thread>

using namespace sb::auction;
using namespace sb::auction::test;

class TestEngineThread : public QObject
{
    Q_OBJECT

private slots:
    void actionsAndBidsAreJudgedInTheOrderQueued();
    void theViewShowsWhatTheEventsSay();
    void theViewShowsSettlements();
    void bidsFromManyThreadsAreAllJudgedOnce();
    void stoppingJudgesWhatWasQueuedAndLosesNothing();
    void theCallersThreadNeverTouchesSqlite();
    void aStoreCallOnTheForbiddenThreadIsCounted();
};

void TestEngineThread::actionsAndBidsAreJudgedInTheOrderQueued()
{
    SessionFixture f;
    f.at(kDay1Open + kMinute);
    // Queued one after another without waiting: a bid, the operator's pause, another bid, the
    // resume, a third bid. Each is judged in that order, so the middle bid meets a paused day.
    QList<BidOutcome> first;
    QList<BidOutcome> second;
    QList<BidOutcome> third;
    std::optional<ActionResult> paused;
    std::optional<ActionResult> resumed;
    QObject context;
    f.session->submitBids(
        {testPost(QStringLiteral("alice"), QStringLiteral("0.5 ETH"), QStringLiteral("a"))},
        &context, [&](const QList<BidOutcome>& o) { first = o; });
    f.session->post([](MarathonSession& s) { return s.engine().pause(0, QStringLiteral("op")); },
                    &context, [&](ActionResult r) { paused = r; });
    f.session->submitBids(
        {testPost(QStringLiteral("bob"), QStringLiteral("1 ETH"), QStringLiteral("b"))}, &context,
        [&](const QList<BidOutcome>& o) { second = o; });
    f.session->post([](MarathonSession& s) { return s.engine().resume(0, QStringLiteral("op")); },
                    &context, [&](ActionResult r) { resumed = r; });
    f.session->submitBids(
        {testPost(QStringLiteral("carol"), QStringLiteral("2 ETH"), QStringLiteral("c"))}, &context,
        [&](const QList<BidOutcome>& o) { third = o; });
    QVERIFY(waitUntil([&] { return !third.isEmpty(); }));
    QVERIFY(paused && paused->ok);
    QVERIFY(resumed && resumed->ok);
    QCOMPARE(first.constFirst().kind, BidOutcome::Kind::Accepted);
    QCOMPARE(second.constFirst().kind, BidOutcome::Kind::Rejected);
    QCOMPARE(second.constFirst().rejection->code, RejectionCode::Paused);
    QCOMPARE(third.constFirst().kind, BidOutcome::Kind::Accepted);
    f.settle();
    QCOMPARE(f.leaderName(), QStringLiteral("carol"));
}

void TestEngineThread::theViewShowsWhatTheEventsSay()
{
    SessionFixture f;
    // Whoever hears an event and looks at the view sees the state after it, never before.
    int checked = 0;
    QString mismatch;
    QObject::connect(f.session.get(), &EngineThread::eventsCommitted,
                     [&](const QList<AuctionEvent>& events) {
                         const EngineView& view = f.session->view();
                         if (view.lastSeq < events.constLast().seq)
                             mismatch = QStringLiteral("view at %1, event %2")
                                            .arg(view.lastSeq)
                                            .arg(events.constLast().seq);
                         for (const AuctionEvent& e : events) {
                             if (e.type == EventType::AuctionLeader &&
                                 view.leaderBid(0)->bidderName !=
                                     e.payload.value(QStringLiteral("bidder")).toString())
                                 mismatch = QStringLiteral("leader not in the view");
                         }
                         ++checked;
                     });
    f.at(kDay1Open + kMinute);
    QCOMPARE(f.session->view().auctions.at(0).state, DayState::Active);
    QCOMPARE(f.session->view().currentAuction, std::optional(0));
    f.bid(QStringLiteral("alice"), QStringLiteral("0.5 ETH"));
    f.bid(QStringLiteral("bob"), QStringLiteral("0.6 ETH"));
    QVERIFY(checked >= 3);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    QCOMPARE(f.leaderName(), QStringLiteral("bob"));
    QCOMPARE(f.session->view().config.name, simpleConfig().name);
}

void TestEngineThread::theViewShowsSettlements()
{
    MarathonConfig config = simpleConfig(1);
    Lot lot;
    lot.title = QStringLiteral("Dawn");
    lot.tokenUri = QStringLiteral("ipfs://dawn");
    config.lots = {lot};
    SessionFixture f(config);
    SettlementOptions on;
    on.enabled = true;
    const ActionResult set =
        f.onEngine([&](AuctionEngine& e) { return e.setSettlementOptions(on); });
    QVERIFY2(set.ok, qPrintable(set.error));
    f.at(kDay1Open + kMinute);
    f.bid(QStringLiteral("alice"), QStringLiteral("0.5 ETH"));
    f.at(kDay1Close + 21 * kSecond);
    QVERIFY(f.session->view().settlementOptions.enabled);
    const Settlement s = f.session->view().settlements.value(0);
    QCOMPARE(s.stage, SettlementStage::AwaitingWallet);
    QCOMPARE(s.bidderName, QStringLiteral("alice"));
    ChainTransaction tx;
    tx.auctionIndex = 0;
    tx.step = QString(SettlementStep::Reserve);
    tx.raw = QByteArray(8, 'r');
    tx.hash = QByteArray(32, 'h');
    const ActionResult linked = f.onEngine([](AuctionEngine& e) {
        return e.setSettlementWallet(
            0, QStringLiteral("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"), QStringLiteral("op"));
    });
    QVERIFY2(linked.ok, qPrintable(linked.error));
    const ActionResult stored =
        f.onEngine([&tx](AuctionEngine& e) { return e.storeSettlementTransaction(tx); });
    QVERIFY2(stored.ok, qPrintable(stored.error));
    QCOMPARE(f.session->view().settlements.value(0).stage, SettlementStage::Reserving);
    QCOMPARE(f.session->view().settlementTransactions.value(0).size(), 1);
    QCOMPARE(f.session->view().settlementTransactions.value(0).constFirst().hash, tx.hash);
}

void TestEngineThread::bidsFromManyThreadsAreAllJudgedOnce()
{
    SessionFixture f;
    f.at(kDay1Open + kMinute);
    // Four producers (as X pollers would be) each post 250 bids, one of them a repeat of
    // another producer's post: every post is judged once, every submission hears a verdict.
    constexpr int kProducers = 4;
    constexpr int kEach = 250;
    std::atomic<int> heard{0};
    std::atomic<int> duplicates{0};
    std::vector<std::thread> producers;
    for (int p = 0; p < kProducers; ++p) {
        producers.emplace_back([&, p] {
            for (int i = 0; i < kEach; ++i) {
                // Posts 0..(kEach-1) of producer p; producer 1 repeats producer 0's ids.
                const QString id = QStringLiteral("%1-%2").arg(p == 1 ? 0 : p).arg(i);
                BidInput bid = testPost(QStringLiteral("bidder-%1").arg(p),
                                        QStringLiteral("%1 ETH").arg(1 + p * kEach + i), id);
                f.session->submitBids({bid}, nullptr, [&](const QList<BidOutcome>& o) {
                    duplicates += o.constFirst().kind == BidOutcome::Kind::Duplicate ? 1 : 0;
                    ++heard;
                });
            }
        });
    }
    for (std::thread& t : producers)
        t.join();
    QVERIFY(waitUntil([&] { return heard.load() == kProducers * kEach; }));
    QCOMPARE(duplicates.load(), kEach); // the repeated posts, whichever came second
    const std::int64_t stored =
        f.session->wait([](MarathonSession& s) { return s.store().bidCount().value(); });
    QCOMPARE(stored, std::int64_t((kProducers - 1) * kEach));
}

void TestEngineThread::stoppingJudgesWhatWasQueuedAndLosesNothing()
{
    SessionFixture f;
    f.at(kDay1Open + kMinute);
    QList<BidInput> bids;
    for (int i = 0; i < 300; ++i)
        bids.append(testPost(QStringLiteral("b%1").arg(i % 5), QStringLiteral("%1 ETH").arg(i + 1),
                             QStringLiteral("q%1").arg(i)));
    int heard = 0;
    QObject context;
    f.session->submitBids(bids, &context,
                          [&](const QList<BidOutcome>& o) { heard = int(o.size()); });
    f.session->stop(); // at once: the queued bids are judged and committed first
    QVERIFY(!f.session->isOpen());
    QVERIFY(waitUntil([&] { return heard > 0; })); // their verdicts still arrive
    QCOMPARE(heard, 300);

    AuctionStore store; // the lock was let go: the file can be opened again
    QString error;
    QVERIFY2(store.open(f.dbPath, &error), qPrintable(error));
    QCOMPARE(store.bidCount().value(), 300);
}

void TestEngineThread::theCallersThreadNeverTouchesSqlite()
{
    const int before = SqlThreadGuard::violations();
    SqlThreadGuard::forbid(QThread::currentThread());
    {
        SessionFixture f;
        f.at(kDay1Open + kMinute);
        f.bid(QStringLiteral("alice"), QStringLiteral("0.5 ETH"));
        QCOMPARE(f.session->wait([](MarathonSession& s) { return s.store().bids().value(); })
                     .constFirst()
                     .bidderName,
                 QStringLiteral("alice"));
        f.session->stop();
    }
    SqlThreadGuard::forbid(nullptr);
    QCOMPARE(SqlThreadGuard::violations(), before);
}

void TestEngineThread::aStoreCallOnTheForbiddenThreadIsCounted()
{
#ifndef QT_NO_DEBUG
    QSKIP("debug builds stop at such a call (Q_ASSERT) instead of counting it");
#else
    QTemporaryDir dir;
    AuctionStore store;
    QString error;
    QVERIFY2(store.open(dir.filePath(QStringLiteral("m.db")), &error), qPrintable(error));
    const int before = SqlThreadGuard::violations();
    SqlThreadGuard::forbid(QThread::currentThread());
    const Result<std::int64_t> count = store.bidCount(); // what the guard is there to catch
    SqlThreadGuard::forbid(nullptr);
    QVERIFY(count.ok()); // it still works; it is only counted and logged
    QCOMPARE(SqlThreadGuard::violations(), before + 1);
#endif
}

QTEST_GUILESS_MAIN(TestEngineThread)
#include "tst_enginethread.moc"
