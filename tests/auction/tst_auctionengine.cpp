// The engine's life: windows opening and closing on the clock, the grace before the winner, the
// journal, restarts that catch up with the clock, group commit, and a full disk.

#include "EngineFixture.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace sb::auction;
using namespace sb::auction::test;

class TestAuctionEngine : public QObject
{
    Q_OBJECT

private slots:
    void rejectsAnInvalidConfig();
    void dayLifecycleFollowsTheClock();
    void winnerWaitsForTheGrace();
    void winnerWaitsForSlowBidSources();
    void dayWithoutBidsCompletesWithoutWinner();
    void lateArrivalInGraceReopensTheWindow();
    void extensionsRespectTheCap();
    void journalIsGapFreeAndMatchesWhatWasPublished();
    void eventsArePublishedOnlyAfterCommit();
    void restartKeepsTheLeader();
    void restartCatchesUpWindowsThatPassed();
    void groupCommitJudgesInOrder();
    void fullDiskLosesNothingAcknowledged();
    void aReadThatFailsDecidesNothing();
    void lotsPerDayRunOneAfterAnother();
    void marathonFinishesAfterTheLastDay();
};

void TestAuctionEngine::rejectsAnInvalidConfig()
{
    QTemporaryDir dir;
    AuctionStore store;
    QString error;
    QVERIFY(store.open(dir.filePath(QStringLiteral("db")), &error));
    VirtualClock clock(kDay1Open);
    AuctionEngine engine(store, clock);
    MarathonConfig config = simpleConfig();
    config.days = 0;
    const ActionResult created = engine.createMarathon(config);
    QVERIFY(!created.ok);
    QVERIFY2(created.error.contains(QLatin1String("Days")), qPrintable(created.error));
    QCOMPARE(store.lastSeq().value(), 0);
    QVERIFY(!engine.load().ok); // nothing was stored
}

void TestAuctionEngine::dayLifecycleFollowsTheClock()
{
    EngineFixture f;
    QCOMPARE(f.engine->marathonState(), MarathonState::Scheduled);
    QCOMPARE(f.eventTypes(), QStringList{QStringLiteral("day.scheduled")});
    QCOMPARE(f.bid(QStringLiteral("early"), QStringLiteral("bid 1")).kind,
             BidOutcome::Kind::Rejected);

    f.at(kDay1Open);
    QCOMPARE(f.engine->marathonState(), MarathonState::Running);
    QCOMPARE(f.engine->auctions()[0].state, DayState::Active);
    QCOMPARE(f.bid(QStringLiteral("alice"), QStringLiteral("bid 1")).kind,
             BidOutcome::Kind::Accepted);
    f.at(kDay1Close);
    QCOMPARE(f.engine->auctions()[0].state, DayState::Processing);
    f.at(kDay1Close + 20 * kSecond);
    QCOMPARE(f.engine->auctions()[0].winnerBidId, f.engine->leaderBid(0)->id);
    QCOMPARE(f.engine->auctions()[0].state, DayState::Processing); // until settlement
    QVERIFY(f.engine->markSettled(0, QStringLiteral("paid"), QStringLiteral("op")).ok);
    QCOMPARE(f.engine->auctions()[0].state, DayState::Completed);
    QCOMPARE(f.engine->auctions()[1].state, DayState::Pending);

    const QStringList expected = {
        QStringLiteral("day.scheduled"),    QStringLiteral("bid.rejected"),
        QStringLiteral("marathon.started"), QStringLiteral("day.opened"),
        QStringLiteral("bid.accepted"),     QStringLiteral("auction.leader"),
        QStringLiteral("day.closing"),      QStringLiteral("auction.winner"),
        QStringLiteral("day.scheduled"),    QStringLiteral("operator.action"),
        QStringLiteral("day.completed"),
    };
    QCOMPARE(f.eventTypes(), expected);
    const AuctionEvent winner = f.eventsOfType(EventType::AuctionWinner).constFirst();
    QCOMPARE(winner.day, 1);
    QCOMPARE(winner.payload.value(QStringLiteral("bidder")).toString(), QStringLiteral("alice"));
    QCOMPARE(winner.payload.value(QStringLiteral("amount_gwei")).toInteger(), eth("1").gwei());
    QCOMPARE(f.eventsOfType(EventType::DayScheduled).last().day, 2);
}

void TestAuctionEngine::winnerWaitsForTheGrace()
{
    EngineFixture f;
    f.at(kDay1Open);
    f.bid(QStringLiteral("alice"), QStringLiteral("bid 1"));
    f.at(kDay1Close + 19 * kSecond);
    QVERIFY(f.eventsOfType(EventType::AuctionWinner).isEmpty());
    // A post from before the end, delivered now, still counts.
    QCOMPARE(f.bid(QStringLiteral("bob"), QStringLiteral("bid 2"), kDay1Close - 10 * kMinute).kind,
             BidOutcome::Kind::Accepted);
    f.at(kDay1Close + 20 * kSecond);
    QCOMPARE(f.eventsOfType(EventType::AuctionWinner).size(), 1);
    QCOMPARE(f.eventsOfType(EventType::AuctionWinner)
                 .constFirst()
                 .payload.value(QStringLiteral("bidder"))
                 .toString(),
             QStringLiteral("bob"));
}

void TestAuctionEngine::winnerWaitsForSlowBidSources()
{
    // Search reads X late: until it has seen every post up to the end, no winner. A source that
    // never catches up is waited for 2 minutes after the grace, and the journal names it.
    EngineFixture f;
    f.engine->requireSource(QStringLiteral("x-search"));
    f.engine->requireSource(QStringLiteral("x-mentions"));
    f.at(kDay1Open + kMinute);
    f.bid(QStringLiteral("alice"), QStringLiteral("bid 1"));
    f.engine->setWatermark(QStringLiteral("x-mentions"), kDay1Close + kSecond);
    f.engine->setWatermark(QStringLiteral("x-search"), kDay1Close - kSecond);
    f.at(kDay1Close + 30 * kSecond);
    QVERIFY(f.eventsOfType(EventType::AuctionWinner).isEmpty());
    f.engine->setWatermark(QStringLiteral("x-search"), kDay1Close - 10 * kSecond); // never back
    f.engine->setWatermark(QStringLiteral("x-search"), kDay1Close);
    f.at(kDay1Close + 31 * kSecond);
    QCOMPARE(f.eventsOfType(EventType::AuctionWinner).size(), 1);
    QVERIFY(!f.eventsOfType(EventType::AuctionWinner)
                 .constFirst()
                 .payload.contains(QStringLiteral("sources_behind")));

    // Day 2: search stops answering; the winner comes at close + grace + 2 min, said so.
    const std::int64_t day2Close = kDay1Close + kDay;
    f.at(kDay1Open + kDay + kMinute);
    f.bid(QStringLiteral("bob"), QStringLiteral("bid 1"));
    f.engine->setWatermark(QStringLiteral("x-mentions"), day2Close);
    f.at(day2Close + 20 * kSecond + 2 * kMinute - kSecond);
    QCOMPARE(f.eventsOfType(EventType::AuctionWinner).size(), 1);
    f.at(day2Close + 20 * kSecond + 2 * kMinute);
    QCOMPARE(f.eventsOfType(EventType::AuctionWinner).size(), 2);
    QCOMPARE(f.eventsOfType(EventType::AuctionWinner)
                 .constLast()
                 .payload.value(QStringLiteral("sources_behind"))
                 .toArray(),
             QJsonArray{QStringLiteral("x-search")});
    // A source let go of (turned off, or its access lacks it) is not waited for.
    f.engine->releaseSource(QStringLiteral("x-search"));
    f.at(kDay1Open + 2 * kDay + kMinute);
    f.bid(QStringLiteral("carol"), QStringLiteral("bid 1"));
    f.engine->setWatermark(QStringLiteral("x-mentions"), kDay1Close + 2 * kDay);
    f.at(kDay1Close + 2 * kDay + 20 * kSecond);
    QCOMPARE(f.eventsOfType(EventType::AuctionWinner).size(), 3);
}

void TestAuctionEngine::dayWithoutBidsCompletesWithoutWinner()
{
    EngineFixture f;
    f.at(kDay1Close + kMinute);
    QCOMPARE(f.engine->auctions()[0].state, DayState::Completed);
    QVERIFY(!f.engine->auctions()[0].winnerBidId);
    const AuctionEvent completed = f.eventsOfType(EventType::DayCompleted).constFirst();
    QVERIFY(completed.payload.value(QStringLiteral("winner")).isNull());
}

void TestAuctionEngine::lateArrivalInGraceReopensTheWindow()
{
    EngineFixture f;
    f.at(kDay1Open);
    f.bid(QStringLiteral("alice"), QStringLiteral("bid 1"));
    f.at(kDay1Close + 5 * kSecond);
    QCOMPARE(f.engine->auctions()[0].state, DayState::Processing);
    // Posted 1 s before the end: on time it would have extended the auction, so it does now.
    const BidOutcome late =
        f.bid(QStringLiteral("bob"), QStringLiteral("bid 1.5"), kDay1Close - kSecond);
    QCOMPARE(late.kind, BidOutcome::Kind::Accepted);
    QCOMPARE(late.endUtcMs, kDay1Close - kSecond + 5 * kMinute);
    QCOMPARE(f.engine->auctions()[0].state, DayState::Active);
    const AuctionEvent extended = f.eventsOfType(EventType::AuctionExtended).constLast();
    QVERIFY(extended.payload.value(QStringLiteral("reopened")).toBool());
    // No winner until the new end plus grace.
    f.at(kDay1Close + 4 * kMinute);
    QVERIFY(f.eventsOfType(EventType::AuctionWinner).isEmpty());
    f.at(late.endUtcMs + 20 * kSecond);
    QCOMPARE(f.leaderName(), QStringLiteral("bob"));
    QCOMPARE(f.eventsOfType(EventType::AuctionWinner).size(), 1);
}

void TestAuctionEngine::extensionsRespectTheCap()
{
    MarathonConfig config = simpleConfig();
    config.maxExtensionMs = 10 * kMinute;
    EngineFixture f(config);
    f.at(kDay1Open);
    Gwei amount = eth("1");
    std::int64_t t = kDay1Close - kMinute;
    // Snipers keep bidding a minute before whatever the end is.
    for (int i = 0; i < 30; ++i) {
        f.clock.setNow(t);
        const BidOutcome o = f.bid(QStringLiteral("b%1").arg(i % 2),
                                   QStringLiteral("bid %1").arg(amount.toDecimalString()));
        QCOMPARE(o.kind, BidOutcome::Kind::Accepted);
        QVERIFY(o.endUtcMs <= kDay1Close + 10 * kMinute);
        amount = *amount.checkedAdd(eth("0.1"));
        t = std::min(o.endUtcMs - kMinute + kSecond, o.endUtcMs - kSecond);
        if (o.endUtcMs == kDay1Close + 10 * kMinute)
            break;
    }
    QCOMPARE(f.engine->auctions()[0].endUtcMs, kDay1Close + 10 * kMinute);
}

void TestAuctionEngine::journalIsGapFreeAndMatchesWhatWasPublished()
{
    EngineFixture f;
    f.at(kDay1Open);
    for (int i = 0; i < 20; ++i)
        f.bid(QStringLiteral("b%1").arg(i), QStringLiteral("bid %1").arg(1 + i * 0.5));
    QVERIFY(f.engine->pause(0, QStringLiteral("op")).ok);
    QVERIFY(f.engine->resume(0, QStringLiteral("op")).ok);
    f.at(kDay1Close + kHour);
    const QList<AuctionEvent> journal = f.store->events(0, 100000).value();
    QCOMPARE(journal.size(), f.events.size());
    for (int i = 0; i < journal.size(); ++i) {
        QCOMPARE(journal[i].seq, i + 1);
        QCOMPARE(journal[i].type, f.events[i].type);
        QCOMPARE(journal[i].payload, f.events[i].payload);
    }
}

void TestAuctionEngine::eventsArePublishedOnlyAfterCommit()
{
    EngineFixture f;
    f.at(kDay1Open);
    // A subscriber that reads the database through its own connection sees what it was told.
    AuctionStore reader;
    QString error;
    QVERIFY2(reader.openReadOnly(f.dbPath, &error), qPrintable(error));
    int checked = 0;
    QObject::connect(f.engine.get(), &AuctionEngine::eventsCommitted,
                     [&](const QList<AuctionEvent>& events) {
                         QCOMPARE(reader.lastSeq().value(), events.last().seq);
                         ++checked;
                     });
    f.bid(QStringLiteral("alice"), QStringLiteral("bid 1"));
    QCOMPARE(checked, 1);
}

void TestAuctionEngine::restartKeepsTheLeader()
{
    EngineFixture f;
    f.at(kDay1Open);
    f.bid(QStringLiteral("alice"), QStringLiteral("bid 1"));
    f.bid(QStringLiteral("bob"), QStringLiteral("bid 2"));
    const std::int64_t seq = f.engine->lastSeq();
    const ActionResult reopened = f.reopen();
    QVERIFY2(reopened.ok, qPrintable(reopened.error));
    QCOMPARE(f.engine->lastSeq(), seq);
    QCOMPARE(f.leaderName(), QStringLiteral("bob"));
    QCOMPARE(f.bid(QStringLiteral("carol"), QStringLiteral("bid 2.05")).kind,
             BidOutcome::Kind::Rejected);
    QCOMPARE(f.bid(QStringLiteral("carol"), QStringLiteral("bid 2.1")).kind,
             BidOutcome::Kind::Accepted);
    QCOMPARE(f.engine->lastSeq(), f.store->lastSeq().value());
}

void TestAuctionEngine::restartCatchesUpWindowsThatPassed()
{
    EngineFixture f;
    f.at(kDay1Open + 10 * kMinute);
    f.bid(QStringLiteral("alice"), QStringLiteral("bid 1"));
    f.bid(QStringLiteral("bob"), QStringLiteral("bid 1.5"));
    f.closeEngine(); // the app dies mid-window...
    f.events.clear();
    // ...and comes back the next day after day 2's window passed too.
    f.clock.setNow(kDay1Close + kDay + 2 * kHour);
    f.open();
    const ActionResult loaded = f.engine->load();
    QVERIFY2(loaded.ok, qPrintable(loaded.error));

    const QList<AuctionDay> auctions = f.engine->auctions();
    QCOMPARE(auctions[0].state, DayState::Processing); // winner declared, waiting for settlement
    QVERIFY(auctions[0].winnerBidId);
    QCOMPARE(f.store->bid(*auctions[0].winnerBidId).value()->bidderName, QStringLiteral("bob"));
    QCOMPARE(auctions[1].state, DayState::Completed); // ran empty while we were down
    QCOMPARE(auctions[2].state, DayState::Pending);

    const QStringList expected = {
        QStringLiteral("day.closing"),   QStringLiteral("auction.winner"),
        QStringLiteral("day.scheduled"), QStringLiteral("day.opened"),
        QStringLiteral("day.closing"),   QStringLiteral("day.completed"),
        QStringLiteral("day.scheduled"),
    };
    QCOMPARE(f.eventTypes(), expected);
    for (const AuctionEvent& e : f.events) {
        if (e.type != EventType::DayScheduled)
            QVERIFY2(e.payload.value(QStringLiteral("catch_up")).toBool(), qPrintable(e.type));
    }
    QCOMPARE(f.eventsOfType(EventType::DayScheduled).last().day, 3);
    // A post made during the missed window is closed, not silently judged.
    QCOMPARE(f.bid(QStringLiteral("carol"), QStringLiteral("bid 5"), kDay1Close + kDay - kMinute)
                 .rejection->code,
             RejectionCode::Closed);
}

void TestAuctionEngine::groupCommitJudgesInOrder()
{
    EngineFixture f;
    f.at(kDay1Open);
    QList<BidInput> batch;
    std::int64_t amountGwei = eth("1").gwei();
    for (int i = 0; i < 200; ++i) {
        BidInput b;
        b.source = QStringLiteral("test");
        b.sourceId = QString::number(i);
        b.bidderId = QStringLiteral("b%1").arg(i % 7);
        b.text = QStringLiteral("bid %1").arg(Gwei::fromGwei(amountGwei).toDecimalString());
        amountGwei += amountGwei * 6 / 100; // each one a valid raise over the one before
        batch << b;
    }
    batch.insert(100, batch[50]); // a repeat inside the batch
    const QList<BidOutcome> outcomes = f.engine->submitBids(batch);
    QCOMPARE(outcomes.size(), 201);
    for (int i = 0; i < outcomes.size(); ++i) {
        QCOMPARE(outcomes[i].kind,
                 i == 100 ? BidOutcome::Kind::Duplicate : BidOutcome::Kind::Accepted);
    }
    QCOMPARE(f.engine->leaderBid(0)->sourceId, QStringLiteral("199"));
    QCOMPARE(f.store->bidCount().value(), 200);
}

namespace {

// Runs one statement on the database through a connection of its own, as another program would.
bool execBeside(const QString& path, const QString& sql)
{
    const QString name = QStringLiteral("beside");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        ok = db.open() && QSqlQuery(db).exec(sql);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace

void TestAuctionEngine::aReadThatFailsDecidesNothing()
{
    EngineFixture f;
    f.at(kDay1Open);
    QCOMPARE(f.bid(QStringLiteral("alice"), QStringLiteral("bid 0.05")).kind,
             BidOutcome::Kind::Accepted);
    QCOMPARE(f.bid(QStringLiteral("bob"), QStringLiteral("bid 0.06")).kind,
             BidOutcome::Kind::Accepted);
    const std::int64_t bobId = f.engine->leaderBid(0)->id;
    const std::int64_t seqBefore = f.engine->lastSeq();

    // The bids become unreadable (what a damaged page does to a query, made deterministic).
    QVERIFY(execBeside(f.dbPath, QStringLiteral("ALTER TABLE bids RENAME TO bids_hidden")));

    // Invalidating the leader must choose a new one from the bids: it cannot, so it does nothing
    // and says why (before, an empty read cleared the leader).
    const ActionResult invalidated =
        f.engine->invalidateBid(bobId, QStringLiteral("test"), QStringLiteral("op"));
    QVERIFY(!invalidated.ok);
    QVERIFY2(invalidated.error.contains(QStringLiteral("bid")), qPrintable(invalidated.error));

    // Judging stops, with the reason; no winner is declared when the window closes.
    const BidOutcome late = f.bid(QStringLiteral("carol"), QStringLiteral("bid 1"));
    QCOMPARE(late.kind, BidOutcome::Kind::Failed);
    QVERIFY2(late.error.contains(QStringLiteral("could not be read")), qPrintable(late.error));
    f.clock.setNow(kDay1Close + 10 * kMinute);
    const ActionResult ticked = f.engine->tick();
    QVERIFY(!ticked.ok);
    QVERIFY2(ticked.error.contains(QStringLiteral("Judging stopped")), qPrintable(ticked.error));
    QVERIFY(f.eventsOfType(EventType::AuctionWinner).isEmpty());

    // Once the file reads again, the marathon resumes from what is durable: bob still leads.
    QVERIFY(execBeside(f.dbPath, QStringLiteral("ALTER TABLE bids_hidden RENAME TO bids")));
    f.closeEngine();
    f.open();
    const ActionResult loaded = f.engine->load();
    QVERIFY2(loaded.ok, qPrintable(loaded.error));
    QCOMPARE(f.leaderName(), QStringLiteral("bob"));
    // Nothing was journaled while the bids could not be read; the winner comes after, and right.
    const QList<AuctionEvent> journal = f.store->events(seqBefore, 100).value();
    QVERIFY(!journal.isEmpty());
    QCOMPARE(journal.constFirst().type, QString(EventType::DayClosing));
    const QList<AuctionEvent> winners = f.eventsOfType(EventType::AuctionWinner);
    QCOMPARE(winners.size(), 1);
    QCOMPARE(winners.constFirst().payload.value(QStringLiteral("bid_id")).toInteger(), bobId);
}

void TestAuctionEngine::fullDiskLosesNothingAcknowledged()
{
    EngineFixture f;
    f.at(kDay1Open);
    QStringList acknowledged;
    Gwei amount = eth("1");
    const auto next = [&](int i) {
        const BidOutcome o = f.bid(QStringLiteral("b%1").arg(i % 3),
                                   QStringLiteral("bid %1 and a long message to fill pages %2")
                                       .arg(amount.toDecimalString(), QString(200, u'x')),
                                   0, QStringLiteral("post-%1").arg(i));
        if (o.kind == BidOutcome::Kind::Accepted) {
            acknowledged << QStringLiteral("post-%1").arg(i);
            amount = *amount.checkedAdd(amount.percentCeil(6)); // always a valid raise
        }
        return o;
    };
    for (int i = 0; i < 10; ++i)
        QCOMPARE(next(i).kind, BidOutcome::Kind::Accepted);
    QString error;
    // Cap the file at its current size (SQLite never goes below it): the disk "fills up".
    QVERIFY(f.store->setMaxPageCount(1, &error));
    int failures = 0;
    for (int i = 10; i < 400 && failures == 0; ++i) {
        const BidOutcome o = next(i);
        if (o.kind == BidOutcome::Kind::Failed) {
            ++failures;
            QVERIFY2(o.error.contains(QLatin1String("full"), Qt::CaseInsensitive),
                     qPrintable(o.error));
        }
    }
    QCOMPARE(failures, 1);
    // The failed bid was never acknowledged and is not half-stored; everything else survives.
    QCOMPARE(f.store->bidCount().value(), acknowledged.size());
    QVERIFY(f.store->setMaxPageCount(1 << 30, &error));
    const BidOutcome afterSpaceFreed = next(1000);
    QVERIFY2(afterSpaceFreed.kind == BidOutcome::Kind::Accepted,
             qPrintable(afterSpaceFreed.rejection ? afterSpaceFreed.rejection->message
                                                  : afterSpaceFreed.error));
    QVERIFY(f.reopen().ok);
    for (const QString& id : std::as_const(acknowledged))
        QVERIFY2(f.store->bidBySource(QStringLiteral("test"), id).value(), qPrintable(id));
    QCOMPARE(f.leaderName(),
             f.store->bidBySource(QStringLiteral("test"), acknowledged.last()).value()->bidderName);
    QCOMPARE(f.store->lastSeq().value(), f.store->events(0, 1 << 20).value().size());
}

void TestAuctionEngine::lotsPerDayRunOneAfterAnother()
{
    MarathonConfig config = simpleConfig(1);
    config.lotsPerDay = 2;
    EngineFixture f(config);
    f.at(kDay1Open + 10 * kMinute);
    QCOMPARE(f.engine->auctions().size(), 2);
    QCOMPARE(f.engine->auctions()[1].startUtcMs, kDay1Open + 30 * kMinute);
    QCOMPARE(f.bid(QStringLiteral("alice"), QStringLiteral("bid 1")).kind,
             BidOutcome::Kind::Accepted);
    f.at(kDay1Open + 31 * kMinute);
    QCOMPARE(f.bid(QStringLiteral("bob"), QStringLiteral("bid 0.5")).kind,
             BidOutcome::Kind::Accepted);
    QCOMPARE(f.leaderName(0), QStringLiteral("alice"));
    QCOMPARE(f.leaderName(1), QStringLiteral("bob"));
    QCOMPARE(f.engine->auctions()[0].state, DayState::Processing);
}

void TestAuctionEngine::marathonFinishesAfterTheLastDay()
{
    EngineFixture f(simpleConfig(2));
    f.at(kDay1Open);
    f.bid(QStringLiteral("alice"), QStringLiteral("bid 1"));
    f.at(kDay1Close + kDay + kHour);
    QCOMPARE(f.engine->marathonState(), MarathonState::Running); // day 1 awaits settlement
    QVERIFY(f.engine->markSettled(0, {}, QStringLiteral("op")).ok);
    QCOMPARE(f.engine->marathonState(), MarathonState::Finished);
    QCOMPARE(f.eventTypes().last(), QStringLiteral("marathon.finished"));
    QVERIFY(f.reopen().ok);
    QCOMPARE(f.engine->marathonState(), MarathonState::Finished);
}

QTEST_GUILESS_MAIN(TestAuctionEngine)
#include "tst_auctionengine.moc"
