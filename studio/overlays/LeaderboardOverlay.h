#pragma once
// The marathon's leaderboard: the top bidders across all the auctions so far, with their best bid
// and how many lots they won. The scene shows it in place of the bid feed between bids.

#include "Overlay.h"

namespace sb::studio {

class LeaderboardOverlay : public Overlay
{
public:
    QString kind() const override;
    QString displayName() const override;
    OverlayStyle defaultStyle() const override;
    void paint(QPainter& painter, QSize size, const AuctionSnapshot& snapshot) const override;

    QRect panelRect(QSize size) const;
    // Row `index` (0 = best) in an image of `size`.
    QRect rowRect(QSize size, int index) const;

    // "1 win", "3 wins"; empty for none.
    static QString winsText(const LeaderboardEntry& entry);

private:
    int headerHeight() const;
    int rowPitch(QSize size) const;
};

} // namespace sb::studio
