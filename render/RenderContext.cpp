#include "RenderContext.h"

#include <QGuiApplication>
#include <QLoggingCategory>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QThread>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace sb::render {

Q_LOGGING_CATEGORY(lcRenderContext, "sb.render.gl")

namespace {

bool isAtLeast(const QSurfaceFormat& format, int major, int minor)
{
    return format.majorVersion() > major ||
           (format.majorVersion() == major && format.minorVersion() >= minor);
}

} // namespace

RenderContext::RenderContext(QOpenGLContext* shareContext) : m_shareContext(shareContext) {}

RenderContext::~RenderContext()
{
    if (m_context && QOpenGLContext::currentContext() == m_context.get())
        m_context->doneCurrent();
    m_context.reset();
    m_surface.reset();
}

void RenderContext::prepareProcess()
{
    // Mesa's software rasterizer (llvmpipe) hands every frame to helper threads. On a machine with
    // few cores the encoder's threads already keep each core busy, and the hand-over costs more
    // CPU than it saves time (bench_broadcast: about 10 % of the CPU per frame on 2 cores): there
    // the render thread rasterizes its frames itself. Hardware drivers ignore the variable, and a
    // value the user set is kept.
    if (!qEnvironmentVariableIsSet("LP_NUM_THREADS") && hasFewCores())
        qputenv("LP_NUM_THREADS", "0");
#if defined(__GLIBC__)
    // glibc serves a block from its heaps once a block that size was freed (its threshold for
    // mapping blocks of their own rises to the largest freed): the textures, pictures and voice
    // lines a show allocates and frees then leave its heaps fragmented, and the memory is not
    // given back. A fixed threshold keeps every block of 256 KiB or more in a mapping of its own
    // that goes back to the system when freed: 17 MB less resident while the demo broadcasts
    // 720p30 (275-280 MB -> 258-263 MB), CPU per frame unchanged. A value the user set through
    // GLIBC_TUNABLES or MALLOC_MMAP_THRESHOLD_ is kept.
    if (!qEnvironmentVariableIsSet("MALLOC_MMAP_THRESHOLD_") &&
        !qEnvironmentVariable("GLIBC_TUNABLES").contains(QLatin1String("mmap_threshold")))
        mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
}

bool RenderContext::hasFewCores()
{
    return QThread::idealThreadCount() <= 4;
}

bool RenderContext::create()
{
    const bool gles = QOpenGLContext::openGLModuleType() == QOpenGLContext::LibGLES;
    QSurfaceFormat wanted;
    wanted.setRenderableType(gles ? QSurfaceFormat::OpenGLES : QSurfaceFormat::OpenGL);
    if (gles) {
        wanted.setVersion(3, 0);
    } else {
        wanted.setVersion(3, 3);
        wanted.setProfile(QSurfaceFormat::CoreProfile);
    }
    wanted.setDepthBufferSize(0);
    wanted.setStencilBufferSize(0);

    QString reason;
    if (tryCreate(wanted, &reason))
        return true;
    // Some drivers refuse an exact version request but give a newer one for the default format.
    QString fallbackReason;
    QSurfaceFormat platformDefault;
    platformDefault.setRenderableType(wanted.renderableType());
    if (tryCreate(platformDefault, &fallbackReason))
        return true;
    m_error = QStringLiteral("OpenGL 3.3 is not available: %1").arg(reason);
    qCWarning(lcRenderContext).noquote() << m_error;
    return false;
}

bool RenderContext::tryCreate(const QSurfaceFormat& requested, QString* reason)
{
    m_functions = nullptr;
    m_context.reset();
    m_surface = std::make_unique<QOffscreenSurface>();
    m_surface->setFormat(requested);
    m_surface->create();
    if (!m_surface->isValid()) {
        *reason = QStringLiteral("the platform '%1' cannot create an offscreen surface")
                      .arg(QGuiApplication::platformName());
        m_surface.reset();
        return false;
    }
    m_context = std::make_unique<QOpenGLContext>();
    m_context->setFormat(requested);
    m_context->setShareContext(m_shareContext);
    if (!m_context->create()) {
        *reason = QStringLiteral("the platform '%1' refused to create an OpenGL context")
                      .arg(QGuiApplication::platformName());
        m_context.reset();
        return false;
    }
    const QSurfaceFormat got = m_context->format();
    const bool es = m_context->isOpenGLES();
    if (!isAtLeast(got, es ? 3 : 3, es ? 0 : 3)) {
        *reason = QStringLiteral("the driver offers %1 %2.%3")
                      .arg(es ? QStringLiteral("OpenGL ES") : QStringLiteral("OpenGL"))
                      .arg(got.majorVersion())
                      .arg(got.minorVersion());
        m_context.reset();
        return false;
    }
    if (!m_context->makeCurrent(m_surface.get())) {
        *reason = QStringLiteral("the context cannot be made current on the offscreen surface");
        m_context.reset();
        return false;
    }
    m_functions = m_context->extraFunctions();
    qCInfo(lcRenderContext).noquote() << "created" << description();
    return true;
}

bool RenderContext::isValid() const
{
    return m_context && m_context->isValid();
}

void RenderContext::moveToThread(QThread* thread)
{
    if (!m_context)
        return;
    if (QOpenGLContext::currentContext() == m_context.get())
        m_context->doneCurrent();
    m_context->moveToThread(thread);
}

bool RenderContext::makeCurrent()
{
    return m_context && m_context->makeCurrent(m_surface.get());
}

void RenderContext::doneCurrent()
{
    if (m_context)
        m_context->doneCurrent();
}

QSurfaceFormat RenderContext::format() const
{
    return m_context ? m_context->format() : QSurfaceFormat();
}

bool RenderContext::isOpenGLES() const
{
    return m_context && m_context->isOpenGLES();
}

QByteArray RenderContext::shaderPrologue() const
{
    if (isOpenGLES())
        return QByteArrayLiteral("#version 300 es\nprecision highp float;\nprecision highp int;\n");
    return QByteArrayLiteral("#version 330 core\n");
}

QString RenderContext::description() const
{
    if (!m_functions)
        return {};
    const auto text = [this](GLenum name) {
        return QString::fromLatin1(reinterpret_cast<const char*>(m_functions->glGetString(name)));
    };
    return QStringLiteral("%1 (%2, %3)").arg(text(GL_VERSION), text(GL_RENDERER), text(GL_VENDOR));
}

bool RenderContext::isSoftwareRenderer() const
{
    if (!m_functions)
        return false;
    const QByteArray renderer(reinterpret_cast<const char*>(m_functions->glGetString(GL_RENDERER)));
    return renderer.contains("llvmpipe") || renderer.contains("softpipe");
}

GlFramebuffer::GlFramebuffer(QOpenGLExtraFunctions* gl) : m_gl(gl)
{
    m_gl->glGenFramebuffers(1, &m_id);
}

GlFramebuffer::~GlFramebuffer()
{
    if (m_id != 0 && QOpenGLContext::currentContext())
        m_gl->glDeleteFramebuffers(1, &m_id);
}

bool GlFramebuffer::attach(std::initializer_list<GLuint> textures)
{
    bind();
    GLenum buffers[4] = {};
    GLenum index = 0;
    for (GLuint texture : textures) {
        if (index == 4)
            break;
        m_gl->glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0 + index, GL_TEXTURE_2D,
                                     texture, 0);
        buffers[index] = GL_COLOR_ATTACHMENT0 + index;
        ++index;
    }
    m_gl->glDrawBuffers(GLsizei(index), buffers);
    const bool complete = m_gl->glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    if (!complete)
        qCWarning(lcRenderContext) << "framebuffer incomplete";
    return complete;
}

void GlFramebuffer::bind() const
{
    m_gl->glBindFramebuffer(GL_FRAMEBUFFER, m_id);
}

void GlFence::insert(QOpenGLExtraFunctions* gl)
{
    reset();
    m_gl = gl;
    m_sync = m_gl->glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
}

bool GlFence::isSignalled()
{
    if (!m_sync)
        return true;
    const GLenum state = m_gl->glClientWaitSync(m_sync, 0, 0);
    return state == GL_ALREADY_SIGNALED || state == GL_CONDITION_SATISFIED;
}

void GlFence::wait()
{
    if (!m_sync)
        return;
    constexpr GLuint64 kOneSecondNs = 1'000'000'000;
    m_gl->glClientWaitSync(m_sync, GL_SYNC_FLUSH_COMMANDS_BIT, kOneSecondNs);
}

void GlFence::reset()
{
    if (m_sync && QOpenGLContext::currentContext())
        m_gl->glDeleteSync(m_sync);
    m_sync = nullptr;
}

} // namespace sb::render
