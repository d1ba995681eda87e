#pragma once
// The domain's value types: states, a bid as it arrives, a bid as recorded, and the verdict.

#include "BidRejection.h"
#include "Gwei.h"

#include <QString>
#include <QStringView>

#include <cstdint>
#include <optional>

namespace sb::auction {

enum class DayState
{
    Pending,
    Active,
    Paused,
    Processing,
    Completed,
    Cancelled
};
enum class MarathonState
{
    Scheduled,
    Running,
    Finished
};
enum class BidStatus
{
    Accepted,
    Rejected,
    PendingReview,
    Invalidated
};

QString dayStateName(DayState state); // "PENDING", "ACTIVE", ...
std::optional<DayState> dayStateFromName(QStringView name);
QString marathonStateName(MarathonState state); // "SCHEDULED", "RUNNING", "FINISHED"
std::optional<MarathonState> marathonStateFromName(QStringView name);
QString bidStatusName(BidStatus status); // "accepted", "rejected", "pending_review", "invalidated"
std::optional<BidStatus> bidStatusFromName(QStringView name);

// A bid as a channel hands it to the engine. Every channel (manual entry, X, the demo) uses this.
struct BidInput
{
    QString source = QStringLiteral("manual"); // "manual", "x", "demo", ...
    QString sourceId;              // unique per source (the post id); empty: the engine assigns one
    QString bidderId;              // stable id of the account
    QString bidderName;            // display handle
    QString text;                  // the post text, parsed with the bid grammar
    std::optional<Gwei> amount;    // an amount typed by the operator skips the grammar
    std::int64_t sourceTimeMs = 0; // when the bidder posted (created_at); 0 = unknown
    std::int64_t receivedTimeMs = 0;              // when it reached us; 0 = the engine's now
    std::optional<std::int64_t> accountCreatedMs; // unknown when absent
    bool hasLinkedWallet = false;
    QString threadId;                // conversation the post belongs to (X)
    std::optional<int> auctionIndex; // target auction; default: the one running at source time
};

// A bid as the store keeps it.
struct BidRecord
{
    std::int64_t id = 0;
    int auctionIndex = -1; // -1: no auction could be matched
    QString source;
    QString sourceId;
    QString bidderId;
    QString bidderName;
    QString text;
    Gwei amount;                   // 0 when the text had no valid amount
    std::int64_t sourceTimeMs = 0; // as judged (future timestamps clamped to received)
    std::int64_t receivedTimeMs = 0;
    BidStatus status = BidStatus::Rejected;
    std::optional<BidRejection> rejection;
    QString note; // operator's reason for invalidation or review decisions
};

// One auction (a day's lot) as the engine tracks it.
struct AuctionDay
{
    int index = 0;
    int dayNumber = 1;
    int lot = 0;
    DayState state = DayState::Pending;
    std::int64_t startUtcMs = 0;
    std::int64_t scheduledEndUtcMs = 0;
    std::int64_t endUtcMs = 0; // scheduledEnd plus every extension and pause
    std::optional<std::int64_t> pausedAtUtcMs;
    std::optional<std::int64_t> leaderBidId;
    std::optional<std::int64_t> winnerBidId;
    bool winnerDeclared = false; // the close + grace step ran
    QString threadId;            // the auction post's conversation id, once announced
    QString settlementNote;

    bool isOpenForBids() const
    {
        return state == DayState::Active || state == DayState::Paused ||
               (state == DayState::Processing && !winnerDeclared);
    }
    friend bool operator==(const AuctionDay&, const AuctionDay&) = default;
};

// A bidder's linked wallet (the latest link wins).
struct WalletLink
{
    QString bidderId;
    QString bidderName;
    QString address; // EIP-55 checksummed
    QString source;
    QString sourceId; // the post that linked it
    std::int64_t linkedUtcMs = 0;
    friend bool operator==(const WalletLink&, const WalletLink&) = default;
};

// What intake tells the channel once the bid is durably committed.
struct BidOutcome
{
    enum class Kind
    {
        Accepted,
        Rejected,
        PendingReview,
        Duplicate,
        Failed
    };
    Kind kind = Kind::Failed;
    std::int64_t bidId = 0; // for Duplicate: the original bid
    std::optional<BidRejection> rejection;
    bool leads = false;
    std::int64_t endUtcMs = 0; // the auction's end after this bid (extensions included)
    QString error;             // Failed: why the bid could not be stored
};

} // namespace sb::auction
