#include "OverlayPainting.h"

#include <QFontMetrics>
#include <QLinearGradient>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace sb::studio::paint {

QColor mix(const QColor& a, const QColor& b, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    const auto lerp = [t](int x, int y) { return int(std::lround(x + (y - x) * t)); };
    return QColor(lerp(a.red(), b.red()), lerp(a.green(), b.green()), lerp(a.blue(), b.blue()),
                  lerp(a.alpha(), b.alpha()));
}

QColor mutedText(const OverlayStyle& style)
{
    // Towards a neutral mid-dark grey rather than the background: the background may be clear.
    QColor muted = mix(style.text, QColor(96, 94, 108), 0.5);
    muted.setAlpha(255);
    return muted;
}

QColor withOpacity(QColor color, double opacity)
{
    color.setAlphaF(float(std::clamp(color.alphaF() * opacity, 0.0, 1.0)));
    return color;
}

void drawPanel(QPainter& painter, const QRectF& rect, const OverlayStyle& style, double radius)
{
    const QColor bg = style.background;
    if (bg.alpha() == 0)
        return;
    painter.save();
    painter.setPen(Qt::NoPen);

    // A shadow made of a few widening, faint copies below the panel: cheap and soft enough.
    const double shadowStrength = bg.alphaF();
    for (int i = 1; i <= 4; ++i) {
        const double grow = i * 1.5;
        painter.setBrush(QColor(0, 0, 0, int(14 * shadowStrength)));
        painter.drawRoundedRect(rect.adjusted(-grow, -grow + 2, grow, grow + 3), radius + grow,
                                radius + grow);
    }

    QLinearGradient sheen(rect.topLeft(), rect.bottomLeft());
    sheen.setColorAt(0.0, mix(bg, QColor(255, 255, 255, bg.alpha()), 0.07));
    sheen.setColorAt(1.0, mix(bg, QColor(0, 0, 0, bg.alpha()), 0.10));
    painter.setBrush(sheen);
    painter.drawRoundedRect(rect, radius, radius);

    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(QColor(255, 255, 255, int(34 * shadowStrength)), 1.0));
    painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
    painter.restore();
}

void drawPill(QPainter& painter, const QRectF& rect, const QString& text, const QFont& font,
              const QColor& fill, const QColor& textColor, const QColor& outline)
{
    painter.save();
    const double radius = rect.height() / 2.0;
    painter.setBrush(fill.alpha() > 0 ? QBrush(fill) : QBrush(Qt::NoBrush));
    painter.setPen(outline.alpha() > 0 ? QPen(outline, 1.5) : QPen(Qt::NoPen));
    painter.drawRoundedRect(rect.adjusted(0.75, 0.75, -0.75, -0.75), radius, radius);
    painter.setFont(font);
    painter.setPen(textColor);
    painter.drawText(rect, Qt::AlignCenter, text);
    painter.restore();
}

QFont labelFont(QFont base)
{
    base.setBold(true);
    base.setLetterSpacing(QFont::AbsoluteSpacing, std::max(1.0, base.pixelSize() * 0.12));
    base.setCapitalization(QFont::AllUppercase);
    return base;
}

QFont fittedFont(QFont base, const QString& text, int width, double minScale)
{
    const int original = base.pixelSize();
    const int smallest = std::max(6, int(original * minScale));
    while (base.pixelSize() > smallest && QFontMetrics(base).horizontalAdvance(text) > width)
        base.setPixelSize(base.pixelSize() - 1);
    return base;
}

QString elided(const QString& text, const QFont& font, int width)
{
    return QFontMetrics(font).elidedText(text, Qt::ElideRight, std::max(0, width));
}

double easeOutCubic(double t)
{
    t = std::clamp(t, 0.0, 1.0);
    const double u = 1.0 - t;
    return 1.0 - u * u * u;
}

double easeOutBack(double t)
{
    t = std::clamp(t, 0.0, 1.0);
    constexpr double c1 = 1.70158;
    constexpr double c3 = c1 + 1.0;
    const double u = t - 1.0;
    return 1.0 + c3 * u * u * u + c1 * u * u;
}

double progress(std::int64_t startUtcMs, std::int64_t nowUtcMs, std::int64_t durationMs)
{
    // An unknown start, or one in the future (clock skew between sources), shows the final state:
    // better a still picture than an animation that never starts.
    if (startUtcMs <= 0 || durationMs <= 0 || nowUtcMs < startUtcMs)
        return 1.0;
    return std::clamp(double(nowUtcMs - startUtcMs) / double(durationMs), 0.0, 1.0);
}

} // namespace sb::studio::paint
