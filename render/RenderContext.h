#pragma once
// The render thread's OpenGL context: an offscreen QOpenGLContext (OpenGL 3.3 core, or OpenGL ES
// 3.0 where Qt is built for GLES) on a QOffscreenSurface. Everything GL in render/ runs with this
// context current. Also the small RAII handles for GL objects that Qt has no class for.

#include <QOpenGLExtraFunctions>
#include <QString>
#include <QSurfaceFormat>

#include <memory>

class QOffscreenSurface;
class QOpenGLContext;
class QThread;

namespace sb::render {

class RenderContext
{
public:
    // Call create() on the GUI thread: some platforms back the surface with a hidden window.
    // shareContext lets a preview widget sample the compositor's textures without a readback.
    explicit RenderContext(QOpenGLContext* shareContext = nullptr);
    ~RenderContext(); // on the GUI thread, after the render thread has released the context
    RenderContext(const RenderContext&) = delete;
    RenderContext& operator=(const RenderContext&) = delete;

    // Call once before the process creates its first OpenGL context (the window's or a
    // RenderContext): tunes Mesa's software rasterizer for broadcasting on small machines, and
    // the C library's allocator to give the large blocks a show frees back to the system.
    static void prepareProcess();
    // A machine of at most four cores, where the encoder's threads already keep every core busy:
    // handing a frame's work to helper threads there costs more CPU than it saves time.
    static bool hasFewCores();

    // False with errorString() "OpenGL 3.3 is not available: ..." when no usable context exists.
    bool create();
    bool isValid() const;
    QString errorString() const { return m_error; }

    // Hands the context to the thread that will render (call from the thread that owns it now,
    // with the context not current anywhere); hand it back before destruction.
    void moveToThread(QThread* thread);
    bool makeCurrent();
    void doneCurrent();

    QOpenGLContext* context() const { return m_context.get(); }
    QOpenGLExtraFunctions* functions() const { return m_functions; }
    QSurfaceFormat format() const;
    bool isOpenGLES() const;
    // "#version 330 core\n" or "#version 300 es\nprecision highp float;\n": shaders share bodies.
    QByteArray shaderPrologue() const;
    // Renderer and version strings for logs and the stats dock (context must be current).
    QString description() const;
    // Whether the CPU draws (Mesa's llvmpipe or softpipe): every GL call has done its work when it
    // returns, so nothing gains from waiting for the GPU asynchronously (context must be current).
    bool isSoftwareRenderer() const;

private:
    bool tryCreate(const QSurfaceFormat& requested, QString* reason);

    QOpenGLContext* m_shareContext = nullptr;
    std::unique_ptr<QOffscreenSurface> m_surface;
    std::unique_ptr<QOpenGLContext> m_context;
    QOpenGLExtraFunctions* m_functions = nullptr;
    QString m_error;
};

// A framebuffer object (the textures it draws into are owned elsewhere). Destroy it with its
// context current, like every GL handle.
class GlFramebuffer
{
public:
    GlFramebuffer() = default;
    explicit GlFramebuffer(QOpenGLExtraFunctions* gl);
    ~GlFramebuffer();
    GlFramebuffer(const GlFramebuffer&) = delete;
    GlFramebuffer& operator=(const GlFramebuffer&) = delete;

    GLuint id() const { return m_id; }
    // Attaches textures to GL_COLOR_ATTACHMENT0.. in order; false when the FBO is incomplete.
    bool attach(std::initializer_list<GLuint> textures);
    void bind() const;

private:
    QOpenGLExtraFunctions* m_gl = nullptr;
    GLuint m_id = 0;
};

// A fence that tells when the GPU has reached a point in the command stream.
class GlFence
{
public:
    GlFence() = default;
    ~GlFence() { reset(); }
    GlFence(const GlFence&) = delete;
    GlFence& operator=(const GlFence&) = delete;

    void insert(QOpenGLExtraFunctions* gl);
    bool isSet() const { return m_sync != nullptr; }
    bool isSignalled(); // never waits
    void wait();        // waits for the GPU (only when a ring of readbacks is full)
    void reset();

private:
    QOpenGLExtraFunctions* m_gl = nullptr;
    GLsync m_sync = nullptr;
};

} // namespace sb::render
