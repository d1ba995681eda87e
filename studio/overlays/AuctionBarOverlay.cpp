#include "AuctionBarOverlay.h"

#include "OverlayPainting.h"

#include <QCoreApplication>
#include <QFontMetrics>

#include <iterator>

namespace sb::studio {

using sb::auction::DayState;

namespace {

// Shares of the inner width: the amount and the leader's handle need the room, the day the least.
constexpr double kColumnShares[] = {0.25, 0.25, 0.21, 0.15, 0.14};
constexpr int kColumnCount = 5;
// The paused state is a warning, not a brand colour: a warm red that reads on any background.
const QColor kPausedColor(255, 107, 107);
// Under a minute left the time turns to the accent: the last-second bids are the show.
constexpr std::int64_t kUrgentMs = 60'000;

bool isClosed(const AuctionSnapshot& s)
{
    return s.dayState == DayState::Processing || s.dayState == DayState::Completed ||
           s.dayState == DayState::Cancelled;
}

} // namespace

QString AuctionBarOverlay::kind() const
{
    return QStringLiteral("auction_bar");
}

QString AuctionBarOverlay::displayName() const
{
    return QCoreApplication::translate("sb::studio::AuctionBarOverlay", "Auction bar");
}

OverlayStyle AuctionBarOverlay::defaultStyle() const
{
    OverlayStyle style;
    style.geometry = QRect(0, 640, 1280, 80);
    return style;
}

AuctionBarOverlay::Layout AuctionBarOverlay::layout(QSize size) const
{
    Layout l;
    const int marginX = std::max(4, size.height() * 3 / 20);
    const int marginY = std::max(2, size.height() / 10);
    l.panel = QRect(marginX, marginY, size.width() - 2 * marginX, size.height() - 2 * marginY);

    const int padX = std::max(8, l.panel.height() * 3 / 8);
    const int padY = std::max(2, l.panel.height() / 12);
    const int innerLeft = l.panel.left() + padX;
    const int innerWidth = l.panel.width() - 2 * padX;
    const int gutter = std::max(6, l.panel.height() / 4); // between a column and its separator
    // Values take the lower part of the panel, their captions the upper.
    const int valueTop = l.panel.top() + int(l.panel.height() * 0.40);
    const int valueBottom = l.panel.bottom() - padY;

    QRect* columns[kColumnCount] = {&l.amount, &l.leader, &l.timeLeft, &l.day, &l.badge};
    double x = innerLeft;
    for (int i = 0; i < kColumnCount; ++i) {
        const double w = innerWidth * kColumnShares[i];
        const int left = int(x) + (i > 0 ? gutter : 0);
        const int right = int(x + w) - (i < kColumnCount - 1 ? gutter : 0);
        *columns[i] = QRect(QPoint(left, valueTop), QPoint(right - 1, valueBottom));
        x += w;
    }
    // The badges have no caption: they use the full height of the panel.
    l.badge.setTop(l.panel.top() + padY);
    return l;
}

QFont AuctionBarOverlay::valueFont(const QString& text, int width) const
{
    return paint::fittedFont(font(1.1, true), text, width);
}

QString AuctionBarOverlay::amountText(const AuctionSnapshot& s)
{
    if (s.winnerDeclared && s.winningBid)
        return formatEth(*s.winningBid);
    if (s.currentBid)
        return formatEth(*s.currentBid);
    if (!s.hasAuction)
        return QStringLiteral("—");
    return QCoreApplication::translate("sb::studio::AuctionBarOverlay", "No bids yet");
}

QString AuctionBarOverlay::leaderText(const AuctionSnapshot& s)
{
    if (s.winnerDeclared && !s.winnerName.isEmpty())
        return s.winnerName;
    if (s.currentBid)
        return s.leaderName;
    if (!s.hasAuction)
        return QStringLiteral("—");
    // No leader yet: what it takes to become one (the reserve, as the engine computes it).
    return formatEth(s.minimumNextBid);
}

QString AuctionBarOverlay::timeLeftText(const AuctionSnapshot& s)
{
    if (!s.hasAuction)
        return QStringLiteral("—");
    if (s.dayState == DayState::Cancelled)
        return QCoreApplication::translate("sb::studio::AuctionBarOverlay", "Cancelled");
    if (isClosed(s))
        return QCoreApplication::translate("sb::studio::AuctionBarOverlay", "Closed");
    if (s.dayState == DayState::Pending)
        return formatCountdown(s.startUtcMs - s.nowUtcMs);
    return formatTimeLeft(s.timeLeftMs());
}

QString AuctionBarOverlay::dayText(const AuctionSnapshot& s)
{
    if (s.dayNumber <= 0)
        return QStringLiteral("—");
    if (s.dayCount <= 0)
        return QCoreApplication::translate("sb::studio::AuctionBarOverlay", "Day %1")
            .arg(s.dayNumber);
    return QCoreApplication::translate("sb::studio::AuctionBarOverlay", "Day %1 of %2")
        .arg(s.dayNumber)
        .arg(s.dayCount);
}

void AuctionBarOverlay::paint(QPainter& painter, QSize size, const AuctionSnapshot& s) const
{
    const OverlayStyle st = style();
    const Layout l = layout(size);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);

    const double radius = l.panel.height() * 0.28;
    paint::drawPanel(painter, l.panel, st, radius);

    // An accent rule under the panel's top edge on the amount side: the bid is the headline.
    if (st.background.alpha() > 0) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(st.accent);
        const double ruleWidth = l.amount.right() - l.panel.left() - radius;
        painter.drawRoundedRect(QRectF(l.panel.left() + radius, l.panel.top(), ruleWidth, 3.0), 1.5,
                                1.5);
    }

    // Hairline separators between the columns.
    painter.setPen(QPen(paint::withOpacity(st.text, 0.14), 1.0));
    const int sepTop = l.panel.top() + l.panel.height() / 5;
    const int sepBottom = l.panel.bottom() - l.panel.height() / 5;
    const QRect* columns[] = {&l.amount, &l.leader, &l.timeLeft, &l.day, &l.badge};
    for (int i = 1; i < int(std::size(columns)); ++i) {
        const double x = (columns[i - 1]->right() + columns[i]->left()) / 2.0 + 0.5;
        painter.drawLine(QPointF(x, sepTop), QPointF(x, sepBottom));
    }

    const QColor muted = paint::mutedText(st);
    const bool hasBid = s.currentBid.has_value() || (s.winnerDeclared && s.winningBid);
    const bool sold = s.winnerDeclared && s.winningBid;

    paintValue(painter, l.amount,
               sold ? QCoreApplication::translate("sb::studio::AuctionBarOverlay", "Sold for")
                    : QCoreApplication::translate("sb::studio::AuctionBarOverlay", "Current bid"),
               muted, amountText(s), hasBid ? st.accent : st.text);
    const QString leaderLabel =
        sold           ? QCoreApplication::translate("sb::studio::AuctionBarOverlay", "Winner")
        : hasBid       ? QCoreApplication::translate("sb::studio::AuctionBarOverlay", "Leader")
        : s.hasAuction ? QCoreApplication::translate("sb::studio::AuctionBarOverlay", "Minimum bid")
                       : QCoreApplication::translate("sb::studio::AuctionBarOverlay", "Leader");
    paintValue(painter, l.leader, leaderLabel, muted, leaderText(s), st.text);

    QString timeLabel =
        s.dayState == DayState::Pending
            ? QCoreApplication::translate("sb::studio::AuctionBarOverlay", "Opens in")
            : QCoreApplication::translate("sb::studio::AuctionBarOverlay", "Time left");
    QColor timeLabelColor = muted;
    QColor timeColor = st.text;
    if (s.paused) {
        timeLabel = QCoreApplication::translate("sb::studio::AuctionBarOverlay", "Paused");
        timeLabelColor = kPausedColor;
        timeColor = muted; // frozen: it reads as stopped, not as running out
    } else if (s.isLive() && s.timeLeftMs() <= kUrgentMs) {
        timeColor = st.accent;
    }
    paintValue(painter, l.timeLeft, timeLabel, timeLabelColor, timeLeftText(s), timeColor);
    paintValue(painter, l.day,
               QCoreApplication::translate("sb::studio::AuctionBarOverlay", "Marathon"), muted,
               dayText(s), st.text);

    paintBadges(painter, l.badge, s);
    painter.restore();
}

void AuctionBarOverlay::paintValue(QPainter& painter, const QRect& rect, const QString& label,
                                   const QColor& labelColor, const QString& text,
                                   const QColor& color) const
{
    const QFont caption = paint::labelFont(font(0.46));
    const int captionHeight = QFontMetrics(caption).height();
    const QRect captionRect(rect.left(), rect.top() - captionHeight - 1, rect.width(),
                            captionHeight);
    painter.setFont(caption);
    painter.setPen(labelColor);
    painter.drawText(captionRect, Qt::AlignLeft | Qt::AlignBottom,
                     paint::elided(label, caption, rect.width()));

    const QFont value = valueFont(text, rect.width());
    painter.setFont(value);
    painter.setPen(color);
    painter.drawText(rect, Qt::AlignLeft | Qt::AlignVCenter,
                     paint::elided(text, value, rect.width()));
}

void AuctionBarOverlay::paintBadges(QPainter& painter, const QRect& rect,
                                    const AuctionSnapshot& s) const
{
    struct Pill
    {
        QString text;
        QColor fill, textColor, outline;
    };
    const OverlayStyle st = style();
    QList<Pill> pills;
    if (s.extended) {
        // Dark text on the accent: the background colour made opaque, or near black.
        QColor ink = st.background.alpha() > 0 ? st.background : QColor(20, 18, 28);
        ink.setAlpha(255);
        pills.append({QCoreApplication::translate("sb::studio::AuctionBarOverlay", "Extended"),
                      st.accent, ink, Qt::transparent});
    }
    if (s.demo)
        pills.append({QCoreApplication::translate("sb::studio::AuctionBarOverlay", "Demo"),
                      Qt::transparent, paint::mutedText(st), paint::mutedText(st)});
    if (pills.isEmpty())
        return;

    const QFont pillFont = paint::labelFont(font(0.46));
    const int gap = 4;
    const int pillHeight =
        std::min(QFontMetrics(pillFont).height() + 10, (rect.height() - gap) / int(pills.size()));
    int y = rect.top() +
            (rect.height() - (pillHeight * int(pills.size()) + gap * int(pills.size() - 1))) / 2;
    for (const Pill& pill : pills) {
        const int width =
            std::min(rect.width(), QFontMetrics(pillFont).horizontalAdvance(pill.text) + 2 * 12);
        const QRectF pillRect(rect.left(), y, width, pillHeight);
        paint::drawPill(painter, pillRect, pill.text, pillFont, pill.fill, pill.textColor,
                        pill.outline);
        y += pillHeight + gap;
    }
}

} // namespace sb::studio
