#include "SoldBannerOverlay.h"

#include "OverlayPainting.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QLinearGradient>

namespace sb::studio {

namespace {

// Milliseconds since the winner was declared; the whole animation when unknown.
std::int64_t elapsedMs(const AuctionSnapshot& s)
{
    if (s.winnerDeclaredUtcMs <= 0 || s.nowUtcMs < s.winnerDeclaredUtcMs)
        return SoldBannerOverlay::kAnimationMs;
    return s.nowUtcMs - s.winnerDeclaredUtcMs;
}

// Progress of one phase of the animation that runs from `fromMs` to `toMs`.
double phase(std::int64_t elapsed, std::int64_t fromMs, std::int64_t toMs)
{
    return std::clamp(double(elapsed - fromMs) / double(toMs - fromMs), 0.0, 1.0);
}

} // namespace

QString SoldBannerOverlay::kind() const
{
    return QStringLiteral("sold_banner");
}

QString SoldBannerOverlay::displayName() const
{
    return QCoreApplication::translate("sb::studio::SoldBannerOverlay", "SOLD banner");
}

OverlayStyle SoldBannerOverlay::defaultStyle() const
{
    OverlayStyle style;
    // Across the middle of the artwork panel.
    style.geometry = QRect(118, 190, 660, 260);
    style.background.setAlpha(242); // it sits on the artwork: the artwork must not show through

    return style;
}

bool SoldBannerOverlay::isAnimating(const AuctionSnapshot& s) const
{
    return s.winnerDeclared && elapsedMs(s) < kAnimationMs;
}

QFont SoldBannerOverlay::soldFont() const
{
    QFont f = font(3.2, true);
    f.setLetterSpacing(QFont::AbsoluteSpacing, f.pixelSize() * 0.12);
    return f;
}

SoldBannerOverlay::Layout SoldBannerOverlay::layout(QSize size) const
{
    Layout l;
    const int margin = std::max(4, std::min(size.width(), size.height()) / 22);
    l.panel = QRect(margin, margin, size.width() - 2 * margin, size.height() - 2 * margin);
    const int soldHeight = QFontMetrics(soldFont()).height();
    const int winnerHeight = QFontMetrics(font(1.0, true)).height();
    const int amountHeight = QFontMetrics(font(1.2, true)).height();
    const int total = soldHeight + winnerHeight + amountHeight;
    int y = l.panel.top() + std::max(0, (l.panel.height() - total) / 2);
    const int left = l.panel.left() + 16;
    const int width = l.panel.width() - 32;
    l.sold = QRect(left, y, width, soldHeight);
    y += soldHeight;
    l.winner = QRect(left, y, width, winnerHeight);
    y += winnerHeight;
    l.amount = QRect(left, y, width, amountHeight);
    y += amountHeight;
    const int paidHeight = QFontMetrics(font(0.6, true)).height();
    const int bottom = l.panel.bottom() - 10;
    l.paid = QRect(left, std::min(y, bottom - paidHeight), width, paidHeight);
    return l;
}

QString SoldBannerOverlay::soldText()
{
    return QCoreApplication::translate("sb::studio::SoldBannerOverlay", "SOLD");
}

QString SoldBannerOverlay::winnerText(const AuctionSnapshot& s)
{
    if (s.winnerName.isEmpty())
        return {};
    return QCoreApplication::translate("sb::studio::SoldBannerOverlay", "to %1").arg(s.winnerName);
}

QString SoldBannerOverlay::amountText(const AuctionSnapshot& s)
{
    if (!s.winningBid)
        return {};
    return QCoreApplication::translate("sb::studio::SoldBannerOverlay", "for %1")
        .arg(formatEth(*s.winningBid));
}

QString SoldBannerOverlay::paidText(const AuctionSnapshot& s)
{
    if (!s.settlementPaid)
        return {};
    return QCoreApplication::translate("sb::studio::SoldBannerOverlay",
                                       "Paid ✓ — token #%1 minted to %2")
        .arg(s.mintedTokenId)
        .arg(formatShortAddress(s.mintedTo));
}

void SoldBannerOverlay::paint(QPainter& painter, QSize size, const AuctionSnapshot& s) const
{
    if (!s.winnerDeclared)
        return;
    const OverlayStyle st = style();
    const Layout l = layout(size);
    const std::int64_t elapsed = elapsedMs(s);
    // The phases: the panel pops in, the word is stamped down, the winner rises in, a glint.
    const double panelIn = phase(elapsed, 0, 450);
    const double stamp = phase(elapsed, 200, 750);
    const double details = phase(elapsed, 650, 1150);
    const double glint = phase(elapsed, 900, kAnimationMs);

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);

    const QPointF centre = QRectF(l.panel).center();
    painter.save(); // the caller's transform stays: the render places us with it
    painter.setOpacity(painter.opacity() * paint::easeOutCubic(panelIn));
    painter.translate(centre);
    const double panelScale = 0.85 + 0.15 * paint::easeOutBack(panelIn);
    painter.scale(panelScale, panelScale);
    painter.translate(-centre);
    paint::drawPanel(painter, l.panel, st, 24.0);
    painter.setPen(QPen(st.accent, 3.0));
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(QRectF(l.panel).adjusted(1.5, 1.5, -1.5, -1.5), 23, 23);
    painter.setPen(QPen(paint::withOpacity(st.accent, 0.35), 1.0));
    painter.drawRoundedRect(QRectF(l.panel).adjusted(9.5, 9.5, -9.5, -9.5), 16, 16);
    painter.restore();

    // The word comes down from large and settles, like a stamp.
    if (stamp > 0.0) {
        const double e = paint::easeOutCubic(stamp);
        const QPointF soldCentre = QRectF(l.sold).center();
        painter.save();
        painter.setOpacity(painter.opacity() * e);
        painter.translate(soldCentre);
        const double scale = 1.0 + 0.8 * (1.0 - e);
        painter.scale(scale, scale);
        painter.translate(-soldCentre);
        painter.setFont(soldFont());
        painter.setPen(st.accent);
        painter.drawText(l.sold, Qt::AlignCenter, soldText());
        painter.restore();
    }

    if (details > 0.0) {
        const double e = paint::easeOutCubic(details);
        const double rise = (1.0 - e) * l.winner.height() * 0.6;
        painter.save();
        painter.setOpacity(painter.opacity() * e);
        const QFont winnerFont = font(1.0, true);
        painter.setFont(winnerFont);
        painter.setPen(st.text);
        painter.drawText(QRectF(l.winner).translated(0, rise), Qt::AlignCenter,
                         paint::elided(winnerText(s), winnerFont, l.winner.width()));
        const QFont amountFont = font(1.2, true);
        painter.setFont(amountFont);
        painter.setPen(st.accent);
        painter.drawText(QRectF(l.amount).translated(0, rise), Qt::AlignCenter,
                         paint::elided(amountText(s), amountFont, l.amount.width()));
        if (const QString paid = paidText(s); !paid.isEmpty()) {
            const QFont paidFont = paint::fittedFont(font(0.6, true), paid, l.paid.width(), 0.6);
            painter.setFont(paidFont);
            painter.setPen(QColor(0x2e, 0xcc, 0x71)); // the green of "done", on any style
            painter.drawText(QRectF(l.paid).translated(0, rise), Qt::AlignCenter,
                             paint::elided(paid, paidFont, l.paid.width()));
        }
        painter.restore();
    }

    // A glint of light sweeps across the banner once, then it stays still.
    if (glint > 0.0 && glint < 1.0) {
        const double x = l.panel.left() - l.panel.width() * 0.3 + glint * l.panel.width() * 1.6;
        QLinearGradient band(QPointF(x - 60, 0), QPointF(x + 60, 0));
        band.setColorAt(0.0, QColor(255, 255, 255, 0));
        band.setColorAt(0.5, QColor(255, 255, 255, 46));
        band.setColorAt(1.0, QColor(255, 255, 255, 0));
        painter.setPen(Qt::NoPen);
        painter.setBrush(band);
        painter.drawRoundedRect(l.panel, 24, 24);
    }
    painter.restore();
}

} // namespace sb::studio
