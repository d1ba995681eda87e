#pragma once
// What the overlays and the host draw: the auction as a viewer should see it at one instant,
// copied out of the engine on the GUI thread so the render thread can paint it without touching
// the engine. A plain value: every field is computed by build() from the engine and the clock.

#include "AuctionTypes.h"
#include "Gwei.h"
#include "MarathonConfig.h"

#include <QHash>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

namespace sb::auction {
class AuctionEngine;
}

namespace sb::studio {

// One line of the bid feed.
struct FeedEntry
{
    std::int64_t bidId = 0;
    QString bidderName;
    sb::auction::Gwei amount; // 0 when the post had no valid amount
    sb::auction::BidStatus status = sb::auction::BidStatus::Rejected;
    QString reason;        // short reason for a rejection ("below reserve"), empty otherwise
    bool isLeader = false; // the auction's current leading bid
    std::int64_t receivedUtcMs = 0;
};

// One row of the marathon's leaderboard: a bidder's best accepted bid across all auctions.
struct LeaderboardEntry
{
    QString bidderName;
    sb::auction::Gwei bestBid;
    int wins = 0;
};

// Best accepted bid and wins per bidder (keyed by bidder id, else name), across the marathon.
using LeaderboardTally = QHash<QString, LeaderboardEntry>;

struct AuctionSnapshot
{
    std::int64_t nowUtcMs = 0; // the engine clock when the snapshot was taken
    bool demo = false;         // a demo marathon: overlays say so
    bool hasMarathon = false;
    QString marathonName;
    sb::auction::MarathonState marathonState = sb::auction::MarathonState::Scheduled;

    // The current auction (taking bids now, else the next to open, else the last one).
    bool hasAuction = false;
    int auctionIndex = -1;
    int dayNumber = 0; // 1-based
    int dayCount = 0;
    int lotNumber = 0; // 1-based within the marathon
    sb::auction::Lot lot;
    sb::auction::DayState dayState = sb::auction::DayState::Pending;
    std::int64_t startUtcMs = 0;
    std::int64_t endUtcMs = 0; // extensions and pauses included
    std::int64_t scheduledEndUtcMs = 0;
    bool extended = false; // a bid in the time buffer moved the end (auction.extended seen)
    bool paused = false;
    std::int64_t pausedSinceUtcMs = 0; // while paused: the countdown is frozen at this instant
    std::optional<sb::auction::Gwei> currentBid;
    QString leaderName;
    sb::auction::Gwei minimumNextBid;

    // Winner of the current auction, once declared.
    bool winnerDeclared = false;
    QString winnerName;
    std::optional<sb::auction::Gwei> winningBid;
    std::int64_t winnerDeclaredUtcMs = 0; // for the SOLD animation; 0 when unknown

    // Settlement on Shape of the auction shown, once its token is minted to the buyer who paid
    // (settlement.mint_confirmed): the SOLD banner adds "Paid ✓ — token #N minted to 0xAB…CD".
    bool settlementPaid = false;
    std::uint64_t mintedTokenId = 0;
    QString mintedTo; // EIP-55
    // The last auction settled on Shape before the one shown, as the schedule card tells it.
    enum class LastSale
    {
        None,            // settlement is off, or nothing was won yet
        AwaitingPayment, // won, the buyer has not paid yet
        Paid,            // paid (and minted, or being minted)
        Unsold,          // nobody paid
    };
    LastSale lastSale = LastSale::None;
    int lastSaleDayNumber = 0;

    // Between windows: when the next auction opens (0 when none is left).
    std::int64_t nextStartUtcMs = 0;

    // How to bid on X: the signed-in account viewers reply to ("sothebais", without the "@";
    // empty while none is signed in, stamped by AuctionStateModel::setXHandle) and the marathon's
    // hashtag ("#SothebAIs"; empty when bids need none). Both with bidi and zero-width controls
    // removed, as names are.
    QString xHandle;
    QString hashtag;

    QList<FeedEntry> feed;               // newest first, at most kFeedLength
    QList<LeaderboardEntry> leaderboard; // best first, at most kLeaderboardLength

    // Set when the marathon database could not be read: what depends on it is left empty.
    QString readError;

    static constexpr int kFeedLength = 8;
    static constexpr int kLeaderboardLength = 5;

    // Milliseconds left in the current auction at nowUtcMs (0 once ended; frozen while paused).
    std::int64_t timeLeftMs() const;
    // True while the current auction takes bids.
    bool isLive() const;
    // True when no auction is running, none was just sold, and another one is scheduled later.
    bool isBetweenWindows() const;

    // Reads the engine and its store (GUI thread, the engine's thread). `extended` and
    // winnerDeclaredUtcMs are left for AuctionStateModel, which sees the events that set them.
    // `show` picks the auction to describe (the one just sold, while its banner is up); by
    // default the engine's current one.
    // `tally` is the leaderboard kept up to date by the caller; without it every bid of the
    // marathon is read.
    static AuctionSnapshot build(sb::auction::AuctionEngine& engine, bool demo,
                                 std::optional<int> show = std::nullopt,
                                 const LeaderboardTally* tally = nullptr);

    // The leaderboard from the store (every bid), one accepted bid added to it, and its top rows.
    static LeaderboardTally tallyLeaderboard(sb::auction::AuctionEngine& engine);
    static void addToLeaderboard(LeaderboardTally& board, const QString& bidderId,
                                 const QString& bidderName, sb::auction::Gwei amount, int wins);
    static QList<LeaderboardEntry> topOfLeaderboard(const LeaderboardTally& board);
};

// "1 h 05 min 09 s", "4 min 07 s", "12 s": time left as the bar shows it.
QString formatTimeLeft(std::int64_t ms);
// "3 h 12 min", "2 d 4 h", "45 s": a countdown to the next window.
QString formatCountdown(std::int64_t ms);
// "0.05 ETH": an amount as the overlays show it (trailing zeros trimmed, at least 2 decimals).
QString formatEth(sb::auction::Gwei amount);
// "0xAB…CD": enough of an address to tell it apart on screen.
QString formatShortAddress(const QString& address);
// A short reason for the feed ("below reserve", "too low", "window closed", ...).
QString shortRejectionReason(sb::auction::RejectionCode code);

} // namespace sb::studio
