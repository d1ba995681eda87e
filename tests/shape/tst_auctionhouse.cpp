// The auction house contract through the studio's own client, on a real anvil: the artifact built
// into the program deploys (and a dry run only signs), reserve and claim as the contract's ABI
// wants them, reservation(), ownerOf() and tokenURI() read back, the events decoded from the
// receipts' logs, and every refusal the driver meets in words an operator understands.

#include "Abi.h"
#include "AnvilNode.h"
#include "AuctionHouse.h"
#include "ChainHelpers.h"
#include "Hex.h"
#include "HttpClient.h"
#include "ShapeVectors.h"

#include <QtTest>

#include <memory>

using namespace sb::integrations;
using namespace sb::integrations::shape;
using namespace shapetest;

class TestAuctionHouse : public QObject
{
    Q_OBJECT

private:
    AnvilNode m_anvil;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<ShapeRpc> m_rpc;
    Secp256k1Key m_operator = devKey(kDevKey0);
    Secp256k1Key m_buyer = devKey(kDevKey2);
    Secp256k1Key m_stranger = devKey(kDevKey3);
    Address m_house;

    std::uint64_t chainTime()
    {
        const QJsonValue raw = rawCall(*m_rpc, QStringLiteral("eth_getBlockByNumber"),
                                       {QStringLiteral("latest"), false});
        return U256::fromHex(raw.toObject().value(QLatin1String("timestamp")).toString())
            ->toUint64()
            .value();
    }

    // The refusal of an eth_estimateGas of `data` from `from`, in the contract's words.
    std::optional<ContractError> refusal(const Address& from, const QByteArray& data,
                                         const U256& value = U256())
    {
        CallRequest request;
        request.from = from;
        request.to = m_house;
        request.value = value;
        request.data = data;
        const auto gas =
            waitFor<std::uint64_t>([&](auto done) { m_rpc->estimateGas(request, done); });
        if (gas)
            return std::nullopt;
        return AuctionHouse::decodeError(gas.error());
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_anvil.start(), qPrintable(m_anvil.error()));
        m_http = std::make_unique<HttpClient>();
        m_rpc = std::make_unique<ShapeRpc>(m_http.get(), m_anvil.url());
        m_rpc->setTimeoutMs(120'000);
    }

    void errorsReadAsSentences()
    {
        const QByteArray wrong = Abi::encodeCall("WrongAmount(uint256,uint256,uint256)",
                                                 {AbiValue::uint256(U256::fromUint64(3)),
                                                  AbiValue::uint256(u256("500000000000000000")),
                                                  AbiValue::uint256(u256("1000"))});
        const auto error = AuctionHouse::decodeError(QByteArrayView(wrong));
        QVERIFY(error);
        QCOMPARE(error->name, QStringLiteral("WrongAmount"));
        QCOMPARE(
            error->sentence,
            QStringLiteral("Auction 3 costs exactly 0.5 ETH; 0.000000000000001 ETH was sent."));
        QVERIFY(!AuctionHouse::decodeError(QByteArrayView(hex("deadbeef"))));
        QVERIFY(!AuctionHouse::decodeError(QByteArrayView(hex("12"))));
        const QByteArray require =
            Abi::encodeCall("Error(string)", {AbiValue::string(QStringLiteral("nope"))});
        QCOMPARE(AuctionHouse::decodeError(QByteArrayView(require))->sentence,
                 QStringLiteral("The contract refused: nope"));
    }

    // A log is a node's answer: read, never trusted.
    void logsAreReadStrictly()
    {
        LogEntry claimed;
        claimed.topics = {AuctionHouse::claimedTopic(), U256::fromUint64(7).toWord(),
                          Abi::topic(address(kDevAddress2))};
        claimed.data = U256::fromUint64(5).toWord();
        const auto ok = AuctionHouse::decodeLog(claimed);
        QVERIFY(ok && *ok);
        QCOMPARE((*ok)->kind, AuctionHouseEvent::Kind::Claimed);
        QCOMPARE((*ok)->auctionId, U256::fromUint64(7));
        QCOMPARE((*ok)->buyer, address(kDevAddress2));
        QCOMPARE((*ok)->priceWei, U256::fromUint64(5));

        LogEntry shortData = claimed;
        shortData.data = hex("0102");
        QVERIFY(!AuctionHouse::decodeLog(shortData));
        LogEntry missingTopic = claimed;
        missingTopic.topics.pop_back();
        QVERIFY(!AuctionHouse::decodeLog(missingTopic));
        LogEntry badAddress = claimed;
        badAddress.topics[2] = QByteArray(32, '\xff'); // not 12 zero bytes and an address
        QVERIFY(!AuctionHouse::decodeLog(badAddress));
        LogEntry reserved;
        reserved.topics = {AuctionHouse::reservedTopic(), U256::fromUint64(1).toWord(),
                           Abi::topic(address(kDevAddress2))};
        reserved.data = U256::fromUint64(5).toWord() + U256::fromUint64(9).toWord() +
                        U256::fromUint64(4096).toWord(); // the string's offset past the end
        QVERIFY(!AuctionHouse::decodeLog(reserved));
        LogEntry other;
        other.topics = {Abi::eventTopic("Paused(address)")};
        const auto notOurs = AuctionHouse::decodeLog(other);
        QVERIFY(notOurs && !*notOurs);
        QVERIFY(AuctionHouse::decodeLog(LogEntry{}) && !*AuctionHouse::decodeLog(LogEntry{}));
        QVERIFY(!AuctionHouse::decodeReservation(QByteArrayView(hex("00"))));
    }

    void artifactIsBuiltIn()
    {
        const auto artifact = AuctionHouse::artifact();
        QVERIFY2(artifact, qPrintable(artifact.error()));
        QVERIFY(artifact->bytecode.startsWith(hex("6080604052")));
        const auto data =
            AuctionHouse::creationData(*artifact, QStringLiteral("S"), QStringLiteral("S"),
                                       address(kDevAddress1), address(kDevAddress0));
        QVERIFY(data);
        QVERIFY(data->startsWith(artifact->bytecode));
        QCOMPARE(data->size(), artifact->bytecode.size() + 8 * 32);
        QVERIFY(!AuctionHouse::creationData(*artifact, QStringLiteral("S"), QStringLiteral("S"),
                                            Address(), address(kDevAddress0)));
    }

    void dryRunOnlySigns()
    {
        DeployOptions options;
        options.chainId = 31337;
        options.treasury = address(kDevAddress1);
        options.dryRun = true;
        const auto before = waitFor<std::uint64_t>(
            [&](auto done) { m_rpc->pendingNonce(m_operator.address(), done); });
        const auto deployed = waitFor<Deployment>(
            [&](auto done) { AuctionHouse::deploy(*m_rpc, m_operator, options, done); });
        QVERIFY2(deployed, why(deployed).constData());
        QVERIFY(!deployed->address);
        QVERIFY(!deployed->transaction.transaction.to);
        QCOMPARE(deployed->transaction.sender, m_operator.address());
        const auto after = waitFor<std::uint64_t>(
            [&](auto done) { m_rpc->pendingNonce(m_operator.address(), done); });
        QCOMPARE(*after, *before);

        options.chainId = 360; // Shape mainnet: refused before anything is signed
        const auto refused = waitFor<Deployment>(
            [&](auto done) { AuctionHouse::deploy(*m_rpc, m_operator, options, done); });
        QVERIFY(!refused);
        QVERIFY(refused.error().sentence().contains(QStringLiteral("chain 360")));
    }

    void deploys()
    {
        const auto house =
            deployHouse(*m_rpc, m_operator, address(kDevAddress1), m_operator.address());
        QVERIFY2(house, why(house).constData());
        m_house = *house;
        const auto code = waitFor<QByteArray>([&](auto done) { m_rpc->code(m_house, done); });
        QVERIFY(code && !code->isEmpty());
        AuctionHouse contract(*m_rpc, m_house);
        const auto op = waitFor<Address>([&](auto done) { contract.operatorAddress(done); });
        QVERIFY(op);
        QCOMPARE(*op, m_operator.address());
    }

    void reserveAndClaim()
    {
        QVERIFY(!m_house.isZero());
        AuctionHouse contract(*m_rpc, m_house);
        const std::uint64_t deadline = chainTime() + 3600;
        const U256 price = *U256::weiFromGwei(250'000'000); // 0.25 ETH
        const QString uri = QStringLiteral("ipfs://lot-1");

        // Only the operator reserves.
        const auto notOperator =
            refusal(m_stranger.address(),
                    AuctionHouse::reserveCall(1, m_buyer.address(), price, deadline, uri));
        QVERIFY(notOperator);
        QCOMPARE(notOperator->name, QStringLiteral("NotOperator"));
        QVERIFY(notOperator->sentence.contains(m_stranger.address().toChecksummed()));

        const auto reserved =
            sendAndWait(*m_rpc, m_operator, m_house,
                        AuctionHouse::reserveCall(1, m_buyer.address(), price, deadline, uri));
        QVERIFY2(reserved, why(reserved).constData());
        QVERIFY(reserved->succeeded);
        QCOMPARE(reserved->logs.size(), std::size_t(1));
        const auto event = AuctionHouse::decodeLog(reserved->logs[0]);
        QVERIFY2(event, qPrintable(event.error()));
        QVERIFY(*event);
        QCOMPARE((*event)->kind, AuctionHouseEvent::Kind::Reserved);
        QCOMPARE((*event)->auctionId, U256::fromUint64(1));
        QCOMPARE((*event)->buyer, m_buyer.address());
        QCOMPARE((*event)->priceWei, price);
        QCOMPARE((*event)->deadline, deadline);
        QCOMPARE((*event)->tokenUri, uri);

        const auto reservation =
            waitFor<OnChainReservation>([&](auto done) { contract.reservation(1, done); });
        QVERIFY(reservation);
        QCOMPARE(reservation->status, ReservationStatus::Open);
        QCOMPARE(reservation->buyer, m_buyer.address());
        QCOMPARE(reservation->priceWei, price);
        QCOMPARE(reservation->deadline, deadline);

        // What the driver meets: too early to reassign, a second reservation, a wrong payment,
        // someone else paying.
        const auto early =
            refusal(m_operator.address(),
                    AuctionHouse::reassignCall(1, m_stranger.address(), price, deadline + 60));
        QVERIFY(early);
        QCOMPARE(early->name, QStringLiteral("DeadlineNotPassed"));
        QVERIFY2(early->sentence.contains(QStringLiteral("may claim until")),
                 qPrintable(early->sentence));
        const auto again =
            refusal(m_operator.address(),
                    AuctionHouse::reserveCall(1, m_stranger.address(), price, deadline, uri));
        QVERIFY(again);
        QCOMPARE(again->sentence, QStringLiteral("Auction 1 is already reserved on chain."));
        const auto wrongAmount =
            refusal(m_buyer.address(), AuctionHouse::claimCall(1), *U256::weiFromGwei(1));
        QVERIFY(wrongAmount);
        QCOMPARE(wrongAmount->sentence,
                 QStringLiteral("Auction 1 costs exactly 0.25 ETH; 0.000000001 ETH was sent."));
        const auto notBuyer = refusal(m_stranger.address(), AuctionHouse::claimCall(1), price);
        QVERIFY(notBuyer);
        QCOMPARE(notBuyer->name, QStringLiteral("NotTheBuyer"));

        const auto none =
            waitFor<std::optional<Address>>([&](auto done) { contract.ownerOf(1, done); });
        QVERIFY(none);
        QVERIFY(!*none);

        const auto claimed =
            sendAndWait(*m_rpc, m_buyer, m_house, AuctionHouse::claimCall(1), price);
        QVERIFY2(claimed, why(claimed).constData());
        QVERIFY(claimed->succeeded);
        bool sawClaim = false;
        bool sawTransfer = false;
        for (const LogEntry& log : claimed->logs) {
            const auto decoded = AuctionHouse::decodeLog(log);
            QVERIFY2(decoded, qPrintable(decoded.error()));
            QVERIFY(*decoded);
            if ((*decoded)->kind == AuctionHouseEvent::Kind::Claimed) {
                sawClaim = true;
                QCOMPARE((*decoded)->buyer, m_buyer.address());
                QCOMPARE((*decoded)->priceWei, price);
            }
            if ((*decoded)->kind == AuctionHouseEvent::Kind::Transfer) {
                sawTransfer = true;
                QVERIFY((*decoded)->previousBuyer.isZero()); // a mint
                QCOMPARE((*decoded)->buyer, m_buyer.address());
                QCOMPARE((*decoded)->auctionId, U256::fromUint64(1));
            }
        }
        QVERIFY(sawClaim && sawTransfer);

        const auto owner =
            waitFor<std::optional<Address>>([&](auto done) { contract.ownerOf(1, done); });
        QVERIFY(owner && *owner);
        QCOMPARE(**owner, m_buyer.address());
        const auto tokenUri = waitFor<QString>([&](auto done) { contract.tokenUri(1, done); });
        QVERIFY(tokenUri);
        QCOMPARE(*tokenUri, uri);
        const auto after =
            waitFor<OnChainReservation>([&](auto done) { contract.reservation(1, done); });
        QCOMPARE(after->status, ReservationStatus::Claimed);
        const auto twice = refusal(m_buyer.address(), AuctionHouse::claimCall(1), price);
        QVERIFY(twice);
        QCOMPARE(twice->sentence,
                 QStringLiteral("Auction 1 is not open on chain (its reservation is claimed)."));
    }

    void cleanupTestCase()
    {
        m_rpc.reset();
        m_http.reset();
        m_anvil.stop();
    }
};

QTEST_GUILESS_MAIN(TestAuctionHouse)
#include "tst_auctionhouse.moc"
