// Settlement on Shape end to end: the real engine on its own thread over a temporary database and
// a virtual clock, the SettlementDriver on this thread, and a real anvil (started here with its
// clock at the marathon's first morning) running the auction house deployed from the built-in
// artifact. What is asserted is what the operator and the buyers would see: the reservation on
// chain, the winner's claim minting the token to the winner's wallet (ownerOf), the day
// COMPLETED with its events in order; the runner-up's turn when the winner never pays, the lot
// cancelled and the day unsold when nobody does; a claim's block taken away by a reorg and
// found again; and a wrong chain, an RPC that answers garbage or nothing, and an operator without
// funds each shown in words, with nothing signed twice and the operator's key in no output.

#include "Abi.h"
#include "AnvilNode.h"
#include "AuctionHouse.h"
#include "ChainHelpers.h"
#include "FakeRpcServer.h"
#include "HttpClient.h"
#include "SessionFixture.h"
#include "SettlementDriver.h"
#include "ShapeVectors.h"

#include <QFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace sb::auction;
using namespace sb::auction::test;
using namespace sb::integrations;
using namespace sb::integrations::shape;
using namespace shapetest;

namespace {

constexpr std::int64_t kDeadlineMs = 2 * kHour;

// Every line logged while the suite runs, to look for the operator's key in. Only warnings are
// printed as they come; a failed case prints the last of its own lines after the failure, so the
// reason is near the verdict in a long CI log.
QMutex g_logMutex;
QStringList g_log;
qsizetype g_caseStart = 0;
QtMessageHandler g_previousHandler = nullptr;
void captureLog(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log << message;
    }
    if (g_previousHandler && type != QtDebugMsg && type != QtInfoMsg)
        g_previousHandler(type, context, message);
}

MarathonConfig settlementConfig()
{
    MarathonConfig c = simpleConfig(10);
    c.timeBufferMs = 0;
    for (int day = 1; day <= c.days; ++day) {
        Lot lot;
        lot.title = QStringLiteral("Dawn Over Shape %1").arg(day);
        lot.artist = QStringLiteral("Ada");
        lot.tokenUri = QStringLiteral("ipfs://lot-%1").arg(day);
        c.lots.append(lot);
    }
    return c;
}

std::int64_t dayOpen(int day)
{
    return kDay1Open + std::int64_t(day - 1) * 24 * kHour;
}

// A fresh key nobody funded, as the 64 hex digits a keychain would hold.
QString randomKeyHex()
{
    for (;;) {
        QByteArray secret(32, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(secret.data()), 8);
        if (Secp256k1Key::fromSecret(secret))
            return QString::fromLatin1(secret.toHex());
    }
}

} // namespace

class TestSettlementE2e : public QObject
{
    Q_OBJECT

private:
    AnvilNode m_anvil;
    std::unique_ptr<SessionFixture> m_f;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<ShapeRpc> m_rpc; // the test's own view of the chain (the buyers' wallets)
    std::unique_ptr<SettlementDriver> m_driver;
    Address m_house;
    std::uint64_t m_deployBlock = 0;
    Secp256k1Key m_alice = devKey(kDevKey2);
    Secp256k1Key m_bob = devKey(kDevKey3);
    std::unique_ptr<SessionFixture> m_poor; // the marathon of the operator without funds
    QString m_poorKeyHex;

    SettlementDriverOptions driverOptions() const
    {
        SettlementDriverOptions o;
        o.rpcUrl = m_anvil.url();
        o.chainId = 31337;
        o.contract = m_house;
        o.pollIntervalMs = 100;
        o.rpcTimeoutMs = 60'000;
        o.confirmAtSafe = true; // anvil's safe block is 32 behind its head
        o.firstBlock = m_deployBlock;
        return o;
    }

    void startDriver(SettlementDriverOptions o)
    {
        m_driver = std::make_unique<SettlementDriver>(*m_f->session, *m_http, devKey(kDevKey0),
                                                      std::move(o));
        m_driver->start();
    }

    std::optional<Settlement> settlementOf(int auction)
    {
        m_f->settle(1);
        const auto& rows = m_f->session->view().settlements;
        const auto found = rows.constFind(auction);
        return found == rows.cend() ? std::nullopt : std::optional<Settlement>(*found);
    }

    bool waitForStage(int auction, SettlementStage stage, int timeoutMs = 120'000)
    {
        const bool reached = spinUntil(
            [&] {
                const auto s = settlementOf(auction);
                return s && s->stage == stage;
            },
            timeoutMs);
        if (!reached) {
            const auto s = settlementOf(auction);
            qWarning().noquote() << "auction" << auction + 1 << "is"
                                 << (s ? settlementStageName(s->stage) : QStringLiteral("none"))
                                 << (s ? s->error : QString()) << "driver:"
                                 << (m_driver ? m_driver->status().message : QString());
        }
        return reached;
    }

    QList<ChainTransaction> transactionsOf(int auction)
    {
        return m_f->session->wait([auction](MarathonSession& s) {
            return s.engine().settlementTransactions(auction).value();
        });
    }

    std::uint64_t chainTimestamp()
    {
        const QJsonValue block = rawCall(*m_rpc, QStringLiteral("eth_getBlockByNumber"),
                                         {QStringLiteral("latest"), false});
        return U256::fromHex(block.toObject().value(QLatin1String("timestamp")).toString())
            ->toUint64()
            .value_or(0);
    }

    // Moves the chain's clock to `utcMs` (when it is behind) and mines a block there.
    void chainTo(std::int64_t utcMs)
    {
        const std::uint64_t target = std::uint64_t(utcMs / 1000);
        const std::uint64_t now = chainTimestamp();
        if (now < target)
            rawCall(*m_rpc, QStringLiteral("evm_increaseTime"), {qint64(target - now)});
        rawCall(*m_rpc, QStringLiteral("evm_mine"));
    }

    void mine(int blocks)
    {
        rawCall(*m_rpc, QStringLiteral("anvil_mine"), {U256::fromUint64(blocks).toHex()});
    }

    // Day `day`'s auction with alice bidding `aliceEth` and bob `bobEth`, closed and won.
    void runDay(int day, const QString& aliceEth, const QString& bobEth)
    {
        m_f->at(dayOpen(day) + 60'000);
        QVERIFY(m_f->bid(QStringLiteral("bob"), QStringLiteral("%1 ETH").arg(bobEth)).kind ==
                BidOutcome::Kind::Accepted);
        QVERIFY(m_f->bid(QStringLiteral("alice"), QStringLiteral("%1 ETH").arg(aliceEth)).kind ==
                BidOutcome::Kind::Accepted);
        m_f->at(dayOpen(day) + kHour + 21'000); // closed, and the grace passed
    }

    std::optional<Address> ownerOf(int auction)
    {
        AuctionHouse house(*m_rpc, m_house);
        const auto owner = waitFor<std::optional<Address>>(
            [&](auto done) { house.ownerOf(Settlement::auctionIdOf(auction), done); });
        return owner ? *owner : std::nullopt;
    }

    QByteArray claim(int auction, const Secp256k1Key& buyer, const char* gwei)
    {
        const auto receipt = sendAndWait(*m_rpc, buyer, m_house,
                                         AuctionHouse::claimCall(Settlement::auctionIdOf(auction)),
                                         *U256::weiFromGwei(QByteArray(gwei).toLongLong()));
        if (!receipt || !receipt->succeeded)
            return {};
        return receipt->transactionHash;
    }

    int eventIndex(QLatin1StringView type, int day)
    {
        for (int i = 0; i < m_f->events.size(); ++i) {
            if (m_f->events[i].type == type && m_f->events[i].day == day)
                return i;
        }
        return -1;
    }

    // A marathon settling on the suite's house, alice's and bob's wallets linked.
    void openMarathon(std::unique_ptr<SessionFixture>& f)
    {
        f = std::make_unique<SessionFixture>(settlementConfig());
        for (const auto& [bidder, wallet] :
             {std::pair{"alice", kDevAddress2}, std::pair{"bob", kDevAddress3}}) {
            WalletLink link;
            link.bidderId = QString::fromLatin1(bidder);
            link.bidderName = link.bidderId;
            link.address = QString::fromLatin1(wallet);
            link.source = QStringLiteral("test");
            link.sourceId = QStringLiteral("link-%1").arg(link.bidderId);
            link.linkedUtcMs = f->clock.nowUtcMs();
            const ActionResult linked =
                f->onEngine([&link](AuctionEngine& e) { return e.linkWallet(link); });
            QVERIFY2(linked.ok, qPrintable(linked.error));
        }
        SettlementOptions options;
        options.enabled = true;
        options.deadlineMs = kDeadlineMs;
        options.contractAddress = m_house.toChecksummed();
        options.chainId = 31337;
        const ActionResult on =
            f->onEngine([&options](AuctionEngine& e) { return e.setSettlementOptions(options); });
        QVERIFY2(on.ok, qPrintable(on.error));
    }

    // Day `day` won, then settlement_runner (a studio process on the same database) killed at
    // `point`, then run again to the end.
    void killedAt(const QByteArray& point, int day)
    {
        m_driver.reset();
        const int index = day - 1;
        runDay(day, QStringLiteral("0.6"), QStringLiteral("0.55"));
        QCOMPARE(settlementOf(index)->stage, SettlementStage::ToReserve);
        const auto nonceBefore = waitFor<std::uint64_t>(
            [&](auto done) { m_rpc->pendingNonce(devKey(kDevKey0).address(), done); });
        m_f->session->stop(); // the runner takes the marathon's lock
        const QStringList args{m_f->dbPath,
                               m_anvil.url(),
                               m_house.toChecksummed(),
                               QString::number(m_deployBlock),
                               QString::number(m_f->clock.nowUtcMs()),
                               QString::number(index)};
        QProcess killed;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SB_TEST_KILL_AT"), QString::fromLatin1(point));
        killed.setProcessEnvironment(env);
        killed.setProcessChannelMode(QProcess::MergedChannels);
        killed.start(QStringLiteral(SB_SETTLEMENT_RUNNER), args);
        QVERIFY(killed.waitForFinished(90'000));
        QCOMPARE(killed.exitStatus(), QProcess::CrashExit);
        {
            QMutexLocker lock(&g_logMutex);
            g_log << QString::fromUtf8(killed.readAll()).split(u'\n', Qt::SkipEmptyParts);
        }

        m_f->reopen();
        auto txs = transactionsOf(index);
        QCOMPARE(txs.size(), 1);
        QCOMPARE(txs[0].state, ChainTxState::Signed); // killed before it heard the node
        const QByteArray hash = txs[0].hash;
        const auto nonceAfterKill = waitFor<std::uint64_t>(
            [&](auto done) { m_rpc->pendingNonce(devKey(kDevKey0).address(), done); });
        QCOMPARE(*nonceAfterKill, *nonceBefore + (point == "broadcast" ? 1 : 0));

        m_f->session->stop();
        QProcess again;
        again.setProcessChannelMode(QProcess::MergedChannels);
        again.start(QStringLiteral(SB_SETTLEMENT_RUNNER), args);
        QVERIFY(again.waitForFinished(90'000));
        const QByteArray output = again.readAll();
        {
            QMutexLocker lock(&g_logMutex);
            g_log << QString::fromUtf8(output).split(u'\n', Qt::SkipEmptyParts);
        }
        QVERIFY2(again.exitStatus() == QProcess::NormalExit && again.exitCode() == 0,
                 output.right(2000).constData());
        m_f->reopen();
        QCOMPARE(settlementOf(index)->stage, SettlementStage::Reserved);
        txs = transactionsOf(index);
        QCOMPARE(txs.size(), 1);
        QCOMPARE(txs[0].hash, hash); // the stored bytes, not a second signature
        QVERIFY(chainTxIncluded(txs[0].state));
        const auto nonceAfter = waitFor<std::uint64_t>(
            [&](auto done) { m_rpc->pendingNonce(devKey(kDevKey0).address(), done); });
        QCOMPARE(*nonceAfter, *nonceBefore + 1);
        const auto reserved = waitFor<OnChainReservation>([&](auto done) {
            AuctionHouse(*m_rpc, m_house).reservation(Settlement::auctionIdOf(index), done);
        });
        QCOMPARE(reserved->status, ReservationStatus::Open);
        QCOMPARE(reserved->buyer, m_alice.address());
    }

private slots:
    void init()
    {
        QMutexLocker lock(&g_logMutex);
        g_caseStart = g_log.size();
    }

    void cleanup()
    {
        if (!QTest::currentTestFailed())
            return;
        QMutexLocker lock(&g_logMutex);
        const qsizetype from = std::max(g_caseStart, g_log.size() - 60);
        std::fprintf(stderr, "--- the last %lld lines %s logged:\n", qlonglong(g_log.size() - from),
                     QTest::currentTestFunction());
        for (qsizetype i = from; i < g_log.size(); ++i)
            std::fprintf(stderr, "    %s\n", qPrintable(g_log[i].left(300)));
    }

    void initTestCase()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("sb.*=true"));
        g_previousHandler = qInstallMessageHandler(captureLog);
        // The chain's clock starts at the marathon's first morning, like the engine's.
        QVERIFY2(m_anvil.start({QStringLiteral("--timestamp"),
                                QString::number(utcMs(2026, 3, 1, 11) / 1000)}),
                 qPrintable(m_anvil.error()));
        m_http = std::make_unique<HttpClient>();
        m_rpc = std::make_unique<ShapeRpc>(m_http.get(), m_anvil.url());
        m_rpc->setTimeoutMs(120'000);
        const Secp256k1Key operatorKey = devKey(kDevKey0);
        const auto house =
            deployHouse(*m_rpc, operatorKey, address(kDevAddress1), operatorKey.address());
        QVERIFY2(house, why(house).constData());
        m_house = *house;
        m_deployBlock = waitFor<std::optional<BlockHeader>>(
                            [&](auto done) { m_rpc->blockByTag(QStringLiteral("latest"), done); })
                            ->value()
                            .number;

        openMarathon(m_f);
    }

    // An operator key without ETH: the settlement fails with the shortfall in words, and nothing
    // is stored or sent. Its key appears in no log line and not in the database.
    void insufficientFundsFailsTheSettlement()
    {
        m_poorKeyHex = randomKeyHex();
        Secp256k1Key poor = Secp256k1Key::fromHex(m_poorKeyHex).value();
        const Address poorAddress = poor.address();
        // A house whose operator is the poor key (the treasury deploys it).
        const auto house =
            deployHouse(*m_rpc, devKey(kDevKey1), address(kDevAddress1), poorAddress);
        QVERIFY2(house, why(house).constData());
        // A marathon of its own on that house.
        m_poor = std::make_unique<SessionFixture>(settlementConfig());
        SessionFixture* f = m_poor.get();
        WalletLink link;
        link.bidderId = QStringLiteral("alice");
        link.bidderName = link.bidderId;
        link.address = QString::fromLatin1(kDevAddress2);
        link.source = QStringLiteral("test");
        link.sourceId = QStringLiteral("link-alice");
        QVERIFY(f->onEngine([&link](AuctionEngine& e) { return e.linkWallet(link); }).ok);
        SettlementOptions options;
        options.enabled = true;
        options.deadlineMs = kDeadlineMs;
        options.contractAddress = house->toChecksummed();
        options.chainId = 31337;
        QVERIFY(f->onEngine([&options](AuctionEngine& e) {
                     return e.setSettlementOptions(options);
                 }).ok);
        f->at(kDay1Open + 60'000);
        QVERIFY(f->bid(QStringLiteral("alice"), QStringLiteral("0.1 ETH")).kind ==
                BidOutcome::Kind::Accepted);
        f->at(kDay1Close + 21'000);

        SettlementDriverOptions o = driverOptions();
        o.contract = *house;
        auto driver = std::make_unique<SettlementDriver>(*f->session, *m_http, std::move(poor), o);
        driver->start();
        const bool failed = spinUntil([&] {
            f->settle(1);
            const auto s = f->session->view().settlements.value(0);
            return s.stage == SettlementStage::Failed;
        });
        const Settlement s = f->session->view().settlements.value(0);
        QVERIFY2(failed, qPrintable(settlementStageName(s.stage) + QStringLiteral(": ") + s.error));
        QVERIFY2(s.error.contains(QStringLiteral("send it at least")), qPrintable(s.error));
        QVERIFY(s.error.contains(poorAddress.toChecksummed()));
        QVERIFY(f->session
                    ->wait([](MarathonSession& m) {
                        return m.engine().settlementTransactions(0).value();
                    })
                    .isEmpty());
        driver.reset();
    }

    // A whole day: the winner reserved on chain, their claim, the token theirs, the day done.
    void winnerPaysAndReceivesTheToken()
    {
        startDriver(driverOptions());
        runDay(1, QStringLiteral("0.1"), QStringLiteral("0.05"));
        QVERIFY(waitForStage(0, SettlementStage::Reserved));
        AuctionHouse house(*m_rpc, m_house);
        const auto reserved = waitFor<OnChainReservation>(
            [&](auto done) { house.reservation(Settlement::auctionIdOf(0), done); });
        QVERIFY(reserved);
        QCOMPARE(reserved->status, ReservationStatus::Open);
        QCOMPARE(reserved->buyer, m_alice.address());
        QCOMPARE(reserved->priceWei, *U256::weiFromGwei(100'000'000));
        const std::uint64_t expectedDeadline = std::uint64_t(settlementOf(0)->deadlineUtcMs / 1000);
        QCOMPARE(reserved->deadline, expectedDeadline);

        const QByteArray claimHash = claim(0, m_alice, "100000000");
        QVERIFY(!claimHash.isEmpty());
        QVERIFY(waitForStage(0, SettlementStage::Paid));
        QCOMPARE(settlementOf(0)->claimTxHash, claimHash);
        QVERIFY(settlementOf(0)->paidByAddress.compare(m_alice.address().toChecksummed(),
                                                       Qt::CaseInsensitive) == 0);
        mine(40); // past anvil's safe block (head - 32)
        QVERIFY(waitForStage(0, SettlementStage::Completed));
        QCOMPARE(ownerOf(0), std::optional<Address>(m_alice.address()));
        QCOMPARE(m_f->session->view().auctions.value(0).state, DayState::Completed);

        // One reservation, its transaction included; the events in the order they happened.
        const auto txs = transactionsOf(0);
        QCOMPARE(txs.size(), 1);
        QCOMPARE(txs[0].step, QString(SettlementStep::Reserve));
        QVERIFY(chainTxIncluded(txs[0].state));
        const int winner = eventIndex(EventType::AuctionWinner, 1);
        const int reservedAt = eventIndex(EventType::SettlementReserved, 1);
        const int paid = eventIndex(EventType::SettlementPaymentSeen, 1);
        const int minted = eventIndex(EventType::SettlementMintConfirmed, 1);
        const int completed = eventIndex(EventType::DayCompleted, 1);
        QVERIFY2(winner >= 0 && winner < reservedAt && reservedAt < paid && paid < minted &&
                     minted < completed,
                 qPrintable(QStringLiteral("%1 %2 %3 %4 %5")
                                .arg(winner)
                                .arg(reservedAt)
                                .arg(paid)
                                .arg(minted)
                                .arg(completed)));
        QCOMPARE(m_driver->status().state, SettlementDriver::State::Running);
    }

    // The winner never pays: after the deadline the runner-up is reserved (reassign) and pays.
    void runnerUpPaysWhenTheWinnerDoesNot()
    {
        QVERIFY(m_driver);
        runDay(2, QStringLiteral("0.2"), QStringLiteral("0.15"));
        QVERIFY(waitForStage(1, SettlementStage::Reserved));
        const std::int64_t deadline = settlementOf(1)->deadlineUtcMs;
        chainTo(deadline + 60'000);
        m_f->at(deadline + 60'000);
        QVERIFY(waitForStage(1, SettlementStage::Reserved));
        QTRY_VERIFY_WITH_TIMEOUT(settlementOf(1)->turn == 1 &&
                                     settlementOf(1)->stage == SettlementStage::Reserved,
                                 120'000);
        AuctionHouse house(*m_rpc, m_house);
        const auto reserved = waitFor<OnChainReservation>(
            [&](auto done) { house.reservation(Settlement::auctionIdOf(1), done); });
        QCOMPARE(reserved->buyer, m_bob.address());
        QCOMPARE(reserved->priceWei, *U256::weiFromGwei(150'000'000));
        QVERIFY(!claim(1, m_bob, "150000000").isEmpty());
        QVERIFY(waitForStage(1, SettlementStage::Paid));
        mine(40);
        QVERIFY(waitForStage(1, SettlementStage::Completed));
        QCOMPARE(ownerOf(1), std::optional<Address>(m_bob.address()));
        QVERIFY(eventIndex(EventType::SettlementReassigned, 2) >= 0);
        const auto txs = transactionsOf(1);
        QCOMPARE(txs.size(), 2);
        QCOMPARE(txs[1].step, QString(SettlementStep::Reassign));
    }

    // Nobody pays: both turns pass, the reservation is cancelled on chain, the day unsold.
    void nobodyPaysAndTheLotIsCancelled()
    {
        QVERIFY(m_driver);
        runDay(3, QStringLiteral("0.3"), QStringLiteral("0.25"));
        QVERIFY(waitForStage(2, SettlementStage::Reserved));
        std::int64_t deadline = settlementOf(2)->deadlineUtcMs;
        chainTo(deadline + 60'000);
        m_f->at(deadline + 60'000);
        QTRY_VERIFY_WITH_TIMEOUT(settlementOf(2)->turn == 1 &&
                                     settlementOf(2)->stage == SettlementStage::Reserved,
                                 120'000);
        deadline = settlementOf(2)->deadlineUtcMs;
        chainTo(deadline + 60'000);
        m_f->at(deadline + 60'000);
        QVERIFY(waitForStage(2, SettlementStage::Unsold));
        AuctionHouse house(*m_rpc, m_house);
        const auto reserved = waitFor<OnChainReservation>(
            [&](auto done) { house.reservation(Settlement::auctionIdOf(2), done); });
        QCOMPARE(reserved->status, ReservationStatus::Cancelled);
        QCOMPARE(ownerOf(2), std::optional<Address>());
        QCOMPARE(transactionsOf(2).last().step, QString(SettlementStep::Cancel));
    }

    // anvil_reorg takes the claim's block away: the settlement goes back to Reserved, and
    // forward again when the claim is mined anew.
    void claimReorgedAwayAndBack()
    {
        QVERIFY(m_driver);
        runDay(4, QStringLiteral("0.4"), QStringLiteral("0.35"));
        QVERIFY(waitForStage(3, SettlementStage::Reserved));
        const QByteArray first = claim(3, m_alice, "400000000");
        QVERIFY(!first.isEmpty());
        QVERIFY(waitForStage(3, SettlementStage::Paid));
        const int reorgsBefore = m_f->eventsOfType(EventType::SettlementReorged).size();
        // The claim's block (the head) is replaced by an empty one.
        QVERIFY(!rawCall(*m_rpc, QStringLiteral("anvil_reorg"), {1, QJsonArray()}).isUndefined());
        QVERIFY(waitForStage(3, SettlementStage::Reserved));
        QCOMPARE(m_f->eventsOfType(EventType::SettlementReorged).size(), reorgsBefore + 1);
        QCOMPARE(ownerOf(3), std::optional<Address>());
        // The buyer pays again (their wallet sends the claim anew).
        const QByteArray second = claim(3, m_alice, "400000000");
        QVERIFY(!second.isEmpty());
        QVERIFY(waitForStage(3, SettlementStage::Paid));
        QCOMPARE(settlementOf(3)->claimTxHash, second);
        mine(40);
        QVERIFY(waitForStage(3, SettlementStage::Completed));
        QCOMPARE(ownerOf(3), std::optional<Address>(m_alice.address()));
    }

    // A reservation the chain does not mine is replaced by the same nonce with fees 10 % higher;
    // exactly one of the two is mined and the settlement goes on.
    void stuckTransactionIsReplaced()
    {
        m_driver.reset();
        SettlementDriverOptions o = driverOptions();
        o.stuckPolls = 3;
        startDriver(o);
        QVERIFY(!rawCall(*m_rpc, QStringLiteral("evm_setAutomine"), {false}).isUndefined());
        runDay(5, QStringLiteral("0.5"), QStringLiteral("0.45"));
        const bool bumped = spinUntil([&] {
            const auto txs = transactionsOf(4);
            return txs.size() == 2 && txs[0].state == ChainTxState::Replaced &&
                   txs[1].replaces == txs[0].id && txs[1].state == ChainTxState::Sent;
        });
        rawCall(*m_rpc, QStringLiteral("evm_setAutomine"), {true});
        QVERIFY(bumped);
        mine(1);
        QVERIFY(waitForStage(4, SettlementStage::Reserved));
        const auto txs = transactionsOf(4);
        QCOMPARE(txs.size(), 2);
        QCOMPARE(txs[0].nonce, txs[1].nonce);
        QCOMPARE(txs[0].state, ChainTxState::Replaced);
        QVERIFY(chainTxIncluded(txs[1].state));
        const auto old = decodeTransaction(txs[0].raw).value().eip1559->transaction;
        const auto replacement = decodeTransaction(txs[1].raw).value().eip1559->transaction;
        QVERIFY(replacement.maxFeePerGas.checkedMul(10) >= old.maxFeePerGas.checkedMul(11));
        QVERIFY(replacement.maxPriorityFeePerGas.checkedMul(10) >=
                old.maxPriorityFeePerGas.checkedMul(11));
        const auto reserved = waitFor<OnChainReservation>([&](auto done) {
            AuctionHouse(*m_rpc, m_house).reservation(Settlement::auctionIdOf(4), done);
        });
        QCOMPARE(reserved->buyer, m_alice.address());
    }

    // A studio process killed (SIGKILL) after the signed reservation is stored and before it is
    // broadcast, and another after the broadcast and before its receipt: the next run finishes
    // the same transaction. One transaction, one reservation, nothing stuck.
    void killedBetweenStoredAndBroadcast() { killedAt(QByteArrayLiteral("stored"), 6); }
    void killedBetweenBroadcastAndReceipt() { killedAt(QByteArrayLiteral("broadcast"), 7); }

    // The node dies (SIGKILL) right after it took the reservation, and comes back from its state
    // file (dumped every second, so the transaction may or may not have survived): the driver
    // shows it unreachable, then sends the stored bytes again. Exactly one reservation.
    void nodeKilledMidSendAndRestarted()
    {
        m_driver.reset();
        QTemporaryDir stateDir;
        const QString state = stateDir.filePath(QStringLiteral("anvil-state.json"));
        const QStringList nodeArgs{
            QStringLiteral("--timestamp"),      QString::number(utcMs(2026, 3, 1, 11) / 1000),
            QStringLiteral("--state"),          state,
            QStringLiteral("--state-interval"), QStringLiteral("1")};
        AnvilNode node;
        QVERIFY2(node.start(nodeArgs), qPrintable(node.error()));
        ShapeRpc rpc(m_http.get(), node.url());
        rpc.setTimeoutMs(60'000);
        // Dev key 0's first contract: the same address as the suite's house, on this node.
        const auto house =
            deployHouse(rpc, devKey(kDevKey0), address(kDevAddress1), devKey(kDevKey0).address());
        QVERIFY2(house, why(house).constData());
        QCOMPARE(*house, m_house);
        QTest::qWait(2'500); // the deployment in the state file

        // This node knows none of the suite's earlier days: a marathon of its own, so that its
        // driver has only this day to settle (and fails none of the others).
        std::unique_ptr<SessionFixture> own;
        openMarathon(own);
        if (QTest::currentTestFailed())
            return;
        std::swap(m_f, own);
        const auto suiteMarathonBack = qScopeGuard([this, &own] {
            m_driver.reset();
            std::swap(m_f, own);
        });
        const int index = 7;
        runDay(8, QStringLiteral("0.8"), QStringLiteral("0.75"));
        SettlementDriverOptions o = driverOptions();
        o.rpcUrl = node.url();
        o.rpcTimeoutMs = 2'000;
        o.firstBlock = 0;
        bool killed = false;
        o.testHook = [&node, &killed, index](const char* point, int auctionIndex) {
            if (!killed && auctionIndex == index && QByteArray(point) == "broadcast") {
                killed = true;
                node.stop();
            }
        };
        startDriver(o);
        QVERIFY(spinUntil([&] { return killed; }, 60'000));
        QTRY_COMPARE_WITH_TIMEOUT(m_driver->status().state, SettlementDriver::State::Unreachable,
                                  30'000);
        m_driver.reset();
        QCOMPARE(transactionsOf(index).size(), 1);

        QVERIFY2(node.start(nodeArgs), qPrintable(node.error()));
        o.rpcUrl = node.url();
        o.testHook = nullptr;
        startDriver(o);
        QVERIFY(waitForStage(index, SettlementStage::Reserved));
        const auto txs = transactionsOf(index);
        QCOMPARE(txs.size(), 1);
        QVERIFY(chainTxIncluded(txs[0].state));
        ShapeRpc after(m_http.get(), node.url());
        const auto reserved = waitFor<OnChainReservation>([&](auto done) {
            AuctionHouse(after, m_house).reservation(Settlement::auctionIdOf(index), done);
        });
        QVERIFY2(reserved, why(reserved).constData());
        QCOMPARE(reserved->status, ReservationStatus::Open);
        QCOMPARE(reserved->buyer, m_alice.address());
        const auto nonce = waitFor<std::uint64_t>(
            [&](auto done) { after.pendingNonce(devKey(kDevKey0).address(), done); });
        QCOMPARE(*nonce, std::uint64_t(2)); // the deployment and one reservation
        m_driver.reset();
    }

    // The base fee jumps between signing and sending, so the node refuses the stored bytes:
    // after as many refusals as a stuck transaction waits, they are replaced with fees from the
    // new market (the same nonce), and the reservation goes through.
    void refusedFeesAreReplaced()
    {
        m_driver.reset();
        SettlementDriverOptions o = driverOptions();
        o.stuckPolls = 3;
        bool raised = false;
        o.testHook = [this, &raised](const char* point, int auctionIndex) {
            if (raised || auctionIndex != 8 || QByteArray(point) != "stored")
                return;
            raised = true;
            rawCall(*m_rpc, QStringLiteral("anvil_setNextBlockBaseFeePerGas"),
                    {U256::weiFromGwei(1'000)->toHex()});
            rawCall(*m_rpc, QStringLiteral("evm_mine"));
        };
        startDriver(o);
        runDay(9, QStringLiteral("0.9"), QStringLiteral("0.85"));
        QVERIFY(waitForStage(8, SettlementStage::Reserved));
        QVERIFY(raised);
        const auto txs = transactionsOf(8);
        QCOMPARE(txs.size(), 2);
        QCOMPARE(txs[0].state, ChainTxState::Replaced);
        QVERIFY2(txs[0].error.contains(QStringLiteral("base fee"), Qt::CaseInsensitive),
                 qPrintable(txs[0].error));
        QCOMPARE(txs[1].replaces, std::optional<std::int64_t>(txs[0].id));
        QCOMPARE(txs[1].nonce, txs[0].nonce);
        QVERIFY(chainTxIncluded(txs[1].state));
        const auto replacement = decodeTransaction(txs[1].raw).value().eip1559->transaction;
        QVERIFY(replacement.maxFeePerGas > *U256::weiFromGwei(800));
        m_driver.reset();
    }

    // Auctions 5 to 7 are past their deadline on the studio's clock and not on the chain's (the
    // suite moved only the marathon there): each is said to be waiting once, not on every pass
    // as they take turns. (Before the next case, whose pause of the house may fail them.)
    void waitingForTheChainIsSaidOnce()
    {
        m_driver.reset();
        for (int index : {4, 5, 6}) {
            const auto s = settlementOf(index);
            QVERIFY2(
                s && s->stage == SettlementStage::ToReserve && s->turn == 1 && s->reservedOnChain,
                qPrintable(
                    QStringLiteral("auction %1 is not waiting to be reassigned").arg(index + 1)));
        }
        startDriver(driverOptions());
        QSignalSpy problems(m_driver.get(), &SettlementDriver::problem);
        const auto waiting = [&problems](int auction) {
            int times = 0;
            for (const QList<QVariant>& said : std::as_const(problems)) {
                const QString message = said.value(0).toString();
                times += message.startsWith(
                    QStringLiteral("Auction %1: waiting for the chain").arg(auction));
            }
            return times;
        };
        QVERIFY2(spinUntil([&] { return waiting(5) && waiting(6) && waiting(7); }, 60'000),
                 qPrintable(m_driver->status().message));
        QTest::qWait(1'000); // ten more passes at least on an idle machine
        QCOMPARE(waiting(5), 1);
        QCOMPARE(waiting(6), 1);
        QCOMPARE(waiting(7), 1);
        m_driver.reset();
    }

    // The owner pauses the house between the reservation's signing and its block: the
    // transaction is mined reverted, the settlement fails with the contract's reason, and the
    // operator's retry (once unpaused) reserves with a new transaction.
    void revertedStepSaysWhyAndRetries()
    {
        m_driver.reset();
        SettlementDriverOptions o = driverOptions();
        bool paused = false;
        o.testHook = [this, &paused](const char* point, int auctionIndex) {
            if (paused || auctionIndex != 9 || QByteArray(point) != "stored")
                return;
            paused = true;
            const auto pause =
                sendAndWait(*m_rpc, devKey(kDevKey1), m_house, Abi::encodeCall("pause()", {}));
            QVERIFY(pause && pause->succeeded);
        };
        startDriver(o);
        runDay(10, QStringLiteral("1"), QStringLiteral("0.95"));
        QVERIFY(waitForStage(9, SettlementStage::Failed));
        QVERIFY(paused);
        const Settlement failed = *settlementOf(9);
        QVERIFY2(failed.error.contains(QStringLiteral("reverted")) &&
                     failed.error.contains(QStringLiteral("paused by its owner")),
                 qPrintable(failed.error));
        QCOMPARE(transactionsOf(9).first().state, ChainTxState::Reverted);

        const auto unpause =
            sendAndWait(*m_rpc, devKey(kDevKey1), m_house, Abi::encodeCall("unpause()", {}));
        QVERIFY(unpause && unpause->succeeded);
        const ActionResult retried = m_f->onEngine(
            [](AuctionEngine& e) { return e.retrySettlement(9, QStringLiteral("operator")); });
        QVERIFY2(retried.ok, qPrintable(retried.error));
        QVERIFY(waitForStage(9, SettlementStage::Reserved));
        const auto txs = transactionsOf(9);
        QCOMPARE(txs.size(), 2);
        QVERIFY(chainTxIncluded(txs[1].state));
        m_driver.reset();
    }

    // The chain is not the one the studio is set up for: nothing is signed, the status says so.
    void wrongChainIsRefused()
    {
        m_driver.reset();
        SettlementDriverOptions o = driverOptions();
        o.chainId = 360;
        startDriver(o);
        QTRY_COMPARE_WITH_TIMEOUT(m_driver->status().state, SettlementDriver::State::WrongChain,
                                  30'000);
        QVERIFY2(m_driver->status().message.contains(QStringLiteral("chain 31337")) &&
                     m_driver->status().message.contains(QStringLiteral("chain 360")),
                 qPrintable(m_driver->status().message));
        m_driver.reset();
    }

    // An RPC that answers garbage, or nothing: unreachable, in words, and nothing changes.
    void brokenRpcIsShown()
    {
        FakeRpcServer garbage;
        garbage.answer = FakeRpcServer::http("200 OK", "<html>not json</html>");
        SettlementDriverOptions o = driverOptions();
        o.rpcUrl = garbage.url();
        startDriver(o);
        QTRY_COMPARE_WITH_TIMEOUT(m_driver->status().state, SettlementDriver::State::Unreachable,
                                  30'000);
        QVERIFY2(m_driver->status().message.contains(QStringLiteral("not a valid answer")),
                 qPrintable(m_driver->status().message));
        m_driver.reset();

        FakeRpcServer silent; // takes the request and never answers
        o.rpcUrl = silent.url();
        o.rpcTimeoutMs = 500;
        startDriver(o);
        QTRY_COMPARE_WITH_TIMEOUT(m_driver->status().state, SettlementDriver::State::Unreachable,
                                  30'000);
        QVERIFY2(m_driver->status().message.contains(QStringLiteral("could not be reached")),
                 qPrintable(m_driver->status().message));
        m_driver.reset();

        // The right chain, then nonsense for everything else: unreachable, and no settlement or
        // transaction changes meanwhile.
        const auto before = m_f->session->view().settlements;
        FakeRpcServer liar;
        int asked = 0;
        liar.node = [&asked](const QString& method, const QJsonArray&) {
            ++asked;
            if (method == QLatin1String("eth_chainId"))
                return QJsonObject{{QStringLiteral("result"), QStringLiteral("0x7a69")}};
            return QJsonObject{{QStringLiteral("result"), QStringLiteral("zz")}};
        };
        o.rpcUrl = liar.url();
        o.rpcTimeoutMs = 5'000;
        startDriver(o);
        QTRY_COMPARE_WITH_TIMEOUT(m_driver->status().state, SettlementDriver::State::Unreachable,
                                  30'000);
        QVERIFY2(m_driver->status().message.contains(QStringLiteral("eth_getBlockByNumber")),
                 qPrintable(m_driver->status().message));
        QTRY_VERIFY_WITH_TIMEOUT(asked > 5, 30'000); // retried every poll
        m_driver.reset();
        m_f->settle();
        const auto after = m_f->session->view().settlements;
        QCOMPARE(after.keys().size(), before.keys().size());
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            QCOMPARE(after.value(it.key()).stage, it->stage);
            QCOMPARE(after.value(it.key()).updatedUtcMs, it->updatedUtcMs);
        }
    }

    // The operator's key (dev key 0, and the random one above) in no output and no database.
    void keyAppearsNowhere()
    {
        m_driver.reset();
        QVERIFY(m_poor);
        m_f->session->stop();
        m_poor->session->stop();
        const QStringList keys{QString::fromLatin1(kDevKey0).mid(2), m_poorKeyHex};
        for (const QString& db : {m_f->dbPath, m_poor->dbPath}) {
            for (const QString& path : {db, db + QStringLiteral("-wal")}) {
                QFile file(path);
                if (!file.open(QIODevice::ReadOnly))
                    continue;
                const QByteArray bytes = file.readAll();
                QVERIFY(!bytes.isEmpty() || path.endsWith(QStringLiteral("-wal")));
                for (const QString& key : keys) {
                    QVERIFY2(!bytes.toLower().contains(key.toLatin1()), qPrintable(path));
                    QVERIFY2(!bytes.contains(QByteArray::fromHex(key.toLatin1())),
                             qPrintable(path));
                }
            }
        }
        QMutexLocker lock(&g_logMutex);
        QVERIFY(g_log.size() > 10);
        for (const QString& line : std::as_const(g_log)) {
            for (const QString& key : keys)
                QVERIFY2(!line.contains(key, Qt::CaseInsensitive), qPrintable(line));
        }
    }

    void cleanupTestCase()
    {
        m_driver.reset();
        m_f.reset();
        m_poor.reset();
        m_rpc.reset();
        m_http.reset();
        m_anvil.stop();
        qInstallMessageHandler(g_previousHandler);
    }
};

QTEST_GUILESS_MAIN(TestSettlementE2e)
#include "tst_settlement_e2e.moc"
