#include "ColorConverter.h"

#include <QLoggingCategory>

#include <algorithm>
#include <cstring>

namespace sb::render {

Q_LOGGING_CATEGORY(lcColorConverter, "sb.render.convert")

namespace {

// One triangle that covers the target; no vertex buffer needed.
constexpr char kFullScreenVertexShader[] = R"(
void main()
{
    vec2 corner = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
    gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
}
)";

// Output row 0 is the top of the picture, so glReadPixels returns the planes top row first.
constexpr char kLumaFragmentShader[] = R"(
uniform sampler2D uSource;
out vec4 fragLuma;
void main()
{
    ivec2 size = textureSize(uSource, 0);
    ivec2 p = ivec2(gl_FragCoord.xy);
    vec3 rgb = texelFetch(uSource, ivec2(p.x, size.y - 1 - p.y), 0).rgb;
    float y = dot(vec3(0.2126, 0.7152, 0.0722), rgb);
    fragLuma = vec4((16.0 + 219.0 * y) / 255.0, 0.0, 0.0, 1.0);
}
)";

// Each chroma sample is the mean of a 2×2 block: one bilinear fetch at the block's centre.
// NV12 writes (U, V) to an RG8 target; I420 writes U and V to two R8 targets.
constexpr char kChromaFragmentShader[] = R"(
uniform sampler2D uSource;
layout(location = 0) out vec4 fragUV;
layout(location = 1) out vec4 fragV;
void main()
{
    vec2 size = vec2(textureSize(uSource, 0));
    vec2 c = floor(gl_FragCoord.xy);
    vec2 at = vec2(2.0 * c.x + 1.0, size.y - 1.0 - 2.0 * c.y) / size;
    vec3 rgb = texture(uSource, at).rgb;
    float y = dot(vec3(0.2126, 0.7152, 0.0722), rgb);
    float u = (128.0 + 224.0 * (rgb.b - y) / 1.8556) / 255.0;
    float v = (128.0 + 224.0 * (rgb.r - y) / 1.5748) / 255.0;
    fragUV = vec4(u, v, 0.0, 1.0);
    fragV = vec4(v, 0.0, 0.0, 1.0);
}
)";

// NV12 in one pass when the width is a multiple of 4: each fragment reads a 4×2 block of the
// picture once and writes its eight luma bytes (two RGBA8 targets, one per row) and the (U, V)
// pairs of its two 2×2 blocks (a third target), exactly in the planes' byte order. Every pixel is
// read once and nothing is filtered: the conversion's cost under software rendering, and a
// quarter of the invocations on a GPU.
constexpr char kPackedNv12FragmentShader[] = R"(
uniform sampler2D uSource;
layout(location = 0) out vec4 fragLumaTop;
layout(location = 1) out vec4 fragLumaBottom;
layout(location = 2) out vec4 fragUV;
const vec3 kLuma = vec3(0.2126, 0.7152, 0.0722);
// (U, V) of a 2×2 block from its mean colour and mean luma (luma is linear in the colour).
vec2 chroma(vec3 rgb, float y)
{
    return vec2((128.0 + 224.0 * (rgb.b - y) / 1.8556) / 255.0,
                (128.0 + 224.0 * (rgb.r - y) / 1.5748) / 255.0);
}
void main()
{
    ivec2 size = textureSize(uSource, 0);
    ivec2 c = ivec2(gl_FragCoord.xy);
    int x = 4 * c.x;
    int top = size.y - 1 - 2 * c.y; // the source is upright: picture row 0 is its last row
    vec3 a0 = texelFetch(uSource, ivec2(x, top), 0).rgb;
    vec3 a1 = texelFetch(uSource, ivec2(x + 1, top), 0).rgb;
    vec3 a2 = texelFetch(uSource, ivec2(x + 2, top), 0).rgb;
    vec3 a3 = texelFetch(uSource, ivec2(x + 3, top), 0).rgb;
    vec3 b0 = texelFetch(uSource, ivec2(x, top - 1), 0).rgb;
    vec3 b1 = texelFetch(uSource, ivec2(x + 1, top - 1), 0).rgb;
    vec3 b2 = texelFetch(uSource, ivec2(x + 2, top - 1), 0).rgb;
    vec3 b3 = texelFetch(uSource, ivec2(x + 3, top - 1), 0).rgb;
    vec4 ya = vec4(dot(kLuma, a0), dot(kLuma, a1), dot(kLuma, a2), dot(kLuma, a3));
    vec4 yb = vec4(dot(kLuma, b0), dot(kLuma, b1), dot(kLuma, b2), dot(kLuma, b3));
    fragLumaTop = (16.0 + 219.0 * ya) / 255.0;
    fragLumaBottom = (16.0 + 219.0 * yb) / 255.0;
    vec2 yBlocks = 0.25 * (ya.xz + ya.yw + yb.xz + yb.yw);
    fragUV = vec4(chroma(0.25 * (a0 + a1 + b0 + b1), yBlocks.x),
                  chroma(0.25 * (a2 + a3 + b2 + b3), yBlocks.y));
}
)";

} // namespace

ColorConverter::ColorConverter(RenderContext& context, QSize size, PixelFormat format, int ringSize,
                               Readback readback)
    : m_context(context), m_gl(context.functions()), m_size(size), m_format(format)
{
    if (size.isEmpty() || size.width() % 2 != 0 || size.height() % 2 != 0) {
        m_error = QStringLiteral("the frame size must be even, not %1×%2")
                      .arg(size.width())
                      .arg(size.height());
        return;
    }
    if (!m_context.makeCurrent() || !m_gl) {
        m_error = QStringLiteral("the OpenGL context is not usable: %1").arg(context.errorString());
        return;
    }
    const QByteArray prologue = m_context.shaderPrologue();
    const auto build = [&](QOpenGLShaderProgram& program, const char* fragment) {
        return program.addShaderFromSourceCode(QOpenGLShader::Vertex,
                                               prologue + kFullScreenVertexShader) &&
               program.addShaderFromSourceCode(QOpenGLShader::Fragment, prologue + fragment) &&
               program.link();
    };
    m_packed = format == PixelFormat::Nv12 && size.width() % 4 == 0;
    if (m_packed) {
        if (!build(m_lumaProgram, kPackedNv12FragmentShader)) {
            m_error = QStringLiteral("NV12 shader: %1").arg(m_lumaProgram.log());
            return;
        }
    } else {
        if (!build(m_lumaProgram, kLumaFragmentShader)) {
            m_error = QStringLiteral("luma shader: %1").arg(m_lumaProgram.log());
            return;
        }
        if (!build(m_chromaProgram, kChromaFragmentShader)) {
            m_error = QStringLiteral("chroma shader: %1").arg(m_chromaProgram.log());
            return;
        }
    }
    m_vao.create();

    const QSize chromaSize = size / 2;
    bool ok = true;
    m_lumaTarget = std::make_unique<GlFramebuffer>(m_gl);
    if (m_packed) {
        const QSize blocks = blockGridSize();
        ok = createTexture(m_luma, QOpenGLTexture::RGBA8_UNorm, blocks) &&
             createTexture(m_lumaBottom, QOpenGLTexture::RGBA8_UNorm, blocks) &&
             createTexture(m_chromaA, QOpenGLTexture::RGBA8_UNorm, blocks) &&
             m_lumaTarget->attach(
                 {m_luma->textureId(), m_lumaBottom->textureId(), m_chromaA->textureId()});
    } else {
        ok = createTexture(m_luma, QOpenGLTexture::R8_UNorm, size) &&
             m_lumaTarget->attach({m_luma->textureId()});
        m_chromaTarget = std::make_unique<GlFramebuffer>(m_gl);
        if (format == PixelFormat::Nv12) {
            ok = ok && createTexture(m_chromaA, QOpenGLTexture::RG8_UNorm, chromaSize) &&
                 m_chromaTarget->attach({m_chromaA->textureId()});
        } else {
            ok = ok && createTexture(m_chromaA, QOpenGLTexture::R8_UNorm, chromaSize) &&
                 createTexture(m_chromaB, QOpenGLTexture::R8_UNorm, chromaSize) &&
                 m_chromaTarget->attach({m_chromaA->textureId(), m_chromaB->textureId()});
        }
    }
    m_gl->glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (!ok) {
        m_error = QStringLiteral("cannot create the colour conversion targets");
        return;
    }

    // Frames on their way to the encoder and back: one being filled, one waiting, one encoded.
    m_poolLimit = std::max(ringSize, 2);
    m_readDirectly = readback == Readback::Direct ||
                     (readback == Readback::Automatic && m_context.isSoftwareRenderer());
    const int bytes = int(RawVideoFrame::byteSize(size.width(), size.height()));
    for (int i = 0; !m_readDirectly && i < std::max(ringSize, 2); ++i) {
        auto slot = std::make_unique<Slot>();
        slot->buffer.setUsagePattern(QOpenGLBuffer::StreamRead);
        slot->buffer.create();
        slot->buffer.bind();
        slot->buffer.allocate(bytes);
        slot->buffer.release();
        m_ring.push_back(std::move(slot));
    }
}

QSize ColorConverter::blockGridSize() const
{
    return QSize(m_size.width() / 4, m_size.height() / 2);
}

ColorConverter::~ColorConverter()
{
    m_context.makeCurrent();
    m_ring.clear();
}

bool ColorConverter::createTexture(std::unique_ptr<QOpenGLTexture>& texture,
                                   QOpenGLTexture::TextureFormat textureFormat, QSize size)
{
    texture = std::make_unique<QOpenGLTexture>(QOpenGLTexture::Target2D);
    texture->setFormat(textureFormat);
    texture->setSize(size.width(), size.height());
    texture->setMipLevels(1);
    texture->allocateStorage();
    texture->setMinMagFilters(QOpenGLTexture::Nearest, QOpenGLTexture::Nearest);
    texture->setWrapMode(QOpenGLTexture::ClampToEdge);
    return texture->isStorageAllocated();
}

void ColorConverter::submit(GLuint programTexture, std::int64_t frameIndex,
                            const QList<QRect>* changed)
{
    if (!isValid())
        return;
    if (!m_readDirectly && m_inFlight == int(m_ring.size()))
        collectOldest(true);

    m_gl->glDisable(GL_BLEND);
    m_gl->glActiveTexture(GL_TEXTURE0);
    m_gl->glBindTexture(GL_TEXTURE_2D, programTexture);
    m_vao.bind();
    const int width = m_size.width();
    const int height = m_size.height();
    m_lumaTarget->bind();
    m_lumaProgram.bind();
    if (m_packed && changed && m_converted) {
        // Only the blocks that a changed rectangle touches; the targets keep the others.
        m_gl->glViewport(0, 0, blockGridSize().width(), blockGridSize().height());
        m_gl->glEnable(GL_SCISSOR_TEST);
        for (const QRect& rect : *changed) {
            const int left = rect.left() / 4;
            const int top = rect.top() / 2; // target row j holds picture rows 2j and 2j + 1
            const int right = (rect.right() + 4) / 4;
            const int bottom = (rect.bottom() + 2) / 2;
            m_gl->glScissor(left, top, right - left, bottom - top);
            m_gl->glDrawArrays(GL_TRIANGLES, 0, 3);
        }
        m_gl->glDisable(GL_SCISSOR_TEST);
    } else if (m_packed) {
        m_gl->glViewport(0, 0, blockGridSize().width(), blockGridSize().height());
        m_gl->glDrawArrays(GL_TRIANGLES, 0, 3);
        m_converted = true;
    } else {
        m_gl->glViewport(0, 0, width, height);
        m_gl->glDrawArrays(GL_TRIANGLES, 0, 3);
        m_chromaTarget->bind();
        m_gl->glViewport(0, 0, width / 2, height / 2);
        m_chromaProgram.bind();
        m_gl->glDrawArrays(GL_TRIANGLES, 0, 3);
    }
    m_vao.release();

    if (m_readDirectly) {
        // Software OpenGL has drawn the planes by now: read them straight into the frame.
        RawVideoFrame frame = newFrame(frameIndex);
        readPlanes(frame.data.data());
        m_gl->glBindFramebuffer(GL_FRAMEBUFFER, 0);
        m_completed.push_back(std::move(frame));
        return;
    }
    // Start the readback into the next buffer of the ring.
    Slot& slot = *m_ring[std::size_t((m_oldest + m_inFlight) % int(m_ring.size()))];
    slot.buffer.bind();
    readPlanes(nullptr); // offsets into the bound buffer
    slot.buffer.release();
    m_gl->glBindFramebuffer(GL_FRAMEBUFFER, 0);
    slot.fence.insert(m_gl);
    slot.frameIndex = frameIndex;
    ++m_inFlight;
}

void ColorConverter::readPlanes(std::uint8_t* base)
{
    // `base` is null while a pixel pack buffer is bound: the pointers are offsets into it.
    // Widths need not be multiples of 4.
    const int width = m_size.width();
    const int height = m_size.height();
    const auto at = [base](std::size_t bytes) -> void* {
        return base ? base + bytes : reinterpret_cast<void*>(bytes);
    };
    const std::size_t lumaBytes = std::size_t(width) * height;
    m_gl->glPixelStorei(GL_PACK_ALIGNMENT, 1);
    if (m_packed) {
        // The two luma targets hold the even and the odd rows: each lands on every other row of
        // the plane (a row length of two rows, in RGBA pixels), the odd ones one row further.
        const QSize blocks = blockGridSize();
        m_lumaTarget->bind();
        m_gl->glPixelStorei(GL_PACK_ROW_LENGTH, width / 2);
        m_gl->glReadBuffer(GL_COLOR_ATTACHMENT0);
        m_gl->glReadPixels(0, 0, blocks.width(), blocks.height(), GL_RGBA, GL_UNSIGNED_BYTE, at(0));
        m_gl->glReadBuffer(GL_COLOR_ATTACHMENT1);
        m_gl->glReadPixels(0, 0, blocks.width(), blocks.height(), GL_RGBA, GL_UNSIGNED_BYTE,
                           at(std::size_t(width)));
        m_gl->glPixelStorei(GL_PACK_ROW_LENGTH, 0);
        m_gl->glReadBuffer(GL_COLOR_ATTACHMENT2);
        m_gl->glReadPixels(0, 0, blocks.width(), blocks.height(), GL_RGBA, GL_UNSIGNED_BYTE,
                           at(lumaBytes));
    } else {
        m_lumaTarget->bind();
        m_gl->glReadBuffer(GL_COLOR_ATTACHMENT0);
        m_gl->glReadPixels(0, 0, width, height, GL_RED, GL_UNSIGNED_BYTE, at(0));
        m_chromaTarget->bind();
        if (m_format == PixelFormat::Nv12) {
            m_gl->glReadPixels(0, 0, width / 2, height / 2, GL_RG, GL_UNSIGNED_BYTE, at(lumaBytes));
        } else {
            m_gl->glReadPixels(0, 0, width / 2, height / 2, GL_RED, GL_UNSIGNED_BYTE,
                               at(lumaBytes));
            m_gl->glReadBuffer(GL_COLOR_ATTACHMENT1);
            m_gl->glReadPixels(0, 0, width / 2, height / 2, GL_RED, GL_UNSIGNED_BYTE,
                               at(lumaBytes + lumaBytes / 4));
        }
    }
    m_gl->glReadBuffer(GL_COLOR_ATTACHMENT0);
    m_gl->glPixelStorei(GL_PACK_ALIGNMENT, 4);
}

RawVideoFrame ColorConverter::newFrame(std::int64_t frameIndex)
{
    RawVideoFrame frame;
    frame.width = m_size.width();
    frame.height = m_size.height();
    frame.format = m_format;
    frame.frameIndex = frameIndex;
    frame.data = takeBuffer();
    frame.data.resize(RawVideoFrame::byteSize(frame.width, frame.height));
    return frame;
}

std::vector<RawVideoFrame> ColorConverter::poll()
{
    while (m_inFlight > 0 && m_ring[std::size_t(m_oldest)]->fence.isSignalled())
        collectOldest(false);
    return std::exchange(m_completed, {});
}

std::vector<RawVideoFrame> ColorConverter::drain()
{
    while (m_inFlight > 0)
        collectOldest(true);
    return std::exchange(m_completed, {});
}

void ColorConverter::collectOldest(bool wait)
{
    Slot& slot = *m_ring[std::size_t(m_oldest)];
    if (wait)
        slot.fence.wait();
    slot.fence.reset();

    RawVideoFrame frame = newFrame(slot.frameIndex);
    const std::size_t bytes = frame.data.size();
    slot.buffer.bind();
    if (const void* mapped = slot.buffer.mapRange(0, int(bytes), QOpenGLBuffer::RangeRead)) {
        std::memcpy(frame.data.data(), mapped, bytes);
        slot.buffer.unmap();
    } else {
        qCWarning(lcColorConverter)
            << "cannot map the readback buffer of frame" << frame.frameIndex;
    }
    slot.buffer.release();
    m_completed.push_back(std::move(frame));
    m_oldest = (m_oldest + 1) % int(m_ring.size());
    --m_inFlight;
}

void ColorConverter::recycle(RawVideoFrame&& frame)
{
    if (frame.width != m_size.width() || frame.height != m_size.height())
        return;
    std::lock_guard lock(m_poolMutex);
    if (int(m_pool.size()) < m_poolLimit)
        m_pool.push_back(std::move(frame.data));
}

std::vector<std::uint8_t> ColorConverter::takeBuffer()
{
    std::lock_guard lock(m_poolMutex);
    if (m_pool.empty())
        return {};
    std::vector<std::uint8_t> buffer = std::move(m_pool.back());
    m_pool.pop_back();
    return buffer;
}

} // namespace sb::render
