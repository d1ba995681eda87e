#pragma once
// The "SOLD" banner once a winner is declared: the word stamped down, then who won and for how
// much; once the settlement on Shape has minted the token, "Paid ✓ — token #N minted to 0xAB…CD"
// below. Animated in over kAnimationMs from the declaration; shown settled when that instant is
// unknown. Nothing before a winner.

#include "Overlay.h"

namespace sb::studio {

class SoldBannerOverlay : public Overlay
{
public:
    static constexpr std::int64_t kAnimationMs = 1500;

    // Where things are once the animation has settled.
    struct Layout
    {
        QRect panel;
        QRect sold;
        QRect winner;
        QRect amount;
        QRect paid; // under the amount, in what the panel has left
    };

    QString kind() const override;
    QString displayName() const override;
    OverlayStyle defaultStyle() const override;
    void paint(QPainter& painter, QSize size, const AuctionSnapshot& snapshot) const override;
    bool isAnimating(const AuctionSnapshot& snapshot) const override;

    Layout layout(QSize size) const;

    static QString soldText();
    static QString winnerText(const AuctionSnapshot& snapshot); // "to @alice"
    static QString amountText(const AuctionSnapshot& snapshot); // "for 1.25 ETH"
    // "Paid ✓ — token #3 minted to 0x70…C8"; empty until the mint is confirmed.
    static QString paidText(const AuctionSnapshot& snapshot);

private:
    QFont soldFont() const;
};

} // namespace sb::studio
