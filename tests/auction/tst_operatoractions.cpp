// Operator actions as the control room uses them: each one changes what bidders see, lands in the
// audit journal, and refuses clearly (changing nothing) when it does not apply.

#include "EngineFixture.h"

#include <QTest>

using namespace sb::auction;
using namespace sb::auction::test;

class TestOperatorActions : public QObject
{
    Q_OBJECT

private slots:
    void linkedWalletsCountForTheWalletRule();
    void pauseRejectsBidsAndResumeGivesTheTimeBack();
    void extendMovesTheEnd();
    void closeNowKeepsTheGrace();
    void cancelSchedulesTheNextDay();
    void invalidatingTheLeaderRecomputesIt();
    void invalidatingAnOutbidBidKeepsTheLeader();
    void invalidatingTheWinnerPromotesTheNextBid();
    void invalidatingTheOnlyBidLeavesNoWinner();
    void approveJudgesAtTheSourceTime();
    void approvedBidCanStillFailTheRules();
    void rejectInReview();
    void winnerWaitsForPendingReviews();
    void everyActionIsAudited();
    void refusedActionsChangeNothing_data();
    void refusedActionsChangeNothing();
    void actionsSurviveARestart();
};

void TestOperatorActions::pauseRejectsBidsAndResumeGivesTheTimeBack()
{
    EngineFixture f;
    f.at(kDay1Open + 10 * kMinute);
    QVERIFY(f.engine->pause(0, QStringLiteral("op")).ok);
    QCOMPARE(f.engine->auctions()[0].state, DayState::Paused);
    QCOMPARE(f.bid(QStringLiteral("alice"), QStringLiteral("bid 1")).rejection->code,
             RejectionCode::Paused);
    // A paused auction does not close on the clock.
    f.at(kDay1Close + kMinute);
    QCOMPARE(f.engine->auctions()[0].state, DayState::Paused);
    QVERIFY(f.engine->resume(0, QStringLiteral("op")).ok);
    // It stood still for 51 minutes; those minutes are given back.
    QCOMPARE(f.engine->auctions()[0].endUtcMs, kDay1Close + 51 * kMinute);
    QCOMPARE(f.bid(QStringLiteral("alice"), QStringLiteral("bid 1")).kind,
             BidOutcome::Kind::Accepted);
    QCOMPARE(f.eventsOfType(EventType::DayPaused).size(), 1);
    QCOMPARE(f.eventsOfType(EventType::DayResumed).size(), 1);
}

void TestOperatorActions::extendMovesTheEnd()
{
    EngineFixture f;
    f.at(kDay1Open);
    QVERIFY(f.engine->extend(0, 15 * kMinute, QStringLiteral("op")).ok);
    QCOMPARE(f.engine->auctions()[0].endUtcMs, kDay1Close + 15 * kMinute);
    f.at(kDay1Close + 5 * kMinute);
    QCOMPARE(f.engine->auctions()[0].state, DayState::Active);
    QCOMPARE(f.bid(QStringLiteral("alice"), QStringLiteral("bid 1")).kind,
             BidOutcome::Kind::Accepted);
    const AuctionEvent extended = f.eventsOfType(EventType::AuctionExtended).constFirst();
    QVERIFY(extended.payload.value(QStringLiteral("by_operator")).toBool());
}

void TestOperatorActions::closeNowKeepsTheGrace()
{
    EngineFixture f;
    f.at(kDay1Open + 10 * kMinute);
    f.bid(QStringLiteral("alice"), QStringLiteral("bid 1"));
    QVERIFY(f.engine->closeNow(0, QStringLiteral("op")).ok);
    QCOMPARE(f.engine->auctions()[0].state, DayState::Processing);
    QCOMPARE(f.engine->auctions()[0].endUtcMs, kDay1Open + 10 * kMinute);
    // Posted a second before the close, delivered 5 s after: judged.
    f.clock.setNow(kDay1Open + 10 * kMinute + 5 * kSecond);
    QCOMPARE(
        f.bid(QStringLiteral("bob"), QStringLiteral("bid 2"), kDay1Open + 10 * kMinute - kSecond)
            .kind,
        BidOutcome::Kind::Accepted);
}

void TestOperatorActions::cancelSchedulesTheNextDay()
{
    EngineFixture f;
    f.at(kDay1Open);
    f.bid(QStringLiteral("alice"), QStringLiteral("bid 1"));
    QVERIFY(!f.engine->cancel(0, QStringLiteral(" "), QStringLiteral("op")).ok); // needs a reason
    QVERIFY(f.engine->cancel(0, QStringLiteral("artwork withdrawn"), QStringLiteral("op")).ok);
    QCOMPARE(f.engine->auctions()[0].state, DayState::Cancelled);
    QCOMPARE(f.bid(QStringLiteral("bob"), QStringLiteral("bid 2")).rejection->code,
             RejectionCode::Closed);
    QCOMPARE(f.eventsOfType(EventType::DayScheduled).last().day, 2);
    f.at(kDay1Close + kHour);
    QVERIFY(f.eventsOfType(EventType::AuctionWinner).isEmpty());
}

void TestOperatorActions::invalidatingTheLeaderRecomputesIt()
{
    EngineFixture f;
    f.at(kDay1Open);
    f.bid(QStringLiteral("alice"), QStringLiteral("bid 1"));
    f.bid(QStringLiteral("bob"), QStringLiteral("bid 2"));
    f.clock.setNow(kDay1Close - kMinute);
    const BidOutcome carol = f.bid(QStringLiteral("carol"), QStringLiteral("bid 3"));
    const std::int64_t end = f.engine->auctions()[0].endUtcMs;
    QCOMPARE(end, kDay1Close + 4 * kMinute); // carol's bid extended it

    QVERIFY(!f.engine->invalidateBid(carol.bidId, QString(), QStringLiteral("op")).ok);
    QVERIFY(
        f.engine->invalidateBid(carol.bidId, QStringLiteral("wash trading"), QStringLiteral("op"))
            .ok);
    QCOMPARE(f.leaderName(), QStringLiteral("bob"));
    QCOMPARE(f.engine->minimumNextBid(0), eth("2.1"));
    QCOMPARE(f.engine->auctions()[0].endUtcMs, end); // the end time is not changed
    QCOMPARE(f.store->bid(carol.bidId).value()->status, BidStatus::Invalidated);
    QCOMPARE(f.store->bid(carol.bidId).value()->note, QStringLiteral("wash trading"));
    const AuctionEvent leader = f.eventsOfType(EventType::AuctionLeader).constLast();
    QCOMPARE(leader.payload.value(QStringLiteral("bidder")).toString(), QStringLiteral("bob"));
    QVERIFY(leader.payload.value(QStringLiteral("recomputed")).toBool());
}

void TestOperatorActions::invalidatingAnOutbidBidKeepsTheLeader()
{
    EngineFixture f;
    f.at(kDay1Open);
    const BidOutcome alice = f.bid(QStringLiteral("alice"), QStringLiteral("bid 1"));
    f.bid(QStringLiteral("bob"), QStringLiteral("bid 2"));
    const int leaderEvents = f.eventsOfType(EventType::AuctionLeader).size();
    QVERIFY(f.engine->invalidateBid(alice.bidId, QStringLiteral("duplicate account"), {}).ok);
    QCOMPARE(f.leaderName(), QStringLiteral("bob"));
    QCOMPARE(f.eventsOfType(EventType::AuctionLeader).size(), leaderEvents);
}

void TestOperatorActions::invalidatingTheWinnerPromotesTheNextBid()
{
    EngineFixture f;
    f.at(kDay1Open);
    f.bid(QStringLiteral("alice"), QStringLiteral("bid 1"));
    const BidOutcome bob = f.bid(QStringLiteral("bob"), QStringLiteral("bid 2"));
    f.at(kDay1Close + kMinute);
    QCOMPARE(f.engine->auctions()[0].winnerBidId, bob.bidId);
    QVERIFY(
        f.engine->invalidateBid(bob.bidId, QStringLiteral("never paid"), QStringLiteral("op")).ok);
    const AuctionEvent winner = f.eventsOfType(EventType::AuctionWinner).constLast();
    QCOMPARE(winner.payload.value(QStringLiteral("bidder")).toString(), QStringLiteral("alice"));
    QCOMPARE(winner.payload.value(QStringLiteral("replaces_bid_id")).toInteger(), bob.bidId);
    QCOMPARE(f.store->bid(*f.engine->auctions()[0].winnerBidId).value()->bidderName,
             QStringLiteral("alice"));
}

void TestOperatorActions::invalidatingTheOnlyBidLeavesNoWinner()
{
    EngineFixture f;
    f.at(kDay1Open);
    const BidOutcome alice = f.bid(QStringLiteral("alice"), QStringLiteral("bid 1"));
    f.at(kDay1Close + kMinute);
    QVERIFY(f.engine->invalidateBid(alice.bidId, QStringLiteral("stolen account"), {}).ok);
    QCOMPARE(f.engine->auctions()[0].state, DayState::Completed);
    QVERIFY(!f.engine->auctions()[0].winnerBidId);
    QCOMPARE(f.eventTypes().last(), QStringLiteral("day.completed"));
}

void TestOperatorActions::approveJudgesAtTheSourceTime()
{
    EngineFixture f;
    f.at(kDay1Open);
    f.bid(QStringLiteral("alice"), QStringLiteral("bid 0.1"));
    f.clock.setNow(kDay1Close - 2 * kMinute);
    const BidOutcome whale = f.bid(QStringLiteral("whale"), QStringLiteral("bid 50"));
    QCOMPARE(whale.kind, BidOutcome::Kind::PendingReview);
    QCOMPARE(f.leaderName(), QStringLiteral("alice"));
    QCOMPARE(f.eventsOfType(EventType::BidReview).size(), 1);
    // The operator approves after the end: judged as posted, and the buffer applies from then.
    f.at(kDay1Close + 30 * kSecond);
    QVERIFY(f.engine->approveBid(whale.bidId, QStringLiteral("op")).ok);
    QCOMPARE(f.leaderName(), QStringLiteral("whale"));
    QCOMPARE(f.engine->auctions()[0].endUtcMs, kDay1Close + 3 * kMinute);
    QCOMPARE(f.engine->auctions()[0].state, DayState::Active);
}

void TestOperatorActions::approvedBidCanStillFailTheRules()
{
    EngineFixture f;
    f.at(kDay1Open);
    f.bid(QStringLiteral("alice"), QStringLiteral("bid 0.1"));
    const BidOutcome big = f.bid(QStringLiteral("bob"), QStringLiteral("bid 5"));
    QCOMPARE(big.kind, BidOutcome::Kind::PendingReview);
    f.bid(QStringLiteral("carol"), QStringLiteral("bid 1")); // 10 × 0.1: judged at once
    f.bid(QStringLiteral("dave"), QStringLiteral("bid 6"));  // 6 × 1: judged at once
    QVERIFY(f.engine->approveBid(big.bidId, QStringLiteral("op")).ok);
    const auto stored = f.store->bid(big.bidId).value();
    QCOMPARE(stored->status, BidStatus::Rejected);
    QCOMPARE(stored->rejection->code, RejectionCode::BelowIncrement); // 5 no longer beats 6
    QCOMPARE(f.leaderName(), QStringLiteral("dave"));
}

void TestOperatorActions::rejectInReview()
{
    EngineFixture f;
    f.at(kDay1Open);
    f.bid(QStringLiteral("alice"), QStringLiteral("bid 0.1"));
    const BidOutcome big = f.bid(QStringLiteral("bob"), QStringLiteral("bid 5"));
    QVERIFY(!f.engine->rejectBid(big.bidId, QString(), QStringLiteral("op")).ok);
    QVERIFY(f.engine
                ->rejectBid(big.bidId, QStringLiteral("typo, confirmed with bidder"),
                            QStringLiteral("op"))
                .ok);
    const auto stored = f.store->bid(big.bidId).value();
    QCOMPARE(stored->status, BidStatus::Rejected);
    QCOMPARE(rejectionCodeName(stored->rejection->code), QStringLiteral("rejected_by_operator"));
    QVERIFY(!f.engine->approveBid(big.bidId, QStringLiteral("op")).ok);
}

void TestOperatorActions::winnerWaitsForPendingReviews()
{
    EngineFixture f;
    f.at(kDay1Open);
    f.bid(QStringLiteral("alice"), QStringLiteral("bid 0.1"));
    const BidOutcome big = f.bid(QStringLiteral("bob"), QStringLiteral("bid 5"));
    f.at(kDay1Close + kHour);
    QVERIFY(f.eventsOfType(EventType::AuctionWinner).isEmpty());
    QVERIFY(f.reopen().ok); // the hold survives a restart
    f.at(kDay1Close + 2 * kHour);
    QVERIFY(f.eventsOfType(EventType::AuctionWinner).isEmpty());
    QVERIFY(f.engine->approveBid(big.bidId, QStringLiteral("op")).ok);
    QCOMPARE(f.eventsOfType(EventType::AuctionWinner).size(), 1);
    QCOMPARE(f.store->bid(*f.engine->auctions()[0].winnerBidId).value()->bidderName,
             QStringLiteral("bob"));
}

void TestOperatorActions::everyActionIsAudited()
{
    EngineFixture f;
    f.at(kDay1Open);
    const BidOutcome a = f.bid(QStringLiteral("alice"), QStringLiteral("bid 1"));
    f.bid(QStringLiteral("bob"), QStringLiteral("bid 2"));
    // Two bids far above the leader wait for review: one is approved, one rejected.
    const BidOutcome approved = f.bid(QStringLiteral("carol"), QStringLiteral("bid 50"));
    QCOMPARE(approved.kind, BidOutcome::Kind::PendingReview);
    QVERIFY(f.engine->approveBid(approved.bidId, QStringLiteral("maria")).ok);
    const BidOutcome rejected = f.bid(QStringLiteral("dave"), QStringLiteral("bid 5000"));
    QCOMPARE(rejected.kind, BidOutcome::Kind::PendingReview);
    QVERIFY(
        f.engine->rejectBid(rejected.bidId, QStringLiteral("typo"), QStringLiteral("maria")).ok);
    QVERIFY(f.engine->pause(0, QStringLiteral("maria")).ok);
    QVERIFY(f.engine->resume(0, QStringLiteral("maria")).ok);
    QVERIFY(f.engine->extend(0, kMinute, QStringLiteral("maria")).ok);
    QVERIFY(f.engine->invalidateBid(a.bidId, QStringLiteral("test"), QStringLiteral("maria")).ok);
    QVERIFY(f.engine->closeNow(0, QStringLiteral("maria")).ok);
    f.at(kDay1Close + 2 * kHour);
    QVERIFY(f.engine->markSettled(0, QStringLiteral("tx 0xabc"), QStringLiteral("maria")).ok);
    QVERIFY(f.engine->cancel(1, QStringLiteral("holiday"), QStringLiteral("maria")).ok);
    QStringList actions;
    QList<AuctionEvent> invalidated;
    QList<AuctionEvent> cancelled;
    for (const AuctionEvent& e : f.store->events(0, 1000).value()) {
        if (e.type == EventType::OperatorAction) {
            QCOMPARE(e.payload.value(QStringLiteral("actor")).toString(), QStringLiteral("maria"));
            actions << e.payload.value(QStringLiteral("action")).toString();
        } else if (e.type == EventType::BidInvalidated) {
            invalidated << e;
        } else if (e.type == EventType::DayCancelled) {
            cancelled << e;
        }
    }
    QCOMPARE(actions, (QStringList{QStringLiteral("approve_bid"), QStringLiteral("reject_bid"),
                                   QStringLiteral("pause"), QStringLiteral("resume"),
                                   QStringLiteral("extend"), QStringLiteral("invalidate_bid"),
                                   QStringLiteral("close_now"), QStringLiteral("mark_settled"),
                                   QStringLiteral("cancel")}));

    // The audited actions name what they acted on.
    const auto actionPayload = [&](const QString& action) {
        for (const AuctionEvent& e : f.store->events(0, 1000).value()) {
            if (e.type == EventType::OperatorAction &&
                e.payload.value(QStringLiteral("action")).toString() == action)
                return e.payload;
        }
        return QJsonObject();
    };
    QCOMPARE(
        actionPayload(QStringLiteral("approve_bid")).value(QStringLiteral("bid_id")).toInteger(),
        approved.bidId);
    const QJsonObject reject = actionPayload(QStringLiteral("reject_bid"));
    QCOMPARE(reject.value(QStringLiteral("bid_id")).toInteger(), rejected.bidId);
    QCOMPARE(reject.value(QStringLiteral("reason")).toString(), QStringLiteral("typo"));

    // The invalidated bid as bidders knew it, with the operator's reason.
    QCOMPARE(invalidated.size(), 1);
    const QJsonObject bid = invalidated.first().payload;
    QCOMPARE(invalidated.first().day, 1);
    QCOMPARE(bid.value(QStringLiteral("bid_id")).toInteger(), a.bidId);
    QCOMPARE(bid.value(QStringLiteral("bidder")).toString(), QStringLiteral("alice"));
    QCOMPARE(bid.value(QStringLiteral("amount_gwei")).toInteger(), 1'000'000'000);
    QCOMPARE(bid.value(QStringLiteral("amount")).toString(), QStringLiteral("1 ETH"));
    QCOMPARE(bid.value(QStringLiteral("status")).toString(), QStringLiteral("invalidated"));
    QCOMPARE(bid.value(QStringLiteral("reason")).toString(), QStringLiteral("test"));

    // The cancelled day, its state and the reason.
    QCOMPARE(cancelled.size(), 1);
    const QJsonObject day = cancelled.first().payload;
    QCOMPARE(cancelled.first().day, 2);
    QCOMPARE(day.value(QStringLiteral("auction")).toInt(), 1);
    QCOMPARE(day.value(QStringLiteral("state")).toString(), QStringLiteral("CANCELLED"));
    QCOMPARE(day.value(QStringLiteral("reason")).toString(), QStringLiteral("holiday"));
}

void TestOperatorActions::refusedActionsChangeNothing_data()
{
    QTest::addColumn<QString>("action");
    QTest::newRow("pause before opening") << QStringLiteral("pause");
    QTest::newRow("resume when not paused") << QStringLiteral("resume");
    QTest::newRow("extend by zero") << QStringLiteral("extend0");
    QTest::newRow("extend a pending day") << QStringLiteral("extendPending");
    QTest::newRow("close a pending day") << QStringLiteral("close");
    QTest::newRow("settle without a winner") << QStringLiteral("settle");
    QTest::newRow("invalidate an unknown bid") << QStringLiteral("invalidate");
    QTest::newRow("approve an unknown bid") << QStringLiteral("approve");
    QTest::newRow("unknown auction") << QStringLiteral("unknownAuction");
}

void TestOperatorActions::refusedActionsChangeNothing()
{
    QFETCH(QString, action);
    EngineFixture f;
    const std::int64_t seq = f.engine->lastSeq();
    ActionResult r;
    const QString op = QStringLiteral("op");
    if (action == QLatin1String("pause"))
        r = f.engine->pause(0, op);
    else if (action == QLatin1String("resume"))
        r = f.engine->resume(0, op);
    else if (action == QLatin1String("extend0"))
        r = f.engine->extend(0, 0, op);
    else if (action == QLatin1String("extendPending"))
        r = f.engine->extend(1, kMinute, op);
    else if (action == QLatin1String("close"))
        r = f.engine->closeNow(0, op);
    else if (action == QLatin1String("settle"))
        r = f.engine->markSettled(0, {}, op);
    else if (action == QLatin1String("invalidate"))
        r = f.engine->invalidateBid(999, QStringLiteral("x"), op);
    else if (action == QLatin1String("approve"))
        r = f.engine->approveBid(999, op);
    else
        r = f.engine->pause(42, op);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.endsWith(u'.'), qPrintable(r.error)); // a sentence the operator can read
    QCOMPARE(f.engine->lastSeq(), seq);
    QCOMPARE(f.store->lastSeq().value(), seq);
}

void TestOperatorActions::actionsSurviveARestart()
{
    EngineFixture f;
    f.at(kDay1Open + 10 * kMinute);
    QVERIFY(f.engine->pause(0, QStringLiteral("op")).ok);
    QVERIFY(f.reopen().ok);
    QCOMPARE(f.engine->auctions()[0].state, DayState::Paused);
    f.at(kDay1Open + 20 * kMinute);
    QVERIFY(f.engine->resume(0, QStringLiteral("op")).ok);
    QCOMPARE(f.engine->auctions()[0].endUtcMs, kDay1Close + 10 * kMinute);
}

void TestOperatorActions::linkedWalletsCountForTheWalletRule()
{
    MarathonConfig config = simpleConfig();
    config.requireLinkedWallet = true;
    EngineFixture f(config);
    f.at(kDay1Open + kMinute);
    QCOMPARE(f.bid(QStringLiteral("alice"), QStringLiteral("bid 1")).rejection->code,
             RejectionCode::NoLinkedWallet);
    const WalletLink link{QStringLiteral("alice"),
                          QStringLiteral("@alice"),
                          QStringLiteral("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"),
                          QStringLiteral("x"),
                          QStringLiteral("p-wallet"),
                          0};
    QVERIFY(f.engine->linkWallet(link).ok);
    QCOMPARE(f.bid(QStringLiteral("alice"), QStringLiteral("bid 1")).kind,
             BidOutcome::Kind::Accepted);
    QCOMPARE(f.bid(QStringLiteral("bob"), QStringLiteral("bid 2")).rejection->code,
             RejectionCode::NoLinkedWallet);
    QCOMPARE(f.eventsOfType(EventType::WalletLinked).size(), 1);
    QCOMPARE(f.eventsOfType(EventType::WalletLinked)
                 .constFirst()
                 .payload.value(QStringLiteral("address"))
                 .toString(),
             link.address);
    // The same post read again changes nothing; a later post replaces the address.
    QVERIFY(f.engine->linkWallet(link).ok);
    QCOMPARE(f.eventsOfType(EventType::WalletLinked).size(), 1);
    WalletLink newer = link;
    newer.address = QStringLiteral("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");
    newer.sourceId = QStringLiteral("p-wallet-2");
    QVERIFY(f.engine->linkWallet(newer).ok);
    QCOMPARE(f.engine->walletOf(QStringLiteral("alice"))->address, newer.address);
    // Kept with the marathon: after a restart the link still counts.
    QVERIFY(f.reopen().ok);
    QCOMPARE(f.engine->walletOf(QStringLiteral("alice"))->address, newer.address);
    QCOMPARE(f.engine->walletOf(QStringLiteral("alice"))->linkedUtcMs, kDay1Open + kMinute);
    QCOMPARE(f.bid(QStringLiteral("alice"), QStringLiteral("bid 2")).kind,
             BidOutcome::Kind::Accepted);
}

QTEST_GUILESS_MAIN(TestOperatorActions)
#include "tst_operatoractions.moc"
