#pragma once
// Turns the program texture into NV12 or I420 (BT.709, limited range) on the GPU and reads it
// back through a ring of pixel buffer objects, so the render thread never waits for the frame it
// has just drawn: submit() starts a readback, poll() collects the ones the GPU has finished.
// Under software OpenGL the planes are read as soon as they are drawn instead (see Readback).
// Runs on the render thread with the RenderContext current.

#include "MediaTypes.h"
#include "RenderContext.h"

#include <QList>
#include <QOpenGLBuffer>
#include <QOpenGLShaderProgram>
#include <QOpenGLTexture>
#include <QOpenGLVertexArrayObject>
#include <QRect>

#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <vector>

namespace sb::render {

class ColorConverter
{
public:
    static constexpr int kDefaultRingSize = 3;

    // How the planes reach system memory. Ring: pixel buffer objects the GPU fills while the
    // render thread goes on. Direct: read into the frame within submit(), which is when a
    // software renderer (Mesa's llvmpipe) does the work anyway; its pixel buffers would only add
    // a shader pass and a copy. Automatic: Direct under software OpenGL, Ring otherwise.
    enum class Readback
    {
        Automatic,
        Ring,
        Direct
    };

    // size must be even in both directions (4:2:0 chroma); check isValid().
    ColorConverter(RenderContext& context, QSize size, PixelFormat format,
                   int ringSize = kDefaultRingSize, Readback readback = Readback::Automatic);
    ~ColorConverter(); // makes the context current to free its GL objects
    ColorConverter(const ColorConverter&) = delete;
    ColorConverter& operator=(const ColorConverter&) = delete;

    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    QSize size() const { return m_size; }
    PixelFormat format() const { return m_format; }

    // Converts `programTexture` (size(), upright as the Compositor makes it) and starts reading it
    // back. When every buffer of the ring is busy, the oldest is collected first. `changed`, when
    // given, lists the only canvas rectangles (top-left origin) that differ from the texture this
    // converter was last given; the rest of the planes is kept from then.
    void submit(GLuint programTexture, std::int64_t frameIndex,
                const QList<QRect>* changed = nullptr);
    // Finished frames in submission order; never waits for the GPU.
    std::vector<RawVideoFrame> poll();
    // Waits for every submitted frame (end of stream, tests).
    std::vector<RawVideoFrame> drain();
    int inFlightCount() const { return m_inFlight; }
    bool readsDirectly() const { return m_readDirectly; }

    // Hands a frame's memory back for reuse; safe from any thread (the encoder's).
    void recycle(RawVideoFrame&& frame);

private:
    struct Slot
    {
        QOpenGLBuffer buffer{QOpenGLBuffer::PixelPackBuffer};
        GlFence fence;
        std::int64_t frameIndex = 0;
    };

    QSize blockGridSize() const; // the packed NV12 targets: one texel per 4×2 block
    bool createTexture(std::unique_ptr<QOpenGLTexture>& texture,
                       QOpenGLTexture::TextureFormat textureFormat, QSize size);
    void readPlanes(std::uint8_t* base);
    RawVideoFrame newFrame(std::int64_t frameIndex);
    void collectOldest(bool wait);
    std::vector<std::uint8_t> takeBuffer();

    RenderContext& m_context;
    QOpenGLExtraFunctions* m_gl = nullptr;
    QSize m_size;
    PixelFormat m_format;
    bool m_packed = false;       // NV12 with width % 4 == 0: one pass, a 4×2 block per fragment
    bool m_converted = false;    // the targets hold a whole converted frame
    bool m_readDirectly = false; // no ring: the planes are read within submit()
    QString m_error;
    QOpenGLShaderProgram m_lumaProgram;   // the whole conversion when packed
    QOpenGLShaderProgram m_chromaProgram; // unpacked only
    QOpenGLVertexArrayObject m_vao;
    // Unpacked: R8 luma W×H, then RG8 (NV12) or R8 U and R8 V (I420) at W/2×H/2. Packed: RGBA8
    // luma of the even rows, of the odd rows, and (U, V, U, V), each W/4×H/2.
    std::unique_ptr<QOpenGLTexture> m_luma;
    std::unique_ptr<QOpenGLTexture> m_lumaBottom; // packed only
    std::unique_ptr<QOpenGLTexture> m_chromaA;
    std::unique_ptr<QOpenGLTexture> m_chromaB;     // I420 only
    std::unique_ptr<GlFramebuffer> m_lumaTarget;   // packed: all three targets
    std::unique_ptr<GlFramebuffer> m_chromaTarget; // unpacked only
    std::vector<std::unique_ptr<Slot>> m_ring;
    int m_oldest = 0;
    int m_inFlight = 0;
    std::vector<RawVideoFrame> m_completed;

    std::mutex m_poolMutex;
    std::vector<std::vector<std::uint8_t>> m_pool;
    int m_poolLimit = 0;
};

} // namespace sb::render
