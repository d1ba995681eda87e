// The operator's key against a real Secret Service (run through tests/studio/keyring-test.sh, a
// private gnome-keyring): made from the CSPRNG or imported, retrievable from the keychain with the
// address it was reported under, garbage refused with a sentence that does not quote it, an
// existing key never overwritten by accident, and the key's digits in no file under the test's
// HOME and in no log line.

#include "KeychainCheck.h"
#include "OperatorKey.h"
#include "SecretScan.h"
#include "SecretStore.h"
#include "ShapeVectors.h"

#include <QMutex>
#include <QSignalSpy>
#include <QTest>

using namespace sb::integrations;
using namespace sb::integrations::shape;

namespace {

QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previous = nullptr;

void captureLog(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log << message;
    }
    if (g_previous)
        g_previous(type, context, message);
}

QString stripped(const char* key)
{
    return QString::fromLatin1(key).mid(2);
}

} // namespace

class TestOperatorKey : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SecretStore> m_store;
    QStringList m_secretsSeen; // every key this suite handled, to look for afterwards

    void requireNoLeak()
    {
        QMutexLocker lock(&g_logMutex);
        for (const QString& secret : std::as_const(m_secretsSeen)) {
            for (const QString& line : std::as_const(g_log))
                QVERIFY2(!line.contains(secret, Qt::CaseInsensitive), "a log line holds the key");
            const QString home = qEnvironmentVariable("SB_TEST_KEYRING_HOME");
            if (!home.isEmpty()) {
                int scanned = 0;
                QVERIFY2(sb::test::filesContaining(home, secret, &scanned).isEmpty(),
                         "a file holds the key");
                QVERIFY2(sb::test::filesContaining(home, secret.toUpper(), &scanned).isEmpty(),
                         "a file holds the key");
            }
        }
    }

private slots:
    void initTestCase()
    {
        g_previous = qInstallMessageHandler(captureLog);
        m_store = std::make_unique<SecretStore>(QStringLiteral("SothebAIs Studio tests"));
    }
    void init()
    {
        QString error;
        m_store->remove(OperatorKey::keychainEntry(), &error);
    }
    void cleanupTestCase() { requireNoLeak(); }

    void normalizesHexAndRefusesGarbage()
    {
        const QString plain = stripped(shapetest::kDevKey1);
        QCOMPARE(*OperatorKey::normalizedHex(QString::fromLatin1(shapetest::kDevKey1)), plain);
        QCOMPARE(*OperatorKey::normalizedHex(QStringLiteral("  0X") + plain.toUpper() +
                                             QStringLiteral("\n")),
                 plain);
        QCOMPARE(*OperatorKey::normalizedHex(plain), plain);

        const QStringList garbage = {
            QString(),
            QStringLiteral("hello"),
            QString::fromLatin1(shapetest::kDevAddress1), // an address, not a key
            plain.left(63),
            plain + QStringLiteral("0"),
            plain.left(62) + QStringLiteral("zz"),
            QStringLiteral("test test test test test test test test test test test junk"),
            QString(64, QLatin1Char('0')), // zero
            QString(64, QLatin1Char('f')), // above the curve order
        };
        for (const QString& text : garbage) {
            const auto refused = OperatorKey::normalizedHex(text);
            QVERIFY2(!refused.ok(), qPrintable(text));
            QVERIFY(refused.error().endsWith(QLatin1Char('.')));
            if (text.size() > 8)
                QVERIFY2(!refused.error().contains(text.mid(4, 8)), "the error quotes the text");
        }
    }

    void generatedKeysDiffer()
    {
        const QString a = OperatorKey::generateHex();
        const QString b = OperatorKey::generateHex();
        QCOMPARE(a.size(), 64);
        QVERIFY(a != b);
        QVERIFY(Secp256k1Key::fromHex(a).ok());
    }

    void generateKeepsTheKeyInTheKeychain()
    {
        SB_REQUIRE_KEYCHAIN();
        OperatorKey key(*m_store);
        const auto made = key.generate();
        QVERIFY2(made.ok(), qPrintable(made.error()));
        QVERIFY(!made->isZero());

        // Retrievable: the entry holds a key whose address is the one reported.
        QString error;
        const std::optional<QString> stored = m_store->read(OperatorKey::keychainEntry(), &error);
        QVERIFY2(stored.has_value(), qPrintable(error));
        m_secretsSeen << *stored;
        QCOMPARE(Secp256k1Key::fromHex(*stored)->address(), *made);
        const auto loaded = key.load();
        QVERIFY(loaded.ok() && loaded->has_value());
        QCOMPARE((*loaded)->address(), *made);
        QCOMPARE(key.address()->value(), *made);

        // A second "new" does not overwrite it.
        const auto again = key.generate();
        QVERIFY(!again.ok());
        QVERIFY(again.error().contains(QStringLiteral("already")));
        QCOMPARE(key.address()->value(), *made);
        // On purpose it does.
        const auto replaced = key.generate(true);
        QVERIFY(replaced.ok());
        QVERIFY(*replaced != *made);
        m_secretsSeen << *m_store->read(OperatorKey::keychainEntry(), &error);
        requireNoLeak();
    }

    void importTakesHexWithOrWithout0x()
    {
        SB_REQUIRE_KEYCHAIN();
        OperatorKey key(*m_store);
        m_secretsSeen << stripped(shapetest::kDevKey1);
        const auto imported = key.import(QString::fromLatin1(shapetest::kDevKey1));
        QVERIFY2(imported.ok(), qPrintable(imported.error()));
        QCOMPARE(imported->toChecksummed(), QString::fromLatin1(shapetest::kDevAddress1));
        // The same key again is fine (nothing lost); another one is refused.
        QVERIFY(key.import(stripped(shapetest::kDevKey1)).ok());
        QVERIFY(!key.import(QString::fromLatin1(shapetest::kDevKey0)).ok());
        QCOMPARE(key.address()->value().toChecksummed(),
                 QString::fromLatin1(shapetest::kDevAddress1));
        // Garbage never reaches the keychain.
        QVERIFY(!key.import(QStringLiteral("not a key"), true).ok());
        QCOMPARE(key.address()->value().toChecksummed(),
                 QString::fromLatin1(shapetest::kDevAddress1));
        QVERIFY(key.remove().ok());
        QVERIFY(!key.address()->has_value());
        requireNoLeak();
    }

    void asynchronousCallsAnswerOnTheEventLoop()
    {
        SB_REQUIRE_KEYCHAIN();
        OperatorKey key(*m_store);
        std::optional<Result<std::optional<Address>>> answer;
        key.startImport(QString::fromLatin1(shapetest::kDevKey0), false, this,
                        [&](const Result<std::optional<Address>>& r) { answer = r; });
        QVERIFY(!answer); // never inside the call
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 15000);
        QVERIFY2(answer->ok(), qPrintable(answer->error()));
        QCOMPARE((*answer)->value().toChecksummed(), QString::fromLatin1(shapetest::kDevAddress0));
        m_secretsSeen << stripped(shapetest::kDevKey0);

        answer.reset();
        key.startGenerate(false, this,
                          [&](const Result<std::optional<Address>>& r) { answer = r; });
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 15000);
        QVERIFY(!answer->ok()); // one is there already

        answer.reset();
        key.startAddress(this, [&](const Result<std::optional<Address>>& r) { answer = r; });
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 15000);
        QCOMPARE((*answer)->value().toChecksummed(), QString::fromLatin1(shapetest::kDevAddress0));

        answer.reset();
        key.startImport(QStringLiteral("0x1234"), true, this,
                        [&](const Result<std::optional<Address>>& r) { answer = r; });
        QVERIFY(!answer);
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 15000);
        QVERIFY(!answer->ok());
        QVERIFY(key.remove().ok());
        requireNoLeak();
    }
};

QTEST_GUILESS_MAIN(TestOperatorKey)
#include "tst_operatorkey.moc"
