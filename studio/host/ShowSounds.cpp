#include "ShowSounds.h"

#include "AuctionEvent.h"
#include "AudioMeter.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numbers>

namespace sb::studio {

using sb::render::kAudioChannels;
using sb::render::kAudioSampleRate;

namespace {

constexpr double kTwoPi = 2.0 * std::numbers::pi;

// A small deterministic noise (xorshift), so the gavel is the same on every run.
struct Noise
{
    std::uint32_t state = 0x1234567u;
    double next()
    {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return double(state) / 2147483648.0 - 1.0;
    }
};

// One knock of a wooden gavel on its block: a dull thump (the block's body) under a short,
// bright crack (the strike), with a few wooden modes ringing out within ~80 ms.
void addKnock(std::vector<double>& mono, int startFrame, double level)
{
    Noise noise;
    double band = 0, low = 0; // a crude band-pass on the noise: high-passed then smoothed
    const int length = kAudioSampleRate * 3 / 10;
    for (int i = 0; i < length && startFrame + i < int(mono.size()); ++i) {
        const double t = double(i) / kAudioSampleRate;
        const double n = noise.next();
        low += 0.35 * (n - low);
        band += 0.5 * ((n - low) - band);
        const double crack = band * std::exp(-t / 0.006) * 1.6;
        const double thump = std::sin(kTwoPi * 160.0 * t) * std::exp(-t / 0.045);
        const double modes = 0.5 * std::sin(kTwoPi * 720.0 * t) * std::exp(-t / 0.030) +
                             0.3 * std::sin(kTwoPi * 1310.0 * t) * std::exp(-t / 0.018);
        const double attack = std::min(1.0, t / 0.0008); // no click at the first sample
        mono[std::size_t(startFrame + i)] += level * attack * (crack + thump + modes);
    }
}

// A bell-like note: a few partials of a struck bar (inharmonic, the upper ones dying sooner).
void addBell(std::vector<double>& mono, int startFrame, double hz, double level)
{
    static constexpr double kPartials[][3] = {
        // ratio, amplitude, decay time constant (s)
        {1.0, 1.0, 0.9},
        {2.76, 0.35, 0.35},
        {5.40, 0.15, 0.15},
    };
    for (int i = startFrame; i < int(mono.size()); ++i) {
        const double t = double(i - startFrame) / kAudioSampleRate;
        const double attack = std::min(1.0, t / 0.004);
        double v = 0;
        for (const auto& p : kPartials)
            v += p[1] * std::sin(kTwoPi * hz * p[0] * t) * std::exp(-t / p[2]);
        mono[std::size_t(i)] += level * attack * v;
    }
}

// Stereo at the effect's loudness: the loudest 400 ms brought to kEffectLoudnessLufs.
std::vector<float> levelled(const std::vector<double>& mono)
{
    std::vector<float> stereo(mono.size() * kAudioChannels);
    for (std::size_t i = 0; i < mono.size(); ++i)
        stereo[2 * i] = stereo[2 * i + 1] = float(mono[i]);
    sb::render::AudioMeter meter;
    double loudest = sb::render::AudioMeter::kSilenceDb;
    const int step = kAudioSampleRate / 10;
    // Followed by 400 ms of silence so the tail's windows are measured too.
    std::vector<float> padded = stereo;
    padded.resize(padded.size() + std::size_t(4 * step * kAudioChannels), 0.0f);
    for (std::size_t at = 0; at + std::size_t(step * kAudioChannels) <= padded.size();
         at += std::size_t(step * kAudioChannels)) {
        meter.feed(padded.data() + at, step);
        loudest = std::max(loudest, meter.reading().momentaryLufs);
    }
    const float gain = float(std::pow(10.0, (ShowSounds::kEffectLoudnessLufs - loudest) / 20.0));
    for (float& s : stereo)
        s *= gain;
    return stereo;
}

std::vector<float> synthesizeGavel()
{
    // One firm knock and a lighter rebound, as a gavel bounces on its block.
    std::vector<double> mono(std::size_t(kAudioSampleRate) / 2, 0.0);
    addKnock(mono, 0, 1.0);
    addKnock(mono, kAudioSampleRate * 11 / 100, 0.35);
    return levelled(mono);
}

std::vector<float> synthesizeChime()
{
    // Two notes down a major third (E6, C6): "doors open".
    std::vector<double> mono(std::size_t(kAudioSampleRate) * 2, 0.0);
    addBell(mono, 0, 1318.5, 0.8);
    addBell(mono, kAudioSampleRate * 28 / 100, 1046.5, 1.0);
    return levelled(mono);
}

} // namespace

class ShowSounds::Source final : public sb::render::AudioSource
{
public:
    QString name() const override { return QStringLiteral("show sounds"); }

    void play(const std::vector<float>* sound)
    {
        std::lock_guard lock(m_mutex);
        // Nothing has pulled the mix for a while (no stream, no recording): nobody would hear it
        // now, and it must not go off when a stream starts later.
        const auto idle = std::chrono::steady_clock::now() - m_lastRead;
        if (m_muted || !m_everRead || idle > kListenedWithin)
            return;
        // A sound nobody heard yet (nothing mixed since) gives way: a stream that starts later
        // does not open with old effects.
        if (m_playing && m_position == 0 && !m_readSincePlay)
            m_playing = nullptr;
        m_playing = sound;
        m_position = 0;
        m_readSincePlay = false;
    }

    void setMuted(bool muted)
    {
        std::lock_guard lock(m_mutex);
        m_muted = muted;
        if (muted)
            m_playing = nullptr;
    }

    void read(float* interleaved, int frames) override
    {
        const std::size_t wanted = std::size_t(std::max(0, frames)) * kAudioChannels;
        std::fill(interleaved, interleaved + wanted, 0.0f);
        std::lock_guard lock(m_mutex);
        m_readSincePlay = true;
        m_everRead = true;
        m_lastRead = std::chrono::steady_clock::now();
        if (!m_playing)
            return;
        const std::size_t left = m_playing->size() - m_position;
        const std::size_t n = std::min(left, wanted);
        std::copy_n(m_playing->data() + m_position, n, interleaved);
        m_position += n;
        if (m_position >= m_playing->size())
            m_playing = nullptr;
    }

private:
    // The mixer pulls every frame while it encodes; a second without a pull is no stream.
    static constexpr std::chrono::milliseconds kListenedWithin{1000};
    std::mutex m_mutex;
    std::chrono::steady_clock::time_point m_lastRead;
    bool m_everRead = false;
    const std::vector<float>* m_playing = nullptr; // one of the static samples()
    std::size_t m_position = 0;
    bool m_readSincePlay = false;
    bool m_muted = false;
};

ShowSounds::ShowSounds() : m_source(std::make_shared<Source>())
{
    m_source->setDucksUnderKey(false); // effects are heard as they are, voice or not
}

std::shared_ptr<sb::render::AudioSource> ShowSounds::source() const
{
    return m_source;
}

const std::vector<float>& ShowSounds::samples(Sound sound)
{
    static const std::vector<float> gavel = synthesizeGavel();
    static const std::vector<float> chime = synthesizeChime();
    return sound == Sound::Gavel ? gavel : chime;
}

void ShowSounds::play(Sound sound)
{
    m_source->play(&samples(sound));
}

void ShowSounds::onEvents(const QList<sb::auction::AuctionEvent>& events)
{
    for (const sb::auction::AuctionEvent& event : events) {
        if (event.type == QLatin1String("auction.winner"))
            play(Sound::Gavel);
        else if (event.type == QLatin1String("day.opened"))
            play(Sound::Chime);
    }
}

void ShowSounds::setMuted(bool muted)
{
    m_source->setMuted(muted);
}

} // namespace sb::studio
