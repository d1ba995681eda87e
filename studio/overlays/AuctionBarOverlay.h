#pragma once
// The auction bar along the bottom of the canvas: current bid, leader, time left, "Day n of N",
// and badges for an extended or demo auction. The one overlay a viewer reads at a glance, so the
// layout and the exact strings are public: tests draw the same text in the same place and compare.

#include "Overlay.h"

namespace sb::studio {

class AuctionBarOverlay : public Overlay
{
public:
    // Rects of the values inside the bar, for an image of `size`. Each value's caption sits above
    // its rect; the badge rect holds the EXTENDED and DEMO pills.
    struct Layout
    {
        QRect panel;
        QRect amount;
        QRect leader;
        QRect timeLeft;
        QRect day;
        QRect badge;
    };

    QString kind() const override;
    QString displayName() const override;
    OverlayStyle defaultStyle() const override;
    void paint(QPainter& painter, QSize size, const AuctionSnapshot& snapshot) const override;
    bool ticksEverySecond() const override { return true; }

    Layout layout(QSize size) const;
    // The font a value is drawn with: the style's, bold, shrunk to fit `width` when it must.
    QFont valueFont(const QString& text, int width) const;

    // The strings drawn in the value rects.
    static QString amountText(const AuctionSnapshot& snapshot);
    static QString leaderText(const AuctionSnapshot& snapshot);
    static QString timeLeftText(const AuctionSnapshot& snapshot);
    static QString dayText(const AuctionSnapshot& snapshot);

private:
    void paintBadges(QPainter& painter, const QRect& rect, const AuctionSnapshot& snapshot) const;
    void paintValue(QPainter& painter, const QRect& rect, const QString& label,
                    const QColor& labelColor, const QString& text, const QColor& color) const;
};

} // namespace sb::studio
