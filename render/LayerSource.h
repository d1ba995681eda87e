#pragma once
// What a layer shows: a picture that may change with the scene time. The compositor asks each
// visible source to catch up with the scene time, and uploads its image to a texture only when
// contentVersion() moved. Sources are driven by the render thread, between two frames (on a small
// machine advanceTo() runs on a thread of Qt's pool while the render thread waits: see
// Compositor::advanceSources); setters that other threads may call say so.

#include <QImage>
#include <QSize>
#include <QString>

#include <atomic>
#include <cstdint>

namespace sb::render {

class LayerSource
{
public:
    virtual ~LayerSource();

    // Brings the content to what it should show at sceneTimeMs; cheap when nothing changed.
    virtual void advanceTo(std::int64_t sceneTimeMs) = 0;
    // The layer's size in pixels before crop and scale (the image may be smaller, e.g. 1×1 for a
    // flat colour, and is stretched to it).
    virtual QSize size() const = 0;
    // kUploadFormat (premultiplied); null while there is nothing to show.
    virtual const QImage& image() const = 0;
    // True when every pixel of image() is fully opaque: the compositor then skips blending,
    // which is most of a layer's cost under software OpenGL. Render thread, after advanceTo().
    virtual bool isOpaque() const { return false; }
    // Changes whenever image() has new pixels.
    std::uint64_t contentVersion() const { return m_contentVersion.load(); }

protected:
    void contentChanged() { ++m_contentVersion; }

private:
    std::atomic<std::uint64_t> m_contentVersion{1};
};

// The format sources hand to the compositor: premultiplied 0xAARRGGBB words, QPainter's fastest
// target, uploaded as BGRA without any conversion (a straight copy under software OpenGL).
inline constexpr QImage::Format kUploadFormat = QImage::Format_ARGB32_Premultiplied;

// Converts any QImage to kUploadFormat.
QImage toUploadFormat(const QImage& image);
// True when no pixel of an image in kUploadFormat lets anything under it show.
bool isFullyOpaque(const QImage& image);

} // namespace sb::render
