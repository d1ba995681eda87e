#pragma once
// Hands the program picture to a preview widget without a readback: the render thread copies each
// frame into one of a small ring of textures that a context in the same share group can sample,
// with a fence the preview waits on (a GPU-side wait) before drawing it. Only what the compositor
// redrew is copied, and the preview is told what changed since it last drew, so that under
// software OpenGL neither side pays for the pixels that stayed the same.

#include <QOpenGLExtraFunctions>
#include <QRect>
#include <QRegion>
#include <QSize>

#include <array>
#include <cstdint>
#include <mutex>

namespace sb::render {

class ProgramPreview
{
public:
    struct Frame
    {
        GLuint texture = 0; // RGBA, opaque (alpha reads as 1), GL-upright (row 0 at the bottom)
        QSize size;
        std::int64_t frameIndex = -1; // -1: nothing published yet
        // What differs from the frame the previous acquire() returned, in canvas pixels with a
        // top-left origin; the whole canvas the first time.
        QRegion changed;
    };

    // Render thread, context current.
    void create(QOpenGLExtraFunctions* gl, QSize size);
    // `changedRects`: what the program frame changed since the one published before (top-left
    // origin; none when it is the same picture), or null when everything may have changed.
    void publish(GLuint programTexture, std::int64_t frameIndex, const QList<QRect>* changedRects);
    void destroy(); // context current, before it goes away

    // Preview thread, its (shared) context current: makes that context's command stream wait
    // for the newest frame, and returns it. Draw it before calling this again. One preview
    // acquires: what changed is counted from its previous call.
    Frame acquire(QOpenGLExtraFunctions* previewGl);
    std::int64_t latestFrameIndex() const;
    // Whether the picture changed since the last acquire(): without a change the preview has
    // nothing to draw again.
    bool hasChanges() const;

private:
    static constexpr int kRing = 3;
    // A region keeps its rectangles up to this count, then becomes its bounding box (cheaper to
    // copy and draw than many thin bands).
    static constexpr int kMaxRects = 8;
    static void add(QRegion& region, const QRegion& more);

    QOpenGLExtraFunctions* m_gl = nullptr;
    QSize m_size;
    std::array<GLuint, kRing> m_textures{};
    std::array<QRegion, kRing> m_stale; // what each slot still lacks of the newest picture
    GLuint m_readFbo = 0;
    GLuint m_drawFbo = 0;
    int m_next = 0;

    mutable std::mutex m_mutex; // guards what follows, and fence deletion against acquire()
    std::array<GLsync, kRing> m_fences{};
    int m_latest = -1;
    std::int64_t m_latestIndex = -1;
    QRegion m_unseen; // changed since the preview's last acquire()
};

} // namespace sb::render
