#include "ImageSource.h"

#include "RegularFile.h"

#include <QImageReader>

#include <algorithm>

namespace sb::render {

namespace {

// Browsers show GIF frames that ask for 0–10 ms for 100 ms; streamers expect the same.
constexpr int kDefaultFrameDelayMs = 100;
constexpr int kMinimumFrameDelayMs = 20;

const QImage& nullImage()
{
    static const QImage image;
    return image;
}

} // namespace

ImageSource::ImageSource(const QString& path)
{
    m_error = notRegularFileProblem(path);
    if (!m_error.isEmpty())
        return;
    QImageReader reader(path);
    reader.setAutoTransform(true);
    std::int64_t timeMs = 0;
    while (true) {
        QImage frame = reader.read();
        if (frame.isNull())
            break;
        QImage upload = toUploadFormat(frame);
        const bool opaque = isFullyOpaque(upload);
        m_frames.push_back({std::move(upload), timeMs, opaque});
        int delayMs = reader.nextImageDelay();
        if (delayMs < kMinimumFrameDelayMs)
            delayMs = kDefaultFrameDelayMs;
        timeMs += delayMs;
        if (!reader.supportsAnimation() || !reader.canRead())
            break;
    }
    if (m_frames.empty()) {
        m_error = QStringLiteral("cannot read image %1: %2").arg(path, reader.errorString());
        return;
    }
    m_loopDurationMs = m_frames.size() > 1 ? timeMs : 0;
}

ImageSource::ImageSource(const QImage& image)
{
    if (image.isNull()) {
        m_error = QStringLiteral("empty image");
        return;
    }
    QImage upload = toUploadFormat(image);
    const bool opaque = isFullyOpaque(upload);
    m_frames.push_back({std::move(upload), 0, opaque});
}

void ImageSource::advanceTo(std::int64_t sceneTimeMs)
{
    if (m_loopDurationMs <= 0)
        return;
    const std::int64_t local = std::max<std::int64_t>(sceneTimeMs, 0) % m_loopDurationMs;
    const auto next = std::upper_bound(
        m_frames.begin(), m_frames.end(), local,
        [](std::int64_t time, const Frame& frame) { return time < frame.startMs; });
    const int index = int(next - m_frames.begin()) - 1;
    if (index != m_current) {
        m_current = index;
        contentChanged();
    }
}

QSize ImageSource::size() const
{
    return m_frames.empty() ? QSize() : m_frames.front().image.size();
}

bool ImageSource::isOpaque() const
{
    return !m_frames.empty() && m_frames[std::size_t(m_current)].opaque;
}

const QImage& ImageSource::image() const
{
    return m_frames.empty() ? nullImage() : m_frames[std::size_t(m_current)].image;
}

} // namespace sb::render
