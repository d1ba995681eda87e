// SettlementRunner, what the window and headless share to settle on Shape, over a real marathon
// session and a real anvil: Settings → Shape reach the engine's settlement options; with the key
// the chain driver runs and says so (chain, operator, balance, block); an unfunded operator is
// warned about once, before a day needs it; another chain is named; settlement off or without a
// key says why, and nothing runs; the RPC's key is never shown.

#include "AnvilNode.h"
#include "OperatorKey.h"
#include "SessionFixture.h"
#include "SettlementDriver.h"
#include "SettlementRunner.h"
#include "ShapeVectors.h"

#include <QSignalSpy>
#include <QTest>

using namespace sb::app;
using namespace sb::auction;
using namespace sb::auction::test;
using namespace sb::studio;
using namespace Qt::StringLiterals;

namespace {

const QString kContract = u"0x5FbDB2315678afecb367f032d93F642f64180aa3"_s;

ShapeSettings onAnvil(const QString& url, const QString& operatorAddress)
{
    ShapeSettings s;
    s.network = ShapeSettings::Network::Custom;
    s.customChainId = 31337;
    s.rpcUrl = url;
    s.contractAddress = kContract;
    s.operatorAddress = operatorAddress;
    s.deadlineHours = 36;
    s.settlementEnabled = true;
    return s;
}

} // namespace

class TestSettlementRunner : public QObject
{
    Q_OBJECT

private slots:
    void runsTheDriverWithTheSettings()
    {
        shapetest::AnvilNode anvil;
        if (!anvil.start())
            QFAIL(qPrintable(anvil.error()));
        SessionFixture fx;
        SettlementRunner runner(*fx.session);
        QVERIFY(runner.statusText().contains(u"off"_s));

        const ShapeSettings settings =
            onAnvil(anvil.url(), QString::fromLatin1(shapetest::kDevAddress0));
        runner.apply(settings, shapetest::devKey(shapetest::kDevKey0));
        QVERIFY(runner.driver() && runner.driver()->isRunning());
        QVERIFY(waitUntil([&] {
            return runner.statusText().startsWith(
                       u"Settling on chain 31337 from 0xf3…66 (balance 10000 ETH), block"_s) &&
                   fx.session->view().settlementOptions.enabled;
        }));
        const SettlementOptions options = fx.session->view().settlementOptions;
        QCOMPARE(options.contractAddress, kContract);
        QCOMPARE(options.chainId, 31337u);
        QCOMPARE(options.deadlineMs, 36 * kHour);

        // Off: the driver stops, the engine's settlement too.
        ShapeSettings off = settings;
        off.settlementEnabled = false;
        runner.apply(off, shapetest::devKey(shapetest::kDevKey0));
        QVERIFY(!runner.driver());
        QVERIFY(runner.statusText().contains(u"off"_s));
        QVERIFY(waitUntil([&] { return !fx.session->view().settlementOptions.enabled; }));

        // On without the key: it waits for one and says where it goes.
        runner.apply(settings, std::nullopt);
        QVERIFY(!runner.driver());
        QVERIFY(runner.statusText().contains(u"keychain"_s));

        // Another chain is named, and nothing is signed.
        ShapeSettings wrong = settings;
        wrong.customChainId = 360;
        runner.apply(wrong, shapetest::devKey(shapetest::kDevKey0));
        QVERIFY(waitUntil([&] {
            return runner.statusText().startsWith(u"Stopped: the RPC is not on chain 360."_s);
        }));
    }

    // A hosted RPC's address holds its key (in the path or the query, or as user:password):
    // whatever the dock says of the RPC — connecting, not answering — names it as far as its
    // port only.
    void theRpcsKeyIsNeverShown()
    {
        QStringList said; // outlives the runner, which says it stopped as it goes
        SessionFixture fx;
        SettlementRunner runner(*fx.session);
        connect(&runner, &SettlementRunner::statusChanged, this,
                [&](const QString& text) { said << text; });
        runner.apply(onAnvil(u"http://op:PASSWORD@127.0.0.1:9/v2/PATHKEY?apikey=QUERYKEY"_s,
                             QString::fromLatin1(shapetest::kDevAddress0)),
                     shapetest::devKey(shapetest::kDevKey0));
        QVERIFY(waitUntil([&] { return runner.statusText().contains(u"does not answer"_s); }));
        QVERIFY2(said.filter(u"Connecting to http://127.0.0.1:9 (chain 31337)"_s).size() == 1,
                 qPrintable(said.join(u'\n')));
        QVERIFY2(runner.statusText().startsWith(
                     u"The RPC http://127.0.0.1:9 does not answer; trying again."_s),
                 qPrintable(runner.statusText()));
        for (const char* secret : {"PASSWORD", "PATHKEY", "QUERYKEY", "op:"})
            QVERIFY2(said.filter(QLatin1String(secret)).isEmpty(), qPrintable(said.join(u'\n')));
    }

    void anUnfundedOperatorIsWarnedOnce()
    {
        shapetest::AnvilNode anvil;
        if (!anvil.start())
            QFAIL(qPrintable(anvil.error()));
        SessionFixture fx;
        SettlementRunner runner(*fx.session);
        QSignalSpy problems(&runner, &SettlementRunner::problem);
        QString hex = sb::integrations::shape::OperatorKey::generateHex();
        auto key = sb::integrations::shape::Secp256k1Key::fromHex(hex);
        sb::integrations::shape::wipeSecretText(hex);
        QVERIFY(key.ok());
        const QString address = key->address().toChecksummed();
        runner.apply(onAnvil(anvil.url(), address), std::move(key).value());
        QVERIFY(waitUntil([&] { return runner.statusText().contains(u"balance is low"_s); }));
        QVERIFY2(
            runner.statusText().contains(
                u"The operator's balance is low (0 ETH): keep at least 0.0075 ETH on "_s + address),
            qPrintable(runner.statusText()));
        QCOMPARE(SettlementRunner::lowBalanceWei(onAnvil({}, {})), 7'500'000'000'000'000ULL);
        // Said once, not at every poll.
        fx.settle();
        QTest::qWait(2500); // the driver's next poll (2 s) on the real network clock
        int warnings = 0;
        for (const auto& p : problems)
            warnings += p.at(0).toString().contains(u"balance is low"_s) ? 1 : 0;
        QCOMPARE(warnings, 1);
    }
};

QTEST_MAIN(TestSettlementRunner)
#include "tst_settlementrunner.moc"
