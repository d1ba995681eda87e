#pragma once
// The default host's colours, shared by the art files: lavender hair and golden eyes on a blue
// tailcoat, chosen to read against the studio's dark panels and to echo its gold accent.

#include <QColor>

namespace sb::studio::hostart::palette {

inline const QColor kLine(58, 38, 78); // outlines: a dark plum reads softer than black
inline const QColor kSkin(255, 234, 222);
inline const QColor kSkinShade(247, 200, 188);
inline const QColor kSkinLine(203, 128, 122);
inline const QColor kHair(190, 170, 242);
inline const QColor kHairShade(144, 120, 218);
inline const QColor kHairDark(98, 74, 172);
inline const QColor kHairLight(238, 232, 255);
inline const QColor kIrisDark(138, 74, 16);
inline const QColor kIrisLight(255, 204, 84);
inline const QColor kPupil(72, 34, 18);
inline const QColor kEyeWhite(255, 255, 255);
inline const QColor kJacket(58, 78, 178);
inline const QColor kJacketShade(36, 48, 122);
inline const QColor kLapel(32, 38, 92);
inline const QColor kGold(245, 197, 66);
inline const QColor kGoldDark(184, 132, 36);
inline const QColor kShirt(252, 252, 255);
inline const QColor kShirtShade(212, 216, 236);
inline const QColor kBowTie(218, 52, 82);
inline const QColor kBowTieDark(150, 28, 56);
inline const QColor kMouth(128, 38, 60);
inline const QColor kTongue(244, 132, 146);
inline const QColor kBlush(255, 118, 140);
inline const QColor kWood(150, 88, 48);
inline const QColor kWoodDark(98, 54, 30);
inline const QColor kWoodLight(200, 134, 82);
inline const QColor kGlove(255, 255, 255);
inline const QColor kHatBand(218, 52, 82);
inline const QColor kHat(36, 30, 52);

} // namespace sb::studio::hostart::palette
