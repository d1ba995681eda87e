#pragma once
// The live preview: the program picture the render thread publishes, letterboxed to keep the
// canvas aspect, with optional safe-area guides (action safe 90 %, title safe 80 %). It is drawn
// by a native child window with its own OpenGL surface, whose context shares with the render
// thread's (no readback), so only the preview's own area goes through GL: the rest of the studio
// window stays raster-painted. Nothing is drawn while the preview is switched off, hidden or the
// window minimized; the pipeline keeps rendering for the outputs.

#include <QTimer>
#include <QWidget>

#include <cstdint>

class QLabel;
class QOpenGLContext;

namespace sb::render {
class ProgramPreview;
}

namespace sb::app {

class PreviewSurface;

class PreviewWidget : public QWidget
{
    Q_OBJECT

public:
    explicit PreviewWidget(QWidget* parent = nullptr);
    ~PreviewWidget() override;

    // The context the render thread's must share with: the application's share context
    // (Qt::AA_ShareOpenGLContexts), which the preview's own context shares with too.
    static QOpenGLContext* shareContext();

    // The preview to show (owned by the pipeline); null shows the "not rendering" state.
    void setSource(sb::render::ProgramPreview* preview);
    void setSafeAreasVisible(bool visible);
    bool safeAreasVisible() const;
    // Off, the surface is replaced by a line saying so and draws nothing (OBS's "Enable
    // Preview"); streaming and recording are not affected.
    void setPreviewEnabled(bool enabled);
    bool previewEnabled() const { return m_enabled; }
    // Whether new program frames are being drawn now: a source, switched on, visible, exposed and
    // the window not minimized.
    bool isDrawing() const;
    std::int64_t framesShown() const;
    // Where the canvas is drawn inside the widget, in device-independent pixels.
    QRectF canvasRect(QSize canvas) const;

private:
    void poll();

    PreviewSurface* m_surface = nullptr; // owned by m_container
    QWidget* m_container = nullptr;
    QLabel* m_offLabel = nullptr;
    QTimer m_pollTimer;
    bool m_enabled = true;
};

} // namespace sb::app
