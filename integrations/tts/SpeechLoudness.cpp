#include "SpeechLoudness.h"

#include <ebur128.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <memory>

namespace sb::integrations::tts {

namespace {

constexpr int kChannels = 2;
constexpr double kSilenceLufs = -70.0; // EBU R 128's absolute gate

struct StateDeleter
{
    void operator()(ebur128_state* state) const { ebur128_destroy(&state); }
};
using StatePtr = std::unique_ptr<ebur128_state, StateDeleter>;

double dbFromLinear(double linear)
{
    return linear > 0.0 ? 20.0 * std::log10(linear) : -200.0;
}

double linearFromDb(double db)
{
    return std::pow(10.0, db / 20.0);
}

// The largest sample magnitude of each frame.
std::vector<float> framePeaks(const std::vector<float>& samples)
{
    std::vector<float> peaks(samples.size() / kChannels);
    for (std::size_t f = 0; f < peaks.size(); ++f)
        peaks[f] = std::max(std::abs(samples[f * kChannels]), std::abs(samples[f * kChannels + 1]));
    return peaks;
}

// Look-ahead limiter over the whole line (it is all in memory): the gain each frame needs, held as
// a running minimum over ±window and then averaged over the window, reaches its floor before the
// peak and recovers after it without steps.
void limitSamplePeaks(std::vector<float>& samples, float ceiling, int window)
{
    const std::vector<float> peaks = framePeaks(samples);
    const std::size_t n = peaks.size();
    std::vector<float> need(n);
    for (std::size_t f = 0; f < n; ++f)
        need[f] = peaks[f] > ceiling ? ceiling / peaks[f] : 1.0f;

    // Sliding minimum over [f - window, f + window] (monotonic deque).
    std::vector<float> held(n);
    std::deque<std::size_t> candidates;
    std::size_t next = 0;
    for (std::size_t f = 0; f < n; ++f) {
        const std::size_t last = std::min(n - 1, f + std::size_t(window));
        for (; next <= last; ++next) {
            while (!candidates.empty() && need[candidates.back()] >= need[next])
                candidates.pop_back();
            candidates.push_back(next);
        }
        while (candidates.front() + std::size_t(window) < f)
            candidates.pop_front();
        held[f] = need[candidates.front()];
    }
    // Moving average over [f - window/2, f + window/2]: every frame in that span is within
    // `window` of any peak it covers, so the average never exceeds the peak's need.
    const std::size_t half = std::size_t(window / 2);
    double sum = 0.0;
    std::size_t lo = 0, hi = 0; // [lo, hi)
    for (std::size_t f = 0; f < n; ++f) {
        const std::size_t wantHi = std::min(n, f + half + 1);
        const std::size_t wantLo = f > half ? f - half : 0;
        for (; hi < wantHi; ++hi)
            sum += held[hi];
        for (; lo < wantLo; ++lo)
            sum -= held[lo];
        const float gain = std::min(1.0f, float(sum / double(hi - lo)));
        samples[f * kChannels] *= gain;
        samples[f * kChannels + 1] *= gain;
    }
}

void applyGain(std::vector<float>& samples, double gain)
{
    for (float& s : samples)
        s = float(s * gain);
}

// Loudness, and the true peak only when asked: the true-peak meter resamples the line four times
// over and costs several times what loudness does, and the line's level before its gain needs none.
LoudnessMeasurement measure(const std::vector<float>& samples, int sampleRate, bool withTruePeak)
{
    LoudnessMeasurement result;
    const std::size_t frames = samples.size() / kChannels;
    if (frames == 0)
        return result;
    double truePeak = 0.0;
    if (withTruePeak) {
        StatePtr peakState(ebur128_init(kChannels, unsigned(sampleRate), EBUR128_MODE_TRUE_PEAK));
        if (!peakState)
            return result;
        ebur128_add_frames_float(peakState.get(), samples.data(), frames);
        for (unsigned channel = 0; channel < kChannels; ++channel) {
            double channelPeak = 0.0;
            ebur128_true_peak(peakState.get(), channel, &channelPeak);
            truePeak = std::max(truePeak, channelPeak);
        }
    }
    StatePtr state(ebur128_init(kChannels, unsigned(sampleRate), EBUR128_MODE_I));
    if (!state)
        return result;
    // Short lines: keep feeding the line until a second has gone through the meter.
    for (std::size_t fed = 0; fed < std::max(frames, std::size_t(sampleRate)); fed += frames)
        ebur128_add_frames_float(state.get(), samples.data(), frames);
    double integrated = 0.0;
    result.truePeakDbtp = withTruePeak ? dbFromLinear(truePeak) : 0.0;
    if (ebur128_loudness_global(state.get(), &integrated) != EBUR128_SUCCESS ||
        !std::isfinite(integrated) || integrated < kSilenceLufs) {
        result.integratedLufs = kSilenceLufs;
        return result;
    }
    result.integratedLufs = integrated;
    result.silent = false;
    return result;
}

} // namespace

LoudnessMeasurement measureLoudness(const std::vector<float>& samples, int sampleRate)
{
    return measure(samples, sampleRate, true);
}

LoudnessMeasurement normalizeLoudness(std::vector<float>& samples, int sampleRate,
                                      const LoudnessTarget& target)
{
    const LoudnessMeasurement before = measure(samples, sampleRate, false);
    if (before.silent)
        return measure(samples, sampleRate, true); // left as it is; its true peak too
    applyGain(samples, linearFromDb(target.integratedLufs - before.integratedLufs));

    // Sample peaks a little under the ceiling leave room for the peaks between samples; whatever
    // the true-peak meter still finds above the ceiling is taken off as plain gain.
    const int window = std::max(1, sampleRate * 3 / 1000);
    limitSamplePeaks(samples, float(linearFromDb(target.truePeakDbtp - 0.5)), window);
    LoudnessMeasurement after = measureLoudness(samples, sampleRate);
    if (after.truePeakDbtp > target.truePeakDbtp - 0.05) {
        // A plain gain moves loudness and true peak by exactly as many dB: no third measurement.
        const double gainDb = target.truePeakDbtp - 0.1 - after.truePeakDbtp;
        applyGain(samples, linearFromDb(gainDb));
        after.integratedLufs += gainDb;
        after.truePeakDbtp += gainDb;
    }
    return after;
}

} // namespace sb::integrations::tts
