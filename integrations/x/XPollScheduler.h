#pragma once
// When one X endpoint may be read next. It never sends more requests than the limit X last
// reported leaves (x-rate-limit-remaining, counting requests still in flight), waits out a 429
// until x-rate-limit-reset, backs off after 5xx answers and network errors, and spends the budget
// where it matters: fast in the auction's last minutes and its grace after the close, slower while
// it runs, slow between windows. Near the month's read budget (XReadBudget, below) it reads less:
// from 80 % the rounds while open or idle come 4 times less often; once it is spent only the
// sweep after the close reads, so the winner is still declared. Pure logic on the times it is
// given: no timers, no I/O.

#include "XApi.h"

#include <QSet>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <limits>

namespace sb::integrations::x {

enum class XPhase
{
    Idle,    // no auction takes bids now
    Open,    // an auction takes bids
    Closing, // its last minutes
    Grace,   // closed; late posts may still arrive until the winner is declared
};

// Where this month's reads stand against the budget set in Settings.
enum class XBudgetLevel
{
    Within,  // under 80 %, or no budget
    Nearing, // 80 % or more: rounds while open or idle come kNearingSlowdown times less often
    Spent,   // 100 % or more: only the sweep after the close (XPhase::Grace) reads
};

// The sentence the X dock and the sources show for a level ("" within the budget).
QString budgetNote(XBudgetLevel level);

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
    static constexpr int kNearingSlowdown = 4;
    // nextAllowedMs() while the budget is spent and the phase is not the sweep after the close.
    static constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::max();

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

    // The month's read budget, as XReadBudget::level() says it.
    void setBudgetLevel(XBudgetLevel level) { m_budget = level; }
    XBudgetLevel budgetLevel() const { return m_budget; }

    // For the X dock: what the scheduler waits for in `phase`, in words ("" while polling
    // freely).
    QString waitingFor(std::int64_t nowMs, XPhase phase = XPhase::Idle) const;
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
    XBudgetLevel m_budget = XBudgetLevel::Within;
};

// The month's reads under pay-per-use (DESIGN.md, "X API v2"), in millionths of a dollar: the
// posts each source was given (the account's own mentions at the own-read price, search and
// lookup at the read price), each post billed once per UTC day as X bills it, and where that
// stands against the month's budget (0: no budget, never slowed). Months and days are UTC on the
// clock the times come from. Pure bookkeeping: the intake keeps a month's figures in the
// marathon database (metaValues) and gives them back after a restart (restore).
class XReadBudget
{
public:
    enum class Source
    {
        Mentions,
        Search,
        Lookup,
    };
    struct Month
    {
        QString key;               // "2026-12"
        std::int64_t mentions = 0; // posts billed, by source
        std::int64_t search = 0;
        std::int64_t lookup = 0;
        std::int64_t costMicroUsd = 0;
        std::int64_t posts() const { return mentions + search + lookup; }
        friend bool operator==(const Month&, const Month&) = default;
    };
    // The ids remembered per UTC day. Past it a post is billed each time it is read: the
    // estimate errs high, never low.
    static constexpr int kMaxIdsPerDay = 100'000;

    XReadBudget(std::int64_t readPriceMicroUsd = 5'000, std::int64_t ownReadPriceMicroUsd = 1'000,
                std::int64_t budgetMicroUsd = 0);

    // The UTC month of an instant, as the meta keys name it: "2026-12".
    static QString monthOf(std::int64_t utcMs);
    // Starts counting `monthKey` from zero (a new month, or the first one).
    void startMonth(const QString& monthKey);
    // Adds what was stored for the month being counted (before a restart) to what was counted
    // since; another month's figures are ignored.
    void restore(const Month& stored);
    // Counts the posts (their ids) a source was given at `utcMs`, in the month being counted;
    // returns the cost added. A post already billed at the same price this UTC day costs
    // nothing more.
    std::int64_t count(Source source, const QStringList& postIds, std::int64_t utcMs);

    const Month& month() const { return m_month; }
    std::int64_t budgetMicroUsd() const { return m_budgetMicroUsd; }
    XBudgetLevel level() const;
    // "Posts read this month: 1234 · about $5.68 of $50.00" (no budget: "… · about $5.68").
    QString summary() const;
    QString note() const { return budgetNote(level()); }

    // The month's figures as meta keys and values (x.read_cost.2026-12, x.posts_read.2026-12,
    // x.posts_read.2026-12.mentions …), and back.
    static QList<std::pair<QString, std::int64_t>> metaValues(const Month& month);
    static QStringList metaKeys(const QString& monthKey);
    // From the values of metaKeys(monthKey), in that order ("" or not a number: 0).
    static Month fromMeta(const QString& monthKey, const QStringList& values);
    // "$12.35": micro-USD rounded to the cent, in integers.
    static QString usdText(std::int64_t microUsd);

private:
    std::int64_t m_readPriceMicroUsd;
    std::int64_t m_ownReadPriceMicroUsd;
    std::int64_t m_budgetMicroUsd;
    Month m_month;
    std::int64_t m_day = -1;     // UTC days since the epoch of the ids below
    QSet<QString> m_billedToday; // "o:<id>" at the own-read price, "r:<id>" at the read price
};

} // namespace sb::integrations::x
