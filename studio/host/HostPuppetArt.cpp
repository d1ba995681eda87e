#include "HostPuppetArt.h"

#include "HostArtShapes.h"
#include "HostPalette.h"

#include <QLinearGradient>
#include <QPainterPath>
#include <QRadialGradient>

#include <cmath>

namespace sb::studio::hostart {

using namespace palette;

namespace {

QPainterPath facePath()
{
    QPainterPath p;
    p.moveTo(124, 142);
    p.cubicTo(124, 86, 158, 60, 192, 60);
    p.cubicTo(226, 60, 260, 86, 260, 142);
    p.cubicTo(260, 178, 244, 206, 214, 225);
    p.quadTo(192, 239, 170, 225);
    p.cubicTo(140, 206, 124, 178, 124, 142);
    return p;
}

// The hair that frames the face: the crown and its sides, open over the forehead.
QPainterPath hairCapPath()
{
    QPainterPath p;
    p.moveTo(110, 182);
    p.cubicTo(102, 96, 144, 40, 192, 40);
    p.cubicTo(240, 40, 282, 96, 274, 182);
    p.lineTo(262, 182);
    p.cubicTo(262, 128, 240, 96, 192, 94);
    p.cubicTo(144, 96, 122, 128, 122, 182);
    p.closeSubpath();
    return p;
}

double foreheadEdgeY(double x)
{
    const double u = (x - 192.0) / 70.0;
    return 100.0 + 44.0 * u * u;
}

// One lock of the fringe: from a base on the forehead edge to a tip, swept towards `sweep`.
QPainterPath strand(double left, double right, QPointF tip, double sweep)
{
    QPainterPath p;
    // Rooted well inside the cap, so no seam shows where a lock meets it.
    const QPointF a(left, foreheadEdgeY(left) - 16);
    const QPointF b(right, foreheadEdgeY(right) - 16);
    p.moveTo(a);
    p.quadTo(QPointF((a.x() + tip.x()) / 2 + sweep - 3, (a.y() + tip.y()) / 2 + 2), tip);
    p.quadTo(QPointF((b.x() + tip.x()) / 2 + sweep + 3, (b.y() + tip.y()) / 2 - 2), b);
    p.closeSubpath();
    return p;
}

QPainterPath fringePath()
{
    QPainterPath p;
    // Tips stay above the brows (y ~ 124) so the expression is never hidden; only the lock
    // between the eyes and those at the temples reach lower.
    p.addPath(strand(120, 152, {124, 150}, -4));
    p.addPath(strand(132, 174, {146, 121}, -6));
    p.addPath(strand(154, 194, {168, 119}, -5));
    p.addPath(strand(176, 208, {190, 136}, 0));
    p.addPath(strand(192, 232, {215, 119}, 5));
    p.addPath(strand(212, 252, {237, 121}, 6));
    p.addPath(strand(232, 266, {260, 150}, 4));
    p.setFillRule(Qt::WindingFill); // overlapping locks are hair, not holes
    return p.simplified();
}

QPainterPath sideLockPath()
{
    QPainterPath p;
    p.moveTo(120, 112);
    p.cubicTo(104, 160, 98, 222, 104, 290);
    p.cubicTo(110, 270, 114, 262, 118, 254);
    p.cubicTo(120, 262, 122, 268, 124, 276);
    p.cubicTo(132, 230, 136, 180, 138, 128);
    p.closeSubpath();
    return p;
}

void fillHair(QPainter& p, const QPainterPath& path, double top, double bottom)
{
    QLinearGradient g(0, top, 0, bottom);
    g.setColorAt(0.0, kHair);
    g.setColorAt(0.7, kHair);
    g.setColorAt(1.0, kHairShade);
    p.setBrush(g);
    p.setPen(outline(kHairDark, 2.0));
    p.drawPath(path);
}

QPainterPath heartPath(QPointF c, double s)
{
    QPainterPath p;
    p.moveTo(c.x(), c.y() + s * 0.9);
    p.cubicTo(c.x() - s * 1.3, c.y(), c.x() - s * 0.9, c.y() - s * 1.1, c.x(), c.y() - s * 0.4);
    p.cubicTo(c.x() + s * 0.9, c.y() - s * 1.1, c.x() + s * 1.3, c.y(), c.x(), c.y() + s * 0.9);
    return p;
}

void drawHat(QPainter& p)
{
    p.save();
    p.translate(250, 52);
    p.rotate(16);
    p.setPen(outline(kLine, 2.0));
    p.setBrush(kHat);
    p.drawRoundedRect(QRectF(-19, -38, 38, 38), 4, 4);
    p.setBrush(kHatBand);
    p.drawRect(QRectF(-19, -12, 38, 9));
    p.setBrush(kHat);
    p.drawEllipse(QRectF(-32, -6, 64, 13));
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(255, 255, 255, 60));
    p.drawRoundedRect(QRectF(-14, -35, 6, 20), 3, 3);
    p.setBrush(kGold);
    p.drawPath(sparklePath({9, -7.5}, 7));
    p.restore();
}

} // namespace

QRectF hairBackBounds()
{
    return {60, 30, 264, 330};
}
QRectF bodyBounds()
{
    return {44, 196, 296, 164};
}
QRectF faceBounds()
{
    return {100, 56, 184, 186};
}
QRectF eyesBounds()
{
    return {124, 126, 136, 66};
}
QRectF browsBounds()
{
    return {124, 100, 136, 40};
}
QRectF mouthBounds()
{
    return {164, 190, 56, 36};
}
QRectF cheeksBounds()
{
    return {126, 178, 132, 32};
}
QRectF hairFrontBounds()
{
    return {92, 0, 200, 300};
}
QRectF emoteBounds()
{
    return {0, 0, 384, 240};
}
QRectF armBounds()
{
    return {0, 110, 190, 250};
}

void drawHairBack(QPainter& p)
{
    QPainterPath path;
    path.moveTo(192, 36);
    path.cubicTo(128, 36, 98, 86, 100, 150);
    path.cubicTo(101, 206, 92, 262, 70, 322);
    path.cubicTo(82, 316, 90, 310, 96, 300);
    path.cubicTo(96, 320, 90, 334, 80, 350);
    path.cubicTo(112, 334, 126, 302, 132, 262);
    path.lineTo(252, 262);
    path.cubicTo(258, 302, 272, 334, 304, 350);
    path.cubicTo(294, 334, 288, 320, 288, 300);
    path.cubicTo(294, 310, 302, 316, 314, 322);
    path.cubicTo(292, 262, 283, 206, 284, 150);
    path.cubicTo(286, 86, 256, 36, 192, 36);
    path.closeSubpath();

    QLinearGradient g(0, 40, 0, 350);
    g.setColorAt(0.0, kHairShade);
    g.setColorAt(1.0, kHairDark);
    p.setBrush(g);
    p.setPen(outline(kHairDark.darker(130), 2.0));
    p.drawPath(path);
    p.setPen(outline(QColor(kHairDark.red(), kHairDark.green(), kHairDark.blue(), 150), 1.6));
    p.setBrush(Qt::NoBrush);
    QPainterPath strands;
    strands.moveTo(112, 200);
    strands.cubicTo(110, 250, 104, 290, 92, 330);
    strands.moveTo(272, 200);
    strands.cubicTo(274, 250, 280, 290, 292, 330);
    p.drawPath(strands);
}

void drawFace(QPainter& p)
{
    p.setPen(outline(kSkinLine, 1.8));
    p.setBrush(kSkin);
    p.drawEllipse(QRectF(112, 134, 20, 34));
    p.drawEllipse(QRectF(252, 134, 20, 34));
    p.setPen(Qt::NoPen);
    p.setBrush(kSkinShade);
    p.drawEllipse(QRectF(117, 142, 9, 18));
    p.drawEllipse(QRectF(258, 142, 9, 18));

    QRadialGradient skin(QPointF(192, 150), 110);
    skin.setColorAt(0.0, kSkin);
    skin.setColorAt(0.8, kSkin);
    skin.setColorAt(1.0, kSkinShade);
    p.setPen(outline(kSkinLine, 1.8));
    p.setBrush(skin);
    p.drawPath(facePath());

    // A small nose: a soft shadow tick, as anime faces draw it.
    p.setPen(outline(kSkinLine, 1.6));
    QPainterPath nose;
    nose.moveTo(195, 185);
    nose.quadTo(197, 190, 193, 192);
    p.drawPath(nose);
}

void drawHairFront(QPainter& p)
{
    const QPainterPath fringe = fringePath();
    // The fringe's shadow on the forehead: what makes the hair sit on the head, not on a sticker.
    p.save();
    p.setClipPath(facePath());
    p.setPen(Qt::NoPen);
    p.setBrush(kSkinShade);
    p.drawPath(fringe.translated(2, 7));
    p.restore();

    const QPainterPath lock = sideLockPath();
    QPainterPath hair = hairCapPath().united(fringe);
    fillHair(p, lock, 110, 290);
    fillHair(p, mirroredPath(lock), 110, 290);
    fillHair(p, hair, 40, 150);

    // The "angel ring" highlight and a few strand lines.
    p.save();
    p.setClipPath(hair);
    p.setPen(outline(kHairLight, 6.0));
    QPainterPath ring;
    ring.moveTo(136, 78);
    ring.quadTo(160, 60, 182, 58);
    ring.moveTo(196, 57);
    ring.quadTo(226, 58, 250, 76);
    p.drawPath(ring);
    p.setPen(outline(QColor(kHairShade.red(), kHairShade.green(), kHairShade.blue(), 200), 1.6));
    QPainterPath lines;
    lines.moveTo(170, 50);
    lines.quadTo(150, 80, 150, 110);
    lines.moveTo(194, 48);
    lines.quadTo(190, 90, 190, 126);
    lines.moveTo(218, 50);
    lines.quadTo(236, 80, 232, 110);
    lines.moveTo(134, 100);
    lines.quadTo(124, 130, 128, 146);
    lines.moveTo(250, 100);
    lines.quadTo(260, 130, 256, 146);
    p.drawPath(lines);
    p.restore();
    p.setPen(outline(kHairShade, 1.4));
    QPainterPath lockLine;
    lockLine.moveTo(124, 140);
    lockLine.cubicTo(114, 180, 110, 230, 112, 268);
    p.drawPath(lockLine);
    p.drawPath(mirroredPath(lockLine));

    drawHat(p);
}

void drawCheeks(QPainter& p, HostMood mood)
{
    double strength = 0.45;
    bool hatch = false;
    switch (mood) {
    case HostMood::Excited:
    case HostMood::Triumphant:
        strength = 0.9;
        hatch = true;
        break;
    case HostMood::Happy:
        strength = 1.0;
        hatch = true;
        break;
    case HostMood::Surprised:
    case HostMood::Thoughtful:
        strength = 0.3;
        break;
    case HostMood::Concerned:
        strength = 0.0;
        break;
    case HostMood::Neutral:
        break;
    }
    if (strength <= 0.0)
        return;
    for (const QPointF& c : {QPointF(150, 194), mirrored({150, 194})}) {
        QRadialGradient g(c, 16);
        QColor inner = kBlush;
        inner.setAlphaF(float(0.55 * strength));
        QColor outer = kBlush;
        outer.setAlpha(0);
        g.setColorAt(0.0, inner);
        g.setColorAt(1.0, outer);
        p.setPen(Qt::NoPen);
        p.setBrush(g);
        p.drawEllipse(c, 17.0, 9.0);
        if (hatch) {
            p.setPen(outline(QColor(226, 86, 112, 170), 1.5));
            for (int i = -1; i <= 1; ++i) {
                const double x = c.x() + i * 6;
                p.drawLine(QPointF(x + 2, c.y() - 4), QPointF(x - 2, c.y() + 4));
            }
        }
    }
}

void drawEmote(QPainter& p, HostMood mood)
{
    p.setPen(outline(kLine, 1.6));
    switch (mood) {
    case HostMood::Neutral:
        break;
    case HostMood::Excited:
        p.setBrush(kGold);
        p.drawPath(sparklePath({312, 92}, 16));
        p.drawPath(sparklePath({338, 136}, 9));
        p.drawPath(sparklePath({70, 96}, 12));
        p.drawPath(sparklePath({52, 136}, 7));
        break;
    case HostMood::Happy:
        p.setBrush(QColor(255, 120, 150));
        p.drawPath(heartPath({318, 96}, 13));
        p.drawPath(heartPath({344, 132}, 8));
        p.drawPath(heartPath({66, 112}, 10));
        break;
    case HostMood::Surprised: {
        // A big "!" and three shock lines off the head.
        QPainterPath bang;
        bang.moveTo(310, 50);
        bang.lineTo(330, 50);
        bang.lineTo(324, 100);
        bang.lineTo(316, 100);
        bang.closeSubpath();
        bang.addEllipse(QPointF(320, 114), 8, 8);
        p.setPen(outline(kLine, 2.4));
        p.setBrush(kGold);
        p.drawPath(bang);
        p.setPen(outline(kHairLight, 3.0));
        p.drawLine(QPointF(72, 92), QPointF(52, 80));
        p.drawLine(QPointF(66, 118), QPointF(42, 118));
        p.drawLine(QPointF(86, 68), QPointF(74, 48));
        break;
    }
    case HostMood::Thoughtful: {
        // A thought trail rising to a question mark.
        p.setBrush(QColor(245, 245, 252));
        p.drawEllipse(QPointF(292, 104), 5, 5);
        p.drawEllipse(QPointF(306, 84), 8, 8);
        p.drawEllipse(QPointF(326, 54), 22, 20);
        QPainterPath q;
        q.moveTo(318, 48);
        q.cubicTo(318, 38, 334, 38, 334, 48);
        q.cubicTo(334, 56, 326, 56, 326, 64);
        p.setPen(outline(kHairDark, 3.4));
        p.setBrush(Qt::NoBrush);
        p.drawPath(q);
        p.setPen(Qt::NoPen);
        p.setBrush(kHairDark);
        p.drawEllipse(QPointF(326, 70), 2.4, 2.4);
        break;
    }
    case HostMood::Concerned: {
        // A sweat drop at the temple.
        QPainterPath drop;
        drop.moveTo(282, 92);
        drop.cubicTo(290, 106, 296, 114, 296, 122);
        drop.cubicTo(296, 132, 282, 134, 280, 124);
        drop.cubicTo(278, 116, 280, 106, 282, 92);
        QLinearGradient g(0, 92, 0, 132);
        g.setColorAt(0.0, QColor(200, 236, 255));
        g.setColorAt(1.0, QColor(120, 190, 245));
        p.setPen(outline(QColor(60, 110, 170), 1.8));
        p.setBrush(g);
        p.drawPath(drop);
        p.setPen(Qt::NoPen);
        p.setBrush(Qt::white);
        p.drawEllipse(QPointF(285, 121), 2.5, 4);
        break;
    }
    case HostMood::Triumphant: {
        // Confetti and sparkles: the lot is sold.
        const QColor colors[] = {kGold, QColor(255, 120, 150), QColor(110, 220, 210), kHair};
        const QPointF spots[] = {{40, 40},   {92, 22},  {150, 14}, {236, 10},
                                 {300, 28},  {350, 60}, {24, 110}, {360, 120},
                                 {332, 180}, {44, 190}, {120, 60}, {276, 70}};
        p.setPen(Qt::NoPen);
        for (int i = 0; i < int(std::size(spots)); ++i) {
            p.save();
            p.translate(spots[i]);
            p.rotate(i * 37.0);
            p.setBrush(colors[i % 4]);
            p.drawRoundedRect(QRectF(-6, -3, 12, 6), 1.5, 1.5);
            p.restore();
        }
        p.setPen(outline(kLine, 1.6));
        p.setBrush(kGold);
        p.drawPath(sparklePath({320, 100}, 15));
        p.drawPath(sparklePath({62, 82}, 11));
        break;
    }
    }
}

} // namespace sb::studio::hostart
