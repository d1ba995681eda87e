#include "HostMoodMachine.h"

#include "AuctionEvent.h"

#include <algorithm>

namespace sb::studio {

namespace EventType = sb::auction::EventType;
using sb::auction::Gwei;

namespace {

std::int64_t amountGwei(const QJsonObject& payload)
{
    return payload.value(QStringLiteral("amount_gwei")).toInteger(-1);
}

int auctionIndex(const QJsonObject& payload)
{
    return payload.value(QStringLiteral("auction")).toInt(-1);
}

} // namespace

std::int64_t HostMoodMachine::moodUntilMs() const
{
    return m_overridden ? m_overrideUntilMs : m_holdUntilMs;
}

void HostMoodMachine::show(HostMood mood, std::int64_t atMs, std::int64_t holdMs)
{
    // The same mood again keeps its start: the face does not "re-enter" an expression it shows.
    if (mood != m_mood || m_moodSinceMs == 0)
        m_moodSinceMs = atMs;
    m_mood = mood;
    m_holdUntilMs = holdMs > 0 ? atMs + holdMs : 0;
}

void HostMoodMachine::tick(std::int64_t nowMs)
{
    for (;;) {
        if (m_overridden) {
            if (nowMs < m_overrideUntilMs)
                return;
            m_overridden = false;
            m_nextCount = 0;
            show(HostMood::Neutral, m_overrideUntilMs, 0);
            continue;
        }
        if (m_holdUntilMs == 0 || nowMs < m_holdUntilMs)
            break;
        const std::int64_t at = m_holdUntilMs;
        if (m_nextCount > 0) {
            const Step step = m_next[0];
            m_next[0] = m_next[1];
            --m_nextCount;
            show(step.mood, at, step.holdMs);
        } else {
            show(HostMood::Neutral, at, 0);
        }
    }
    if (m_auctionOpen && m_mood == HostMood::Neutral && m_holdUntilMs == 0) {
        // Scheduled from the last activity, so the look starts at the same instant however
        // often tick() runs.
        const std::int64_t idleAt = std::max(m_lastActivityMs + kIdleMs, m_moodSinceMs);
        if (nowMs >= idleAt)
            show(HostMood::Thoughtful, idleAt, 0);
    }
}

bool HostMoodMachine::holdsAgainstBids() const
{
    // Late bids after the hammer are rejected ("window closed"): they must not spoil the
    // celebration of the winner.
    return m_overridden || (m_mood == HostMood::Triumphant && m_holdUntilMs != 0);
}

void HostMoodMachine::reactToBid(std::int64_t nowMs, std::initializer_list<Step> steps)
{
    if (holdsAgainstBids())
        return;
    show(HostMood::Excited, nowMs, kExcitedMs);
    m_nextCount = 0;
    for (const Step& step : steps)
        m_next[std::size_t(m_nextCount++)] = step;
}

bool HostMoodMachine::noteLeader(int auction, std::int64_t amountGwei)
{
    if (auction != m_leaderAuction) {
        m_leaderAuction = auction;
        m_leaderAmount = Gwei();
    }
    const Gwei previous = m_leaderAmount;
    m_leaderAmount = Gwei::fromGwei(std::max<std::int64_t>(0, amountGwei));
    if (previous.gwei() <= 0 || amountGwei <= 0)
        return false;
    const std::optional<Gwei> threshold = previous.checkedMultiply(kJumpFactor);
    return threshold && m_leaderAmount >= *threshold;
}

void HostMoodMachine::onEvent(const sb::auction::AuctionEvent& event, std::int64_t nowMs)
{
    tick(nowMs);
    m_lastActivityMs = nowMs;
    const QString& type = event.type;
    const QJsonObject& payload = event.payload;

    if (type == EventType::BidAccepted) {
        m_auctionOpen = true;
        const bool bigJump = noteLeader(auctionIndex(payload), amountGwei(payload));
        if (bigJump)
            reactToBid(nowMs, {{HostMood::Surprised, kSurprisedMs}, {HostMood::Happy, kHappyMs}});
        else
            reactToBid(nowMs, {{HostMood::Happy, kHappyMs}});
    } else if (type == EventType::BidRejected) {
        reactToBid(nowMs, {{HostMood::Concerned, kConcernedMs}});
    } else if (type == EventType::BidReview) {
        reactToBid(nowMs, {{HostMood::Thoughtful, kReviewMs}});
    } else if (type == EventType::AuctionLeader) {
        const bool recomputed = payload.value(QStringLiteral("recomputed")).toBool();
        const std::int64_t amount =
            payload.value(QStringLiteral("bid_id")).isNull() ? 0 : amountGwei(payload);
        const int auction = auctionIndex(payload);
        if (auction == m_leaderAuction && amount == m_leaderAmount.gwei())
            return; // the leader of the bid.accepted just handled
        const bool bigJump = noteLeader(auction, amount);
        // A leader recomputed after an invalidation is bookkeeping, not news to celebrate.
        if (recomputed || holdsAgainstBids() || amount <= 0)
            return;
        if (bigJump) {
            show(HostMood::Surprised, nowMs, kSurprisedMs);
            m_next[0] = {HostMood::Happy, kHappyMs};
            m_nextCount = 1;
        } else {
            show(HostMood::Happy, nowMs, kHappyMs);
            m_nextCount = 0;
        }
    } else if (type == EventType::AuctionWinner) {
        m_auctionOpen = false;
        m_overridden = false;
        m_nextCount = 0;
        show(HostMood::Triumphant, nowMs, kTriumphantMs);
    } else if (type == EventType::DayOpened || type == EventType::DayResumed) {
        m_auctionOpen = true;
        if (type == EventType::DayOpened)
            noteLeader(auctionIndex(payload), 0);
        if (!holdsAgainstBids() && m_mood == HostMood::Thoughtful && m_holdUntilMs == 0)
            show(HostMood::Neutral, nowMs, 0);
    } else if (type == EventType::DayPaused || type == EventType::DayClosing ||
               type == EventType::DayCompleted || type == EventType::DayCancelled) {
        m_auctionOpen = false;
        if (!m_overridden && m_mood == HostMood::Thoughtful && m_holdUntilMs == 0)
            show(HostMood::Neutral, nowMs, 0);
    }
}

void HostMoodMachine::setMood(HostMood mood, std::int64_t nowMs)
{
    tick(nowMs);
    m_overridden = true;
    m_overrideUntilMs = nowMs + kOverrideMs;
    m_nextCount = 0;
    show(mood, nowMs, 0);
}

void HostMoodMachine::clearOverride(std::int64_t nowMs)
{
    if (!m_overridden)
        return;
    m_overridden = false;
    show(HostMood::Neutral, nowMs, 0);
}

void HostMoodMachine::setAuctionOpen(bool open, std::int64_t nowMs)
{
    tick(nowMs);
    if (open && !m_auctionOpen)
        m_lastActivityMs = nowMs;
    m_auctionOpen = open;
    if (!open && !m_overridden && m_mood == HostMood::Thoughtful && m_holdUntilMs == 0)
        show(HostMood::Neutral, nowMs, 0);
}

} // namespace sb::studio
