#pragma once
// The card between auction windows: "Next auction in 3 h 12 min", then which day and lot opens
// next. Paints nothing while an auction runs or when none is left.

#include "Overlay.h"

namespace sb::studio {

class ScheduleCardOverlay : public Overlay
{
public:
    struct Layout
    {
        QRect panel;
        QRect caption;   // "NEXT AUCTION IN"
        QRect countdown; // "3 h 12 min"
        QRect details;   // "DAY 4 OF 30 · LOT 4"
        QRect lot;       // the next lot's title and artist
        QRect lastSale;  // "Day 3: paid ✓", under the rest
    };

    QString kind() const override;
    QString displayName() const override;
    OverlayStyle defaultStyle() const override;
    void paint(QPainter& painter, QSize size, const AuctionSnapshot& snapshot) const override;
    bool ticksEverySecond() const override { return true; }

    Layout layout(QSize size) const;
    QFont countdownFont(const QString& text, int width) const;

    static QString countdownText(const AuctionSnapshot& snapshot);
    static QString detailsText(const AuctionSnapshot& snapshot);
    static QString lotText(const AuctionSnapshot& snapshot);
    // How the last auction settled on Shape: "Day 3: paid ✓", "Day 3: awaiting payment",
    // "Day 3: unsold"; empty when settlement is off or nothing was won yet.
    static QString lastSaleText(const AuctionSnapshot& snapshot);
};

} // namespace sb::studio
