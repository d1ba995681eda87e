#include "HostCaption.h"

#include <QFontMetricsF>
#include <QPainterPath>
#include <QTextLayout>

#include <algorithm>
#include <cmath>

namespace sb::studio {

HostCaption::HostCaption(const QString& text, std::int64_t startMs)
    : m_text(text.simplified()), m_startMs(startMs)
{}

std::int64_t HostCaption::talkDurationMs(const QString& text)
{
    const std::int64_t chars = text.simplified().size();
    return std::clamp(chars * kMsPerCharacter, kMinTalkMs, kMaxTalkMs);
}

std::int64_t HostCaption::displayDurationMs(const QString& text)
{
    return talkDurationMs(text) + kLingerMs;
}

bool HostCaption::isVisible(std::int64_t nowMs) const
{
    return !m_text.isEmpty() && nowMs >= m_startMs && nowMs < untilMs();
}

bool HostCaption::isTalking(std::int64_t nowMs) const
{
    return !m_text.isEmpty() && nowMs >= m_startMs && nowMs < talkUntilMs();
}

QStringList HostCaption::wrapLines(const QString& text, const QFont& font, double width,
                                   int maxLines)
{
    QStringList lines;
    if (text.isEmpty() || maxLines <= 0 || width <= 0)
        return lines;
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    for (;;) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        if (lines.size() == maxLines - 1) {
            // The last line takes the rest of the text, elided, rather than cutting mid-sentence
            // with no sign that something is missing.
            const QString rest = text.mid(line.textStart()).trimmed();
            lines << QFontMetricsF(font).elidedText(rest, Qt::ElideRight, width);
            break;
        }
        lines << text.mid(line.textStart(), line.textLength()).trimmed();
    }
    layout.endLayout();
    return lines;
}

double HostCaption::padding(const QFont& font)
{
    return std::max(6.0, font.pixelSize() * 0.55);
}

QRectF HostCaption::bubbleRect(const QRectF& area, const QFont& font) const
{
    const double pad = padding(font);
    const QStringList lines = wrapLines(m_text, font, area.width() - 2 * pad);
    const double lineHeight = QFontMetricsF(font).lineSpacing();
    const double height = std::max<qsizetype>(1, lines.size()) * lineHeight + 2 * pad * 0.8;
    return QRectF(area.left(), area.bottom() - height, area.width(), height);
}

double HostCaption::tailX(const QRectF& bubble, const QFont& font, QPointF tailTip) const
{
    const double radius = std::min(bubble.height() / 2.0, padding(font) * 1.6);
    return std::clamp(tailTip.x(), bubble.left() + radius + 12, bubble.right() - radius - 12);
}

QRectF HostCaption::bounds(const QRectF& area, const QFont& font) const
{
    return bubbleRect(area, font).adjusted(-3, -padding(font) * 2.2 - 4, 3, 6);
}

QPointF HostCaption::anchor(const QRectF& area, const QFont& font, QPointF tailTip) const
{
    const QRectF bubble = bubbleRect(area, font);
    return {tailX(bubble, font, tailTip), bubble.top()};
}

HostCaption::Look HostCaption::lookAt(std::int64_t nowMs) const
{
    Look look;
    if (!isVisible(nowMs))
        return look;
    const std::int64_t age = nowMs - m_startMs;
    look.opacity = std::min(1.0, double(untilMs() - nowMs) / double(kFadeMs));
    if (age < kAppearMs) {
        // Pops out of the mouth: grows from 85 % with a slight overshoot, fading in.
        const double t = double(age) / double(kAppearMs) - 1.0;
        const double back = 1.0 + 2.2 * t * t * t + 1.2 * t * t;
        look.scale = 0.85 + 0.15 * back;
        look.opacity = std::min(look.opacity, double(age) / double(kAppearMs) * 1.5);
    }
    look.opacity = std::clamp(look.opacity, 0.0, 1.0);
    return look;
}

void HostCaption::paintBubble(QPainter& painter, const QRectF& area, const QFont& font,
                              const OverlayStyle& style, QPointF tailTip, int revealChars) const
{
    if (m_text.isEmpty())
        return;
    const double pad = padding(font);
    const QRectF bubble = bubbleRect(area, font);
    const QStringList lines = wrapLines(m_text, font, bubble.width() - 2 * pad);
    const double radius = std::min(bubble.height() / 2.0, pad * 1.6);

    // Bubble and tail as one outline, so the border runs around both.
    QPainterPath shape;
    shape.addRoundedRect(bubble, radius, radius);
    const double x = tailX(bubble, font, tailTip);
    const double tailTop = std::max(tailTip.y(), bubble.top() - pad * 2.2);
    QPainterPath tail;
    tail.moveTo(x - 10, bubble.top() + 2);
    tail.quadTo(x - 2, bubble.top() - 4, x + (tailTip.x() - x) * 0.3, tailTop);
    tail.quadTo(x + 4, bubble.top() - 2, x + 12, bubble.top() + 2);
    tail.closeSubpath();
    shape = shape.united(tail);

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0, 0, 0, 70));
    painter.drawPath(shape.translated(0, 3));
    QColor fill = style.text;
    fill.setAlpha(248);
    painter.setBrush(fill);
    painter.setPen(QPen(style.accent, 2.0));
    painter.drawPath(shape);

    QColor ink = style.background;
    ink.setAlpha(255);
    painter.setPen(ink);
    painter.setFont(font);
    const QFontMetricsF metrics(font);
    double y = bubble.top() + pad * 0.8 + metrics.ascent();
    qsizetype cursor = 0; // where the next wrapped line starts in m_text
    for (const QString& line : lines) {
        const double w = metrics.horizontalAdvance(line);
        QString shown = line;
        if (revealChars >= 0) {
            // The elided last line is not in the text as such: it starts at the cursor.
            const qsizetype at = m_text.indexOf(line, cursor);
            const qsizetype start = at >= 0 ? at : cursor;
            shown = line.left(std::clamp<qsizetype>(revealChars - start, 0, line.size()));
            cursor = start + line.size();
        }
        if (!shown.isEmpty())
            painter.drawText(QPointF(bubble.center().x() - w / 2.0, y), shown);
        y += metrics.lineSpacing();
    }
    painter.restore();
}

void HostCaption::paint(QPainter& painter, const QRectF& area, const QFont& font,
                        const OverlayStyle& style, std::int64_t nowMs, QPointF tailTip) const
{
    const Look look = lookAt(nowMs);
    if (look.opacity <= 0.0)
        return;
    const QPointF from = anchor(area, font, tailTip);
    painter.save();
    painter.setOpacity(painter.opacity() * look.opacity);
    painter.translate(from);
    painter.scale(look.scale, look.scale);
    painter.translate(-from);
    paintBubble(painter, area, font, style, tailTip);
    painter.restore();
}

} // namespace sb::studio
