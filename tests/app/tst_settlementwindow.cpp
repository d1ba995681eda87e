// The studio window with settlement on Shape set up (Settings → Shape on a real anvil, the
// operator key in a real Secret Service: run through tests/studio/keyring-test.sh): the
// Settlement dock is there, tabbed with the operator's docks, and once the keychain has given the
// key the chain driver runs and the dock says so; settings changed in the dialog start it again.

#include "AnvilNode.h"
#include "KeychainCheck.h"
#include "MainWindow.h"
#include "MarathonConfig.h"
#include "OperatorKey.h"
#include "SecretStore.h"
#include "SettlementDock.h"
#include "SettlementRunner.h"
#include "StudioController.h"
#include "StudioSettings.h"

#include <QApplication>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>

using namespace sb::app;
using namespace sb::studio;
using namespace Qt::StringLiterals;

namespace {
const QString kDevKey0 = u"0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"_s;
const QString kDevAddress0 = u"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"_s;
} // namespace

class TestSettlementWindow : public QObject
{
    Q_OBJECT

private slots:
    void theDockShowsTheDriver()
    {
        SB_REQUIRE_KEYCHAIN();
        QTemporaryDir home;
        qputenv("XDG_CONFIG_HOME", home.filePath(u"config"_s).toUtf8());
        qputenv("XDG_DATA_HOME", home.filePath(u"data"_s).toUtf8());
        shapetest::AnvilNode anvil;
        if (!anvil.start())
            QFAIL(qPrintable(anvil.error()));

        StudioSettings settings(home.filePath(u"settings"_s));
        sb::integrations::shape::OperatorKey key(*settings.secretStore());
        QVERIFY(key.import(kDevKey0, true).ok());
        ShapeSettings shape;
        shape.network = ShapeSettings::Network::Custom;
        shape.customChainId = 31337;
        shape.rpcUrl = anvil.url();
        shape.contractAddress = u"0x5FbDB2315678afecb367f032d93F642f64180aa3"_s;
        shape.operatorAddress = kDevAddress0;
        shape.settlementEnabled = true;
        QVERIFY(settings.setShape(shape));

        StudioController studio(home.filePath(u"studio"_s));
        QString error;
        QVERIFY2(studio.open(&error), qPrintable(error));
        studio.setSimulatedBidders(false);
        MainWindow window(studio, settings);
        window.setMessageHook([](const QString&, const QString&) { return true; });
        QVERIFY(window.settlementDock());
        QVERIFY(window.tabifiedDockWidgets(window.settlementDock()).size() > 0);
        // The first start's demo is never settled on chain.
        QVERIFY(studio.isDemo());
        QVERIFY(window.settlementDock()->driverLabel()->text().contains(u"demo"_s));
        QVERIFY(!window.settlement()->driver());

        // A real marathon: the driver starts with the keychain's key.
        sb::auction::MarathonConfig config;
        config.name = u"Settled marathon"_s;
        config.timeZone = u"UTC"_s;
        config.firstDay = QDate::currentDate().addDays(1);
        config.days = 1;
        config.windowStart = QTime(12, 0);
        config.windowEnd = QTime(13, 0);
        QVERIFY2(studio.createMarathon(config, &error), qPrintable(error));
        QVERIFY(!studio.isDemo());
        QTRY_VERIFY_WITH_TIMEOUT(window.settlementDock()->driverLabel()->text().startsWith(
                                     u"Settling on chain 31337 from 0xf3…66"_s),
                                 30'000);
        QVERIFY(window.settlement() && window.settlement()->driver());
        QVERIFY(!window.settlementDock()->driverLabel()->text().contains(kDevKey0.mid(2)));
        QVERIFY(key.remove().ok());
    }
};

QTEST_MAIN(TestSettlementWindow)
#include "tst_settlementwindow.moc"
