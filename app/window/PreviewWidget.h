#pragma once
// The live preview: draws the program picture the render thread publishes, through a context in
// the same share group (no readback), letterboxed to keep the canvas aspect, with optional
// safe-area guides (action safe 90 %, title safe 80 %).

#include <QOpenGLBuffer>
#include <QOpenGLShaderProgram>
#include <QOpenGLVertexArrayObject>
#include <QOpenGLWidget>
#include <QTimer>

#include <cstdint>
#include <memory>

namespace sb::render {
class ProgramPreview;
}

namespace sb::app {

class PreviewWidget : public QOpenGLWidget
{
    Q_OBJECT

public:
    explicit PreviewWidget(QWidget* parent = nullptr);
    ~PreviewWidget() override;

    // The preview to show (owned by the pipeline); null shows the "not rendering" state.
    void setSource(sb::render::ProgramPreview* preview);
    void setSafeAreasVisible(bool visible);
    bool safeAreasVisible() const { return m_safeAreas; }
    std::int64_t framesShown() const { return m_framesShown; }
    // Where the canvas is drawn inside the widget, in device-independent pixels.
    QRectF canvasRect(QSize canvas) const;

protected:
    void initializeGL() override;
    void paintGL() override;

private:
    sb::render::ProgramPreview* m_preview = nullptr;
    std::unique_ptr<QOpenGLShaderProgram> m_program;
    QOpenGLVertexArrayObject m_vao;
    QTimer m_pollTimer;
    std::int64_t m_lastFrame = -1;
    std::int64_t m_framesShown = 0;
    bool m_safeAreas = false;
    bool m_glReady = false;
};

} // namespace sb::app
