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

#include <memory>

namespace sb::app {

namespace {

// A quad covering the viewport; the picture is GL-upright, so v follows y.
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
        doneCurrent();
    }

    sb::render::ProgramPreview* preview = nullptr;
    bool safeAreas = false;
    std::int64_t lastFrame = -1;
    std::int64_t framesShown = 0;

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
        // QPainter may have left its state behind in the previous frame.
        gl->glDisable(GL_BLEND);
        gl->glDisable(GL_SCISSOR_TEST);
        gl->glDisable(GL_DEPTH_TEST);
        gl->glDisable(GL_STENCIL_TEST);
        gl->glViewport(0, 0, int(width() * ratio), int(height() * ratio));
        gl->glClearColor(0.09f, 0.09f, 0.11f, 1.0f);
        gl->glClear(GL_COLOR_BUFFER_BIT);
        const sb::render::ProgramPreview::Frame frame =
            preview && m_program ? preview->acquire(gl) : sb::render::ProgramPreview::Frame{};
        const QRectF target = letterbox(frame.size, QSizeF(size()));
        if (frame.texture != 0) {
            // The window's framebuffer is bottom-up: flip the letterbox's y.
            gl->glViewport(int(target.x() * ratio), int((height() - target.bottom()) * ratio),
                           int(target.width() * ratio), int(target.height() * ratio));
            m_program->bind();
            m_vao.bind();
            gl->glActiveTexture(GL_TEXTURE0);
            gl->glBindTexture(GL_TEXTURE_2D, frame.texture);
            m_program->setUniformValue("picture", 0);
            gl->glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
            gl->glBindTexture(GL_TEXTURE_2D, 0);
            m_vao.release();
            m_program->release();
            gl->glViewport(0, 0, int(width() * ratio), int(height() * ratio));
            if (frame.frameIndex != lastFrame)
                ++framesShown;
            lastFrame = frame.frameIndex;
        }
        if (frame.texture != 0 && !safeAreas)
            return;
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
    std::unique_ptr<QOpenGLShaderProgram> m_program;
    QOpenGLVertexArrayObject m_vao;
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
    if (m_surface->isExposed())
        m_surface->update();
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
    if (isDrawing() && m_surface->preview->latestFrameIndex() != m_surface->lastFrame)
        m_surface->update();
}

} // namespace sb::app
