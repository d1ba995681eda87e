// BidIntake, the thread-safe front door with group commit, as the X poller and other channels will
// use it: producers on their own threads submit at once, every submission hears exactly one
// verdict on the engine's thread, what was acknowledged is stored and journaled without a gap,
// batches respect their limit, a batch the disk cannot take is not acknowledged, and nothing
// acknowledged is lost across a restart.

#include "BidIntake.h"
#include "EngineFixture.h"

#include <QCoreApplication>
#include <QHash>
#include <QTest>
#include <QThread>

#include <atomic>
#include <thread>
#include <vector>

using namespace sb::auction;
using namespace sb::auction::test;

namespace {

constexpr int kWaitMs = 60'000; // a limit on waiting for verdicts only; nothing is timed

// Raises of 1 gwei and no review, so bids that arrive in order are accepted and those that lose
// a race between producers are rejected, as in a busy auction.
MarathonConfig raceConfig()
{
    MarathonConfig c = simpleConfig();
    c.minRaisePercent = 0;
    c.minRaiseAbsolute = Gwei::fromGwei(1);
    c.reviewMultiple = 0;
    return c;
}

BidInput makeBid(const QString& sourceId, const QString& bidder, std::int64_t amountGwei)
{
    BidInput b;
    b.source = QStringLiteral("test");
    b.sourceId = sourceId;
    b.bidderId = bidder;
    b.bidderName = bidder;
    b.amount = Gwei::fromGwei(amountGwei);
    return b;
}

// What each submission heard back, collected on the engine's thread.
struct Verdicts
{
    QHash<QString, QList<BidOutcome>> bySource; // source id -> every callback it got
    QHash<QString, QStringList> orderByBidder;  // bidder -> source ids in callback order
    std::atomic<int> count{0};
    std::atomic<int> offThread{0}; // callbacks that ran anywhere but the engine's thread

    BidIntake::Callback recorder(const QString& sourceId, const QString& bidder)
    {
        QThread* engineThread = QThread::currentThread();
        return [this, sourceId, bidder, engineThread](const BidOutcome& outcome) {
            if (QThread::currentThread() != engineThread)
                ++offThread;
            bySource[sourceId].append(outcome);
            orderByBidder[bidder].append(sourceId);
            ++count;
        };
    }
};

// Threads that each submit `perProducer` bids of their own bidder ("bidder-<p>", posts
// "<p>-<i>") at ever higher amounts from the reserve, starting at once. The callbacks are made
// here, on the engine's thread, then handed to the threads.
class Producers
{
public:
    Producers(BidIntake& intake, Verdicts& verdicts, int producers, int perProducer)
        : m_work(std::size_t(producers))
    {
        for (int p = 0; p < producers; ++p) {
            const QString bidder = QStringLiteral("bidder-%1").arg(p);
            for (int i = 0; i < perProducer; ++i) {
                const QString id = QStringLiteral("%1-%2").arg(p).arg(i);
                m_work[std::size_t(p)].emplace_back(makeBid(id, bidder, 0),
                                                    verdicts.recorder(id, bidder));
            }
        }
        for (auto& work : m_work) {
            m_threads.emplace_back([this, &intake, &work] {
                for (auto& [bid, done] : work) {
                    bid.amount = Gwei::fromGwei(m_nextAmount.fetch_add(1));
                    intake.submit(std::move(bid), std::move(done));
                }
            });
        }
    }
    ~Producers() { join(); }

    // The next amount above every one the threads sent.
    std::int64_t takeAmount() { return m_nextAmount.fetch_add(1); }

    void join()
    {
        for (std::thread& t : m_threads) {
            if (t.joinable())
                t.join();
        }
    }

private:
    std::vector<std::vector<std::pair<BidInput, BidIntake::Callback>>> m_work;
    std::atomic<std::int64_t> m_nextAmount{raceConfig().reserve.gwei()};
    std::vector<std::thread> m_threads;
};

// The journal runs 1, 2, 3 ... with no gap and ends where the engine says it does.
void verifyGapFreeJournal(const EngineFixture& f)
{
    const QList<AuctionEvent> events = f.store->events(0, 1 << 20).value();
    QVERIFY(!events.isEmpty());
    for (qsizetype i = 0; i < events.size(); ++i)
        QCOMPARE(events[i].seq, std::int64_t(i + 1));
    QCOMPARE(events.last().seq, f.engine->lastSeq());
    QCOMPARE(f.store->lastSeq().value(), f.engine->lastSeq());
}

// How many bids a committed batch judged: each judged bid is journaled as exactly one of these.
int judgedBids(const QList<AuctionEvent>& events)
{
    int judged = 0;
    for (const AuctionEvent& e : events) {
        if (e.type == EventType::BidAccepted || e.type == EventType::BidRejected ||
            e.type == EventType::BidReview)
            ++judged;
    }
    return judged;
}

} // namespace

class TestBidIntake : public QObject
{
    Q_OBJECT

private slots:
    void concurrentProducersEachHearOneVerdict();
    void queuedBidsAreCommittedInBatchesUpToTheLimit_data();
    void queuedBidsAreCommittedInBatchesUpToTheLimit();
    void aRepeatedPostIsJudgedOnceWhicheverThreadSendsIt();
    void aBatchTheDiskCannotTakeIsNotAcknowledged();
    void nothingAcknowledgedIsLostWhenTheIntakeGoes();
};

void TestBidIntake::concurrentProducersEachHearOneVerdict()
{
    EngineFixture f(raceConfig());
    f.at(kDay1Open + 10 * kMinute);
    BidIntake intake(*f.engine);
    Verdicts verdicts;
    constexpr int kProducers = 4;
    constexpr int kPerProducer = 250;
    constexpr int kTotal = kProducers * kPerProducer;
    Producers producers(intake, verdicts, kProducers, kPerProducer);
    // The engine's thread drains the queue while the producers are still submitting.
    QTRY_COMPARE_WITH_TIMEOUT(verdicts.count.load(), kTotal, kWaitMs);
    producers.join();
    QCoreApplication::processEvents(); // nothing more may arrive
    QCOMPARE(verdicts.count.load(), kTotal);
    QCOMPARE(verdicts.offThread.load(), 0);

    // Exactly one verdict per submission, none of them a failure.
    QCOMPARE(verdicts.bySource.size(), kTotal);
    int accepted = 0;
    std::int64_t highestAccepted = 0;
    for (auto it = verdicts.bySource.cbegin(); it != verdicts.bySource.cend(); ++it) {
        QVERIFY2(it.value().size() == 1, qPrintable(it.key()));
        const BidOutcome& o = it.value().first();
        QVERIFY2(o.kind == BidOutcome::Kind::Accepted || o.kind == BidOutcome::Kind::Rejected,
                 qPrintable(it.key() + u' ' + o.error));
        // What the producer heard is what the store holds.
        const auto stored = f.store->bid(o.bidId).value();
        QVERIFY2(stored, qPrintable(it.key()));
        QCOMPARE(stored->sourceId, it.key());
        QCOMPARE(stored->status,
                 o.kind == BidOutcome::Kind::Accepted ? BidStatus::Accepted : BidStatus::Rejected);
        if (o.kind == BidOutcome::Kind::Accepted) {
            ++accepted;
            highestAccepted = std::max(highestAccepted, stored->amount.gwei());
        }
    }
    QVERIFY(accepted > 0);
    QCOMPARE(f.store->bidCount().value(), std::int64_t(kTotal));
    QCOMPARE(int(f.eventsOfType(EventType::BidAccepted).size()), accepted);
    QCOMPARE(f.engine->leaderBid(0)->amount.gwei(), highestAccepted);
    verifyGapFreeJournal(f);

    // One producer's bids are judged in the order it sent them.
    for (int p = 0; p < kProducers; ++p) {
        QStringList expected;
        for (int i = 0; i < kPerProducer; ++i)
            expected << QStringLiteral("%1-%2").arg(p).arg(i);
        QCOMPARE(verdicts.orderByBidder.value(QStringLiteral("bidder-%1").arg(p)), expected);
    }
}

void TestBidIntake::queuedBidsAreCommittedInBatchesUpToTheLimit_data()
{
    QTest::addColumn<int>("maxBatch");
    QTest::addColumn<QList<int>>("batches");
    QTest::newRow("default limit: one transaction") << 0 << QList<int>{50};
    QTest::newRow("limit 7") << 7 << QList<int>{7, 7, 7, 7, 7, 7, 7, 1};
    QTest::newRow("limit 1: one bid a transaction") << 1 << QList<int>(50, 1);
}

void TestBidIntake::queuedBidsAreCommittedInBatchesUpToTheLimit()
{
    QFETCH(int, maxBatch);
    QFETCH(QList<int>, batches);
    EngineFixture f(raceConfig());
    f.at(kDay1Open + 10 * kMinute);
    BidIntake intake(*f.engine);
    if (maxBatch > 0)
        intake.setMaxBatch(maxBatch);
    QList<int> committed; // bids judged by each committed transaction
    connect(f.engine.get(), &AuctionEngine::eventsCommitted, this,
            [&](const QList<AuctionEvent>& events) { committed.append(judgedBids(events)); });
    Verdicts verdicts;
    // All 50 wait in the queue before the engine's thread gets to them.
    for (int i = 0; i < 50; ++i) {
        const QString id = QStringLiteral("b%1").arg(i);
        intake.submit(makeBid(id, QStringLiteral("alice"), raceConfig().reserve.gwei() + i),
                      verdicts.recorder(id, QStringLiteral("alice")));
    }
    QCOMPARE(verdicts.count.load(), 0); // nothing is judged on the submitting call
    QTRY_COMPARE_WITH_TIMEOUT(verdicts.count.load(), 50, kWaitMs);
    QCOMPARE(committed, batches);
    for (const QList<BidOutcome>& outcomes : std::as_const(verdicts.bySource))
        QCOMPARE(outcomes.first().kind, BidOutcome::Kind::Accepted);
    QCOMPARE(f.leaderName(), QStringLiteral("alice"));
    QCOMPARE(f.engine->leaderBid(0)->amount.gwei(), raceConfig().reserve.gwei() + 49);
    verifyGapFreeJournal(f);
}

void TestBidIntake::aRepeatedPostIsJudgedOnceWhicheverThreadSendsIt()
{
    EngineFixture f(raceConfig());
    f.at(kDay1Open + 10 * kMinute);
    BidIntake intake(*f.engine);
    // Two pollers that both saw the same 100 posts.
    constexpr int kPosts = 100;
    std::vector<std::vector<std::pair<BidInput, BidIntake::Callback>>> work(2);
    QHash<QString, QList<BidOutcome>> heard;
    std::atomic<int> count{0};
    for (std::size_t poller = 0; poller < 2; ++poller) {
        for (int i = 0; i < kPosts; ++i) {
            const QString id = QStringLiteral("post-%1").arg(i);
            work[poller].emplace_back(
                makeBid(id, QStringLiteral("bidder-%1").arg(i), raceConfig().reserve.gwei() + i),
                [&, id](const BidOutcome& o) {
                    heard[id].append(o);
                    ++count;
                });
        }
    }
    std::vector<std::thread> pollers;
    for (std::size_t poller = 0; poller < 2; ++poller) {
        pollers.emplace_back([&, poller] {
            for (auto& [bid, done] : work[poller])
                intake.submit(std::move(bid), std::move(done));
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(count.load(), 2 * kPosts, kWaitMs);
    for (std::thread& t : pollers)
        t.join();

    QCOMPARE(heard.size(), kPosts);
    for (auto it = heard.cbegin(); it != heard.cend(); ++it) {
        const QList<BidOutcome>& o = it.value();
        QCOMPARE(o.size(), 2);
        // The first to arrive is judged; the other is told it is a repeat of that bid.
        const bool firstJudged = o[0].kind != BidOutcome::Kind::Duplicate;
        const BidOutcome& judged = firstJudged ? o[0] : o[1];
        const BidOutcome& repeat = firstJudged ? o[1] : o[0];
        QVERIFY2(judged.kind != BidOutcome::Kind::Duplicate &&
                     judged.kind != BidOutcome::Kind::Failed,
                 qPrintable(it.key()));
        QCOMPARE(repeat.kind, BidOutcome::Kind::Duplicate);
        QCOMPARE(repeat.bidId, judged.bidId);
    }
    QCOMPARE(f.store->bidCount().value(), std::int64_t(kPosts));
    QCOMPARE(judgedBids(f.store->events(0, 1 << 20).value()), kPosts);
    verifyGapFreeJournal(f);
}

void TestBidIntake::aBatchTheDiskCannotTakeIsNotAcknowledged()
{
    EngineFixture f(raceConfig());
    f.at(kDay1Open + 10 * kMinute);
    BidIntake intake(*f.engine);
    Verdicts verdicts;
    intake.submit(
        makeBid(QStringLiteral("first"), QStringLiteral("alice"), raceConfig().reserve.gwei()),
        verdicts.recorder(QStringLiteral("first"), QStringLiteral("alice")));
    QTRY_COMPARE_WITH_TIMEOUT(verdicts.count.load(), 1, kWaitMs);
    const std::int64_t storedBefore = f.store->bidCount().value();
    const std::int64_t seqBefore = f.engine->lastSeq();

    // The disk fills up: a batch of long posts cannot be stored.
    QString error;
    QVERIFY2(f.store->setMaxPageCount(1, &error), qPrintable(error));
    const QString longText = QString(u'x').repeated(4000);
    constexpr int kBatch = 200;
    for (int i = 0; i < kBatch; ++i) {
        const QString id = QStringLiteral("full-%1").arg(i);
        BidInput bid = makeBid(id, QStringLiteral("bob"), raceConfig().reserve.gwei() + 1 + i);
        bid.text = longText;
        intake.submit(std::move(bid), verdicts.recorder(id, QStringLiteral("bob")));
    }
    QTRY_COMPARE_WITH_TIMEOUT(verdicts.count.load(), 1 + kBatch, kWaitMs);
    // Every bid of the batch hears that it failed and why; none of it is stored or journaled.
    for (int i = 0; i < kBatch; ++i) {
        const QList<BidOutcome> o = verdicts.bySource.value(QStringLiteral("full-%1").arg(i));
        QCOMPARE(o.size(), 1);
        QCOMPARE(o.first().kind, BidOutcome::Kind::Failed);
        QVERIFY2(o.first().error.contains(QLatin1String("could not be stored")),
                 qPrintable(o.first().error));
    }
    QCOMPARE(f.store->bidCount().value(), storedBefore);
    QCOMPARE(f.engine->lastSeq(), seqBefore);
    QCOMPARE(f.leaderName(), QStringLiteral("alice"));

    // Space is freed: the next bids go through, and the journal has no hole where the batch was.
    QVERIFY2(f.store->setMaxPageCount(1 << 30, &error), qPrintable(error));
    intake.submit(
        makeBid(QStringLiteral("after"), QStringLiteral("bob"), raceConfig().reserve.gwei() + 1),
        verdicts.recorder(QStringLiteral("after"), QStringLiteral("bob")));
    QTRY_COMPARE_WITH_TIMEOUT(verdicts.count.load(), 2 + kBatch, kWaitMs);
    QCOMPARE(verdicts.bySource.value(QStringLiteral("after")).first().kind,
             BidOutcome::Kind::Accepted);
    QCOMPARE(f.leaderName(), QStringLiteral("bob"));
    verifyGapFreeJournal(f);
}

void TestBidIntake::nothingAcknowledgedIsLostWhenTheIntakeGoes()
{
    EngineFixture f(raceConfig());
    f.at(kDay1Open + 10 * kMinute);
    auto intake = std::make_unique<BidIntake>(*f.engine);
    Verdicts verdicts;
    constexpr int kProducers = 3;
    constexpr int kPerProducer = 100;
    Producers producers(*intake, verdicts, kProducers, kPerProducer);
    QTRY_COMPARE_WITH_TIMEOUT(verdicts.count.load(), kProducers * kPerProducer, kWaitMs);
    producers.join();

    // Bids still queued when the intake goes away (the app quitting) are not acknowledged, and
    // so not promised to anyone.
    for (int i = 0; i < 20; ++i) {
        const QString id = QStringLiteral("late-%1").arg(i);
        intake->submit(makeBid(id, QStringLiteral("late"), producers.takeAmount()),
                       verdicts.recorder(id, QStringLiteral("late")));
    }
    intake.reset();
    QCoreApplication::processEvents();
    for (int i = 0; i < 20; ++i) {
        for (const BidOutcome& o : verdicts.bySource.value(QStringLiteral("late-%1").arg(i)))
            QVERIFY(o.kind != BidOutcome::Kind::Accepted && o.kind != BidOutcome::Kind::Rejected);
    }

    // A restart (the connection dropped without goodbye) finds every acknowledged bid.
    QStringList acknowledged;
    for (auto it = verdicts.bySource.cbegin(); it != verdicts.bySource.cend(); ++it) {
        if (it.value().first().kind == BidOutcome::Kind::Accepted ||
            it.value().first().kind == BidOutcome::Kind::Rejected)
            acknowledged << it.key();
    }
    QCOMPARE(acknowledged.size(), kProducers * kPerProducer);
    const std::int64_t leaderAmount = f.engine->leaderBid(0)->amount.gwei();
    QVERIFY(f.reopen().ok);
    for (const QString& id : std::as_const(acknowledged)) {
        const auto stored = f.store->bidBySource(QStringLiteral("test"), id).value();
        QVERIFY2(stored, qPrintable(id));
        QCOMPARE(stored->id, verdicts.bySource.value(id).first().bidId);
    }
    QCOMPARE(f.store->bidCount().value(), std::int64_t(kProducers * kPerProducer));
    QCOMPARE(f.engine->leaderBid(0)->amount.gwei(), leaderAmount);
    verifyGapFreeJournal(f);
}

QTEST_GUILESS_MAIN(TestBidIntake)
#include "tst_bidintake.moc"
