// The OpenGL half of render/: layers drawn where and how they should be, sources re-rasterized when
// they change, animated GIF and video timing, transitions, rendering on another thread, and scene
// JSON. What is drawn again between frames is tst_redraw; the NV12/I420 conversion is
// tst_colorconverter. Needs a real GL context: run under xvfb-run with QT_QPA_PLATFORM=xcb.

#include "ColorConverter.h"
#include "GlTestSupport.h"
#include "ImageSource.h"
#include "JsonDuplicateKeys.h"
#include "PaintedSource.h"
#include "SceneJson.h"
#include "TextSource.h"
#include "VideoFileSource.h"

#include <QFile>
#include <QImageWriter>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QTemporaryDir>
#include <QThread>
#include <QTransform>

#include <sys/stat.h>

using namespace sb::render;
using namespace sb::render::test;
using namespace sb::common;

class TestCompositor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void solidColorLayer();
    void imageLayerAtPositionAndScale_data();
    void imageLayerAtPositionAndScale();
    void rotationAroundCentreMovesCorner();
    void cropShowsOnlyTheKeptPart();
    void opacityBlendsOverBackground();
    void hiddenLayerIsNotDrawn();
    void layerOrder();
    void textIsRasterizedOnlyWhenItChanges();
    void animatedGifFollowsSceneTime();
    void videoShowsFrameForTimeAndLoops();
    void paintedLayerRepaintsOnlyWhenDirty();
    void fadeMidpointMixesHalfAndHalf();
    void slideMidpointSplitsTheCanvas();
    void startedTransitionRunsAndEnds();
    void renderOnAnotherThread();
    void sceneJsonLoadsAndRenders();
    void sceneJsonReportsErrors_data();
    void sceneJsonReportsErrors();
    void sceneJsonRefusesDuplicateKeys_data();
    void sceneJsonRefusesDuplicateKeys();
    void duplicateKeyFinderReadsJsonAsJsonDoes_data();
    void duplicateKeyFinderReadsJsonAsJsonDoes();
    void mediaIsReadOnlyFromRegularFiles_data();
    void mediaIsReadOnlyFromRegularFiles();
    void textTooLongOrTooLargeIsRefused_data();
    void textTooLongOrTooLargeIsRefused();
    void textSetLaterIsCutToTheLimits();

private:
    QImage renderOnce(const Scene& scene, std::int64_t timeMs = 0, QSize canvas = kCanvas)
    {
        return test::renderOnce(*m_context, scene, timeMs, canvas);
    }

    std::unique_ptr<RenderContext> m_context;
    QTemporaryDir m_dir;
};

void TestCompositor::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_context = std::make_unique<RenderContext>();
    QVERIFY2(m_context->create(), m_context->errorString().toUtf8().constData());
    qInfo().noquote() << "GL:" << m_context->description();
}

void TestCompositor::cleanupTestCase()
{
    m_context.reset();
}

void TestCompositor::solidColorLayer()
{
    Scene scene;
    scene.setBackground(Qt::black);
    const QColor panel(0x20, 0x30, 0x40);
    scene.addLayer(colorLayer(QStringLiteral("panel"), panel, QRect(10, 10, 50, 30)));
    const QImage image = renderOnce(scene);
    QCOMPARE(image.size(), kCanvas);
    COMPARE_PIXEL(image, 10, 10, panel, 1);
    COMPARE_PIXEL(image, 59, 39, panel, 1);
    COMPARE_PIXEL(image, 30, 20, panel, 1);
    COMPARE_PIXEL(image, 9, 9, QColor(Qt::black), 1);
    COMPARE_PIXEL(image, 60, 40, QColor(Qt::black), 1);
    COMPARE_PIXEL(image, 150, 80, QColor(Qt::black), 1);
}

void TestCompositor::imageLayerAtPositionAndScale_data()
{
    QTest::addColumn<QByteArray>("format");
    QTest::addColumn<int>("tolerance");
    QTest::newRow("png") << QByteArray("png") << 1;
    QTest::newRow("jpeg") << QByteArray("jpg") << 12;
    QTest::newRow("webp") << QByteArray("webp") << 12;
}

void TestCompositor::imageLayerAtPositionAndScale()
{
    QFETCH(QByteArray, format);
    QFETCH(int, tolerance);
    if (!QImageWriter::supportedImageFormats().contains(format))
        QSKIP("no image writer for this format");
    // 20×10: red left half, green right half.
    QImage picture(20, 10, QImage::Format_RGB32);
    picture.fill(Qt::red);
    QPainter(&picture).fillRect(10, 0, 10, 10, Qt::green);
    const QString path = m_dir.filePath(QStringLiteral("picture.") + QString::fromLatin1(format));
    QVERIFY(picture.save(path, format.constData(), 100));

    auto source = std::make_shared<ImageSource>(path);
    QVERIFY2(source->isValid(), source->errorString().toUtf8().constData());
    QCOMPARE(source->size(), QSize(20, 10));
    Scene scene;
    Layer layer = makeLayer(QStringLiteral("picture"), source, 40, 30);
    layer.transform.scaleX = 2.0;
    layer.transform.scaleY = 2.0;
    scene.addLayer(layer);
    const QImage image = renderOnce(scene);
    // Covers x 40..79 (red to 59), y 30..49.
    COMPARE_PIXEL(image, 45, 35, QColor(Qt::red), tolerance);
    COMPARE_PIXEL(image, 55, 45, QColor(Qt::red), tolerance);
    COMPARE_PIXEL(image, 65, 35, QColor(Qt::green), tolerance);
    COMPARE_PIXEL(image, 78, 48, QColor(Qt::green), tolerance);
    COMPARE_PIXEL(image, 38, 35, QColor(Qt::black), 1);
    COMPARE_PIXEL(image, 82, 35, QColor(Qt::black), 1);
    COMPARE_PIXEL(image, 60, 52, QColor(Qt::black), 1);
}

void TestCompositor::rotationAroundCentreMovesCorner()
{
    // 40×20 white with a red 4×4 mark in its top-left corner.
    QImage picture(40, 20, QImage::Format_RGB32);
    picture.fill(Qt::white);
    QPainter(&picture).fillRect(0, 0, 4, 4, Qt::red);
    Scene scene;
    Layer layer = makeLayer(QStringLiteral("card"), std::make_shared<ImageSource>(picture), 80, 45);
    layer.transform.anchorX = 0.5;
    layer.transform.anchorY = 0.5;
    layer.transform.rotationDegrees = 90.0;
    scene.addLayer(layer);
    const QImage image = renderOnce(scene);

    // Where the mark's centre goes: around the anchor, clockwise on screen.
    const QTransform placement = QTransform().translate(80, 45).rotate(90).translate(-20, -10);
    const QPoint mark = placement.map(QPointF(2, 2)).toPoint();
    COMPARE_PIXEL(image, mark.x(), mark.y(), QColor(Qt::red), 2);
    const QPoint body = placement.map(QPointF(30, 15)).toPoint();
    COMPARE_PIXEL(image, body.x(), body.y(), QColor(Qt::white), 2);
    // The unrotated corner is now outside the (20 wide, 40 tall) card.
    COMPARE_PIXEL(image, 62, 37, QColor(Qt::black), 2);
    COMPARE_PIXEL(image, 80, 27, QColor(Qt::white), 2);
    COMPARE_PIXEL(image, 80, 23, QColor(Qt::black), 2);
}

void TestCompositor::cropShowsOnlyTheKeptPart()
{
    QImage picture(40, 40, QImage::Format_RGB32);
    {
        QPainter painter(&picture);
        painter.fillRect(0, 0, 20, 20, Qt::red);
        painter.fillRect(20, 0, 20, 20, Qt::green);
        painter.fillRect(0, 20, 20, 20, Qt::blue);
        painter.fillRect(20, 20, 20, 20, Qt::yellow);
    }
    Scene scene;
    Layer layer =
        makeLayer(QStringLiteral("quadrants"), std::make_shared<ImageSource>(picture), 10, 10);
    layer.crop = {20, 20, 0, 0}; // keeps the bottom-right (yellow) quarter
    scene.addLayer(layer);
    const QImage image = renderOnce(scene);
    COMPARE_PIXEL(image, 11, 11, QColor(Qt::yellow), 1);
    COMPARE_PIXEL(image, 28, 28, QColor(Qt::yellow), 1);
    COMPARE_PIXEL(image, 31, 20, QColor(Qt::black), 1);
    COMPARE_PIXEL(image, 20, 31, QColor(Qt::black), 1);

    scene.findLayer(QStringLiteral("quadrants"))->crop = {0, 0, 20, 20}; // top-left, red
    const QImage topLeft = renderOnce(scene);
    COMPARE_PIXEL(topLeft, 11, 11, QColor(Qt::red), 1);
    COMPARE_PIXEL(topLeft, 28, 28, QColor(Qt::red), 1);
    COMPARE_PIXEL(topLeft, 31, 20, QColor(Qt::black), 1);
}

void TestCompositor::opacityBlendsOverBackground()
{
    Scene scene;
    scene.setBackground(QColor(0, 0, 255));
    Layer layer = colorLayer(QStringLiteral("veil"), QColor(255, 0, 0), QRect(0, 0, 80, 90));
    layer.opacity = 0.5;
    scene.addLayer(layer);
    // A half-transparent image pixel on top of that, both alphas multiply.
    QImage translucent(10, 10, QImage::Format_ARGB32);
    translucent.fill(QColor(0, 255, 0, 128));
    Layer glass =
        makeLayer(QStringLiteral("glass"), std::make_shared<ImageSource>(translucent), 100, 10);
    scene.addLayer(glass);

    const QImage image = renderOnce(scene);
    COMPARE_PIXEL(image, 40, 45, QColor(128, 0, 128), 2);
    COMPARE_PIXEL(image, 120, 45, QColor(0, 0, 255), 1);
    COMPARE_PIXEL(image, 105, 15, QColor(0, 128, 127), 2);
}

void TestCompositor::hiddenLayerIsNotDrawn()
{
    Scene scene;
    Layer layer = colorLayer(QStringLiteral("hidden"), Qt::white, QRect(0, 0, 160, 90));
    layer.visible = false;
    scene.addLayer(layer);
    COMPARE_PIXEL(renderOnce(scene), 50, 50, QColor(Qt::black), 1);
    scene.findLayer(QStringLiteral("hidden"))->visible = true;
    COMPARE_PIXEL(renderOnce(scene), 50, 50, QColor(Qt::white), 1);
}

void TestCompositor::layerOrder()
{
    Scene scene;
    QVERIFY(scene.addLayer(colorLayer(QStringLiteral("red"), Qt::red, QRect(10, 10, 60, 60))));
    QVERIFY(scene.addLayer(colorLayer(QStringLiteral("green"), Qt::green, QRect(40, 20, 60, 60))));
    QVERIFY(!scene.addLayer(colorLayer(QStringLiteral("red"), Qt::blue, QRect(0, 0, 1, 1))));
    QImage image = renderOnce(scene);
    COMPARE_PIXEL(image, 50, 40, QColor(Qt::green), 1); // overlap: the later layer is on top
    COMPARE_PIXEL(image, 20, 40, QColor(Qt::red), 1);

    QVERIFY(scene.moveLayer(QStringLiteral("green"), 0));
    QCOMPARE(scene.indexOf(QStringLiteral("green")), 0);
    image = renderOnce(scene);
    COMPARE_PIXEL(image, 50, 40, QColor(Qt::red), 1);
    COMPARE_PIXEL(image, 90, 40, QColor(Qt::green), 1);

    QVERIFY(scene.removeLayer(QStringLiteral("red")));
    QVERIFY(!scene.findLayer(QStringLiteral("red")));
    COMPARE_PIXEL(renderOnce(scene), 50, 40, QColor(Qt::green), 1);
}

void TestCompositor::textIsRasterizedOnlyWhenItChanges()
{
    TextStyle style;
    style.pixelSize = 40;
    style.color = QColor(255, 255, 0);
    style.outlineColor = QColor(0, 0, 255);
    style.outlineWidth = 2.0;
    style.shadowColor = QColor(255, 0, 0);
    style.shadowOffset = QPointF(3, 3);
    auto text = std::make_shared<TextSource>(QStringLiteral("Hi"), style);
    Scene scene;
    scene.addLayer(makeLayer(QStringLiteral("title"), text, 20, 10));
    Compositor compositor(*m_context, kCanvas);
    for (int frame = 0; frame < 30; ++frame)
        compositor.render(scene, frame * 33);
    QCOMPARE(text->rasterizationCount(), 1);
    QCOMPARE(compositor.textureUploadCount(), 1);

    const QImage image = compositor.readBackRgba();
    const QRect box(20, 10, text->size().width(), text->size().height());
    QVERIFY(box.width() > 20 && box.height() > 30);
    int fill = 0;
    int outline = 0;
    int shadow = 0;
    int outside = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor color = image.pixelColor(x, y);
            if (color == QColor(Qt::black))
                continue;
            if (!box.contains(x, y))
                ++outside;
            else if (isNear(color, style.color, 8))
                ++fill;
            else if (isNear(color, style.outlineColor, 8))
                ++outline;
            else if (isNear(color, style.shadowColor, 8))
                ++shadow;
        }
    }
    QCOMPARE(outside, 0);
    QVERIFY2(fill > 100, QByteArray::number(fill).constData());
    QVERIFY2(outline > 50, QByteArray::number(outline).constData());
    QVERIFY2(shadow > 10, QByteArray::number(shadow).constData());

    text->setText(QStringLiteral("Hello"));
    for (int frame = 30; frame < 40; ++frame)
        compositor.render(scene, frame * 33);
    QCOMPARE(text->rasterizationCount(), 2);
    QCOMPARE(compositor.textureUploadCount(), 2);
    QVERIFY(text->size().width() > box.width());
    text->setText(QStringLiteral("Hello")); // the same text again is not a change
    compositor.render(scene, 2000);
    QCOMPARE(text->rasterizationCount(), 2);
}

void TestCompositor::animatedGifFollowsSceneTime()
{
    const QString path = m_dir.filePath(QStringLiteral("anim.gif"));
    // Red, lime, blue: three frames of 200 ms, looping.
    const QStringList args{QStringLiteral("-hide_banner"),
                           QStringLiteral("-loglevel"),
                           QStringLiteral("error"),
                           QStringLiteral("-y"),
                           QStringLiteral("-f"),
                           QStringLiteral("lavfi"),
                           QStringLiteral("-i"),
                           QStringLiteral("color=black:s=16x16:r=5:d=0.6,format=rgb24,"
                                          "geq=r='if(lt(T,0.1),255,0)':"
                                          "g='if(between(T,0.1,0.3),255,0)':"
                                          "b='if(gt(T,0.3),255,0)',"
                                          // a palette of exactly these colours
                                          "split[a][b];[a]palettegen[p];[b][p]paletteuse"),
                           QStringLiteral("-loop"),
                           QStringLiteral("0"),
                           path};
    const QString failure = runTool(QStringLiteral("ffmpeg"), args);
    QVERIFY2(failure.isEmpty(), failure.toUtf8().constData());
    auto gif = std::make_shared<ImageSource>(path);
    QVERIFY2(gif->isValid(), gif->errorString().toUtf8().constData());
    QCOMPARE(gif->frameCount(), 3);
    QCOMPARE(gif->loopDurationMs(), std::int64_t(600));

    Scene scene;
    scene.addLayer(makeLayer(QStringLiteral("gif"), gif, 0, 0));
    Compositor compositor(*m_context, kCanvas);
    const auto colorAt = [&](std::int64_t timeMs) {
        compositor.render(scene, timeMs);
        return compositor.readBackRgba().pixelColor(8, 8);
    };
    QVERIFY(isNear(colorAt(0), Qt::red, 2));
    QVERIFY(isNear(colorAt(199), Qt::red, 2));
    QVERIFY(isNear(colorAt(200), Qt::green, 2));
    QVERIFY(isNear(colorAt(450), Qt::blue, 2));
    QVERIFY(isNear(colorAt(650), Qt::red, 2)); // looped
    QVERIFY(isNear(colorAt(6000 + 300), Qt::green, 2));
}

void TestCompositor::videoShowsFrameForTimeAndLoops()
{
    // One second of red, then one of blue, 10 fps.
    const QString path = m_dir.filePath(QStringLiteral("clip.mp4"));
    const QString failure =
        runTool(QStringLiteral("ffmpeg"), {QStringLiteral("-hide_banner"),
                                           QStringLiteral("-loglevel"),
                                           QStringLiteral("error"),
                                           QStringLiteral("-y"),
                                           QStringLiteral("-f"),
                                           QStringLiteral("lavfi"),
                                           QStringLiteral("-i"),
                                           QStringLiteral("color=red:s=64x48:r=10:d=1"),
                                           QStringLiteral("-f"),
                                           QStringLiteral("lavfi"),
                                           QStringLiteral("-i"),
                                           QStringLiteral("color=blue:s=64x48:r=10:d=1"),
                                           QStringLiteral("-filter_complex"),
                                           QStringLiteral("[0:v][1:v]concat=n=2:v=1[v]"),
                                           QStringLiteral("-map"),
                                           QStringLiteral("[v]"),
                                           QStringLiteral("-c:v"),
                                           QStringLiteral("libx264"),
                                           QStringLiteral("-pix_fmt"),
                                           QStringLiteral("yuv420p"),
                                           QStringLiteral("-g"),
                                           QStringLiteral("5"),
                                           path});
    QVERIFY2(failure.isEmpty(), failure.toUtf8().constData());
    auto video = std::make_shared<VideoFileSource>(path);
    QVERIFY2(video->isValid(), video->errorString().toUtf8().constData());
    QCOMPARE(video->size(), QSize(64, 48));
    QVERIFY2(std::abs(video->durationMs() - 2000) <= 100,
             QByteArray::number(qlonglong(video->durationMs())).constData());

    Scene scene;
    scene.addLayer(makeLayer(QStringLiteral("clip"), video, 0, 0));
    Compositor compositor(*m_context, kCanvas);
    const auto colorAt = [&](std::int64_t timeMs) {
        compositor.render(scene, timeMs);
        return compositor.readBackRgba().pixelColor(32, 24);
    };
    const QColor red(255, 0, 0);
    const QColor blue(0, 0, 255);
    for (std::int64_t time = 0; time < 4100; time += 100) {
        const bool firstHalf = (time % 2000) < 1000;
        const QColor color = colorAt(time);
        QVERIFY2(isNear(color, firstHalf ? red : blue, 40),
                 QStringLiteral("at %1 ms: %2").arg(time).arg(color.name()).toUtf8().constData());
    }
    // A jump back in time (a scene restarted) also finds the right frame.
    QVERIFY(isNear(colorAt(1500), blue, 40));
    QVERIFY(isNear(colorAt(200), red, 40));
}

void TestCompositor::paintedLayerRepaintsOnlyWhenDirty()
{
    QColor fillColor = Qt::magenta;
    auto painted =
        std::make_shared<PaintedSource>(QSize(30, 20), [&fillColor](QPainter& painter, QSize size) {
            painter.fillRect(QRect(QPoint(), size), fillColor);
        });
    Scene scene;
    scene.addLayer(makeLayer(QStringLiteral("bar"), painted, 10, 10));
    Compositor compositor(*m_context, kCanvas);
    for (int frame = 0; frame < 5; ++frame)
        compositor.render(scene, frame * 33);
    QCOMPARE(painted->paintCount(), 1);
    COMPARE_PIXEL(compositor.readBackRgba(), 20, 20, QColor(Qt::magenta), 1);

    fillColor = Qt::cyan; // not marked dirty: the old picture stays
    compositor.render(scene, 200);
    COMPARE_PIXEL(compositor.readBackRgba(), 20, 20, QColor(Qt::magenta), 1);
    painted->markDirty();
    compositor.render(scene, 233);
    compositor.render(scene, 266);
    QCOMPARE(painted->paintCount(), 2);
    COMPARE_PIXEL(compositor.readBackRgba(), 20, 20, QColor(Qt::cyan), 1);
}

void TestCompositor::fadeMidpointMixesHalfAndHalf()
{
    Scene from;
    from.setBackground(QColor(255, 0, 0));
    Scene to;
    to.setBackground(QColor(0, 0, 255));
    to.addLayer(colorLayer(QStringLiteral("box"), Qt::white, QRect(0, 0, 20, 20)));
    Transition fade;
    fade.type = Transition::Type::Fade;
    fade.easing = Transition::Easing::Linear;
    Compositor compositor(*m_context, kCanvas);
    compositor.renderTransition(from, to, fade, 0.5, 0);
    const QImage image = compositor.readBackRgba();
    COMPARE_PIXEL(image, 80, 45, QColor(128, 0, 128), 2);
    COMPARE_PIXEL(image, 10, 10, QColor(255, 128, 128), 2);

    // With easing the midpoint is still half way; a quarter of the way is not.
    fade.easing = Transition::Easing::EaseInOut;
    QCOMPARE(fade.eased(0.5), 0.5);
    QVERIFY(fade.eased(0.25) < 0.25);
    fade.easing = Transition::Easing::EaseOut;
    QVERIFY(fade.eased(0.25) > 0.25);
}

void TestCompositor::slideMidpointSplitsTheCanvas()
{
    Scene from;
    from.setBackground(QColor(255, 0, 0));
    from.addLayer(colorLayer(QStringLiteral("mark"), Qt::white, QRect(150, 0, 10, 10)));
    Scene to;
    to.setBackground(QColor(0, 0, 255));
    to.addLayer(colorLayer(QStringLiteral("mark"), Qt::green, QRect(0, 0, 10, 10)));
    Transition slide;
    slide.type = Transition::Type::Slide;
    slide.direction = Transition::Direction::Left;
    slide.easing = Transition::Easing::Linear;
    Compositor compositor(*m_context, kCanvas);
    compositor.renderTransition(from, to, slide, 0.5, 0);
    QImage image = compositor.readBackRgba();
    COMPARE_PIXEL(image, 40, 45, QColor(255, 0, 0), 1);
    COMPARE_PIXEL(image, 120, 45, QColor(0, 0, 255), 1);
    // The outgoing scene's right edge is at the middle, the incoming one's left edge next to it.
    COMPARE_PIXEL(image, 75, 5, QColor(Qt::white), 1);
    COMPARE_PIXEL(image, 84, 5, QColor(Qt::green), 1);

    slide.direction = Transition::Direction::Down;
    compositor.renderTransition(from, to, slide, 0.5, 0);
    image = compositor.readBackRgba();
    COMPARE_PIXEL(image, 80, 20, QColor(0, 0, 255), 1);
    COMPARE_PIXEL(image, 80, 70, QColor(255, 0, 0), 1);
}

void TestCompositor::startedTransitionRunsAndEnds()
{
    Scene from;
    from.setBackground(QColor(255, 0, 0));
    Scene to;
    to.setBackground(QColor(0, 0, 255));
    Compositor compositor(*m_context, kCanvas);
    compositor.render(from, 900);
    Transition fade{Transition::Type::Fade, Transition::Direction::Left, 500,
                    Transition::Easing::Linear};
    compositor.startTransition(&to, fade);
    QVERIFY(compositor.transitionActive());
    compositor.render(from, 1000); // starts here
    COMPARE_PIXEL(compositor.readBackRgba(), 5, 5, QColor(255, 0, 0), 1);
    compositor.render(from, 1250);
    COMPARE_PIXEL(compositor.readBackRgba(), 5, 5, QColor(128, 0, 128), 2);
    QVERIFY(compositor.transitionActive());
    compositor.render(from, 1500);
    COMPARE_PIXEL(compositor.readBackRgba(), 5, 5, QColor(0, 0, 255), 1);
    QVERIFY(!compositor.transitionActive());

    Transition cut{Transition::Type::Cut, Transition::Direction::Left, 0,
                   Transition::Easing::Linear};
    compositor.startTransition(&from, cut);
    compositor.render(to, 1600);
    COMPARE_PIXEL(compositor.readBackRgba(), 5, 5, QColor(255, 0, 0), 1);
    QVERIFY(!compositor.transitionActive());
}

void TestCompositor::renderOnAnotherThread()
{
    // As the pipeline does it: create on the GUI thread, render and convert on the render thread,
    // hand the context back before it is destroyed.
    RenderContext context;
    QVERIFY(context.create());
    QColor seen;
    std::int64_t frameIndex = -1;
    std::unique_ptr<QThread> thread(QThread::create([&context, &seen, &frameIndex] {
        if (!context.makeCurrent())
            return;
        {
            Scene scene;
            scene.setBackground(QColor(10, 200, 30));
            Compositor compositor(context, QSize(64, 36));
            ColorConverter converter(context, QSize(64, 36), PixelFormat::I420);
            converter.submit(compositor.render(scene, 0), 42);
            seen = compositor.readBackRgba().pixelColor(3, 3);
            const std::vector<RawVideoFrame> frames = converter.drain();
            if (!frames.empty())
                frameIndex = frames.front().frameIndex;
        }
        context.moveToThread(QCoreApplication::instance()->thread());
    }));
    context.moveToThread(thread.get());
    thread->start();
    QVERIFY(thread->wait(30000));
    QVERIFY(isNear(seen, QColor(10, 200, 30), 1));
    QCOMPARE(frameIndex, std::int64_t(42));
    QCOMPARE(context.context()->thread(), QThread::currentThread());
}

void TestCompositor::sceneJsonLoadsAndRenders()
{
    QImage logo(20, 20, QImage::Format_RGB32);
    logo.fill(Qt::green);
    QDir(m_dir.path()).mkpath(QStringLiteral("scene/art"));
    QVERIFY(logo.save(m_dir.filePath(QStringLiteral("scene/art/logo.png"))));
    const QString path = m_dir.filePath(QStringLiteral("scene/scene.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({
        "canvas": {"width": 160, "height": 90},
        "background": "#101018",
        "layers": [
            {"id": "bg", "type": "color", "color": "#203040", "width": 80, "height": 90},
            {"id": "logo", "type": "image", "path": "art/logo.png", "x": 100, "y": 30,
             "scale": 2, "rotation": 0, "anchor_x": 0.5, "anchor_y": 0.5, "opacity": 1,
             "visible": true, "crop": {"left": 0, "top": 0, "right": 10, "bottom": 0}},
            {"id": "title", "type": "text", "text": "Day 3", "font": "DejaVu Sans", "size": 20,
             "color": "#fff", "outline_color": "#000", "outline_width": 1,
             "shadow_color": "#80000000", "shadow_x": 2, "shadow_y": 2, "x": 5, "y": 60},
            {"id": "off", "type": "color", "color": "#ff0000", "visible": false}
        ]})");
    file.close();

    QString error;
    const std::optional<SceneDescription> description = SceneJson::load(path, &error);
    QVERIFY2(description, error.toUtf8().constData());
    QCOMPARE(description->canvas, QSize(160, 90));
    const Scene& scene = description->scene;
    QCOMPARE(scene.background(), QColor(0x10, 0x10, 0x18));
    QCOMPARE(scene.layerCount(), 4);
    const Layer* logoLayer = scene.findLayer(QStringLiteral("logo"));
    QVERIFY(logoLayer);
    QCOMPARE(logoLayer->kind, LayerKind::Image);
    QCOMPARE(logoLayer->transform.scaleX, 2.0);
    QCOMPARE(logoLayer->transform.anchorX, 0.5);
    QCOMPARE(logoLayer->crop.right, 10);
    QCOMPARE(scene.findLayer(QStringLiteral("title"))->kind, LayerKind::Text);
    QVERIFY(!scene.findLayer(QStringLiteral("off"))->visible);

    const QImage image = renderOnce(scene, 0, description->canvas);
    COMPARE_PIXEL(image, 40, 10, QColor(0x20, 0x30, 0x40), 1);
    COMPARE_PIXEL(image, 150, 10, QColor(0x10, 0x10, 0x18), 1);
    // The cropped logo is 10×20, scaled to 20×40, centred on (100, 30).
    COMPARE_PIXEL(image, 100, 30, QColor(Qt::green), 1);
    COMPARE_PIXEL(image, 91, 12, QColor(Qt::green), 1);
    COMPARE_PIXEL(image, 112, 30, QColor(0x10, 0x10, 0x18), 1);
}

void TestCompositor::sceneJsonReportsErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("invalid json") << QByteArray("{\"layers\": [")
                                  << QStringList{QStringLiteral("not valid JSON")};
    QTest::newRow("missing colour")
        << QByteArray(R"({"layers": [{"id": "bg", "type": "color"}]})")
        << QStringList{QStringLiteral("layer 'bg'"), QStringLiteral("\"color\""),
                       QStringLiteral("required")};
    QTest::newRow("bad colour")
        << QByteArray(R"({"layers": [{"id": "bg", "type": "color", "color": "blurple!"}]})")
        << QStringList{QStringLiteral("layer 'bg'"), QStringLiteral("\"color\""),
                       QStringLiteral("blurple!")};
    QTest::newRow("unknown type") << QByteArray(R"({"layers": [{"id": "x", "type": "hologram"}]})")
                                  << QStringList{QStringLiteral("layer 'x'"),
                                                 QStringLiteral("\"type\""),
                                                 QStringLiteral("hologram")};
    QTest::newRow("missing image")
        << QByteArray(R"({"layers": [{"id": "logo", "type": "image", "path": "nope.png"}]})")
        << QStringList{QStringLiteral("layer 'logo'"), QStringLiteral("\"path\""),
                       QStringLiteral("nope.png")};
    QTest::newRow("opacity out of range")
        << QByteArray(R"({"layers": [{"id": "t", "type": "text", "text": "a", "opacity": 2}]})")
        << QStringList{QStringLiteral("layer 't'"), QStringLiteral("\"opacity\""),
                       QStringLiteral("between 0 and 1")};
    QTest::newRow("typo")
        << QByteArray(R"({"layers": [{"id": "t", "type": "text", "text": "a", "colour": "#fff"}]})")
        << QStringList{QStringLiteral("layer 't'"), QStringLiteral("\"colour\""),
                       QStringLiteral("not a known key")};
    QTest::newRow("bad crop") << QByteArray(
                                     R"({"layers": [{"id": "c", "type": "color", "color": "#fff",)"
                                     R"( "crop": {"left": "10"}}]})")
                              << QStringList{QStringLiteral("layer 'c'"), QStringLiteral("crop"),
                                             QStringLiteral("\"left\"")};
    QTest::newRow("duplicate id")
        << QByteArray(R"({"layers": [{"id": "a", "type": "color", "color": "#fff"},)"
                      R"( {"id": "a", "type": "color", "color": "#000"}]})")
        << QStringList{QStringLiteral("layer 'a' (#2)"), QStringLiteral("\"id\"")};
    QTest::newRow("odd canvas") << QByteArray(R"({"canvas": {"width": 161}})")
                                << QStringList{QStringLiteral("canvas"), QStringLiteral("even")};
}

void TestCompositor::sceneJsonReportsErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, expected);
    QString error;
    const auto description = SceneJson::parse(json, QDir(m_dir.path()), &error);
    QVERIFY(!description);
    for (const QString& part : expected)
        QVERIFY2(error.contains(part), error.toUtf8().constData());

    QVERIFY(!SceneJson::load(m_dir.filePath(QStringLiteral("missing.json")), &error));
    QVERIFY2(error.contains(QStringLiteral("missing.json")), error.toUtf8().constData());
}

void TestCompositor::sceneJsonRefusesDuplicateKeys_data()
{
    // QJsonDocument alone keeps the last of two equal keys without a word.
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("top level") << QByteArray("{\"background\": \"#000\",\n \"layers\": [],\n"
                                             " \"background\": \"#fff\"}")
                               << QStringList{QStringLiteral("\"background\" appears twice"),
                                              QStringLiteral("line 3")};
    QTest::newRow("in a layer")
        << QByteArray(R"({"layers": [{"id": "a", "type": "color", "color": "#fff"},)"
                      R"( {"id": "b", "type": "color", "color": "#fff", "color": "#000"}]})")
        << QStringList{QStringLiteral("\"color\" appears twice"), QStringLiteral("layers[1]")};
    QTest::newRow("in a crop") << QByteArray(
                                      R"({"layers": [{"id": "c", "type": "color", "color": "#fff",)"
                                      R"( "crop": {"left": 1, "top": 2, "left": 3}}]})")
                               << QStringList{QStringLiteral("\"left\""),
                                              QStringLiteral("layers[0].crop")};
    QTest::newRow("spelt with an escape")
        << QByteArray(R"({"layers": [{"id": "t", "type": "text", "text": "a", "t\u0065xt": "b"}]})")
        << QStringList{QStringLiteral("\"text\" appears twice"), QStringLiteral("layers[0]")};
}

void TestCompositor::sceneJsonRefusesDuplicateKeys()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, expected);
    QVERIFY(!QJsonDocument::fromJson(json).isNull()); // valid JSON, and yet refused
    QString error;
    QVERIFY(!SceneJson::parse(json, QDir(m_dir.path()), &error));
    for (const QString& part : expected)
        QVERIFY2(error.contains(part), error.toUtf8().constData());
}

void TestCompositor::duplicateKeyFinderReadsJsonAsJsonDoes_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("key"); // empty: none repeats
    QTest::addColumn<QString>("where");
    QTest::newRow("same key in sibling objects")
        << QByteArray(R"({"layers": [{"x": 1, "y": 2}, {"x": 3, "y": 4}]})") << QString()
        << QString();
    QTest::newRow("same key at two depths")
        << QByteArray(R"({"x": 1, "o": {"x": 2, "o": {"x": 3}}})") << QString() << QString();
    QTest::newRow("keys inside a string value")
        << QByteArray(R"({"a": "{\"a\": 1, \"a\": 2}", "b": "[\"b\", \"b\"]"})") << QString()
        << QString();
    QTest::newRow("a value equal to a key")
        << QByteArray(R"({"a": "a", "b": ["a", "a"]})") << QString() << QString();
    QTest::newRow("escaped quote in a key")
        << QByteArray(R"({"a\"b": 1, "a\"b": 2})") << QStringLiteral("a\"b") << QString();
    QTest::newRow("unicode escapes, a surrogate pair")
        << QByteArray("{\"\\ud83d\\ude00\": 1, \"\xf0\x9f\x98\x80\": 2}")
        << QStringLiteral("\U0001F600") << QString();
    QTest::newRow("deep in arrays") << QByteArray(R"({"a": [[{}, {"b": {"c": 1, "c": 2}}]]})")
                                    << QStringLiteral("c") << QStringLiteral("a[0][1].b");
    QTest::newRow("objects in a top-level array") << QByteArray(R"([{"k": 1}, {"k": 1, "k": 2}])")
                                                  << QStringLiteral("k") << QStringLiteral("[1]");
}

void TestCompositor::duplicateKeyFinderReadsJsonAsJsonDoes()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, key);
    QFETCH(QString, where);
    QVERIFY(!QJsonDocument::fromJson(json).isNull());
    const std::optional<JsonDuplicateKey> found = JsonDuplicateKeys::find(json);
    if (key.isEmpty()) {
        QVERIFY2(!found, found ? qPrintable(found->key) : "");
        return;
    }
    QVERIFY(found);
    QCOMPARE(found->key, key);
    QCOMPARE(found->where, where);
}

void TestCompositor::mediaIsReadOnlyFromRegularFiles_data()
{
    // Opening a FIFO blocks until something writes to it: the app hung there, deaf to SIGTERM.
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("says");
    const QString fifo = m_dir.filePath(QStringLiteral("pipe"));
    if (!QFileInfo::exists(fifo))
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    QTest::newRow("video from a FIFO") << QStringLiteral("video") << fifo << QStringLiteral("FIFO");
    QTest::newRow("image from a FIFO") << QStringLiteral("image") << fifo << QStringLiteral("FIFO");
    QTest::newRow("video from a device")
        << QStringLiteral("video") << QStringLiteral("/dev/zero") << QStringLiteral("device");
    QTest::newRow("image from a folder")
        << QStringLiteral("image") << m_dir.path() << QStringLiteral("folder");
}

void TestCompositor::mediaIsReadOnlyFromRegularFiles()
{
    QFETCH(QString, type);
    QFETCH(QString, path);
    QFETCH(QString, says);
    const QJsonObject layer{{QStringLiteral("id"), QStringLiteral("media")},
                            {QStringLiteral("type"), type},
                            {QStringLiteral("path"), path}};
    const QJsonObject scene{{QStringLiteral("layers"), QJsonArray{layer}}};
    QString error;
    QVERIFY(!SceneJson::parse(QJsonDocument(scene).toJson(), QDir(m_dir.path()), &error));
    for (const QString& part : {QStringLiteral("layer 'media'"), QStringLiteral("\"path\""), path,
                                says, QStringLiteral("not a regular file")})
        QVERIFY2(error.contains(part), qPrintable(error));

    // A scene file that is a FIFO is refused the same way, before anything waits on it.
    if (type == QLatin1String("video") && says == QLatin1String("FIFO")) {
        QVERIFY(!SceneJson::load(path, &error));
        QVERIFY2(error.contains(QLatin1String("FIFO")), qPrintable(error));
    }
}

void TestCompositor::textTooLongOrTooLargeIsRefused_data()
{
    // A 1 MB text layer took 4.8 GB and minutes per drawing.
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("size");
    QTest::addColumn<double>("outline");
    QTest::addColumn<QString>("says");
    QTest::newRow("a megabyte") << QString(1'000'000, u'x') << 48 << 0.0
                                << QStringLiteral("at most 4096");
    QTest::newRow("one character too many")
        << QString(TextSource::kMaxLength + 1, u'x') << 48 << 0.0 << QStringLiteral("at most 4096");
    QTest::newRow("outlined, too long") << QString(TextSource::kMaxOutlinedLength + 1, u'x') << 20
                                        << 2.0 << QStringLiteral("at most 256 with an outline");
    QTest::newRow("too wide") << QString(3000, u'x') << 200 << 0.0 << QStringLiteral("4096×4096");
    QTest::newRow("too tall") << QStringLiteral("x\n").repeated(200) << 100 << 0.0
                              << QStringLiteral("4096×4096");
}

void TestCompositor::textTooLongOrTooLargeIsRefused()
{
    QFETCH(QString, text);
    QFETCH(int, size);
    QFETCH(double, outline);
    QFETCH(QString, says);
    const QJsonObject layer{{QStringLiteral("id"), QStringLiteral("caption")},
                            {QStringLiteral("type"), QStringLiteral("text")},
                            {QStringLiteral("text"), text},
                            {QStringLiteral("size"), size},
                            {QStringLiteral("outline_width"), outline}};
    const QJsonObject scene{{QStringLiteral("layers"), QJsonArray{layer}}};
    QString error;
    QVERIFY(!SceneJson::parse(QJsonDocument(scene).toJson(), QDir(m_dir.path()), &error));
    for (const QString& part :
         {QStringLiteral("layer 'caption'"), QStringLiteral("\"text\""), says})
        QVERIFY2(error.contains(part), qPrintable(error));

    // At the limits it loads.
    const QJsonObject fits{
        {QStringLiteral("id"), QStringLiteral("caption")},
        {QStringLiteral("type"), QStringLiteral("text")},
        {QStringLiteral("text"),
         QStringLiteral("0123456789abcdef\n").repeated(TextSource::kMaxLength / 17)},
        {QStringLiteral("size"), 12}};
    QVERIFY2(SceneJson::parse(
                 QJsonDocument(QJsonObject{{QStringLiteral("layers"), QJsonArray{fits}}}).toJson(),
                 QDir(m_dir.path()), &error),
             qPrintable(error));
}

void TestCompositor::textSetLaterIsCutToTheLimits()
{
    TextSource text(QString(100'000, u'W'));
    text.advanceTo(0);
    QCOMPARE(text.rasterizationCount(), 1);
    QVERIFY(!text.image().isNull());
    QVERIFY(text.size().width() <= TextSource::kMaxImageSide);
    QVERIFY(text.size().height() <= TextSource::kMaxImageSide);
}

QTEST_MAIN(TestCompositor)
#include "tst_compositor.moc"
