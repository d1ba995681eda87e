// The window's outputs, driven from its Controls dock (part of the window suite: see
// MainWindowSuite.h): going live streams to every enabled destination, reading the keys from the
// keychain without holding the window, and says so when the keychain does not answer; a recording
// made from the window is a playable file, and one into a folder where no file can be made is
// refused at once.

#include "MainWindowSuite.h"

#include "LoopProbe.h"
#include "NginxRtmp.h"
#include "SecretStore.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QUuid>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/types.h>
#endif

using namespace windowtest;

void TestMainWindow::goingLiveStreamsToEveryEnabledDestination()
{
    sb::test::NginxRtmp server;
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    const QString key = QStringLiteral("sk-") + QUuid::createUuid().toString(QUuid::Id128);
    const QString keyed = server.url(key);
    Destination destination;
    destination.name = QStringLiteral("Local nginx");
    destination.url = keyed.left(keyed.lastIndexOf(u'/'));
    const QString id = m_settings->addDestination(destination, &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    if (hasPrivateKeyring()) {
        // In the keychain, where the Settings dialog puts it.
        QCOMPARE(m_settings->setStreamKey(id, key, &error), KeyStorage::Keychain);
    } else {
        // No keychain: the user agreed to keep the key for this session, as the dialog asks.
        QVERIFY(!m_settings->setStreamKey(id, key, &error)); // no consent yet: refused
        QVERIFY2(error.contains(QLatin1String("keychain"), Qt::CaseInsensitive), qPrintable(error));
        m_settings->allowSessionOnlyKeys(true);
        QVERIFY2(m_settings->setStreamKey(id, key, &error), qPrintable(error));
    }
    QVERIFY(m_settings->save());

    QTest::mouseClick(m_window->streamButton(), Qt::LeftButton);
    // The keys are read in the background; streaming starts when they are here.
    QTRY_VERIFY(m_studio->isStreaming());
    QCOMPARE(m_window->streamButton()->text(), QStringLiteral("Stop Streaming"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_studio->stats().outputs.isEmpty() &&
                                 m_studio->stats().outputs.first().state ==
                                     sb::render::OutputState::Live,
                             15'000);
    QTRY_VERIFY(m_window->liveIndicatorText().startsWith(QStringLiteral("● LIVE")));
    QCOMPARE(m_studio->stats().outputs.first().name, QStringLiteral("Local nginx"));
    QTest::qWait(3000);
    QTest::mouseClick(m_window->streamButton(), Qt::LeftButton); // the hook confirms
    QVERIFY(!m_studio->isStreaming());
    QVERIFY2(m_window->liveIndicatorText().isEmpty(), qPrintable(m_window->liveIndicatorText()));
    QVERIFY(!m_window->findChild<QLabel*>(QStringLiteral("liveLabel"))->isVisible());
    server.stop();
    const auto probe = sb::test::probeFile(server.recordingPath(key));
    QVERIFY2(probe.ok, qPrintable(probe.error));
    QCOMPARE(probe.videoCodec, QStringLiteral("h264"));
    QCOMPARE(probe.audioCodec, QStringLiteral("aac"));
    QVERIFY2(probe.videoDurationS > 2.0, qPrintable(QString::number(probe.videoDurationS)));

    // The key is nowhere on disk: not in the settings, the data folder, the scenes or logs.
    QDirIterator files(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(key.toUtf8()),
                 qPrintable(QStringLiteral("the stream key is in %1").arg(file.fileName())));
    }
}

// Go Live while the keychain does not answer (its daemon paused with SIGSTOP): the click returns at
// once, the window's event loop goes on (a 10 ms timer keeps ticking in it, never in a loop of the
// keychain's own), the button says it is waiting and cannot be pressed twice; then the timeout is
// told in words and nothing streams.
void TestMainWindow::goingLiveWhileTheKeychainDoesNotAnswer()
{
    if (!hasPrivateKeyring())
        QSKIP("needs the private keyring: run under tests/studio/keyring-test.sh");
#ifdef Q_OS_UNIX
    const auto pid = pid_t(qEnvironmentVariableIntValue("SB_TEST_KEYRING_PID"));
    if (pid <= 0)
        QSKIP("with-keyring.sh did not say which process the keyring is");
    QVERIFY(!m_studio->isStreaming());
    Destination destination;
    destination.name = QStringLiteral("Behind a silent keychain");
    destination.url = QStringLiteral("rtmp://127.0.0.1:9/live");
    QString error;
    const QString id = m_settings->addDestination(destination, &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    QVERIFY2(m_settings->setStreamKey(id, QUuid::createUuid().toString(QUuid::Id128), &error),
             qPrintable(error));
    auto removeDestination = qScopeGuard([&] { m_settings->removeDestination(id); });

    ToldMessages messages(*m_window);
    const QStringList& told = messages.lines;
    sb::integrations::SecretStore* secrets = m_settings->secretStore();
    secrets->setTimeoutMs(1500);
    QCOMPARE(::kill(pid, SIGSTOP), 0);
    auto resume = qScopeGuard([pid, secrets] {
        ::kill(pid, SIGCONT);
        secrets->setTimeoutMs(sb::integrations::SecretStore::kDefaultTimeoutMs);
    });

    sb::test::LoopProbe probe;
    probe.start();
    QTest::mouseClick(m_window->streamButton(), Qt::LeftButton);
    QCOMPARE(m_window->streamButton()->text(), QStringLiteral("Waiting for the keychain…"));
    QVERIFY(!m_window->streamButton()->isEnabled());
    QVERIFY(told.isEmpty());
    m_window->toggleStreaming(); // the Go Live hotkey while waiting: nothing more starts
    QTRY_VERIFY_WITH_TIMEOUT(m_window->streamButton()->isEnabled(), 10'000);
    probe.stop();
    qInfo("while waiting for the keychain the window's 10 ms timer ticked %d times, longest gap "
          "%lld ms",
          probe.ticks(), probe.longestGapMs());
    QCOMPARE(probe.deepestNesting(), 0);
    QVERIFY(probe.ticks() > 0);
    QCOMPARE(told.size(), 1);
    QVERIFY2(told.at(0).startsWith(
                 QStringLiteral("Start streaming: The keychain did not answer in time (1.5 s).")),
             qPrintable(told.at(0)));
    QVERIFY(!m_studio->isStreaming());
    QCOMPARE(m_window->streamButton()->text(), QStringLiteral("Start Streaming"));
    QVERIFY(m_window->liveIndicatorText().isEmpty());
#else
    QSKIP("pauses the Secret Service daemon with SIGSTOP");
#endif
}

void TestMainWindow::recordingFromTheWindowIsPlayable()
{
    QTest::mouseClick(m_window->recordButton(), Qt::LeftButton);
    QVERIFY(m_studio->isRecording());
    QCOMPARE(m_window->recordButton()->text(), QStringLiteral("Stop Recording"));
    QTest::qWait(3000);
    QTest::mouseClick(m_window->recordButton(), Qt::LeftButton);
    QVERIFY(!m_studio->isRecording());
    // The window answers at once; the file is finalized (and remuxed) on a thread of its own.
    QCOMPARE(m_window->recordButton()->text(), QStringLiteral("Start Recording"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_studio->isFinishingRecording(), 60'000);
    const QString path = m_studio->recordingPath();
    QVERIFY2(QFileInfo::exists(path), qPrintable(path));

    QProcess probe;
    probe.start(QStringLiteral("ffprobe"),
                {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-show_streams"),
                 QStringLiteral("-show_format"), QStringLiteral("-of"), QStringLiteral("json"),
                 path});
    QVERIFY(probe.waitForFinished(30'000));
    QCOMPARE(probe.exitCode(), 0);
    const QJsonObject info = QJsonDocument::fromJson(probe.readAllStandardOutput()).object();
    QStringList codecs;
    for (const QJsonValue& stream : info.value(QStringLiteral("streams")).toArray())
        codecs << stream.toObject().value(QStringLiteral("codec_name")).toString();
    QVERIFY2(codecs.contains(QStringLiteral("h264")) && codecs.contains(QStringLiteral("aac")),
             qPrintable(codecs.join(u',')));
    const double seconds = info.value(QStringLiteral("format"))
                               .toObject()
                               .value(QStringLiteral("duration"))
                               .toString()
                               .toDouble();
    QVERIFY2(seconds > 2.0 && seconds < 6.0, qPrintable(QString::number(seconds)));
}

void TestMainWindow::aRecordingWhereNoFileCanBeMadeIsRefusedAtOnce()
{
    // /proc exists, but no file can be made in it (not even by root): the recording used to
    // start, the button said "Stop Recording", and it failed at the first frame.
    const RecordingSettings before = m_settings->recording();
    RecordingSettings recording = before;
    recording.folder = QStringLiteral("/proc");
    QVERIFY(m_settings->setRecording(recording));
    auto restore = qScopeGuard([&] { m_settings->setRecording(before); });
    ToldMessages messages(*m_window);
    const QStringList& told = messages.lines;

    QTest::mouseClick(m_window->recordButton(), Qt::LeftButton);
    QVERIFY(!m_studio->isRecording());
    QCOMPARE(m_window->recordButton()->text(), QStringLiteral("Start Recording"));
    QCOMPARE(told.size(), 1);
    QVERIFY2(told.at(0).startsWith(QStringLiteral("Start recording: Cannot record to /proc/")),
             qPrintable(told.at(0)));
}
