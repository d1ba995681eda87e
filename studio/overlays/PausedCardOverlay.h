#pragma once
// The card shown while the operator has paused the auction: "Auction paused" with the time left,
// frozen, so viewers know bids will count again and for how long. Nothing otherwise.

#include "Overlay.h"

namespace sb::studio {

class PausedCardOverlay : public Overlay
{
public:
    struct Layout
    {
        QRect panel;
        QRect icon;
        QRect title;
        QRect timeLeft;
        QRect note;
    };

    QString kind() const override;
    QString displayName() const override;
    OverlayStyle defaultStyle() const override;
    void paint(QPainter& painter, QSize size, const AuctionSnapshot& snapshot) const override;

    Layout layout(QSize size) const;

    static QString titleText();
    static QString timeLeftText(const AuctionSnapshot& snapshot); // "Time left: 4 min 07 s"
};

} // namespace sb::studio
