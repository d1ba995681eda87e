// The host speaking on the stream, end to end: the headless show streams to a real nginx-rtmp on
// loopback while the operator has her say one line at a known moment; the AAC track nginx
// received, decoded by ffmpeg, has speech-level energy where the voice's audio clock put the line
// and silence before and after it, and the program frames show her mouth moving while she speaks
// and at rest before and after.

#include "AuctionStateModel.h"
#include "DemoMarathon.h"
#include "HeadlessBroadcast.h"
#include "HostOverlay.h"
#include "HostPuppet.h"
#include "HostVoice.h"
#include "LineDirector.h"
#include "NginxRtmp.h"
#include "RenderContext.h"
#include "SceneBuilder.h"
#include "SessionFixture.h"
#include "ShowScene.h"
#include "SpeechPlayer.h"
#include "StudioController.h"

#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <cmath>

using namespace sb::app;
using namespace sb::auction;
using namespace sb::auction::test;
using namespace sb::studio;
using sb::test::NginxRtmp;

namespace {

constexpr int kRate = 48000;

// The recording's audio as mono float at 48 kHz (ffmpeg decodes the AAC track).
std::vector<float> decodeAudio(const QString& path, QString* error)
{
    QProcess ffmpeg;
    ffmpeg.start(QStringLiteral("ffmpeg"),
                 {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), path,
                  QStringLiteral("-vn"), QStringLiteral("-ac"), QStringLiteral("1"),
                  QStringLiteral("-ar"), QString::number(kRate), QStringLiteral("-f"),
                  QStringLiteral("f32le"), QStringLiteral("-")});
    if (!ffmpeg.waitForFinished(60'000) || ffmpeg.exitCode() != 0) {
        *error = QString::fromUtf8(ffmpeg.readAllStandardError());
        return {};
    }
    const QByteArray bytes = ffmpeg.readAllStandardOutput();
    std::vector<float> samples(std::size_t(bytes.size()) / sizeof(float));
    std::memcpy(samples.data(), bytes.constData(), samples.size() * sizeof(float));
    return samples;
}

// RMS in dBFS of [fromS, toS) of the track.
double rmsDb(const std::vector<float>& mono, double fromS, double toS)
{
    const auto from = std::size_t(std::max(0.0, fromS) * kRate);
    const auto to = std::min(mono.size(), std::size_t(std::max(0.0, toS) * kRate));
    if (to <= from)
        return -200.0;
    double sum = 0;
    for (std::size_t i = from; i < to; ++i)
        sum += double(mono[i]) * mono[i];
    return 10.0 * std::log10(sum / double(to - from) + 1e-20);
}

// The host's mouth in a 1280×720 program frame of the default scene (the host panel's overlay
// geometry, its puppet area, the mouth's design rectangle), without the caption's tail below it.
QRect mouthInProgram(const QRect& hostGeometry)
{
    const QRectF puppet = HostOverlay::puppetArea(hostGeometry.size());
    QRectF mouth = HostPuppet::mouthArea();
    mouth.setBottom(mouth.top() + mouth.height() * 0.6);
    return HostPuppet::designToTarget(puppet)
        .mapRect(mouth)
        .translated(hostGeometry.topLeft())
        .toAlignedRect();
}

// The amplitude of the `hz` component over [fromS, toS) of the track.
double toneDb(const std::vector<float>& mono, double hz, double fromS, double toS)
{
    const auto from = std::size_t(std::max(0.0, fromS) * kRate);
    const auto to = std::min(mono.size(), std::size_t(std::max(0.0, toS) * kRate));
    double re = 0, im = 0;
    for (std::size_t i = from; i < to; ++i) {
        const double phase = 2.0 * M_PI * hz * double(i) / kRate;
        re += mono[i] * std::cos(phase);
        im += mono[i] * std::sin(phase);
    }
    return 20.0 *
           std::log10(2.0 * std::hypot(re, im) / double(std::max<std::size_t>(1, to - from)) +
                      1e-12);
}

int differingPixels(const QImage& a, const QImage& b, const QRect& region)
{
    int count = 0;
    for (int y = region.top(); y <= region.bottom(); ++y) {
        for (int x = region.left(); x <= region.right(); ++x) {
            const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
            if (std::abs(qRed(p) - qRed(q)) + std::abs(qGreen(p) - qGreen(q)) +
                    std::abs(qBlue(p) - qBlue(q)) >
                40)
                ++count;
        }
    }
    return count;
}

// The demo marathons' first window opens at 11:00 UTC, 1 March 2026.
const std::int64_t kMarathonStart =
    QDateTime(QDate(2026, 3, 1), QTime(11, 0), QTimeZone::utc()).toMSecsSinceEpoch();

// Opens the studio with a demo marathon on a virtual clock standing at `start`; *clock is that
// clock, which only the test moves.
bool openOnVirtualClock(StudioController& studio, std::int64_t start, VirtualClock** clock,
                        QString* error)
{
    studio.setMarathonClockFactory([clock, start] {
        auto made = std::make_unique<VirtualClock>(start);
        *clock = made.get();
        return made;
    });
    if (!studio.open(error) || !studio.createMarathon(DemoMarathon::config(start, 3, 10), error))
        return false;
    if (!*clock)
        *error = QStringLiteral("the marathon did not take the virtual clock");
    return *clock != nullptr;
}

} // namespace

class TestHostSpeech : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void herLineIsInTheStreamAndOnHerLips();
    void aMusicBedDucksUnderHerLine();
};

void TestHostSpeech::initTestCase()
{
    static QTemporaryDir home;
    QVERIFY(home.isValid());
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
}

void TestHostSpeech::herLineIsInTheStreamAndOnHerLips()
{
    NginxRtmp server;
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));

    // A marathon whose window is open, on a clock that stands still: the host's breathing and
    // blinking hold, so her mouth is the only thing in the frame that moves.
    QTemporaryDir dir;
    const QString dataDir = dir.filePath(QStringLiteral("studio"));
    const std::int64_t start = kMarathonStart;
    VirtualClock* clock = nullptr;
    StudioController studio(dataDir);
    QVERIFY2(openOnVirtualClock(studio, start, &clock, &error), qPrintable(error));
    clock->setNow(start + 3 * 60'000);
    QVERIFY(studio.session().wait([](MarathonSession& s) { return s.engine().tick(); }).ok);
    QVERIFY(waitUntil([&] { return studio.state().snapshot()->isLive(); }));
    studio.hostLines().setMuted(true);

    BroadcastOptions options;
    options.dataDir = dataDir;
    options.streams = {server.url(QStringLiteral("host"))};
    HeadlessBroadcast headless(options, &studio.session());
    QVERIFY2(headless.start(&error), qPrintable(error));
    ShowScene& show = *headless.show();
    show.lines().setMuted(true); // only the operator's line is said
    const QRect host = show.host().style().geometry;
    const QRect mouth = mouthInProgram(host);

    // Two seconds of stream with her silent; the mouth at rest.
    const sb::integrations::tts::SpeechPlayer& player = show.voice().player();
    QVERIFY(waitUntil([&] { return player.clockFrames() >= 2 * kRate; }));
    const QImage rest = headless.grabProgram().convertToFormat(QImage::Format_RGB32);
    QCOMPARE(rest.size(), QSize(1280, 720));

    // The operator's line, at a moment the audio clock tells.
    QSignalSpy queued(&show.voice(), &HostVoice::queued);
    const auto said = show.lines().sayOperatorLine(
        QStringLiteral("Good evening, collectors. Bids are open, and the reserve is one tenth."),
        clock->nowUtcMs());
    QVERIFY(said.accepted);
    QVERIFY(waitUntil([&] { return !queued.isEmpty(); }));
    const double lineStartS = double(player.clockFrames()) / kRate; // within one mixed block
    const double lineEndS = lineStartS + queued.first().first().toInt() / 1000.0;
    QVERIFY2(lineEndS - lineStartS > 2.0, qPrintable(QString::number(lineEndS - lineStartS)));

    // While she speaks, the program's frames show her mouth moving, away from rest.
    int talkingFrames = 0, frames = 0;
    QSet<QByteArray> mouths;
    while (double(player.clockFrames()) / kRate < lineEndS - 0.1) {
        const std::int64_t rendered = headless.stats().framesRendered;
        QVERIFY(waitUntil([&] { return headless.stats().framesRendered > rendered; }));
        if (double(player.clockFrames()) / kRate < lineStartS + 0.1)
            continue;
        const QImage frame = headless.grabProgram().convertToFormat(QImage::Format_RGB32);
        ++frames;
        if (differingPixels(frame, rest, mouth) > 15)
            ++talkingFrames;
        const QImage m = frame.copy(mouth);
        mouths.insert(QByteArray(reinterpret_cast<const char*>(m.constBits()), m.sizeInBytes()));
    }
    qInfo("%d of %d program frames during the line show a talking mouth, %d different mouths",
          talkingFrames, frames, int(mouths.size()));
    QVERIFY2(frames >= 10 && talkingFrames * 10 >= frames * 7 && mouths.size() >= 4,
             qPrintable(QStringLiteral("%1 of %2 frames talking, %3 different mouths")
                            .arg(talkingFrames)
                            .arg(frames)
                            .arg(mouths.size())));
    // And at rest again once the line is over.
    QVERIFY(waitUntil([&] { return double(player.clockFrames()) / kRate > lineEndS + 1.5; }));
    const QImage after = headless.grabProgram().convertToFormat(QImage::Format_RGB32);
    QVERIFY2(differingPixels(after, rest, mouth) <= 3,
             qPrintable(QString::number(differingPixels(after, rest, mouth))));
    QVERIFY(waitUntil([&] { return double(player.clockFrames()) / kRate > lineEndS + 2.5; }));
    const double streamEndS = double(player.clockFrames()) / kRate;
    headless.stop();
    server.stop(); // closes the recording

    // The received AAC: speech where the audio clock put the line, silence around it.
    const QString recording = server.recordingPath(QStringLiteral("host"));
    const auto probe = sb::test::probeFile(recording);
    QVERIFY2(probe.ok, qPrintable(probe.error));
    QCOMPARE(probe.audioCodec, QStringLiteral("aac"));
    const std::vector<float> audio = decodeAudio(recording, &error);
    QVERIFY2(!audio.empty(), qPrintable(error));
    // Where a moment of the audio clock is in the decoded track: the stream's timestamps are the
    // clock's, shifted by the muxer so that the first video dts (negative with B-frames) is 0
    // (the first frame's pts tells by how much); the track starts at its first audio packet, and
    // the AAC decoder's output starts with the encoder's 1024-sample priming.
    QVERIFY(!probe.keyframeTimes.isEmpty() && !probe.audioPts.isEmpty());
    const double shift = probe.keyframeTimes.first() - probe.audioPts.first() + 1024.0 / kRate;
    const auto at = [&](double clockS) { return clockS + shift; };
    const double before = rmsDb(audio, at(0.3), at(lineStartS - 0.15));
    const double during = rmsDb(audio, at(lineStartS + 0.1), at(lineEndS - 0.1));
    const double afterDb = rmsDb(audio, at(lineEndS + 0.2), at(streamEndS - 0.3));
    qInfo("line %.2f-%.2f s of the audio clock (%+.3f s in the track); RMS before %.1f, during "
          "%.1f, after %.1f dBFS",
          lineStartS, lineEndS, shift, before, during, afterDb);
    QString tail;
    for (double t = lineEndS - 0.4; t < streamEndS; t += 0.1)
        tail += QStringLiteral(" %1").arg(rmsDb(audio, at(t), at(t + 0.1)), 0, 'f', 0);
    qInfo("RMS per 100 ms from 0.4 s before the line's end:%s", qPrintable(tail));
    QVERIFY2(during > -30.0, qPrintable(QString::number(during)));
    QVERIFY2(before < -70.0, qPrintable(QString::number(before)));
    QVERIFY2(afterDb < -70.0, qPrintable(QString::number(afterDb)));
    // Speech starts where the clock said: the 100 ms before it are silent, the 300 ms after not.
    QVERIFY2(
        rmsDb(audio, at(lineStartS - 0.15), at(lineStartS - 0.05)) < -60.0,
        qPrintable(QString::number(rmsDb(audio, at(lineStartS - 0.15), at(lineStartS - 0.05)))));
    QVERIFY2(rmsDb(audio, at(lineStartS), at(lineStartS + 0.3)) > -40.0,
             qPrintable(QString::number(rmsDb(audio, at(lineStartS), at(lineStartS + 0.3)))));
    studio.shutdown();
}

void TestHostSpeech::aMusicBedDucksUnderHerLine()
{
    // A 60 Hz bed (below her voice's pitch, so the two can be told apart in the mix) recorded
    // headless with --music while she says one line.
    QTemporaryDir dir;
    const QString music = dir.filePath(QStringLiteral("bed.wav"));
    QProcess ffmpeg;
    ffmpeg.start(QStringLiteral("ffmpeg"),
                 {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-f"),
                  QStringLiteral("lavfi"), QStringLiteral("-i"),
                  QStringLiteral("sine=frequency=60:sample_rate=48000:duration=5"),
                  QStringLiteral("-af"), QStringLiteral("volume=0.5"), music});
    QVERIFY(ffmpeg.waitForFinished(30'000) && ffmpeg.exitCode() == 0);

    QString error;
    const std::int64_t start = kMarathonStart;
    VirtualClock* clock = nullptr;
    StudioController studio(dir.filePath(QStringLiteral("studio")));
    QVERIFY2(openOnVirtualClock(studio, start, &clock, &error), qPrintable(error));
    studio.hostLines().setMuted(true);

    BroadcastOptions options;
    options.dataDir = dir.filePath(QStringLiteral("studio"));
    options.recordPath = dir.filePath(QStringLiteral("show.mkv"));
    options.musicPath = music;
    HeadlessBroadcast headless(options, &studio.session());
    QVERIFY2(headless.start(&error), qPrintable(error));
    ShowScene& show = *headless.show();
    show.lines().setMuted(true);
    const sb::integrations::tts::SpeechPlayer& player = show.voice().player();
    QVERIFY(waitUntil([&] { return player.clockFrames() >= 2 * kRate; }));
    QSignalSpy queued(&show.voice(), &HostVoice::queued);
    QVERIFY(show.lines()
                .sayOperatorLine(QStringLiteral("The music dips while I talk, then comes back."),
                                 clock->nowUtcMs())
                .accepted);
    QVERIFY(waitUntil([&] { return !queued.isEmpty(); }));
    const double lineStartS = double(player.clockFrames()) / kRate;
    const double lineEndS = lineStartS + queued.first().first().toInt() / 1000.0;
    QVERIFY(waitUntil([&] { return double(player.clockFrames()) / kRate > lineEndS + 2.5; }));
    headless.stop();

    const auto probe = sb::test::probeFile(options.recordPath);
    QVERIFY2(probe.ok, qPrintable(probe.error));
    const std::vector<float> audio = decodeAudio(options.recordPath, &error);
    QVERIFY2(!audio.empty(), qPrintable(error));
    QVERIFY(!probe.keyframeTimes.isEmpty() && !probe.audioPts.isEmpty());
    const double shift = probe.keyframeTimes.first() - probe.audioPts.first() + 1024.0 / kRate;
    const auto at = [&](double clockS) { return clockS + shift; };
    const double before = toneDb(audio, 60.0, at(0.5), at(lineStartS - 0.3));
    const double during = toneDb(audio, 60.0, at(lineStartS + 0.4), at(lineEndS - 0.2));
    const double after = toneDb(audio, 60.0, at(lineEndS + 1.2), at(lineEndS + 2.3));
    qInfo("60 Hz bed: %.1f dBFS before her line, %.1f during, %.1f after", before, during, after);
    // lavfi's sine is 1/8 of full scale (-18 dBFS), halved by -af and by the bed's -6 dB: -30
    // dBFS; 10 dB lower under her voice.
    QVERIFY2(std::abs(before - -30.1) < 1.0, qPrintable(QString::number(before)));
    QVERIFY2(std::abs(during - before + 10.0) < 1.5, qPrintable(QString::number(during - before)));
    QVERIFY2(std::abs(after - before) < 1.0, qPrintable(QString::number(after - before)));
    studio.shutdown();
}

int main(int argc, char* argv[])
{
    sb::render::RenderContext::prepareProcess();
    QGuiApplication app(argc, argv);
    TestHostSpeech test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_hostspeech.moc"
