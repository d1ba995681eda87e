// End to end: the encoders feed RTMP destinations on real nginx-rtmp servers and a recording, in
// real time (outputs are real-time consumers); the tests look at what the servers recorded.
// Media time is asserted (durations, gaps, keyframe spacing); the code's wall-clock time is not.

#include "AudioEncoder.h"
#include "AudioMixer.h"
#include "NginxRtmp.h"
#include "RecordingOutput.h"
#include "RtmpOutput.h"
#include "VideoEncoder.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <chrono>
#include <cmath>
#include <numbers>

using namespace sb::render;
using sb::test::NginxRtmp;
using sb::test::ProbedFile;
using sb::test::probeFile;

namespace {

constexpr int kFps = 30;
constexpr int kWidth = 1280;
constexpr int kHeight = 720;

class ToneSource final : public AudioSource
{
public:
    QString name() const override { return QStringLiteral("tone"); }
    void read(float* interleaved, int frames) override
    {
        for (int i = 0; i < frames; ++i) {
            const float s =
                0.2f *
                float(std::sin(2 * std::numbers::pi * 440 * double(m_t++) / kAudioSampleRate));
            interleaved[2 * i] = s;
            interleaved[2 * i + 1] = s;
        }
    }

private:
    std::int64_t m_t = 0;
};

RawVideoFrame makeFrame(std::int64_t index)
{
    RawVideoFrame frame;
    frame.width = kWidth;
    frame.height = kHeight;
    frame.frameIndex = index;
    frame.data.resize(RawVideoFrame::byteSize(kWidth, kHeight));
    std::uint8_t* y = frame.data.data();
    const int shift = int(index * 4);
    const int blockX = int((index * 13) % (kWidth - 64));
    const int blockY = int((index * 7) % (kHeight - 64));
    for (int row = 0; row < kHeight; ++row) {
        for (int col = 0; col < kWidth; ++col) {
            const bool inBlock =
                col >= blockX && col < blockX + 64 && row >= blockY && row < blockY + 64;
            y[row * kWidth + col] = inBlock ? 235 : std::uint8_t(16 + ((col + row + shift) % 200));
        }
    }
    std::fill(frame.data.begin() + kWidth * kHeight, frame.data.end(), std::uint8_t(128));
    return frame;
}

// The encode half of the pipeline, paced at 30 fps on a steady clock: one encode, many outputs.
class LiveEncoder
{
public:
    LiveEncoder()
    {
        VideoEncoderSettings settings;
        settings.encoder = QStringLiteral("libx264");
        m_video = std::make_unique<VideoEncoder>(settings);
        m_audio = std::make_unique<AudioEncoder>();
        m_mixer.addSource(std::make_shared<ToneSource>());
        for (int i = 0; i < kFps; ++i)
            m_frames.push_back(makeFrame(i));
    }

    bool open()
    {
        if (!m_video->open() || !m_audio->open())
            return false;
        m_video->setPacketCallback([this](const EncodedPacket& p) {
            ++videoPackets;
            keyframes += p.keyframe ? 1 : 0;
            for (Output* output : m_outputs)
                output->push(p);
        });
        m_audio->setPacketCallback([this](const EncodedPacket& p) {
            ++audioPackets;
            for (Output* output : m_outputs)
                output->push(p);
        });
        return true;
    }

    void addOutput(Output* output) { m_outputs.push_back(output); }

    void start()
    {
        EncodedStreams streams;
        streams.video = m_video->codecParameters();
        streams.videoTimeBase = m_video->timeBase();
        streams.videoFrameRate = m_video->frameRate();
        streams.audio = m_audio->codecParameters();
        streams.audioTimeBase = m_audio->timeBase();
        for (Output* output : m_outputs)
            output->start(streams);
        m_start = std::chrono::steady_clock::now();
    }

    // Encodes frames up to `seconds` of media time, each at its wall-clock slot; onFrame runs
    // before each frame (for the test's actions).
    void runUntil(double seconds, const std::function<void(int)>& onFrame = {})
    {
        const int last = int(seconds * kFps);
        for (; m_next < last; ++m_next) {
            std::this_thread::sleep_until(m_start +
                                          std::chrono::microseconds(m_next * 1000000LL / kFps));
            if (onFrame)
                onFrame(m_next);
            RawVideoFrame frame = m_frames[std::size_t(m_next % kFps)];
            frame.frameIndex = m_next;
            m_video->encode(frame);
            m_audio->encode(m_mixer.mix(kAudioSampleRate / kFps));
        }
    }

    void finish()
    {
        m_video->flush();
        m_audio->flush();
        for (Output* output : m_outputs)
            output->stop();
    }

    std::int64_t videoPackets = 0;
    std::int64_t keyframes = 0;
    std::int64_t audioPackets = 0;

private:
    std::unique_ptr<VideoEncoder> m_video;
    std::unique_ptr<AudioEncoder> m_audio;
    AudioMixer m_mixer;
    std::vector<RawVideoFrame> m_frames;
    std::vector<Output*> m_outputs;
    std::chrono::steady_clock::time_point m_start;
    int m_next = 0;
};

RtmpOutputSettings rtmpSettings(const QString& name, const QString& url)
{
    RtmpOutputSettings settings;
    settings.name = name;
    settings.url = url;
    return settings;
}

void logStats(const OutputStats& s)
{
    qInfo("%s: %s, %lld bytes, %.0f kbps, %lld frames (%lld key), %lld audio, %lld dropped, "
          "%d reconnects, error: %s",
          qPrintable(s.name), qPrintable(outputStateName(s.state)), qlonglong(s.bytesWritten),
          s.bitrateKbps, qlonglong(s.framesWritten), qlonglong(s.keyframesWritten),
          qlonglong(s.audioPacketsWritten), qlonglong(s.droppedFrames), s.reconnects,
          qPrintable(s.lastError));
}

void logProbe(const char* what, const ProbedFile& f)
{
    qInfo("%s: %s %dx%d @ %.2f fps + %s, video %.3f s (%d packets), audio %d packets, largest "
          "keyframe interval %.3f s, largest video gap %.3f s, largest audio gap %.3f s",
          what, qPrintable(f.videoCodec), f.width, f.height, f.frameRate, qPrintable(f.audioCodec),
          f.videoDurationS, f.videoPackets, f.audioPackets, f.largestKeyframeIntervalS(),
          f.largestVideoGapS(), f.largestAudioGapS());
}

} // namespace

class TestOutputs : public QObject
{
    Q_OBJECT

private slots:
    void streamIsRecordedByNginx();
    void reconnectsWhileTheOtherGoesOn();
    void badDestinationsDoNotDisturbTheRest();
    void congestionDropsOnlyDisposableVideo();
    void recordingSurvivesAndRemuxes();
    void streamsOverRtmps();
    void wrongStreamKeyIsRefusedAndRetried();
    void failedConnectionsSayWhatFailed();
    void aRecordingStoppedBeforeItsFirstFrameLeavesNoFile();
};

#define START_NGINX(server)                                                                        \
    do {                                                                                           \
        QString nginxError;                                                                        \
        QVERIFY2((server).start(&nginxError), qPrintable(nginxError));                             \
    } while (false)

void TestOutputs::streamIsRecordedByNginx()
{
    NginxRtmp nginx;
    START_NGINX(nginx);
    LiveEncoder encoder;
    QVERIFY(encoder.open());
    RtmpOutput output(rtmpSettings(QStringLiteral("nginx"), nginx.url(QStringLiteral("a_key"))));
    encoder.addOutput(&output);
    encoder.start();
    encoder.runUntil(10.0);
    QCOMPARE(output.stats().state, OutputState::Live);
    encoder.finish();
    const OutputStats stats = output.stats();
    logStats(stats);
    QCOMPARE(stats.state, OutputState::Stopped);
    QCOMPARE(stats.droppedFrames, 0);
    QCOMPARE(stats.framesWritten, encoder.videoPackets);
    QVERIFY(stats.bytesWritten > 0);
    nginx.stop(); // closes the recording

    const ProbedFile file = probeFile(nginx.recordingPath(QStringLiteral("a_key")));
    QVERIFY2(file.ok, qPrintable(file.error));
    logProbe("nginx recording", file);
    QCOMPARE(file.videoCodec, QStringLiteral("h264"));
    QCOMPARE(file.width, 1280);
    QCOMPARE(file.height, 720);
    QVERIFY2(std::abs(file.frameRate - 30) < 0.01, qPrintable(QString::number(file.frameRate)));
    QCOMPARE(file.audioCodec, QStringLiteral("aac"));
    QVERIFY2(std::abs(file.videoDurationS - 10.0) <= 0.5,
             qPrintable(QString::number(file.videoDurationS)));
    QCOMPARE(file.videoPackets, 300);
    QVERIFY(file.audioPackets >= 460);
    QVERIFY(file.keyframeTimes.size() >= 5);
    QVERIFY(file.largestKeyframeIntervalS() <= 2.0 + 1e-3);
}

void TestOutputs::reconnectsWhileTheOtherGoesOn()
{
    NginxRtmp steady;
    NginxRtmp flaky;
    START_NGINX(steady);
    START_NGINX(flaky);
    LiveEncoder encoder;
    QVERIFY(encoder.open());
    RtmpOutput a(rtmpSettings(QStringLiteral("steady"), steady.url(QStringLiteral("key_a"))));
    RtmpOutput b(rtmpSettings(QStringLiteral("flaky"), flaky.url(QStringLiteral("key_b"))));
    encoder.addOutput(&a);
    encoder.addOutput(&b);
    encoder.start();

    bool sawReconnecting = false;
    bool restarted = false;
    QString restartError;
    encoder.runUntil(16.0, [&](int frame) {
        if (frame == 3 * kFps)
            flaky.stop();
        if (frame > 3 * kFps && frame < 6 * kFps)
            sawReconnecting |= b.stats().state == OutputState::Reconnecting;
        if (frame == 6 * kFps)
            restarted = flaky.restart(&restartError);
    });
    QVERIFY2(restarted, qPrintable(restartError));
    QVERIFY(sawReconnecting);
    const OutputStats bLive = b.stats();
    logStats(bLive);
    // Down at 3 s, back at 6 s: retries at about 5 s and 8 s, well before 16 s.
    QCOMPARE(bLive.state, OutputState::Live);
    QVERIFY(bLive.reconnects >= 1);
    QVERIFY(bLive.droppedFrames > 0);
    QVERIFY(!bLive.lastError.isEmpty());
    QVERIFY(!bLive.lastError.contains(QStringLiteral("key_b")));
    encoder.finish();
    logStats(a.stats());
    QCOMPARE(a.stats().droppedFrames, 0);
    QCOMPARE(a.stats().reconnects, 0);
    steady.stop();
    flaky.stop();

    const ProbedFile full = probeFile(steady.recordingPath(QStringLiteral("key_a")));
    QVERIFY2(full.ok, qPrintable(full.error));
    logProbe("steady recording", full);
    QVERIFY(std::abs(full.videoDurationS - 16.0) <= 0.8);
    QVERIFY2(full.largestVideoGapS() < 0.1, qPrintable(QString::number(full.largestVideoGapS())));
    QVERIFY2(full.largestAudioGapS() < 0.1, qPrintable(QString::number(full.largestAudioGapS())));

    // The server records the new session into the same file name; it starts at a keyframe and
    // its timestamps continue the stream's (nginx makes them relative to the session).
    const ProbedFile resumed = probeFile(flaky.recordingPath(QStringLiteral("key_b")));
    QVERIFY2(resumed.ok, qPrintable(resumed.error));
    logProbe("flaky recording after the reconnect", resumed);
    QVERIFY(resumed.videoPackets > kFps);
    QVERIFY(!resumed.keyframeTimes.isEmpty());
    QCOMPARE(resumed.audioCodec, QStringLiteral("aac"));
}

void TestOutputs::badDestinationsDoNotDisturbTheRest()
{
    NginxRtmp healthy;
    START_NGINX(healthy);
    QTcpServer silent; // accepts TCP (the kernel does) and never says a word
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    const quint16 closedPort = sb::test::freeLoopbackPort();
    QTemporaryDir dir;

    LiveEncoder encoder;
    QVERIFY(encoder.open());
    RtmpOutput good(rtmpSettings(QStringLiteral("healthy"), healthy.url(QStringLiteral("k1"))));
    RtmpOutput hung(rtmpSettings(
        QStringLiteral("silent"),
        QStringLiteral("rtmp://127.0.0.1:%1/live/secret_hung").arg(silent.serverPort())));
    RtmpOutput refused(
        rtmpSettings(QStringLiteral("refused"),
                     QStringLiteral("rtmp://127.0.0.1:%1/live/secret_refused").arg(closedPort)));
    RecordingOutputSettings recordingSettings;
    recordingSettings.path = dir.filePath(QStringLiteral("show.mkv"));
    RecordingOutput recording(recordingSettings);
    for (Output* output : std::initializer_list<Output*>{&good, &hung, &refused, &recording})
        encoder.addOutput(output);
    encoder.start();
    encoder.runUntil(8.0);

    const OutputStats hungStats = hung.stats();
    const OutputStats refusedStats = refused.stats();
    logStats(hungStats);
    logStats(refusedStats);
    QVERIFY(hungStats.state == OutputState::Connecting ||
            hungStats.state == OutputState::Reconnecting);
    QVERIFY2(hungStats.lastError.contains(QStringLiteral("no answer within 5 s")),
             qPrintable(hungStats.lastError));
    QCOMPARE(refusedStats.state, OutputState::Reconnecting);
    QCOMPARE(refusedStats.lastError,
             QStringLiteral("rtmp://127.0.0.1:%1/live/****: Connection refused").arg(closedPort));
    QVERIFY(!hungStats.lastError.contains(QStringLiteral("secret")));
    QCOMPARE(good.stats().state, OutputState::Live);
    encoder.finish();
    logStats(good.stats());
    logStats(recording.stats());
    QCOMPARE(good.stats().droppedFrames, 0);
    QCOMPARE(recording.stats().framesWritten, encoder.videoPackets);
    healthy.stop();

    const ProbedFile streamed = probeFile(healthy.recordingPath(QStringLiteral("k1")));
    QVERIFY2(streamed.ok, qPrintable(streamed.error));
    logProbe("healthy destination", streamed);
    QVERIFY(std::abs(streamed.videoDurationS - 8.0) <= 0.4);
    const ProbedFile recorded = probeFile(recordingSettings.path);
    QVERIFY2(recorded.ok, qPrintable(recorded.error));
    logProbe("recording", recorded);
    QVERIFY(std::abs(recorded.videoDurationS - 8.0) <= 0.4);
}

void TestOutputs::congestionDropsOnlyDisposableVideo()
{
    NginxRtmp stalling;
    NginxRtmp healthy;
    START_NGINX(stalling);
    START_NGINX(healthy);
    LiveEncoder encoder;
    QVERIFY(encoder.open());
    RtmpOutputSettings stallingSettings =
        rtmpSettings(QStringLiteral("stalling"), stalling.url(QStringLiteral("s")));
    stallingSettings.sendBufferBytes = 16 * 1024; // so the queue, not the kernel, holds the backlog
    RtmpOutput congested(stallingSettings);
    RtmpOutput fine(rtmpSettings(QStringLiteral("healthy"), healthy.url(QStringLiteral("h"))));
    encoder.addOutput(&congested);
    encoder.addOutput(&fine);
    encoder.start();

    std::int64_t largestQueueMs = 0;
    const auto watchQueue = [&](int) {
        largestQueueMs = std::max(largestQueueMs, congested.stats().queuedMs);
    };
    encoder.runUntil(3.0, watchQueue);
    // The server stops reading for 3 s, longer while the kernel's buffers still take what is
    // sent (a receive buffer that grew while the server was slow to read can hold seconds of
    // video), up to 9 s: the output's queue must reach its drop threshold.
    stalling.pause();
    double resumeAt = 6.0;
    encoder.runUntil(resumeAt, watchQueue);
    while (congested.stats().droppedFrames == 0 && resumeAt < 12.0) {
        resumeAt += 0.5;
        encoder.runUntil(resumeAt, watchQueue);
    }
    stalling.resume();
    encoder.runUntil(resumeAt + 4.0, watchQueue);
    encoder.finish();
    const OutputStats stalled = congested.stats();
    const OutputStats healthyStats = fine.stats();
    logStats(stalled);
    logStats(healthyStats);
    qInfo("largest queue on the stalled destination: %lld ms", qlonglong(largestQueueMs));

    QVERIFY2(stalled.droppedFrames > 0, qPrintable(QStringLiteral("stalled %1 s, queue up to %2 ms")
                                                       .arg(resumeAt - 3.0)
                                                       .arg(largestQueueMs)));
    QCOMPARE(stalled.reconnects, 0);
    // Only non-keyframe video was dropped: every keyframe and every audio frame went out.
    QCOMPARE(stalled.keyframesWritten, encoder.keyframes);
    QCOMPARE(stalled.audioPacketsWritten, encoder.audioPackets);
    QCOMPARE(stalled.framesWritten + stalled.droppedFrames, encoder.videoPackets);
    QCOMPARE(healthyStats.droppedFrames, 0);
    QCOMPARE(healthyStats.framesWritten, encoder.videoPackets);
    QCOMPARE(healthyStats.audioPacketsWritten, encoder.audioPackets);

    stalling.stop();
    const ProbedFile file = probeFile(stalling.recordingPath(QStringLiteral("s")));
    QVERIFY2(file.ok, qPrintable(file.error));
    logProbe("stalled destination", file);
    QCOMPARE(file.keyframeTimes.size(), int(encoder.keyframes));
    QCOMPARE(file.videoPackets, int(stalled.framesWritten));
}

void TestOutputs::recordingSurvivesAndRemuxes()
{
    NginxRtmp nginx;
    START_NGINX(nginx);
    QTemporaryDir dir;
    LiveEncoder encoder;
    QVERIFY(encoder.open());

    RecordingOutputSettings goodSettings;
    goodSettings.path = dir.filePath(QStringLiteral("auction-day-1.mkv"));
    goodSettings.remuxToMp4 = true;
    RecordingOutput good(goodSettings);
    RecordingOutputSettings missingSettings;
    missingSettings.name = QStringLiteral("missing folder");
    missingSettings.path = dir.filePath(QStringLiteral("no/such/folder/show.mkv"));
    RecordingOutput missing(missingSettings);
    RecordingOutputSettings fullSettings;
    fullSettings.name = QStringLiteral("full disk");
    fullSettings.path = QStringLiteral("/dev/full");
    RecordingOutput full(fullSettings);
    RtmpOutput stream(rtmpSettings(QStringLiteral("nginx"), nginx.url(QStringLiteral("rec"))));
    for (Output* output : std::initializer_list<Output*>{&good, &missing, &full, &stream})
        encoder.addOutput(output);
    encoder.start();

    ProbedFile whileRecording;
    encoder.runUntil(6.0, [&](int frame) {
        if (frame == 4 * kFps) // as if the app were killed now: the file must already play
            whileRecording = probeFile(goodSettings.path);
    });
    QVERIFY2(whileRecording.ok, qPrintable(whileRecording.error));
    logProbe("mkv while recording", whileRecording);
    QCOMPARE(whileRecording.videoCodec, QStringLiteral("h264"));
    QVERIFY2(whileRecording.videoDurationS >= 2.0,
             qPrintable(QString::number(whileRecording.videoDurationS)));

    const OutputStats missingStats = missing.stats();
    const OutputStats fullStats = full.stats();
    logStats(missingStats);
    logStats(fullStats);
    QCOMPARE(missingStats.state, OutputState::Failed);
    QVERIFY2(missingStats.lastError.contains(QStringLiteral("No such file or directory")),
             qPrintable(missingStats.lastError));
    QCOMPARE(fullStats.state, OutputState::Failed);
    QVERIFY2(fullStats.lastError.contains(QStringLiteral("No space left on device")),
             qPrintable(fullStats.lastError));

    encoder.finish();
    logStats(good.stats());
    logStats(stream.stats());
    QCOMPARE(good.stats().state, OutputState::Stopped);
    QCOMPARE(good.stats().lastError, QString());
    QCOMPARE(stream.stats().droppedFrames, 0);
    QCOMPARE(stream.stats().framesWritten, encoder.videoPackets);
    QCOMPARE(good.stats().framesWritten, encoder.videoPackets);

    const QString mp4 = dir.filePath(QStringLiteral("auction-day-1.mp4"));
    QCOMPARE(good.finalPath(), mp4);
    QVERIFY(!QFile::exists(goodSettings.path)); // replaced by the .mp4
    const ProbedFile remuxed = probeFile(mp4);
    QVERIFY2(remuxed.ok, qPrintable(remuxed.error));
    logProbe("mp4 after remux", remuxed);
    QCOMPARE(remuxed.videoCodec, QStringLiteral("h264"));
    QCOMPARE(remuxed.audioCodec, QStringLiteral("aac"));
    QCOMPARE(remuxed.width, 1280);
    QCOMPARE(remuxed.height, 720);
    QVERIFY(std::abs(remuxed.frameRate - 30) < 0.01);
    QVERIFY2(std::abs(remuxed.videoDurationS - 6.0) <= 0.3,
             qPrintable(QString::number(remuxed.videoDurationS)));
    QCOMPARE(remuxed.videoPackets, int(encoder.videoPackets));

    // A remux that cannot work leaves no .mp4 behind and says why.
    QString error;
    QVERIFY(!RecordingOutput::remuxToMp4(dir.filePath(QStringLiteral("absent.mkv")),
                                         dir.filePath(QStringLiteral("absent.mp4")), &error));
    QVERIFY(error.contains(QStringLiteral("absent.mkv")));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("absent.mp4"))));
}

void TestOutputs::streamsOverRtmps()
{
    NginxRtmp nginx;
    nginx.enableRtmps(); // stunnel with a self-signed certificate in front of nginx
    START_NGINX(nginx);
    LiveEncoder encoder;
    QVERIFY(encoder.open());
    RtmpOutput output(
        rtmpSettings(QStringLiteral("tls"), nginx.rtmpsUrl(QStringLiteral("tls_key"))));
    encoder.addOutput(&output);
    encoder.start();
    encoder.runUntil(6.0);
    const OutputStats live = output.stats();
    logStats(live);
    QVERIFY2(live.state == OutputState::Live, qPrintable(live.lastError + nginx.tlsLog()));
    QVERIFY(live.bytesWritten > 0);
    encoder.finish();
    const OutputStats stats = output.stats();
    logStats(stats);
    QCOMPARE(stats.state, OutputState::Stopped);
    QCOMPARE(stats.reconnects, 0);
    QCOMPARE(stats.droppedFrames, 0);
    QCOMPARE(stats.framesWritten, encoder.videoPackets);
    nginx.stop();

    const ProbedFile file = probeFile(nginx.recordingPath(QStringLiteral("tls_key")));
    QVERIFY2(file.ok, qPrintable(file.error));
    logProbe("recording of the RTMPS stream", file);
    QCOMPARE(file.videoCodec, QStringLiteral("h264"));
    QCOMPARE(file.audioCodec, QStringLiteral("aac"));
    QCOMPARE(file.width, 1280);
    QCOMPARE(file.height, 720);
    QVERIFY2(std::abs(file.videoDurationS - 6.0) <= 0.4,
             qPrintable(QString::number(file.videoDurationS)));
    QCOMPARE(file.videoPackets, int(encoder.videoPackets));
    QVERIFY(file.audioPackets > 0);
}

void TestOutputs::wrongStreamKeyIsRefusedAndRetried()
{
    NginxRtmp nginx;
    nginx.requireStreamKey(QStringLiteral("goodkey"));
    START_NGINX(nginx);
    LiveEncoder encoder;
    QVERIFY(encoder.open());
    RtmpOutput wrong(
        rtmpSettings(QStringLiteral("wrong key"), nginx.url(QStringLiteral("wrongkey"))));
    RtmpOutput right(
        rtmpSettings(QStringLiteral("right key"), nginx.url(QStringLiteral("goodkey"))));
    encoder.addOutput(&wrong);
    encoder.addOutput(&right);
    encoder.start();
    bool wrongWasLive = false;
    encoder.runUntil(6.0, [&](int) { wrongWasLive |= wrong.stats().state == OutputState::Live; });
    wrongWasLive |= wrong.stats().state == OutputState::Live;

    const OutputStats refused = wrong.stats();
    logStats(refused);
    QVERIFY(!wrongWasLive);
    // Refused, and retried after a delay: not given up on, since a key can be fixed server-side.
    QCOMPARE(refused.state, OutputState::Reconnecting);
    QCOMPARE(refused.framesWritten, 0);
    QVERIFY(!refused.lastError.isEmpty());
    QVERIFY2(refused.lastError.startsWith(
                 QStringLiteral("rtmp://127.0.0.1:%1/live/****: ").arg(nginx.port())),
             qPrintable(refused.lastError));
    QVERIFY2(refused.lastError.contains(QLatin1String("check the stream key")),
             qPrintable(refused.lastError));
    QVERIFY2(!refused.lastError.contains(QStringLiteral("wrongkey")),
             qPrintable(refused.lastError));
    QCOMPARE(right.stats().state, OutputState::Live);
    encoder.finish();
    logStats(right.stats());
    QCOMPARE(right.stats().droppedFrames, 0);
    QCOMPARE(right.stats().framesWritten, encoder.videoPackets);
    nginx.stop();

    QVERIFY(!QFile::exists(nginx.recordingPath(QStringLiteral("wrongkey"))));
    // It was tried again (first retry after about 2 s), and refused again.
    const qsizetype attempts = nginx.errorLog().count(QStringLiteral("publish: name='wrongkey'"));
    QVERIFY2(attempts >= 2, qPrintable(QString::number(attempts)));
    const ProbedFile file = probeFile(nginx.recordingPath(QStringLiteral("goodkey")));
    QVERIFY2(file.ok, qPrintable(file.error));
    logProbe("recording with the right key", file);
    QCOMPARE(file.videoCodec, QStringLiteral("h264"));
    QCOMPARE(file.audioCodec, QStringLiteral("aac"));
    QVERIFY2(std::abs(file.videoDurationS - 6.0) <= 0.4,
             qPrintable(QString::number(file.videoDurationS)));
}

void TestOutputs::failedConnectionsSayWhatFailed()
{
    sb::test::PlainTcpResponder plain; // answers in plain text: no TLS there
    QVERIFY(plain.isListening());
    LiveEncoder encoder;
    QVERIFY(encoder.open());
    RtmpOutput notTls(
        rtmpSettings(QStringLiteral("not tls"),
                     QStringLiteral("rtmps://127.0.0.1:%1/live/tls_secret").arg(plain.port())));
    // .invalid never resolves (RFC 6761); the resolver here answers that without the network.
    RtmpOutput unknownHost(
        rtmpSettings(QStringLiteral("unknown host"),
                     QStringLiteral("rtmp://nonexistent.invalid/live/dns_secret")));
    encoder.addOutput(&notTls);
    encoder.addOutput(&unknownHost);
    encoder.start();
    encoder.runUntil(1.0);
    QTRY_VERIFY_WITH_TIMEOUT(
        !notTls.stats().lastError.isEmpty() && !unknownHost.stats().lastError.isEmpty(), 10000);
    const OutputStats tls = notTls.stats();
    const OutputStats dns = unknownHost.stats();
    encoder.finish();
    logStats(tls);
    logStats(dns);
    QVERIFY(plain.connections() >= 1);
    QCOMPARE(tls.lastError.left(tls.lastError.indexOf(QLatin1String(": "))),
             QStringLiteral("rtmps://127.0.0.1:%1/live/****").arg(plain.port()));
    QVERIFY2(tls.lastError.contains(QLatin1String("TLS handshake failed")),
             qPrintable(tls.lastError));
    QVERIFY2(dns.lastError.contains(QLatin1String("cannot resolve host nonexistent.invalid")),
             qPrintable(dns.lastError));
    for (const OutputStats& failed : {tls, dns}) {
        QVERIFY2(!failed.lastError.contains(QLatin1String("stream key")),
                 qPrintable(failed.lastError)); // the key is not what is wrong
        QVERIFY2(!failed.lastError.contains(QLatin1String("secret")), qPrintable(failed.lastError));
        QCOMPARE(failed.framesWritten, 0);
    }
}

void TestOutputs::aRecordingStoppedBeforeItsFirstFrameLeavesNoFile()
{
    QTemporaryDir dir;
    LiveEncoder encoder;
    QVERIFY(encoder.open());
    RecordingOutput mkv(RecordingOutputSettings::forFile(dir.filePath(QStringLiteral("a.mkv"))));
    RecordingOutput mp4(RecordingOutputSettings::forFile(dir.filePath(QStringLiteral("b.mp4"))));
    encoder.addOutput(&mkv);
    encoder.addOutput(&mp4);
    encoder.start();
    encoder.finish(); // not one frame encoded
    for (const RecordingOutput* recording : {&mkv, &mp4}) {
        const OutputStats stats = recording->stats();
        logStats(stats);
        QCOMPARE(stats.framesWritten, 0);
        QCOMPARE(stats.state, OutputState::Stopped);
        QVERIFY2(stats.lastError.contains(QLatin1String("nothing was recorded")),
                 qPrintable(stats.lastError));
        QCOMPARE(recording->finalPath(), QString());
    }
    // No header-only file that a player would refuse, and no .mp4 remuxed from one.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::NoDotAndDotDot), QStringList());
}

QTEST_GUILESS_MAIN(TestOutputs)
#include "tst_outputs.moc"
