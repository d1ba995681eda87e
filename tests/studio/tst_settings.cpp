// Studio settings and stream keys: the settings survive a restart, bad values are refused with
// sentences a user can read, and stream keys go through a real Secret Service (gnome-keyring on a
// private D-Bus session, see with-keyring.sh) and never land in a file. Without any keychain the
// keys are refused, or kept in memory only when the user allowed it (checked in a child process
// whose session bus does not exist).

#include "LoopProbe.h"
#include "SecretScan.h"
#include "SecretStore.h"
#include "StudioSettings.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/types.h>
#endif

using namespace sb::studio;
using sb::integrations::SecretStore;
using namespace Qt::StringLiterals;

namespace {

// The tests' entries are filed under their own service name, never the studio's.
const QString kTestService = u"SothebAIs Studio tests"_s;
// Set by with-keyring.sh: the throwaway HOME of the private keyring.
const char* const kKeyringHomeVar = "SB_TEST_KEYRING_HOME";
// Set for the child process that runs without any Secret Service.
const char* const kNoKeychainChildVar = "SB_TST_SETTINGS_NO_KEYCHAIN_CHILD";
const char* const kChildFolderVar = "SB_TST_SETTINGS_FOLDER";
const char* const kChildKeyVar = "SB_TST_SETTINGS_KEY";

// A key nobody else would write: if these bytes are in a file, the key leaked there.
QString makeStreamKey()
{
    return u"live_"_s + QUuid::createUuid().toString(QUuid::Id128);
}

QString keyringHome()
{
    return qEnvironmentVariable(kKeyringHomeVar);
}

// Outside with-keyring.sh the keychain tests skip: they must never touch the user's own keyring.
bool hasPrivateKeyring()
{
    return !keyringHome().isEmpty();
}
const char* const kNeedsPrivateKeyring =
    "needs the private keyring: run under dbus-run-session -- tests/studio/with-keyring.sh";

using sb::test::filesContaining;

Destination makeDestination(const QString& name, const QString& url)
{
    Destination destination;
    destination.name = name;
    destination.url = url;
    return destination;
}

} // namespace

class TestSettings : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void settingsSurviveRestart();

    void secretRoundTripsThroughSecretService();
    void absentSecretIsNotAnError();
    void streamKeysNeverReachDisk();
    void removingDestinationRemovesItsKey();
    void keychainThatDoesNotAnswerTimesOut();
    void asyncCallsAnswerLaterOnTheCallersLoop();
    void enabledKeysAreReadForGoingLive();
    void aSilentKeychainLeavesTheCallersLoopRunning_data();
    void aSilentKeychainLeavesTheCallersLoopRunning();
    void withoutSecretService();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSettings::init()
{
    // Under the keyring's throwaway HOME, so the "no file holds the key" scans cover the settings.
    const QString home = keyringHome();
    m_dir = home.isEmpty() ? std::make_unique<QTemporaryDir>()
                           : std::make_unique<QTemporaryDir>(home + u"/settings-XXXXXX"_s);
    QVERIFY(m_dir->isValid());
}

void TestSettings::cleanup()
{
    m_dir.reset();
}

void TestSettings::settingsSurviveRestart()
{
    SecretStore secrets(kTestService);
    const QByteArray geometry("\x01\xd9\xd0\xcb\x00\x03\x00\x00 geometry \x00\xff", 21);
    const QByteArray state("\x00\x00\x00\xff state\n=[]", 18);
    QString x;
    QString backup;
    {
        StudioSettings settings(m_dir->path(), &secrets);
        QSignalSpy changed(&settings, &StudioSettings::changed);
        QString error;
        QVERIFY2(settings.setVideo({1920, 1080, 60}, &error), qPrintable(error));
        QCOMPARE(changed.count(), 1);
        QVERIFY(settings.setVideo({1920, 1080, 60}, &error)); // the same again: no signal
        QCOMPARE(changed.count(), 1);
        QVERIFY2(settings.setOutput({u"libx264"_s, 4000, 3, u"faster"_s}, &error),
                 qPrintable(error));
        QVERIFY2(settings.setRecording({m_dir->filePath(u"rec"_s), u"mp4"_s}, &error),
                 qPrintable(error));
        x = settings.addDestination(makeDestination(u"X"_s, u"rtmps://va.pscp.tv:443/x"_s), &error);
        QVERIFY2(!x.isEmpty(), qPrintable(error));
        Destination twitch = makeDestination(u"Backup"_s, u"rtmp://live.example.net/app"_s);
        twitch.enabled = false;
        backup = settings.addDestination(twitch, &error);
        QVERIFY2(!backup.isEmpty(), qPrintable(error));
        QVERIFY(x != backup);
        QVERIFY2(settings.setHotkey(u"extend"_s, QKeySequence(u"F9"_s), &error), qPrintable(error));
        QVERIFY2(settings.setHotkey(u"close_now"_s, QKeySequence(), &error), qPrintable(error));
        QVERIFY2(settings.setLanguage(u"es"_s, &error), qPrintable(error));
        settings.setWindowGeometry(geometry);
        settings.setWindowState(state);
        settings.setFirstStartDone(true);
        settings.setSceneCollection(u"Marathon, day 1"_s);
        QVERIFY(changed.count() >= 10);
        QVERIFY2(settings.save(&error), qPrintable(error));
    }
    StudioSettings reopened(m_dir->path(), &secrets);
    QVERIFY2(reopened.loadProblems().isEmpty(), qPrintable(reopened.loadProblems().join(u'\n')));
    QCOMPARE(reopened.video(), (VideoSettings{1920, 1080, 60}));
    QCOMPARE(reopened.output(), (OutputSettings{u"libx264"_s, 4000, 3, u"faster"_s}));
    QCOMPARE(reopened.recording(), (RecordingSettings{m_dir->filePath(u"rec"_s), u"mp4"_s}));
    QCOMPARE(reopened.destinations().size(), 2);
    QCOMPARE(reopened.destinations().at(0).id, x);
    QCOMPARE(reopened.destinations().at(0).name, u"X"_s);
    QCOMPARE(reopened.destinations().at(0).url, u"rtmps://va.pscp.tv:443/x"_s);
    QVERIFY(reopened.destinations().at(0).enabled);
    QCOMPARE(reopened.destinations().at(1).id, backup);
    QVERIFY(!reopened.destinations().at(1).enabled);
    QCOMPARE(reopened.hotkey(u"extend"_s), QKeySequence(u"F9"_s));
    QVERIFY(reopened.hotkey(u"close_now"_s).isEmpty()); // unassigned stays unassigned
    QCOMPARE(reopened.hotkey(u"go_live"_s), QKeySequence(u"Ctrl+Shift+L"_s));
    QCOMPARE(reopened.language(), u"es"_s);
    QCOMPARE(reopened.windowGeometry(), geometry);
    QCOMPARE(reopened.windowState(), state);
    QVERIFY(reopened.firstStartDone());
    QCOMPARE(reopened.sceneCollection(), u"Marathon, day 1"_s);
}

void TestSettings::secretRoundTripsThroughSecretService()
{
    if (!hasPrivateKeyring())
        QSKIP(kNeedsPrivateKeyring);
    const QString key = u"destination/%1/stream_key"_s.arg(QUuid::createUuid().toString());
    const QString secret = makeStreamKey() + u" ünïcödé"_s;
    QString error;
    {
        SecretStore writer(kTestService);
        QVERIFY2(writer.isAvailable(&error), qPrintable(error));
        QVERIFY2(writer.write(key, secret, &error), qPrintable(error));
    }
    {
        SecretStore reader(kTestService); // a new instance: the secret came from the keychain
        const std::optional<QString> read = reader.read(key, &error);
        QVERIFY2(read.has_value(), qPrintable(error));
        QCOMPARE(*read, secret);
        // Another service name is another namespace.
        SecretStore other(kTestService + u" (other)"_s);
        QVERIFY(!other.read(key, &error).has_value());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(reader.write(key, secret + u"2"_s, &error), qPrintable(error)); // replaces
        QCOMPARE(reader.read(key, &error).value_or(QString()), secret + u"2"_s);
        QVERIFY2(reader.remove(key, &error), qPrintable(error));
    }
    SecretStore after(kTestService);
    QVERIFY(!after.read(key, &error).has_value());
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(after.lastFailure(), SecretStore::Failure::None);
}

void TestSettings::absentSecretIsNotAnError()
{
    if (!hasPrivateKeyring())
        QSKIP(kNeedsPrivateKeyring);
    SecretStore secrets(kTestService);
    QString error = u"not cleared"_s;
    QVERIFY(!secrets.read(u"never/written"_s, &error).has_value());
    QVERIFY2(error.isEmpty(), qPrintable(error));
    error = u"not cleared"_s;
    QVERIFY2(secrets.remove(u"never/written"_s, &error), qPrintable(error));
    QVERIFY(error.isEmpty());
}

void TestSettings::streamKeysNeverReachDisk()
{
    if (!hasPrivateKeyring())
        QSKIP(kNeedsPrivateKeyring);
    SecretStore secrets(kTestService);
    const QString xKey = makeStreamKey();
    const QString backupKey = makeStreamKey();
    QString x;
    {
        StudioSettings settings(m_dir->path(), &secrets);
        QString error;
        x = settings.addDestination(makeDestination(u"X"_s, u"rtmps://va.pscp.tv:443/x"_s));
        const QString backup =
            settings.addDestination(makeDestination(u"Backup"_s, u"rtmp://127.0.0.1/live"_s));
        QCOMPARE(settings.setStreamKey(x, xKey, &error), KeyStorage::Keychain);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(settings.setStreamKey(backup, u"  "_s + backupKey + u"\n"_s, &error),
                 KeyStorage::Keychain);
        QCOMPARE(settings.streamKeyStorage(x), KeyStorage::Keychain);
        QVERIFY(!settings.setStreamKey(u"no-such-destination"_s, xKey, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!settings.setStreamKey(x, u" \t"_s, &error));
        QVERIFY2(error.contains(u"empty"_s), qPrintable(error));
        QVERIFY2(settings.save(&error), qPrintable(error));
    }
    // After a restart the keys come back from the keychain, trimmed.
    StudioSettings reopened(m_dir->path(), &secrets);
    QString error;
    QCOMPARE(reopened.streamKey(x, &error).value_or(QString()), xKey);
    QCOMPARE(reopened.streamKey(reopened.destinations().at(1).id, &error).value_or(QString()),
             backupKey);
    QCOMPARE(secrets.read(StudioSettings::streamKeyName(x), &error).value_or(QString()), xKey);

    // No file under the throwaway HOME (settings, config, data, cache, the keyring's own files,
    // the runtime dir) holds a key in the clear.
    const QString root = QFileInfo(keyringHome()).dir().path();
    for (const QString& secret : {xKey, backupKey}) {
        int scanned = 0;
        const QStringList leaks = filesContaining(root, secret, &scanned);
        QVERIFY2(leaks.isEmpty(), qPrintable(u"a stream key is in "_s + leaks.join(u", "_s)));
        QVERIFY(scanned >= 2); // studio.ini and the keyring at least
    }
    QVERIFY(QFile::exists(reopened.filePath()));
    QVERIFY(QDir(keyringHome()).exists(u".local/share/keyrings/login.keyring"_s));
}

void TestSettings::removingDestinationRemovesItsKey()
{
    if (!hasPrivateKeyring())
        QSKIP(kNeedsPrivateKeyring);
    SecretStore secrets(kTestService);
    StudioSettings settings(m_dir->path(), &secrets);
    const QString id = settings.addDestination(makeDestination(u"X"_s, u"rtmps://h/x"_s));
    QString error;
    QCOMPARE(settings.setStreamKey(id, makeStreamKey(), &error), KeyStorage::Keychain);
    QVERIFY2(settings.removeDestination(id, &error), qPrintable(error));
    QVERIFY(!settings.destination(id));
    QVERIFY(!secrets.read(StudioSettings::streamKeyName(id), &error).has_value());
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

// A keychain that does not answer (the daemon paused with SIGSTOP) makes calls fail after the
// timeout, with a sentence, instead of hanging the GUI thread.
void TestSettings::keychainThatDoesNotAnswerTimesOut()
{
    if (!hasPrivateKeyring())
        QSKIP(kNeedsPrivateKeyring);
#ifdef Q_OS_UNIX
    const auto pid = pid_t(qEnvironmentVariableIntValue("SB_TEST_KEYRING_PID"));
    if (pid <= 0)
        QSKIP("with-keyring.sh did not say which process the keyring is");
    SecretStore secrets(kTestService);
    QString error;
    QVERIFY2(secrets.isAvailable(&error), qPrintable(error)); // connected before the pause
    secrets.setTimeoutMs(300);
    QCOMPARE(::kill(pid, SIGSTOP), 0);
    auto resume = qScopeGuard([pid] { ::kill(pid, SIGCONT); });
    const QString key = u"timeout/%1"_s.arg(QUuid::createUuid().toString());
    QVERIFY(!secrets.write(key, makeStreamKey(), &error));
    QCOMPARE(secrets.lastFailure(), SecretStore::Failure::TimedOut);
    QVERIFY2(error.startsWith(u"The keychain did not answer in time (0.3 s)."_s),
             qPrintable(error));
    QVERIFY(!secrets.isAvailable(&error));
    QCOMPARE(secrets.lastFailure(), SecretStore::Failure::TimedOut);
    ::kill(pid, SIGCONT);
    resume.dismiss();

    // Once it answers again, so does the store; the write that timed out may still land late,
    // so it is removed (QtKeychain runs jobs in order).
    secrets.setTimeoutMs(SecretStore::kDefaultTimeoutMs);
    QVERIFY2(secrets.isAvailable(&error), qPrintable(error));
    QVERIFY2(secrets.remove(key, &error), qPrintable(error));
    QVERIFY(!secrets.read(key, &error).has_value());
    QVERIFY2(error.isEmpty(), qPrintable(error));
#else
    QSKIP("pauses the Secret Service daemon with SIGSTOP");
#endif
}

// The asynchronous calls return at once and answer later from the caller's event loop, with the
// same results as the blocking ones.
void TestSettings::asyncCallsAnswerLaterOnTheCallersLoop()
{
    if (!hasPrivateKeyring())
        QSKIP(kNeedsPrivateKeyring);
    SecretStore secrets(kTestService);
    QObject context;
    const QString key = u"async/%1"_s.arg(QUuid::createUuid().toString());
    const QString secret = makeStreamKey();
    std::optional<SecretStore::Result> result;
    const auto done = [&](const SecretStore::Result& r) { result = r; };

    secrets.startWrite(key, secret, &context, done);
    QVERIFY(!result); // never inside the call
    QTRY_VERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error));

    result.reset();
    secrets.startRead(key, &context, done);
    QVERIFY(!result);
    QTRY_VERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error));
    QVERIFY(result->secret.value_or(QString()) == secret); // not QCOMPARE: never print a key

    result.reset();
    secrets.startRemove(key, &context, done);
    QTRY_VERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error));
    result.reset();
    secrets.startRead(key, &context, done);
    QTRY_VERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error)); // absent is not an error
    QVERIFY(!result->secret);

    // A caller that is gone by the time the keychain answers is not called.
    bool called = false;
    {
        QObject gone;
        secrets.startProbe(&gone, [&](const SecretStore::Result&) { called = true; });
    }
    result.reset();
    secrets.startProbe(&context, done); // answers after the first (QtKeychain runs them in order)
    QTRY_VERIFY(result);
    QVERIFY(result->ok());
    QVERIFY(!called);
}

// Going live reads the key of every enabled destination, in order; a destination without a key
// is named so the window can say which one.
void TestSettings::enabledKeysAreReadForGoingLive()
{
    if (!hasPrivateKeyring())
        QSKIP(kNeedsPrivateKeyring);
    SecretStore secrets(kTestService);
    StudioSettings settings(m_dir->path(), &secrets);
    const QString x = settings.addDestination(makeDestination(u"X"_s, u"rtmps://h:443/x"_s));
    Destination off = makeDestination(u"Off"_s, u"rtmp://127.0.0.1/off"_s);
    off.enabled = false;
    settings.addDestination(off);
    const QString backup =
        settings.addDestination(makeDestination(u"Backup"_s, u"rtmp://127.0.0.1/live"_s));
    const QString xKey = makeStreamKey();
    const QString backupKey = makeStreamKey();
    QVERIFY(settings.setStreamKey(x, xKey));

    QObject context;
    std::optional<EnabledKeysResult> result;
    const auto done = [&](const EnabledKeysResult& r) { result = r; };
    settings.startReadingEnabledKeys(&context, done);
    QVERIFY(!result);
    QTRY_VERIFY(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->destinationWithoutKey, u"Backup"_s);
    QVERIFY(result->error.isEmpty());
    QVERIFY(result->destinations.isEmpty());

    QVERIFY(settings.setStreamKey(backup, backupKey));
    result.reset();
    settings.startReadingEnabledKeys(&context, done);
    QTRY_VERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error));
    QCOMPARE(result->destinations.size(), 2);
    QCOMPARE(result->destinations.at(0).name, u"X"_s);
    QVERIFY(result->destinations.at(0).urlWithKey == u"rtmps://h:443/x/"_s + xKey);
    QCOMPARE(result->destinations.at(1).name, u"Backup"_s);
    QVERIFY(result->destinations.at(1).urlWithKey == u"rtmp://127.0.0.1/live/"_s + backupKey);
    QVERIFY(settings.removeStreamKey(x));
    QVERIFY(settings.removeStreamKey(backup));
}

void TestSettings::aSilentKeychainLeavesTheCallersLoopRunning_data()
{
    QTest::addColumn<QString>("call");
    QTest::newRow("write") << u"write"_s;
    QTest::newRow("read") << u"read"_s;
    QTest::newRow("settings: keys for going live") << u"going live"_s;
}

// While the keychain does not answer (the daemon paused with SIGSTOP), a pending call leaves the
// caller's event loop running: a 10 ms timer keeps ticking there, never inside a loop of the
// call's own, and the call ends with the timeout's sentence.
void TestSettings::aSilentKeychainLeavesTheCallersLoopRunning()
{
    QFETCH(QString, call);
    if (!hasPrivateKeyring())
        QSKIP(kNeedsPrivateKeyring);
#ifdef Q_OS_UNIX
    const auto pid = pid_t(qEnvironmentVariableIntValue("SB_TEST_KEYRING_PID"));
    if (pid <= 0)
        QSKIP("with-keyring.sh did not say which process the keyring is");
    SecretStore secrets(kTestService);
    StudioSettings settings(m_dir->path(), &secrets);
    const QString id = settings.addDestination(makeDestination(u"X"_s, u"rtmps://h:443/x"_s));
    QVERIFY(settings.setStreamKey(id, makeStreamKey())); // connected before the pause
    secrets.setTimeoutMs(1000);
    QCOMPARE(::kill(pid, SIGSTOP), 0);
    auto resume = qScopeGuard([pid] { ::kill(pid, SIGCONT); });

    QObject context;
    std::optional<SecretStore::Failure> failure;
    QString error;
    sb::test::LoopProbe probe;
    probe.start();
    const auto done = [&](const SecretStore::Result& r) {
        failure = r.failure;
        error = r.error;
    };
    const QString key = u"silent/%1"_s.arg(QUuid::createUuid().toString());
    if (call == u"write") {
        secrets.startWrite(key, makeStreamKey(), &context, done);
    } else if (call == u"read") {
        secrets.startRead(StudioSettings::streamKeyName(id), &context, done);
    } else {
        settings.startReadingEnabledKeys(&context, [&](const EnabledKeysResult& r) {
            QVERIFY(r.destinations.isEmpty());
            failure = r.failure;
            error = r.error;
        });
    }
    QVERIFY(!failure); // the call returned before any answer
    QTRY_VERIFY_WITH_TIMEOUT(failure.has_value(), 10'000);
    probe.stop();
    qInfo("%s: the caller's 10 ms timer ticked %d times, longest gap %lld ms", qPrintable(call),
          probe.ticks(), probe.longestGapMs());
    QCOMPARE(*failure, SecretStore::Failure::TimedOut);
    QVERIFY2(error.startsWith(u"The keychain did not answer in time (1 s)."_s), qPrintable(error));
    QCOMPARE(probe.deepestNesting(), 0);
    QVERIFY(probe.ticks() > 0);

    ::kill(pid, SIGCONT);
    resume.dismiss();
    // The late write may land once the daemon runs again (QtKeychain runs jobs in order).
    secrets.setTimeoutMs(SecretStore::kDefaultTimeoutMs);
    QVERIFY(secrets.remove(key));
    QVERIFY(settings.removeStreamKey(id));
#else
    QSKIP("pauses the Secret Service daemon with SIGSTOP");
#endif
}

// Runs the checks of TestWithoutKeychain in a child process whose session bus does not exist,
// then checks from here that the key it kept in memory is nowhere on disk nor in the keychain.
void TestSettings::withoutSecretService()
{
    const QString key = makeStreamKey();
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(kNoKeychainChildVar), u"1"_s);
    env.insert(QString::fromLatin1(kChildFolderVar), m_dir->path());
    env.insert(QString::fromLatin1(kChildKeyVar), key);
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path="_s + m_dir->filePath(u"no-such-bus"_s));
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForFinished(120'000));
    const QByteArray output = child.readAll();
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
             output.constData());

    // The destination was saved, its session-only key was not: not in a file, not in the keychain.
    SecretStore secrets(kTestService);
    StudioSettings reopened(m_dir->path(), &secrets);
    QCOMPARE(reopened.destinations().size(), 1);
    const QString root =
        keyringHome().isEmpty() ? m_dir->path() : QFileInfo(keyringHome()).dir().path();
    int scanned = 0;
    const QStringList leaks = filesContaining(root, key, &scanned);
    QVERIFY2(leaks.isEmpty(), qPrintable(u"the session-only key is in "_s + leaks.join(u", "_s)));
    QVERIFY(scanned >= 1);
    if (!keyringHome().isEmpty()) {
        QString error;
        QVERIFY(!reopened.streamKey(reopened.destinations().at(0).id, &error).has_value());
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
}

// The child's half of withoutSecretService(): no Secret Service is reachable at all.
class TestWithoutKeychain : public QObject
{
    Q_OBJECT

private slots:
    void isAvailableSaysWhyPlainly()
    {
        SecretStore secrets(kTestService);
        QString why;
        QVERIFY(!secrets.isAvailable(&why));
        QCOMPARE(secrets.lastFailure(), SecretStore::Failure::Unavailable);
        QCOMPARE(why, u"No keychain service is running (Secret Service over D-Bus). Secrets "
                      "(stream keys, the X sign-in, the operator key) cannot be kept securely."_s);
        // The other calls fail with the same plain sentence, and never write a plaintext file.
        QString error;
        QVERIFY(!secrets.write(u"k"_s, u"v"_s, &error));
        QVERIFY2(error.startsWith(u"No keychain service is running"_s), qPrintable(error));
        QVERIFY(!secrets.read(u"k"_s, &error).has_value());
        QVERIFY2(error.startsWith(u"No keychain service is running"_s), qPrintable(error));
    }

    void streamKeysAreRefusedWithoutConsent()
    {
        SecretStore secrets(kTestService);
        StudioSettings settings(folder(), &secrets);
        QVERIFY(!settings.sessionOnlyKeysAllowed());
        const QString id =
            settings.addDestination(makeDestination(u"X"_s, u"rtmps://va.pscp.tv:443/x"_s));
        QVERIFY(!id.isEmpty());
        QString error;
        QVERIFY(!settings.setStreamKey(id, key(), &error).has_value());
        QVERIFY2(error.startsWith(u"No keychain service is running"_s), qPrintable(error));
        QVERIFY2(error.contains(u"not saved"_s), qPrintable(error));
        QVERIFY(!settings.streamKey(id, &error).has_value());
        QVERIFY2(!error.isEmpty(), "a key that cannot be read is not reported as absent");
        QVERIFY(settings.save(&error));
    }

    void sessionOnlyKeysStayInMemory()
    {
        SecretStore secrets(kTestService);
        StudioSettings settings(folder(), &secrets);
        QCOMPARE(settings.destinations().size(), 1);
        const Destination destination = settings.destinations().at(0);
        settings.allowSessionOnlyKeys(true);
        QString error;
        QCOMPARE(settings.setStreamKey(destination.id, key(), &error), KeyStorage::SessionOnly);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(settings.streamKeyStorage(destination.id), KeyStorage::SessionOnly);
        QCOMPARE(settings.streamKey(destination.id, &error).value_or(QString()), key());
        QCOMPARE(StudioSettings::streamUrlWithKey(destination, key()),
                 destination.url + u'/' + key());
        QVERIFY2(settings.save(&error), qPrintable(error));

        int scanned = 0;
        const QStringList leaks = filesContaining(folder(), key(), &scanned);
        QVERIFY2(leaks.isEmpty(), qPrintable(u"the key is in "_s + leaks.join(u", "_s)));
        QVERIFY(scanned >= 1);

        // Forgetting it works without a keychain too.
        QVERIFY2(settings.removeStreamKey(destination.id, &error), qPrintable(error));
        QVERIFY(!settings.streamKey(destination.id, &error).has_value());
    }

private:
    static QString folder() { return qEnvironmentVariable(kChildFolderVar); }
    static QString key() { return qEnvironmentVariable(kChildKeyVar); }
};

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QTEST_SET_MAIN_SOURCE_PATH
    if (qEnvironmentVariableIsSet(kNoKeychainChildVar)) {
        TestWithoutKeychain child;
        return QTest::qExec(&child, argc, argv);
    }
    TestSettings test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_settings.moc"
