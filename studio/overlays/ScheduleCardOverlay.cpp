#include "ScheduleCardOverlay.h"

#include "OverlayPainting.h"

#include <QCoreApplication>
#include <QFontMetrics>

namespace sb::studio {

namespace {

// The snapshot's lot is the next one only when its auction is still pending.
bool knowsNextLot(const AuctionSnapshot& s)
{
    return s.hasAuction && s.dayState == sb::auction::DayState::Pending;
}

} // namespace

QString ScheduleCardOverlay::kind() const
{
    return QStringLiteral("schedule_card");
}

QString ScheduleCardOverlay::displayName() const
{
    return QCoreApplication::translate("sb::studio::ScheduleCardOverlay", "Schedule card");
}

OverlayStyle ScheduleCardOverlay::defaultStyle() const
{
    OverlayStyle style;
    // Centred on the artwork panel, which shows the next lot meanwhile.
    style.geometry = QRect(168, 190, 560, 260);
    style.background.setAlpha(240); // on top of the artwork

    return style;
}

ScheduleCardOverlay::Layout ScheduleCardOverlay::layout(QSize size) const
{
    Layout l;
    const int margin = std::max(3, std::min(size.width(), size.height()) / 30);
    l.panel = QRect(margin, margin, size.width() - 2 * margin, size.height() - 2 * margin);
    const int pad = std::max(8, l.panel.width() / 18);
    const int innerLeft = l.panel.left() + pad;
    const int innerWidth = l.panel.width() - 2 * pad;

    const int captionHeight = QFontMetrics(paint::labelFont(font(0.55))).height();
    const int countdownHeight = QFontMetrics(font(2.0, true)).height();
    const int detailsHeight = QFontMetrics(paint::labelFont(font(0.5))).height();
    const int lotHeight = QFontMetrics(font(0.8, true)).height();
    const int gap = std::max(2, l.panel.height() / 40);
    const int total = captionHeight + countdownHeight + detailsHeight + lotHeight + 4 * gap;
    int y = l.panel.top() + std::max(pad / 2, (l.panel.height() - total) / 2);
    l.caption = QRect(innerLeft, y, innerWidth, captionHeight);
    y += captionHeight + gap;
    l.countdown = QRect(innerLeft, y, innerWidth, countdownHeight);
    y += countdownHeight + 3 * gap; // room for the rule
    l.details = QRect(innerLeft, y, innerWidth, detailsHeight);
    y += detailsHeight + gap;
    l.lot = QRect(innerLeft, y, innerWidth, lotHeight);
    // In the bottom padding: it is a footnote to the countdown.
    const int saleHeight = QFontMetrics(paint::labelFont(font(0.45))).height();
    l.lastSale = QRect(innerLeft, std::min(y + lotHeight + gap, l.panel.bottom() - 6 - saleHeight),
                       innerWidth, saleHeight);
    return l;
}

QFont ScheduleCardOverlay::countdownFont(const QString& text, int width) const
{
    return paint::fittedFont(font(2.0, true), text, width, 0.5);
}

QString ScheduleCardOverlay::countdownText(const AuctionSnapshot& s)
{
    return formatCountdown(s.nextStartUtcMs - s.nowUtcMs);
}

QString ScheduleCardOverlay::detailsText(const AuctionSnapshot& s)
{
    if (!knowsNextLot(s) || s.dayNumber <= 0)
        return {};
    if (s.dayCount > 0 && s.lotNumber > 0)
        return QCoreApplication::translate("sb::studio::ScheduleCardOverlay",
                                           "Day %1 of %2 · Lot %3")
            .arg(s.dayNumber)
            .arg(s.dayCount)
            .arg(s.lotNumber);
    return QCoreApplication::translate("sb::studio::ScheduleCardOverlay", "Day %1")
        .arg(s.dayNumber);
}

QString ScheduleCardOverlay::lotText(const AuctionSnapshot& s)
{
    if (!knowsNextLot(s) || s.lot.title.isEmpty())
        return {};
    if (s.lot.artist.isEmpty())
        return s.lot.title;
    return QCoreApplication::translate("sb::studio::ScheduleCardOverlay", "%1 by %2")
        .arg(s.lot.title, s.lot.artist);
}

QString ScheduleCardOverlay::lastSaleText(const AuctionSnapshot& s)
{
    if (s.lastSale == AuctionSnapshot::LastSale::None || s.lastSaleDayNumber <= 0)
        return {};
    const char* text = nullptr;
    switch (s.lastSale) {
    case AuctionSnapshot::LastSale::Paid:
        text = QT_TRANSLATE_NOOP("sb::studio::ScheduleCardOverlay", "Day %1: paid ✓");
        break;
    case AuctionSnapshot::LastSale::AwaitingPayment:
        text = QT_TRANSLATE_NOOP("sb::studio::ScheduleCardOverlay", "Day %1: awaiting payment");
        break;
    case AuctionSnapshot::LastSale::Unsold:
        text = QT_TRANSLATE_NOOP("sb::studio::ScheduleCardOverlay", "Day %1: unsold");
        break;
    case AuctionSnapshot::LastSale::None:
        return {};
    }
    return QCoreApplication::translate("sb::studio::ScheduleCardOverlay", text)
        .arg(s.lastSaleDayNumber);
}

void ScheduleCardOverlay::paint(QPainter& painter, QSize size, const AuctionSnapshot& s) const
{
    if (!s.isBetweenWindows())
        return;
    const OverlayStyle st = style();
    const Layout l = layout(size);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    paint::drawPanel(painter, l.panel, st, 22.0);

    painter.setFont(paint::labelFont(font(0.55)));
    painter.setPen(paint::mutedText(st));
    painter.drawText(
        l.caption, Qt::AlignHCenter | Qt::AlignVCenter,
        QCoreApplication::translate("sb::studio::ScheduleCardOverlay", "Next auction in"));

    const QString countdown = countdownText(s);
    painter.setFont(countdownFont(countdown, l.countdown.width()));
    painter.setPen(st.accent);
    painter.drawText(l.countdown, Qt::AlignHCenter | Qt::AlignVCenter, countdown);

    const QString details = detailsText(s);
    const QString lot = lotText(s);
    if (!details.isEmpty() || !lot.isEmpty()) {
        // A short accent rule between the countdown and what comes next.
        const double ruleY = (l.countdown.bottom() + l.details.top()) / 2.0;
        painter.setPen(QPen(paint::withOpacity(st.accent, 0.6), 2.0, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(QPointF(l.panel.center().x() - 28, ruleY),
                         QPointF(l.panel.center().x() + 28, ruleY));
    }
    if (!details.isEmpty()) {
        const QFont detailsFont = paint::labelFont(font(0.5));
        painter.setFont(detailsFont);
        painter.setPen(paint::mutedText(st));
        painter.drawText(l.details, Qt::AlignHCenter | Qt::AlignVCenter,
                         paint::elided(details, detailsFont, l.details.width()));
    }
    if (!lot.isEmpty()) {
        const QFont lotFont = paint::fittedFont(font(0.8, true), lot, l.lot.width(), 0.75);
        painter.setFont(lotFont);
        painter.setPen(st.text);
        painter.drawText(l.lot, Qt::AlignHCenter | Qt::AlignVCenter,
                         paint::elided(lot, lotFont, l.lot.width()));
    }
    if (const QString sale = lastSaleText(s); !sale.isEmpty()) {
        const QFont saleFont = paint::labelFont(font(0.45));
        painter.setFont(saleFont);
        painter.setPen(s.lastSale == AuctionSnapshot::LastSale::Paid ? QColor(0x2e, 0xcc, 0x71)
                                                                     : paint::mutedText(st));
        painter.drawText(l.lastSale, Qt::AlignHCenter | Qt::AlignVCenter,
                         paint::elided(sale, saleFont, l.lastSale.width()));
    }
    painter.restore();
}

} // namespace sb::studio
