#include "AudioMeter.h"

#include <algorithm>
#include <cmath>

namespace sb::render {

double AudioMeter::Biquad::process(double x)
{
    // Transposed direct form II.
    const double y = b0 * x + z1;
    z1 = b1 * x - a1 * y + z2;
    z2 = b2 * x - a2 * y;
    return y;
}

void AudioMeter::feed(const float* interleaved, int frames)
{
    std::lock_guard lock(m_mutex);
    for (int i = 0; i < frames; ++i) {
        for (int c = 0; c < 2; ++c) {
            const float sample = interleaved[2 * i + c];
            Channel& channel = m_channels[std::size_t(c)];
            const double weighted = channel.highPass.process(channel.shelf.process(sample));
            m_squares += weighted * weighted;
            m_peak = std::max(m_peak, std::fabs(sample));
        }
        if (++m_filled == kSubBlockFrames) {
            m_blockSquares[std::size_t(m_blocks % 4)] = m_squares;
            m_blockPeaks[std::size_t(m_blocks % 10)] = m_peak;
            ++m_blocks;
            m_squares = 0;
            m_peak = 0;
            m_filled = 0;
        }
    }
}

AudioMeter::Reading AudioMeter::reading() const
{
    std::lock_guard lock(m_mutex);
    Reading r;
    if (m_blocks == 0)
        return r;
    // Momentary: the mean square over 400 ms (or what there is of it), summed over channels.
    const std::int64_t blocks = std::min<std::int64_t>(m_blocks, 4);
    double squares = 0;
    for (std::int64_t b = 0; b < blocks; ++b)
        squares += m_blockSquares[std::size_t(b)];
    const double meanSquare = squares / double(blocks * kSubBlockFrames);
    if (meanSquare > 0)
        r.momentaryLufs = std::max(kSilenceDb, -0.691 + 10.0 * std::log10(meanSquare));
    float peak = 0;
    for (std::int64_t b = 0; b < std::min<std::int64_t>(m_blocks, 10); ++b)
        peak = std::max(peak, m_blockPeaks[std::size_t(b)]);
    if (peak > 0)
        r.peakDbfs = std::max(kSilenceDb, 20.0 * std::log10(double(peak)));
    return r;
}

void AudioMeter::reset()
{
    std::lock_guard lock(m_mutex);
    m_channels = {};
    m_squares = 0;
    m_peak = 0;
    m_filled = 0;
    m_blockSquares = {};
    m_blockPeaks = {};
    m_blocks = 0;
}

} // namespace sb::render
