#include "HowToBidOverlay.h"

#include "OverlayPainting.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QFontMetricsF>

#include <algorithm>
#include <cmath>

namespace sb::studio {

using sb::auction::DayState;

namespace {

// Text shrinks to this share of its size before it elides: smaller stops reading on a phone.
constexpr double kMinScale = 0.7;

// The width `text` takes, rounded up: QFontMetrics rounds it down, and Qt's eliding then cuts a
// text that was measured to fit by a fraction of a pixel.
int advance(const QFont& font, const QString& text)
{
    return int(std::ceil(QFontMetricsF(font).horizontalAdvance(text)));
}

// Money is never elided while it can shrink: "1,000.5…" would read as another amount.
constexpr double kAmountMinScale = 0.5;

// `text` elided to `width` as it will be drawn: Qt's eliding leaves out the letter spacing that
// captions have, so its answer is measured again and elided shorter while it does not fit.
QString elided(const QString& text, const QFont& font, int width)
{
    QString shown = paint::elided(text, font, width);
    for (int room = width; !shown.isEmpty() && advance(font, shown) > width && room > 0;) {
        room -= std::max(1, advance(font, shown) - width);
        shown = room > 0 ? paint::elided(text, font, room) : QString();
    }
    return shown;
}

HowToBidOverlay::Piece fitted(const QFont& font, const QString& text, const QRect& rect,
                              double minScale = kMinScale)
{
    QFont f = font;
    const int smallest = std::max(6, int(font.pixelSize() * minScale));
    while (f.pixelSize() > smallest && advance(f, text) > rect.width())
        f.setPixelSize(f.pixelSize() - 1);
    return {rect, f, elided(text, f, rect.width())};
}

void drawPiece(QPainter& painter, const HowToBidOverlay::Piece& piece, const QColor& color,
               int flags = Qt::AlignLeft | Qt::AlignVCenter)
{
    if (piece.text.isEmpty() || piece.rect.isEmpty())
        return;
    painter.setFont(piece.font);
    painter.setPen(color);
    painter.drawText(piece.rect, flags, piece.text);
}

} // namespace

QString HowToBidOverlay::kind() const
{
    return QStringLiteral("how_to_bid");
}

QString HowToBidOverlay::displayName() const
{
    return QCoreApplication::translate("sb::studio::HowToBidOverlay", "How to bid");
}

OverlayStyle HowToBidOverlay::defaultStyle() const
{
    // A strip under the artwork in the default scene (whose lot card is made shorter for it),
    // above the auction bar: it covers neither, nor the host or the feed on the right.
    OverlayStyle style;
    style.geometry = QRect(0, 560, 896, 74);
    return style;
}

HowToBidOverlay::Content HowToBidOverlay::content(const AuctionSnapshot& s)
{
    Content c;
    c.visible = s.hasAuction && s.dayState == DayState::Active && !s.winnerDeclared &&
                s.minimumNextBid.gwei() > 0;
    if (!c.visible)
        return c;
    c.heading = QCoreApplication::translate("sb::studio::HowToBidOverlay", "How to bid on X");
    c.replyTo = s.xHandle.isEmpty() ? QCoreApplication::translate("sb::studio::HowToBidOverlay",
                                                                  "Reply to the auction post on X:")
                                    : QCoreApplication::translate("sb::studio::HowToBidOverlay",
                                                                  "Reply to @%1's auction post:")
                                          .arg(s.xHandle);
    // The grammar's own words, never translated: a translated "bid" would not be read as a bid.
    // The amount is the next minimum as the grammar writes it ("1,000.5"), exact to the gwei.
    c.example = QStringLiteral("bid %1 ETH").arg(s.minimumNextBid.toDecimalString());
    if (!s.hashtag.isEmpty())
        c.example += QLatin1Char(' ') + s.hashtag;
    c.minimumLabel = QCoreApplication::translate("sb::studio::HowToBidOverlay", "Next minimum");
    c.minimumAmount = formatEth(s.minimumNextBid);
    return c;
}

QString HowToBidOverlay::replyLine(const Content& c)
{
    return c.replyTo + QLatin1Char(' ') + c.example;
}

QString HowToBidOverlay::pictureKey(const AuctionSnapshot& snapshot) const
{
    const Content c = content(snapshot);
    if (!c.visible)
        return QStringLiteral("hidden");
    return QStringList{c.heading, c.replyTo, c.example, c.minimumLabel, c.minimumAmount}.join(
        QChar(0x1f));
}

HowToBidOverlay::Layout HowToBidOverlay::layout(QSize size, const Content& c) const
{
    Layout l;
    const int marginX = std::max(4, size.width() / 64);
    const int marginY = std::max(3, size.height() / 16);
    l.panel = QRect(marginX, marginY, std::max(1, size.width() - 2 * marginX),
                    std::max(1, size.height() - 2 * marginY));
    const int padX = std::clamp(l.panel.height() / 4, 8, 18);
    const QRect inner = l.panel.adjusted(padX, 0, -padX, 0);

    const QFont labelFont = paint::labelFont(font(0.5));
    const QFont amountFont = font(0.86, true);
    const int labelHeight = QFontMetrics(labelFont).height();
    const int valueHeight = QFontMetrics(font(0.78)).height() + 8; // the example's pill
    const int amountHeight = QFontMetrics(amountFont).height();
    const int gap = std::max(2, labelHeight / 5);
    l.stacked = size.width() < size.height() * 3;

    if (!l.stacked) {
        // Caption above value in two columns, as on the auction bar: the reply, then the minimum.
        const int rowHeight = std::max(valueHeight, amountHeight);
        const int top =
            l.panel.top() + std::max(0, (l.panel.height() - labelHeight - gap - rowHeight) / 2);
        const int natural =
            std::max(advance(labelFont, c.minimumLabel), advance(amountFont, c.minimumAmount));
        const int column = std::clamp(natural, inner.width() / 6, inner.width() / 2);
        const int right = inner.right() - column + 1;
        l.divider =
            QRect(right - padX, l.panel.top() + l.panel.height() / 5, 1, l.panel.height() * 3 / 5);
        const int leftWidth = std::max(1, l.divider.left() - padX - inner.left());
        l.heading = fitted(labelFont, c.heading, QRect(inner.left(), top, leftWidth, labelHeight));
        fitReplyRow(l, c, QRect(inner.left(), top + labelHeight + gap, leftWidth, rowHeight));
        l.minimumLabel = fitted(labelFont, c.minimumLabel, QRect(right, top, column, labelHeight));
        l.minimumAmount =
            fitted(amountFont, c.minimumAmount,
                   QRect(right, top + labelHeight + gap, column, rowHeight), kAmountMinScale);
        return l;
    }

    // Narrow: heading, the reply, the example, then the minimum with its caption beside it.
    const int textHeight = QFontMetrics(font(0.78)).height();
    const int total = labelHeight + textHeight + valueHeight + amountHeight + 3 * gap;
    int y = l.panel.top() + std::max(padX / 2, (l.panel.height() - total) / 2);
    l.heading = fitted(labelFont, c.heading, QRect(inner.left(), y, inner.width(), labelHeight));
    y += labelHeight + gap;
    l.replyTo = fitted(font(0.78), c.replyTo, QRect(inner.left(), y, inner.width(), textHeight));
    y += textHeight + gap;
    Layout row;
    fitReplyRow(row, Content{true, {}, {}, c.example, {}, {}},
                QRect(inner.left(), y, inner.width(), valueHeight));
    l.example = row.example;
    l.examplePill = row.examplePill;
    y += valueHeight + gap;
    // The amount has the first claim on the row; its caption takes what is left.
    const int amountWidth = std::min(advance(amountFont, c.minimumAmount), inner.width());
    const int labelWidth =
        std::clamp(inner.width() - amountWidth - padX, 0, advance(labelFont, c.minimumLabel));
    l.minimumLabel =
        fitted(labelFont, c.minimumLabel, QRect(inner.left(), y, labelWidth, amountHeight));
    const int amountLeft = inner.left() + (labelWidth > 0 ? labelWidth + padX : 0);
    l.minimumAmount =
        fitted(amountFont, c.minimumAmount,
               QRect(amountLeft, y, std::max(1, inner.right() + 1 - amountLeft), amountHeight),
               kAmountMinScale);
    return l;
}

void HowToBidOverlay::fitReplyRow(Layout& l, const Content& c, const QRect& row) const
{
    // The reply and the example share the row: both shrink together first, then the example
    // keeps up to 55 % (it is what viewers copy) and each elides in its share.
    QFont replyFont = font(0.78);
    QFont exampleFont = font(0.78, true);
    const int pillPad = std::max(6, QFontMetrics(replyFont).height() / 2);
    const int between = c.replyTo.isEmpty() ? 0 : pillPad;
    const int available = std::max(1, row.width() - between - 2 * pillPad);
    const int smallest = std::max(6, int(replyFont.pixelSize() * kMinScale));
    while (replyFont.pixelSize() > smallest &&
           advance(replyFont, c.replyTo) + advance(exampleFont, c.example) > available) {
        replyFont.setPixelSize(replyFont.pixelSize() - 1);
        exampleFont.setPixelSize(exampleFont.pixelSize() - 1);
    }
    int replyWidth = c.replyTo.isEmpty() ? 0 : advance(replyFont, c.replyTo);
    int exampleWidth = advance(exampleFont, c.example);
    if (replyWidth + exampleWidth > available) {
        const int exampleShare = c.replyTo.isEmpty() ? available : available * 55 / 100;
        if (exampleWidth <= exampleShare)
            replyWidth = available - exampleWidth;
        else if (replyWidth <= available - exampleShare)
            exampleWidth = available - replyWidth;
        else {
            exampleWidth = exampleShare;
            replyWidth = available - exampleShare;
        }
    }
    l.replyTo = {QRect(row.left(), row.top(), replyWidth, row.height()), replyFont,
                 elided(c.replyTo, replyFont, replyWidth)};
    const int pillHeight = std::min(row.height(), QFontMetrics(exampleFont).height() + 8);
    l.examplePill =
        QRect(row.left() + replyWidth + between, row.top() + (row.height() - pillHeight) / 2,
              exampleWidth + 2 * pillPad, pillHeight);
    l.example = {l.examplePill.adjusted(pillPad, 0, -pillPad, 0), exampleFont,
                 elided(c.example, exampleFont, exampleWidth)};
}

void HowToBidOverlay::paint(QPainter& painter, QSize size, const AuctionSnapshot& s) const
{
    const Content c = content(s);
    if (!c.visible)
        return;
    const OverlayStyle st = style();
    const Layout l = layout(size, c);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    paint::drawPanel(painter, l.panel, st, std::min(14.0, l.panel.height() / 3.0));

    drawPiece(painter, l.heading, st.accent);
    drawPiece(painter, l.replyTo, st.text);

    // The example reply in a pill: a thing to type, set apart from the sentence around it.
    painter.setPen(QPen(paint::withOpacity(st.accent, 0.8), 1.5));
    painter.setBrush(paint::withOpacity(st.accent, 0.14));
    const double radius = l.examplePill.height() / 2.0;
    painter.drawRoundedRect(QRectF(l.examplePill).adjusted(0.75, 0.75, -0.75, -0.75), radius,
                            radius);
    drawPiece(painter, l.example, st.accent, Qt::AlignCenter);

    if (!l.divider.isEmpty()) {
        painter.setPen(QPen(paint::withOpacity(st.text, 0.14), 1.0));
        const double x = l.divider.left() + 0.5;
        painter.drawLine(QPointF(x, l.divider.top()), QPointF(x, l.divider.bottom()));
    }
    drawPiece(painter, l.minimumLabel, paint::mutedText(st));
    drawPiece(painter, l.minimumAmount, st.accent);
    painter.restore();
}

} // namespace sb::studio
