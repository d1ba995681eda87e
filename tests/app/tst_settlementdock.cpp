// The Settlement dock over a real marathon session (the engine on its own thread, a virtual
// clock): a won auction appears with its buyer, stage and countdown; the overrides a stage allows
// are the buttons enabled; "Set wallet…" (an address with a bad checksum refused first), "Skip
// buyer…" and "Mark settled…" reach the engine as the operator and are journaled; transactions
// show their state and open the explorer's page of the chain.

#include "SessionFixture.h"
#include "SettlementDock.h"
#include "SettlementModel.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QUrl>

using namespace sb::app;
using namespace sb::auction;
using namespace sb::auction::test;
using namespace sb::studio;
using namespace Qt::StringLiterals;

namespace {

const QString kAliceWallet = u"0x70997970C51812dc3A010C7d01b50e0d17dc79C8"_s;
const QString kContract = u"0x5FbDB2315678afecb367f032d93F642f64180aa3"_s;

MarathonConfig oneDay()
{
    MarathonConfig config = simpleConfig(1);
    Lot lot;
    lot.title = u"Dawn"_s;
    lot.tokenUri = u"ipfs://lot/1.json"_s;
    config.lots = {lot};
    return config;
}

// alice (0.5) wins over bob (0.4), settlement on, nobody linked a wallet.
std::unique_ptr<SessionFixture> wonDay()
{
    auto fx = std::make_unique<SessionFixture>(oneDay());
    SettlementOptions options;
    options.enabled = true;
    options.deadlineMs = kDay;
    options.contractAddress = kContract;
    options.chainId = 11011;
    const ActionResult set =
        fx->onEngine([&](AuctionEngine& e) { return e.setSettlementOptions(options); });
    if (!set.ok)
        qFatal("options: %s", qPrintable(set.error));
    fx->at(kDay1Open + 10 * kMinute);
    fx->bid(u"bob"_s, u"0.4 ETH"_s);
    fx->bid(u"alice"_s, u"0.5 ETH"_s);
    fx->at(kDay1Close + 21 * kSecond);
    return fx;
}

QString cell(const SettlementDock& dock, int column)
{
    return dock.model()->index(0, column).data().toString();
}

} // namespace

class TestSettlementDock : public QObject
{
    Q_OBJECT

private slots:
    void aWonAuctionAndItsOverrides()
    {
        auto fx = wonDay();
        SettlementDock dock;
        dock.setChainId(11011);
        dock.setSession(fx->session.get());
        fx->settle();
        QCOMPARE(dock.model()->rowCount(), 1);
        QCOMPARE(cell(dock, SettlementModel::BuyerColumn), u"alice"_s);
        QCOMPARE(cell(dock, SettlementModel::StageColumn), u"Awaiting wallet"_s);
        QCOMPARE(cell(dock, SettlementModel::PriceColumn), u"0.5 ETH"_s);
        QCOMPARE(cell(dock, SettlementModel::DeadlineColumn), u"24 h 0 min left"_s);
        QVERIFY(dock.nextLabel()->text().contains(u"link a wallet"_s));
        QVERIFY(dock.setWalletButton()->isEnabled());
        QVERIFY(dock.skipButton()->isEnabled());
        QVERIFY(!dock.retryButton()->isEnabled());

        // A mistyped address is refused before it reaches the engine.
        QSignalSpy done(&dock, &SettlementDock::overrideDone);
        dock.setTextPrompt([](const QString&, const QString&) {
            return u"0x70997970C51812dc3A010C7d01b50e0d17dc79c8"_s;
        });
        dock.setWalletButton()->click();
        QCOMPARE(done.size(), 1);
        QCOMPARE(done.at(0).at(0).toBool(), false);

        dock.setTextPrompt([](const QString&, const QString&) { return kAliceWallet; });
        dock.setWalletButton()->click();
        QVERIFY(waitUntil([&] { return done.size() == 2; }));
        QVERIFY2(done.at(1).at(0).toBool(), qPrintable(done.at(1).at(1).toString()));
        fx->settle();
        QCOMPARE(cell(dock, SettlementModel::StageColumn), u"To reserve"_s);
        QCOMPARE(cell(dock, SettlementModel::WalletColumn), u"0x70…C8"_s);
        QVERIFY(!fx->eventsOfType(EventType::OperatorAction).isEmpty());
        QCOMPARE(
            fx->eventsOfType(EventType::OperatorAction).last().payload.value("actor"_L1).toString(),
            u"operator"_s);

        // The reservation's transaction, with its explorer page on Shape Sepolia.
        ChainTransaction tx;
        tx.auctionIndex = 0;
        tx.step = QString(SettlementStep::Reserve);
        tx.chainId = 11011;
        tx.fromAddress = u"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"_s;
        tx.toAddress = kContract;
        tx.raw = QByteArray::fromHex("02f8") + QByteArray(40, 'a');
        tx.hash = QByteArray(32, '\x11');
        QVERIFY(
            fx->onEngine([&](AuctionEngine& e) { return e.storeSettlementTransaction(tx); }).ok);
        QCOMPARE(dock.transactionsTable()->rowCount(), 1);
        QCOMPARE(dock.transactionsTable()->item(0, 1)->text(), u"signed"_s);
        QList<QUrl> opened;
        dock.setLinkOpener([&](const QUrl& url) { opened << url; });
        emit dock.transactionsTable()->cellActivated(0, 2);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first().toString(),
                 u"https://sepolia.shapescan.xyz/tx/0x"_s + QString(64, u'1'));

        // Included: reserved on chain; alice may pay until the deadline.
        tx.state = ChainTxState::Included;
        tx.blockNumber = 10;
        tx.blockHash = QByteArray(32, 'b');
        QVERIFY(
            fx->onEngine([&](AuctionEngine& e) { return e.updateSettlementTransaction(tx); }).ok);
        QCOMPARE(cell(dock, SettlementModel::StageColumn), u"Awaiting payment"_s);
        QCOMPARE(dock.transactionsTable()->item(0, 1)->text(), u"included"_s);
        QVERIFY(dock.skipButton()->isEnabled());
        QVERIFY(!dock.setWalletButton()->isEnabled()); // the reservation names her on chain

        // Skip alice: bob's turn at his own amount.
        dock.setTextPrompt([](const QString&, const QString&) { return u"never answered"_s; });
        dock.skipButton()->click();
        QVERIFY(waitUntil([&] { return done.size() == 3; }));
        QVERIFY2(done.at(2).at(0).toBool(), qPrintable(done.at(2).at(1).toString()));
        fx->settle();
        QCOMPARE(cell(dock, SettlementModel::BuyerColumn), u"bob (runner-up 1)"_s);
        QCOMPARE(cell(dock, SettlementModel::PriceColumn), u"0.4 ETH"_s);

        // Mark settled by hand: asked first, then final (no override left).
        dock.setConfirm([](const QString&) { return true; });
        dock.markSettledButton()->click();
        QVERIFY(waitUntil([&] { return done.size() == 4; }));
        QVERIFY2(done.at(3).at(0).toBool(), qPrintable(done.at(3).at(1).toString()));
        fx->settle();
        QCOMPARE(cell(dock, SettlementModel::StageColumn), u"Completed"_s);
        for (QPushButton* b : {dock.setWalletButton(), dock.retryButton(), dock.skipButton(),
                               dock.cancelButton(), dock.markSettledButton()})
            QVERIFY(!b->isEnabled());
    }

    void driverStatusAndNoSession()
    {
        SettlementDock dock;
        QVERIFY(dock.driverLabel()->text().contains(u"off"_s));
        dock.setDriverStatus(u"Settling on chain 11011 from 0xf3…66."_s);
        QCOMPARE(dock.driverLabel()->text(), u"Settling on chain 11011 from 0xf3…66."_s);
        QCOMPARE(dock.model()->rowCount(), 0);
        QVERIFY(!dock.markSettledButton()->isEnabled());
        QVERIFY(dock.nextLabel()->text().contains(u"No auction"_s));
    }
};

QTEST_MAIN(TestSettlementDock)
#include "tst_settlementdock.moc"
