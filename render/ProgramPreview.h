#pragma once
// Hands the program picture to a preview widget without a readback: the render thread copies each
// frame into one of a small ring of textures that a context in the same share group can sample,
// with a fence the preview waits on (a GPU-side wait) before drawing it.

#include <QOpenGLExtraFunctions>
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
        GLuint texture = 0; // RGBA8, GL-upright (row 0 is the bottom of the picture)
        QSize size;
        std::int64_t frameIndex = -1; // -1: nothing published yet
    };

    // Render thread, context current.
    void create(QOpenGLExtraFunctions* gl, QSize size);
    void publish(GLuint programTexture, std::int64_t frameIndex);
    void destroy(); // context current, before it goes away

    // Preview thread, its (shared) context current: makes that context's command stream wait
    // for the newest frame, and returns it. Draw it before calling this again.
    Frame acquire(QOpenGLExtraFunctions* previewGl);
    std::int64_t latestFrameIndex() const;

private:
    static constexpr int kRing = 3;
    QOpenGLExtraFunctions* m_gl = nullptr;
    QSize m_size;
    std::array<GLuint, kRing> m_textures{};
    GLuint m_readFbo = 0;
    GLuint m_drawFbo = 0;
    int m_next = 0;

    mutable std::mutex m_mutex; // guards what follows, and fence deletion against acquire()
    std::array<GLsync, kRing> m_fences{};
    int m_latest = -1;
    std::int64_t m_latestIndex = -1;
};

} // namespace sb::render
