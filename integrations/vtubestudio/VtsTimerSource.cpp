#include "VtsTimerSource.h"

#include <QTimer>

namespace sb::integrations::vtubestudio {

QtTimerSource::QtTimerSource()
{
    m_clock.start();
}

QtTimerSource::~QtTimerSource() = default;

void QtTimerSource::arm(VtsTimer timer, int delayMs, std::function<void()> fire)
{
    Slot& slot = m_timers[timer];
    if (!slot.timer) {
        // One QTimer per kind for the source's life: a callback may re-arm its own timer.
        slot.timer = std::make_unique<QTimer>();
        slot.timer->setSingleShot(true);
        slot.timer->setTimerType(Qt::PreciseTimer);
        QObject::connect(slot.timer.get(), &QTimer::timeout, slot.timer.get(), [&slot] {
            const auto fire = slot.fire; // the callback may replace slot.fire
            if (fire)
                fire();
        });
    }
    slot.fire = std::move(fire);
    slot.timer->start(qMax(0, delayMs));
}

void QtTimerSource::disarm(VtsTimer timer)
{
    if (auto it = m_timers.find(timer); it != m_timers.end() && it->second.timer)
        it->second.timer->stop();
}

} // namespace sb::integrations::vtubestudio
