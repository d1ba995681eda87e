// Settlement on Shape, the engine's state machine (Settlement.h): the winner with a wallet is
// reserved, without one is asked for it; every transaction is stored once per step (a fee bump
// excepted); the chain's reports move the stage only when they fit it; an unclaimed deadline
// passes the lot to the runner-up at their own amount; nobody left cancels or completes unsold;
// a claim (even an earlier buyer's) pays, the mint completes the day; and all of it survives a
// restart. Failures, overrides and posts: tst_settlementoperator.

#include "SettlementFixture.h"

#include <QTest>

using namespace sb::auction;
using namespace Qt::StringLiterals;

namespace sb::auction::test {

class TestSettlement : public QObject, public SettlementDays
{
    Q_OBJECT

private slots:
    void disabledOptionsKeepTheOldBehaviour();
    void winnerWithWalletIsToReserve();
    void winnerWithoutWalletWaitsForOne();
    void oneTransactionPerStepExceptAFeeBump();
    void inclusionReservesAndAReorgGoesBack();
    void replacedOneMinedAfterAllReserves();
    void deadlinePassesTheLotToTheRunnerUp();
    void nobodyLeftCancelsOnChainThenUnsold();
    void nothingOnChainIsUnsoldAtOnce();
    void claimPaysAndMintCompletesTheMarathon();
    void earlierBuyersClaimWinsAfterTheMove();
    void claimThatLeavesTheChainGoesBack();
    void everythingSurvivesARestart();
    void lotWithoutTokenUriFailsAtOnce();
    void invalidatingTheBuyersBidPassesTheTurn();
};

void TestSettlement::disabledOptionsKeepTheOldBehaviour()
{
    EngineFixture fx(oneDay());
    fx.at(kDay1Open + 10 * kMinute);
    fx.bid(u"alice"_s, u"0.5 ETH"_s);
    fx.at(kWinnerAt);
    QCOMPARE(fx.engine->auctions()[0].state, DayState::Processing);
    QVERIFY(fx.engine->settlements().value().isEmpty());
    QVERIFY(fx.store->settlements().value().isEmpty());
    fx.at(kWinnerAt + 2 * kDay); // no deadline of any kind
    QCOMPARE(fx.engine->auctions()[0].state, DayState::Processing);
    OK(fx.engine->markSettled(0, u"paid by bank transfer"_s, u"op"_s));
    QCOMPARE(fx.engine->auctions()[0].state, DayState::Completed);
    QVERIFY(fx.engine->settlements().value().isEmpty());
}

void TestSettlement::winnerWithWalletIsToReserve()
{
    auto fx = wonDay({walletOf(u"alice"_s, kAliceWallet)});
    const Settlement s = row(*fx);
    QCOMPARE(s.stage, SettlementStage::ToReserve);
    QCOMPARE(s.turn, 0);
    QCOMPARE(s.bidderId, u"alice"_s);
    QCOMPARE(s.price, eth("0.5"));
    QCOMPARE(s.buyerAddress, kAliceWallet);
    QCOMPARE(s.deadlineUtcMs, kWinnerAt + kDay);
    QCOMPARE(s.tokenUri, u"ipfs://bafybeigdyrzt/1.json"_s);
    QCOMPARE(s.triedBidders, QList<QString>{u"alice"_s});
    QVERIFY(!s.reservedOnChain);
    // Written in the winner's transaction.
    QCOMPARE(fx->store->settlement(0).value()->stage, SettlementStage::ToReserve);
    QCOMPARE(fx->engine->auctions()[0].state, DayState::Processing);
}

void TestSettlement::winnerWithoutWalletWaitsForOne()
{
    auto fx = wonDay({});
    QCOMPARE(row(*fx).stage, SettlementStage::AwaitingWallet);
    QVERIFY(row(*fx).buyerAddress.isEmpty());
    // Only the buyer's link counts.
    OK(fx->engine->linkWallet(walletOf(u"bob"_s, kBobWallet)));
    QCOMPARE(row(*fx).stage, SettlementStage::AwaitingWallet);
    const auto seq = fx->engine->lastSeq();
    OK(fx->engine->linkWallet(walletOf(u"alice"_s, kAliceWallet)));
    QCOMPARE(row(*fx).stage, SettlementStage::ToReserve);
    QCOMPARE(row(*fx).buyerAddress, kAliceWallet);
    QCOMPARE(fx->engine->lastSeq(), seq + 1); // one commit: wallet.linked
    QCOMPARE(fx->store->settlement(0).value()->buyerAddress, kAliceWallet);
}

void TestSettlement::oneTransactionPerStepExceptAFeeBump()
{
    auto fx = wonDay({walletOf(u"alice"_s, kAliceWallet)});
    ChainTransaction wrongStep = signedTx(QString(SettlementStep::Reassign), 0, 0, 'z');
    QVERIFY(!fx->engine->storeSettlementTransaction(wrongStep).ok);
    ChainTransaction wrongChain = signedTx(QString(SettlementStep::Reserve), 0, 0, 'y');
    wrongChain.chainId = 360;
    QVERIFY(!fx->engine->storeSettlementTransaction(wrongChain).ok);
    ChainTransaction wrongContract = signedTx(QString(SettlementStep::Reserve), 0, 0, 'x');
    wrongContract.toAddress = kBobWallet;
    QVERIFY(!fx->engine->storeSettlementTransaction(wrongContract).ok);

    ChainTransaction tx = signedTx(QString(SettlementStep::Reserve), 0, 0, 'a');
    tx.state = ChainTxState::Included; // the engine stores what was signed, as Signed
    OK(fx->engine->storeSettlementTransaction(tx));
    QVERIFY(tx.id > 0);
    QCOMPARE(tx.state, ChainTxState::Signed);
    QCOMPARE(row(*fx).stage, SettlementStage::Reserving);

    // The same one again (a driver that restarted) is the stored one; a different one is not.
    ChainTransaction again = signedTx(QString(SettlementStep::Reserve), 0, 0, 'a');
    OK(fx->engine->storeSettlementTransaction(again));
    QCOMPARE(again.id, tx.id);
    ChainTransaction second = signedTx(QString(SettlementStep::Reserve), 0, 1, 'b');
    const ActionResult refused = fx->engine->storeSettlementTransaction(second);
    QVERIFY(!refused.ok);
    QVERIFY2(refused.error.contains(u"already has a transaction"_s), qPrintable(refused.error));

    // A fee bump names the one it replaces, with the same nonce.
    ChainTransaction badBump = signedTx(QString(SettlementStep::Reserve), 0, 5, 'c');
    badBump.replaces = tx.id;
    QVERIFY(!fx->engine->storeSettlementTransaction(badBump).ok);
    ChainTransaction bump = signedTx(QString(SettlementStep::Reserve), 0, 0, 'd');
    bump.replaces = tx.id;
    OK(fx->engine->storeSettlementTransaction(bump));
    const QList<ChainTransaction> txs = fx->engine->settlementTransactions(0).value();
    QCOMPARE(txs.size(), 2);
    QCOMPARE(txs[0].state, ChainTxState::Replaced);
    QCOMPARE(txs[0].replacedBy, std::optional<std::int64_t>(bump.id));
    QCOMPARE(txs[1].replaces, std::optional<std::int64_t>(tx.id));
    QCOMPARE(fx->store->chainTransactions(0).value().size(), 2);
    QCOMPARE(fx->engine->unfinishedTransactions().value().size(), 1);
    QCOMPARE(fx->engine->unfinishedTransactions().value()[0].id, bump.id);
    QCOMPARE(row(*fx).stage, SettlementStage::Reserving);
}

void TestSettlement::inclusionReservesAndAReorgGoesBack()
{
    auto fx = wonDay({walletOf(u"alice"_s, kAliceWallet)});
    ChainTransaction tx = signedTx(QString(SettlementStep::Reserve), 0, 0, 'a');
    OK(fx->engine->storeSettlementTransaction(tx));
    ChainTransaction bump = signedTx(QString(SettlementStep::Reserve), 0, 0, 'b');
    bump.replaces = tx.id;
    OK(fx->engine->storeSettlementTransaction(bump));
    OK(fx->engine->updateSettlementTransaction(report(bump, ChainTxState::Sent)));
    QCOMPARE(row(*fx).stage, SettlementStage::Reserving);
    // The replaced one is dropped once the bump is mined: that moves nothing.
    OK(fx->engine->updateSettlementTransaction(report(tx, ChainTxState::Dropped)));
    QCOMPARE(row(*fx).stage, SettlementStage::Reserving);
    QCOMPARE(fx->engine->settlementTransactions(0).value()[0].state, ChainTxState::Replaced);

    fx->events.clear();
    OK(fx->engine->updateSettlementTransaction(report(bump, ChainTxState::Included, 12)));
    Settlement s = row(*fx);
    QCOMPARE(s.stage, SettlementStage::Reserved);
    QVERIFY(s.reservedOnChain);
    const auto reserved = fx->eventsOfType(EventType::SettlementReserved);
    QCOMPARE(reserved.size(), 1);
    QCOMPARE(reserved[0].payload.value(u"turn"_s).toInt(), 0);
    QCOMPARE(reserved[0].payload.value(u"wallet"_s).toString(), kAliceWallet);
    QCOMPARE(reserved[0].payload.value(u"price_gwei"_s).toInteger(), eth("0.5").gwei());

    // Safe, then a reorg puts it back to Sent: reserving again, then reserved again.
    OK(fx->engine->updateSettlementTransaction(report(bump, ChainTxState::Safe, 12)));
    QCOMPARE(row(*fx).stage, SettlementStage::Reserved);
    OK(fx->engine->updateSettlementTransaction(report(bump, ChainTxState::Sent)));
    QCOMPARE(row(*fx).stage, SettlementStage::Reserving);
    QVERIFY(!row(*fx).reservedOnChain);
    QCOMPARE(fx->eventsOfType(EventType::SettlementReorged).size(), 1);
    OK(fx->engine->updateSettlementTransaction(report(bump, ChainTxState::Included, 13)));
    QCOMPARE(row(*fx).stage, SettlementStage::Reserved);
    QCOMPARE(fx->eventsOfType(EventType::SettlementReserved).size(), 2);
    // The same report twice journals nothing.
    const auto seq = fx->engine->lastSeq();
    OK(fx->engine->updateSettlementTransaction(report(bump, ChainTxState::Included, 13)));
    QCOMPARE(fx->engine->lastSeq(), seq);
}

void TestSettlement::replacedOneMinedAfterAllReserves()
{
    // The node mined the stuck reservation after all, not its fee bump (same nonce: only one of
    // the two can be mined). The reservation is on chain: the step succeeded, once.
    auto fx = wonDay({walletOf(u"alice"_s, kAliceWallet)});
    ChainTransaction tx = signedTx(QString(SettlementStep::Reserve), 0, 0, 'a');
    OK(fx->engine->storeSettlementTransaction(tx));
    ChainTransaction bump = signedTx(QString(SettlementStep::Reserve), 0, 0, 'b');
    bump.replaces = tx.id;
    OK(fx->engine->storeSettlementTransaction(bump));
    OK(fx->engine->updateSettlementTransaction(report(bump, ChainTxState::Sent)));
    fx->events.clear();

    OK(fx->engine->updateSettlementTransaction(report(tx, ChainTxState::Included, 11)));
    QCOMPARE(row(*fx).stage, SettlementStage::Reserved);
    QVERIFY(row(*fx).reservedOnChain);
    QCOMPARE(fx->eventsOfType(EventType::SettlementReserved).size(), 1);
    QCOMPARE(fx->engine->settlementTransactions(0).value()[0].state, ChainTxState::Included);

    // The bump can never be mined now: that is no failure of the step.
    OK(fx->engine->updateSettlementTransaction(report(bump, ChainTxState::Dropped)));
    QCOMPARE(row(*fx).stage, SettlementStage::Reserved);
    QVERIFY(fx->eventsOfType(EventType::SettlementFailed).isEmpty());
    QCOMPARE(fx->eventsOfType(EventType::SettlementReserved).size(), 1);
    // And it stays so after a restart.
    OK(fx->reopen());
    QCOMPARE(row(*fx).stage, SettlementStage::Reserved);
}

void TestSettlement::deadlinePassesTheLotToTheRunnerUp()
{
    auto fx = reservedDay();
    fx->at(kWinnerAt + kDay - kSecond);
    QCOMPARE(row(*fx).turn, 0);
    fx->events.clear();
    fx->at(kWinnerAt + kDay);
    Settlement s = row(*fx);
    // Bob, at his own highest amount: dave's invalidated bid and bob's lower one are skipped.
    QCOMPARE(s.turn, 1);
    QCOMPARE(s.bidderId, u"bob"_s);
    QCOMPARE(s.price, eth("0.4"));
    QCOMPARE(s.bidId, m_bobHighBid);
    QCOMPARE(s.stage, SettlementStage::AwaitingWallet);
    QCOMPARE(s.deadlineUtcMs, kWinnerAt + 2 * kDay);
    QCOMPARE(s.triedBidders, (QList<QString>{u"alice"_s, u"bob"_s}));
    QVERIFY(s.reservedOnChain);
    const auto moved = fx->eventsOfType(EventType::SettlementReassigned);
    QCOMPARE(moved.size(), 1);
    QCOMPARE(moved[0].payload.value(u"from"_s).toString(), u"alice"_s);
    QCOMPARE(moved[0].payload.value(u"to"_s).toString(), u"bob"_s);
    QCOMPARE(moved[0].payload.value(u"turn"_s).toInt(), 1);
    QCOMPARE(moved[0].payload.value(u"price_gwei"_s).toInteger(), eth("0.4").gwei());
    QCOMPARE(moved[0].payload.value(u"deadline_utc"_s).toString(), u"2026-03-03T13:00:21.000Z"_s);

    // Bob links a wallet: something was reserved on chain, so his turn is a reassign.
    OK(fx->engine->linkWallet(walletOf(u"bob"_s, kBobWallet)));
    QCOMPARE(row(*fx).stage, SettlementStage::ToReserve);
    ChainTransaction reserve = signedTx(QString(SettlementStep::Reserve), 1, 1, 'r');
    QVERIFY(!fx->engine->storeSettlementTransaction(reserve).ok);
    ChainTransaction reassign = signedTx(QString(SettlementStep::Reassign), 1, 1, 's');
    OK(fx->engine->storeSettlementTransaction(reassign));
    OK(fx->engine->updateSettlementTransaction(report(reassign, ChainTxState::Included, 40)));
    QCOMPARE(row(*fx).stage, SettlementStage::Reserved);
    QCOMPARE(fx->eventsOfType(EventType::SettlementReserved).size(), 1);
    QCOMPARE(fx->eventsOfType(EventType::SettlementReserved)[0].payload.value(u"turn"_s).toInt(),
             1);

    // Bob does not pay either: carol, who never linked a wallet.
    fx->at(kWinnerAt + 2 * kDay);
    QCOMPARE(row(*fx).bidderId, u"carol"_s);
    QCOMPARE(row(*fx).price, eth("0.1"));
    QCOMPARE(row(*fx).turn, 2);
    QCOMPARE(row(*fx).stage, SettlementStage::AwaitingWallet);
}

void TestSettlement::nobodyLeftCancelsOnChainThenUnsold()
{
    auto fx = reservedDay();
    fx->at(kWinnerAt + kDay);     // bob
    fx->at(kWinnerAt + 2 * kDay); // carol
    fx->events.clear();
    fx->at(kWinnerAt + 3 * kDay); // nobody left
    QCOMPARE(row(*fx).stage, SettlementStage::ToCancel);
    QCOMPARE(fx->engine->auctions()[0].state, DayState::Processing);
    const auto cancelled = fx->eventsOfType(EventType::SettlementCancelled);
    QCOMPARE(cancelled.size(), 1);
    QVERIFY(cancelled[0].payload.value(u"on_chain"_s).toBool());

    ChainTransaction reserve = signedTx(QString(SettlementStep::Reassign), 2, 3, 'q');
    QVERIFY(!fx->engine->storeSettlementTransaction(reserve).ok);
    ChainTransaction cancel = signedTx(QString(SettlementStep::Cancel), 2, 3, 'c');
    OK(fx->engine->storeSettlementTransaction(cancel));
    QCOMPARE(row(*fx).stage, SettlementStage::Cancelling);
    OK(fx->engine->updateSettlementTransaction(report(cancel, ChainTxState::Included, 90)));
    QCOMPARE(row(*fx).stage, SettlementStage::Unsold);
    QCOMPARE(fx->engine->auctions()[0].state, DayState::Completed);
    const auto completed = fx->eventsOfType(EventType::DayCompleted);
    QCOMPARE(completed.size(), 1);
    QVERIFY(completed[0].payload.value(u"unsold"_s).toBool());
    QVERIFY(!completed[0].payload.contains(u"winner"_s)); // not "no valid bid"
    QCOMPARE(fx->engine->marathonState(), MarathonState::Finished);
    QCOMPARE(fx->eventsOfType(EventType::MarathonFinished)[0].payload.value(u"sold"_s).toInt(), 0);
    // Final: a late reorg report of the cancel changes no stage.
    OK(fx->engine->updateSettlementTransaction(report(cancel, ChainTxState::Sent)));
    QCOMPARE(row(*fx).stage, SettlementStage::Unsold);
}

void TestSettlement::nothingOnChainIsUnsoldAtOnce()
{
    EngineFixture fx(oneDay());
    OK(fx.engine->setSettlementOptions(options()));
    fx.at(kDay1Open + 10 * kMinute);
    fx.bid(u"alice"_s, u"0.5 ETH"_s);
    fx.at(kWinnerAt);
    QCOMPARE(row(fx).stage, SettlementStage::AwaitingWallet);
    fx.events.clear();
    fx.at(kWinnerAt + kDay);
    QCOMPARE(row(fx).stage, SettlementStage::Unsold);
    QCOMPARE(fx.engine->auctions()[0].state, DayState::Completed);
    QCOMPARE(fx.eventTypes(),
             (QStringList{u"settlement.cancelled"_s, u"day.completed"_s, u"marathon.finished"_s}));
    QVERIFY(!fx.eventsOfType(EventType::SettlementCancelled)[0]
                 .payload.value(u"on_chain"_s)
                 .toBool(true));
}

void TestSettlement::claimPaysAndMintCompletesTheMarathon()
{
    ChainTransaction reservation;
    auto fx = reservedDay(&reservation);
    fx->events.clear();
    OK(fx->engine->recordClaim(claimBy(kAliceWallet, eth("0.5"), 'p', 20)));
    Settlement s = row(*fx);
    QCOMPARE(s.stage, SettlementStage::Paid);
    QCOMPARE(s.paidByAddress, kAliceWallet);
    QCOMPARE(s.paidByBidderId, u"alice"_s);
    QCOMPARE(s.claimTxHash, QByteArray(32, 'p'));
    QCOMPARE(s.claimBlock, std::optional<std::uint64_t>(20));
    // Seen again: nothing new.
    const auto seq = fx->engine->lastSeq();
    OK(fx->engine->recordClaim(claimBy(kAliceWallet, eth("0.5"), 'p', 20)));
    QCOMPARE(fx->engine->lastSeq(), seq);
    // The deadline does not take a paid lot away.
    fx->at(kWinnerAt + 2 * kDay);
    QCOMPARE(row(*fx).stage, SettlementStage::Paid);

    OK(fx->engine->confirmMint(0));
    QCOMPARE(row(*fx).stage, SettlementStage::Completed);
    const AuctionDay day = fx->engine->auctions()[0];
    QCOMPARE(day.state, DayState::Completed);
    QVERIFY2(day.settlementNote.contains(u"Token #1"_s), qPrintable(day.settlementNote));
    QVERIFY(day.settlementNote.contains(kAliceWallet));
    QCOMPARE(fx->eventTypes(),
             (QStringList{u"settlement.payment_seen"_s, u"settlement.mint_confirmed"_s,
                          u"day.completed"_s, u"marathon.finished"_s}));
    const QJsonObject completed = fx->eventsOfType(EventType::DayCompleted)[0].payload;
    QCOMPARE(completed.value(u"token_id"_s).toString(), u"1"_s);
    QCOMPARE(completed.value(u"claim_tx"_s).toString(), u"0x"_s + u"70"_s.repeated(32));
    QCOMPARE(fx->eventsOfType(EventType::MarathonFinished)[0].payload.value(u"sold"_s).toInt(), 1);
    // A stale report (the reservation finalized) changes nothing final.
    OK(fx->engine->updateSettlementTransaction(report(reservation, ChainTxState::Finalized, 10)));
    QCOMPARE(row(*fx).stage, SettlementStage::Completed);
    OK(fx->engine->confirmMint(0)); // again: already so
}

void TestSettlement::earlierBuyersClaimWinsAfterTheMove()
{
    ChainTransaction reservation;
    auto fx = reservedDay(&reservation);
    OK(fx->engine->linkWallet(walletOf(u"bob"_s, kBobWallet)));
    fx->at(kWinnerAt + kDay); // bob's turn, to reassign
    QCOMPARE(row(*fx).bidderId, u"bob"_s);
    QCOMPARE(row(*fx).stage, SettlementStage::ToReserve);
    // The old turn's reservation reaching safe moves nothing.
    OK(fx->engine->updateSettlementTransaction(report(reservation, ChainTxState::Safe, 10)));
    QCOMPARE(row(*fx).stage, SettlementStage::ToReserve);
    QCOMPARE(row(*fx).turn, 1);

    // Alice claimed in the last block before her deadline: the chain says she paid.
    fx->events.clear();
    OK(fx->engine->recordClaim(claimBy(kAliceWallet, eth("0.5"), 'p', 30)));
    const Settlement s = row(*fx);
    QCOMPARE(s.stage, SettlementStage::Paid);
    QCOMPARE(s.paidByBidderId, u"alice"_s);
    QCOMPARE(s.paidPrice, eth("0.5"));
    QCOMPARE(s.resumeStage, std::optional(SettlementStage::ToReserve));
    const QJsonObject seen = fx->eventsOfType(EventType::SettlementPaymentSeen)[0].payload;
    QVERIFY(seen.value(u"earlier_turn"_s).toBool());
    QCOMPARE(seen.value(u"paid_by"_s).toString(), kAliceWallet);
    // Nothing is due any more for bob.
    ChainTransaction reassign = signedTx(QString(SettlementStep::Reassign), 1, 1, 's');
    QVERIFY(!fx->engine->storeSettlementTransaction(reassign).ok);
    OK(fx->engine->confirmMint(0));
    QCOMPARE(fx->engine->auctions()[0].state, DayState::Completed);
    QCOMPARE(fx->eventsOfType(EventType::DayCompleted)[0].payload.value(u"paid_by"_s).toString(),
             kAliceWallet);
}

void TestSettlement::claimThatLeavesTheChainGoesBack()
{
    auto fx = reservedDay();
    OK(fx->engine->recordClaim(claimBy(kAliceWallet, eth("0.5"), 'p', 20)));
    fx->events.clear();
    OK(fx->engine->claimReorged(0, u"block 20 left the canonical chain"_s));
    Settlement s = row(*fx);
    QCOMPARE(s.stage, SettlementStage::Reserved);
    QVERIFY(s.claimTxHash.isEmpty());
    QVERIFY(s.paidByAddress.isEmpty());
    QCOMPARE(fx->eventTypes(), QStringList{u"settlement.reorged"_s});
    QCOMPARE(fx->events[0].payload.value(u"what"_s).toString(), u"claim"_s);
    QVERIFY(!fx->engine->claimReorged(0, u"twice"_s).ok);
    // The same claim in another block: paid again.
    OK(fx->engine->recordClaim(claimBy(kAliceWallet, eth("0.5"), 'p', 21)));
    QCOMPARE(row(*fx).stage, SettlementStage::Paid);
    QCOMPARE(row(*fx).claimBlock, std::optional<std::uint64_t>(21));
    // A different claim for a paid lot cannot be.
    QVERIFY(!fx->engine->recordClaim(claimBy(kBobWallet, eth("0.4"), 'q', 22)).ok);
}

void TestSettlement::everythingSurvivesARestart()
{
    ChainTransaction reservation;
    auto fx = reservedDay(&reservation);
    OK(fx->engine->linkWallet(walletOf(u"bob"_s, kBobWallet)));
    fx->at(kWinnerAt + kDay); // bob's turn
    ChainTransaction reassign = signedTx(QString(SettlementStep::Reassign), 1, 1, 's');
    OK(fx->engine->storeSettlementTransaction(reassign));
    OK(fx->engine->updateSettlementTransaction(report(reassign, ChainTxState::Sent)));

    QStringList settlementEvents;
    for (const AuctionEvent& e : std::as_const(fx->events)) {
        if (e.type.startsWith(u"settlement."_s))
            settlementEvents << e.type;
    }
    QCOMPARE(settlementEvents,
             (QStringList{u"settlement.transaction"_s, u"settlement.transaction"_s,
                          u"settlement.reserved"_s, u"settlement.reassigned"_s,
                          u"settlement.transaction"_s, u"settlement.transaction"_s}));
    const Settlement before = row(*fx);
    const QList<ChainTransaction> txsBefore = fx->engine->settlementTransactions(0).value();

    OK(fx->reopen());
    QCOMPARE(fx->engine->settlementOptions(), options());
    // The same options applied again (each start does) audit nothing; lower case is the same.
    const auto seq = fx->engine->lastSeq();
    SettlementOptions same = options();
    same.contractAddress = same.contractAddress.toLower();
    OK(fx->engine->setSettlementOptions(same));
    QCOMPARE(fx->engine->lastSeq(), seq);
    int optionAudits = 0;
    for (const AuctionEvent& e : fx->store->events(0, 10'000).value())
        optionAudits += e.type == EventType::OperatorAction &&
                        e.payload.value(u"action"_s).toString() == u"settlement_options"_s;
    QCOMPARE(optionAudits, 1);
    SettlementOptions invalid = options();
    invalid.deadlineMs = 0;
    QVERIFY(!fx->engine->setSettlementOptions(invalid).ok);
    invalid = options();
    invalid.contractAddress = u"0x5fbdb2315678afecb367f032d93F642f64180aa3"_s; // bad checksum
    QVERIFY(!fx->engine->setSettlementOptions(invalid).ok);
    const Settlement after = row(*fx);
    QCOMPARE(after.stage, SettlementStage::Reserving);
    QCOMPARE(after.turn, before.turn);
    QCOMPARE(after.bidderId, u"bob"_s);
    QCOMPARE(after.price, before.price);
    QCOMPARE(after.deadlineUtcMs, before.deadlineUtcMs);
    QCOMPARE(after.triedBidders, before.triedBidders);
    QCOMPARE(after.reservedOnChain, true);
    const QList<ChainTransaction> txsAfter = fx->engine->settlementTransactions(0).value();
    QCOMPARE(txsAfter.size(), txsBefore.size());
    for (qsizetype i = 0; i < txsAfter.size(); ++i) {
        QCOMPARE(txsAfter[i].id, txsBefore[i].id);
        QCOMPARE(txsAfter[i].raw, txsBefore[i].raw);
        QCOMPARE(txsAfter[i].hash, txsBefore[i].hash);
        QCOMPARE(txsAfter[i].state, txsBefore[i].state);
    }
    // The driver's work after a restart: bob's reassign, still being sent.
    const QList<ChainTransaction> open = fx->engine->unfinishedTransactions().value();
    QCOMPARE(open.size(), 2); // alice's reservation (included, not yet safe) and bob's
    QCOMPARE(open[1].id, reassign.id);
    // The journal kept them in order.
    QStringList journaled;
    for (const AuctionEvent& e : fx->store->events(0, 10'000).value()) {
        if (e.type.startsWith(u"settlement."_s))
            journaled << e.type;
    }
    QCOMPARE(journaled, settlementEvents);
    // And the state machine goes on where it was.
    OK(fx->engine->updateSettlementTransaction(report(reassign, ChainTxState::Included, 50)));
    QCOMPARE(row(*fx).stage, SettlementStage::Reserved);
    fx->at(kWinnerAt + 2 * kDay);
    QCOMPARE(row(*fx).bidderId, u"carol"_s);
}

void TestSettlement::lotWithoutTokenUriFailsAtOnce()
{
    MarathonConfig config = oneDay();
    config.lots[0].tokenUri.clear();
    EngineFixture fx(config);
    OK(fx.engine->setSettlementOptions(options()));
    OK(fx.engine->linkWallet(walletOf(u"alice"_s, kAliceWallet)));
    fx.at(kDay1Open + 10 * kMinute);
    fx.bid(u"alice"_s, u"0.5 ETH"_s);
    fx.at(kWinnerAt);
    const Settlement s = row(fx);
    QCOMPARE(s.stage, SettlementStage::Failed);
    QCOMPARE(s.resumeStage, std::optional(SettlementStage::ToReserve));
    QVERIFY2(s.error.contains(u"token_uri"_s), qPrintable(s.error));
    QCOMPARE(fx.eventsOfType(EventType::SettlementFailed).size(), 1);
    // Retried, the reservation is still refused, with the reason.
    OK(fx.engine->retrySettlement(0, u"op"_s));
    ChainTransaction tx = signedTx(QString(SettlementStep::Reserve), 0, 0, 'a');
    const ActionResult refused = fx.engine->storeSettlementTransaction(tx);
    QVERIFY(!refused.ok);
    QVERIFY2(refused.error.contains(u"token URI"_s), qPrintable(refused.error));
    OK(fx.engine->markSettled(0, u"minted by hand"_s, u"op"_s));
    QCOMPARE(row(fx).stage, SettlementStage::Completed);
}

void TestSettlement::invalidatingTheBuyersBidPassesTheTurn()
{
    auto fx = wonDay({walletOf(u"bob"_s, kBobWallet)});
    QCOMPARE(row(*fx).bidderId, u"alice"_s);
    const std::int64_t aliceBid = row(*fx).bidId;
    // Not the buyer's bid: nothing moves.
    OK(fx->engine->invalidateBid(m_bobHighBid - 1, u"typo"_s, u"op"_s));
    QCOMPARE(row(*fx).bidderId, u"alice"_s);
    fx->events.clear();
    OK(fx->engine->invalidateBid(aliceBid, u"stolen account"_s, u"op"_s));
    const Settlement s = row(*fx);
    QCOMPARE(s.turn, 1);
    QCOMPARE(s.bidderId, u"bob"_s);
    QCOMPARE(s.price, eth("0.4"));
    QCOMPARE(s.stage, SettlementStage::ToReserve);
    QVERIFY(fx->eventsOfType(EventType::SettlementReassigned)[0]
                .payload.value(u"reason"_s)
                .toString()
                .contains(u"stolen account"_s));
}

} // namespace sb::auction::test

QTEST_GUILESS_MAIN(sb::auction::test::TestSettlement)
#include "tst_settlement.moc"
