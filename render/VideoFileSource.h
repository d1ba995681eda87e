#pragma once
// A video file played in a loop, the frame chosen by the scene time. Decoded lazily on the render
// thread (one frame per output frame at matching rates), converted to RGBA with libswscale.

#include "LayerSource.h"

#include <QString>

#include <memory>

namespace sb::render {

class VideoFileSource final : public LayerSource
{
public:
    explicit VideoFileSource(const QString& path); // opens now; check isValid()
    ~VideoFileSource() override;

    bool isValid() const;
    QString errorString() const { return m_error; }
    std::int64_t durationMs() const; // 0 while unknown (found at the first end of file)
    int decodedFrameCount() const;

    void advanceTo(std::int64_t sceneTimeMs) override;
    QSize size() const override;
    const QImage& image() const override { return m_image; }
    bool isOpaque() const override { return !m_hasAlpha; }

private:
    struct Decoder;
    bool showFrame();

    std::unique_ptr<Decoder> m_decoder;
    QImage m_image;
    QImage m_straight;       // only for codecs with alpha
    bool m_hasAlpha = false; // the shown frame's format carries alpha
    QString m_error;
};

} // namespace sb::render
