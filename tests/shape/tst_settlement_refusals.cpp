// Settlement on Shape refused, in words, with nothing signed or changed (SettlementChain.h): an
// operator without ETH fails the settlement with the shortfall; a chain that is not the one set
// up; an RPC that answers garbage, nothing, or the right chain id and nonsense after it. Neither
// the operator's key nor the unfunded one appears in any output or database.

#include "FakeRpcServer.h"
#include "SettlementChain.h"

using namespace shapetest;

class TestSettlementRefusals : public QObject, protected SettlementChain
{
    Q_OBJECT

private:
    std::unique_ptr<SessionFixture> m_poor; // the marathon of the operator without funds
    QString m_poorKeyHex;

private slots:
    void init() { caseStarted(); }
    void cleanup() { caseFinished(); }

    void initTestCase()
    {
        startChain();
        if (QTest::currentTestFailed())
            return;
        // A day won and waiting to be reserved: what a refused driver must leave as it is.
        runDay(1, QStringLiteral("0.1"), QStringLiteral("0.05"));
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

    // The right chain, then the node is gone a while, then it answers again serving another
    // chain (a restarted dev chain, a provider that re-pointed the URL): refused as at the start,
    // not trusted because it was checked once.
    void aNodeThatComesBackOnAnotherChainIsRefused()
    {
        FakeRpcServer node;
        int phase = 0; // 0: chain 31337; 1: down; 2: chain 360
        node.node = [&phase](const QString& method, const QJsonArray&) {
            const auto result = [](const QJsonValue& v) {
                return QJsonObject{{QStringLiteral("result"), v}};
            };
            if (phase == 1)
                return QJsonObject{
                    {QStringLiteral("error"),
                     QJsonObject{{QStringLiteral("code"), -32000},
                                 {QStringLiteral("message"), QStringLiteral("upstream down")}}}};
            if (method == QLatin1String("eth_chainId"))
                return result(phase == 0 ? QStringLiteral("0x7a69") : QStringLiteral("0x168"));
            if (method == QLatin1String("eth_getBlockByNumber"))
                return result(
                    QJsonObject{{QStringLiteral("number"), QStringLiteral("0x10")},
                                {QStringLiteral("hash"), QStringLiteral("0x") + QString(64, u'1')},
                                {QStringLiteral("timestamp"), QStringLiteral("0x1")}});
            if (method == QLatin1String("eth_getLogs"))
                return result(QJsonArray());
            return result(QStringLiteral("0x0"));
        };
        SettlementDriverOptions o = driverOptions();
        o.rpcUrl = node.url();
        o.rpcTimeoutMs = 5'000;
        startDriver(o);
        QTRY_COMPARE_WITH_TIMEOUT(m_driver->status().state, SettlementDriver::State::Running,
                                  30'000);
        phase = 1;
        QTRY_COMPARE_WITH_TIMEOUT(m_driver->status().state, SettlementDriver::State::Unreachable,
                                  30'000);
        phase = 2;
        QTRY_COMPARE_WITH_TIMEOUT(m_driver->status().state, SettlementDriver::State::WrongChain,
                                  30'000);
        QVERIFY2(m_driver->status().message.contains(QStringLiteral("chain 360")),
                 qPrintable(m_driver->status().message));
        m_driver.reset();
    }

    // The operator's key (dev key 0, and the random one above) in no output and no database.
    void keyAppearsNowhere()
    {
        m_driver.reset();
        QVERIFY(m_poor);
        m_f->session->stop();
        m_poor->session->stop();
        checkKeysAppearNowhere({m_f->dbPath, m_poor->dbPath},
                               {QString::fromLatin1(kDevKey0).mid(2), m_poorKeyHex});
    }

    void cleanupTestCase()
    {
        m_poor.reset();
        stopChain();
    }
};

QTEST_GUILESS_MAIN(TestSettlementRefusals)
#include "tst_settlement_refusals.moc"
