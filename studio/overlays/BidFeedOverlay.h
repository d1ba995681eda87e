#pragma once
// The bid feed on the right of the default scene: the latest bids, newest at the top. Accepted
// bids in the text colour, the leading bid in the accent, rejected ones greyed with their short
// reason. A new bid slides in and pushes the others down.

#include "Overlay.h"

namespace sb::studio {

class BidFeedOverlay : public Overlay
{
public:
    // How long a new entry takes to slide and fade in.
    static constexpr std::int64_t kSlideInMs = 400;

    // Where row `index` (0 = newest) and its parts sit once settled, in an image of `size`.
    struct RowLayout
    {
        QRect row;
        QRect name;
        QRect amount;
        QRect reason; // empty for a row without a reason
    };

    QString kind() const override;
    QString displayName() const override;
    OverlayStyle defaultStyle() const override;
    void paint(QPainter& painter, QSize size, const AuctionSnapshot& snapshot) const override;
    bool isAnimating(const AuctionSnapshot& snapshot) const override;

    QRect panelRect(QSize size) const;
    int visibleRows(QSize size) const;
    RowLayout rowLayout(QSize size, int index, bool withReason) const;
    QFont nameFont(bool leader) const;
    QFont amountFont(bool leader) const;
    QFont reasonFont() const;

    // "0.25 ETH", or a dash for a post without a valid amount.
    static QString amountText(const FeedEntry& entry);
    // Why the bid does not count ("below reserve", "in review"); empty for an accepted bid.
    static QString reasonText(const FeedEntry& entry);

private:
    int headerHeight() const;
    int rowPitch() const;
    void paintRow(QPainter& painter, const RowLayout& row, const FeedEntry& entry) const;
};

} // namespace sb::studio
