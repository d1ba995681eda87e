#include "PaintedSource.h"

namespace sb::render {

PaintedSource::PaintedSource(const QSize& size, Painter painter)
    : m_painter(std::move(painter)), m_requestedSize(size)
{}

void PaintedSource::setSize(const QSize& size)
{
    {
        std::lock_guard lock(m_sizeMutex);
        m_requestedSize = size;
    }
    markDirty();
}

void PaintedSource::advanceTo(std::int64_t)
{
    if (!m_dirty.exchange(false))
        return;
    QSize size;
    {
        std::lock_guard lock(m_sizeMutex);
        size = m_requestedSize;
    }
    if (size.isEmpty()) {
        m_image = QImage();
    } else {
        if (m_image.size() != size)
            m_image = QImage(size, kUploadFormat);
        m_image.fill(Qt::transparent);
        QPainter painter(&m_image);
        painter.setRenderHint(QPainter::Antialiasing);
        if (m_painter)
            m_painter(painter, size);
    }
    ++m_paintCount;
    contentChanged();
}

} // namespace sb::render
