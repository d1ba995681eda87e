#include "Output.h"

#include <algorithm>

namespace sb::render {

QString outputStateName(OutputState state)
{
    switch (state) {
    case OutputState::Stopped:
        return QStringLiteral("stopped");
    case OutputState::Connecting:
        return QStringLiteral("connecting");
    case OutputState::Live:
        return QStringLiteral("live");
    case OutputState::Reconnecting:
        return QStringLiteral("reconnecting");
    case OutputState::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("unknown");
}

BitrateMeter::BitrateMeter(std::chrono::milliseconds window) : m_window(window) {}

void BitrateMeter::record(std::int64_t totalBytes, Clock::time_point now)
{
    m_samples.emplace_back(now, totalBytes);
    // Keep one sample older than the window so the rate covers the whole window.
    while (m_samples.size() > 2 && now - m_samples[1].first > m_window)
        m_samples.pop_front();
}

double BitrateMeter::kbps(Clock::time_point now) const
{
    if (m_samples.size() < 2)
        return 0;
    const auto& [firstTime, firstBytes] = m_samples.front();
    const auto& [lastTime, lastBytes] = m_samples.back();
    // Idle since the last sample: the rate decays instead of freezing at its last value.
    const auto span = std::max(now, lastTime) - firstTime;
    const double seconds = std::chrono::duration<double>(span).count();
    if (seconds <= 0)
        return 0;
    return double(lastBytes - firstBytes) * 8.0 / 1000.0 / seconds;
}

void BitrateMeter::reset()
{
    m_samples.clear();
}

} // namespace sb::render
