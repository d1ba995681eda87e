// The chain client without a node: fee plans under the operator's caps and their 10 % bumps, ETH
// amounts as the operator reads them, and the JSON-RPC shapes read strictly where it matters and
// tolerantly where OP Stack nodes differ (extra receipt fields, deposit receipts, blocks without a
// base fee).

#include "FeePlan.h"
#include "ShapeRpc.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace sb::integrations::shape;

namespace {

U256 wei(std::uint64_t value)
{
    return U256::fromUint64(value);
}

// A JSON object, "%H" standing for a 32-byte hash.
QJsonValue json(const char* text)
{
    const QByteArray hash = "0x88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944b";
    return QJsonDocument::fromJson(QByteArray(text).replace("%H", hash)).object();
}

} // namespace

class TestShapeFees : public QObject
{
    Q_OBJECT

private slots:
    void marketFeesUnderCaps()
    {
        QCOMPARE(FeePlan::fromMarket(wei(100), wei(5), {}), (FeePlan{wei(5), wei(205)}));
        QCOMPARE(FeePlan::fromMarket(wei(100), wei(5), {wei(3), {}}), (FeePlan{wei(3), wei(203)}));
        QCOMPARE(FeePlan::fromMarket(wei(100), wei(5), {wei(3), wei(150)}),
                 (FeePlan{wei(3), wei(150)}));
        // A ceiling below the tip takes the tip down with it.
        QCOMPARE(FeePlan::fromMarket(wei(100), wei(5), {{}, wei(2)}), (FeePlan{wei(2), wei(2)}));
        // Shape's usual market: a tiny base fee.
        QCOMPARE(FeePlan::fromMarket(wei(252), wei(1'000'000), {}),
                 (FeePlan{wei(1'000'000), wei(1'000'504)}));
    }

    void replacementsBumpBothFeesByTenPercentRoundedUp()
    {
        QCOMPARE(*FeePlan({wei(1'000'000'000), wei(3'000'000'000)}).bumped(),
                 (FeePlan{wei(1'100'000'000), wei(3'300'000'000)}));
        QCOMPARE(*FeePlan({wei(15), wei(101)}).bumped(), (FeePlan{wei(17), wei(112)}));
        // Below 10 wei, 10 % rounds to a wei: at least one more.
        QCOMPARE(*FeePlan({wei(0), wei(1)}).bumped(), (FeePlan{wei(1), wei(2)}));
        QVERIFY(!FeePlan({wei(1), U256::max()}).bumped());
    }

    void maximumCost()
    {
        const FeePlan plan{wei(1), wei(3'000'000'000)};
        QCOMPARE(*plan.maxCost(21000, wei(12345)), wei(21000ull * 3'000'000'000ull + 12345));
        QVERIFY(!FeePlan({wei(1), U256::max()}).maxCost(2, wei(0)));
    }

    void ethAmounts()
    {
        QCOMPARE(formatEth(wei(0)), QStringLiteral("0 ETH"));
        QCOMPARE(formatEth(wei(1)), QStringLiteral("0.000000000000000001 ETH"));
        QCOMPARE(formatEth(wei(1'500'000'000'000'000'000)), QStringLiteral("1.5 ETH"));
        QCOMPARE(formatEth(*U256::fromDecimal(u"10000000000000000000000")),
                 QStringLiteral("10000 ETH"));
    }

    void opStackReceiptWithItsExtraFields()
    {
        const auto receipt = rpcjson::receipt(json(R"({
            "type": "0x2", "status": "0x1", "transactionHash": "%H", "blockHash": "%H",
            "blockNumber": "0x10", "gasUsed": "0x5208", "effectiveGasPrice": "0xfc",
            "cumulativeGasUsed": "0x5208", "contractAddress": null, "from": "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
            "l1Fee": "0x1f4", "l1GasUsed": "0x640", "l1GasPrice": "0x3b9aca00", "l1FeeScalar": "0.684",
            "l1BaseFeeScalar": "0x8dd", "l1BlobBaseFee": "0x1", "l1BlobBaseFeeScalar": "0x101c12",
            "logs": [{"address": "0x420000000000000000000000000000000000000f", "topics": ["%H"],
                      "data": "0x", "blockNumber": "0x10", "blockHash": "%H",
                      "transactionHash": "%H", "logIndex": "0x0", "removed": false}]
        })"));
        QVERIFY2(receipt.ok(), qUtf8Printable(receipt.error()));
        QVERIFY(receipt->has_value());
        QVERIFY((*receipt)->succeeded);
        QCOMPARE(int((*receipt)->type), 2);
        QCOMPARE((*receipt)->gasUsed, std::uint64_t(21000));
        QCOMPARE(*(*receipt)->l1Fee, wei(500));
        QCOMPARE((*receipt)->logs.size(), std::size_t(1));
        QCOMPARE((*receipt)->logs[0].address, ShapeRpc::gasPriceOracle());
    }

    void depositReceipt()
    {
        const auto receipt = rpcjson::receipt(json(R"({
            "type": "0x7e", "status": "0x1", "transactionHash": "%H", "blockHash": "%H",
            "blockNumber": "0x10", "gasUsed": "0xb2c8", "depositNonce": "0x1a2b",
            "depositReceiptVersion": "0x1", "logs": []
        })"));
        QVERIFY2(receipt.ok(), qUtf8Printable(receipt.error()));
        QCOMPARE(int((*receipt)->type), 0x7e);
        QVERIFY((*receipt)->effectiveGasPrice.isZero());
        QVERIFY(!(*receipt)->l1Fee);
    }

    void pendingAndBrokenReceipts()
    {
        const auto pending = rpcjson::receipt(QJsonValue(QJsonValue::Null));
        QVERIFY(pending.ok() && !pending->has_value());
        const auto noStatus = rpcjson::receipt(json(R"({"transactionHash": "%H",
            "blockHash": "%H", "blockNumber": "0x10", "gasUsed": "0x5208"})"));
        QVERIFY(!noStatus.ok());
        QVERIFY2(noStatus.error().startsWith(QLatin1String("status")),
                 qUtf8Printable(noStatus.error()));
        const auto shortHash = rpcjson::receipt(json(R"({"transactionHash": "0x12",
            "blockHash": "%H", "blockNumber": "0x10", "gasUsed": "0x5208", "status": "0x1"})"));
        QVERIFY(!shortHash.ok());
    }

    void blocks()
    {
        const auto london =
            rpcjson::block(json(R"({"number": "0x2a", "hash": "%H", "baseFeePerGas": "0x7"})"));
        QVERIFY2(london.ok(), qUtf8Printable(london.error()));
        QCOMPARE((*london)->number, std::uint64_t(42));
        QCOMPARE(*(*london)->baseFeePerGas, wei(7));
        const auto older = rpcjson::block(json(R"({"number": "0x2a", "hash": "%H"})"));
        QVERIFY(older.ok() && !(*older)->baseFeePerGas);
        QVERIFY(!rpcjson::block(json(R"({"number": 42, "hash": "%H"})")).ok());
        QVERIFY(!rpcjson::quantity(QStringLiteral("0x10000000000000000")).ok());
        QCOMPARE(*rpcjson::quantity(QStringLiteral("0xffffffffffffffff")), ~std::uint64_t(0));
    }
};

QTEST_GUILESS_MAIN(TestShapeFees)
#include "tst_shapefees.moc"
