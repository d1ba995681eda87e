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

constexpr std::int64_t kDayMs = 24 * 60 * 60'000;

} // namespace

QString budgetNote(XBudgetLevel level)
{
    switch (level) {
    case XBudgetLevel::Within:
        return {};
    case XBudgetLevel::Nearing:
        return QCoreApplication::translate(
            "XPollScheduler", "80 % of this month's read budget is spent: polling slowed");
    case XBudgetLevel::Spent:
        return QCoreApplication::translate(
            "XPollScheduler",
            "This month's read budget is spent: only the sweep after the close reads");
    }
    return {};
}

std::int64_t XPollScheduler::cadenceMs(XPhase phase) const
{
    // Near the budget, the rounds that only keep the feed fresh slow down; the last minutes and
    // the sweep after the close keep their pace, as the winner depends on them.
    const std::int64_t slowdown = m_budget == XBudgetLevel::Within ? 1 : kNearingSlowdown;
    switch (phase) {
    case XPhase::Idle:
        return m_cadence.idleMs * slowdown;
    case XPhase::Open:
        return m_cadence.openMs * slowdown;
    case XPhase::Closing:
        return m_cadence.closingMs;
    case XPhase::Grace:
        return m_cadence.graceMs;
    }
    return m_cadence.idleMs;
}

std::int64_t XPollScheduler::nextAllowedMs(std::int64_t nowMs, XPhase phase, bool nextPage) const
{
    // A spent budget waits for the next month (or a larger budget), except for the sweep that
    // lets the winner be declared.
    if (m_budget == XBudgetLevel::Spent && phase != XPhase::Grace)
        return kNever;
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
    // A 4xx (a refused token, a bad request) is not answered differently the next second: it
    // backs off like X out of reach or a 5xx.
    const bool failed = response.status == 0 || response.status >= 400;
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

QString XPollScheduler::waitingFor(std::int64_t nowMs, XPhase phase) const
{
    if (m_budget == XBudgetLevel::Spent && phase != XPhase::Grace)
        return budgetNote(m_budget);
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
    if (m_budget == XBudgetLevel::Nearing && (phase == XPhase::Open || phase == XPhase::Idle))
        return budgetNote(m_budget);
    return {};
}

XReadBudget::XReadBudget(std::int64_t readPriceMicroUsd, std::int64_t ownReadPriceMicroUsd,
                         std::int64_t budgetMicroUsd)
    : m_readPriceMicroUsd(std::max<std::int64_t>(0, readPriceMicroUsd)),
      m_ownReadPriceMicroUsd(std::max<std::int64_t>(0, ownReadPriceMicroUsd)),
      m_budgetMicroUsd(std::max<std::int64_t>(0, budgetMicroUsd))
{}

QString XReadBudget::monthOf(std::int64_t utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC).toString(QStringLiteral("yyyy-MM"));
}

void XReadBudget::startMonth(const QString& monthKey)
{
    m_month = Month{};
    m_month.key = monthKey;
}

void XReadBudget::restore(const Month& stored)
{
    if (stored.key != m_month.key)
        return;
    m_month.mentions += stored.mentions;
    m_month.search += stored.search;
    m_month.lookup += stored.lookup;
    m_month.costMicroUsd += stored.costMicroUsd;
}

std::int64_t XReadBudget::count(Source source, const QStringList& postIds, std::int64_t utcMs)
{
    // X bills a post once per UTC day: a new day forgets the ids of the last one.
    const std::int64_t day = utcMs >= 0 ? utcMs / kDayMs : (utcMs - kDayMs + 1) / kDayMs;
    if (day != m_day) {
        m_day = day;
        m_billedToday.clear();
    }
    const bool own = source == Source::Mentions;
    const std::int64_t price = own ? m_ownReadPriceMicroUsd : m_readPriceMicroUsd;
    const QString prefix = own ? QStringLiteral("o:") : QStringLiteral("r:");
    std::int64_t billed = 0;
    for (const QString& id : postIds) {
        const QString key = prefix + id;
        if (m_billedToday.contains(key))
            continue;
        if (m_billedToday.size() < kMaxIdsPerDay)
            m_billedToday.insert(key);
        ++billed;
    }
    std::int64_t& posts = source == Source::Mentions ? m_month.mentions
                          : source == Source::Search ? m_month.search
                                                     : m_month.lookup;
    posts += billed;
    m_month.costMicroUsd += billed * price;
    return billed * price;
}

XBudgetLevel XReadBudget::level() const
{
    if (m_budgetMicroUsd <= 0)
        return XBudgetLevel::Within;
    if (m_month.costMicroUsd >= m_budgetMicroUsd)
        return XBudgetLevel::Spent;
    // 80 %, rounded up, without the overflow of multiplying a large budget.
    if (m_month.costMicroUsd >= m_budgetMicroUsd - m_budgetMicroUsd / 5)
        return XBudgetLevel::Nearing;
    return XBudgetLevel::Within;
}

QString XReadBudget::summary() const
{
    if (m_budgetMicroUsd <= 0)
        return QCoreApplication::translate("XPollScheduler",
                                           "Posts read this month: %1 · about %2 (no budget set)")
            .arg(m_month.posts())
            .arg(usdText(m_month.costMicroUsd));
    return QCoreApplication::translate("XPollScheduler",
                                       "Posts read this month: %1 · about %2 of %3")
        .arg(m_month.posts())
        .arg(usdText(m_month.costMicroUsd), usdText(m_budgetMicroUsd));
}

QStringList XReadBudget::metaKeys(const QString& monthKey)
{
    const QString posts = QStringLiteral("x.posts_read.") + monthKey;
    return {QStringLiteral("x.read_cost.") + monthKey, posts, posts + QStringLiteral(".mentions"),
            posts + QStringLiteral(".search"), posts + QStringLiteral(".lookup")};
}

QList<std::pair<QString, std::int64_t>> XReadBudget::metaValues(const Month& month)
{
    const QStringList keys = metaKeys(month.key);
    return {{keys.at(0), month.costMicroUsd},
            {keys.at(1), month.posts()},
            {keys.at(2), month.mentions},
            {keys.at(3), month.search},
            {keys.at(4), month.lookup}};
}

XReadBudget::Month XReadBudget::fromMeta(const QString& monthKey, const QStringList& values)
{
    const auto number = [&values](int i) {
        const qint64 n = values.value(i).toLongLong();
        return std::max<std::int64_t>(0, n);
    };
    Month m;
    m.key = monthKey;
    m.costMicroUsd = number(0);
    m.mentions = number(2);
    m.search = number(3);
    m.lookup = number(4);
    return m;
}

QString XReadBudget::usdText(std::int64_t microUsd)
{
    const std::int64_t cents = (std::max<std::int64_t>(0, microUsd) + 5'000) / 10'000;
    return QStringLiteral("$%1.%2").arg(cents / 100).arg(cents % 100, 2, 10, QLatin1Char('0'));
}

} // namespace sb::integrations::x
