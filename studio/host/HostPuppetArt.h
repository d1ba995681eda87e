#pragma once
// The default host's vector art: each layer of the PNGtuber-style puppet drawn with QPainter in a
// 384×360 design space (the host panel of the default scene). HostPuppet renders these once into
// images and composes them per frame; nothing here knows about time.

#include "HostMood.h"
#include "TextToSpeech.h"

#include <QPainter>
#include <QPointF>
#include <QRectF>

namespace sb::studio::hostart {

inline constexpr double kDesignWidth = 384.0;
inline constexpr double kDesignHeight = 360.0;

enum class EyeState
{
    Open,
    Half,
    Closed,
};

enum class MouthState
{
    Closed,
    Half,
    Open,
};

enum class ArmPose
{
    Resting, // the gavel held upright at the chest
    Raised,  // the gavel lifted, ready to strike
};

// Where the head turns and bobs from (the base of the neck), and where the arm swings from.
inline constexpr QPointF kNeckPivot{192.0, 236.0};

// Bounds of each layer in design units: what HostPuppet crops its images to.
QRectF hairBackBounds();
QRectF bodyBounds();
QRectF faceBounds();
QRectF eyesBounds();
QRectF browsBounds();
QRectF mouthBounds();
QRectF cheeksBounds();
QRectF hairFrontBounds();
QRectF emoteBounds();
QRectF armBounds();

void drawHairBack(QPainter& p);
void drawBody(QPainter& p);
void drawFace(QPainter& p);
void drawEyes(QPainter& p, HostMood mood, EyeState state);
void drawBrows(QPainter& p, HostMood mood);
void drawMouth(QPainter& p, HostMood mood, MouthState state);
// The talking mouth: one drawing per Rhubarb shape, in the mood's width and smile (rest is the
// mood's own closed mouth).
void drawViseme(QPainter& p, HostMood mood, sb::integrations::tts::MouthShape shape);
// Blush, a sweat drop: marks that sit on the face.
void drawCheeks(QPainter& p, HostMood mood);
void drawHairFront(QPainter& p);
// Floating marks around the head (sparkles, "!", hearts, confetti); they bob on their own.
void drawEmote(QPainter& p, HostMood mood);
void drawArm(QPainter& p, ArmPose pose);

ArmPose armPoseFor(HostMood mood);

} // namespace sb::studio::hostart
