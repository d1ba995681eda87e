#include "XPollScheduler.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>

namespace sb::integrations::x {

namespace {

QString clockText(std::int64_t utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs).toLocalTime().toString(QStringLiteral("HH:mm:ss"));
}

} // namespace

std::int64_t XPollScheduler::cadenceMs(XPhase phase) const
{
    switch (phase) {
    case XPhase::Idle:
        return m_cadence.idleMs;
    case XPhase::Open:
        return m_cadence.openMs;
    case XPhase::Closing:
        return m_cadence.closingMs;
    case XPhase::Grace:
        return m_cadence.graceMs;
    }
    return m_cadence.idleMs;
}

std::int64_t XPollScheduler::nextAllowedMs(std::int64_t nowMs, XPhase phase, bool nextPage) const
{
    std::int64_t next = std::max(nowMs, m_blockedUntilMs);
    if (m_lastRoundMs > 0 && !nextPage)
        next = std::max(next, m_lastRoundMs + cadenceMs(phase));
    if (!m_remaining)
        return next;
    // What is left of this window, less what is already on its way.
    const int left = *m_remaining - m_inFlight;
    const std::int64_t reset = m_resetUtcMs.value_or(nowMs + kWindowMs);
    // Nothing left: the next request goes after the reset (a second of slack for clocks).
    if (left <= 0)
        return std::max(next, reset + 1000);
    // While the window runs, keep a few requests for the sweep after the close; in the last
    // minutes and the grace, spend them. Otherwise spread what is left until the reset.
    const bool urgent = phase == XPhase::Closing || phase == XPhase::Grace;
    const int spendable = urgent ? left : left - kReserve;
    if (spendable <= 0)
        return std::max(next, reset + 1000);
    // New rounds are spread over what is left until the reset, so polling never goes blind
    // before it; the pages of a backlog are read at once (within the reserve).
    if (!urgent && !nextPage && reset > nowMs && m_lastSentMs > 0)
        next = std::max(next, m_lastSentMs + (reset - nowMs) / spendable);
    return next;
}

void XPollScheduler::onSent(std::int64_t nowMs, bool nextPage)
{
    m_lastSentMs = nowMs;
    if (!nextPage)
        m_lastRoundMs = nowMs;
    ++m_inFlight;
}

void XPollScheduler::onAnswer(const HttpResponse& response, std::int64_t nowMs)
{
    m_inFlight = std::max(0, m_inFlight - 1);
    const XRateLimit limit = XRateLimit::fromHeaders(response);
    if (limit.remaining)
        m_remaining = limit.remaining;
    else if (m_remaining && response.status != 0)
        m_remaining = std::max(0, *m_remaining - 1); // counted though X did not say
    if (limit.resetUtcS)
        // X's read windows are 15 minutes: a reset said to be later (a lying or broken header)
        // would stop the source for as long; it is tried again at the end of a window instead.
        m_resetUtcMs = std::min(*limit.resetUtcS * 1000, nowMs + kWindowMs);

    if (response.status == 429) {
        // Wait for the reset X gives; without one, a full 15-minute window.
        m_remaining = 0;
        const std::int64_t reset =
            m_resetUtcMs && *m_resetUtcMs > nowMs ? *m_resetUtcMs : nowMs + kWindowMs;
        m_resetUtcMs = reset;
        m_blockedUntilMs = reset + 1000;
        m_rateLimited = true;
        ++m_failures;
        return;
    }
    const bool failed = response.status == 0 || response.status >= 500;
    if (failed) {
        ++m_failures;
        // 1 s, 2 s, 4 s … up to a minute; the cadence still applies on top.
        const std::int64_t backoff = std::min<std::int64_t>(
            kMaxBackoffMs, std::int64_t(1000) << std::min(m_failures - 1, 16));
        m_blockedUntilMs = nowMs + backoff;
        m_rateLimited = false;
        return;
    }
    m_failures = 0;
    m_rateLimited = false;
    m_blockedUntilMs = 0;
    // A reset that has passed: X will report the new window with the next answer.
    if (m_resetUtcMs && *m_resetUtcMs <= nowMs && !limit.resetUtcS)
        m_remaining.reset();
}

void XPollScheduler::onUnusableAnswer(std::int64_t nowMs)
{
    ++m_failures;
    m_blockedUntilMs =
        nowMs +
        std::min<std::int64_t>(kMaxBackoffMs, std::int64_t(1000) << std::min(m_failures - 1, 16));
    m_rateLimited = false;
}

QString XPollScheduler::waitingFor(std::int64_t nowMs) const
{
    if (m_blockedUntilMs > nowMs) {
        if (m_rateLimited)
            return QCoreApplication::translate("XPollScheduler",
                                               "rate limited: waiting for the reset at %1")
                .arg(clockText(m_blockedUntilMs));
        return QCoreApplication::translate("XPollScheduler",
                                           "%n failure(s) in a row: trying again at %1", nullptr,
                                           m_failures)
            .arg(clockText(m_blockedUntilMs));
    }
    if (m_remaining && *m_remaining - m_inFlight <= 0 && m_resetUtcMs)
        return QCoreApplication::translate("XPollScheduler",
                                           "no requests left: waiting for the reset at %1")
            .arg(clockText(*m_resetUtcMs));
    return {};
}

} // namespace sb::integrations::x
