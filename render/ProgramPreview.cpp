#include "ProgramPreview.h"

#include <QOpenGLContext>

namespace sb::render {

void ProgramPreview::add(QRegion& region, const QRegion& more)
{
    region += more;
    if (region.rectCount() > kMaxRects)
        region = region.boundingRect();
}

void ProgramPreview::create(QOpenGLExtraFunctions* gl, QSize size)
{
    m_gl = gl;
    m_size = size;
    const bool gles = QOpenGLContext::currentContext()->isOpenGLES();
    m_gl->glGenTextures(kRing, m_textures.data());
    for (GLuint texture : m_textures) {
        m_gl->glBindTexture(GL_TEXTURE_2D, texture);
        if (gles)
            m_gl->glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, size.width(), size.height(), 0, GL_RGBA,
                               GL_UNSIGNED_BYTE, nullptr);
        else // stored as the compositor stores its targets (BGRA): a copy, not a conversion
            m_gl->glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, size.width(), size.height(), 0, GL_BGRA,
                               GL_UNSIGNED_INT_8_8_8_8_REV, nullptr);
        m_gl->glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        m_gl->glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        m_gl->glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        m_gl->glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        // The preview shows the program opaque, so alpha reads as 1. Being no identity swizzle,
        // this also keeps Mesa's llvmpipe off its linear path, which (Mesa 22.3) swaps red and
        // blue in every 64x64 tile it draws whole from a BGRA texture into a BGRA target with the
        // preview's `vec4(texture(...).rgb, 1.0)`: gold showed cyan in rectangular patches.
        m_gl->glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_A, GL_ONE);
    }
    m_gl->glBindTexture(GL_TEXTURE_2D, 0);
    m_gl->glGenFramebuffers(1, &m_readFbo);
    m_gl->glGenFramebuffers(1, &m_drawFbo);
    const QRect whole(QPoint(0, 0), size);
    m_stale.fill(QRegion(whole));
    std::lock_guard lock(m_mutex);
    m_unseen = whole;
}

void ProgramPreview::publish(GLuint programTexture, std::int64_t frameIndex,
                             const QList<QRect>* changedRects)
{
    if (!m_gl)
        return;
    const QRect whole(QPoint(0, 0), m_size);
    QRegion changed;
    if (!changedRects) {
        changed = whole;
    } else {
        for (const QRect& rect : *changedRects)
            changed += rect & whole;
    }
    if (changed.isEmpty() && m_latest >= 0) {
        // The same picture: the newest slot still holds it.
        std::lock_guard lock(m_mutex);
        m_latestIndex = frameIndex;
        return;
    }
    for (QRegion& stale : m_stale)
        add(stale, changed);

    const int slot = m_next;
    m_next = (m_next + 1) % kRing;
    {
        // The preview may still be told to wait on this slot's old fence: delete it under the lock.
        std::lock_guard lock(m_mutex);
        if (m_fences[slot]) {
            m_gl->glDeleteSync(m_fences[slot]);
            m_fences[slot] = nullptr;
        }
        if (m_latest == slot)
            m_latest = -1;
    }
    m_gl->glBindFramebuffer(GL_READ_FRAMEBUFFER, m_readFbo);
    m_gl->glFramebufferTexture2D(GL_READ_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D,
                                 programTexture, 0);
    m_gl->glBindFramebuffer(GL_DRAW_FRAMEBUFFER, m_drawFbo);
    m_gl->glFramebufferTexture2D(GL_DRAW_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D,
                                 m_textures[slot], 0);
    // Only what this slot lacks: what changed since it was last written.
    for (const QRect& rect : m_stale[slot]) {
        const int bottom = m_size.height() - rect.y() - rect.height(); // GL-upright rows
        m_gl->glBlitFramebuffer(rect.x(), bottom, rect.x() + rect.width(), bottom + rect.height(),
                                rect.x(), bottom, rect.x() + rect.width(), bottom + rect.height(),
                                GL_COLOR_BUFFER_BIT, GL_NEAREST);
    }
    m_stale[slot] = QRegion();
    m_gl->glBindFramebuffer(GL_FRAMEBUFFER, 0);
    const GLsync fence = m_gl->glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
    m_gl->glFlush(); // the fence must reach the GPU before another context waits on it
    std::lock_guard lock(m_mutex);
    m_fences[slot] = fence;
    m_latest = slot;
    m_latestIndex = frameIndex;
    add(m_unseen, changed);
}

ProgramPreview::Frame ProgramPreview::acquire(QOpenGLExtraFunctions* previewGl)
{
    std::lock_guard lock(m_mutex);
    if (m_latest < 0)
        return {};
    if (m_fences[m_latest])
        previewGl->glWaitSync(m_fences[m_latest], 0, GL_TIMEOUT_IGNORED);
    Frame frame{m_textures[m_latest], m_size, m_latestIndex, m_unseen};
    m_unseen = QRegion();
    return frame;
}

std::int64_t ProgramPreview::latestFrameIndex() const
{
    std::lock_guard lock(m_mutex);
    return m_latestIndex;
}

bool ProgramPreview::hasChanges() const
{
    std::lock_guard lock(m_mutex);
    return !m_unseen.isEmpty();
}

void ProgramPreview::destroy()
{
    if (!m_gl)
        return;
    std::lock_guard lock(m_mutex);
    for (GLsync& fence : m_fences) {
        if (fence)
            m_gl->glDeleteSync(fence);
        fence = nullptr;
    }
    m_gl->glDeleteTextures(kRing, m_textures.data());
    m_gl->glDeleteFramebuffers(1, &m_readFbo);
    m_gl->glDeleteFramebuffers(1, &m_drawFbo);
    m_textures = {};
    m_latest = -1;
    m_latestIndex = -1;
    m_unseen = QRegion();
    m_gl = nullptr;
}

} // namespace sb::render
