#pragma once
// An overlay is a picture of the auction drawn with QPainter into a painted layer: the auction
// bar, the lot card, the bid feed, the leaderboard, the schedule card, the SOLD banner, the paused
// card, the "How to bid" card, and the host character. Each has a style the operator edits in the
// Properties dock. paint() runs on the render thread with a snapshot copied on the GUI thread; it
// reads nothing else that can change.

#include "AuctionSnapshot.h"

#include <QColor>
#include <QJsonObject>
#include <QPainter>
#include <QRect>
#include <QString>

#include <memory>
#include <mutex>

namespace sb::studio {

struct OverlayStyle
{
    QString fontFamily = QStringLiteral("DejaVu Sans");
    int fontPixelSize = 26;
    QColor background{20, 18, 28, 220}; // panel fill
    QColor text{245, 245, 250};
    QColor accent{245, 197, 66}; // amounts, the leader, badges
    QRect geometry;              // where it sits on the canvas, and its size

    // {"font": .., "font_size": .., "background": "#rrggbbaa"-style "#aarrggbb", "text": ..,
    //  "accent": .., "x": .., "y": .., "width": .., "height": ..}; missing keys keep `defaults`.
    QJsonObject toJson() const;
    static OverlayStyle fromJson(const QJsonObject& json, const OverlayStyle& defaults);
    friend bool operator==(const OverlayStyle&, const OverlayStyle&) = default;
};

class Overlay
{
public:
    virtual ~Overlay() = default;

    // Stable id used in scene collections: "auction_bar", "lot_card", "bid_feed", "leaderboard",
    // "schedule_card", "sold_banner", "paused_card", "how_to_bid", "host".
    virtual QString kind() const = 0;
    // Translated name for the Sources dock ("Auction bar").
    virtual QString displayName() const = 0;
    // Where it goes in the default layout of DESIGN.md (1280×720), with its default look.
    virtual OverlayStyle defaultStyle() const = 0;

    // Draws the overlay for `snapshot` into a transparent image of `size` (the style's size).
    // Draws nothing when the state does not call for it (the SOLD banner before a winner).
    virtual void paint(QPainter& painter, QSize size, const AuctionSnapshot& snapshot) const = 0;
    // True while a time-based animation runs at snapshot.nowUtcMs (entries sliding in, the SOLD
    // banner, the host blinking): it must be repainted every frame, not only on changes.
    virtual bool isAnimating(const AuctionSnapshot& snapshot) const
    {
        Q_UNUSED(snapshot);
        return false;
    }
    // True when the picture can change every second without an event (a countdown).
    virtual bool ticksEverySecond() const { return false; }
    // What the picture for `snapshot` shows, for an overlay that draws a few values: an auction
    // change that leaves it the same (a rejected bid, for the "How to bid" card) does not repaint
    // it. Empty, the default: every auction change repaints it.
    virtual QString pictureKey(const AuctionSnapshot& snapshot) const
    {
        Q_UNUSED(snapshot);
        return {};
    }

    OverlayStyle style() const;
    void setStyle(const OverlayStyle& style);

protected:
    // Helpers for subclasses: the style's font at a pixel size (scaled from fontPixelSize).
    QFont font(double scale = 1.0, bool bold = false) const;

private:
    mutable std::mutex m_styleMutex;
    OverlayStyle m_style;
    bool m_styleSet = false;
};

// Creates an overlay by kind; nullptr for an unknown kind. Known kinds are registered by the
// overlay and host sources (see OverlayFactory.cpp).
std::unique_ptr<Overlay> createOverlay(const QString& kind);
QStringList overlayKinds();

} // namespace sb::studio
