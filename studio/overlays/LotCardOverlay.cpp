#include "LotCardOverlay.h"

#include "OverlayPainting.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFontMetrics>
#include <QImageReader>
#include <QLoggingCategory>
#include <QPainterPath>
#include <QRadialGradient>
#include <QUrl>

namespace sb::studio {

namespace {

Q_LOGGING_CATEGORY(lcLotCard, "sb.studio.overlays")

// A local path from what the marathon config holds: a path or a file:// URL. Remote URLs are not
// fetched on the render thread; they show the placeholder.
QString localPath(const QString& imagePath)
{
    const QUrl url(imagePath);
    if (url.isLocalFile())
        return url.toLocalFile();
    if (!url.scheme().isEmpty() && url.scheme().size() > 1) // "C:" is a drive, not a scheme
        return {};
    return imagePath;
}

} // namespace

QString LotCardOverlay::kind() const
{
    return QStringLiteral("lot_card");
}

QString LotCardOverlay::displayName() const
{
    return QCoreApplication::translate("sb::studio::LotCardOverlay", "Lot card");
}

OverlayStyle LotCardOverlay::defaultStyle() const
{
    OverlayStyle style;
    style.geometry = QRect(0, 0, 896, 640);
    return style;
}

LotCardOverlay::Layout LotCardOverlay::layout(QSize size) const
{
    Layout l;
    const int margin = std::max(4, std::min(size.width(), size.height()) / 40);
    l.panel = QRect(margin, margin, size.width() - 2 * margin, size.height() - 2 * margin);
    const int pad = std::max(6, l.panel.width() / 40);
    const QFontMetrics titleMetrics(font(1.25, true));
    const QFontMetrics artistMetrics(font(0.8));
    const int captionHeight = titleMetrics.height() + artistMetrics.height() + pad / 2;

    const int innerLeft = l.panel.left() + pad;
    const int innerWidth = l.panel.width() - 2 * pad;
    const int captionTop = l.panel.bottom() - pad - captionHeight + 1;
    l.artwork = QRect(innerLeft, l.panel.top() + pad, innerWidth,
                      std::max(1, captionTop - pad * 3 / 4 - (l.panel.top() + pad)));
    const int tokenWidth = innerWidth * 3 / 10;
    l.title = QRect(innerLeft, captionTop, innerWidth - tokenWidth - pad, titleMetrics.height());
    l.artist =
        QRect(innerLeft, l.title.bottom() + 1 + pad / 4, l.title.width(), artistMetrics.height());
    l.token = QRect(l.panel.right() - pad - tokenWidth + 1, captionTop, tokenWidth, captionHeight);
    return l;
}

QString LotCardOverlay::titleText(const AuctionSnapshot& s)
{
    if (!s.lot.title.isEmpty())
        return s.lot.title;
    if (!s.marathonName.isEmpty())
        return s.marathonName;
    return QCoreApplication::translate("sb::studio::LotCardOverlay", "Untitled");
}

QString LotCardOverlay::artistText(const AuctionSnapshot& s)
{
    if (s.lot.artist.isEmpty())
        return {};
    return QCoreApplication::translate("sb::studio::LotCardOverlay", "by %1").arg(s.lot.artist);
}

QString LotCardOverlay::tokenText(const AuctionSnapshot& s)
{
    if (s.lot.tokenId.isEmpty())
        return {};
    return QCoreApplication::translate("sb::studio::LotCardOverlay", "Token #%1")
        .arg(s.lot.tokenId);
}

QImage LotCardOverlay::artwork(const QString& imagePath, QSize bounds) const
{
    std::lock_guard lock(m_cacheMutex);
    if (imagePath != m_cachedPath) {
        m_cachedPath = imagePath;
        m_original = QImage();
        m_scaled = QImage();
        const QString path = localPath(imagePath);
        if (path.isEmpty()) {
            qCWarning(lcLotCard) << "Lot image is not a local file, showing a placeholder:"
                                 << imagePath;
        } else {
            QImageReader reader(path);
            reader.setAutoTransform(true); // phone photos carry their rotation in EXIF
            m_original = reader.read();
            if (m_original.isNull())
                qCWarning(lcLotCard)
                    << "Cannot read the lot image" << path << ":" << reader.errorString();
            else
                m_original = m_original.convertToFormat(QImage::Format_ARGB32_Premultiplied);
        }
    }
    if (m_original.isNull())
        return {};
    const QSize fitted = m_original.size().scaled(bounds, Qt::KeepAspectRatio);
    if (m_scaled.size() != fitted)
        m_scaled = m_original.scaled(fitted, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    return m_scaled;
}

void LotCardOverlay::paint(QPainter& painter, QSize size, const AuctionSnapshot& s) const
{
    const OverlayStyle st = style();
    const Layout l = layout(size);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);

    paint::drawPanel(painter, l.panel, st, 18.0);

    // The matte: a darker well the artwork sits in, whatever its aspect ratio.
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0, 0, 0, st.background.alpha() / 3));
    painter.drawRoundedRect(l.artwork, 12, 12);

    const int inset = std::max(4, l.artwork.height() / 24);
    const QRect imageBounds = l.artwork.adjusted(inset, inset, -inset, -inset);
    const QImage image =
        s.lot.imagePath.isEmpty() ? QImage() : artwork(s.lot.imagePath, imageBounds.size());
    if (image.isNull()) {
        paintPlaceholder(painter, imageBounds, s);
    } else {
        QRect target(QPoint(), image.size());
        target.moveCenter(imageBounds.center());
        // A soft shadow and a thin light frame: a print hung on a wall, not a screenshot.
        for (int i = 1; i <= 5; ++i) {
            painter.setBrush(QColor(0, 0, 0, 18));
            painter.drawRoundedRect(QRectF(target).adjusted(-i, -i + 3, i, i + 4), 4 + i, 4 + i);
        }
        painter.drawImage(target, image);
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(QColor(255, 255, 255, 60), 1.0));
        painter.drawRect(QRectF(target).adjusted(0.5, 0.5, -0.5, -0.5));
    }

    const QFont titleFont = font(1.25, true);
    painter.setFont(titleFont);
    painter.setPen(st.text);
    painter.drawText(l.title, Qt::AlignLeft | Qt::AlignVCenter,
                     paint::elided(titleText(s), titleFont, l.title.width()));

    const QFont artistFont = font(0.8);
    painter.setFont(artistFont);
    painter.setPen(paint::mutedText(st));
    painter.drawText(l.artist, Qt::AlignLeft | Qt::AlignVCenter,
                     paint::elided(artistText(s), artistFont, l.artist.width()));

    // Right of the caption: the lot number as a caption, the token id in the accent.
    const QFont caption = paint::labelFont(font(0.5));
    const int captionHeight = QFontMetrics(caption).height();
    if (s.lotNumber > 0) {
        painter.setFont(caption);
        painter.setPen(paint::mutedText(st));
        painter.drawText(
            QRect(l.token.left(), l.token.top(), l.token.width(), captionHeight),
            Qt::AlignRight | Qt::AlignTop,
            QCoreApplication::translate("sb::studio::LotCardOverlay", "Lot %1").arg(s.lotNumber));
    }
    const QString token = tokenText(s);
    if (!token.isEmpty()) {
        const QFont tokenFont = paint::fittedFont(font(0.85, true), token, l.token.width());
        painter.setFont(tokenFont);
        painter.setPen(st.accent);
        painter.drawText(l.token.adjusted(0, captionHeight, 0, 0),
                         Qt::AlignRight | Qt::AlignVCenter,
                         paint::elided(token, tokenFont, l.token.width()));
    }
    painter.restore();
}

void LotCardOverlay::paintPlaceholder(QPainter& painter, const QRect& area,
                                      const AuctionSnapshot& s) const
{
    const OverlayStyle st = style();
    // A square "canvas" in the middle of the well: a glow of the accent, a double frame, a small
    // landscape mark and the title, like a gallery's card for a work still on its way.
    const int side = std::min(area.width(), area.height());
    QRectF frame(0, 0, side, side);
    frame.moveCenter(QRectF(area).center());

    QRadialGradient glow(frame.center(), side * 0.7);
    glow.setColorAt(0.0, paint::withOpacity(st.accent, 0.16));
    glow.setColorAt(1.0, QColor(0, 0, 0, 0));
    painter.setPen(Qt::NoPen);
    painter.setBrush(glow);
    painter.drawRect(frame);

    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(paint::withOpacity(st.accent, 0.75), 2.0));
    painter.drawRect(frame.adjusted(1, 1, -1, -1));
    painter.setPen(QPen(paint::withOpacity(st.accent, 0.35), 1.0));
    const double gap = std::max(6.0, side / 40.0);
    painter.drawRect(frame.adjusted(gap, gap, -gap, -gap));

    // The mark: two hills and a sun, drawn in the muted text colour.
    const double mark = side * 0.22;
    const QPointF c(frame.center().x(), frame.top() + side * 0.40);
    QPainterPath hills;
    hills.moveTo(c.x() - mark / 2, c.y() + mark * 0.3);
    hills.lineTo(c.x() - mark * 0.12, c.y() - mark * 0.22);
    hills.lineTo(c.x() + mark * 0.08, c.y() + mark * 0.02);
    hills.lineTo(c.x() + mark * 0.22, c.y() - mark * 0.1);
    hills.lineTo(c.x() + mark / 2, c.y() + mark * 0.3);
    hills.closeSubpath();
    painter.setPen(Qt::NoPen);
    painter.setBrush(paint::withOpacity(paint::mutedText(st), 0.8));
    painter.drawPath(hills);
    painter.setBrush(paint::withOpacity(st.accent, 0.9));
    painter.drawEllipse(QPointF(c.x() + mark * 0.28, c.y() - mark * 0.34), mark * 0.09,
                        mark * 0.09);

    const QFont titleFont = paint::fittedFont(font(1.1, true), titleText(s), int(side * 0.8));
    painter.setFont(titleFont);
    painter.setPen(st.text);
    const QRectF titleRect(frame.left() + side * 0.1, c.y() + mark * 0.55, side * 0.8,
                           QFontMetrics(titleFont).height() * 2.2);
    painter.drawText(titleRect, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, titleText(s));

    const QFont noteFont = paint::labelFont(font(0.45));
    painter.setFont(noteFont);
    painter.setPen(paint::mutedText(st));
    painter.drawText(QRectF(frame.left(), frame.bottom() - side * 0.16, side, side * 0.08),
                     Qt::AlignCenter,
                     QCoreApplication::translate("sb::studio::LotCardOverlay", "Artwork preview"));
}

} // namespace sb::studio
