#include "PreviewWidget.h"

#include "ProgramPreview.h"

#include <QOpenGLContext>
#include <QOpenGLExtraFunctions>
#include <QPainter>

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

} // namespace

PreviewWidget::PreviewWidget(QWidget* parent) : QOpenGLWidget(parent)
{
    setMinimumSize(320, 180);
    // Repaint when the render thread has published a new frame (polled: no cross-thread signal
    // per frame, and nothing to do while the picture is unchanged).
    m_pollTimer.setInterval(15);
    connect(&m_pollTimer, &QTimer::timeout, this, [this] {
        if (m_preview && m_preview->latestFrameIndex() != m_lastFrame)
            update();
    });
    m_pollTimer.start();
}

PreviewWidget::~PreviewWidget()
{
    if (m_glReady) {
        makeCurrent();
        m_program.reset();
        m_vao.destroy();
        doneCurrent();
    }
}

void PreviewWidget::setSource(sb::render::ProgramPreview* preview)
{
    m_preview = preview;
    m_lastFrame = -1;
    update();
}

void PreviewWidget::setSafeAreasVisible(bool visible)
{
    m_safeAreas = visible;
    update();
}

QRectF PreviewWidget::canvasRect(QSize canvas) const
{
    if (canvas.isEmpty())
        canvas = QSize(1280, 720);
    const QSizeF fitted = QSizeF(canvas).scaled(QSizeF(size()), Qt::KeepAspectRatio);
    return QRectF(QPointF((width() - fitted.width()) / 2, (height() - fitted.height()) / 2),
                  fitted);
}

void PreviewWidget::initializeGL()
{
    m_program = std::make_unique<QOpenGLShaderProgram>();
    const QByteArray head = prologue(context());
    if (!m_program->addShaderFromSourceCode(QOpenGLShader::Vertex, head + kVertex) ||
        !m_program->addShaderFromSourceCode(QOpenGLShader::Fragment, head + kFragment) ||
        !m_program->link()) {
        qWarning("preview: cannot build the shader: %s", qPrintable(m_program->log()));
        m_program.reset();
        return;
    }
    m_vao.create();
    m_glReady = true;
}

void PreviewWidget::paintGL()
{
    QOpenGLExtraFunctions* gl = context()->extraFunctions();
    gl->glClearColor(0.09f, 0.09f, 0.11f, 1.0f);
    gl->glClear(GL_COLOR_BUFFER_BIT);
    const sb::render::ProgramPreview::Frame frame =
        m_preview && m_program ? m_preview->acquire(gl) : sb::render::ProgramPreview::Frame{};
    const QRectF target = canvasRect(frame.size);
    if (frame.texture != 0) {
        const qreal ratio = devicePixelRatioF();
        // The widget's framebuffer is bottom-up: flip the letterbox's y.
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
        if (frame.frameIndex != m_lastFrame)
            ++m_framesShown;
        m_lastFrame = frame.frameIndex;
    }
    if (frame.texture == 0 || m_safeAreas) {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        if (frame.texture == 0) {
            painter.setPen(QColor(170, 170, 180));
            painter.drawText(rect(), Qt::AlignCenter, tr("The program is not rendering"));
        } else {
            QPen pen(QColor(255, 255, 255, 150), 1, Qt::DashLine);
            painter.setPen(pen);
            for (const double margin : {0.05, 0.10}) // action safe, title safe
                painter.drawRect(target.adjusted(target.width() * margin, target.height() * margin,
                                                 -target.width() * margin,
                                                 -target.height() * margin));
            painter.drawLine(QPointF(target.center().x(), target.top()),
                             QPointF(target.center().x(), target.top() + target.height() * 0.03));
            painter.drawLine(
                QPointF(target.center().x(), target.bottom()),
                QPointF(target.center().x(), target.bottom() - target.height() * 0.03));
        }
    }
}

} // namespace sb::app
