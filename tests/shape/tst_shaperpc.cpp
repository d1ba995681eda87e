// The chain client against a real anvil on loopback (started and stopped here): the chain id
// check, nonces and balances, a signed type-2 transfer sent, included, safe and finalized, sends
// that fail by meaning (already known, a used nonce, an underpriced replacement, no funds), a reorg
// that takes the transaction's block away, eth_getLogs over 2,500 blocks in chunks, and nodes that
// cannot be reached or answer garbage or nothing.

#include "Abi.h"
#include "AnvilNode.h"
#include "FakeRpcServer.h"
#include "FeePlan.h"
#include "Hex.h"
#include "HttpClient.h"
#include "ShapeRpc.h"
#include "ShapeVectors.h"
#include "TransactionSender.h"

#include <QDeadlineTimer>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <memory>

using namespace sb::integrations;
using namespace sb::integrations::shape;
using namespace shapetest;

namespace {

// Runs the event loop until `done` holds; the deadline only guards against a hang.
template <class Predicate> bool spinUntil(Predicate done)
{
    const QDeadlineTimer deadline(150'000);
    while (!done() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    return done();
}

// The failure's sentence for a test message, or nothing.
template <class T> QByteArray why(const RpcResult<T>& result)
{
    return result.ok() ? QByteArray() : result.error().sentence().toUtf8();
}

// The failure of a call expected to fail (a "succeeded" Refused error when it did not).
template <class T> RpcError errorOf(const RpcResult<T>& result)
{
    return result.ok() ? RpcError{RpcError::Kind::Refused,
                                  QStringLiteral("test"),
                                  0,
                                  0,
                                  QStringLiteral("it succeeded"),
                                  {}}
                       : result.error();
}

// Starts an asynchronous call and waits for its callback.
template <class T, class Start> RpcResult<T> wait(Start start)
{
    auto answer = std::make_shared<std::optional<RpcResult<T>>>();
    start([answer](const RpcResult<T>& result) { answer->emplace(result); });
    if (!spinUntil([&] { return answer->has_value(); }))
        return RpcError{RpcError::Kind::Transport,
                        QStringLiteral("test"),
                        0,
                        0,
                        QStringLiteral("no callback"),
                        {}};
    return **answer;
}

SendOutcome send(TransactionSender& sender, const SignedTransaction& tx)
{
    auto outcome = std::make_shared<std::optional<SendOutcome>>();
    sender.broadcast(tx, [outcome](const SendOutcome& o) { outcome->emplace(o); });
    if (!spinUntil([&] { return outcome->has_value(); }))
        return SendOutcome{SendOutcome::Status::Failed, QStringLiteral("no callback"), {}};
    return **outcome;
}

} // namespace

class TestShapeRpc : public QObject
{
    Q_OBJECT

private:
    AnvilNode m_anvil;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<ShapeRpc> m_rpc;
    std::unique_ptr<TransactionSender> m_sender;
    Secp256k1Key m_key = devKey(kDevKey0);

    QJsonValue rpc(const char* method, const QJsonArray& params = {})
    {
        const auto result = wait<QJsonValue>(
            [&](auto done) { m_rpc->call(QString::fromLatin1(method), params, done); });
        if (!result) {
            qWarning().noquote() << errorOf(result).sentence();
            return QJsonValue(QJsonValue::Undefined);
        }
        return *result;
    }

    // A transfer from dev account 0 at the market's fees, with `nonce` (its pending nonce if none).
    SignedTransaction transfer(const U256& value, std::optional<std::uint64_t> nonce = {},
                               std::optional<FeePlan> fees = {}, const Secp256k1Key* key = nullptr)
    {
        key = key ? key : &m_key;
        if (!nonce)
            nonce =
                *wait<std::uint64_t>([&](auto done) { m_rpc->pendingNonce(key->address(), done); });
        if (!fees)
            fees = *wait<FeePlan>([&](auto done) { planFees(*m_rpc, FeeCaps{}, done); });
        Eip1559Transaction tx;
        tx.chainId = 31337;
        tx.nonce = *nonce;
        tx.maxPriorityFeePerGas = fees->maxPriorityFeePerGas;
        tx.maxFeePerGas = fees->maxFeePerGas;
        tx.gasLimit = 21000;
        tx.to = address(kDevAddress1);
        tx.value = value;
        return tx.sign(*key).value();
    }

    // The receipt once the transaction is mined (anvil's automine answers eth_sendTransaction
    // before the block is in).
    std::optional<Receipt> minedReceipt(const QByteArray& hash)
    {
        std::optional<Receipt> receipt;
        spinUntil([&] {
            const auto read =
                wait<std::optional<Receipt>>([&](auto done) { m_rpc->receipt(hash, done); });
            if (read.ok())
                receipt = *read;
            return receipt.has_value();
        });
        return receipt;
    }

    U256 balanceOf(const Address& account)
    {
        return *wait<U256>([&](auto done) { m_rpc->balance(account, done); });
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_anvil.start(), qUtf8Printable(m_anvil.error()));
        m_http = std::make_unique<HttpClient>();
        m_rpc = std::make_unique<ShapeRpc>(m_http.get(), m_anvil.url());
        // Mining 2,500 blocks on a busy machine can take longer than a node's usual answer.
        m_rpc->setTimeoutMs(120'000);
        m_sender = std::make_unique<TransactionSender>(*m_rpc);
        m_sender->setPollIntervalMs(50);
    }

    void cleanupTestCase()
    {
        m_sender.reset();
        m_rpc.reset();
        m_http.reset();
        m_anvil.stop();
    }

    void chainIdIsChecked()
    {
        const auto id = wait<std::uint64_t>([&](auto done) { m_rpc->checkChain(31337, done); });
        QVERIFY2(id.ok(), why(id).constData());
        QCOMPARE(*id, std::uint64_t(31337));

        const auto wrong = wait<std::uint64_t>([&](auto done) { m_rpc->checkChain(360, done); });
        QVERIFY(!wrong.ok());
        QCOMPARE(errorOf(wrong).kind, RpcError::Kind::Refused);
        const QString sentence = errorOf(wrong).sentence();
        QVERIFY2(sentence.contains(QLatin1String("31337")) &&
                     sentence.contains(QLatin1String("360 (Shape mainnet)")),
                 qUtf8Printable(sentence));
    }

    void devAccountNonceAndBalance()
    {
        const auto nonce = wait<std::uint64_t>(
            [&](auto done) { m_rpc->pendingNonce(address(kDevAddress0), done); });
        QVERIFY(nonce.ok());
        QCOMPARE(*nonce, std::uint64_t(0));
        QCOMPARE(balanceOf(address(kDevAddress0)), u256("10000000000000000000000"));
    }

    void unknownMethodIsTheNodesError()
    {
        const auto result = wait<QJsonValue>(
            [&](auto done) { m_rpc->call(QStringLiteral("eth_noSuchMethod"), {}, done); });
        QVERIFY(!result.ok());
        QCOMPARE(errorOf(result).kind, RpcError::Kind::JsonRpc);
        QVERIFY(errorOf(result).sentence().contains(QLatin1String("eth_noSuchMethod")));
    }

    void transferIsIncludedSafeAndFinalized()
    {
        const SignedTransaction tx = transfer(U256::fromUint64(12345));
        const U256 before = balanceOf(address(kDevAddress1));

        const auto l1Fee =
            wait<U256>([&](auto done) { m_rpc->l1Fee(tx.transaction.signingPayload(), done); });
        QVERIFY(l1Fee.ok());
        QVERIFY(l1Fee->isZero()); // anvil has no GasPriceOracle predeploy
        CallRequest estimate{m_key.address(), address(kDevAddress1), U256::fromUint64(12345), {}};
        const auto gas =
            wait<std::uint64_t>([&](auto done) { m_rpc->estimateGas(estimate, done); });
        QVERIFY(gas.ok());
        QCOMPARE(*gas, std::uint64_t(21000));

        const auto funds =
            wait<std::optional<QString>>([&](auto done) { m_sender->checkFunds(tx, done); });
        QVERIFY2(funds.ok() && !funds->has_value(), why(funds).constData());
        const SendOutcome sent = send(*m_sender, tx);
        QVERIFY2(sent.status == SendOutcome::Status::Accepted, qUtf8Printable(sent.message));
        std::vector<WatchUpdate> updates;
        m_sender->watch(tx, [&](const WatchUpdate& update) { updates.push_back(update); });
        QTRY_VERIFY_WITH_TIMEOUT(!updates.empty() && updates.back().level == Confirmation::Included,
                                 30'000);
        QCOMPARE(updates.front().level, Confirmation::Sent);
        const Receipt receipt = *updates.back().receipt;
        QVERIFY(receipt.succeeded);
        QCOMPARE(int(receipt.type), 2);
        QCOMPARE(receipt.transactionHash, tx.hash());
        QCOMPARE(receipt.gasUsed, std::uint64_t(21000));
        QVERIFY(receipt.effectiveGasPrice <= tx.transaction.maxFeePerGas);
        QCOMPARE(balanceOf(address(kDevAddress1)), *before.checkedAdd(U256::fromUint64(12345)));

        // anvil's safe block is 32 behind the latest, its finalized one 64.
        rpc("anvil_mine", {QStringLiteral("0x20")});
        QTRY_VERIFY_WITH_TIMEOUT(updates.back().level == Confirmation::Safe, 120'000);
        rpc("anvil_mine", {QStringLiteral("0x20")});
        QTRY_VERIFY_WITH_TIMEOUT(updates.back().level == Confirmation::Finalized, 120'000);
        QCOMPARE(m_sender->watchCount(), 0);

        // The same signed bytes again: its nonce is "too low", but the transaction is ours.
        const SendOutcome again = send(*m_sender, tx);
        QVERIFY2(again.status == SendOutcome::Status::AlreadyKnown, qUtf8Printable(again.message));
        QVERIFY(again.succeeded());
    }

    void usedNonceIsClassified()
    {
        const SignedTransaction stale = transfer(U256::fromUint64(777), 0);
        const SendOutcome outcome = send(*m_sender, stale);
        QVERIFY2(outcome.status == SendOutcome::Status::NonceUsed, qUtf8Printable(outcome.message));
        QVERIFY(
            outcome.message.contains(QLatin1String("Nonce 0 of ") + QLatin1String(kDevAddress0)));
    }

    void pendingDuplicateAndUnderpricedReplacement()
    {
        rpc("anvil_setAutomine", {false});
        const SignedTransaction first = transfer(U256::fromUint64(1));
        QCOMPARE(send(*m_sender, first).status, SendOutcome::Status::Accepted);
        const SendOutcome duplicate = send(*m_sender, first);
        QVERIFY2(duplicate.status == SendOutcome::Status::AlreadyKnown,
                 qUtf8Printable(duplicate.message));

        const FeePlan fees{first.transaction.maxPriorityFeePerGas, first.transaction.maxFeePerGas};
        const SignedTransaction same = transfer(U256::fromUint64(2), first.transaction.nonce, fees);
        const SendOutcome underpriced = send(*m_sender, same);
        QVERIFY2(underpriced.status == SendOutcome::Status::Underpriced,
                 qUtf8Printable(underpriced.message));

        const SignedTransaction bumped =
            transfer(U256::fromUint64(2), first.transaction.nonce, *fees.bumped());
        const SendOutcome replaced = send(*m_sender, bumped);
        QVERIFY2(replaced.status == SendOutcome::Status::Accepted,
                 qUtf8Printable(replaced.message));
        rpc("evm_mine");
        rpc("anvil_setAutomine", {true});
        const auto mined =
            wait<std::optional<Receipt>>([&](auto done) { m_rpc->receipt(bumped.hash(), done); });
        QVERIFY(mined.ok() && mined->has_value());
        const auto dropped =
            wait<std::optional<Receipt>>([&](auto done) { m_rpc->receipt(first.hash(), done); });
        QVERIFY(dropped.ok() && !dropped->has_value());
    }

    void unfundedKeyIsToldHowMuchIsMissing()
    {
        const Secp256k1Key poor =
            devKey("0x1111111111111111111111111111111111111111111111111111111111111111");
        const SignedTransaction tx = transfer(*U256::weiFromGwei(1'000'000'000), 0, {}, &poor);
        const auto before =
            wait<std::optional<QString>>([&](auto done) { m_sender->checkFunds(tx, done); });
        QVERIFY2(before.ok() && before->has_value(), why(before).constData());
        const SendOutcome outcome = send(*m_sender, tx);
        QCOMPARE(**before, outcome.message);
        QVERIFY2(outcome.status == SendOutcome::Status::InsufficientFunds,
                 qUtf8Printable(outcome.message));
        const FeePlan fees{tx.transaction.maxPriorityFeePerGas, tx.transaction.maxFeePerGas};
        const QString needed = formatEth(*fees.maxCost(21000, tx.transaction.value));
        QVERIFY2(outcome.message.contains(poor.address().toChecksummed()) &&
                     outcome.message.contains(QLatin1String("holds 0 ETH")) &&
                     outcome.message.contains(needed),
                 qUtf8Printable(outcome.message));
    }

    // anvil_reorg with no transactions drops the reorganised block's transactions altogether (the
    // receipt and the transaction are gone from the node): the watcher goes back to "sent" and
    // broadcasts the same bytes again. anvil_reorg given the raw transaction mines it again in a
    // block of another hash: back to "sent", then included in the new block.
    void reorgPutsTheTransactionBackToSent()
    {
        const SignedTransaction tx = transfer(U256::fromUint64(4242));
        QCOMPARE(send(*m_sender, tx).status, SendOutcome::Status::Accepted);
        std::vector<WatchUpdate> updates;
        m_sender->watch(tx, [&](const WatchUpdate& update) { updates.push_back(update); });
        QTRY_VERIFY_WITH_TIMEOUT(updates.size() == 2, 120'000);
        QCOMPARE(updates[1].level, Confirmation::Included);
        const QByteArray firstBlock = updates[1].receipt->blockHash;

        rpc("anvil_reorg", {1, QJsonArray()});
        QTRY_VERIFY_WITH_TIMEOUT(updates.size() == 4, 120'000);
        QCOMPARE(updates[2].level, Confirmation::Sent);
        QVERIFY(!updates[2].note.isEmpty());
        QCOMPARE(updates[3].level, Confirmation::Included);
        const QByteArray secondBlock = updates[3].receipt->blockHash;
        QVERIFY(secondBlock != firstBlock);

        // Another transaction in the new block makes sure that its hash differs.
        const Secp256k1Key key1 = devKey(kDevKey1);
        const SignedTransaction other = transfer(U256::fromUint64(1), {}, {}, &key1);
        rpc("anvil_reorg",
            {1, QJsonArray{QJsonArray{toHex(tx.raw()), 0}, QJsonArray{toHex(other.raw()), 0}}});
        QTRY_VERIFY_WITH_TIMEOUT(updates.size() == 6, 120'000);
        QCOMPARE(updates[4].level, Confirmation::Sent);
        QCOMPARE(updates[5].level, Confirmation::Included);
        QVERIFY(updates[5].receipt->blockHash != secondBlock);
        QVERIFY(updates[5].receipt->succeeded);
        m_sender->stopWatching(tx.hash());
    }

    void logsAreReadInChunksOfAThousandBlocks()
    {
        // A contract whose every call logs the word 42 (LOG0): 23 bytes of init code.
        const QJsonObject deploy{
            {QStringLiteral("from"), QLatin1String(kDevAddress0)},
            {QStringLiteral("data"),
             QStringLiteral("0x600b600c600039600b6000f3602a60005260206000a000")}};
        const auto deployed =
            minedReceipt(*fromHex(rpc("eth_sendTransaction", {deploy}).toString()));
        QVERIFY(deployed && deployed->contractAddress);
        const Address emitter = *deployed->contractAddress;
        const QJsonObject ping{{QStringLiteral("from"), QLatin1String(kDevAddress0)},
                               {QStringLiteral("to"), toHex(emitter.bytes())}};
        QVERIFY(minedReceipt(*fromHex(rpc("eth_sendTransaction", {ping}).toString())));
        rpc("anvil_mine", {QStringLiteral("0x9c4")}); // 2,500 blocks
        const auto last = minedReceipt(*fromHex(rpc("eth_sendTransaction", {ping}).toString()));
        QVERIFY(last);
        const std::uint64_t head = last->blockNumber;
        QVERIFY(head > 2500);

        const int before = m_rpc->requestCount();
        LogFilter filter;
        filter.address = emitter;
        filter.fromBlock = 0;
        filter.toBlock = head;
        const auto logs =
            wait<std::vector<LogEntry>>([&](auto done) { m_rpc->logs(filter, done); });
        QVERIFY2(logs.ok(), why(logs).constData());
        QCOMPARE(m_rpc->requestCount() - before, int((head + 1 + 999) / 1000));
        QCOMPARE(logs->size(), std::size_t(2));
        QCOMPARE(logs->back().blockNumber, head);
        QCOMPARE(logs->front().address, emitter);
        QCOMPARE(*Abi::decodeUint(logs->front().data, 0), U256::fromUint64(42));
    }

    void unreachableGarbageAndSilentNodes()
    {
        HttpClient http;
        ShapeRpc refused(&http, QStringLiteral("http://127.0.0.1:%1").arg(freeLoopbackPort()));
        const auto noNode = wait<std::uint64_t>([&](auto done) { refused.chainId(done); });
        QVERIFY(!noNode.ok());
        QCOMPARE(errorOf(noNode).kind, RpcError::Kind::Transport);
        QVERIFY(errorOf(noNode).sentence().startsWith(
            QLatin1String("Shape's RPC could not be reached for eth_chainId")));

        FakeRpcServer server;
        ShapeRpc fake(&http, server.url());
        fake.setTimeoutMs(1'000);
        const auto ask = [&] {
            return wait<std::uint64_t>([&](auto done) { fake.chainId(done); });
        };

        server.answer = FakeRpcServer::http("200 OK", "<html>not json</html>");
        QCOMPARE(errorOf(ask()).kind, RpcError::Kind::Garbage);
        server.answer =
            FakeRpcServer::http("200 OK", R"({"jsonrpc":"2.0","id":999,"result":"0x1"})");
        QVERIFY(errorOf(ask()).sentence().contains(QLatin1String("another request's id")));
        server.answer =
            FakeRpcServer::http("200 OK", R"({"jsonrpc":"2.0","id":3,"result":"0xZZ"})");
        QCOMPARE(errorOf(ask()).kind, RpcError::Kind::Garbage);
        server.answer = FakeRpcServer::http("502 Bad Gateway", "upstream down");
        const auto badGateway = ask();
        QCOMPARE(errorOf(badGateway).kind, RpcError::Kind::HttpStatus);
        QCOMPARE(errorOf(badGateway).httpStatus, 502);
        server.answer.clear();
        const auto silent = ask();
        QCOMPARE(errorOf(silent).kind, RpcError::Kind::Transport);

        TransactionSender sender(fake);
        server.answer = FakeRpcServer::http("200 OK", "garbage");
        const SendOutcome outcome = send(sender, transfer(U256::fromUint64(1), 0, FeePlan{}));
        QCOMPARE(outcome.status, SendOutcome::Status::Failed);
        QVERIFY(outcome.message.contains(QLatin1String("eth_sendRawTransaction")));
    }

    void l1FeeFromTheGasPriceOracle()
    {
        // A stand-in oracle at the predeploy whose every call returns 123.
        const QString oracle = toHex(ShapeRpc::gasPriceOracle().bytes());
        rpc("anvil_setCode", {oracle, QStringLiteral("0x607b60005260206000f3")});
        const QByteArray payload = transfer(U256::fromUint64(1)).transaction.signingPayload();
        const auto fee = wait<U256>([&](auto done) { m_rpc->l1Fee(payload, done); });
        rpc("anvil_setCode", {oracle, QStringLiteral("0x")});
        QVERIFY2(fee.ok(), why(fee).constData());
        QCOMPARE(*fee, U256::fromUint64(123));
    }

    // A node that refuses the "safe" and "finalized" tags: blocks by those tags are "not known",
    // and a mined transaction stays "included" instead of failing.
    void nodeWithoutSafeOrFinalizedBlocks()
    {
        const SignedTransaction tx = transfer(U256::fromUint64(1), 0, FeePlan{});
        const QString hash = toHex(tx.hash());
        const QString block = toHex(QByteArray(32, '\x11'));
        FakeRpcServer server;
        server.node = [&](const QString& method, const QJsonArray& params) {
            const auto result = [](const QJsonValue& v) {
                return QJsonObject{{QStringLiteral("result"), v}};
            };
            if (method == QLatin1String("eth_getTransactionReceipt"))
                return result(QJsonObject{{QStringLiteral("type"), QStringLiteral("0x2")},
                                          {QStringLiteral("status"), QStringLiteral("0x1")},
                                          {QStringLiteral("transactionHash"), hash},
                                          {QStringLiteral("blockHash"), block},
                                          {QStringLiteral("blockNumber"), QStringLiteral("0x5")},
                                          {QStringLiteral("gasUsed"), QStringLiteral("0x5208")},
                                          {QStringLiteral("logs"), QJsonArray()}});
            if (method == QLatin1String("eth_getBlockByNumber") &&
                params.at(0).toString().startsWith(QLatin1String("0x")))
                return result(QJsonObject{{QStringLiteral("number"), params.at(0)},
                                          {QStringLiteral("hash"), block}});
            return QJsonObject{
                {QStringLiteral("error"),
                 QJsonObject{{QStringLiteral("code"), -32000},
                             {QStringLiteral("message"), QStringLiteral("unknown block tag")}}}};
        };
        HttpClient http;
        ShapeRpc node(&http, server.url());
        const auto safe = wait<std::optional<BlockHeader>>(
            [&](auto done) { node.blockByTag(QStringLiteral("safe"), done); });
        QVERIFY2(safe.ok(), why(safe).constData());
        QVERIFY(!safe->has_value());
        const auto latest = wait<std::optional<BlockHeader>>(
            [&](auto done) { node.blockByTag(QStringLiteral("latest"), done); });
        QCOMPARE(errorOf(latest).kind, RpcError::Kind::JsonRpc);

        TransactionSender sender(node);
        sender.setPollIntervalMs(20);
        std::vector<WatchUpdate> updates;
        sender.watch(tx, [&](const WatchUpdate& update) { updates.push_back(update); });
        QTRY_VERIFY_WITH_TIMEOUT(updates.size() == 2, 120'000);
        QCOMPARE(updates[1].level, Confirmation::Included);
        const int polled = node.requestCount();
        QTRY_VERIFY_WITH_TIMEOUT(node.requestCount() > polled + 8, 120'000);
        QCOMPARE(updates.size(), std::size_t(2));
        QCOMPARE(sender.watchCount(), 1);
    }

    // A node that answers about something else: a receipt or a transaction of another hash is an
    // error, not an answer; logs of another contract (a look-alike Claimed anyone can emit) or
    // outside the blocks asked for are not handed over. Its URL's key is shown nowhere.
    void answersAboutSomethingElseAreNotTaken()
    {
        const QString asked = toHex(QByteArray(32, '\x0a'));
        const QString other = toHex(QByteArray(32, '\x0b'));
        const Address house = *Address::fromBytes(QByteArray(20, '\x11'));
        const Address lookAlike = *Address::fromBytes(QByteArray(20, '\x22'));
        const auto logOf = [&](const Address& from, const char* block) {
            return QJsonObject{{QStringLiteral("address"), toHex(from.bytes())},
                               {QStringLiteral("topics"), QJsonArray{asked}},
                               {QStringLiteral("data"), QStringLiteral("0x")},
                               {QStringLiteral("blockNumber"), QLatin1String(block)},
                               {QStringLiteral("blockHash"), other},
                               {QStringLiteral("transactionHash"), other},
                               {QStringLiteral("logIndex"), QStringLiteral("0x0")}};
        };
        FakeRpcServer server;
        server.node = [&](const QString& method, const QJsonArray&) {
            const auto result = [](const QJsonValue& v) {
                return QJsonObject{{QStringLiteral("result"), v}};
            };
            if (method == QLatin1String("eth_getTransactionReceipt"))
                return result(QJsonObject{{QStringLiteral("status"), QStringLiteral("0x1")},
                                          {QStringLiteral("transactionHash"), other},
                                          {QStringLiteral("blockHash"), other},
                                          {QStringLiteral("blockNumber"), QStringLiteral("0x5")},
                                          {QStringLiteral("gasUsed"), QStringLiteral("0x5208")}});
            if (method == QLatin1String("eth_getTransactionByHash"))
                return result(QJsonObject{{QStringLiteral("hash"), other},
                                          {QStringLiteral("from"), toHex(house.bytes())},
                                          {QStringLiteral("nonce"), QStringLiteral("0x1")}});
            if (method == QLatin1String("eth_getLogs"))
                return result(
                    QJsonArray{logOf(house, "0x5"), logOf(lookAlike, "0x6"), logOf(house, "0x99")});
            return result(QStringLiteral("0x7")); // eth_chainId
        };
        HttpClient http;
        // A provider's URL: the key in the path, credentials before the host.
        const QString url =
            QStringLiteral("http://user:PASSWORD@127.0.0.1:%1/v2/SECRETKEY?k=QUERYKEY")
                .arg(server.serverPort());
        ShapeRpc node(&http, url);
        const QByteArray hash = QByteArray(32, '\x0a');
        const auto receipt =
            wait<std::optional<Receipt>>([&](auto done) { node.receipt(hash, done); });
        QCOMPARE(errorOf(receipt).kind, RpcError::Kind::Garbage);
        QVERIFY(errorOf(receipt).sentence().contains(QLatin1String("another transaction")));
        const auto transaction = wait<std::optional<TransactionInfo>>(
            [&](auto done) { node.transactionByHash(hash, done); });
        QCOMPARE(errorOf(transaction).kind, RpcError::Kind::Garbage);

        LogFilter filter;
        filter.address = house;
        filter.fromBlock = 1;
        filter.toBlock = 10;
        const auto logs = wait<std::vector<LogEntry>>([&](auto done) { node.logs(filter, done); });
        QVERIFY2(logs.ok(), why(logs).constData());
        QCOMPARE(logs->size(), std::size_t(1));
        QCOMPARE(logs->front().address, house);
        QCOMPARE(logs->front().blockNumber, std::uint64_t(5));

        const auto wrongChain = wait<std::uint64_t>([&](auto done) { node.checkChain(360, done); });
        const QString said = errorOf(wrongChain).sentence();
        QVERIFY2(said.contains(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort())),
                 qPrintable(said));
        for (const char* secret : {"SECRETKEY", "QUERYKEY", "PASSWORD", "user"})
            QVERIFY2(!said.contains(QLatin1String(secret)), qPrintable(said));
        QCOMPARE(ShapeRpc::displayUrl(QStringLiteral("not a url")),
                 QStringLiteral("(an RPC URL that cannot be read)"));
    }
};

QTEST_GUILESS_MAIN(TestShapeRpc)
#include "tst_shaperpc.moc"
