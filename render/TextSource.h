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
    // A text layer is a caption or a title, not a document: past these it would take gigabytes
    // and minutes per drawing (a 1 MB text did), holding up the render thread and so a stop.
    // Scenes asking for more are refused when loaded; text set later is cut to fit. Outlines are
    // stroked glyph by glyph (milliseconds each), so outlined text is kept to a caption's length.
    static constexpr int kMaxLength = 4096;        // characters
    static constexpr int kMaxOutlinedLength = 256; // characters, with an outline
    static constexpr int kMaxImageSide = 4096;     // pixels, either side
    static int maxLength(const TextStyle& style);

    explicit TextSource(const QString& text = {}, const TextStyle& style = {});

    // The size of the image `text` is drawn into with `style`, without drawing it.
    static QSize measure(const QString& text, const TextStyle& style);

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
    QImage m_image; // touched only while the sources are driven (LayerSource)
    int m_rasterizations = 0;
};

} // namespace sb::render
