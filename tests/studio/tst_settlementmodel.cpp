// The Settlement dock's table: a row per auction in order, the buyer (and whose turn it is), the
// wallet shortened, the price as the engine writes it, the countdown against the marathon's clock,
// each transaction with its explorer page (Shape mainnet and Sepolia; none for a custom chain),
// the next action in words, and the overrides each stage allows.

#include "SettlementModel.h"

#include <QSignalSpy>
#include <QTest>

using namespace sb::auction;
using namespace sb::studio;

namespace {

Settlement settlement(int auction, SettlementStage stage, const QString& buyer, int turn = 0)
{
    Settlement s;
    s.auctionIndex = auction;
    s.stage = stage;
    s.turn = turn;
    s.bidderId = buyer;
    s.bidderName = buyer;
    s.price = Gwei::fromGwei(500'000'000);
    s.buyerAddress = QStringLiteral("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    s.deadlineUtcMs = 1'000'000'000'000;
    return s;
}

ChainTransaction transaction(int auction, ChainTxState state, char fill, std::uint64_t chainId)
{
    ChainTransaction tx;
    tx.auctionIndex = auction;
    tx.step = QString(SettlementStep::Reserve);
    tx.state = state;
    tx.chainId = chainId;
    tx.hash = QByteArray(32, fill);
    return tx;
}

QString cell(const SettlementModel& model, int row, int column, int role = Qt::DisplayRole)
{
    return model.data(model.index(row, column), role).toString();
}

} // namespace

class TestSettlementModel : public QObject
{
    Q_OBJECT

private slots:
    void rowsSayWhoPaysWhatAndWhen()
    {
        SettlementModel model;
        Settlement second = settlement(1, SettlementStage::Reserved, QStringLiteral("bob"), 1);
        Settlement first = settlement(0, SettlementStage::Completed, QStringLiteral("alice"));
        first.paidByAddress = first.buyerAddress;
        model.setSettlements({second, first}, {}, 11011);
        model.setNowUtcMs(first.deadlineUtcMs - (2 * 3600 + 5 * 60) * 1000LL - 1);

        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(cell(model, 0, SettlementModel::AuctionColumn), QStringLiteral("#1"));
        QCOMPARE(cell(model, 0, SettlementModel::StageColumn), QStringLiteral("Completed"));
        QCOMPARE(cell(model, 0, SettlementModel::NextColumn),
                 QStringLiteral("Done: token #1 minted to 0x70…C8."));
        QVERIFY(cell(model, 0, SettlementModel::DeadlineColumn).isEmpty()); // nothing to wait for

        QCOMPARE(cell(model, 1, SettlementModel::BuyerColumn), QStringLiteral("bob (runner-up 1)"));
        QCOMPARE(cell(model, 1, SettlementModel::WalletColumn), QStringLiteral("0x70…C8"));
        QCOMPARE(cell(model, 1, SettlementModel::WalletColumn, Qt::ToolTipRole),
                 second.buyerAddress);
        QCOMPARE(cell(model, 1, SettlementModel::PriceColumn), QStringLiteral("0.5 ETH"));
        QCOMPARE(cell(model, 1, SettlementModel::StageColumn), QStringLiteral("Awaiting payment"));
        QCOMPARE(cell(model, 1, SettlementModel::DeadlineColumn), QStringLiteral("2 h 6 min left"));
        QCOMPARE(cell(model, 1, SettlementModel::NextColumn),
                 QStringLiteral("Waiting for bob to pay 0.5 ETH to the contract before the "
                                "deadline."));
        QCOMPARE(model.data(model.index(1, 0), SettlementModel::AuctionIndexRole).toInt(), 1);

        // The clock moves: only the countdown changes.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setNowUtcMs(second.deadlineUtcMs + 1);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(cell(model, 1, SettlementModel::DeadlineColumn), QStringLiteral("passed"));
        QCOMPARE(model.rowOf(1), 1);
        QCOMPARE(model.rowOf(7), -1);
    }

    void transactionsLinkToTheChainsExplorer()
    {
        SettlementModel model;
        const QList<Settlement> rows{
            settlement(0, SettlementStage::Reserving, QStringLiteral("a"))};
        ChainTransaction stuck = transaction(0, ChainTxState::Replaced, '\x11', 360);
        ChainTransaction bump = transaction(0, ChainTxState::Included, '\x22', 360);
        bump.error = QStringLiteral("replaced a stuck one");
        model.setSettlements(rows, {stuck, bump}, 360);
        const auto txs = model.transactionsAt(0);
        QCOMPARE(txs.size(), 2);
        QCOMPARE(txs.at(0).state, QStringLiteral("replaced"));
        QCOMPARE(txs.at(1).state, QStringLiteral("included"));
        const QString hash = QStringLiteral("0x") + QString(64, QLatin1Char('2'));
        QCOMPARE(txs.at(1).hash, hash);
        QCOMPARE(txs.at(1).explorerUrl, QStringLiteral("https://shapescan.xyz/tx/") + hash);

        model.setSettlements(rows, {transaction(0, ChainTxState::Sent, '\x22', 11011)}, 11011);
        QCOMPARE(model.transactionsAt(0).at(0).explorerUrl,
                 QStringLiteral("https://sepolia.shapescan.xyz/tx/") + hash);
        model.setSettlements(rows, {transaction(0, ChainTxState::Sent, '\x22', 31337)}, 31337);
        QVERIFY(model.transactionsAt(0).at(0).explorerUrl.isEmpty()); // a local chain: no explorer
        QVERIFY(model.transactionsAt(5).isEmpty());
    }

    void failedSaysWhyAndWhatToDo()
    {
        Settlement s = settlement(2, SettlementStage::Failed, QStringLiteral("carol"));
        s.error = QStringLiteral("The operator's balance is too low to pay for gas.");
        QCOMPARE(SettlementModel::nextAction(s),
                 QStringLiteral("Needs you: The operator's balance is too low to pay for gas. "
                                "Retry, skip the buyer or cancel."));
        s.stage = SettlementStage::AwaitingWallet;
        QVERIFY(SettlementModel::nextAction(s).contains(QStringLiteral("link a wallet")));
    }

    void overridesFollowTheStage()
    {
        using O = SettlementModel::Override;
        using S = SettlementStage;
        QVERIFY(SettlementModel::overrideAllowed(O::Retry, S::Failed));
        QVERIFY(!SettlementModel::overrideAllowed(O::Retry, S::Reserved));
        QVERIFY(SettlementModel::overrideAllowed(O::SetWallet, S::AwaitingWallet));
        QVERIFY(!SettlementModel::overrideAllowed(O::SetWallet, S::Reserved)); // on chain already
        QVERIFY(SettlementModel::overrideAllowed(O::SkipBuyer, S::Reserved));
        QVERIFY(!SettlementModel::overrideAllowed(O::Cancel, S::Paid)); // the buyer has paid
        QVERIFY(SettlementModel::overrideAllowed(O::MarkSettled, S::Paid));
        for (O o : {O::SetWallet, O::Retry, O::SkipBuyer, O::Cancel, O::MarkSettled}) {
            QVERIFY(!SettlementModel::overrideAllowed(o, S::Completed));
            QVERIFY(!SettlementModel::overrideAllowed(o, S::Unsold));
        }
    }

    void countdownCountsStartedMinutes()
    {
        QCOMPARE(SettlementModel::countdownText(60'000, 0), QStringLiteral("1 min left"));
        QCOMPARE(SettlementModel::countdownText(60'001, 0), QStringLiteral("2 min left"));
        QCOMPARE(SettlementModel::countdownText(24 * 3600'000LL, 0),
                 QStringLiteral("24 h 0 min left"));
        QCOMPARE(SettlementModel::countdownText(5, 5), QStringLiteral("passed"));
        QVERIFY(SettlementModel::countdownText(0, 5).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSettlementModel)
#include "tst_settlementmodel.moc"
