#include "BidFeedOverlay.h"

#include "OverlayPainting.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QPainterPath>

namespace sb::studio {

using sb::auction::BidStatus;

namespace {

const QColor kLiveColor(255, 82, 82);

bool counts(const FeedEntry& entry)
{
    return entry.status == BidStatus::Accepted;
}

} // namespace

QString BidFeedOverlay::kind() const
{
    return QStringLiteral("bid_feed");
}

QString BidFeedOverlay::displayName() const
{
    return QCoreApplication::translate("sb::studio::BidFeedOverlay", "Bid feed");
}

OverlayStyle BidFeedOverlay::defaultStyle() const
{
    OverlayStyle style;
    style.geometry = QRect(896, 360, 384, 280);
    return style;
}

bool BidFeedOverlay::isAnimating(const AuctionSnapshot& s) const
{
    for (const FeedEntry& e : s.feed) {
        if (paint::progress(e.receivedUtcMs, s.nowUtcMs, kSlideInMs) < 1.0)
            return true;
    }
    return false;
}

QRect BidFeedOverlay::panelRect(QSize size) const
{
    const int margin = std::max(3, std::min(size.width(), size.height()) / 32);
    return QRect(margin, margin, size.width() - 2 * margin, size.height() - 2 * margin);
}

int BidFeedOverlay::headerHeight() const
{
    return QFontMetrics(paint::labelFont(font(0.5))).height() + 22;
}

int BidFeedOverlay::rowPitch() const
{
    return QFontMetrics(nameFont(false)).height() + QFontMetrics(reasonFont()).height() + 8;
}

int BidFeedOverlay::visibleRows(QSize size) const
{
    const QRect panel = panelRect(size);
    return std::max(0, (panel.height() - headerHeight() - 6) / rowPitch());
}

BidFeedOverlay::RowLayout BidFeedOverlay::rowLayout(QSize size, int index, bool withReason) const
{
    const QRect panel = panelRect(size);
    const int pitch = rowPitch();
    RowLayout r;
    r.row = QRect(panel.left() + 8, panel.top() + headerHeight() + index * pitch,
                  panel.width() - 16, pitch - 4);

    const int contentLeft = r.row.left() + 36; // room for the status mark
    const int contentRight = r.row.right() - 12;
    const int amountWidth = (contentRight - contentLeft) * 2 / 5;
    const int nameHeight = QFontMetrics(nameFont(true)).height();
    const int reasonHeight = QFontMetrics(reasonFont()).height();
    const int nameTop = withReason ? r.row.top() + (r.row.height() - nameHeight - reasonHeight) / 2
                                   : r.row.top() + (r.row.height() - nameHeight) / 2;
    r.amount = QRect(contentRight - amountWidth + 1, nameTop, amountWidth, nameHeight);
    r.name = QRect(contentLeft, nameTop, r.amount.left() - 10 - contentLeft, nameHeight);
    if (withReason)
        r.reason =
            QRect(contentLeft, nameTop + nameHeight, contentRight - contentLeft + 1, reasonHeight);
    return r;
}

QFont BidFeedOverlay::nameFont(bool leader) const
{
    return font(0.78, leader);
}

QFont BidFeedOverlay::amountFont(bool leader) const
{
    QFont f = font(0.78, true);
    f.setBold(true);
    Q_UNUSED(leader); // the leader stands out by colour; the same weight keeps amounts aligned
    return f;
}

QFont BidFeedOverlay::reasonFont() const
{
    QFont f = font(0.56);
    f.setItalic(true);
    return f;
}

QString BidFeedOverlay::amountText(const FeedEntry& entry)
{
    if (entry.amount.gwei() <= 0)
        return QStringLiteral("—");
    return formatEth(entry.amount);
}

QString BidFeedOverlay::reasonText(const FeedEntry& entry)
{
    switch (entry.status) {
    case BidStatus::Accepted:
        return {};
    case BidStatus::Rejected:
        return entry.reason.isEmpty()
                   ? QCoreApplication::translate("sb::studio::BidFeedOverlay", "rejected")
                   : entry.reason;
    case BidStatus::PendingReview:
        return entry.reason.isEmpty()
                   ? QCoreApplication::translate("sb::studio::BidFeedOverlay", "in review")
                   : entry.reason;
    case BidStatus::Invalidated:
        return entry.reason.isEmpty()
                   ? QCoreApplication::translate("sb::studio::BidFeedOverlay", "withdrawn")
                   : entry.reason;
    }
    return {};
}

void BidFeedOverlay::paint(QPainter& painter, QSize size, const AuctionSnapshot& s) const
{
    const OverlayStyle st = style();
    const QRect panel = panelRect(size);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    paint::drawPanel(painter, panel, st, 16.0);

    // Header: a red "live" dot while bids count, then the caption.
    const QFont caption = paint::labelFont(font(0.5));
    const int header = headerHeight();
    const QRect headerRect(panel.left() + 18, panel.top(), panel.width() - 36, header);
    int captionLeft = headerRect.left();
    if (s.isLive() && !s.paused) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(kLiveColor);
        painter.drawEllipse(QPointF(headerRect.left() + 5, headerRect.center().y() + 1), 5, 5);
        captionLeft += 18;
    }
    painter.setFont(caption);
    painter.setPen(paint::mutedText(st));
    painter.drawText(
        QRect(captionLeft, headerRect.top(), headerRect.width(), header),
        Qt::AlignLeft | Qt::AlignVCenter,
        s.isLive() ? QCoreApplication::translate("sb::studio::BidFeedOverlay", "Live bids")
                   : QCoreApplication::translate("sb::studio::BidFeedOverlay", "Latest bids"));
    painter.setPen(QPen(paint::withOpacity(st.text, 0.12), 1.0));
    painter.drawLine(QPointF(panel.left() + 16, panel.top() + header - 0.5),
                     QPointF(panel.right() - 16, panel.top() + header - 0.5));

    if (s.feed.isEmpty()) {
        painter.setFont(font(0.7));
        painter.setPen(paint::mutedText(st));
        painter.drawText(panel.adjusted(16, header, -16, 0), Qt::AlignCenter | Qt::TextWordWrap,
                         QCoreApplication::translate("sb::studio::BidFeedOverlay",
                                                     "Waiting for the first bid…"));
        painter.restore();
        return;
    }

    // While the newest entry slides in, the older rows move down from where they were.
    const double newest =
        paint::easeOutCubic(paint::progress(s.feed.first().receivedUtcMs, s.nowUtcMs, kSlideInMs));
    const int pitch = rowPitch();
    const int shown = std::min<int>(int(s.feed.size()), visibleRows(size) + (newest < 1 ? 1 : 0));

    painter.setClipRect(panel.adjusted(0, header, 0, -4), Qt::IntersectClip);
    for (int i = 0; i < shown; ++i) {
        const FeedEntry& e = s.feed.at(i);
        RowLayout row = rowLayout(size, i, !reasonText(e).isEmpty());
        const double t =
            paint::easeOutCubic(paint::progress(e.receivedUtcMs, s.nowUtcMs, kSlideInMs));
        const int dy = i > 0 ? -int((1.0 - newest) * pitch) : 0;
        const int dx = int((1.0 - t) * row.row.width() * 0.25);
        for (QRect* r : {&row.row, &row.name, &row.amount, &row.reason}) {
            if (!r->isNull())
                r->translate(dx, dy);
        }
        painter.save();
        painter.setOpacity(painter.opacity() * t);
        paintRow(painter, row, e);
        painter.restore();
    }
    painter.restore();
}

void BidFeedOverlay::paintRow(QPainter& painter, const RowLayout& row, const FeedEntry& e) const
{
    const OverlayStyle st = style();
    const QColor muted = paint::mutedText(st);
    const bool accepted = counts(e);
    const bool leader = e.isLeader && accepted;

    if (leader) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(paint::withOpacity(st.accent, 0.14));
        painter.drawRoundedRect(row.row, 10, 10);
        painter.setBrush(st.accent);
        painter.drawRoundedRect(QRectF(row.row.left(), row.row.top() + 6, 4, row.row.height() - 12),
                                2, 2);
    }

    // The status mark: a filled accent dot for the leader, a ring for a bid that counts, a cross
    // for one that does not, a dotted ring while in review.
    const QPointF mark(row.row.left() + 20, row.name.center().y() + 1);
    painter.setBrush(Qt::NoBrush);
    if (leader) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(st.accent);
        painter.drawEllipse(mark, 6, 6);
    } else if (accepted) {
        painter.setPen(QPen(st.text, 2.0));
        painter.drawEllipse(mark, 5, 5);
    } else if (e.status == BidStatus::PendingReview) {
        painter.setPen(QPen(muted, 2.0, Qt::DotLine));
        painter.drawEllipse(mark, 5, 5);
    } else {
        painter.setPen(QPen(muted, 2.0, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(mark + QPointF(-4.5, -4.5), mark + QPointF(4.5, 4.5));
        painter.drawLine(mark + QPointF(-4.5, 4.5), mark + QPointF(4.5, -4.5));
    }

    const QColor textColor = leader ? st.accent : accepted ? st.text : muted;
    const QFont nameF = nameFont(leader);
    painter.setFont(nameF);
    painter.setPen(textColor);
    painter.drawText(row.name, Qt::AlignLeft | Qt::AlignVCenter,
                     paint::elided(e.bidderName, nameF, row.name.width()));

    QFont amountF = amountFont(leader);
    amountF.setStrikeOut(e.status == BidStatus::Invalidated);
    amountF = paint::fittedFont(amountF, amountText(e), row.amount.width());
    painter.setFont(amountF);
    painter.setPen(leader ? st.accent : accepted ? st.text : muted);
    painter.drawText(row.amount, Qt::AlignRight | Qt::AlignVCenter, amountText(e));

    if (!row.reason.isNull()) {
        const QFont reasonF = reasonFont();
        painter.setFont(reasonF);
        painter.setPen(muted);
        painter.drawText(row.reason, Qt::AlignLeft | Qt::AlignVCenter,
                         paint::elided(reasonText(e), reasonF, row.reason.width()));
    }
}

} // namespace sb::studio
