#include "LeaderboardOverlay.h"

#include "OverlayPainting.h"

#include <QCoreApplication>
#include <QFontMetrics>

namespace sb::studio {

QString LeaderboardOverlay::kind() const
{
    return QStringLiteral("leaderboard");
}

QString LeaderboardOverlay::displayName() const
{
    return QCoreApplication::translate("sb::studio::LeaderboardOverlay", "Leaderboard");
}

OverlayStyle LeaderboardOverlay::defaultStyle() const
{
    OverlayStyle style;
    // Where the bid feed is: the scene shows one or the other.
    style.geometry = QRect(896, 360, 384, 280);
    return style;
}

QRect LeaderboardOverlay::panelRect(QSize size) const
{
    const int margin = std::max(3, std::min(size.width(), size.height()) / 32);
    return QRect(margin, margin, size.width() - 2 * margin, size.height() - 2 * margin);
}

int LeaderboardOverlay::headerHeight() const
{
    return QFontMetrics(paint::labelFont(font(0.5))).height() + 22;
}

int LeaderboardOverlay::rowPitch(QSize size) const
{
    const QRect panel = panelRect(size);
    const int natural = QFontMetrics(font(0.72)).height() + QFontMetrics(font(0.5)).height() + 6;
    // Spread the rows over the panel when there is room, but never squeeze them below natural.
    const int fitted = (panel.height() - headerHeight() - 8) / AuctionSnapshot::kLeaderboardLength;
    return std::max(natural, fitted);
}

QRect LeaderboardOverlay::rowRect(QSize size, int index) const
{
    const QRect panel = panelRect(size);
    const int pitch = rowPitch(size);
    return QRect(panel.left() + 8, panel.top() + headerHeight() + 4 + index * pitch,
                 panel.width() - 16, pitch - 4);
}

QString LeaderboardOverlay::winsText(const LeaderboardEntry& entry)
{
    if (entry.wins <= 0)
        return {};
    // Spelled out rather than "%n win(s)": the source language is shown without a translation.
    if (entry.wins == 1)
        return QCoreApplication::translate("sb::studio::LeaderboardOverlay", "1 win");
    return QCoreApplication::translate("sb::studio::LeaderboardOverlay", "%1 wins").arg(entry.wins);
}

void LeaderboardOverlay::paint(QPainter& painter, QSize size, const AuctionSnapshot& s) const
{
    const OverlayStyle st = style();
    const QRect panel = panelRect(size);
    const QColor muted = paint::mutedText(st);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    paint::drawPanel(painter, panel, st, 16.0);

    const int header = headerHeight();
    painter.setFont(paint::labelFont(font(0.5)));
    painter.setPen(muted);
    painter.drawText(QRect(panel.left() + 18, panel.top(), panel.width() - 36, header),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     QCoreApplication::translate("sb::studio::LeaderboardOverlay", "Top bidders"));
    painter.setPen(QPen(paint::withOpacity(st.text, 0.12), 1.0));
    painter.drawLine(QPointF(panel.left() + 16, panel.top() + header - 0.5),
                     QPointF(panel.right() - 16, panel.top() + header - 0.5));

    if (s.leaderboard.isEmpty()) {
        painter.setFont(font(0.7));
        painter.setPen(muted);
        painter.drawText(
            panel.adjusted(16, header, -16, 0), Qt::AlignCenter | Qt::TextWordWrap,
            QCoreApplication::translate("sb::studio::LeaderboardOverlay", "No bids yet"));
        painter.restore();
        return;
    }

    painter.setClipRect(panel.adjusted(0, header, 0, -4), Qt::IntersectClip);
    const QFont nameF = font(0.72, true);
    const QFont subF = font(0.5);
    const QFont amountF = font(0.72, true);
    const QFont rankF = font(0.5, true);
    const int count = std::min<int>(int(s.leaderboard.size()), AuctionSnapshot::kLeaderboardLength);
    for (int i = 0; i < count; ++i) {
        const LeaderboardEntry& e = s.leaderboard.at(i);
        const QRect row = rowRect(size, i);
        if (row.top() >= panel.bottom())
            break;
        const bool first = i == 0;

        // The rank in a disc: the accent for the top bidder, a ring for the others.
        const double radius = std::min(13.0, row.height() / 2.0 - 3);
        const QPointF centre(row.left() + 10 + radius, row.center().y() + 0.5);
        QColor ink = st.background.alpha() > 0 ? st.background : QColor(20, 18, 28);
        ink.setAlpha(255);
        if (first) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(st.accent);
        } else {
            painter.setPen(QPen(muted, 1.5));
            painter.setBrush(Qt::NoBrush);
        }
        painter.drawEllipse(centre, radius, radius);
        painter.setFont(rankF);
        painter.setPen(first ? ink : st.text);
        painter.drawText(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius),
                         Qt::AlignCenter, QString::number(i + 1));

        const int left = int(centre.x() + radius) + 12;
        const int right = row.right() - 10;
        const QString amount = formatEth(e.bestBid);
        const QFont fittedAmount = paint::fittedFont(amountF, amount, (right - left) / 2);
        const int amountWidth = QFontMetrics(fittedAmount).horizontalAdvance(amount);
        painter.setFont(fittedAmount);
        painter.setPen(first ? st.accent : st.text);
        painter.drawText(QRect(right - amountWidth, row.top(), amountWidth + 1, row.height()),
                         Qt::AlignRight | Qt::AlignVCenter, amount);

        const QString wins = winsText(e);
        const int nameWidth = right - amountWidth - 12 - left;
        const int nameHeight = QFontMetrics(nameF).height();
        const int subHeight = wins.isEmpty() ? 0 : QFontMetrics(subF).height();
        const int top = row.top() + (row.height() - nameHeight - subHeight) / 2;
        painter.setFont(nameF);
        painter.setPen(st.text);
        painter.drawText(QRect(left, top, nameWidth, nameHeight), Qt::AlignLeft | Qt::AlignVCenter,
                         paint::elided(e.bidderName, nameF, nameWidth));
        if (!wins.isEmpty()) {
            painter.setFont(subF);
            painter.setPen(first ? paint::mix(st.accent, muted, 0.3) : muted);
            painter.drawText(QRect(left, top + nameHeight, nameWidth, subHeight),
                             Qt::AlignLeft | Qt::AlignVCenter, wins);
        }
    }
    painter.restore();
}

} // namespace sb::studio
