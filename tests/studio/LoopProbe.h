#pragma once
// For the keychain tests: whether the caller's event loop kept running while a call was pending.
// A 10 ms timer records how many times it ticked, the longest gap between two ticks, and how many
// event loops deeper than the probe's own it ever ran: a call that waits in a local QEventLoop
// (holding the user's input back) shows up as a nesting of 1 or more, whatever the gaps were.

#include <QElapsedTimer>
#include <QThread>
#include <QTimer>

#include <algorithm>

namespace sb::test {

class LoopProbe
{
public:
    static constexpr int kIntervalMs = 10;

    LoopProbe()
    {
        m_timer.setInterval(kIntervalMs);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.elapsed();
            m_longestGapMs = std::max(m_longestGapMs, now - m_lastMs);
            m_lastMs = now;
            ++m_ticks;
            m_deepestNesting =
                std::max(m_deepestNesting, QThread::currentThread()->loopLevel() - m_baseLevel);
        });
    }

    void start()
    {
        m_baseLevel = QThread::currentThread()->loopLevel();
        m_ticks = 0;
        m_longestGapMs = 0;
        m_deepestNesting = 0;
        m_clock.start();
        m_lastMs = 0;
        m_timer.start();
    }
    void stop() { m_timer.stop(); }

    int ticks() const { return m_ticks; }
    qint64 longestGapMs() const { return m_longestGapMs; }
    int deepestNesting() const { return m_deepestNesting; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastMs = 0;
    qint64 m_longestGapMs = 0;
    int m_ticks = 0;
    int m_baseLevel = 0;
    int m_deepestNesting = 0;
};

} // namespace sb::test
