// The plugin token in a real keychain (a private Secret Service, through keyring-test.sh): the
// bridge of the first run keeps the token VTube Studio gave it, the bridge of the next run (a new
// keychain handle, as after a restart) signs in with it without asking the user again, and a
// forgotten token is gone. Its own service name, so it never touches the studio's entries.

#include "FakeVtubeStudio.h"
#include "SecretStore.h"
#include "VtsBridge.h"
#include "VtsTestDoubles.h"

#include <QTest>
#include <QUuid>

#include <memory>

using namespace Qt::StringLiterals;
using namespace sb::integrations::vtubestudio;
using sb::integrations::SecretStore;
using sb::test::FakeVtubeStudio;
using sb::test::ManualTimers;

class TestVtsKeychain : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tokenOutlivesTheRunAndCanBeForgotten();

private:
    QString m_service = u"SothebAIs Studio tests "_s + QUuid::createUuid().toString(QUuid::Id128);
};

void TestVtsKeychain::initTestCase()
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

void TestVtsKeychain::tokenOutlivesTheRunAndCanBeForgotten()
{
    FakeVtubeStudio server;
    QVERIFY(server.listen());
    ManualTimers timers;
    VtsSettings settings;
    settings.url = server.url();

    {
        SecretStore secrets(m_service);
        KeychainTokenStore tokens(secrets);
        VtsBridge first(tokens, &timers);
        first.setSettings(settings);
        first.start();
        QTRY_COMPARE(first.state(), VtsState::Connected);
        QCOMPARE(server.issuedTokens.size(), 1);
        QString error;
        QTRY_COMPARE(secrets.read(QString::fromLatin1(KeychainTokenStore::kKey), &error),
                     std::optional<QString>(server.issuedTokens.first()));
    }

    SecretStore secrets(m_service);
    KeychainTokenStore tokens(secrets);
    {
        VtsBridge next(tokens, &timers);
        next.setSettings(settings);
        next.start();
        QTRY_COMPARE(next.state(), VtsState::Connected);
    }
    QCOMPARE(server.receivedOfType(u"AuthenticationTokenRequest"_s).size(), 1);
    QCOMPARE(server.receivedOfType(u"AuthenticationRequest"_s).size(), 2);

    bool forgotten = false;
    tokens.startForget(this, [&](QString error) {
        QVERIFY2(error.isEmpty(), qPrintable(error));
        forgotten = true;
    });
    QTRY_VERIFY(forgotten);
    std::optional<std::optional<QString>> loaded;
    tokens.startLoad(this, [&](std::optional<QString> token, QString error) {
        QVERIFY2(error.isEmpty(), qPrintable(error));
        loaded = token;
    });
    QTRY_VERIFY(loaded.has_value());
    QVERIFY(!loaded->has_value());
}

QTEST_MAIN(TestVtsKeychain)
#include "tst_vtskeychain.moc"
