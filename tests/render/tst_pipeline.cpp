// The broadcast pipeline as a whole, with a real OpenGL context (run under Xvfb): scene edits land
// between frames, a scene switch goes through its transition and then becomes the program, and the
// stats count what was rendered and encoded.

#include "BroadcastPipeline.h"
#include "Output.h"
#include "Scene.h"

#include <QGuiApplication>
#include <QTest>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

using namespace sb::render;

namespace {

std::unique_ptr<Scene> flatScene(const QColor& color)
{
    auto scene = std::make_unique<Scene>();
    scene->setBackground(color);
    return scene;
}

QColor centre(const QImage& image)
{
    return image.isNull() ? QColor() : image.pixelColor(image.width() / 2, image.height() / 2);
}

bool near(const QColor& a, const QColor& b)
{
    return std::abs(a.red() - b.red()) <= 3 && std::abs(a.green() - b.green()) <= 3 &&
           std::abs(a.blue() - b.blue()) <= 3;
}

// Grabs program frames until `done` says so or about ten seconds of attempts pass.
template <typename Done> bool grabUntil(BroadcastPipeline& pipeline, Done done)
{
    for (int attempt = 0; attempt < 400; ++attempt) {
        if (done(centre(pipeline.grabProgram())))
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    return false;
}

// Counts what reaches it, and remembers what the first packet was.
class CountingOutput final : public Output
{
public:
    QString name() const override { return QStringLiteral("counter"); }
    void start(const EncodedStreams&) override { m_started = true; }
    void push(const EncodedPacket& packet) override
    {
        std::lock_guard lock(m_mutex);
        if (m_packets == 0) {
            m_firstWasVideoKeyframe =
                packet.stream == EncodedPacket::Stream::Video && packet.keyframe;
            m_firstPts = packet.packet->pts;
        }
        ++m_packets;
        m_video += packet.stream == EncodedPacket::Stream::Video ? 1 : 0;
    }
    void stop() override { m_stopped = true; }
    OutputStats stats() const override
    {
        std::lock_guard lock(m_mutex);
        OutputStats s;
        s.name = name();
        s.framesWritten = m_video;
        return s;
    }
    std::int64_t videoPackets() const
    {
        std::lock_guard lock(m_mutex);
        return m_video;
    }
    bool firstWasVideoKeyframe() const
    {
        std::lock_guard lock(m_mutex);
        return m_firstWasVideoKeyframe;
    }
    std::int64_t firstPts() const
    {
        std::lock_guard lock(m_mutex);
        return m_firstPts;
    }
    bool started() const { return m_started; }
    bool stopped() const { return m_stopped; }

private:
    mutable std::mutex m_mutex;
    std::int64_t m_packets = 0;
    std::int64_t m_video = 0;
    std::int64_t m_firstPts = -1;
    bool m_firstWasVideoKeyframe = false;
    std::atomic<bool> m_started{false};
    std::atomic<bool> m_stopped{false};
};

// An output whose stop() (a slow server, a long remux) holds until the test lets it go.
class SlowToStopOutput final : public Output
{
public:
    QString name() const override { return QStringLiteral("slow"); }
    void start(const EncodedStreams&) override {}
    void push(const EncodedPacket&) override {}
    void stop() override
    {
        m_stopping = true;
        std::unique_lock lock(m_mutex);
        m_released.wait(lock, [this] { return m_release; });
        m_stopped = true;
    }
    OutputStats stats() const override { return {}; }
    void release()
    {
        std::lock_guard lock(m_mutex);
        m_release = true;
        m_released.notify_all();
    }
    std::atomic<bool> m_stopping{false};
    std::atomic<bool> m_stopped{false};

private:
    std::mutex m_mutex;
    std::condition_variable m_released;
    bool m_release = false;
};

// Counts into a tally that outlives it: an output taken off in the background is destroyed there.
struct Tally
{
    std::atomic<std::int64_t> video{0};
    std::atomic<std::int64_t> videoAtStop{-1};
};

class TallyOutput final : public Output
{
public:
    explicit TallyOutput(std::shared_ptr<Tally> tally) : m_tally(std::move(tally)) {}
    QString name() const override { return QStringLiteral("tally"); }
    void start(const EncodedStreams&) override {}
    void push(const EncodedPacket& packet) override
    {
        m_tally->video += packet.stream == EncodedPacket::Stream::Video ? 1 : 0;
    }
    void stop() override { m_tally->videoAtStop = m_tally->video.load(); }
    OutputStats stats() const override { return {}; }

private:
    std::shared_ptr<Tally> m_tally;
};

template <typename Done> bool waitFor(Done done)
{
    for (int attempt = 0; attempt < 400; ++attempt) {
        if (done())
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    return false;
}

} // namespace

class TestPipeline : public QObject
{
    Q_OBJECT

private slots:
    void editsLandBetweenFrames();
    void aFadeMixesThenTheTargetBecomesTheProgram();
    void statsCountWhatWasDone();
    void previewOnlyUntilAnOutputIsAttached();
    void aSlowOutputStopsInTheBackground();
    void theLastOutputsEncoderFlushesInTheBackground();
};

void TestPipeline::editsLandBetweenFrames()
{
    BroadcastSettings settings;
    settings.canvas = QSize(320, 180);
    BroadcastPipeline pipeline(settings);
    pipeline.setScene(flatScene(Qt::red));
    QString error;
    QVERIFY2(pipeline.start(&error), qPrintable(error));
    QVERIFY(grabUntil(pipeline, [](const QColor& c) { return near(c, Qt::red); }));
    pipeline.editScene([](Scene& scene) { scene.setBackground(Qt::green); });
    QVERIFY(grabUntil(pipeline, [](const QColor& c) { return near(c, Qt::green); }));
    pipeline.stop();
}

void TestPipeline::aFadeMixesThenTheTargetBecomesTheProgram()
{
    BroadcastSettings settings;
    settings.canvas = QSize(320, 180);
    BroadcastPipeline pipeline(settings);
    pipeline.setScene(flatScene(Qt::red));
    QString error;
    QVERIFY2(pipeline.start(&error), qPrintable(error));
    QVERIFY(grabUntil(pipeline, [](const QColor& c) { return near(c, Qt::red); }));

    Transition fade;
    fade.type = Transition::Type::Fade;
    fade.durationMs = 1500;
    pipeline.switchScene(flatScene(Qt::blue), fade);
    bool sawMix = false;
    QVERIFY(grabUntil(pipeline, [&](const QColor& c) {
        sawMix = sawMix || (c.red() > 30 && c.blue() > 30); // both scenes in one frame
        return near(c, Qt::blue);
    }));
    QVERIFY2(sawMix, "the fade went straight from red to blue");
    QVERIFY(grabUntil(pipeline, [&](const QColor&) { return !pipeline.isSwitchingScene(); }));
    // After the transition the new scene is the program: edits apply to it.
    pipeline.editScene([](Scene& scene) { scene.setBackground(Qt::yellow); });
    QVERIFY(grabUntil(pipeline, [](const QColor& c) { return near(c, Qt::yellow); }));
    pipeline.stop();
}

void TestPipeline::statsCountWhatWasDone()
{
    BroadcastSettings settings;
    settings.canvas = QSize(320, 180);
    BroadcastPipeline pipeline(settings);
    pipeline.setScene(flatScene(Qt::darkCyan));
    pipeline.addOutput(std::make_unique<CountingOutput>());
    QString error;
    QVERIFY2(pipeline.start(&error), qPrintable(error));
    QVERIFY(
        grabUntil(pipeline, [&](const QColor&) { return pipeline.stats().framesEncoded >= 10; }));
    pipeline.stop();
    const BroadcastStats stats = pipeline.stats();
    QVERIFY(stats.framesRendered >= 10);
    QVERIFY(stats.framesEncoded + stats.framesSkipped >= stats.framesRendered);
    QCOMPARE(stats.videoEncoder, QStringLiteral("libx264"));
    QVERIFY(stats.memoryMb > 0);
    const QJsonObject json = stats.toJson();
    for (const char* key : {"fps", "average_render_ms", "frames_missed_render_lag",
                            "frames_skipped_encode_lag", "cpu_percent", "memory_mb", "outputs"})
        QVERIFY2(json.contains(QLatin1String(key)), key);
}

void TestPipeline::aSlowOutputStopsInTheBackground()
{
    BroadcastSettings settings;
    settings.canvas = QSize(320, 180);
    BroadcastPipeline pipeline(settings);
    pipeline.setScene(flatScene(Qt::darkCyan));
    QString error;
    QVERIFY2(pipeline.start(&error), qPrintable(error));
    auto keeper = std::make_unique<CountingOutput>(); // keeps the encoder running
    CountingOutput* keeperRaw = keeper.get();
    QVERIFY2(pipeline.attachOutput(std::move(keeper), &error), qPrintable(error));
    auto slow = std::make_unique<SlowToStopOutput>();
    SlowToStopOutput* slowRaw = slow.get();
    QVERIFY2(pipeline.attachOutput(std::move(slow), &error), qPrintable(error));
    QVERIFY(waitFor([&] { return keeperRaw->videoPackets() >= 10; }));

    // The caller (the window) gets its thread back while the output is still stopping.
    QObject context;
    bool finished = false;
    pipeline.detachOutputInBackground(slowRaw, &context, [&] { finished = true; });
    QCOMPARE(pipeline.outputCount(), 1);
    QVERIFY(waitFor([&] { return slowRaw->m_stopping.load(); }));
    QCOMPARE(pipeline.finishingOutputs(), 1);
    QCoreApplication::processEvents();
    QVERIFY(!finished);
    // The other output and the program go on meanwhile.
    const std::int64_t before = keeperRaw->videoPackets();
    QVERIFY(waitFor([&] { return keeperRaw->videoPackets() >= before + 10; }));

    slowRaw->release();
    QTRY_VERIFY(finished); // on the context's thread, once the output has stopped
    QCOMPARE(pipeline.finishingOutputs(), 0);
}

void TestPipeline::theLastOutputsEncoderFlushesInTheBackground()
{
    BroadcastSettings settings;
    settings.canvas = QSize(320, 180);
    BroadcastPipeline pipeline(settings);
    pipeline.setScene(flatScene(Qt::darkCyan));
    // The encode thread can be held in the middle of a frame, like an encoder busy flushing.
    std::mutex holdMutex;
    std::condition_variable holdChanged;
    bool hold = false;
    bool holding = false;
    bool gaveUp = false; // held for ten seconds: the caller must have been waiting for it
    pipeline.setEncodeObserver([&](const RawVideoFrame&) {
        std::unique_lock lock(holdMutex);
        if (!hold)
            return;
        holding = true;
        holdChanged.notify_all();
        gaveUp = !holdChanged.wait_for(lock, std::chrono::seconds(10), [&] { return !hold; });
        holding = false;
    });
    QString error;
    QVERIFY2(pipeline.start(&error), qPrintable(error));
    auto tally = std::make_shared<Tally>();
    auto output = std::make_unique<TallyOutput>(tally);
    TallyOutput* raw = output.get();
    QVERIFY2(pipeline.attachOutput(std::move(output), &error), qPrintable(error));
    QVERIFY(waitFor([&] { return tally->video >= 20; }));
    {
        std::unique_lock lock(holdMutex);
        hold = true;
        QVERIFY(holdChanged.wait_for(lock, std::chrono::seconds(10), [&] { return holding; }));
    }

    // Stop Recording with the encoder busy: the caller goes on while the encoder is held.
    QObject context;
    bool finished = false;
    pipeline.detachOutputInBackground(raw, &context, [&] { finished = true; });
    QCOMPARE(pipeline.outputCount(), 0);
    {
        std::lock_guard lock(holdMutex);
        QVERIFY2(holding && !gaveUp, "the caller waited for the encoder");
        QCOMPARE(tally->videoAtStop.load(), -1);
        hold = false;
        holdChanged.notify_all();
    }
    QTRY_VERIFY(finished);
    // Every frame the encoder took, its delayed ones included, reached the output before its stop.
    const std::int64_t encoded = pipeline.stats().framesEncoded;
    QVERIFY(encoded >= 20);
    QCOMPARE(tally->videoAtStop.load(), encoded);
    QCOMPARE(tally->video.load(), encoded);

    // Recording again starts a session of its own at frame 0.
    pipeline.setEncodeObserver({});
    auto next = std::make_unique<CountingOutput>();
    CountingOutput* nextRaw = next.get();
    QVERIFY2(pipeline.attachOutput(std::move(next), &error), qPrintable(error));
    QVERIFY(waitFor([&] { return nextRaw->videoPackets() >= 5; }));
    QCOMPARE(nextRaw->firstPts(), 0);
    QVERIFY(nextRaw->firstWasVideoKeyframe());
    pipeline.stop();
}

void TestPipeline::previewOnlyUntilAnOutputIsAttached()
{
    // The studio previews all day and encodes only while streaming or recording.
    BroadcastSettings settings;
    settings.canvas = QSize(320, 180);
    BroadcastPipeline pipeline(settings);
    pipeline.setScene(flatScene(Qt::darkMagenta));
    QString error;
    QVERIFY2(pipeline.start(&error), qPrintable(error));
    QVERIFY(grabUntil(pipeline, [](const QColor& c) { return near(c, QColor(Qt::darkMagenta)); }));
    QVERIFY(waitFor([&] { return pipeline.stats().framesRendered >= 15; }));
    QCOMPARE(pipeline.stats().framesEncoded, 0);
    QCOMPARE(pipeline.outputCount(), 0);

    // A first output starts the encoder; it gets a keyframe first, at the session's frame 0.
    auto first = std::make_unique<CountingOutput>();
    CountingOutput* firstRaw = first.get();
    QVERIFY2(pipeline.attachOutput(std::move(first), &error), qPrintable(error));
    QVERIFY(firstRaw->started());
    QVERIFY(waitFor([&] { return firstRaw->videoPackets() >= 40; }));
    QVERIFY(firstRaw->firstWasVideoKeyframe());
    QCOMPARE(firstRaw->firstPts(), 0);

    // A second one joins the running encoder at its next keyframe.
    auto second = std::make_unique<CountingOutput>();
    CountingOutput* secondRaw = second.get();
    QVERIFY2(pipeline.attachOutput(std::move(second), &error), qPrintable(error));
    QVERIFY(waitFor([&] { return secondRaw->videoPackets() >= 5; }));
    QVERIFY(secondRaw->firstWasVideoKeyframe());
    QCOMPARE(pipeline.outputCount(), 2);

    pipeline.detachOutput(secondRaw);
    QCOMPARE(pipeline.outputCount(), 1);
    pipeline.detachOutput(firstRaw); // the last one: the encoder stops, rendering goes on
    QCOMPARE(pipeline.outputCount(), 0);
    const std::int64_t encoded = pipeline.stats().framesEncoded;
    const std::int64_t rendered = pipeline.stats().framesRendered;
    QVERIFY(waitFor([&] { return pipeline.stats().framesRendered >= rendered + 10; }));
    QCOMPARE(pipeline.stats().framesEncoded, encoded);

    // And a new session starts its own timeline again.
    auto third = std::make_unique<CountingOutput>();
    CountingOutput* thirdRaw = third.get();
    QVERIFY2(pipeline.attachOutput(std::move(third), &error), qPrintable(error));
    QVERIFY(waitFor([&] { return thirdRaw->videoPackets() >= 5; }));
    QCOMPARE(thirdRaw->firstPts(), 0);
    pipeline.stop();
    QVERIFY(thirdRaw->stopped());
}

QTEST_MAIN(TestPipeline)
#include "tst_pipeline.moc"
