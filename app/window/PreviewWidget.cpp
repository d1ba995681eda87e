#include "PreviewWidget.h"

#include "ProgramPreview.h"

#include <QLabel>
#include <QOpenGLContext>
#include <QOpenGLExtraFunctions>
#include <QOpenGLShaderProgram>
#include <QOpenGLVertexArrayObject>
#include <QOpenGLWindow>
#include <QPainter>
#include <QVBoxLayout>

#include <cmath>
#include <memory>

namespace sb::app {

namespace {

// A quad covering the viewport. The picture is GL-upright (v follows y); `topDown` turns it over
// for a framebuffer whose first row is the top of the picture.
const char* kVertex = R"(
out vec2 uv;
uniform bool topDown;
void main() {
    vec2 corner = vec2(float(gl_VertexID & 1), float((gl_VertexID >> 1) & 1));
    uv = topDown ? vec2(corner.x, 1.0 - corner.y) : corner;
    gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
})";
const char* kFragment = R"(
in vec2 uv;
out vec4 color;
uniform sampler2D picture;
void main() {
    color = vec4(texture(picture, uv).rgb, 1.0);
})";

QByteArray prologue(QOpenGLContext* context)
{
    return context->isOpenGLES() ? QByteArrayLiteral("#version 300 es\nprecision highp float;\n")
                                 : QByteArrayLiteral("#version 330 core\n");
}

QRectF letterbox(QSize canvas, QSizeF area)
{
    if (canvas.isEmpty())
        canvas = QSize(1280, 720);
    const QSizeF fitted = QSizeF(canvas).scaled(area, Qt::KeepAspectRatio);
    return QRectF(
        QPointF((area.width() - fitted.width()) / 2, (area.height() - fitted.height()) / 2),
        fitted);
}

QSurfaceFormat surfaceFormat()
{
    QSurfaceFormat format = QSurfaceFormat::defaultFormat();
    // A swap never waits for the vertical blank: the GUI thread must not block on the display.
    format.setSwapInterval(0);
    // QPainter's GL engine clips and strokes dashed, antialiased guides through the stencil.
    format.setStencilBufferSize(8);
    return format;
}

} // namespace

// The native window that draws the picture: its default framebuffer is its own X window (or
// platform surface), composed by the window system beside the raster-painted widgets.
//
// Under software OpenGL, scaling the whole picture into the window costs the GUI thread several
// ms a frame, while most of the picture stays the same from one frame to the next. So the picture
// as drawn is kept in a texture at the window's size, a new frame redraws only where the program
// changed, and the kept picture is copied to the window. It is kept top row first, as Mesa keeps
// window framebuffers, and in BGRA like them: the copy, which turns it over in GL terms, is then
// a plain memory copy for Mesa's software rasterizer (and an ordinary blit for a GPU).
class PreviewSurface final : public QOpenGLWindow
{
public:
    PreviewSurface() : QOpenGLWindow(PreviewWidget::shareContext(), NoPartialUpdate)
    {
        setFormat(surfaceFormat());
    }
    ~PreviewSurface() override
    {
        if (!m_program)
            return;
        makeCurrent();
        m_program.reset();
        m_vao.destroy();
        releaseKept();
        doneCurrent();
    }

    sb::render::ProgramPreview* preview = nullptr;
    bool safeAreas = false;
    std::int64_t lastFrame = -1;
    std::int64_t framesShown = 0;
    // The next paint draws the whole picture again (a new source).
    void redrawAll()
    {
        m_redrawAll = true;
        if (isExposed())
            update();
    }

protected:
    void initializeGL() override
    {
        auto program = std::make_unique<QOpenGLShaderProgram>();
        const QByteArray head = prologue(context());
        if (!program->addShaderFromSourceCode(QOpenGLShader::Vertex, head + kVertex) ||
            !program->addShaderFromSourceCode(QOpenGLShader::Fragment, head + kFragment) ||
            !program->link()) {
            qWarning("preview: cannot build the shader: %s", qPrintable(program->log()));
            return;
        }
        m_program = std::move(program);
        m_vao.create();
    }

    void paintGL() override
    {
        QOpenGLExtraFunctions* gl = context()->extraFunctions();
        const qreal ratio = devicePixelRatio();
        const QSize pixels = size() * ratio;
        // QPainter may have left its state behind in the previous frame.
        gl->glDisable(GL_BLEND);
        gl->glDisable(GL_SCISSOR_TEST);
        gl->glDisable(GL_DEPTH_TEST);
        gl->glDisable(GL_STENCIL_TEST);
        const sb::render::ProgramPreview::Frame frame =
            preview && m_program ? preview->acquire(gl) : sb::render::ProgramPreview::Frame{};
        const QRectF target = letterbox(frame.size, QSizeF(size()));
        const bool kept = frame.texture != 0 && keep(gl, pixels); // bound when true
        const bool everything = !kept || m_redrawAll || frame.size != m_keptCanvas;
        gl->glViewport(0, 0, pixels.width(), pixels.height());
        if (everything) {
            gl->glClearColor(0.09f, 0.09f, 0.11f, 1.0f);
            gl->glClear(GL_COLOR_BUFFER_BIT);
        }
        if (frame.texture != 0 && (everything || !frame.changed.isEmpty())) {
            // The letterboxed picture, in the rows of the framebuffer drawn into: top-down in
            // the kept one, bottom-up in the window's.
            const int viewTop = int(std::round(target.y() * ratio));
            const int viewHeight = int(std::round(target.height() * ratio));
            const QRect view(int(std::round(target.x() * ratio)),
                             kept ? viewTop : pixels.height() - viewTop - viewHeight,
                             int(std::round(target.width() * ratio)), viewHeight);
            gl->glViewport(view.x(), view.y(), view.width(), view.height());
            m_program->bind();
            m_program->setUniformValue("picture", 0);
            m_program->setUniformValue("topDown", kept);
            m_vao.bind();
            gl->glActiveTexture(GL_TEXTURE0);
            gl->glBindTexture(GL_TEXTURE_2D, frame.texture);
            if (everything) {
                gl->glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
            } else {
                gl->glEnable(GL_SCISSOR_TEST);
                const double sx = double(view.width()) / frame.size.width();
                const double sy = double(view.height()) / frame.size.height();
                for (const QRect& rect : frame.changed) {
                    // Where the changed canvas pixels land (top-down), with two pixels more
                    // for the filtering that reaches across their edge.
                    const int left = int(std::floor(view.x() + rect.x() * sx)) - 2;
                    const int right = int(std::ceil(view.x() + (rect.right() + 1) * sx)) + 2;
                    const int top = int(std::floor(view.y() + rect.y() * sy)) - 2;
                    const int bottom = int(std::ceil(view.y() + (rect.bottom() + 1) * sy)) + 2;
                    gl->glScissor(left, top, right - left, bottom - top);
                    gl->glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
                }
                gl->glDisable(GL_SCISSOR_TEST);
            }
            gl->glBindTexture(GL_TEXTURE_2D, 0);
            m_vao.release();
            m_program->release();
            gl->glViewport(0, 0, pixels.width(), pixels.height());
        }
        if (kept) {
            m_redrawAll = false;
            m_keptCanvas = frame.size;
            gl->glBindFramebuffer(GL_DRAW_FRAMEBUFFER, defaultFramebufferObject());
            gl->glBlitFramebuffer(0, 0, pixels.width(), pixels.height(), 0, pixels.height(),
                                  pixels.width(), 0, GL_COLOR_BUFFER_BIT, GL_NEAREST);
            gl->glBindFramebuffer(GL_FRAMEBUFFER, defaultFramebufferObject());
        }
        if (frame.texture != 0) {
            if (frame.frameIndex != lastFrame)
                ++framesShown;
            lastFrame = frame.frameIndex;
        }
        if (frame.texture != 0 && !safeAreas)
            return;
        // Over the picture in the window, never into the kept one.
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        if (frame.texture == 0) {
            painter.setPen(QColor(170, 170, 180));
            painter.drawText(QRect(QPoint(), size()), Qt::AlignCenter,
                             PreviewWidget::tr("The program is not rendering"));
            return;
        }
        painter.setPen(QPen(QColor(255, 255, 255, 150), 1, Qt::DashLine));
        for (const double margin : {0.05, 0.10}) // action safe, title safe
            painter.drawRect(target.adjusted(target.width() * margin, target.height() * margin,
                                             -target.width() * margin, -target.height() * margin));
        painter.drawLine(QPointF(target.center().x(), target.top()),
                         QPointF(target.center().x(), target.top() + target.height() * 0.03));
        painter.drawLine(QPointF(target.center().x(), target.bottom()),
                         QPointF(target.center().x(), target.bottom() - target.height() * 0.03));
    }

private:
    // Binds the kept picture's framebuffer, (re)made at `pixels`; false when it cannot be made
    // (the window's own framebuffer is bound, and every frame is drawn whole).
    bool keep(QOpenGLExtraFunctions* gl, QSize pixels)
    {
        if (pixels != m_keptSize)
            releaseKept();
        if (!m_keptFbo) {
            gl->glGenTextures(1, &m_keptTexture);
            gl->glBindTexture(GL_TEXTURE_2D, m_keptTexture);
            if (context()->isOpenGLES())
                gl->glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, pixels.width(), pixels.height(), 0,
                                 GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
            else // an unsized RGBA texture given BGRA words is stored as BGRA
                gl->glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, pixels.width(), pixels.height(), 0,
                                 GL_BGRA, GL_UNSIGNED_INT_8_8_8_8_REV, nullptr);
            gl->glBindTexture(GL_TEXTURE_2D, 0);
            gl->glGenFramebuffers(1, &m_keptFbo);
            gl->glBindFramebuffer(GL_FRAMEBUFFER, m_keptFbo);
            gl->glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D,
                                       m_keptTexture, 0);
            m_keptSize = pixels;
            m_keptComplete =
                gl->glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
            m_redrawAll = true;
        }
        gl->glBindFramebuffer(GL_FRAMEBUFFER,
                              m_keptComplete ? m_keptFbo : defaultFramebufferObject());
        return m_keptComplete;
    }
    void releaseKept()
    {
        QOpenGLExtraFunctions* gl = context()->extraFunctions();
        if (m_keptFbo)
            gl->glDeleteFramebuffers(1, &m_keptFbo);
        if (m_keptTexture)
            gl->glDeleteTextures(1, &m_keptTexture);
        m_keptFbo = 0;
        m_keptTexture = 0;
        m_keptSize = QSize();
        m_keptComplete = false;
    }

    std::unique_ptr<QOpenGLShaderProgram> m_program;
    QOpenGLVertexArrayObject m_vao;
    bool m_redrawAll = true;
    GLuint m_keptFbo = 0;
    GLuint m_keptTexture = 0;
    QSize m_keptSize;   // device pixels
    QSize m_keptCanvas; // the program's size when the kept picture was drawn
    bool m_keptComplete = false;
};

PreviewWidget::PreviewWidget(QWidget* parent) : QWidget(parent)
{
    setMinimumSize(320, 180);
    m_surface = new PreviewSurface;
    m_container = QWidget::createWindowContainer(m_surface, this);
    m_container->setObjectName(QStringLiteral("previewSurface"));
    m_container->setFocusPolicy(Qt::NoFocus);
    m_offLabel = new QLabel(tr("The preview is off (View → Preview). Streaming and recording "
                               "are not affected."),
                            this);
    m_offLabel->setObjectName(QStringLiteral("previewOffLabel"));
    m_offLabel->setAlignment(Qt::AlignCenter);
    m_offLabel->setWordWrap(true);
    m_offLabel->hide();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_container);
    layout->addWidget(m_offLabel);
    // Redraw when the render thread has published a new frame (polled: no cross-thread signal
    // per frame, and nothing to do while the picture is unchanged or nobody can see it).
    m_pollTimer.setInterval(15);
    connect(&m_pollTimer, &QTimer::timeout, this, &PreviewWidget::poll);
    m_pollTimer.start();
}

PreviewWidget::~PreviewWidget() = default;

QOpenGLContext* PreviewWidget::shareContext()
{
    return QOpenGLContext::globalShareContext();
}

void PreviewWidget::setSource(sb::render::ProgramPreview* preview)
{
    m_surface->preview = preview;
    m_surface->lastFrame = -1;
    m_surface->redrawAll();
}

void PreviewWidget::setSafeAreasVisible(bool visible)
{
    m_surface->safeAreas = visible;
    if (m_surface->isExposed())
        m_surface->update();
}

bool PreviewWidget::safeAreasVisible() const
{
    return m_surface->safeAreas;
}

void PreviewWidget::setPreviewEnabled(bool enabled)
{
    m_enabled = enabled;
    m_container->setVisible(enabled);
    m_offLabel->setVisible(!enabled);
}

bool PreviewWidget::isDrawing() const
{
    return m_surface->preview && m_enabled && m_container->isVisible() &&
           !window()->isMinimized() && m_surface->isExposed();
}

std::int64_t PreviewWidget::framesShown() const
{
    return m_surface->framesShown;
}

QRectF PreviewWidget::canvasRect(QSize canvas) const
{
    return letterbox(canvas, QSizeF(m_container->size())).translated(m_container->pos());
}

void PreviewWidget::poll()
{
    if (!isDrawing())
        return;
    const std::int64_t latest = m_surface->preview->latestFrameIndex();
    if (latest == m_surface->lastFrame)
        return;
    if (m_surface->preview->hasChanges()) {
        m_surface->update();
        return;
    }
    // The same picture as the one on screen: shown without drawing it again.
    if (latest >= 0 && m_surface->lastFrame >= 0) {
        m_surface->lastFrame = latest;
        ++m_surface->framesShown;
    }
}

} // namespace sb::app
