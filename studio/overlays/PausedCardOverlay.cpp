#include "PausedCardOverlay.h"

#include "OverlayPainting.h"

#include <QCoreApplication>
#include <QFontMetrics>

namespace sb::studio {

QString PausedCardOverlay::kind() const
{
    return QStringLiteral("paused_card");
}

QString PausedCardOverlay::displayName() const
{
    return QCoreApplication::translate("sb::studio::PausedCardOverlay", "Paused card");
}

OverlayStyle PausedCardOverlay::defaultStyle() const
{
    OverlayStyle style;
    // Centred on the artwork panel.
    style.geometry = QRect(188, 220, 520, 200);
    style.background.setAlpha(240); // on top of the artwork

    return style;
}

PausedCardOverlay::Layout PausedCardOverlay::layout(QSize size) const
{
    Layout l;
    const int margin = std::max(3, std::min(size.width(), size.height()) / 25);
    l.panel = QRect(margin, margin, size.width() - 2 * margin, size.height() - 2 * margin);
    const int pad = std::max(8, l.panel.height() / 6);
    const int iconSide = std::min(l.panel.height() - 2 * pad, l.panel.width() / 4);
    l.icon = QRect(l.panel.left() + pad, l.panel.center().y() - iconSide / 2, iconSide, iconSide);

    const int textLeft = l.icon.right() + 1 + pad * 3 / 4;
    const int textWidth = l.panel.right() - pad - textLeft;
    const int titleHeight = QFontMetrics(font(1.3, true)).height();
    const int timeHeight = QFontMetrics(font(0.85)).height();
    const int noteHeight = QFontMetrics(paint::labelFont(font(0.48))).height();
    const int gap = 4;
    int y = l.panel.center().y() - (titleHeight + timeHeight + noteHeight + 2 * gap) / 2;
    l.title = QRect(textLeft, y, textWidth, titleHeight);
    y += titleHeight + gap;
    l.timeLeft = QRect(textLeft, y, textWidth, timeHeight);
    y += timeHeight + gap;
    l.note = QRect(textLeft, y, textWidth, noteHeight);
    return l;
}

QString PausedCardOverlay::titleText()
{
    return QCoreApplication::translate("sb::studio::PausedCardOverlay", "Auction paused");
}

QString PausedCardOverlay::timeLeftText(const AuctionSnapshot& s)
{
    return QCoreApplication::translate("sb::studio::PausedCardOverlay", "Time left: %1")
        .arg(formatTimeLeft(s.timeLeftMs()));
}

void PausedCardOverlay::paint(QPainter& painter, QSize size, const AuctionSnapshot& s) const
{
    if (!s.paused)
        return;
    const OverlayStyle st = style();
    const Layout l = layout(size);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    paint::drawPanel(painter, l.panel, st, 20.0);

    // The pause sign: two rounded bars in an accent ring.
    const QRectF icon(l.icon);
    painter.setPen(QPen(st.accent, std::max(2.0, icon.width() / 22)));
    painter.setBrush(paint::withOpacity(st.accent, 0.12));
    painter.drawEllipse(icon.adjusted(2, 2, -2, -2));
    painter.setPen(Qt::NoPen);
    painter.setBrush(st.accent);
    const double barWidth = icon.width() * 0.13;
    const double barHeight = icon.height() * 0.38;
    const QPointF c = icon.center();
    painter.drawRoundedRect(
        QRectF(c.x() - barWidth * 1.5, c.y() - barHeight / 2, barWidth, barHeight), barWidth / 3,
        barWidth / 3);
    painter.drawRoundedRect(
        QRectF(c.x() + barWidth * 0.5, c.y() - barHeight / 2, barWidth, barHeight), barWidth / 3,
        barWidth / 3);

    const QFont titleFont = paint::fittedFont(font(1.3, true), titleText(), l.title.width());
    painter.setFont(titleFont);
    painter.setPen(st.text);
    painter.drawText(l.title, Qt::AlignLeft | Qt::AlignVCenter, titleText());

    const QFont timeFont = font(0.85);
    painter.setFont(timeFont);
    painter.setPen(st.text);
    painter.drawText(l.timeLeft, Qt::AlignLeft | Qt::AlignVCenter,
                     paint::elided(timeLeftText(s), timeFont, l.timeLeft.width()));

    const QFont noteFont = paint::labelFont(font(0.48));
    painter.setFont(noteFont);
    painter.setPen(paint::mutedText(st));
    painter.drawText(l.note, Qt::AlignLeft | Qt::AlignVCenter,
                     paint::elided(QCoreApplication::translate("sb::studio::PausedCardOverlay",
                                                               "Bidding resumes shortly"),
                                   noteFont, l.note.width()));
    painter.restore();
}

} // namespace sb::studio
