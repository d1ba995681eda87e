#pragma once
// A picture that a higher module paints with QPainter (bid feed, auction bar, host avatar).
// It is repainted only after markDirty(), between two frames, into a reused image.

#include "LayerSource.h"

#include <QPainter>

#include <atomic>
#include <functional>
#include <mutex>

namespace sb::render {

class PaintedSource final : public LayerSource
{
public:
    // The painter runs while the render thread waits for it (on that thread, or on one of Qt's
    // pool): it must only read state it owns or guards.
    using Painter = std::function<void(QPainter&, QSize)>;

    PaintedSource(const QSize& size, Painter painter);

    void markDirty() { m_dirty.store(true); } // safe from any thread
    void setSize(const QSize& size);          // safe from any thread; repaints
    int paintCount() const { return m_paintCount; }

    void advanceTo(std::int64_t sceneTimeMs) override;
    QSize size() const override { return m_image.size(); }
    const QImage& image() const override { return m_image; }

private:
    Painter m_painter;
    std::atomic<bool> m_dirty{true};
    mutable std::mutex m_sizeMutex;
    QSize m_requestedSize;
    QImage m_image;
    int m_paintCount = 0;
};

} // namespace sb::render
