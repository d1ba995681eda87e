// The broadcast pipeline as a whole, with a real OpenGL context (run under Xvfb): scene edits land
// between frames, a scene switch goes through its transition and then becomes the program, and the
// stats count what was rendered and encoded.

#include "BroadcastPipeline.h"
#include "Scene.h"

#include <QGuiApplication>
#include <QTest>

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

} // namespace

class TestPipeline : public QObject
{
    Q_OBJECT

private slots:
    void editsLandBetweenFrames();
    void aFadeMixesThenTheTargetBecomesTheProgram();
    void statsCountWhatWasDone();
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

QTEST_MAIN(TestPipeline)
#include "tst_pipeline.moc"
