#pragma once
// The artwork panel, the main area of the default scene: the lot's image, framed, with its title,
// artist and token id underneath. A missing image gets a framed placeholder with the title: the
// show goes on while the operator fixes the path.

#include "Overlay.h"

#include <QImage>

#include <mutex>

namespace sb::studio {

class LotCardOverlay : public Overlay
{
public:
    // Where things go in an image of `size`: the artwork fits (aspect kept) inside `artwork`.
    struct Layout
    {
        QRect panel;
        QRect artwork;
        QRect title;
        QRect artist;
        QRect token;
    };

    QString kind() const override;
    QString displayName() const override;
    OverlayStyle defaultStyle() const override;
    void paint(QPainter& painter, QSize size, const AuctionSnapshot& snapshot) const override;

    Layout layout(QSize size) const;
    // The strings under the artwork.
    static QString titleText(const AuctionSnapshot& snapshot);
    static QString artistText(const AuctionSnapshot& snapshot);
    static QString tokenText(const AuctionSnapshot& snapshot);

private:
    // The lot's image scaled to fit `bounds`, loaded once per path and scaled once per size:
    // paint() runs every frame on the render thread. Null when the image cannot be read.
    QImage artwork(const QString& imagePath, QSize bounds) const;
    void paintPlaceholder(QPainter& painter, const QRect& area, const AuctionSnapshot& s) const;

    mutable std::mutex m_cacheMutex;
    mutable QString m_cachedPath;
    mutable QImage m_original; // null when m_cachedPath could not be read
    mutable QImage m_scaled;   // m_original scaled for the last bounds asked
};

} // namespace sb::studio
