#pragma once
// Lip sync from espeak-ng's phoneme events: each English phoneme mnemonic chooses one of Rhubarb's
// mouth shapes, and the shapes become a timeline the puppet can follow — in time order, each held
// long enough to be seen, starting close to the sound that chose it.

#include "TextToSpeech.h"

#include <QStringView>

namespace sb::integrations::tts {

constexpr int kMinVisemeMs = 60;    // a mouth shown for less than two frames at 30 fps is a flicker
constexpr int kMaxVisemeLagMs = 40; // how far a shape may start from its phoneme's audio position

// The mouth for one espeak phoneme mnemonic (English voices: "p", "aI", "u:", "_", ...).
MouthShape mouthShapeForPhoneme(QStringView mnemonic);

// The mouth timeline of a line: one viseme per run of phonemes, merged so that each lasts at least
// minHoldMs, from the first sounding phoneme to speechEndMs (leading and trailing rest dropped).
QList<Viseme> visemeTimeline(const QList<PhonemeMark>& phonemes, int speechEndMs,
                             int minHoldMs = kMinVisemeMs);

} // namespace sb::integrations::tts
