// Settlement on Shape end to end (SettlementChain.h): what the operator and the buyers would see
// on the chain and in the marathon. The reservation on chain, the winner's claim minting the token
// to the winner's wallet (ownerOf), the day COMPLETED with its events in order; the runner-up's
// turn when the winner never pays, the lot cancelled and the day unsold when nobody does; a
// claim's block taken away by a reorg and found again; a stuck or refused transaction replaced; a
// studio process or the node killed mid-send; a reverted step; a claim the node once says it has
// no receipt for; a long way of logs behind a node that fails every third request; and the
// operator's key in no output. The refusals (a wrong chain, a broken RPC,
// no funds) are tst_settlement_refusals'.

#include "Abi.h"
#include "FakeRpcServer.h"
#include "SettlementChain.h"

#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QUrl>

using namespace shapetest;

namespace {

// One JSON-RPC call to the node at `url`, waited for (the proxy below answers from it).
QJsonObject forward(const QString& url, const QString& method, const QJsonArray& params)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(QUrl(url).port()));
    if (!socket.waitForConnected(5'000))
        return {};
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                                  {QStringLiteral("id"), 1},
                                  {QStringLiteral("method"), method},
                                  {QStringLiteral("params"), params}})
            .toJson(QJsonDocument::Compact);
    socket.write("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                 "Connection: close\r\nContent-Length: " +
                 QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QByteArray answer;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(10'000))
        answer += socket.readAll();
    answer += socket.readAll();
    QJsonObject reply =
        QJsonDocument::fromJson(answer.mid(answer.indexOf("\r\n\r\n") + 4)).object();
    reply.remove(QStringLiteral("id"));
    return reply;
}

} // namespace

class TestSettlementE2e : public QObject, protected SettlementChain
{
    Q_OBJECT

private:
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
    void init() { caseStarted(); }
    void cleanup() { caseFinished(); }
    void initTestCase() { startChain(); }

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

    // A node behind its peers (a load-balanced RPC) once answers "no receipt" for a claim that is
    // deep in the chain. The settlement may step back to Reserved, but the claim is looked for
    // again from its own block, found where it is, and the buyer who paid gets the token: one
    // wrong answer never wipes a payment (before, only the last 64 blocks were scanned again).
    void aClaimTheNodeOnceDoesNotShowIsFoundAgain()
    {
        m_driver.reset();
        FakeRpcServer proxy;
        QByteArray hidden; // the claim's hash, "0x…", once it is to be hidden
        int hideLeft = 0;
        proxy.node = [&](const QString& method, const QJsonArray& params) {
            if (method == QLatin1String("eth_getTransactionReceipt") && hideLeft > 0 &&
                params.at(0).toString().toLatin1() == hidden) {
                --hideLeft;
                return QJsonObject{{QStringLiteral("result"), QJsonValue::Null}};
            }
            return forward(m_anvil.url(), method, params);
        };
        SettlementDriverOptions o = driverOptions();
        o.rpcUrl = proxy.url();
        startDriver(o);
        runDay(11, QStringLiteral("0.7"), QStringLiteral("0.65"));
        QVERIFY(waitForStage(10, SettlementStage::Reserved));
        const QByteArray paid = claim(10, m_alice, "700000000");
        QVERIFY(!paid.isEmpty());
        QVERIFY(waitForStage(10, SettlementStage::Paid));
        // The studio stops; the chain goes on 70 blocks (past the 64 scanned again each pass)
        // before anything is confirmed; the studio starts again and its node lags once.
        m_driver.reset();
        mine(70);
        hidden = "0x" + paid.toHex();
        hideLeft = 1;
        startDriver(o);
        QVERIFY(waitForStage(10, SettlementStage::Completed));
        QCOMPARE(hideLeft, 0); // the node did say it once
        QCOMPARE(ownerOf(10), std::optional<Address>(m_alice.address()));
        QCOMPARE(settlementOf(10)->claimTxHash, paid);
        m_driver.reset();
    }

    // The studio was off while 5,000 blocks were mined, a claim half way; the node fails every
    // third eth_getLogs. The scan moves its cursor a pass's range at a time, so the claim
    // is found (before, the whole way was one scan that any failure started over: never).
    void aLongWayBehindAFlakyNodeIsCoveredPassByPass()
    {
        m_driver.reset();
        FakeRpcServer proxy;
        int logRequests = 0;
        proxy.node = [&](const QString& method, const QJsonArray& params) {
            if (method == QLatin1String("eth_getLogs") && ++logRequests % 3 == 0)
                return QJsonObject{
                    {QStringLiteral("error"),
                     QJsonObject{{QStringLiteral("code"), -32000},
                                 {QStringLiteral("message"), QStringLiteral("upstream timeout")}}}};
            return forward(m_anvil.url(), method, params);
        };
        SettlementDriverOptions o = driverOptions();
        o.rpcUrl = proxy.url();
        o.claimScanBlocksPerPass = 2'000;
        startDriver(o);
        runDay(12, QStringLiteral("0.8"), QStringLiteral("0.75"));
        QVERIFY(waitForStage(11, SettlementStage::Reserved));
        m_driver.reset(); // the claims cursor is saved where it is
        mine(2'500);
        const QByteArray paid = claim(11, m_alice, "800000000");
        QVERIFY(!paid.isEmpty());
        mine(2'500);
        logRequests = 0;
        startDriver(o);
        QVERIFY(waitForStage(11, SettlementStage::Paid));
        QCOMPARE(settlementOf(11)->claimTxHash, paid);
        QVERIFY(logRequests >= 3); // the node did fail on the way
        m_driver.reset();
    }

    // The node names a latest block it does not have (0x7fffffffffffffff: a broken proxy) for a
    // few polls; the studio stops; a claim is paid and 70 blocks mined (past the 64 scanned again
    // each pass) while it is off. Before, the claims scan went on past the real chain (a pass's
    // 20,000 blocks each time, the node answering "no logs" for blocks it does not have), its
    // cursor was saved there, and the restart scanned only the last 64 blocks: the paid lot was
    // never seen. Now a head the node cannot give by number is not believed.
    void aLatestBlockTheNodeDoesNotHaveIsNotBelieved()
    {
        m_driver.reset();
        FakeRpcServer proxy;
        const QString absurd = QStringLiteral("0x7fffffffffffffff");
        int liesLeft = 0;
        int latestAsked = 0;
        proxy.node = [&](const QString& method, const QJsonArray& params) {
            QJsonObject reply = forward(m_anvil.url(), method, params);
            // Blocks past its real head are, to this node, blocks without logs.
            if (method == QLatin1String("eth_getLogs") && reply.contains(QLatin1String("error")))
                return QJsonObject{{QStringLiteral("result"), QJsonArray()}};
            if (method == QLatin1String("eth_getBlockByNumber") &&
                params.at(0).toString() == QLatin1String("latest")) {
                ++latestAsked;
                if (liesLeft > 0) {
                    --liesLeft;
                    QJsonObject block = reply.value(QLatin1String("result")).toObject();
                    block.insert(QStringLiteral("number"), absurd);
                    reply.insert(QStringLiteral("result"), block);
                }
            }
            return reply;
        };
        SettlementDriverOptions o = driverOptions();
        o.rpcUrl = proxy.url();
        startDriver(o);
        runDay(13, QStringLiteral("0.9"), QStringLiteral("0.85"));
        QVERIFY(waitForStage(12, SettlementStage::Reserved));
        QStringList problems;
        connect(m_driver.get(), &SettlementDriver::problem, this,
                [&](const QString& message) { problems << message; });
        liesLeft = 3;
        QVERIFY(spinUntil([&] { return liesLeft == 0; }, 30'000));
        const int afterLies = latestAsked;
        QVERIFY(spinUntil([&] { return latestAsked >= afterLies + 3; }, 30'000)); // passes after
        m_driver.reset(); // the claims cursor is saved where the scan got to
        const QByteArray paid = claim(12, m_alice, "900000000");
        QVERIFY(!paid.isEmpty());
        mine(70);
        startDriver(o);
        QVERIFY(waitForStage(12, SettlementStage::Paid));
        QCOMPARE(settlementOf(12)->claimTxHash, paid);
        QVERIFY2(problems.filter(QStringLiteral("has no block 9223372036854775807")).size() == 1,
                 qPrintable(problems.join(QLatin1Char('\n'))));
        m_driver.reset();
    }

    // The operator's key in no output and no database.
    void keyAppearsNowhere()
    {
        m_driver.reset();
        m_f->session->stop();
        checkKeysAppearNowhere({m_f->dbPath}, {QString::fromLatin1(kDevKey0).mid(2)});
    }

    void cleanupTestCase() { stopChain(); }
};

QTEST_GUILESS_MAIN(TestSettlementE2e)
#include "tst_settlement_e2e.moc"
