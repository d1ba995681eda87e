#pragma once
// The program mix's meter for the stats dock: EBU R 128 momentary loudness (K-weighted, the last
// 400 ms, ITU-R BS.1770) and the sample peak of the last second, of 48 kHz stereo float blocks as
// the mixer hands them to the AAC encoder. Fed on the mixing thread, read from any thread.

#include <array>
#include <cstdint>
#include <mutex>

namespace sb::render {

class AudioMeter
{
public:
    struct Reading
    {
        double momentaryLufs = kSilenceDb; // kSilenceDb when nothing (or silence) was measured
        double peakDbfs = kSilenceDb;
    };
    static constexpr double kSilenceDb = -120.0;

    // Interleaved stereo at 48 kHz; any block length.
    void feed(const float* interleaved, int frames);
    Reading reading() const;
    void reset();

private:
    static constexpr int kSubBlockFrames = 4800; // 100 ms: momentary = the last 4, peak the last 10
    struct Biquad
    {
        double b0, b1, b2, a1, a2;
        double z1 = 0, z2 = 0;
        double process(double x);
    };
    struct Channel
    {
        // BS.1770's two stages at 48 kHz: the head's high shelf, then the RLB high-pass.
        Biquad shelf{1.53512485958697, -2.69169618940638, 1.19839281085285, -1.69065929318241,
                     0.73248077421585};
        Biquad highPass{1.0, -2.0, 1.0, -1.99004745483398, 0.99007225036621};
    };

    mutable std::mutex m_mutex;
    std::array<Channel, 2> m_channels;
    double m_squares = 0; // of the sub-block being filled, both channels
    float m_peak = 0;
    int m_filled = 0;
    std::array<double, 4> m_blockSquares{}; // the last four whole sub-blocks
    std::array<float, 10> m_blockPeaks{};
    std::int64_t m_blocks = 0; // whole sub-blocks so far
};

} // namespace sb::render
