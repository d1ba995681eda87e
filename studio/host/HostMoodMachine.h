#pragma once
// Decides the host character's mood from the auction's events (DESIGN.md, "The host character"):
// a new bid makes the host excited for a beat, then the verdict shows (happy when accepted,
// surprised first on a big jump, concerned when rejected, thoughtful while a bid waits for review),
// and the face settles back to neutral. Triumphant on the winner; thoughtful when an open auction
// has been quiet for a minute. The operator can force a mood for a while.
//
// A plain value, deterministic on the times it is given (the engine clock, UTC ms): the GUI thread
// feeds it, and the render thread can paint from a copy advanced to the frame's time.

#include "Gwei.h"
#include "HostMood.h"

#include <array>
#include <cstdint>
#include <initializer_list>

namespace sb::auction {
struct AuctionEvent;
}

namespace sb::studio {

class HostMoodMachine
{
public:
    // The bid arrives and is judged in the same transaction, so its events come together: the
    // host shows excitement this long before the verdict, or the reaction would never be seen.
    static constexpr std::int64_t kExcitedMs = 600;
    static constexpr std::int64_t kHappyMs = 5'000;
    // Surprised, then happy: a big jump is still good news.
    static constexpr std::int64_t kSurprisedMs = 3'000;
    static constexpr std::int64_t kConcernedMs = 4'000;
    // A bid held for the operator's review: the host "considers" it meanwhile.
    static constexpr std::int64_t kReviewMs = 4'000;
    // Long enough for the SOLD banner and the winner's line.
    static constexpr std::int64_t kTriumphantMs = 15'000;
    // Quiet time in an open auction after which the host looks thoughtful.
    static constexpr std::int64_t kIdleMs = 60'000;
    // How long an operator's mood holds before the host goes back to neutral.
    static constexpr std::int64_t kOverrideMs = 20'000;
    // A new leading amount at least this many times the previous one is a "big jump".
    static constexpr std::int64_t kJumpFactor = 2;

    HostMood mood() const { return m_mood; }
    // When the current mood began (its scheduled time, not when tick() noticed it); 0 at start.
    std::int64_t moodSinceMs() const { return m_moodSinceMs; }
    // When the current mood ends by itself; 0 when it lasts until something happens.
    std::int64_t moodUntilMs() const;
    bool isOverridden() const { return m_overridden; }
    // Whether the machine believes an auction takes bids (from the events, or setAuctionOpen()).
    bool isAuctionOpen() const { return m_auctionOpen; }

    // Reacts to one journal event seen at `nowMs`. Unknown types only count as activity.
    void onEvent(const sb::auction::AuctionEvent& event, std::int64_t nowMs);
    // Advances timed transitions up to `nowMs` (holds expiring, the quiet-time thoughtful look).
    void tick(std::int64_t nowMs);
    // The operator's choice: shown now and held for kOverrideMs whatever the events say, except
    // a winner, which is the show's moment and ends the override.
    void setMood(HostMood mood, std::int64_t nowMs);
    void clearOverride(std::int64_t nowMs);
    // For a start in the middle of an auction, when the opening event was before this machine.
    void setAuctionOpen(bool open, std::int64_t nowMs);

private:
    struct Step
    {
        HostMood mood = HostMood::Neutral;
        std::int64_t holdMs = 0;
    };

    void show(HostMood mood, std::int64_t atMs, std::int64_t holdMs);
    // Excited now, then `steps` in order, then neutral; ignored while a mood may not be broken.
    void reactToBid(std::int64_t nowMs, std::initializer_list<Step> steps);
    bool holdsAgainstBids() const;
    // Records a leading amount; true when it is a big jump over the previous leader.
    bool noteLeader(int auction, std::int64_t amountGwei);

    HostMood m_mood = HostMood::Neutral;
    std::int64_t m_moodSinceMs = 0;
    std::int64_t m_holdUntilMs = 0; // 0: no timed end
    std::array<Step, 2> m_next{};
    int m_nextCount = 0;

    bool m_overridden = false;
    std::int64_t m_overrideUntilMs = 0;

    bool m_auctionOpen = false;
    std::int64_t m_lastActivityMs = 0;
    int m_leaderAuction = -1;
    sb::auction::Gwei m_leaderAmount; // 0 when the auction has no leader yet
};

} // namespace sb::studio
