#pragma once
// The money and timing rules of one auction, as pure functions of the config and the current
// leader. The engine calls them; tests and the reference model check them row by row.

#include "AuctionTypes.h"
#include "BidRejection.h"
#include "Gwei.h"
#include "MarathonConfig.h"

#include <cstdint>
#include <optional>

namespace sb::auction {

// What the rules need to know about the bid currently leading.
struct LeaderView
{
    Gwei amount;
    std::int64_t sourceTimeMs = 0;
    QString sourceId;
    QString bidderName;
};

struct AmountVerdict
{
    bool accepted = false;
    bool tookLeadByTie = false; // equal amount, posted earlier
    std::optional<BidRejection> rejection;
};

class BidRules
{
public:
    // The smallest amount that beats the leader outright: leader + max(ceil(leader × pct), abs).
    static Gwei minimumRaise(const MarathonConfig& config, Gwei leader);
    // The smallest acceptable next bid: the reserve with no leader, else minimumRaise.
    static Gwei minimumNextBid(const MarathonConfig& config,
                               const std::optional<LeaderView>& leader);

    // Reserve, minimum raise and the tie rule.
    static AmountVerdict judgeAmount(const MarathonConfig& config,
                                     const std::optional<LeaderView>& leader, Gwei amount,
                                     std::int64_t sourceTimeMs, const QString& sourceId);

    // Blocklist, account age, linked wallet. nullopt when the bidder may bid.
    static std::optional<BidRejection> checkEligibility(const MarathonConfig& config,
                                                        const BidInput& bid,
                                                        std::int64_t effectiveTimeMs);

    // True when the bid must wait for the operator (above the ceiling, or K× the leader).
    static bool needsReview(const MarathonConfig& config, const std::optional<LeaderView>& leader,
                            Gwei amount);

    // Anti-sniping: the end after a bid accepted at effectiveTimeMs (unchanged when far enough).
    static std::int64_t endAfterBid(const MarathonConfig& config, const AuctionDay& auction,
                                    std::int64_t effectiveTimeMs);

    // A source timestamp more than 5 s in the future is replaced by the received time; unknown
    // (0) is the received time.
    static std::int64_t effectiveSourceTime(std::int64_t sourceTimeMs, std::int64_t receivedMs);

    // Tie break between posts of the same time: the smaller id wins (numeric when both are).
    static bool sourceIdLess(const QString& a, const QString& b);
    // Leader order among accepted bids: higher amount, then earlier post, then smaller post id
    // (who leads after an invalidation, who is the runner-up in settlement).
    static bool leadsOver(const BidRecord& a, const BidRecord& b);

    static constexpr std::int64_t kFutureToleranceMs = 5000;
};

} // namespace sb::auction
