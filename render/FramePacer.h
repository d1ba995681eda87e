#pragma once
// Keeps the output at exactly fps frames per second on a monotonic clock. Frame i is due at
// start + i × 1/fps (exact integer arithmetic, no drift). When rendering falls behind, the frames
// whose whole slot has passed are "missed due to render lag": the encoder gets the previous
// picture again for them, so the timeline stays continuous and audio stays in sync.

#include <cstdint>

namespace sb::render {

class FramePacer
{
public:
    FramePacer(int fpsNumerator, int fpsDenominator = 1);

    void start(std::int64_t nowNs);
    std::int64_t frameTimeNs(std::int64_t frameIndex) const;
    std::int64_t intervalNs() const { return frameTimeNs(1) - frameTimeNs(0); }

    struct Next
    {
        std::int64_t frameIndex = 0; // the frame to render now or after waitNs
        std::int64_t repeated = 0;   // frames before it whose slot passed: send the last picture
        std::int64_t waitNs = 0;     // sleep this long first (0 when already due)
    };
    // Called after frame `rendered` was finished at nowNs.
    Next after(std::int64_t rendered, std::int64_t nowNs) const;

    std::int64_t startNs() const { return m_startNs; }

private:
    std::int64_t m_num;
    std::int64_t m_den;
    std::int64_t m_startNs = 0;
};

} // namespace sb::render
