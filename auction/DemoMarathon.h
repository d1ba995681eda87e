#pragma once
// The demo: a short marathon that starts a minute from now, and simulated bidders who post the
// way real ones do (raises, typos, low bids, brand-new accounts, posts that arrive late), so the
// studio is alive on first start and the engine can be exercised end to end.

#include "AuctionTypes.h"
#include "MarathonConfig.h"

#include <QRandomGenerator>
#include <QString>

#include <cstdint>
#include <optional>

namespace sb::auction {

class AuctionEngine;

class DemoMarathon
{
public:
    // `days` daily windows of `windowMinutes`, the first opening a minute after startUtcMs.
    static MarathonConfig config(std::int64_t startUtcMs, int days = 3, int windowMinutes = 10);

    // The demo has no chain: each auction with a winner is marked settled at once. Returns the
    // first error, empty when all went well.
    static QString settleWinners(AuctionEngine& engine);
    // Between windows the demo skips ahead: the time to jump the clock to (leadMs before the next
    // auction opens), or nullopt while an auction runs or the next one is near anyway.
    static std::optional<std::int64_t> idleSkipTarget(const AuctionEngine& engine,
                                                      std::int64_t nowUtcMs, std::int64_t leadMs);
};

class SimulatedBidders
{
public:
    explicit SimulatedBidders(quint32 seed);

    // A post for an auction whose leader stands at `leader` (none yet: nullopt), posted around
    // nowUtcMs. Mostly valid raises over `minimumNext`; the rest exercise the rejections.
    BidInput nextBid(std::optional<Gwei> leader, Gwei minimumNext, std::int64_t nowUtcMs);

private:
    QRandomGenerator m_random;
    std::int64_t m_counter = 0;
    QString m_runId;
};

} // namespace sb::auction
