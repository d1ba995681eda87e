#pragma once
// Draws a scene into the program frame: an RGBA8 texture at the canvas size, composed with
// premultiplied alpha by one textured-quad shader (transform, crop, opacity). Also composes
// transitions between two scenes. Runs on the render thread with the RenderContext current.
//
// The program texture is upright in GL terms (its first row is the bottom of the picture);
// readBackRgba() and the ColorConverter turn it the right way up.

#include "RenderContext.h"
#include "Scene.h"
#include "Transition.h"

#include <QImage>
#include <QOpenGLBuffer>
#include <QOpenGLShaderProgram>
#include <QOpenGLTexture>
#include <QOpenGLVertexArrayObject>

#include <cstdint>
#include <memory>
#include <unordered_map>

namespace sb::render {

class Compositor
{
public:
    static constexpr QSize kDefaultCanvas{1280, 720};
    static constexpr QSize kMaximumCanvas{1920, 1080};

    // Makes the context current; check isValid() (shader or framebuffer failures).
    explicit Compositor(RenderContext& context, QSize canvas = kDefaultCanvas);
    ~Compositor(); // makes the context current to free its GL objects
    Compositor(const Compositor&) = delete;
    Compositor& operator=(const Compositor&) = delete;

    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    QSize canvasSize() const { return m_canvas; }
    void setCanvasSize(QSize canvas); // reallocates the targets; clamped to kMaximumCanvas

    // Renders the program frame at sceneTimeMs and returns its texture. While a transition started
    // by startTransition() runs, `scene` is the outgoing scene; once it has finished the target is
    // drawn alone and transitionActive() turns false: the caller then makes it its program scene.
    GLuint render(const Scene& scene, std::int64_t sceneTimeMs);
    // `to` must outlive the transition. It starts at the next render() call's time.
    void startTransition(const Scene* to, const Transition& transition);
    bool transitionActive() const { return m_transitionTarget != nullptr; }
    const Scene* transitionTarget() const { return m_transitionTarget; }
    // Composes both scenes at a given progress (0..1, before easing) into the program frame.
    GLuint renderTransition(const Scene& from, const Scene& to, const Transition& transition,
                            double progress, std::int64_t sceneTimeMs);

    GLuint programTexture() const;
    // The last program frame, top row first (slow: for tests and screenshots).
    QImage readBackRgba();
    // Texture uploads since construction (tests check that unchanged sources are not re-sent).
    int textureUploadCount() const { return m_uploads; }

    // What the last render() changed in the program frame: everything, or only these canvas
    // rectangles (top-left origin; none when the frame is the same as the one before). Between
    // two frames of the same scene only the layers that changed, moved or were uncovered are
    // drawn again, clipped to where they were and are.
    bool lastRenderChangedEverything() const { return m_changedEverything; }
    const QList<QRect>& lastChangedRects() const { return m_changedRects; }

private:
    struct Target
    {
        std::unique_ptr<QOpenGLTexture> texture;
        std::unique_ptr<GlFramebuffer> framebuffer;
    };
    struct CachedTexture
    {
        std::weak_ptr<LayerSource> owner; // tells a reused address from the original source
        std::unique_ptr<QOpenGLTexture> texture;
        std::uint64_t version = 0;
        bool nearest = false; // the filter currently set on the texture
    };
    struct Quad
    {
        float rowX[3]; // canvas-local unit square -> clip space, one row per output axis
        float rowY[3];
        float texRect[4]; // u0, v0, u1, v1
        float opacity;
    };

    bool createTarget(Target& target);
    std::unique_ptr<QOpenGLTexture> createColorTexture(QSize size) const;
    // What a layer looked like when it was drawn into the program frame.
    struct DrawnLayer
    {
        const LayerSource* source = nullptr;
        QString id;
        std::uint64_t version = 0;
        QSize size;
        LayerTransform transform;
        LayerCrop crop;
        double opacity = 1.0;
        QRect bounds; // the pixels it may touch; empty when it draws nothing
        bool looksTheSame(const DrawnLayer& other) const;
    };

    // incremental: the target is the program frame and may keep what did not change.
    void advanceSources(const Scene& scene, std::int64_t sceneTimeMs);
    void drawScene(const Target& target, const Scene& scene, std::int64_t sceneTimeMs,
                   bool incremental = false);
    DrawnLayer describe(const Layer& layer) const;
    void invalidateProgramFrame();
    void drawLayer(const Layer& layer);
    // True when the layer, as last advanced, paints every canvas pixel opaquely: nothing under it
    // shows, so nothing under it is drawn.
    bool coversCanvas(const Layer& layer) const;
    void drawQuad(GLuint texture, const Quad& quad);
    void drawFlat(const Quad& quad, const float premultipliedColor[4]);
    void setBlending(bool enabled);
    // Draws a full-canvas target texture offset by (dx, dy) canvas pixels.
    void drawTarget(const Target& source, double dx, double dy, double opacity);
    QOpenGLTexture* textureFor(const std::shared_ptr<LayerSource>& source);
    void collectUnusedTextures();

    RenderContext& m_context;
    QOpenGLExtraFunctions* m_gl = nullptr;
    QSize m_canvas;
    QString m_error;
    QOpenGLShaderProgram m_program;
    QOpenGLVertexArrayObject m_vao;
    QOpenGLBuffer m_quadBuffer{QOpenGLBuffer::VertexBuffer};
    int m_rowXLocation = -1;
    int m_rowYLocation = -1;
    int m_texRectLocation = -1;
    int m_opacityLocation = -1;
    QOpenGLShaderProgram m_flatProgram; // a layer whose picture is one colour: no texture at all
    int m_flatRowXLocation = -1;
    int m_flatRowYLocation = -1;
    int m_flatColorLocation = -1;
    bool m_blending = true;
    Target m_output;
    Target m_from; // transitions only, created on the first one
    Target m_to;
    std::unordered_map<const LayerSource*, CachedTexture> m_textures;
    int m_uploads = 0;
    std::uint64_t m_frames = 0;
    // The program frame's content, for incremental redraws.
    bool m_programValid = false;
    std::vector<DrawnLayer> m_drawn;
    QColor m_drawnClear;
    std::size_t m_drawnFirst = 0;
    bool m_changedEverything = true;
    QList<QRect> m_changedRects;

    const Scene* m_transitionTarget = nullptr;
    Transition m_transition;
    std::int64_t m_transitionStartMs = -1;
};

} // namespace sb::render
