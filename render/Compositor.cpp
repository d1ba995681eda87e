#include "Compositor.h"

#include <QLoggingCategory>
#include <QOpenGLContext>
#include <QOpenGLPixelTransferOptions>
#include <QRegion>
#include <QThreadPool>
#include <QtMath>

#include <algorithm>
#include <cmath>
#include <limits>
#include <semaphore>

namespace sb::render {

Q_LOGGING_CATEGORY(lcCompositor, "sb.render.compositor")

namespace {

// Bodies shared by GLSL 3.30 core and GLSL ES 3.00; RenderContext supplies the #version line.
constexpr char kQuadVertexShader[] = R"(
layout(location = 0) in vec2 aPosition; // unit square, (0,0) = the layer's top-left
uniform vec3 uRowX;
uniform vec3 uRowY;
uniform vec4 uTexRect;
out vec2 vTexCoord;
void main()
{
    vec3 p = vec3(aPosition, 1.0);
    gl_Position = vec4(dot(uRowX, p), dot(uRowY, p), 0.0, 1.0);
    vTexCoord = mix(uTexRect.xy, uTexRect.zw, aPosition);
}
)";

constexpr char kQuadFragmentShader[] = R"(
in vec2 vTexCoord;
uniform sampler2D uTexture;
uniform float uOpacity;
out vec4 fragColor;
void main()
{
    fragColor = texture(uTexture, vTexCoord) * uOpacity; // premultiplied
}
)";

constexpr char kFlatFragmentShader[] = R"(
in vec2 vTexCoord;
uniform vec4 uColor; // premultiplied, opacity applied
out vec4 fragColor;
void main()
{
    fragColor = uColor;
}
)";

constexpr GLfloat kUnitSquare[] = {0.0f, 0.0f, 1.0f, 0.0f, 0.0f, 1.0f, 1.0f, 1.0f};

// How a layer's cropped box of width × height lands on the canvas:
// canvas = position + R · S · (local - anchor), with R = [c -s; s c] and S = diag(a, b) for a
// local point in the unit square.
struct Placement
{
    double c;
    double s;
    double a;
    double b;
};

Placement placementOf(const LayerTransform& t, double width, double height)
{
    const double radians = qDegreesToRadians(t.rotationDegrees);
    return {std::cos(radians), std::sin(radians), t.scaleX * width, t.scaleY * height};
}

// Sources that vanish from every scene keep their texture this many frames at most.
constexpr std::uint64_t kCollectEveryFrames = 120;

} // namespace

Compositor::Compositor(RenderContext& context, QSize canvas)
    : m_context(context), m_gl(context.functions()), m_canvas(canvas.boundedTo(kMaximumCanvas))
{
    if (!m_context.makeCurrent() || !m_gl) {
        m_error = QStringLiteral("the OpenGL context is not usable: %1").arg(context.errorString());
        return;
    }
    const QByteArray prologue = m_context.shaderPrologue();
    if (!m_program.addShaderFromSourceCode(QOpenGLShader::Vertex, prologue + kQuadVertexShader) ||
        !m_program.addShaderFromSourceCode(QOpenGLShader::Fragment,
                                           prologue + kQuadFragmentShader) ||
        !m_program.link()) {
        m_error = QStringLiteral("compositor shader: %1").arg(m_program.log());
        qCWarning(lcCompositor).noquote() << m_error;
        return;
    }
    m_rowXLocation = m_program.uniformLocation("uRowX");
    m_rowYLocation = m_program.uniformLocation("uRowY");
    m_texRectLocation = m_program.uniformLocation("uTexRect");
    m_opacityLocation = m_program.uniformLocation("uOpacity");
    m_program.bind();
    m_program.setUniformValue("uTexture", 0);
    if (!m_flatProgram.addShaderFromSourceCode(QOpenGLShader::Vertex,
                                               prologue + kQuadVertexShader) ||
        !m_flatProgram.addShaderFromSourceCode(QOpenGLShader::Fragment,
                                               prologue + kFlatFragmentShader) ||
        !m_flatProgram.link()) {
        m_error = QStringLiteral("compositor shader: %1").arg(m_flatProgram.log());
        qCWarning(lcCompositor).noquote() << m_error;
        return;
    }
    m_flatRowXLocation = m_flatProgram.uniformLocation("uRowX");
    m_flatRowYLocation = m_flatProgram.uniformLocation("uRowY");
    m_flatColorLocation = m_flatProgram.uniformLocation("uColor");
    m_program.bind();

    m_vao.create();
    m_vao.bind();
    m_quadBuffer.create();
    m_quadBuffer.bind();
    m_quadBuffer.allocate(kUnitSquare, sizeof kUnitSquare);
    m_gl->glEnableVertexAttribArray(0);
    m_gl->glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    m_vao.release();
    m_quadBuffer.release();

    if (!createTarget(m_output))
        m_error = QStringLiteral("cannot create a %1×%2 framebuffer")
                      .arg(m_canvas.width())
                      .arg(m_canvas.height());
}

Compositor::~Compositor()
{
    m_context.makeCurrent();
    m_textures.clear();
}

void Compositor::setCanvasSize(QSize canvas)
{
    canvas = canvas.boundedTo(kMaximumCanvas);
    if (canvas == m_canvas)
        return;
    m_canvas = canvas;
    invalidateProgramFrame();
    createTarget(m_output);
    if (m_from.texture) {
        createTarget(m_from);
        createTarget(m_to);
    }
}

std::unique_ptr<QOpenGLTexture> Compositor::createColorTexture(QSize size) const
{
    auto texture = std::make_unique<QOpenGLTexture>(QOpenGLTexture::Target2D);
    texture->setSize(size.width(), size.height());
    texture->setMipLevels(1);
    if (m_context.isOpenGLES()) {
        texture->setFormat(QOpenGLTexture::RGBA8_UNorm);
        texture->allocateStorage();
    } else {
        // An unsized RGBA texture given BGRA words is stored as BGRA: uploads of kUploadFormat
        // images are then plain copies, and Mesa's software rasterizer composites such targets
        // on its 8-bit paths, far cheaper than with an RGBA8 store.
        texture->setFormat(QOpenGLTexture::RGBAFormat);
        texture->allocateStorage(QOpenGLTexture::BGRA, QOpenGLTexture::UInt32_RGBA8_Rev);
    }
    texture->setMinMagFilters(QOpenGLTexture::Linear, QOpenGLTexture::Linear);
    texture->setWrapMode(QOpenGLTexture::ClampToEdge);
    return texture;
}

bool Compositor::createTarget(Target& target)
{
    target.framebuffer.reset();
    target.texture = createColorTexture(m_canvas);
    target.framebuffer = std::make_unique<GlFramebuffer>(m_gl);
    const bool complete = target.framebuffer->attach({target.texture->textureId()});
    m_gl->glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return complete;
}

GLuint Compositor::programTexture() const
{
    return m_output.texture ? m_output.texture->textureId() : 0;
}

GLuint Compositor::render(const Scene& scene, std::int64_t sceneTimeMs)
{
    if (!isValid())
        return 0;
    if (m_transitionTarget) {
        if (m_transitionStartMs < 0)
            m_transitionStartMs = sceneTimeMs;
        const double elapsed = double(sceneTimeMs - m_transitionStartMs);
        const double progress =
            m_transition.durationMs > 0 ? elapsed / m_transition.durationMs : 1.0;
        if (progress < 1.0 && m_transition.type != Transition::Type::Cut)
            return renderTransition(scene, *m_transitionTarget, m_transition, progress,
                                    sceneTimeMs);
        const Scene* target = m_transitionTarget;
        m_transitionTarget = nullptr;
        drawScene(m_output, *target, sceneTimeMs, true);
    } else {
        drawScene(m_output, scene, sceneTimeMs, true);
    }
    if (++m_frames % kCollectEveryFrames == 0)
        collectUnusedTextures();
    return programTexture();
}

void Compositor::startTransition(const Scene* to, const Transition& transition)
{
    m_transitionTarget = to;
    m_transition = transition;
    m_transitionStartMs = -1;
}

GLuint Compositor::renderTransition(const Scene& from, const Scene& to,
                                    const Transition& transition, double progress,
                                    std::int64_t sceneTimeMs)
{
    if (!isValid())
        return 0;
    invalidateProgramFrame();
    const double eased = transition.eased(progress);
    if (transition.type == Transition::Type::Cut || eased >= 1.0) {
        drawScene(m_output, to, sceneTimeMs);
        return programTexture();
    }
    if (!m_from.texture && !(createTarget(m_from) && createTarget(m_to))) {
        drawScene(m_output, to, sceneTimeMs);
        return programTexture();
    }
    drawScene(m_from, from, sceneTimeMs);
    drawScene(m_to, to, sceneTimeMs);

    m_output.framebuffer->bind();
    m_gl->glViewport(0, 0, m_canvas.width(), m_canvas.height());
    m_gl->glClearColor(0.0f, 0.0f, 0.0f, 1.0f);
    m_gl->glClear(GL_COLOR_BUFFER_BIT);
    m_gl->glEnable(GL_BLEND);
    m_gl->glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    m_program.bind();
    m_vao.bind();
    if (transition.type == Transition::Type::Fade) {
        drawTarget(m_from, 0.0, 0.0, 1.0);
        drawTarget(m_to, 0.0, 0.0, eased);
    } else {
        // The outgoing scene leaves towards `direction`; the incoming one follows it in.
        double dx = 0.0;
        double dy = 0.0;
        switch (transition.direction) {
        case Transition::Direction::Left:
            dx = -m_canvas.width();
            break;
        case Transition::Direction::Right:
            dx = m_canvas.width();
            break;
        case Transition::Direction::Up:
            dy = -m_canvas.height();
            break;
        case Transition::Direction::Down:
            dy = m_canvas.height();
            break;
        }
        drawTarget(m_from, dx * eased, dy * eased, 1.0);
        drawTarget(m_to, dx * (eased - 1.0), dy * (eased - 1.0), 1.0);
    }
    m_vao.release();
    return programTexture();
}

void Compositor::advanceSources(const Scene& scene, std::int64_t sceneTimeMs)
{
    // Every source keeps its own timeline, hidden under other layers or not (a covered video
    // goes on playing).
    const auto advance = [&scene, sceneTimeMs] {
        for (const Layer& layer : scene.layers()) {
            if (layer.visible && layer.source)
                layer.source->advanceTo(sceneTimeMs);
        }
    };
    // Sources paint with QPainter. Qt's raster engine splits each large fill, blend and smooth
    // scale across its global thread pool and waits for the pieces, unless the painting thread
    // is one of that pool's: on a machine of few cores that is dozens of hand-overs a frame to
    // threads that compete with the encoder's (bench_window, streaming: the render and pool
    // threads took 5.5 ms of CPU a frame, 4.0 ms this way). There the sources advance on a
    // thread of the pool, one hand-over a frame, and Qt paints serially; when the pool is busy
    // they advance here, as they otherwise would.
    if (!RenderContext::hasFewCores()) {
        advance();
        return;
    }
    std::binary_semaphore done{0};
    if (!QThreadPool::globalInstance()->tryStart([&] {
            advance();
            done.release();
        })) {
        advance();
        return;
    }
    done.acquire();
}

void Compositor::drawScene(const Target& target, const Scene& scene, std::int64_t sceneTimeMs,
                           bool incremental)
{
    advanceSources(scene, sceneTimeMs);
    const std::vector<Layer>& layers = scene.layers();
    // Start at the topmost layer that hides the whole canvas; a flat one becomes the clear
    // colour. Under software OpenGL a full-canvas layer costs as much as the rest of the frame.
    std::size_t first = 0;
    QColor clear = scene.background();
    for (std::size_t i = layers.size(); i-- > 0;) {
        if (!coversCanvas(layers[i]))
            continue;
        first = i;
        const QImage& image = layers[i].source->image();
        if (image.width() == 1 && image.height() == 1) {
            clear = QColor::fromRgba(image.pixel(0, 0));
            first = i + 1;
        }
        break;
    }

    // What changed since the program frame was last drawn: the places a changed layer was and
    // is. A different set of layers, order or background redraws everything.
    std::vector<DrawnLayer> drawn;
    drawn.reserve(layers.size());
    for (const Layer& layer : layers)
        drawn.push_back(describe(layer));
    const QRect canvasRect(QPoint(0, 0), m_canvas);
    bool everything = !incremental || !m_programValid || drawn.size() != m_drawn.size() ||
                      first != m_drawnFirst || clear != m_drawnClear;
    QRegion changed;
    for (std::size_t i = first; !everything && i < drawn.size(); ++i) {
        const DrawnLayer& before = m_drawn[i];
        const DrawnLayer& now = drawn[i];
        if (before.source != now.source || before.id != now.id)
            everything = true;
        else if (!before.looksTheSame(now))
            changed += before.bounds.united(now.bounds);
    }
    QList<QRect> rects;
    if (everything) {
        rects = {canvasRect};
    } else {
        changed &= canvasRect;
        rects = QList<QRect>(changed.begin(), changed.end());
        if (rects.size() > 8) // many bands: one box is cheaper than many passes
            rects = {changed.boundingRect()};
    }
    if (&target == &m_output) {
        m_programValid = incremental;
        m_drawn = std::move(drawn);
        m_drawnFirst = first;
        m_drawnClear = clear;
        m_changedEverything = everything;
        m_changedRects = rects;
    }
    if (rects.isEmpty())
        return; // the same picture as before

    target.framebuffer->bind();
    m_gl->glViewport(0, 0, m_canvas.width(), m_canvas.height());
    const float alpha = float(clear.alphaF());
    m_gl->glClearColor(float(clear.redF()) * alpha, float(clear.greenF()) * alpha,
                       float(clear.blueF()) * alpha, alpha);
    m_gl->glEnable(GL_BLEND);
    m_blending = true;
    m_gl->glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    m_program.bind();
    m_vao.bind();
    const bool clipped = !everything;
    if (clipped)
        m_gl->glEnable(GL_SCISSOR_TEST);
    for (const QRect& rect : rects) {
        if (clipped) // GL's window origin is the bottom-left corner
            m_gl->glScissor(rect.x(), m_canvas.height() - rect.y() - rect.height(), rect.width(),
                            rect.height());
        m_gl->glClear(GL_COLOR_BUFFER_BIT);
        for (std::size_t i = first; i < layers.size(); ++i) {
            if (!clipped || m_drawn[i].bounds.intersects(rect)) // clipped: the program frame
                drawLayer(layers[i]);
        }
    }
    if (clipped)
        m_gl->glDisable(GL_SCISSOR_TEST);
    setBlending(true);
    m_vao.release();
}

void Compositor::invalidateProgramFrame()
{
    m_programValid = false;
    m_changedEverything = true;
    m_changedRects = {QRect(QPoint(0, 0), m_canvas)};
}

bool Compositor::DrawnLayer::looksTheSame(const DrawnLayer& other) const
{
    const auto sameTransform = [](const LayerTransform& a, const LayerTransform& b) {
        return a.x == b.x && a.y == b.y && a.scaleX == b.scaleX && a.scaleY == b.scaleY &&
               a.rotationDegrees == b.rotationDegrees && a.anchorX == b.anchorX &&
               a.anchorY == b.anchorY;
    };
    const auto sameCrop = [](const LayerCrop& a, const LayerCrop& b) {
        return a.left == b.left && a.top == b.top && a.right == b.right && a.bottom == b.bottom;
    };
    // Nothing drawn before and after: whatever else changed shows nowhere.
    if (bounds.isEmpty() && other.bounds.isEmpty())
        return true;
    return version == other.version && size == other.size && opacity == other.opacity &&
           bounds == other.bounds && sameTransform(transform, other.transform) &&
           sameCrop(crop, other.crop);
}

Compositor::DrawnLayer Compositor::describe(const Layer& layer) const
{
    DrawnLayer d;
    d.source = layer.source.get();
    d.id = layer.id;
    d.transform = layer.transform;
    d.crop = layer.crop;
    d.opacity = layer.opacity;
    if (!layer.source)
        return d;
    const LayerSource& source = *layer.source;
    d.version = source.contentVersion();
    d.size = source.size();
    const double width = d.size.width() - layer.crop.left - layer.crop.right;
    const double height = d.size.height() - layer.crop.top - layer.crop.bottom;
    if (!layer.visible || layer.opacity <= 0.0 || width <= 0.0 || height <= 0.0 ||
        source.image().isNull())
        return d;
    // The corners of the placed box (as drawLayer places it), rounded outwards with a pixel to
    // spare for filtering at the edges.
    const LayerTransform& t = layer.transform;
    const auto [c, s, a, b] = placementOf(t, width, height);
    double left = std::numeric_limits<double>::max();
    double top = left;
    double right = std::numeric_limits<double>::lowest();
    double bottom = right;
    for (const double u : {0.0, 1.0}) {
        for (const double v : {0.0, 1.0}) {
            const double x = t.x + c * a * (u - t.anchorX) - s * b * (v - t.anchorY);
            const double y = t.y + s * a * (u - t.anchorX) + c * b * (v - t.anchorY);
            left = std::min(left, x);
            right = std::max(right, x);
            top = std::min(top, y);
            bottom = std::max(bottom, y);
        }
    }
    const QRect box(QPoint(int(std::floor(left)) - 1, int(std::floor(top)) - 1),
                    QPoint(int(std::ceil(right)), int(std::ceil(bottom))));
    d.bounds = box.intersected(QRect(QPoint(0, 0), m_canvas));
    return d;
}

bool Compositor::coversCanvas(const Layer& layer) const
{
    if (!layer.visible || layer.opacity < 1.0 || !layer.source || !layer.source->isOpaque() ||
        layer.source->image().isNull())
        return false;
    const LayerTransform& t = layer.transform;
    if (t.rotationDegrees != 0.0 || t.scaleX <= 0.0 || t.scaleY <= 0.0)
        return false;
    const QSize size = layer.source->size();
    const LayerCrop& crop = layer.crop;
    const double width = t.scaleX * (size.width() - crop.left - crop.right);
    const double height = t.scaleY * (size.height() - crop.top - crop.bottom);
    const double left = t.x - width * t.anchorX;
    const double top = t.y - height * t.anchorY;
    return left <= 0.0 && top <= 0.0 && left + width >= m_canvas.width() &&
           top + height >= m_canvas.height();
}

void Compositor::drawLayer(const Layer& layer)
{
    if (!layer.visible || layer.opacity <= 0.0 || !layer.source)
        return;
    LayerSource& source = *layer.source;
    const QSize size = source.size();
    const LayerCrop& crop = layer.crop;
    const double width = size.width() - crop.left - crop.right;
    const double height = size.height() - crop.top - crop.bottom;
    if (width <= 0.0 || height <= 0.0 || source.image().isNull())
        return;
    QOpenGLTexture* texture = textureFor(layer.source);
    if (!texture)
        return;

    // The placement (see placementOf), then to clip space with the canvas top at +1.
    const LayerTransform& t = layer.transform;
    const auto [c, s, a, b] = placementOf(t, width, height);
    const double kx = 2.0 / m_canvas.width();
    const double ky = 2.0 / m_canvas.height();
    Quad quad{};
    quad.rowX[0] = float(kx * c * a);
    quad.rowX[1] = float(-kx * s * b);
    quad.rowX[2] = float(kx * (t.x - c * a * t.anchorX + s * b * t.anchorY) - 1.0);
    quad.rowY[0] = float(-ky * s * a);
    quad.rowY[1] = float(-ky * c * b);
    quad.rowY[2] = float(1.0 - ky * (t.y - s * a * t.anchorX - c * b * t.anchorY));
    quad.texRect[0] = float(double(crop.left) / size.width());
    quad.texRect[1] = float(double(crop.top) / size.height());
    quad.texRect[2] = float(double(size.width() - crop.right) / size.width());
    quad.texRect[3] = float(double(size.height() - crop.bottom) / size.height());
    quad.opacity = float(std::clamp(layer.opacity, 0.0, 1.0));
    // Opaque pictures replace what is under them: no blending (a read per pixel saved).
    setBlending(!(quad.opacity >= 1.0f && source.isOpaque()));
    const QImage& image = source.image();
    if (image.width() == 1 && image.height() == 1) {
        const QRgb pixel = image.pixel(0, 0); // premultiplied already
        const float color[4] = {float(qRed(pixel)) / 255.0f * quad.opacity,
                                float(qGreen(pixel)) / 255.0f * quad.opacity,
                                float(qBlue(pixel)) / 255.0f * quad.opacity,
                                float(qAlpha(pixel)) / 255.0f * quad.opacity};
        drawFlat(quad, color);
        return;
    }
    // Texels that land exactly on pixels need no filtering; nearest sampling is exact there and
    // far cheaper in software rendering.
    const double left = t.x - a * t.anchorX;
    const double top = t.y - b * t.anchorY;
    const bool pixelAligned = t.rotationDegrees == 0.0 && t.scaleX == 1.0 && t.scaleY == 1.0 &&
                              left == std::floor(left) && top == std::floor(top);
    CachedTexture& cached = m_textures[layer.source.get()];
    if (cached.nearest != pixelAligned) {
        cached.nearest = pixelAligned;
        texture->setMinMagFilters(pixelAligned ? QOpenGLTexture::Nearest : QOpenGLTexture::Linear,
                                  pixelAligned ? QOpenGLTexture::Nearest : QOpenGLTexture::Linear);
    }
    drawQuad(texture->textureId(), quad);
}

void Compositor::setBlending(bool enabled)
{
    if (enabled == m_blending)
        return;
    m_blending = enabled;
    if (enabled)
        m_gl->glEnable(GL_BLEND);
    else
        m_gl->glDisable(GL_BLEND);
}

void Compositor::drawFlat(const Quad& quad, const float premultipliedColor[4])
{
    m_flatProgram.bind();
    m_gl->glUniform3fv(m_flatRowXLocation, 1, quad.rowX);
    m_gl->glUniform3fv(m_flatRowYLocation, 1, quad.rowY);
    m_gl->glUniform4fv(m_flatColorLocation, 1, premultipliedColor);
    m_gl->glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    m_program.bind();
}

void Compositor::drawTarget(const Target& source, double dx, double dy, double opacity)
{
    const double kx = 2.0 / m_canvas.width();
    const double ky = 2.0 / m_canvas.height();
    Quad quad{};
    quad.rowX[0] = 2.0f;
    quad.rowX[2] = float(kx * dx - 1.0);
    quad.rowY[1] = -2.0f;
    quad.rowY[2] = float(1.0 - ky * dy);
    // Render targets are upright in GL terms: the canvas top is at v = 1.
    quad.texRect[0] = 0.0f;
    quad.texRect[1] = 1.0f;
    quad.texRect[2] = 1.0f;
    quad.texRect[3] = 0.0f;
    quad.opacity = float(std::clamp(opacity, 0.0, 1.0));
    drawQuad(source.texture->textureId(), quad);
}

void Compositor::drawQuad(GLuint texture, const Quad& quad)
{
    m_gl->glUniform3fv(m_rowXLocation, 1, quad.rowX);
    m_gl->glUniform3fv(m_rowYLocation, 1, quad.rowY);
    m_gl->glUniform4fv(m_texRectLocation, 1, quad.texRect);
    m_gl->glUniform1f(m_opacityLocation, quad.opacity);
    m_gl->glActiveTexture(GL_TEXTURE0);
    m_gl->glBindTexture(GL_TEXTURE_2D, texture);
    m_gl->glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

QOpenGLTexture* Compositor::textureFor(const std::shared_ptr<LayerSource>& source)
{
    CachedTexture& cached = m_textures[source.get()];
    if (cached.owner.lock() != source) { // new source, or a new one at a freed address
        cached.owner = source;
        cached.texture.reset();
        cached.version = 0;
    }
    const std::uint64_t version = source->contentVersion();
    if (cached.texture && cached.version == version)
        return cached.texture.get();

    const QImage& image = source->image();
    if (image.format() != kUploadFormat) {
        qCWarning(lcCompositor) << "layer source gave image format" << image.format();
        return nullptr;
    }
    if (!cached.texture || cached.texture->width() != image.width() ||
        cached.texture->height() != image.height())
        cached.texture = createColorTexture(image.size());
    QOpenGLPixelTransferOptions options;
    options.setAlignment(4);
    if (m_context.isOpenGLES()) { // BGRA is an extension there
        const QImage rgba = image.convertToFormat(QImage::Format_RGBA8888_Premultiplied);
        options.setRowLength(int(rgba.bytesPerLine() / 4));
        cached.texture->setData(0, QOpenGLTexture::RGBA, QOpenGLTexture::UInt8, rgba.constBits(),
                                &options);
    } else {
        options.setRowLength(int(image.bytesPerLine() / 4));
        cached.texture->setData(0, QOpenGLTexture::BGRA, QOpenGLTexture::UInt32_RGBA8_Rev,
                                image.constBits(), &options);
    }
    cached.version = version;
    ++m_uploads;
    return cached.texture.get();
}

void Compositor::collectUnusedTextures()
{
    std::erase_if(m_textures, [](const auto& entry) { return entry.second.owner.expired(); });
}

QImage Compositor::readBackRgba()
{
    QImage image(m_canvas, QImage::Format_RGBA8888_Premultiplied);
    if (!isValid())
        return {};
    m_output.framebuffer->bind();
    m_gl->glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
    m_gl->glPixelStorei(GL_PACK_ALIGNMENT, 4);
    m_gl->glReadPixels(0, 0, m_canvas.width(), m_canvas.height(), GL_RGBA, GL_UNSIGNED_BYTE,
                       image.bits());
    return image.mirrored();
}

} // namespace sb::render
