// The program picture as the live preview shows it: frames handed over by ProgramPreview to a
// second context in the share group, drawn the way the studio window's preview draws them (an
// opaque textured quad into a BGRA picture, the whole of it or only what changed), keep the
// program's colours. Under Mesa's llvmpipe a BGRA ring drawn that way came out with red and blue
// swapped in whole 64x64 tiles: gold headings cyan, a blue coat red. Needs a real GL context: run
// under xvfb-run with QT_QPA_PLATFORM=xcb.

#include "GlTestSupport.h"
#include "ProgramPreview.h"

#include <QOpenGLShaderProgram>
#include <QOpenGLVertexArrayObject>
#include <QScopeGuard>

#include <array>
#include <cmath>
#include <utility>

using namespace sb::render;
using namespace sb::render::test;

namespace {

const QSize kProgramCanvas(640, 360);
const QColor kGold(0xFF, 0xD7, 0x00);
const QColor kRed(0xFF, 0x00, 0x00);
const QColor kBlue(0x00, 0x00, 0xFF);
const QColor kBackground(16, 16, 24);
// Patches large enough to hold whole 64x64 tiles at any scale the rows below draw them at.
const QRect kGoldPatch(16, 84, 192, 192);
const QRect kRedPatch(224, 84, 192, 192);
const QRect kBluePatch(432, 84, 192, 192);

// The studio window's preview shader (app/window/PreviewWidget.cpp): the picture made opaque.
const char* kVertex = R"(
out vec2 uv;
void main() {
    vec2 corner = vec2(float(gl_VertexID & 1), float((gl_VertexID >> 1) & 1));
    uv = corner;
    gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
})";
const char* kFragment = R"(
in vec2 uv;
out vec4 color;
uniform sampler2D picture;
void main() {
    color = vec4(texture(picture, uv).rgb, 1.0);
})";

} // namespace

class TestProgramPreview : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void fullAndPartialRedrawsKeepTheColours_data();
    void fullAndPartialRedrawsKeepTheColours();

private:
    // The preview's side: its kept picture (BGRA where the platform has it, as the window keeps
    // it) and the shader that draws frames into it.
    bool createPreviewSide(QSize picture);
    void destroyPreviewSide();
    // Draws the newest frame into the kept picture: all of it, or only what changed since the
    // previous acquire (scissored, two pixels wider for filtering), as the window does.
    ProgramPreview::Frame drawNewest(ProgramPreview& preview, bool everything);
    // The kept picture, top row first.
    QImage keptPicture();

    std::unique_ptr<RenderContext> m_render;
    std::unique_ptr<RenderContext> m_preview; // shares with m_render, like the window's context
    std::unique_ptr<QOpenGLShaderProgram> m_program;
    QOpenGLVertexArrayObject m_vao;
    QSize m_pictureSize;
    GLuint m_keptTexture = 0;
    GLuint m_keptFbo = 0;
};

void TestProgramPreview::initTestCase()
{
    m_render = std::make_unique<RenderContext>();
    QVERIFY2(m_render->create(), qPrintable(m_render->errorString()));
    m_preview = std::make_unique<RenderContext>(m_render->context());
    QVERIFY2(m_preview->create(), qPrintable(m_preview->errorString()));
}

void TestProgramPreview::cleanupTestCase()
{
    m_preview.reset();
    m_render.reset();
}

bool TestProgramPreview::createPreviewSide(QSize picture)
{
    m_preview->makeCurrent();
    QOpenGLExtraFunctions* gl = m_preview->functions();
    m_program = std::make_unique<QOpenGLShaderProgram>();
    const QByteArray head = m_preview->shaderPrologue();
    if (!m_program->addShaderFromSourceCode(QOpenGLShader::Vertex, head + kVertex) ||
        !m_program->addShaderFromSourceCode(QOpenGLShader::Fragment, head + kFragment) ||
        !m_program->link()) {
        qWarning("cannot build the preview shader: %s", qPrintable(m_program->log()));
        return false;
    }
    m_vao.create();
    m_pictureSize = picture;
    gl->glGenTextures(1, &m_keptTexture);
    gl->glBindTexture(GL_TEXTURE_2D, m_keptTexture);
    if (m_preview->isOpenGLES())
        gl->glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, picture.width(), picture.height(), 0, GL_RGBA,
                         GL_UNSIGNED_BYTE, nullptr);
    else
        gl->glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, picture.width(), picture.height(), 0, GL_BGRA,
                         GL_UNSIGNED_INT_8_8_8_8_REV, nullptr);
    gl->glBindTexture(GL_TEXTURE_2D, 0);
    gl->glGenFramebuffers(1, &m_keptFbo);
    gl->glBindFramebuffer(GL_FRAMEBUFFER, m_keptFbo);
    gl->glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, m_keptTexture,
                               0);
    const bool complete = gl->glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    gl->glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return complete;
}

void TestProgramPreview::destroyPreviewSide()
{
    m_preview->makeCurrent();
    QOpenGLExtraFunctions* gl = m_preview->functions();
    gl->glDeleteFramebuffers(1, &m_keptFbo);
    gl->glDeleteTextures(1, &m_keptTexture);
    m_keptFbo = 0;
    m_keptTexture = 0;
    m_vao.destroy();
    m_program.reset();
    m_preview->doneCurrent();
}

ProgramPreview::Frame TestProgramPreview::drawNewest(ProgramPreview& preview, bool everything)
{
    m_preview->makeCurrent();
    QOpenGLExtraFunctions* gl = m_preview->functions();
    const ProgramPreview::Frame frame = preview.acquire(gl);
    if (frame.texture == 0)
        return frame;
    gl->glBindFramebuffer(GL_FRAMEBUFFER, m_keptFbo);
    gl->glViewport(0, 0, m_pictureSize.width(), m_pictureSize.height());
    gl->glDisable(GL_BLEND);
    m_program->bind();
    m_program->setUniformValue("picture", 0);
    m_vao.bind();
    gl->glActiveTexture(GL_TEXTURE0);
    gl->glBindTexture(GL_TEXTURE_2D, frame.texture);
    if (everything) {
        gl->glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    } else {
        gl->glEnable(GL_SCISSOR_TEST);
        const double sx = double(m_pictureSize.width()) / frame.size.width();
        const double sy = double(m_pictureSize.height()) / frame.size.height();
        for (const QRect& rect : frame.changed) {
            const int left = int(std::floor(rect.x() * sx)) - 2;
            const int right = int(std::ceil((rect.right() + 1) * sx)) + 2;
            const int top = int(std::floor(rect.y() * sy)) - 2;
            const int bottom = int(std::ceil((rect.bottom() + 1) * sy)) + 2;
            // The kept picture here is GL-upright: rows count from the bottom.
            gl->glScissor(left, m_pictureSize.height() - bottom, right - left, bottom - top);
            gl->glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
        }
        gl->glDisable(GL_SCISSOR_TEST);
    }
    gl->glBindTexture(GL_TEXTURE_2D, 0);
    m_vao.release();
    m_program->release();
    gl->glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return frame;
}

QImage TestProgramPreview::keptPicture()
{
    m_preview->makeCurrent();
    QOpenGLExtraFunctions* gl = m_preview->functions();
    QImage image(m_pictureSize, QImage::Format_RGBA8888);
    gl->glBindFramebuffer(GL_FRAMEBUFFER, m_keptFbo);
    gl->glPixelStorei(GL_PACK_ALIGNMENT, 4);
    gl->glReadPixels(0, 0, m_pictureSize.width(), m_pictureSize.height(), GL_RGBA, GL_UNSIGNED_BYTE,
                     image.bits());
    gl->glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return image.mirrored();
}

void TestProgramPreview::fullAndPartialRedrawsKeepTheColours_data()
{
    QTest::addColumn<QSize>("picture");
    QTest::newRow("the canvas's size") << kProgramCanvas;
    QTest::newRow("letterboxed smaller") << QSize(480, 270);
    QTest::newRow("larger") << QSize(1024, 576);
}

void TestProgramPreview::fullAndPartialRedrawsKeepTheColours()
{
    QFETCH(QSize, picture);
    auto gold = std::make_shared<SolidColorSource>(kGold, kGoldPatch.size());
    auto red = std::make_shared<SolidColorSource>(kRed, kRedPatch.size());
    auto blue = std::make_shared<SolidColorSource>(kBlue, kBluePatch.size());
    Scene scene;
    scene.setBackground(kBackground);
    scene.addLayer(makeLayer(QStringLiteral("gold"), gold, kGoldPatch.x(), kGoldPatch.y()));
    scene.addLayer(makeLayer(QStringLiteral("red"), red, kRedPatch.x(), kRedPatch.y()));
    scene.addLayer(makeLayer(QStringLiteral("blue"), blue, kBluePatch.x(), kBluePatch.y()));

    m_render->makeCurrent();
    Compositor compositor(*m_render, kProgramCanvas);
    QVERIFY2(compositor.isValid(), qPrintable(compositor.errorString()));
    ProgramPreview preview;
    preview.create(m_render->functions(), kProgramCanvas);
    QVERIFY(createPreviewSide(picture));
    const auto cleanup = qScopeGuard([&] {
        destroyPreviewSide();
        m_render->makeCurrent();
        preview.destroy();
    });
    const auto publish = [&](std::int64_t index) {
        m_render->makeCurrent();
        const GLuint program = compositor.render(scene, index * 33);
        preview.publish(program, index,
                        compositor.lastRenderChangedEverything() ? nullptr
                                                                 : &compositor.lastChangedRects());
    };
    // Where a canvas point lands in the kept picture.
    const auto at = [&](QPoint canvas) {
        return QPoint(canvas.x() * picture.width() / kProgramCanvas.width(),
                      canvas.y() * picture.height() / kProgramCanvas.height());
    };
    // `step` names the draw in a failure.
    const auto verifyPatches = [&](const char* step, QColor left, QColor middle, QColor right) {
        const QImage shown = keptPicture();
        const auto verifyAt = [&](QPoint canvas, QColor expected) {
            const QPoint p = at(canvas);
            const QColor actual = shown.pixelColor(p);
            QVERIFY2(isNear(actual, expected, 2),
                     qPrintable(QStringLiteral("%1: %2 (canvas %3,%4)")
                                    .arg(QLatin1String(step),
                                         QString::fromUtf8(describe(actual, expected, p)))
                                    .arg(canvas.x())
                                    .arg(canvas.y())));
        };
        // The centre and two points inside corners: whole tiles and tiles at the edges.
        const std::array<std::pair<QRect, QColor>, 3> patches{
            {{kGoldPatch, left}, {kRedPatch, middle}, {kBluePatch, right}}};
        for (const auto& [patch, expected] : patches) {
            for (const QPoint point : {patch.center(), patch.topLeft() + QPoint(12, 12),
                                       patch.bottomRight() - QPoint(12, 12)}) {
                verifyAt(point, expected);
                if (QTest::currentTestFailed())
                    return;
            }
        }
        verifyAt(QPoint(kRedPatch.center().x(), 40), kBackground);
    };

    // The first frame: the whole picture.
    publish(0);
    ProgramPreview::Frame frame = drawNewest(preview, true);
    QVERIFY(frame.texture != 0);
    QCOMPARE(frame.size, kProgramCanvas);
    verifyPatches("first frame, drawn whole", kGold, kRed, kBlue);
    if (QTest::currentTestFailed())
        return;

    // Red and blue trade places: only their patches changed and only they are drawn again; the
    // gold one is what the first draw left.
    red->setColor(kBlue);
    blue->setColor(kRed);
    publish(1);
    frame = drawNewest(preview, false);
    QVERIFY(frame.texture != 0);
    QVERIFY(!frame.changed.isEmpty());
    QVERIFY2(!frame.changed.contains(kGoldPatch.center()), "the gold patch did not change");
    QVERIFY(frame.changed.contains(kRedPatch.center()) &&
            frame.changed.contains(kBluePatch.center()));
    verifyPatches("red and blue traded, drawn where they changed", kGold, kBlue, kRed);
    if (QTest::currentTestFailed())
        return;

    // Gold turns red: a second partial draw, from another slot of the ring.
    gold->setColor(kRed);
    publish(2);
    frame = drawNewest(preview, false);
    QVERIFY(frame.changed.contains(kGoldPatch.center()));
    QVERIFY(!frame.changed.contains(kRedPatch.center()));
    verifyPatches("gold turned red, drawn where it changed", kRed, kBlue, kRed);
    if (QTest::currentTestFailed())
        return;

    // And back to the start, drawn whole again: the same as the program frame.
    gold->setColor(kGold);
    red->setColor(kRed);
    blue->setColor(kBlue);
    publish(3);
    frame = drawNewest(preview, true);
    QVERIFY(frame.texture != 0);
    verifyPatches("back to the start, drawn whole", kGold, kRed, kBlue);
}

QTEST_MAIN(TestProgramPreview)
#include "tst_programpreview.moc"
