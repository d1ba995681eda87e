#pragma once
// Per-line loudness for the host's voice: espeak-ng comes out around −21 LUFS and its level varies
// with the voice and the text, so every line is measured (EBU R 128 integrated loudness,
// libebur128), brought to the target and kept under a true-peak ceiling, so speech sits at the same
// level as the rest of the stream and never clips the AAC encoder.

#include <vector>

namespace sb::integrations::tts {

struct LoudnessTarget
{
    double integratedLufs = -16.0;
    double truePeakDbtp = -1.5;
};

struct LoudnessMeasurement
{
    double integratedLufs = 0.0; // -inf (as a very low number) for silence
    double truePeakDbtp = 0.0;
    bool silent = true;
};

// 48 kHz interleaved stereo float. Lines shorter than EBU R 128's 400 ms gating block are measured
// looped, which is what their loudness would be if they went on.
LoudnessMeasurement measureLoudness(const std::vector<float>& interleavedStereo, int sampleRate);

// Gain to the target, then a look-ahead peak limiter; returns the measurement after both.
LoudnessMeasurement normalizeLoudness(std::vector<float>& interleavedStereo, int sampleRate,
                                      const LoudnessTarget& target = {});

} // namespace sb::integrations::tts
