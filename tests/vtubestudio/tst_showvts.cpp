// VTube Studio in the show as the window and headless run it: Settings → Host with VTube Studio on,
// applied to a ShowScene on a real session, connects the bridge to the VTube Studio written here
// (FakeVtubeStudio), keeps the plugin token in a real keychain (a private Secret Service, through
// keyring-test.sh; its own service name), triggers the mapped hotkey when the operator sets the
// host's mood, follows a new hotkey map without reconnecting, and stops when VTube Studio is
// turned off.

#include "FakeVtubeStudio.h"
#include "HostOverlay.h"
#include "SecretStore.h"
#include "SessionFixture.h"
#include "ShowScene.h"
#include "VtsBridge.h"
#include "VtsTokenStore.h"

#include <QDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace sb::auction::test;
using namespace sb::integrations::vtubestudio;
using sb::integrations::SecretStore;
using sb::studio::HostMood;
using sb::studio::HostSettings;
using sb::studio::ShowScene;
using sb::test::FakeVtubeStudio;

class TestShowVts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        SecretStore probe(m_service);
        QString why;
        if (!probe.isAvailable(&why)) {
            const QByteArray ci = qgetenv("CI").toLower();
            if (ci == "true" || ci == "1" || qgetenv("SB_REQUIRE_KEYRING") == "1")
                QFAIL(qPrintable(u"no keychain in CI: "_s + why));
            QSKIP(qPrintable(u"no keychain here (run through keyring-test.sh): "_s + why));
        }
    }

    void settingsRunTheBridgeInTheShow()
    {
        FakeVtubeStudio server;
        QVERIFY(server.listen());
        SecretStore secrets(m_service);
        SessionFixture f;
        ShowScene show(*f.session, false, QDir::temp());
        QVERIFY(!show.vtubeStudio()); // off by default

        HostSettings settings;
        settings.vtsEnabled = true;
        settings.vtsUrl = server.url().toString();
        settings.vtsMoodHotkeys = {{u"excited"_s, u"hk-excited"_s}};
        QCOMPARE(show.applyHostSettings(settings, &secrets), QStringList());
        QVERIFY(show.vtubeStudio());
        QTRY_COMPARE_WITH_TIMEOUT(show.vtubeStudio()->state(), VtsState::Connected, 15'000);
        // The token VTube Studio gave is in the keychain.
        QCOMPARE(server.issuedTokens.size(), 1);
        QTRY_COMPARE(secrets.read(QString::fromLatin1(KeychainTokenStore::kKey)),
                     std::optional<QString>(server.issuedTokens.first()));

        // The operator sets a mood: the next frame triggers its hotkey.
        show.host().setMood(HostMood::Excited, f.clock.nowUtcMs());
        show.tick();
        QTRY_COMPARE(server.receivedOfType(u"HotkeyTriggerRequest"_s).size(), 1);
        QCOMPARE(server.receivedOfType(u"HotkeyTriggerRequest"_s)
                     .first()
                     .value(u"data"_s)
                     .toObject()
                     .value(u"hotkeyID"_s)
                     .toString(),
                 u"hk-excited"_s);
        // The mouth is sent (closed while she is silent).
        QTRY_VERIFY(!server.mouthValues().isEmpty());

        // A new map applies without a new connection.
        settings.vtsMoodHotkeys = {{u"triumphant"_s, u"hk-win"_s}};
        QCOMPARE(show.applyHostSettings(settings, &secrets), QStringList());
        show.host().setMood(HostMood::Triumphant, f.clock.nowUtcMs());
        show.tick();
        QTRY_COMPARE(server.receivedOfType(u"HotkeyTriggerRequest"_s).size(), 2);
        QCOMPARE(server.connectionCount, 1);

        // Off: the bridge goes and VTube Studio's connection closes.
        settings.vtsEnabled = false;
        QCOMPARE(show.applyHostSettings(settings, &secrets), QStringList());
        QVERIFY(!show.vtubeStudio());
        QTRY_COMPARE(server.openClients(), 0);
        QVERIFY(secrets.remove(QString::fromLatin1(KeychainTokenStore::kKey)));
    }

private:
    QString m_service = u"SothebAIs Studio tests "_s + QUuid::createUuid().toString(QUuid::Id128);
};

QTEST_MAIN(TestShowVts)
#include "tst_showvts.moc"
