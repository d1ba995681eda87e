#include "ProgramPreview.h"

namespace sb::render {

void ProgramPreview::create(QOpenGLExtraFunctions* gl, QSize size)
{
    m_gl = gl;
    m_size = size;
    m_gl->glGenTextures(kRing, m_textures.data());
    for (GLuint texture : m_textures) {
        m_gl->glBindTexture(GL_TEXTURE_2D, texture);
        m_gl->glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, size.width(), size.height(), 0, GL_RGBA,
                           GL_UNSIGNED_BYTE, nullptr);
        m_gl->glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        m_gl->glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        m_gl->glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        m_gl->glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    }
    m_gl->glBindTexture(GL_TEXTURE_2D, 0);
    m_gl->glGenFramebuffers(1, &m_readFbo);
    m_gl->glGenFramebuffers(1, &m_drawFbo);
}

void ProgramPreview::publish(GLuint programTexture, std::int64_t frameIndex)
{
    if (!m_gl)
        return;
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
    m_gl->glBlitFramebuffer(0, 0, m_size.width(), m_size.height(), 0, 0, m_size.width(),
                            m_size.height(), GL_COLOR_BUFFER_BIT, GL_NEAREST);
    m_gl->glBindFramebuffer(GL_FRAMEBUFFER, 0);
    const GLsync fence = m_gl->glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
    m_gl->glFlush(); // the fence must reach the GPU before another context waits on it
    std::lock_guard lock(m_mutex);
    m_fences[slot] = fence;
    m_latest = slot;
    m_latestIndex = frameIndex;
}

ProgramPreview::Frame ProgramPreview::acquire(QOpenGLExtraFunctions* previewGl)
{
    std::lock_guard lock(m_mutex);
    if (m_latest < 0)
        return {};
    if (m_fences[m_latest])
        previewGl->glWaitSync(m_fences[m_latest], 0, GL_TIMEOUT_IGNORED);
    return {m_textures[m_latest], m_size, m_latestIndex};
}

std::int64_t ProgramPreview::latestFrameIndex() const
{
    std::lock_guard lock(m_mutex);
    return m_latestIndex;
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
    m_gl = nullptr;
}

} // namespace sb::render
