#pragma once
// "How to bid" for the viewers: the X account whose auction post takes the replies, a reply
// written the way the bid grammar reads it (the next minimum as the amount, the marathon's hashtag
// after it) and the next minimum itself. Shown while the auction takes bids. Text that does not
// fit shrinks a little, then elides: a 15-character handle or a long hashtag never leaves its box.
// It repaints only when what it says changes (pictureKey), not on every bid event.

#include "Overlay.h"

#include <QFont>

namespace sb::studio {

class HowToBidOverlay : public Overlay
{
public:
    // What the card says, before fitting.
    struct Content
    {
        bool visible = false;  // the auction takes bids
        QString heading;       // "How to bid on X"
        QString replyTo;       // "Reply to @sothebais's auction post:"
        QString example;       // "bid 0.525 ETH #SothebAIs"
        QString minimumLabel;  // "Next minimum"
        QString minimumAmount; // "0.525 ETH"
        friend bool operator==(const Content&, const Content&) = default;
    };

    // One piece of text as drawn: its box, its font (perhaps shrunk), its text (perhaps elided).
    struct Piece
    {
        QRect rect;
        QFont font;
        QString text;
    };

    // Where everything goes in an image of `size`. Wide boxes (the default strip under the
    // artwork) put the minimum in a column on the right; narrow ones stack one piece a row.
    struct Layout
    {
        QRect panel;
        bool stacked = false;
        Piece heading;
        Piece replyTo;
        Piece example;
        QRect examplePill; // the outline around the example reply
        Piece minimumLabel;
        Piece minimumAmount;
        QRect divider; // between the reply and the minimum; empty when stacked
    };

    QString kind() const override;
    QString displayName() const override;
    OverlayStyle defaultStyle() const override;
    void paint(QPainter& painter, QSize size, const AuctionSnapshot& snapshot) const override;
    QString pictureKey(const AuctionSnapshot& snapshot) const override;

    static Content content(const AuctionSnapshot& snapshot);
    Layout layout(QSize size, const Content& content) const;

    // The one line a viewer reads: "Reply to the auction post on X: bid 0.25 ETH".
    static QString replyLine(const Content& content);

private:
    void fitReplyRow(Layout& l, const Content& c, const QRect& row) const;
};

} // namespace sb::studio
