// The GPU conversion of the program frame to NV12 and I420 (BT.709, limited range) read back
// through the PBO ring and directly (as under software OpenGL): round trips within tolerance,
// frames in order with their memory reused, and partial conversions byte for byte those of whole
// ones, both ways.

#include "ColorConverter.h"
#include "GlTestSupport.h"
#include "ImageSource.h"

using namespace sb::render;
using namespace sb::render::test;

Q_DECLARE_METATYPE(sb::render::PixelFormat)
Q_DECLARE_METATYPE(sb::render::ColorConverter::Readback)

namespace {

struct Rgb
{
    double r, g, b;
};

// BT.709 limited range back to 8-bit RGB, the way a player shows the stream.
Rgb yuvToRgb(int y, int u, int v)
{
    const double luma = 255.0 / 219.0 * (y - 16);
    const double cb = u - 128.0;
    const double cr = v - 128.0;
    return {luma + 1.792741 * cr, luma - 0.213249 * cb - 0.532909 * cr, luma + 2.112402 * cb};
}

Rgb frameRgb(const RawVideoFrame& frame, int x, int y)
{
    const int luma = frame.plane(0)[y * frame.stride(0) + x];
    int u = 0;
    int v = 0;
    if (frame.format == PixelFormat::Nv12) {
        const std::uint8_t* uv = frame.plane(1) + (y / 2) * frame.stride(1) + (x / 2) * 2;
        u = uv[0];
        v = uv[1];
    } else {
        u = frame.plane(1)[(y / 2) * frame.stride(1) + x / 2];
        v = frame.plane(2)[(y / 2) * frame.stride(2) + x / 2];
    }
    return yuvToRgb(luma, u, v);
}

bool rgbNear(Rgb actual, QColor expected, double tolerance)
{
    return std::abs(actual.r - expected.red()) <= tolerance &&
           std::abs(actual.g - expected.green()) <= tolerance &&
           std::abs(actual.b - expected.blue()) <= tolerance;
}

QByteArray describeRgb(Rgb actual, QColor expected, QPoint at)
{
    return QStringLiteral("frame pixel (%1,%2) is (%3, %4, %5), expected %6")
        .arg(at.x())
        .arg(at.y())
        .arg(actual.r, 0, 'f', 1)
        .arg(actual.g, 0, 'f', 1)
        .arg(actual.b, 0, 'f', 1)
        .arg(expected.name())
        .toUtf8();
}

} // namespace

class TestColorConverter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void colorConversionRoundTrip_data();
    void colorConversionRoundTrip();
    void partialConversionMatchesAWholeOne_data();
    void partialConversionMatchesAWholeOne();
    void readbackKeepsOrder_data();
    void readbackKeepsOrder();
    void softwareOpenGlReadsDirectly();

private:
    QImage renderOnce(const Scene& scene) { return test::renderOnce(*m_context, scene); }

    std::unique_ptr<RenderContext> m_context;
};

void TestColorConverter::initTestCase()
{
    m_context = std::make_unique<RenderContext>();
    QVERIFY2(m_context->create(), m_context->errorString().toUtf8().constData());
}

void TestColorConverter::cleanupTestCase()
{
    m_context.reset();
}

void TestColorConverter::colorConversionRoundTrip_data()
{
    QTest::addColumn<PixelFormat>("format");
    QTest::addColumn<int>("width");
    QTest::addColumn<ColorConverter::Readback>("readback");
    // 162 is even but not a multiple of 4, and its chroma width (81) is odd: one byte per
    // fragment. 160 takes NV12's packed path (four bytes per fragment), the one broadcasts use.
    for (const auto& [name, readback] : {std::pair{"ring", ColorConverter::Readback::Ring},
                                         std::pair{"direct", ColorConverter::Readback::Direct}}) {
        QTest::addRow("nv12 %s", name) << PixelFormat::Nv12 << 162 << readback;
        QTest::addRow("i420 %s", name) << PixelFormat::I420 << 162 << readback;
        QTest::addRow("nv12 packed %s", name) << PixelFormat::Nv12 << 160 << readback;
    }
}

namespace {

void addReadbackRows()
{
    QTest::addColumn<ColorConverter::Readback>("readback");
    QTest::newRow("ring") << ColorConverter::Readback::Ring;
    QTest::newRow("direct") << ColorConverter::Readback::Direct;
}

} // namespace

void TestColorConverter::colorConversionRoundTrip()
{
    QFETCH(PixelFormat, format);
    QFETCH(int, width);
    QFETCH(ColorConverter::Readback, readback);
    const QSize canvas(width, 90);
    const QList<QColor> flat = {QColor(255, 0, 0),     QColor(0, 255, 0),   QColor(0, 0, 255),
                                QColor(255, 255, 255), QColor(0, 0, 0),     QColor(128, 128, 128),
                                QColor(32, 64, 160),   QColor(250, 200, 10)};
    Scene scene;
    for (int i = 0; i < flat.size(); ++i)
        scene.addLayer(
            colorLayer(QStringLiteral("flat%1").arg(i), flat[i], QRect(i * 20, 0, 20, 40)));
    QImage gradient(160, 40, QImage::Format_RGB32);
    for (int x = 0; x < gradient.width(); ++x)
        for (int y = 0; y < gradient.height(); ++y)
            gradient.setPixelColor(x, y, QColor(x * 255 / 159, y * 255 / 39, 255 - x * 255 / 159));
    scene.addLayer(
        makeLayer(QStringLiteral("gradient"), std::make_shared<ImageSource>(gradient), 0, 44));

    Compositor compositor(*m_context, canvas);
    ColorConverter converter(*m_context, canvas, format, ColorConverter::kDefaultRingSize,
                             readback);
    QVERIFY2(converter.isValid(), converter.errorString().toUtf8().constData());
    converter.submit(compositor.render(scene, 0), 7);
    const QImage rgb = compositor.readBackRgba();
    std::vector<RawVideoFrame> frames = converter.drain();
    QCOMPARE(frames.size(), std::size_t(1));
    const RawVideoFrame& frame = frames.front();
    QCOMPARE(frame.frameIndex, std::int64_t(7));
    QCOMPARE(frame.format, format);
    QCOMPARE(frame.width, width);
    QCOMPARE(frame.height, 90);
    QCOMPARE(frame.data.size(), RawVideoFrame::byteSize(width, 90));

    for (int i = 0; i < flat.size(); ++i) {
        for (const QPoint at : {QPoint(i * 20 + 4, 4), QPoint(i * 20 + 11, 21)}) {
            const Rgb actual = frameRgb(frame, at.x(), at.y());
            QVERIFY2(rgbNear(actual, flat[i], 3.0), describeRgb(actual, flat[i], at).constData());
        }
    }
    // Limited range: black is Y 16, white is Y 235.
    QCOMPARE(int(frame.plane(0)[4 * frame.width + 4 * 20 + 4]), 16);
    QCOMPARE(int(frame.plane(0)[4 * frame.width + 3 * 20 + 4]), 235);
    // The gradient changes ~1.6 levels a pixel, so 2×2 chroma averaging costs a little more.
    for (int y = 46; y < 84; y += 5) {
        for (int x = 2; x < 158; x += 7) {
            const Rgb actual = frameRgb(frame, x, y);
            const QColor expected = rgb.pixelColor(x, y);
            QVERIFY2(rgbNear(actual, expected, 6.0),
                     describeRgb(actual, expected, QPoint(x, y)).constData());
        }
    }
}

void TestColorConverter::partialConversionMatchesAWholeOne_data()
{
    addReadbackRows();
}

void TestColorConverter::partialConversionMatchesAWholeOne()
{
    QFETCH(ColorConverter::Readback, readback);
    // Frames where only a few layers changed are converted only where they changed: the planes
    // must be byte for byte those of converting the whole frame.
    QImage pattern(21, 13, QImage::Format_RGB32);
    for (int y = 0; y < pattern.height(); ++y) {
        for (int x = 0; x < pattern.width(); ++x)
            pattern.setPixelColor(x, y, QColor(x * 12, 255 - y * 19, (x * y) % 256));
    }
    auto dot = std::make_shared<SolidColorSource>(Qt::white, QSize(7, 5));
    Scene scene;
    scene.setBackground(QColor(40, 60, 80));
    scene.addLayer(
        makeLayer(QStringLiteral("pattern"), std::make_shared<ImageSource>(pattern), 50, 20));
    scene.addLayer(makeLayer(QStringLiteral("dot"), dot, 3, 3));
    Compositor compositor(*m_context, kCanvas);
    ColorConverter partial(*m_context, kCanvas, PixelFormat::Nv12, 2, readback);
    QVERIFY(partial.isValid());
    partial.submit(compositor.render(scene, 0), 0);
    QCOMPARE(partial.drain().size(), std::size_t(1));
    for (int step = 1; step <= 12; ++step) {
        Layer* moving =
            scene.findLayer(step % 2 ? QStringLiteral("dot") : QStringLiteral("pattern"));
        moving->transform.x = (step * 37) % 150 - 3; // odd places: blocks cut by the edges
        moving->transform.y = (step * 23) % 85 - 1;
        dot->setColor(QColor::fromHsv(step * 29 % 360, 255, 255));
        const GLuint program = compositor.render(scene, step * 33);
        QVERIFY(!compositor.lastRenderChangedEverything());
        partial.submit(program, step, &compositor.lastChangedRects());
        ColorConverter whole(*m_context, kCanvas, PixelFormat::Nv12, 2, readback);
        whole.submit(program, step);
        const std::vector<RawVideoFrame> a = partial.drain();
        const std::vector<RawVideoFrame> b = whole.drain();
        QCOMPARE(a.size(), std::size_t(1));
        QCOMPARE(b.size(), std::size_t(1));
        QVERIFY2(a.front().data == b.front().data, qPrintable(QStringLiteral("step %1").arg(step)));
    }
}

void TestColorConverter::readbackKeepsOrder_data()
{
    addReadbackRows();
}

void TestColorConverter::readbackKeepsOrder()
{
    QFETCH(ColorConverter::Readback, readback);
    const QSize canvas(64, 36);
    auto background = std::make_shared<SolidColorSource>(Qt::black, canvas);
    Scene scene;
    scene.addLayer(makeLayer(QStringLiteral("grey"), background));
    Compositor compositor(*m_context, canvas);
    ColorConverter converter(*m_context, canvas, PixelFormat::Nv12, 3, readback);
    QVERIFY(converter.isValid());
    QCOMPARE(converter.readsDirectly(), readback == ColorConverter::Readback::Direct);

    std::vector<RawVideoFrame> received;
    constexpr int kFrames = 10;
    for (int i = 0; i < kFrames; ++i) {
        const int grey = 20 + i * 20;
        background->setColor(QColor(grey, grey, grey));
        converter.submit(compositor.render(scene, i * 33), 100 + i);
        QVERIFY(converter.inFlightCount() <= (converter.readsDirectly() ? 0 : 3));
        for (RawVideoFrame& frame : converter.poll())
            received.push_back(std::move(frame));
    }
    for (RawVideoFrame& frame : converter.drain())
        received.push_back(std::move(frame));
    QCOMPARE(converter.inFlightCount(), 0);
    QCOMPARE(int(received.size()), kFrames);
    for (int i = 0; i < kFrames; ++i) {
        QCOMPARE(received[std::size_t(i)].frameIndex, std::int64_t(100 + i));
        const int grey = 20 + i * 20;
        const Rgb actual = frameRgb(received[std::size_t(i)], 10, 10);
        QVERIFY2(rgbNear(actual, QColor(grey, grey, grey), 3.0),
                 describeRgb(actual, QColor(grey, grey, grey), QPoint(10, 10)).constData());
    }
    // Recycled buffers come back as the next frames' memory.
    const std::uint8_t* recycled = received.front().data.data();
    converter.recycle(std::move(received.front()));
    converter.submit(compositor.render(scene, 1000), 200);
    const std::vector<RawVideoFrame> last = converter.drain();
    QCOMPARE(last.size(), std::size_t(1));
    QVERIFY(last.front().data.data() == recycled);

    ColorConverter odd(*m_context, QSize(63, 36), PixelFormat::Nv12);
    QVERIFY(!odd.isValid());
    QVERIFY(odd.errorString().contains(QStringLiteral("even")));
}

void TestColorConverter::softwareOpenGlReadsDirectly()
{
    // Mesa's llvmpipe draws within each call: a frame is there as soon as it is submitted.
    ColorConverter converter(*m_context, QSize(64, 36), PixelFormat::Nv12);
    QVERIFY(converter.isValid());
    QCOMPARE(converter.readsDirectly(), m_context->isSoftwareRenderer());
    if (!converter.readsDirectly())
        QSKIP("a GPU renders here: frames come back through the ring");
    Compositor compositor(*m_context, QSize(64, 36));
    Scene scene;
    scene.addLayer(colorLayer(QStringLiteral("red"), Qt::red, QRect(0, 0, 64, 36)));
    converter.submit(compositor.render(scene, 0), 3);
    const std::vector<RawVideoFrame> frames = converter.poll();
    QCOMPARE(frames.size(), std::size_t(1));
    QCOMPARE(frames.front().frameIndex, std::int64_t(3));
    QVERIFY(rgbNear(frameRgb(frames.front(), 10, 10), Qt::red, 3.0));
}

QTEST_MAIN(TestColorConverter)
#include "tst_colorconverter.moc"
