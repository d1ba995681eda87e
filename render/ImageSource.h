#pragma once
// A still picture (PNG, JPEG, WebP, ...) or an animation (GIF, animated WebP) whose frames follow
// the scene time and loop. Every frame is decoded up front: overlays and logos are small.

#include "LayerSource.h"

#include <QString>

#include <vector>

namespace sb::render {

class ImageSource final : public LayerSource
{
public:
    explicit ImageSource(const QString& path); // decodes now; check isValid()
    explicit ImageSource(const QImage& image);

    bool isValid() const { return !m_frames.empty(); }
    QString errorString() const { return m_error; }
    int frameCount() const { return int(m_frames.size()); }
    std::int64_t loopDurationMs() const { return m_loopDurationMs; }
    int currentFrame() const { return m_current; }

    void advanceTo(std::int64_t sceneTimeMs) override;
    QSize size() const override;
    const QImage& image() const override;
    bool isOpaque() const override; // the current frame has no transparent pixel

private:
    struct Frame
    {
        QImage image;
        std::int64_t startMs = 0;
        bool opaque = false;
    };
    std::vector<Frame> m_frames;
    std::int64_t m_loopDurationMs = 0;
    int m_current = 0;
    QString m_error;
};

} // namespace sb::render
