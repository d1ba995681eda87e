// The parts of HostPuppetArt below the head: the tailcoat with its bow tie, and the arm holding
// the gavel in its two poses.

#include "HostArtShapes.h"
#include "HostPalette.h"
#include "HostPuppetArt.h"

#include <QLinearGradient>
#include <QPainterPath>

namespace sb::studio::hostart {

using namespace palette;

void drawBody(QPainter& p)
{
    // Neck, with the chin's shadow on it.
    QPainterPath neck;
    neck.moveTo(176, 200);
    neck.lineTo(208, 200);
    neck.cubicTo(208, 226, 210, 240, 216, 252);
    neck.lineTo(168, 252);
    neck.cubicTo(174, 240, 176, 226, 176, 200);
    p.setPen(outline(kSkinLine, 1.6));
    p.setBrush(kSkin);
    p.drawPath(neck);
    p.setPen(Qt::NoPen);
    p.setBrush(kSkinShade);
    p.drawEllipse(QRectF(168, 206, 48, 30));

    QPainterPath torso;
    torso.moveTo(162, 244);
    torso.cubicTo(128, 248, 94, 256, 78, 284);
    torso.cubicTo(66, 304, 60, 330, 56, 364);
    torso.lineTo(328, 364);
    torso.cubicTo(324, 330, 318, 304, 306, 284);
    torso.cubicTo(290, 256, 256, 248, 222, 244);
    torso.closeSubpath();
    QLinearGradient jacket(0, 244, 0, 360);
    jacket.setColorAt(0.0, kJacket.lighter(112));
    jacket.setColorAt(1.0, kJacket);
    p.setBrush(jacket);
    p.setPen(outline(kLine, 2.2));
    p.drawPath(torso);

    // Shirt in the opening, then the lapels over it.
    QPainterPath shirt;
    shirt.moveTo(164, 243);
    shirt.lineTo(220, 243);
    shirt.lineTo(192, 330);
    shirt.closeSubpath();
    p.setPen(outline(kLine, 1.6));
    p.setBrush(kShirt);
    p.drawPath(shirt);
    p.setPen(outline(kShirtShade, 1.6));
    p.drawLine(QPointF(192, 270), QPointF(192, 318));
    p.setPen(Qt::NoPen);
    p.setBrush(kShirtShade);
    p.drawEllipse(QRectF(190, 286, 4, 4));
    p.drawEllipse(QRectF(190, 304, 4, 4));

    QPainterPath lapel;
    lapel.moveTo(166, 242);
    lapel.lineTo(192, 326);
    lapel.lineTo(186, 364);
    lapel.lineTo(140, 296);
    lapel.lineTo(152, 286);
    lapel.lineTo(134, 262);
    lapel.closeSubpath();
    for (const QPainterPath& side : {lapel, mirroredPath(lapel)}) {
        p.setBrush(kLapel);
        p.setPen(outline(kLine, 1.8));
        p.drawPath(side);
    }
    // Gold piping along the inside edge of each lapel.
    p.setPen(outline(kGold, 2.4));
    p.drawLine(QPointF(168, 246), QPointF(191, 322));
    p.drawLine(mirrored({168, 246}), mirrored({191, 322}));

    // Shoulder seams and the shadow under the arms give the jacket some volume.
    p.setPen(outline(kJacketShade, 2.0));
    p.drawLine(QPointF(96, 300), QPointF(88, 360));
    p.drawLine(mirrored({96, 300}), mirrored({88, 360}));

    // Pocket square.
    p.setPen(outline(kLine, 1.4));
    p.setBrush(kGold);
    QPolygonF square;
    square << QPointF(244, 322) << QPointF(250, 306) << QPointF(258, 316) << QPointF(266, 302)
           << QPointF(274, 318);
    p.drawPolygon(square);
    p.setPen(outline(kJacketShade, 2.4));
    p.drawLine(QPointF(240, 322), QPointF(278, 320));

    p.setPen(outline(kGoldDark, 1.4));
    p.setBrush(kGold);
    p.drawEllipse(QPointF(192, 346), 4.5, 4.5);

    // Collar points and the bow tie.
    QPainterPath collar;
    collar.moveTo(172, 236);
    collar.lineTo(190, 254);
    collar.lineTo(174, 262);
    collar.closeSubpath();
    p.setPen(outline(kLine, 1.4));
    p.setBrush(kShirt);
    p.drawPath(collar);
    p.drawPath(mirroredPath(collar));

    QPainterPath wing;
    wing.moveTo(192, 253);
    wing.cubicTo(182, 242, 168, 238, 166, 246);
    wing.cubicTo(163, 254, 165, 262, 168, 266);
    wing.cubicTo(176, 266, 184, 260, 192, 253);
    p.setPen(outline(kBowTieDark, 1.6));
    p.setBrush(kBowTie);
    p.drawPath(wing);
    p.drawPath(mirroredPath(wing));
    p.setPen(outline(kBowTieDark, 1.3));
    p.drawLine(QPointF(178, 250), QPointF(170, 249));
    p.drawLine(QPointF(178, 256), QPointF(170, 259));
    p.drawLine(mirrored({178, 250}), mirrored({170, 249}));
    p.drawLine(mirrored({178, 256}), mirrored({170, 259}));
    p.setPen(outline(kBowTieDark, 1.6));
    p.setBrush(kBowTie.lighter(108));
    p.drawRoundedRect(QRectF(185, 246, 14, 14), 4, 4);
}

void drawArm(QPainter& p, ArmPose pose)
{
    p.save();
    if (pose == ArmPose::Resting) {
        p.translate(88, 440);
        p.rotate(12);
    } else {
        // The forearm rises from the elbow at the bottom edge, leaning out: a raised hammer.
        p.translate(112, 394);
        p.rotate(-16);
    }
    // Gavel: handle, then the head across its top.
    p.setPen(outline(kLine, 1.8));
    QLinearGradient handle(-6, 0, 6, 0);
    handle.setColorAt(0.0, kWoodLight);
    handle.setColorAt(1.0, kWood);
    p.setBrush(handle);
    p.drawRoundedRect(QRectF(-5.5, -206, 11, 120), 5, 5);
    QLinearGradient head(0, -228, 0, -196);
    head.setColorAt(0.0, kWoodLight);
    head.setColorAt(0.6, kWood);
    head.setColorAt(1.0, kWoodDark);
    p.setBrush(head);
    p.drawRoundedRect(QRectF(-38, -228, 76, 32), 9, 9);
    p.setBrush(kGold);
    p.drawRect(QRectF(-28, -228, 7, 32));
    p.drawRect(QRectF(21, -228, 7, 32));
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(255, 255, 255, 70));
    p.drawRoundedRect(QRectF(-32, -224, 64, 7), 3, 3);

    // Sleeve, cuff and gloved fist around the handle.
    p.setPen(outline(kLine, 2.0));
    QLinearGradient sleeve(-24, 0, 24, 0);
    sleeve.setColorAt(0.0, kJacketShade);
    sleeve.setColorAt(0.5, kJacket);
    sleeve.setColorAt(1.0, kJacketShade);
    p.setBrush(sleeve);
    QPainterPath arm;
    arm.moveTo(-26, 20);
    arm.lineTo(-20, -98);
    arm.lineTo(20, -98);
    arm.lineTo(26, 20);
    arm.closeSubpath();
    p.drawPath(arm);
    p.setBrush(kShirt);
    p.drawRoundedRect(QRectF(-22, -106, 44, 12), 4, 4);
    p.setPen(outline(kGold, 2.0));
    p.drawLine(QPointF(-20, -90), QPointF(20, -90));
    p.setPen(outline(kLine, 1.8));
    p.setBrush(kGlove);
    p.drawRoundedRect(QRectF(-19, -136, 38, 32), 13, 13);
    p.setPen(outline(kShirtShade.darker(115), 1.4));
    for (int i = 0; i < 3; ++i)
        p.drawLine(QPointF(-15, -127 + i * 8), QPointF(-3, -127 + i * 8));
    p.setPen(outline(kLine, 1.8));
    p.drawEllipse(QRectF(2, -132, 16, 14)); // the thumb over the fingers
    p.restore();
}

ArmPose armPoseFor(HostMood mood)
{
    return mood == HostMood::Excited || mood == HostMood::Triumphant ? ArmPose::Raised
                                                                     : ArmPose::Resting;
}

} // namespace sb::studio::hostart
