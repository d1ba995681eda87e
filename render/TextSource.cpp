#include "TextSource.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

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

void TextSource::rasterize(const QString& text, const TextStyle& style)
{
    ++m_rasterizations;
    if (text.isEmpty() || style.pixelSize <= 0) {
        m_image = QImage();
        return;
    }
    QFont font(style.fontFamily);
    font.setPixelSize(style.pixelSize);
    font.setBold(style.bold);
    const QFontMetricsF metrics(font);

    QPainterPath path;
    double textWidth = 0.0;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        path.addText(0.0, metrics.ascent() + double(i) * metrics.lineSpacing(), font, lines[i]);
        textWidth = std::max(textWidth, metrics.horizontalAdvance(lines[i]));
    }
    const double textHeight =
        double(lines.size() - 1) * metrics.lineSpacing() + metrics.ascent() + metrics.descent();

    const bool outlined = style.outlineWidth > 0.0 && style.outlineColor.alpha() > 0;
    const bool shadowed = style.shadowColor.alpha() > 0;
    const double margin = (outlined ? style.outlineWidth : 0.0) + 1.0;
    const QPointF shadow = shadowed ? style.shadowOffset : QPointF();
    const double left = margin + std::max(0.0, -shadow.x());
    const double top = margin + std::max(0.0, -shadow.y());
    const int width = int(std::ceil(textWidth + 2 * margin + std::abs(shadow.x())));
    const int height = int(std::ceil(textHeight + 2 * margin + std::abs(shadow.y())));

    QImage image(width, height, kUploadFormat);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPen outlinePen(style.outlineColor, 2.0 * style.outlineWidth, Qt::SolidLine, Qt::RoundCap,
                          Qt::RoundJoin);
    if (shadowed) {
        const QPainterPath shadowPath = path.translated(left + shadow.x(), top + shadow.y());
        if (outlined)
            painter.strokePath(shadowPath, QPen(style.shadowColor, outlinePen.widthF(),
                                                Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.fillPath(shadowPath, style.shadowColor);
    }
    const QPainterPath textPath = path.translated(left, top);
    if (outlined)
        painter.strokePath(textPath, outlinePen);
    painter.fillPath(textPath, style.color);
    painter.end();
    m_image = std::move(image);
}

} // namespace sb::render
