// The parts of HostPuppetArt that carry the expression: eyes, brows and mouth, each drawn from a
// few numbers per mood so that the seven faces stay consistent with each other.

#include "HostArtShapes.h"
#include "HostPalette.h"
#include "HostPuppetArt.h"

#include <QLinearGradient>
#include <QPainterPath>

#include <algorithm>

namespace sb::studio::hostart {

using namespace palette;

namespace {

constexpr QPointF kLeftEye{158, 162};
constexpr QPointF kRightEye{226, 162};
constexpr QPointF kMouthCentre{192, 207};

enum class Highlight
{
    Round,
    Sparkle,
};

struct EyeLook
{
    double open = 1.0; // lid height relative to a normal open eye
    double irisScale = 1.0;
    QPointF gaze{0, 1}; // where the irises look, the same for both eyes
    bool smile = false; // "^ ^" closed happy eyes
    Highlight highlight = Highlight::Round;
};

EyeLook eyeLook(HostMood mood)
{
    switch (mood) {
    case HostMood::Neutral:
        return {};
    case HostMood::Excited:
        return {1.06, 1.0, {0, 0}, false, Highlight::Sparkle};
    case HostMood::Happy:
        return {1.0, 1.0, {0, 0}, true, Highlight::Round};
    case HostMood::Surprised:
        return {1.16, 0.7, {0, 0}, false, Highlight::Round};
    case HostMood::Thoughtful:
        return {0.8, 0.95, {5, -5}, false, Highlight::Round};
    case HostMood::Concerned:
        return {0.95, 0.9, {-2, 3}, false, Highlight::Round};
    case HostMood::Triumphant:
        return {0.86, 1.0, {0, 1}, false, Highlight::Sparkle};
    }
    return {};
}

// One eye around `center`; `side` is -1 for the viewer's left eye (outer corner on the left) and
// +1 for the right one, so that the lash wings point outwards while the gaze stays shared.
void drawEye(QPainter& p, QPointF center, double side, const EyeLook& look, EyeState state)
{
    const auto at = [&](double x, double y) {
        return QPointF(center.x() - side * x, center.y() + y);
    };
    if (look.smile) {
        QPainterPath arc;
        arc.moveTo(at(-19, 8));
        arc.cubicTo(at(-12, -10), at(12, -10), at(19, 8));
        p.setPen(outline(kLine, 4.6));
        p.setBrush(Qt::NoBrush);
        p.drawPath(arc);
        return;
    }
    if (state == EyeState::Closed) {
        QPainterPath arc;
        arc.moveTo(at(-22, 6));
        arc.quadTo(at(0, 16), at(20, 6));
        arc.moveTo(at(-22, 6));
        arc.lineTo(at(-27, 2));
        p.setPen(outline(kLine, 4.0));
        p.setBrush(Qt::NoBrush);
        p.drawPath(arc);
        return;
    }
    const double open = look.open * (state == EyeState::Half ? 0.42 : 1.0);
    const double top = 20.0 - 44.0 * open;

    QPainterPath white;
    white.moveTo(at(-20, 8));
    white.cubicTo(at(-20, top + 8), at(-11, top), at(1, top));
    white.cubicTo(at(12, top), at(19, top + 7), at(19, 8));
    white.cubicTo(at(19, 17), at(10, 20.5), at(0, 20.5));
    white.cubicTo(at(-11, 20.5), at(-20, 17), at(-20, 8));
    p.setPen(Qt::NoPen);
    p.setBrush(kEyeWhite);
    p.drawPath(white);

    // Iris and pupil, clipped by the lids.
    p.save();
    p.setClipPath(white);
    const double s = look.irisScale;
    const QPointF iris(center.x() + look.gaze.x(), center.y() + 3 + look.gaze.y());
    QLinearGradient g(0, iris.y() - 17 * s, 0, iris.y() + 17 * s);
    g.setColorAt(0.0, kIrisDark);
    g.setColorAt(0.55, kIrisDark.lighter(150));
    g.setColorAt(1.0, kIrisLight);
    p.setPen(outline(kIrisDark.darker(140), 1.6));
    p.setBrush(g);
    p.drawEllipse(iris, 13.5 * s, 17.5 * s);
    p.setPen(Qt::NoPen);
    p.setBrush(kPupil);
    p.drawEllipse(iris - QPointF(0, 2 * s), 6.5 * s, 9.5 * s);
    // The lid's shadow across the top of the eye.
    p.setBrush(QColor(kLine.red(), kLine.green(), kLine.blue(), 60));
    p.drawRect(QRectF(center.x() - 24, center.y() + top - 4, 48, 9));
    // Highlights: one light source, top left, for both eyes.
    p.setBrush(Qt::white);
    if (look.highlight == Highlight::Sparkle) {
        p.drawPath(sparklePath(iris + QPointF(-5 * s, -8 * s), 8.5 * s));
        p.drawPath(sparklePath(iris + QPointF(5.5 * s, 7 * s), 4.0 * s));
    } else {
        p.drawEllipse(iris + QPointF(-5 * s, -8 * s), 5.2 * s, 5.2 * s);
        p.drawEllipse(iris + QPointF(5.5 * s, 7 * s), 2.4 * s, 2.4 * s);
    }
    p.restore();

    // Upper lash line with its outer wing, the crease above, a light lower lid.
    QPainterPath lash;
    lash.moveTo(at(-24, top + 13));
    lash.cubicTo(at(-21, top + 3), at(-11, top - 1.5), at(1, top - 1.5));
    lash.cubicTo(at(12, top - 1.5), at(19, top + 5), at(20, top + 10));
    p.setPen(outline(kLine, 4.4));
    p.setBrush(Qt::NoBrush);
    p.drawPath(lash);
    QPainterPath wing;
    wing.moveTo(at(-18, top + 3));
    wing.lineTo(at(-29, top + 2));
    wing.lineTo(at(-23, top + 11));
    wing.closeSubpath();
    p.setPen(outline(kLine, 1.5));
    p.setBrush(kLine);
    p.drawPath(wing);
    if (open > 0.6) {
        QPainterPath crease;
        crease.moveTo(at(-14, top - 6));
        crease.quadTo(at(0, top - 9), at(12, top - 6));
        p.setPen(outline(QColor(kSkinLine.red(), kSkinLine.green(), kSkinLine.blue(), 140), 1.3));
        p.setBrush(Qt::NoBrush);
        p.drawPath(crease);
    }
    QPainterPath lower;
    lower.moveTo(at(-14, 21));
    lower.quadTo(at(-2, 23.5), at(10, 20.5));
    p.setPen(outline(QColor(kLine.red(), kLine.green(), kLine.blue(), 150), 1.5));
    p.drawPath(lower);
}

struct BrowShape
{
    double inner = 0; // heights above the eye's centre, in design units (more is higher)
    double outer = 0;
    double arch = 0;
};

void drawBrow(QPainter& p, QPointF eye, double side, BrowShape b)
{
    const auto at = [&](double x, double y) { return QPointF(eye.x() - side * x, eye.y() + y); };
    const QPointF inner = at(15, -b.inner);
    const QPointF outer = at(-22, -b.outer);
    QPainterPath path;
    path.moveTo(inner);
    path.quadTo(at(-4, -std::max(b.inner, b.outer) - b.arch), outer);
    p.setPen(outline(kHairDark, 4.2));
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
}

struct MouthLook
{
    double width = 24;
    double lift = 4;                  // corners up (a smile) when positive
    double open[3] = {0, 0.35, 0.65}; // closed / half / open talking states, 0..1
    bool teeth = false;
    bool round = false; // an "o"
    bool wavy = false;  // a worried wobble when closed
    double shiftX = 0;  // a sideways pout
};

MouthLook mouthLook(HostMood mood)
{
    switch (mood) {
    case HostMood::Neutral:
        return {};
    case HostMood::Excited:
        return {34, 7, {0.62, 0.82, 1.0}, true};
    case HostMood::Happy:
        return {30, 7, {0.42, 0.62, 0.86}};
    case HostMood::Surprised:
        return {16, 0, {0.6, 0.78, 1.0}, false, true};
    case HostMood::Thoughtful:
        return {14, -1, {0, 0.3, 0.5}, false, false, false, 6};
    case HostMood::Concerned:
        return {20, -4, {0, 0.3, 0.55}, false, false, true};
    case HostMood::Triumphant:
        return {38, 9, {0.7, 0.86, 1.0}, true};
    }
    return {};
}

} // namespace

void drawEyes(QPainter& p, HostMood mood, EyeState state)
{
    const EyeLook look = eyeLook(mood);
    drawEye(p, kLeftEye, -1, look, state);
    drawEye(p, kRightEye, +1, look, state);
}

void drawBrows(QPainter& p, HostMood mood)
{
    BrowShape left{36, 36, 4};
    BrowShape right = left;
    switch (mood) {
    case HostMood::Neutral:
        break;
    case HostMood::Excited:
        left = right = {43, 42, 6};
        break;
    case HostMood::Happy:
        left = right = {41, 40, 6};
        break;
    case HostMood::Surprised:
        left = right = {49, 46, 8};
        break;
    case HostMood::Thoughtful:
        left = {36, 33, 3}; // one brow down, one up: weighing it
        right = {42, 45, 6};
        break;
    case HostMood::Concerned:
        left = right = {44, 33, 1};
        break;
    case HostMood::Triumphant:
        left = right = {33, 41, 3};
        break;
    }
    drawBrow(p, kLeftEye, -1, left);
    drawBrow(p, kRightEye, +1, right);
}

void drawMouth(QPainter& p, HostMood mood, MouthState state)
{
    const MouthLook look = mouthLook(mood);
    const double open = look.open[int(state)];
    const double cx = kMouthCentre.x() + look.shiftX;
    const double cy = kMouthCentre.y();
    const double hw = look.width / 2.0;

    if (look.round) {
        const double h = 6 + 12 * open;
        const QRectF r(cx - hw / 2.0 - 2, cy - h / 2.0, hw + 4, h);
        p.setPen(outline(kLine, 2.0));
        p.setBrush(kMouth);
        p.drawEllipse(r);
        p.setPen(Qt::NoPen);
        p.setBrush(kTongue);
        p.drawEllipse(QRectF(r.left() + 3, r.center().y() + h * 0.1, r.width() - 6, h * 0.35));
        return;
    }
    if (open <= 0.01) {
        QPainterPath line;
        if (look.wavy) {
            line.moveTo(cx - hw, cy + 2);
            line.cubicTo(cx - hw / 2, cy - 4, cx - hw / 4, cy - 3, cx, cy);
            line.cubicTo(cx + hw / 4, cy + 3, cx + hw / 2, cy + 4, cx + hw, cy - 2);
        } else {
            line.moveTo(cx - hw, cy - look.lift);
            line.quadTo(cx, cy + look.lift * 0.9, cx + hw, cy - look.lift);
        }
        p.setPen(outline(kLine, 2.4));
        p.setBrush(Qt::NoBrush);
        p.drawPath(line);
        return;
    }

    // An open mouth: a straight-ish top lip and a rounder lower edge, its depth set by `open`.
    const double depth = 4 + 16 * open;
    const QPointF left(cx - hw, cy - look.lift);
    const QPointF right(cx + hw, cy - look.lift);
    const double topMid = cy - look.lift * 0.2;
    QPainterPath shape;
    shape.moveTo(left);
    shape.quadTo(cx, topMid, right.x(), right.y());
    shape.cubicTo(cx + hw * 0.7, topMid + depth * 1.2, cx - hw * 0.7, topMid + depth * 1.2,
                  left.x(), left.y());
    shape.closeSubpath();
    p.setPen(Qt::NoPen);
    p.setBrush(kMouth);
    p.drawPath(shape);
    p.save();
    p.setClipPath(shape);
    p.setBrush(kTongue);
    p.drawEllipse(QPointF(cx + 1, topMid + depth * 1.05), hw * 0.62, depth * 0.55);
    if (look.teeth) {
        p.setBrush(Qt::white);
        QPainterPath teeth;
        teeth.moveTo(left);
        teeth.quadTo(cx, topMid, right.x(), right.y());
        teeth.lineTo(right.x(), right.y() + 3.5);
        teeth.quadTo(cx, topMid + 4.5, left.x(), left.y() + 3.5);
        teeth.closeSubpath();
        p.drawPath(teeth);
    }
    p.restore();
    p.setPen(outline(kLine, 2.0));
    p.setBrush(Qt::NoBrush);
    p.drawPath(shape);
}

namespace {

// One open mouth of the talking set: a lip line on top, a rounder lower edge `depth` below it,
// with what shows inside (teeth, the tongue low or raised behind the teeth).
struct OpenMouth
{
    double halfWidth = 12;
    double depth = 10;
    double lift = 0; // corners up (the mood's smile, softened while talking)
    bool upperTeeth = false;
    bool lowerTeeth = false;
    bool tongueUp = false;       // L: the tip behind the upper teeth
    bool lowerLipTucked = false; // F/V: the lower lip under the upper teeth
};

void drawOpenMouth(QPainter& p, double cx, double cy, const OpenMouth& m)
{
    const double hw = m.halfWidth;
    const QPointF left(cx - hw, cy - m.lift);
    const QPointF right(cx + hw, cy - m.lift);
    const double topMid = cy - m.lift * 0.2;
    QPainterPath shape;
    shape.moveTo(left);
    shape.quadTo(cx, topMid, right.x(), right.y());
    shape.cubicTo(cx + hw * 0.7, topMid + m.depth * 1.2, cx - hw * 0.7, topMid + m.depth * 1.2,
                  left.x(), left.y());
    shape.closeSubpath();
    p.setPen(Qt::NoPen);
    p.setBrush(kMouth);
    p.drawPath(shape);
    p.save();
    p.setClipPath(shape);
    p.setBrush(kTongue);
    if (m.tongueUp)
        p.drawEllipse(QPointF(cx, topMid + m.depth * 0.35), hw * 0.42, m.depth * 0.42);
    else
        p.drawEllipse(QPointF(cx + 1, topMid + m.depth * 1.05), hw * 0.62, m.depth * 0.55);
    p.setBrush(Qt::white);
    if (m.upperTeeth) {
        QPainterPath teeth;
        teeth.moveTo(left);
        teeth.quadTo(cx, topMid, right.x(), right.y());
        teeth.lineTo(right.x(), right.y() + 4);
        teeth.quadTo(cx, topMid + 5, left.x(), left.y() + 4);
        teeth.closeSubpath();
        p.drawPath(teeth);
    }
    if (m.lowerTeeth)
        p.drawRect(QRectF(cx - hw * 0.7, topMid + m.depth * 0.9 - 3.5, hw * 1.4, 6));
    p.restore();
    p.setPen(outline(kLine, 2.0));
    p.setBrush(Qt::NoBrush);
    p.drawPath(shape);
    if (m.lowerLipTucked) {
        // The lower lip drawn up over the bottom of the opening, touching the teeth.
        QPainterPath lip;
        lip.moveTo(cx - hw * 0.8, topMid + m.depth * 0.55);
        lip.quadTo(cx, topMid + m.depth * 0.9, cx + hw * 0.8, topMid + m.depth * 0.55);
        lip.quadTo(cx, topMid + m.depth * 1.5, cx - hw * 0.8, topMid + m.depth * 0.55);
        p.setPen(outline(kSkinLine, 1.4));
        p.setBrush(kBlush.lighter(125));
        p.drawPath(lip);
    }
}

// A round opening: E (rounded, jaw half down) and F (puckered, lips pushed forward).
void drawRoundMouth(QPainter& p, double cx, double cy, double width, double height, double lipPen)
{
    const QRectF r(cx - width / 2.0, cy - height / 2.0 + 1, width, height);
    p.setPen(outline(kLine, lipPen));
    p.setBrush(kMouth);
    p.drawEllipse(r);
    p.setPen(Qt::NoPen);
    p.setBrush(kTongue);
    p.drawEllipse(
        QRectF(r.left() + width * 0.2, r.center().y() + height * 0.12, width * 0.6, height * 0.32));
}

} // namespace

void drawViseme(QPainter& p, HostMood mood, sb::integrations::tts::MouthShape shape)
{
    using sb::integrations::tts::MouthShape;
    const MouthLook look = mouthLook(mood);
    const double cx = kMouthCentre.x() + look.shiftX * 0.5;
    const double cy = kMouthCentre.y();
    // Talking pulls the mood's mouth towards a neutral width; the smile stays, softened.
    const double hw = std::clamp(look.width, 22.0, 32.0) / 2.0;
    const double lift = look.lift * 0.5;
    switch (shape) {
    case MouthShape::Rest:
        drawMouth(p, mood, MouthState::Closed);
        return;
    case MouthShape::Closed: {
        // Lips pressed together (M, B, P): a firm straight seam and the lower lip's fullness.
        QPainterPath seam;
        seam.moveTo(cx - hw * 0.85, cy - lift * 0.6);
        seam.quadTo(cx, cy + 1, cx + hw * 0.85, cy - lift * 0.6);
        p.setPen(outline(kLine, 3.4));
        p.setBrush(Qt::NoBrush);
        p.drawPath(seam);
        QPainterPath lower;
        lower.moveTo(cx - hw * 0.45, cy + 5);
        lower.quadTo(cx, cy + 9, cx + hw * 0.45, cy + 5);
        p.setPen(outline(kSkinLine, 1.8));
        p.drawPath(lower);
        return;
    }
    case MouthShape::SlightlyOpen:
        drawOpenMouth(p, cx, cy, {hw * 0.9, 6, lift, true, true});
        return;
    case MouthShape::Open:
        drawOpenMouth(p, cx, cy, {hw, 11, lift, true});
        return;
    case MouthShape::Wide:
        drawOpenMouth(p, cx, cy, {hw * 1.2, 17, lift});
        return;
    case MouthShape::Rounded:
        drawRoundMouth(p, cx, cy + 2, hw * 1.15, 16, 2.0);
        return;
    case MouthShape::Puckered:
        drawRoundMouth(p, cx, cy + 1, 11, 9, 3.2);
        return;
    case MouthShape::FV:
        drawOpenMouth(p, cx, cy, {hw * 0.9, 8, lift, true, false, false, true});
        return;
    case MouthShape::L:
        drawOpenMouth(p, cx, cy, {hw, 12, lift, true, false, true});
        return;
    }
}

} // namespace sb::studio::hostart
