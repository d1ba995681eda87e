#include "SolidColorSource.h"

namespace sb::render {

SolidColorSource::SolidColorSource(const QColor& color, const QSize& size)
    : m_color(color), m_size(size), m_pixel(1, 1, kUploadFormat)
{
    m_pixel.fill(Qt::transparent);
}

void SolidColorSource::setColor(const QColor& color)
{
    std::lock_guard lock(m_mutex);
    if (color == m_color)
        return;
    m_color = color;
    m_dirty = true;
}

void SolidColorSource::setSize(const QSize& size)
{
    std::lock_guard lock(m_mutex);
    m_size = size;
}

QColor SolidColorSource::color() const
{
    std::lock_guard lock(m_mutex);
    return m_color;
}

void SolidColorSource::advanceTo(std::int64_t)
{
    std::lock_guard lock(m_mutex);
    if (!m_dirty)
        return;
    m_dirty = false;
    m_pixel.fill(m_color); // QImage premultiplies on fill
    contentChanged();
}

QSize SolidColorSource::size() const
{
    std::lock_guard lock(m_mutex);
    return m_size;
}

} // namespace sb::render
