#include "FramePacer.h"

namespace sb::render {

namespace {
__extension__ typedef __int128 Int128; // index × 10^9 × num exceeds 64 bits after a few days
} // namespace

FramePacer::FramePacer(int fpsNumerator, int fpsDenominator)
    : m_num(fpsNumerator > 0 ? fpsNumerator : 30), m_den(fpsDenominator > 0 ? fpsDenominator : 1)
{}

void FramePacer::start(std::int64_t nowNs)
{
    m_startNs = nowNs;
}

std::int64_t FramePacer::frameTimeNs(std::int64_t frameIndex) const
{
    // index × 10^9 × den / num, split to stay exact and far from overflow for years of frames.
    const std::int64_t whole = frameIndex * m_den / m_num;
    const std::int64_t rest = frameIndex * m_den % m_num;
    return m_startNs + whole * 1'000'000'000 + rest * 1'000'000'000 / m_num;
}

FramePacer::Next FramePacer::after(std::int64_t rendered, std::int64_t nowNs) const
{
    Next next;
    next.frameIndex = rendered + 1;
    // The slot we are in now: frame k's slot is [time(k), time(k + 1)).
    const Int128 elapsed = nowNs > m_startNs ? nowNs - m_startNs : 0;
    auto slot = std::int64_t(elapsed * m_num / (Int128(m_den) * 1'000'000'000));
    // frameTimeNs rounds down within a second; settle the boundary exactly.
    while (frameTimeNs(slot + 1) <= nowNs)
        ++slot;
    while (slot > 0 && frameTimeNs(slot) > nowNs)
        --slot;
    if (slot > next.frameIndex) {
        // Frames rendered + 1 .. slot - 1 can no longer be drawn in time.
        next.repeated = slot - next.frameIndex;
        next.frameIndex = slot;
    }
    next.waitNs = frameTimeNs(next.frameIndex) > nowNs ? frameTimeNs(next.frameIndex) - nowNs : 0;
    return next;
}

} // namespace sb::render
