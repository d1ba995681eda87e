#pragma once
// The bridge's time and token store for the tests: a clock and timers the test advances and fires
// itself, and a token store in memory that answers from the event loop, as the keychain does.

#include "VtsTimerSource.h"
#include "VtsTokenStore.h"

#include <QPointer>
#include <QTimer>

#include <map>

namespace sb::test {

using sb::integrations::vtubestudio::VtsTimer;

class ManualTimers final : public sb::integrations::vtubestudio::VtsTimerSource
{
public:
    qint64 nowMs() const override { return now; }
    void arm(VtsTimer timer, int delayMs, std::function<void()> fire) override
    {
        armed[timer] = {delayMs, now + delayMs, std::move(fire)};
    }
    void disarm(VtsTimer timer) override { armed.erase(timer); }

    bool isArmed(VtsTimer timer) const { return armed.count(timer) != 0; }
    int delayOf(VtsTimer timer) const { return isArmed(timer) ? armed.at(timer).delayMs : -1; }
    qint64 deadlineOf(VtsTimer timer) const { return armed.at(timer).deadlineMs; }
    // Moves the clock to the timer's deadline (never back) and fires it; false when it was not
    // armed.
    bool fire(VtsTimer timer)
    {
        const auto it = armed.find(timer);
        if (it == armed.end())
            return false;
        const Armed what = std::move(it->second);
        armed.erase(it);
        now = qMax(now, what.deadlineMs);
        what.fire();
        return true;
    }

    qint64 now = 1'000'000;
    struct Armed
    {
        int delayMs = 0;
        qint64 deadlineMs = 0;
        std::function<void()> fire;
    };
    std::map<VtsTimer, Armed> armed;
};

class MemoryTokenStore final : public sb::integrations::vtubestudio::VtsTokenStore
{
public:
    void startLoad(QObject* context, LoadDone done) override
    {
        later(context, [this, done = std::move(done)] { done(token, QString()); });
    }
    void startSave(const QString& value, QObject* context, Done done) override
    {
        ++saves;
        later(context, [this, value, done = std::move(done)] {
            token = value;
            done(QString());
        });
    }
    void startForget(QObject* context, Done done) override
    {
        later(context, [this, done = std::move(done)] {
            token.reset();
            done(QString());
        });
    }

    std::optional<QString> token;
    int saves = 0;

private:
    static void later(QObject* context, std::function<void()> run)
    {
        QTimer::singleShot(0, context, std::move(run));
    }
};

} // namespace sb::test
