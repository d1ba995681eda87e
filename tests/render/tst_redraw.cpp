// What the compositor draws again, and what it does not: layers under an opaque full-canvas layer
// are skipped and a flat one becomes the background; between frames only what changed, moved or
// was uncovered is redrawn (checked against the scene drawn from scratch); unchanged sources are
// not uploaded again.

#include "GlTestSupport.h"
#include "ImageSource.h"
#include "TextSource.h"

#include <random>

using namespace sb::render;
using namespace sb::render::test;

class TestRedraw : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void layersUnderAnOpaqueFullCanvasLayerAreSkipped();
    void fullCanvasColourUnderOthersActsAsBackground();
    void incrementalFramesMatchFullRedraws();
    void unchangedSourcesAreNotUploadedAgain();

private:
    QImage renderOnce(const Scene& scene) { return test::renderOnce(*m_context, scene); }

    std::unique_ptr<RenderContext> m_context;
};

void TestRedraw::initTestCase()
{
    m_context = std::make_unique<RenderContext>();
    QVERIFY2(m_context->create(), m_context->errorString().toUtf8().constData());
}

void TestRedraw::cleanupTestCase()
{
    m_context.reset();
}

void TestRedraw::layersUnderAnOpaqueFullCanvasLayerAreSkipped()
{
    QImage blue(8, 8, QImage::Format_RGB32);
    blue.fill(Qt::blue);
    QImage red(kCanvas, QImage::Format_RGB32);
    red.fill(Qt::red);
    Scene scene;
    scene.addLayer(makeLayer(QStringLiteral("under"), std::make_shared<ImageSource>(blue), 10, 10));
    scene.addLayer(makeLayer(QStringLiteral("cover"), std::make_shared<ImageSource>(red)));
    Compositor compositor(*m_context, kCanvas);
    compositor.render(scene, 0);
    QImage image = compositor.readBackRgba();
    COMPARE_PIXEL(image, 12, 12, QColor(Qt::red), 1);
    QCOMPARE(compositor.textureUploadCount(), 1); // what nobody sees is not even uploaded

    // A see-through cover shows what is under it.
    scene.findLayer(QStringLiteral("cover"))->opacity = 0.5;
    compositor.render(scene, 33);
    image = compositor.readBackRgba();
    COMPARE_PIXEL(image, 12, 12, QColor(128, 0, 128), 2);
    COMPARE_PIXEL(image, 100, 50, QColor(128, 0, 0), 2); // over the black background
    QCOMPARE(compositor.textureUploadCount(), 2);

    // Moved one pixel right, the cover leaves a column of what is under it.
    Layer* cover = scene.findLayer(QStringLiteral("cover"));
    cover->opacity = 1.0;
    cover->transform.x = 1.0;
    compositor.render(scene, 66);
    image = compositor.readBackRgba();
    COMPARE_PIXEL(image, 0, 50, QColor(Qt::black), 1);
    COMPARE_PIXEL(image, 12, 12, QColor(Qt::red), 1);

    // Rotated a little, its corners uncover the background.
    cover->transform.x = 0.0;
    cover->transform.rotationDegrees = 10.0;
    compositor.render(scene, 99);
    COMPARE_PIXEL(compositor.readBackRgba(), 159, 0, QColor(Qt::black), 1);
}

void TestRedraw::fullCanvasColourUnderOthersActsAsBackground()
{
    Scene scene;
    scene.setBackground(Qt::white);
    scene.addLayer(colorLayer(QStringLiteral("bg"), Qt::darkGreen, QRect(0, 0, 160, 90)));
    scene.addLayer(colorLayer(QStringLiteral("dot"), Qt::red, QRect(40, 40, 10, 10)));
    QImage image = renderOnce(scene);
    COMPARE_PIXEL(image, 5, 5, QColor(Qt::darkGreen), 1);
    COMPARE_PIXEL(image, 45, 45, QColor(Qt::red), 1);

    // Half transparent, it is blended over the scene background instead.
    scene.removeLayer(QStringLiteral("bg"));
    scene.addLayer(
        colorLayer(QStringLiteral("glass"), QColor(0, 0, 255, 128), QRect(0, 0, 160, 90)));
    image = renderOnce(scene);
    COMPARE_PIXEL(image, 5, 5, QColor(127, 127, 255), 2);
    COMPARE_PIXEL(image, 45, 45, QColor(127, 0, 128), 2); // the dot is under the glass now
}

void TestRedraw::incrementalFramesMatchFullRedraws()
{
    // A scene edited at random between frames. The program frame, where only what changed is
    // drawn again, must be exactly the scene drawn from scratch, every time.
    QImage pattern(24, 16, QImage::Format_ARGB32);
    for (int y = 0; y < pattern.height(); ++y) {
        for (int x = 0; x < pattern.width(); ++x)
            pattern.setPixelColor(x, y, QColor(x * 10, y * 15, 200, 60 + 8 * x));
    }
    auto color = std::make_shared<SolidColorSource>(Qt::red, QSize(30, 20));
    TextStyle style;
    style.pixelSize = 14;
    style.color = Qt::yellow;
    auto text = std::make_shared<TextSource>(QStringLiteral("Bid 1"), style);
    Scene scene;
    scene.setBackground(QColor(16, 16, 24));
    scene.addLayer(makeLayer(QStringLiteral("color"), color, 10, 10));
    scene.addLayer(
        makeLayer(QStringLiteral("image"), std::make_shared<ImageSource>(pattern), 60, 30));
    scene.addLayer(makeLayer(QStringLiteral("text"), text, 20, 60));
    const QStringList ids{QStringLiteral("color"), QStringLiteral("image"), QStringLiteral("text")};

    Compositor compositor(*m_context, kCanvas);
    std::mt19937 random(20261206);
    const auto pick = [&](int n) { return int(random() % unsigned(n)); };
    int partial = 0;
    for (int step = 0; step < 80; ++step) {
        Layer& layer = *scene.findLayer(ids[pick(3)]);
        QString edit;
        switch (pick(8)) {
        case 0:
            layer.transform.x = pick(150) - 10;
            layer.transform.y = pick(80) - 10;
            edit = QStringLiteral("move");
            break;
        case 1:
            layer.opacity = std::array{0.0, 0.5, 1.0}[std::size_t(pick(3))];
            edit = QStringLiteral("opacity");
            break;
        case 2:
            layer.visible = !layer.visible;
            edit = QStringLiteral("visibility");
            break;
        case 3:
            color->setColor(QColor::fromHsv(pick(360), 200, 200));
            edit = QStringLiteral("colour");
            break;
        case 4:
            text->setText(QStringLiteral("Bid %1").arg(pick(100000)));
            edit = QStringLiteral("text");
            break;
        case 5:
            layer.transform.rotationDegrees = pick(4) * 15.0;
            layer.transform.scaleX = layer.transform.scaleY = 0.5 + pick(4) * 0.5;
            edit = QStringLiteral("rotate and scale");
            break;
        case 6:
            scene.moveLayer(layer.id, pick(3));
            edit = QStringLiteral("reorder");
            break;
        default:
            edit = QStringLiteral("nothing");
            break;
        }
        compositor.render(scene, step * 33);
        const QImage incremental = compositor.readBackRgba();
        if (edit == QLatin1String("nothing")) {
            QVERIFY(!compositor.lastRenderChangedEverything());
            QVERIFY(compositor.lastChangedRects().isEmpty());
        }
        if (!compositor.lastRenderChangedEverything())
            ++partial;
        Compositor fresh(*m_context, kCanvas);
        fresh.render(scene, step * 33);
        QVERIFY2(incremental == fresh.readBackRgba(),
                 qPrintable(QStringLiteral("step %1: %2 of %3").arg(step).arg(edit, layer.id)));
    }
    QVERIFY2(partial > 40, QByteArray::number(partial).constData()); // most frames were partial
}

void TestRedraw::unchangedSourcesAreNotUploadedAgain()
{
    Scene scene;
    auto color = std::make_shared<SolidColorSource>(Qt::red, QSize(20, 20));
    scene.addLayer(makeLayer(QStringLiteral("a"), color));
    QImage picture(8, 8, QImage::Format_RGB32);
    picture.fill(Qt::blue);
    scene.addLayer(makeLayer(QStringLiteral("b"), std::make_shared<ImageSource>(picture), 30, 0));
    Compositor compositor(*m_context, kCanvas);
    for (int frame = 0; frame < 10; ++frame)
        compositor.render(scene, frame * 33);
    QCOMPARE(compositor.textureUploadCount(), 2);
    color->setColor(Qt::green);
    compositor.render(scene, 400);
    compositor.render(scene, 433);
    QCOMPARE(compositor.textureUploadCount(), 3);
    COMPARE_PIXEL(compositor.readBackRgba(), 5, 5, QColor(Qt::green), 1);
}

QTEST_MAIN(TestRedraw)
#include "tst_redraw.moc"
