// Settings → Shape, driven by objectName as a user would, against a real Secret Service (run
// through tests/studio/keyring-test.sh): the networks and what they imply, the contract's EIP-55
// checksum, bad values keeping OK disabled, a saved page reaching studio.ini; the operator key
// generated or imported into the keychain (an existing one replaced only when the user says so,
// garbage refused with a sentence), its address shown and kept in the settings, its balance asked
// of the RPC (a node played on loopback), and the key's digits in no file and no label.

#include "KeychainCheck.h"
#include "OperatorKey.h"
#include "SecretScan.h"
#include "SecretStore.h"
#include "SettingsDialog.h"
#include "ShapeSettingsPage.h"
#include "StudioSettings.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace sb::app;
using namespace sb::studio;
using sb::integrations::SecretStore;
using sb::integrations::shape::OperatorKey;
using namespace Qt::StringLiterals;

namespace {

const QString kTestService = u"SothebAIs Studio tests"_s;
// anvil's dev account 1: a published test key, never funded on a real chain.
const QString kDevKey1 = u"0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"_s;
const QString kDevAddress1 = u"0x70997970C51812dc3A010C7d01b50e0d17dc79C8"_s;

void typeInto(QLineEdit* edit, const QString& text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

// A node that answers eth_getBalance with 1.5 ETH and everything else with an error.
class BalanceNode : public QTcpServer
{
public:
    BalanceNode()
    {
        listen(QHostAddress::LocalHost, 0);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = nextPendingConnection()) {
                socket->setParent(this);
                auto buffer = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::readyRead, socket, [socket, buffer, this] {
                    *buffer += socket->readAll();
                    const qsizetype end = buffer->indexOf("\r\n\r\n");
                    const QJsonObject request =
                        QJsonDocument::fromJson(buffer->mid(end + 4)).object();
                    if (end < 0 || request.isEmpty())
                        return;
                    asked << request.value("method"_L1).toString();
                    QJsonObject reply{{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, request.value("id"_L1)}};
                    if (request.value("method"_L1).toString() == "eth_getBalance"_L1)
                        reply.insert(u"result"_s, u"0x14d1120d7b160000"_s); // 1.5 ETH
                    else
                        reply.insert(u"error"_s,
                                     QJsonObject{{u"code"_s, -32601}, {u"message"_s, u"no"_s}});
                    const QByteArray body = QJsonDocument(reply).toJson();
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                  "Content-Length: " +
                                  QByteArray::number(body.size()) +
                                  "\r\nConnection: close\r\n\r\n" + body);
                    buffer->clear();
                });
            }
        });
    }
    QString url() const { return u"http://127.0.0.1:%1"_s.arg(serverPort()); }
    QStringList asked;
};

} // namespace

class TestShapeSettingsPage : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<StudioSettings> m_settings;

    void removeKey()
    {
        QString error;
        m_secrets->remove(OperatorKey::keychainEntry(), &error);
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_secrets = std::make_unique<SecretStore>(kTestService);
        m_settings = std::make_unique<StudioSettings>(m_dir->path(), m_secrets.get());
    }
    void cleanup()
    {
        if (m_secrets->isAvailable())
            removeKey();
        m_settings.reset();
        m_secrets.reset();
        m_dir.reset();
    }

    void networksAndValidation()
    {
        ShapeSettingsPage page(m_settings.get(), m_secrets.get());
        QCOMPARE(page.networkCombo()->currentData().toInt(), int(ShapeSettings::Network::Sepolia));
        QVERIFY(!page.chainIdEdit()->isEnabled());
        QCOMPARE(page.rpcUrlEdit()->placeholderText(), u"https://sepolia.shape.network"_s);
        QCOMPARE(page.chainIdEdit()->placeholderText(), u"11011"_s);
        QVERIFY(page.validationErrors().isEmpty());

        page.networkCombo()->setCurrentIndex(
            page.networkCombo()->findData(int(ShapeSettings::Network::Custom)));
        QVERIFY(page.chainIdEdit()->isEnabled());
        QVERIFY(page.validationErrors().join(u' ').contains(u"chain id"_s));
        typeInto(page.chainIdEdit(), u"31337"_s);
        typeInto(page.rpcUrlEdit(), u"http://127.0.0.1:8545"_s);
        QVERIFY2(page.validationErrors().isEmpty(), qPrintable(page.validationErrors().join(u' ')));

        // A checksum typo in the contract's address is caught before it is saved.
        typeInto(page.contractEdit(), u"0x5FbDB2315678afecb367f032d93F642f64180aA3"_s);
        QVERIFY(!page.validationErrors().isEmpty());
        QVERIFY(page.contractStatusLabel()->text().contains(u"checksum"_s, Qt::CaseInsensitive));
        typeInto(page.contractEdit(), u"0x5fbdb2315678afecb367f032d93f642f64180aa3"_s);
        QVERIFY(page.validationErrors().isEmpty());
        QCOMPARE(page.contractStatusLabel()->text(), u"Checksum OK."_s);

        typeInto(page.feeCapEdit(), u"0.0000000001"_s);
        QVERIFY(!page.validationErrors().isEmpty());
        typeInto(page.feeCapEdit(), u"0.05"_s);
        // Settlement on without an operator key is refused.
        page.settlementCheck()->setChecked(true);
        QVERIFY(page.validationErrors().join(u' ').contains(u"operator key"_s));
        page.settlementCheck()->setChecked(false);
        page.deadlineSpin()->setValue(36);
        QVERIFY(page.apply());
        QVERIFY(m_settings->save());

        StudioSettings again(m_dir->path(), m_secrets.get());
        const ShapeSettings saved = again.shape();
        QCOMPARE(saved.network, ShapeSettings::Network::Custom);
        QCOMPARE(saved.customChainId, 31337u);
        QCOMPARE(saved.rpcUrl, u"http://127.0.0.1:8545"_s);
        QCOMPARE(saved.contractAddress, u"0x5FbDB2315678afecb367f032d93F642f64180aa3"_s);
        QCOMPARE(saved.deadlineHours, 36);
        QCOMPARE(saved.maxFeeGwei, u"0.05"_s);
    }

    void theDialogHasTheShapePage()
    {
        SettingsDialog dialog(m_settings.get());
        dialog.setCurrentPage(SettingsDialog::ShapePage);
        QVERIFY(dialog.shapePage());
        QCOMPARE(dialog.currentPage(), SettingsDialog::ShapePage);
        dialog.shapePage()->deadlineSpin()->setValue(12);
        dialog.apply();
        QTRY_VERIFY(!dialog.isApplying());
        QCOMPARE(StudioSettings(m_dir->path(), m_secrets.get()).shape().deadlineHours, 12);
    }

    void importedKeyGoesToTheKeychainOnly()
    {
        SB_REQUIRE_KEYCHAIN();
        removeKey();
        BalanceNode node;
        ShapeSettingsPage page(m_settings.get(), m_secrets.get());
        QSignalSpy key(&page, &ShapeSettingsPage::keyChanged);
        QTRY_VERIFY(key.size() >= 1); // the keychain said there is none
        QCOMPARE(page.operatorAddressLabel()->text(), u"none"_s);
        page.networkCombo()->setCurrentIndex(
            page.networkCombo()->findData(int(ShapeSettings::Network::Custom)));
        typeInto(page.chainIdEdit(), u"31337"_s);
        typeInto(page.rpcUrlEdit(), node.url());

        // Garbage is refused with a sentence, and nothing reaches the keychain.
        page.setKeyPrompt([] { return std::optional<QString>(u"my seed phrase is…"_s); });
        page.importKey();
        QVERIFY(page.keyStatusLabel()->text().contains(u"not a private key"_s));
        QCOMPARE(page.operatorAddressLabel()->text(), u"none"_s);

        QSignalSpy balance(&page, &ShapeSettingsPage::balanceChecked);
        page.setKeyPrompt([] { return std::optional<QString>(kDevKey1); });
        key.clear();
        page.importKey();
        QTRY_VERIFY_WITH_TIMEOUT(!key.isEmpty(), 15000);
        QCOMPARE(page.operatorAddressLabel()->text(), kDevAddress1);
        QTRY_VERIFY_WITH_TIMEOUT(!balance.isEmpty(), 15000);
        QCOMPARE(page.balanceLabel()->text(), u"1.5 ETH"_s);
        QVERIFY(node.asked.contains(u"eth_getBalance"_s));

        // Retrievable from the keychain under the address shown.
        OperatorKey store(*m_secrets);
        QCOMPARE(store.address()->value().toChecksummed(), kDevAddress1);

        // The settings keep the address, never the key.
        QVERIFY(page.apply());
        QVERIFY(m_settings->save());
        QFile ini(m_settings->filePath());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray text = ini.readAll();
        QVERIFY(text.contains(kDevAddress1.toLatin1()));
        QVERIFY(!text.contains(kDevKey1.mid(2).toLatin1()));
        int scanned = 0;
        QVERIFY(sb::test::filesContaining(m_dir->path(), kDevKey1.mid(2), &scanned).isEmpty());
        const QString home = qEnvironmentVariable("SB_TEST_KEYRING_HOME");
        if (!home.isEmpty())
            QVERIFY(sb::test::filesContaining(home, kDevKey1.mid(2), &scanned).isEmpty());
        for (QLabel* label : page.findChildren<QLabel*>())
            QVERIFY(!label->text().contains(kDevKey1.mid(2)));
    }

    void generateReplacesOnlyWhenAsked()
    {
        SB_REQUIRE_KEYCHAIN();
        removeKey();
        OperatorKey store(*m_secrets);
        QVERIFY(store.import(kDevKey1).ok());
        ShapeSettingsPage page(m_settings.get(), m_secrets.get());
        QSignalSpy key(&page, &ShapeSettingsPage::keyChanged);
        QTRY_COMPARE(page.operatorAddressLabel()->text(), kDevAddress1);

        QStringList asked;
        page.setQuestionHook([&](const QString& q) {
            asked << q;
            return false;
        });
        key.clear();
        page.generateKey();
        QTRY_VERIFY_WITH_TIMEOUT(!key.isEmpty(), 15000);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(page.operatorAddressLabel()->text(), kDevAddress1); // kept
        QCOMPARE(store.address()->value().toChecksummed(), kDevAddress1);

        page.setQuestionHook([](const QString&) { return true; });
        key.clear();
        page.generateKey();
        QTRY_VERIFY_WITH_TIMEOUT(!key.isEmpty(), 15000);
        const QString made = page.operatorAddressLabel()->text();
        QVERIFY(made.startsWith(u"0x"_s) && made != kDevAddress1);
        QCOMPARE(store.address()->value().toChecksummed(), made);
    }
};

QTEST_MAIN(TestShapeSettingsPage)
#include "tst_shapesettingspage.moc"
