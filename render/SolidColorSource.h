#pragma once
// A flat colour of a given size (backgrounds, panels, bars).

#include "LayerSource.h"

#include <QColor>

#include <mutex>

namespace sb::render {

class SolidColorSource final : public LayerSource
{
public:
    SolidColorSource(const QColor& color, const QSize& size);

    // Safe from any thread; the change shows from the next rendered frame.
    void setColor(const QColor& color);
    void setSize(const QSize& size);
    QColor color() const;

    void advanceTo(std::int64_t sceneTimeMs) override;
    QSize size() const override;
    const QImage& image() const override { return m_pixel; }
    bool isOpaque() const override { return qAlpha(m_pixel.pixel(0, 0)) == 255; }

private:
    mutable std::mutex m_mutex;
    QColor m_color;
    QSize m_size;
    bool m_dirty = true;
    QImage m_pixel; // 1×1, stretched by the compositor
};

} // namespace sb::render
