#pragma once
// The bridge's sense of time: a monotonic clock and the few timers it arms (the keep-alive beat,
// the reconnect delay, the rate limiter's flush). The studio uses QtTimerSource; tests use a
// manual one that they advance and fire themselves, so no test waits for wall time.

#include <QElapsedTimer>
#include <QObject>

#include <functional>
#include <map>
#include <memory>

class QTimer;

namespace sb::integrations::vtubestudio {

enum class VtsTimer
{
    KeepAlive, // next idle MouthOpen injection
    Retry,     // next connection attempt, or the next token request after a denial
    Flush,     // the newest mouth value held back by the rate limit
    Handshake, // the end of the wait for the WebSocket to open
};

class VtsTimerSource
{
public:
    virtual ~VtsTimerSource() = default;
    virtual qint64 nowMs() const = 0;
    // Calls `fire` once after delayMs; arming an armed timer replaces it.
    virtual void arm(VtsTimer timer, int delayMs, std::function<void()> fire) = 0;
    virtual void disarm(VtsTimer timer) = 0;
};

class QtTimerSource final : public VtsTimerSource
{
public:
    QtTimerSource();
    ~QtTimerSource() override;

    qint64 nowMs() const override { return m_clock.elapsed(); }
    void arm(VtsTimer timer, int delayMs, std::function<void()> fire) override;
    void disarm(VtsTimer timer) override;

private:
    QElapsedTimer m_clock;
    struct Slot
    {
        std::unique_ptr<QTimer> timer;
        std::function<void()> fire;
    };
    std::map<VtsTimer, Slot> m_timers;
};

} // namespace sb::integrations::vtubestudio
