#pragma once
// When one X endpoint may be read next. It never sends more requests than the limit X last
// reported leaves (x-rate-limit-remaining, counting requests still in flight), waits out a 429
// until x-rate-limit-reset, backs off after 5xx answers and network errors, and spends the budget
// where it matters: fast in the auction's last minutes and its grace after the close, slower while
// it runs, slow between windows. Pure logic on the times it is given: no timers, no I/O.

#include "XApi.h"

#include <QString>

#include <cstdint>

namespace sb::integrations::x {

enum class XPhase
{
    Idle,    // no auction takes bids now
    Open,    // an auction takes bids
    Closing, // its last minutes
    Grace,   // closed; late posts may still arrive until the winner is declared
};

// How often a source is read in each phase, when the rate limit allows.
struct XPollCadence
{
    std::int64_t idleMs = 60'000;
    std::int64_t openMs = 5'000;
    std::int64_t closingMs = 2'000;
    std::int64_t graceMs = 1'500;
    friend bool operator==(const XPollCadence&, const XPollCadence&) = default;
};

class XPollScheduler
{
public:
    using Cadence = XPollCadence;
    // Requests kept back for the sweep after the close while the window is still open.
    static constexpr int kReserve = 3;
    static constexpr std::int64_t kMaxBackoffMs = 60'000;
    static constexpr std::int64_t kWindowMs = 15 * 60'000; // X's rate-limit window for reads

    explicit XPollScheduler(Cadence cadence = {}) : m_cadence(cadence) {}

    // The earliest epoch ms at which the next request may be sent (>= nowMs). The cadence is
    // the time between rounds: the next page of a round (nextPage) goes as soon as the limits
    // allow.
    std::int64_t nextAllowedMs(std::int64_t nowMs, XPhase phase, bool nextPage = false) const;
    bool mayPollNow(std::int64_t nowMs, XPhase phase, bool nextPage = false) const
    {
        return nextAllowedMs(nowMs, phase, nextPage) <= nowMs;
    }

    // A request goes out; the first page of a round starts the cadence's clock.
    void onSent(std::int64_t nowMs, bool nextPage = false);
    // Learns from every answer: the limit headers, a 429's reset, a failure's backoff.
    void onAnswer(const HttpResponse& response, std::int64_t nowMs);
    // An answer that came (and was counted by onAnswer) but could not be used: truncated or
    // malformed JSON. Backs off as after a failure.
    void onUnusableAnswer(std::int64_t nowMs);

    // For the X dock: what the scheduler waits for, in words ("" while polling freely).
    QString waitingFor(std::int64_t nowMs) const;
    std::optional<int> remaining() const { return m_remaining; }
    std::optional<std::int64_t> resetUtcMs() const { return m_resetUtcMs; }
    int inFlight() const { return m_inFlight; }
    int consecutiveFailures() const { return m_failures; }

private:
    std::int64_t cadenceMs(XPhase phase) const;

    Cadence m_cadence;
    std::optional<int> m_remaining; // as X last said, less what was sent since
    std::optional<std::int64_t> m_resetUtcMs;
    int m_inFlight = 0;
    std::int64_t m_lastSentMs = 0;     // any request (the spread over the window counts them)
    std::int64_t m_lastRoundMs = 0;    // the first page of the last round
    std::int64_t m_blockedUntilMs = 0; // a 429's reset, or a failure's backoff
    bool m_rateLimited = false;        // the block is a 429 (else a backoff)
    int m_failures = 0;
};

} // namespace sb::integrations::x
