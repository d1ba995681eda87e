#include "TextSource.h"

#include <QFont>
#include <QFontMetricsF>
#include <QLoggingCategory>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <vector>

Q_LOGGING_CATEGORY(lcText, "sb.render.text")

namespace sb::render {

TextSource::TextSource(const QString& text, const TextStyle& style) : m_text(text), m_style(style)
{}

void TextSource::setText(const QString& text)
{
    std::lock_guard lock(m_mutex);
    if (text == m_text)
        return;
    m_text = text;
    m_dirty = true;
}

void TextSource::setStyle(const TextStyle& style)
{
    std::lock_guard lock(m_mutex);
    if (style == m_style)
        return;
    m_style = style;
    m_dirty = true;
}

QString TextSource::text() const
{
    std::lock_guard lock(m_mutex);
    return m_text;
}

TextStyle TextSource::style() const
{
    std::lock_guard lock(m_mutex);
    return m_style;
}

void TextSource::advanceTo(std::int64_t)
{
    QString text;
    TextStyle style;
    {
        std::lock_guard lock(m_mutex);
        if (!m_dirty)
            return;
        m_dirty = false;
        text = m_text;
        style = m_style;
    }
    rasterize(text, style);
    contentChanged();
}

namespace {

bool isOutlined(const TextStyle& style)
{
    return style.outlineWidth > 0.0 && style.outlineColor.alpha() > 0;
}

// Where the glyphs go and how big the image is; shared by measure() and rasterize().
struct TextLayout
{
    QFont font;
    QStringList lines;
    std::vector<QPointF> baselines; // each line's start, before `origin`
    QPointF origin;                 // where the text is drawn
    QSize size;
};

TextLayout layOut(const QString& text, const TextStyle& style)
{
    TextLayout layout;
    layout.font = QFont(style.fontFamily);
    layout.font.setPixelSize(style.pixelSize);
    layout.font.setBold(style.bold);
    // Unhinted, so that the filled glyphs sit exactly inside their stroked outline.
    layout.font.setHintingPreference(QFont::PreferNoHinting);
    const QFontMetricsF metrics(layout.font);

    double textWidth = 0.0;
    layout.lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < layout.lines.size(); ++i) {
        layout.baselines.emplace_back(0.0, metrics.ascent() + double(i) * metrics.lineSpacing());
        textWidth = std::max(textWidth, metrics.horizontalAdvance(layout.lines[i]));
    }
    const double textHeight = double(layout.lines.size() - 1) * metrics.lineSpacing() +
                              metrics.ascent() + metrics.descent();

    const bool shadowed = style.shadowColor.alpha() > 0;
    const double margin = (isOutlined(style) ? style.outlineWidth : 0.0) + 1.0;
    const QPointF shadow = shadowed ? style.shadowOffset : QPointF();
    layout.origin =
        QPointF(margin + std::max(0.0, -shadow.x()), margin + std::max(0.0, -shadow.y()));
    layout.size = QSize(int(std::ceil(textWidth + 2 * margin + std::abs(shadow.x()))),
                        int(std::ceil(textHeight + 2 * margin + std::abs(shadow.y()))));
    return layout;
}

// Fills go through QPainter's glyph cache (a few milliseconds for thousands of glyphs; filling
// the same text as one QPainterPath took seconds and held up the render thread). Outlines need
// the path, which costs milliseconds per glyph: that is why outlined text is kept shorter.
void drawText(QPainter& painter, const TextLayout& layout, QPointF at, const QColor& color)
{
    painter.setFont(layout.font);
    painter.setPen(color);
    for (qsizetype i = 0; i < layout.lines.size(); ++i)
        painter.drawText(at + layout.baselines[std::size_t(i)], layout.lines[i]);
}

void strokeText(QPainter& painter, const TextLayout& layout, QPointF at, const QPen& pen)
{
    QPainterPath path;
    for (qsizetype i = 0; i < layout.lines.size(); ++i)
        path.addText(at + layout.baselines[std::size_t(i)], layout.font, layout.lines[i]);
    painter.strokePath(path, pen);
}

} // namespace

int TextSource::maxLength(const TextStyle& style)
{
    return isOutlined(style) ? kMaxOutlinedLength : kMaxLength;
}

QSize TextSource::measure(const QString& text, const TextStyle& style)
{
    if (text.isEmpty() || style.pixelSize <= 0)
        return {};
    return layOut(text, style).size;
}

void TextSource::rasterize(const QString& fullText, const TextStyle& style)
{
    ++m_rasterizations;
    if (fullText.isEmpty() || style.pixelSize <= 0) {
        m_image = QImage();
        return;
    }
    const QString text = fullText.left(maxLength(style));
    const TextLayout layout = layOut(text, style);
    // What does not fit is cut off rather than allocated.
    const QSize size = layout.size.boundedTo(QSize(kMaxImageSide, kMaxImageSide));
    if (text.size() < fullText.size() || size != layout.size)
        qCWarning(lcText).noquote()
            << QStringLiteral("a text of %1 characters drawn %2×%3 was cut to %4 characters, "
                              "%5×%6 pixels")
                   .arg(fullText.size())
                   .arg(layout.size.width())
                   .arg(layout.size.height())
                   .arg(text.size())
                   .arg(size.width())
                   .arg(size.height());

    const bool outlined = isOutlined(style);
    const bool shadowed = style.shadowColor.alpha() > 0;
    QImage image(size, kUploadFormat);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const QPen outlinePen(style.outlineColor, 2.0 * style.outlineWidth, Qt::SolidLine, Qt::RoundCap,
                          Qt::RoundJoin);
    if (shadowed) {
        const QPointF at = layout.origin + style.shadowOffset;
        if (outlined)
            strokeText(painter, layout, at,
                       QPen(style.shadowColor, outlinePen.widthF(), Qt::SolidLine, Qt::RoundCap,
                            Qt::RoundJoin));
        drawText(painter, layout, at, style.shadowColor);
    }
    if (outlined)
        strokeText(painter, layout, layout.origin, outlinePen);
    drawText(painter, layout, layout.origin, style.color);
    painter.end();
    m_image = std::move(image);
}

} // namespace sb::render
