// Settings → Shape as studio.ini keeps them: a round trip through StudioSettings, the networks'
// chain ids, RPCs and explorers, the fee cap in exact wei, and bad values refused with a sentence
// (or reset on load, with the reason).

#include "ShapeSettings.h"
#include "StudioSettings.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace sb::studio;

class TestShapeSettings : public QObject
{
    Q_OBJECT

private slots:
    void networksHaveTheirChainsAndExplorers()
    {
        ShapeSettings s;
        QCOMPARE(s.network, ShapeSettings::Network::Sepolia); // a new studio starts on testnet
        QCOMPARE(s.chainId(), 11011u);
        QCOMPARE(s.effectiveRpcUrl(), QStringLiteral("https://sepolia.shape.network"));
        const QString hash = QStringLiteral("0x") + QString(64, QLatin1Char('a'));
        QCOMPARE(s.explorerTxUrl(hash), QStringLiteral("https://sepolia.shapescan.xyz/tx/") + hash);
        s.network = ShapeSettings::Network::Mainnet;
        QCOMPARE(s.chainId(), 360u);
        QCOMPARE(s.effectiveRpcUrl(), QStringLiteral("https://mainnet.shape.network"));
        QCOMPARE(s.explorerTxUrl(hash), QStringLiteral("https://shapescan.xyz/tx/") + hash);
        s.network = ShapeSettings::Network::Custom;
        s.customChainId = 31337;
        s.rpcUrl = QStringLiteral("http://127.0.0.1:8545");
        QCOMPARE(s.chainId(), 31337u);
        QCOMPARE(s.effectiveRpcUrl(), QStringLiteral("http://127.0.0.1:8545"));
        QVERIFY(s.explorerTxUrl(hash).isEmpty());
    }

    void feeCapIsExactWei()
    {
        ShapeSettings s;
        QCOMPARE(s.maxFeeWei().value(), 10'000'000'000ULL);
        s.maxFeeGwei = QStringLiteral("0.05");
        QCOMPARE(s.maxFeeWei().value(), 50'000'000ULL);
        s.maxFeeGwei = QStringLiteral(".000000001");
        QCOMPARE(s.maxFeeWei().value(), 1ULL);
        s.maxFeeGwei = QString();
        QVERIFY(!s.maxFeeWei());
        QVERIFY(ShapeSettings::validationErrors(s).isEmpty());
        for (const char* bad : {"0", "0.0000000001", "1e3", "-1", "1,5", "abc"}) {
            s.maxFeeGwei = QString::fromLatin1(bad);
            QVERIFY2(!ShapeSettings::validationErrors(s).isEmpty(), bad);
        }
    }

    void badValuesAreRefused()
    {
        QTemporaryDir dir;
        StudioSettings settings(dir.path());
        ShapeSettings s;
        s.contractAddress = QStringLiteral("0x70997970C51812dc3A010C7d01b50e0d17dc79c8"); // typo
        QString error;
        QVERIFY(!settings.setShape(s, &error));
        QVERIFY2(error.contains(QStringLiteral("contract")), qPrintable(error));
        s = ShapeSettings();
        s.network = ShapeSettings::Network::Custom;
        QVERIFY(!settings.setShape(s, &error));
        QVERIFY(error.contains(QStringLiteral("chain id")));
        s = ShapeSettings();
        s.deadlineHours = 0;
        QVERIFY(!settings.setShape(s, &error));
        s = ShapeSettings();
        s.rpcUrl = QStringLiteral("ftp://example.org");
        QVERIFY(!settings.setShape(s, &error));
        QCOMPARE(settings.shape(), ShapeSettings());
    }

    void roundTripThroughStudioIni()
    {
        QTemporaryDir dir;
        ShapeSettings s;
        s.network = ShapeSettings::Network::Custom;
        s.customChainId = 31337;
        s.rpcUrl = QStringLiteral("http://127.0.0.1:8545");
        // Lower case in, EIP-55 kept.
        s.contractAddress = QStringLiteral("0x5fbdb2315678afecb367f032d93f642f64180aa3");
        s.operatorAddress = QStringLiteral("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
        s.contractBlock = 7;
        s.deadlineHours = 48;
        s.maxFeeGwei = QStringLiteral("0.5");
        s.settlementEnabled = true;
        {
            StudioSettings settings(dir.path());
            QVERIFY(settings.setShape(s));
            QVERIFY(settings.save());
        }
        StudioSettings again(dir.path());
        QVERIFY2(again.loadProblems().isEmpty(), qPrintable(again.loadProblems().join(u'\n')));
        ShapeSettings expected = s;
        expected.contractAddress = QStringLiteral("0x5FbDB2315678afecb367f032d93F642f64180aa3");
        QCOMPARE(again.shape(), expected);
        QVERIFY(again.shape().isConfigured());

        QFile file(again.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray ini = file.readAll();
        QVERIFY(ini.contains("[shape]"));
        // The key is in the keychain only: no field for it, and nothing that looks like one.
        QVERIFY(!ini.contains("operator_key"));
        QVERIFY(!QRegularExpression(QStringLiteral("[0-9a-fA-F]{64}"))
                     .match(QString::fromLatin1(ini))
                     .hasMatch());
    }

    void aBadSectionIsResetWithTheReason()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("studio.ini")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[shape]\nnetwork=moon\nsettlement=true\n");
        file.close();
        StudioSettings settings(dir.path());
        QCOMPARE(settings.shape(), ShapeSettings());
        QVERIFY(settings.loadProblems().join(u' ').contains(QStringLiteral("Shape")));
    }
};

QTEST_GUILESS_MAIN(TestShapeSettings)
#include "tst_shapesettings.moc"
