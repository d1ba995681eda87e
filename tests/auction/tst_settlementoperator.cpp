// Settlement on Shape, what the operator and the viewers see of it (Settlement.h): a failed step
// and its retry; every override audited; Mark settled completing the day; the posts asking for a
// wallet, saying how to pay, passing the turn and celebrating; a cancelled day stopping the
// settlement.

#include "SettlementFixture.h"

#include <QTest>

using namespace sb::auction;
using namespace Qt::StringLiterals;

namespace sb::auction::test {

class TestSettlementOperator : public QObject, public SettlementDays
{
    Q_OBJECT

private slots:
    void failAndRetry();
    void everyOverrideIsAudited();
    void markSettledCompletesTheSettlement();
    void postsAskPayAnnounceAndCelebrate();
    void cancellingTheDayStopsTheSettlement();
};

void TestSettlementOperator::failAndRetry()
{
    auto fx = wonDay({walletOf(u"alice"_s, kAliceWallet)});
    ChainTransaction tx = signedTx(QString(SettlementStep::Reserve), 0, 0, 'a');
    OK(fx->engine->storeSettlementTransaction(tx));
    fx->events.clear();
    OK(fx->engine->failSettlement(0, u"insufficient funds: 0.0001 ETH short"_s));
    QCOMPARE(row(*fx).stage, SettlementStage::Failed);
    QCOMPARE(row(*fx).resumeStage, std::optional(SettlementStage::Reserving));
    QCOMPARE(row(*fx).error, u"insufficient funds: 0.0001 ETH short"_s);
    QCOMPARE(fx->eventTypes(), QStringList{u"settlement.failed"_s});
    // Failing again updates the reason without a new event.
    OK(fx->engine->failSettlement(0, u"still short"_s));
    QCOMPARE(fx->eventTypes(), QStringList{u"settlement.failed"_s});
    QCOMPARE(row(*fx).error, u"still short"_s);

    // The stored transaction can still be mined: retry sends it again.
    OK(fx->engine->retrySettlement(0, u"op"_s));
    QCOMPARE(row(*fx).stage, SettlementStage::Reserving);
    QVERIFY(row(*fx).error.isEmpty());
    QVERIFY(!fx->engine->retrySettlement(0, u"op"_s).ok);

    // Dropped: failed, and retry signs a new one.
    OK(fx->engine->updateSettlementTransaction(report(tx, ChainTxState::Dropped)));
    QCOMPARE(row(*fx).stage, SettlementStage::Failed);
    QCOMPARE(row(*fx).resumeStage, std::optional(SettlementStage::ToReserve));
    OK(fx->engine->retrySettlement(0, u"op"_s));
    QCOMPARE(row(*fx).stage, SettlementStage::ToReserve);
    ChainTransaction fresh = signedTx(QString(SettlementStep::Reserve), 0, 1, 'b');
    OK(fx->engine->storeSettlementTransaction(fresh));
    // Reverted: failed too.
    OK(fx->engine->updateSettlementTransaction(report(fresh, ChainTxState::Reverted, 15)));
    QCOMPARE(row(*fx).stage, SettlementStage::Failed);
    QCOMPARE(fx->eventsOfType(EventType::SettlementFailed).size(), 3);
}

void TestSettlementOperator::everyOverrideIsAudited()
{
    auto fx = wonDay({});
    const auto audits = [&] {
        QStringList actions;
        for (const AuctionEvent& e : fx->eventsOfType(EventType::OperatorAction))
            actions << e.payload.value(u"action"_s).toString() + u'/' +
                           e.payload.value(u"actor"_s).toString();
        return actions;
    };
    fx->events.clear();
    QVERIFY(!fx->engine->setSettlementWallet(0, u"0x123"_s, u"op"_s).ok);
    OK(fx->engine->setSettlementWallet(0, kAliceWallet.toLower(), u"op"_s));
    QCOMPARE(row(*fx).stage, SettlementStage::ToReserve);
    QCOMPARE(row(*fx).buyerAddress, kAliceWallet); // checksummed
    QCOMPARE(fx->engine->walletOf(u"alice"_s)->address, kAliceWallet);

    QVERIFY(!fx->engine->skipSettlementBuyer(0, u" "_s, u"op"_s).ok);
    OK(fx->engine->skipSettlementBuyer(0, u"asked to pass"_s, u"op"_s));
    QCOMPARE(row(*fx).bidderId, u"bob"_s);
    QCOMPARE(
        fx->eventsOfType(EventType::SettlementReassigned)[0].payload.value(u"reason"_s).toString(),
        u"asked to pass"_s);

    OK(fx->engine->failSettlement(0, u"wrong chain"_s));
    OK(fx->engine->retrySettlement(0, u"op"_s));
    QCOMPARE(row(*fx).stage, SettlementStage::AwaitingWallet);

    OK(fx->engine->cancelSettlement(0, u"the artist withdrew the piece"_s, u"op"_s));
    QCOMPARE(row(*fx).stage, SettlementStage::Unsold); // nothing was reserved on chain
    QCOMPARE(fx->engine->auctions()[0].state, DayState::Completed);
    QVERIFY(!fx->engine->cancelSettlement(0, u"again"_s, u"op"_s).ok);
    QCOMPARE(audits(), (QStringList{u"settlement_wallet/op"_s, u"settlement_skip/op"_s,
                                    u"settlement_retry/op"_s, u"settlement_cancel/op"_s}));
    // Each audit comes first in its transaction, before what it caused.
    const QStringList types = fx->eventTypes();
    QCOMPARE(types.indexOf(u"operator.action"_s), 0);
    QVERIFY(types.indexOf(u"settlement.cancelled"_s) > types.lastIndexOf(u"operator.action"_s));
}

void TestSettlementOperator::markSettledCompletesTheSettlement()
{
    auto fx = reservedDay();
    OK(fx->engine->markSettled(0, u"paid in person"_s, u"op"_s));
    QCOMPARE(row(*fx).stage, SettlementStage::Completed);
    QVERIFY(row(*fx).error.contains(u"paid in person"_s));
    QCOMPARE(fx->store->settlement(0).value()->stage, SettlementStage::Completed);
    QCOMPARE(fx->engine->auctions()[0].state, DayState::Completed);
    // Nothing moves it after that, not even the deadline.
    fx->at(kWinnerAt + 3 * kDay);
    QCOMPARE(row(*fx).stage, SettlementStage::Completed);
    QVERIFY(!fx->engine->failSettlement(0, u"late"_s).ok);
}

void TestSettlementOperator::postsAskPayAnnounceAndCelebrate()
{
    EngineFixture fx(oneDay());
    OK(fx.engine->setSettlementOptions(options()));
    fx.at(kDay1Open + 10 * kMinute);
    OK(fx.engine->setPosting(true));
    const auto xBid = [&](const QString& bidder, const QString& text, const QString& postId) {
        BidInput input = testPost(bidder, text, postId);
        input.source = u"x"_s;
        const BidOutcome outcome = fx.engine->submitBid(input);
        QVERIFY2(outcome.kind == BidOutcome::Kind::Accepted, qPrintable(outcome.error));
    };
    xBid(u"bob"_s, u"0.4 ETH"_s, u"1001"_s);
    xBid(u"alice"_s, u"0.5 ETH"_s, u"1002"_s);
    OK(fx.engine->linkWallet(walletOf(u"bob"_s, kBobWallet)));
    fx.at(kWinnerAt);
    const auto post = [&](const QString& key) {
        const auto item = fx.store->outboxItemByKey(key).value();
        return item.value_or(OutboxItem{});
    };

    // Alice has no wallet: the reply to her winning bid asks for one, instead of the plain one.
    OutboxItem ask = post(u"settlement_wallet:0:0"_s);
    QCOMPARE(ask.kind, u"settlement_wallet"_s);
    QCOMPARE(ask.replyTo, u"1002"_s);
    QVERIFY(!ask.inThread);
    QCOMPARE(ask.vars.value(u"amount"_s).toString(), u"0.5 ETH"_s);
    QCOMPARE(ask.vars.value(u"deadline"_s).toString(), u"2 Mar 13:00 UTC"_s);
    QVERIFY(!outboxCollapsible(ask.kind));
    QVERIFY(outboxAboutSettlement(ask.kind));
    QVERIFY(outboxPriority(ask.kind) < outboxPriority(QString(OutboxKind::Extended)));
    QCOMPARE(post(u"settlement:0"_s).id, 0);

    // Linked: reserved on chain, she is told what to pay, where and until when.
    OK(fx.engine->linkWallet(walletOf(u"alice"_s, kAliceWallet)));
    ChainTransaction tx = signedTx(QString(SettlementStep::Reserve), 0, 0, 'a');
    OK(fx.engine->storeSettlementTransaction(tx));
    OK(fx.engine->updateSettlementTransaction(report(tx, ChainTxState::Included, 10)));
    const OutboxItem pay = post(u"settlement_reserved:0:0"_s);
    QCOMPARE(pay.replyTo, u"1002"_s);
    QCOMPARE(pay.vars.value(u"contract"_s).toString(), kContract);
    QCOMPARE(pay.vars.value(u"wallet"_s).toString(), kAliceWallet);
    QCOMPARE(pay.vars.value(u"amount"_s).toString(), u"0.5 ETH"_s);
    QCOMPARE(pay.vars.value(u"token"_s).toString(), u"1"_s);

    // She does not pay: the thread hears it is bob's turn; bob has a wallet, so no ask.
    fx.at(kWinnerAt + kDay);
    const OutboxItem turn = post(u"settlement_reassigned:0:1"_s);
    QVERIFY(turn.inThread);
    QCOMPARE(turn.bidderName, u"bob"_s);
    QCOMPARE(turn.vars.value(u"amount"_s).toString(), u"0.4 ETH"_s);
    QCOMPARE(turn.vars.value(u"deadline"_s).toString(), u"3 Mar 13:00 UTC"_s);
    QCOMPARE(post(u"settlement_wallet:0:1"_s).id, 0);
    ChainTransaction reassign = signedTx(QString(SettlementStep::Reassign), 1, 1, 'b');
    OK(fx.engine->storeSettlementTransaction(reassign));
    OK(fx.engine->updateSettlementTransaction(report(reassign, ChainTxState::Included, 20)));
    QCOMPARE(post(u"settlement_reserved:0:1"_s).replyTo, u"1001"_s);

    // Bob pays; the mint is celebrated in the thread.
    OK(fx.engine->recordClaim(claimBy(kBobWallet, eth("0.4"), 'p', 30)));
    OK(fx.engine->confirmMint(0));
    const OutboxItem paid = post(u"settlement_paid:0"_s);
    QVERIFY(paid.inThread);
    QCOMPARE(paid.vars.value(u"token"_s).toString(), u"1"_s);
    QCOMPARE(paid.vars.value(u"wallet"_s).toString(), u"0x3C44…93BC"_s);
}

void TestSettlementOperator::cancellingTheDayStopsTheSettlement()
{
    auto fx = reservedDay();
    OK(fx->engine->cancel(0, u"the artwork was withdrawn"_s, u"op"_s));
    QCOMPARE(fx->engine->auctions()[0].state, DayState::Cancelled);
    QCOMPARE(row(*fx).stage, SettlementStage::ToCancel); // reserved on chain: cancelled there
    ChainTransaction cancel = signedTx(QString(SettlementStep::Cancel), 0, 1, 'c');
    OK(fx->engine->storeSettlementTransaction(cancel));
    OK(fx->engine->updateSettlementTransaction(report(cancel, ChainTxState::Included, 30)));
    QCOMPARE(row(*fx).stage, SettlementStage::Unsold);
    QCOMPARE(fx->engine->auctions()[0].state, DayState::Cancelled); // stays cancelled
}

} // namespace sb::auction::test

QTEST_GUILESS_MAIN(sb::auction::test::TestSettlementOperator)
#include "tst_settlementoperator.moc"
