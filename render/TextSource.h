#pragma once
// A line (or lines, split at '\n') of styled text: fill, optional outline and drop shadow.
// Rasterized with QPainter only when the text or the style changes, never per frame.

#include "LayerSource.h"

#include <QColor>
#include <QPointF>
#include <QString>

#include <mutex>

namespace sb::render {

struct TextStyle
{
    QString fontFamily = QStringLiteral("DejaVu Sans");
    int pixelSize = 48;
    bool bold = false;
    QColor color = Qt::white;
    QColor outlineColor = Qt::transparent;
    double outlineWidth = 0.0; // pixels outside the glyphs
    QColor shadowColor = Qt::transparent;
    QPointF shadowOffset;

    bool operator==(const TextStyle&) const = default;
};

class TextSource final : public LayerSource
{
public:
    explicit TextSource(const QString& text = {}, const TextStyle& style = {});

    // Safe from any thread; the new text is rasterized on the next rendered frame.
    void setText(const QString& text);
    void setStyle(const TextStyle& style);
    QString text() const;
    TextStyle style() const;
    // How many times the text was drawn into its image (tests prove it is not per frame).
    int rasterizationCount() const { return m_rasterizations; }

    void advanceTo(std::int64_t sceneTimeMs) override;
    QSize size() const override { return m_image.size(); }
    const QImage& image() const override { return m_image; }

private:
    void rasterize(const QString& text, const TextStyle& style);

    mutable std::mutex m_mutex;
    QString m_text;
    TextStyle m_style;
    bool m_dirty = true;
    QImage m_image; // touched only by the render thread
    int m_rasterizations = 0;
};

} // namespace sb::render
