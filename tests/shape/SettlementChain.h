#pragma once
// What tst_settlement_e2e and tst_settlement_refusals share: a real anvil (its clock at the
// marathon's first morning) running the auction house deployed from the built-in artifact, a
// marathon on the real engine (its own thread, a temporary database, a virtual clock) settling on
// it with alice's and bob's wallets linked, the SettlementDriver on the test's thread, and every
// line logged (to look for the operator's key in, and printed after a failed case).

#include "AnvilNode.h"
#include "AuctionHouse.h"
#include "ChainHelpers.h"
#include "HttpClient.h"
#include "SessionFixture.h"
#include "SettlementDriver.h"
#include "ShapeVectors.h"

#include <QFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QRandomGenerator>
#include <QtTest>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace shapetest {

using namespace sb::auction;
using namespace sb::auction::test;
using namespace sb::integrations;
using namespace sb::integrations::shape;

inline constexpr std::int64_t kDeadlineMs = 2 * kHour;

// Every line logged while the suite runs, to look for the operator's key in. Only warnings are
// printed as they come; a failed case prints the last of its own lines after the failure, so the
// reason is near the verdict in a long CI log.
inline QMutex g_logMutex;
inline QStringList g_log;
inline qsizetype g_caseStart = 0;
inline QtMessageHandler g_previousHandler = nullptr;
inline void captureLog(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log << message;
    }
    if (g_previousHandler && type != QtDebugMsg && type != QtInfoMsg)
        g_previousHandler(type, context, message);
}

inline MarathonConfig settlementConfig()
{
    MarathonConfig c = simpleConfig(13);
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

inline std::int64_t dayOpen(int day)
{
    return kDay1Open + std::int64_t(day - 1) * 24 * kHour;
}

// A fresh key nobody funded, as the 64 hex digits a keychain would hold.
inline QString randomKeyHex()
{
    for (;;) {
        QByteArray secret(32, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(secret.data()), 8);
        if (Secp256k1Key::fromSecret(secret))
            return QString::fromLatin1(secret.toHex());
    }
}

class SettlementChain
{
protected:
    AnvilNode m_anvil;
    std::unique_ptr<SessionFixture> m_f;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<ShapeRpc> m_rpc; // the test's own view of the chain (the buyers' wallets)
    std::unique_ptr<SettlementDriver> m_driver;
    Address m_house;
    std::uint64_t m_deployBlock = 0;
    Secp256k1Key m_alice = devKey(kDevKey2);
    Secp256k1Key m_bob = devKey(kDevKey3);

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

    // init(): where the case's own log lines start.
    void caseStarted()
    {
        QMutexLocker lock(&g_logMutex);
        g_caseStart = g_log.size();
    }

    // cleanup(): a failed case prints the last of its own lines after its verdict, so the reason
    // is near the verdict in a long CI log.
    void caseFinished()
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

    // initTestCase(): the node, the house and the marathon.
    void startChain()
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

    // The operator's keys (hex, no 0x) in no database file (nor its WAL) and no log line.
    void checkKeysAppearNowhere(const QStringList& databases, const QStringList& keys)
    {
        for (const QString& db : databases) {
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

    // cleanupTestCase()
    void stopChain()
    {
        m_driver.reset();
        m_f.reset();
        m_rpc.reset();
        m_http.reset();
        m_anvil.stop();
        qInstallMessageHandler(g_previousHandler);
    }
};

} // namespace shapetest
