#pragma once
// Where the engine gets "now". The app uses the system clock; tests advance a virtual clock; the
// demo runs an accelerated clock that can skip the idle hours between windows.

#include <QDateTime>

#include <atomic>
#include <cstdint>
#include <mutex>

namespace sb::auction {

class Clock
{
public:
    virtual ~Clock() = default;
    virtual std::int64_t nowUtcMs() const = 0;
};

class SystemClock final : public Clock
{
public:
    std::int64_t nowUtcMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
};

// Moves only when told to; safe to read from any thread.
class VirtualClock final : public Clock
{
public:
    explicit VirtualClock(std::int64_t startUtcMs = 0) : m_nowMs(startUtcMs) {}
    std::int64_t nowUtcMs() const override { return m_nowMs.load(); }
    void setNow(std::int64_t utcMs) { m_nowMs.store(utcMs); }
    void advance(std::int64_t ms) { m_nowMs.fetch_add(ms); }

private:
    std::atomic<std::int64_t> m_nowMs;
};

// virtual now = anchorVirtual + (real now - anchorReal) × speed. Re-anchoring jumps ahead.
// Safe to read from any thread: the engine's thread jumps it while the window reads it.
class ScaledClock final : public Clock
{
public:
    ScaledClock(std::int64_t anchorVirtualMs, std::int64_t anchorRealMs, int speed)
        : m_anchorVirtualMs(anchorVirtualMs), m_anchorRealMs(anchorRealMs), m_speed(speed)
    {}
    std::int64_t nowUtcMs() const override
    {
        std::lock_guard lock(m_mutex);
        return m_anchorVirtualMs + (QDateTime::currentMSecsSinceEpoch() - m_anchorRealMs) * m_speed;
    }
    void jumpTo(std::int64_t virtualMs)
    {
        std::lock_guard lock(m_mutex);
        m_anchorVirtualMs = virtualMs;
        m_anchorRealMs = QDateTime::currentMSecsSinceEpoch();
    }
    std::int64_t anchorVirtualMs() const
    {
        std::lock_guard lock(m_mutex);
        return m_anchorVirtualMs;
    }
    std::int64_t anchorRealMs() const
    {
        std::lock_guard lock(m_mutex);
        return m_anchorRealMs;
    }
    int speed() const { return m_speed; }

private:
    mutable std::mutex m_mutex;
    std::int64_t m_anchorVirtualMs;
    std::int64_t m_anchorRealMs;
    const int m_speed;
};

} // namespace sb::auction
