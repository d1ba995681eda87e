#pragma once
// Settlement of a won auction on Shape (DESIGN.md, "Shape L2 and settlement"), as the marathon
// database keeps it. The engine owns the state machine (EngineSettlement.cpp) and changes it only
// in transactions that journal the change; the chain driver (integrations/shape/SettlementDriver)
// reads what it has to do from here, signs, stores the signed transaction through the engine
// BEFORE it broadcasts it, and reports what the chain said. After a crash the stored transaction
// is sent again or found on chain: a step never gets a second, different transaction, except an
// explicit fee bump of the same nonce (only one of the two can ever be mined).
//
// Stages of one auction's settlement (one row per auction; `turn` counts the buyers tried):
//   AwaitingWallet -> ToReserve -> Reserving -> Reserved -> Paid -> Completed
//        |               (deadline passed unclaimed, or the operator skips the buyer)
//        +--> next buyer (runner-up: the next highest accepted bid of a bidder not tried yet,
//             at their own highest amount): AwaitingWallet/ToReserve again with turn + 1, the
//             chain step "reassign" once something was reserved on chain, else "reserve"
//        +--> nobody left: ToCancel -> Cancelling -> Unsold (a reservation exists on chain)
//                          or Unsold at once (nothing was ever reserved)
//   Failed: a step the driver cannot finish alone (insufficient funds, a revert, a wrong chain);
//           the operator retries (back to `resumeStage`), skips the buyer or cancels.
//   A claim seen on chain wins over everything not final: Paid whatever the stage, attributed to
//   the buyer the chain names. A claim whose block leaves the canonical chain puts the stage back
//   (Reserved, or where it was) and journals settlement.reorged.

#include "Gwei.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

namespace sb::auction {

enum class SettlementStage
{
    AwaitingWallet, // the buyer has linked no wallet: asked on X (outbox), waiting until deadline
    ToReserve,      // the buyer's reservation (reserve or reassign) must be signed and sent
    Reserving,      // its transaction is stored and being sent or confirmed
    Reserved,       // reserved on chain: the buyer may claim until the deadline
    ToCancel,       // nobody left who pays: the reservation on chain must be cancelled
    Cancelling,     // the cancel transaction is stored and being sent or confirmed
    Paid,           // Claimed seen in a canonical block (settlement.payment_seen)
    Completed,      // mint confirmed (settlement.mint_confirmed): the day is COMPLETED
    Unsold,         // nobody paid: the day completed unsold
    Failed,         // waits for the operator (the reason in `error`)
};
QString settlementStageName(SettlementStage stage); // "awaiting_wallet", "to_reserve", ...
std::optional<SettlementStage> settlementStageFromName(QStringView name);
bool settlementIsFinal(SettlementStage stage); // Completed or Unsold

// The chain step a stored transaction performs.
namespace SettlementStep {
inline constexpr QLatin1StringView Reserve{"reserve"};
inline constexpr QLatin1StringView Reassign{"reassign"};
inline constexpr QLatin1StringView Cancel{"cancel"};
} // namespace SettlementStep

enum class ChainTxState
{
    Signed,    // stored, maybe not broadcast yet: broadcast it (again) before anything else
    Sent,      // the node took it (or already knew it); no canonical receipt yet
    Included,  // in a canonical block (status 1)
    Safe,      // the node's safe block reached it
    Finalized, // the node's finalized block reached it
    Reverted,  // included with status 0
    Replaced,  // a fee bump of the same nonce took its place (replacedBy)
    Dropped,   // its nonce was used by another transaction: it can never be mined
};
QString chainTxStateName(ChainTxState state); // "signed", "sent", ...
std::optional<ChainTxState> chainTxStateFromName(QStringView name);
bool chainTxIncluded(ChainTxState state);   // Included, Safe or Finalized
bool chainTxCanBeMined(ChainTxState state); // not Reverted, Replaced or Dropped: still counts

// One signed transaction of a settlement, stored before it is broadcast.
struct ChainTransaction
{
    std::int64_t id = 0;
    int auctionIndex = -1;
    QString step; // SettlementStep
    int turn = 0; // the settlement's turn it belongs to
    std::uint64_t chainId = 0;
    std::uint64_t nonce = 0;
    QString fromAddress; // EIP-55
    QString toAddress;   // the auction house contract
    QByteArray raw;      // the signed bytes (0x02 ‖ rlp), exactly as broadcast
    QByteArray hash;     // keccak of raw, 32 bytes
    ChainTxState state = ChainTxState::Signed;
    std::optional<std::uint64_t> blockNumber;
    QByteArray blockHash;
    std::optional<std::int64_t> replaces; // the stuck transaction this one bumps
    std::optional<std::int64_t> replacedBy;
    QString error; // the last failure, in words
    std::int64_t createdUtcMs = 0;
    std::int64_t updatedUtcMs = 0;
};

// One auction's settlement.
struct Settlement
{
    int auctionIndex = -1;
    SettlementStage stage = SettlementStage::AwaitingWallet;
    // Failed: where retry goes back to. Paid: where a claim that leaves the chain goes back to.
    std::optional<SettlementStage> resumeStage;
    int turn = 0;           // 0: the winner; 1: the first runner-up, ...
    std::int64_t bidId = 0; // the buyer's bid (their highest accepted bid)
    QString bidderId;
    QString bidderName;
    Gwei price;           // the buyer's own amount
    QString buyerAddress; // EIP-55; empty while AwaitingWallet
    std::int64_t deadlineUtcMs = 0;
    QString tokenUri;             // the lot's token_uri, set with the reservation
    QList<QString> triedBidders;  // bidder ids already given a turn (the runner-up is none of them)
    bool reservedOnChain = false; // some turn's reservation was included: next step is reassign
    // The claim, once seen (Paid, Completed).
    QByteArray claimTxHash;
    std::optional<std::uint64_t> claimBlock;
    QString paidByAddress;  // who the chain says paid (may be an earlier turn's buyer)
    QString paidByBidderId; // the tried bidder whose wallet that is ("" when none of theirs)
    Gwei paidPrice;         // what the claim paid (that buyer's own price)
    QString error;          // Failed: why; otherwise the last problem the driver reported
    std::int64_t updatedUtcMs = 0;

    // Token ids are the auction's index + 1 (the contract mints token `auctionId`; 0 is never
    // used so "#0" never appears). Settlement::auctionId(i) is what reserve/claim are called with.
    static std::uint64_t auctionIdOf(int auctionIndex) { return std::uint64_t(auctionIndex) + 1; }
    // The stage whose work is pending: where a Failed settlement goes back to, else the stage.
    SettlementStage workingStage() const
    {
        return stage == SettlementStage::Failed ? resumeStage.value_or(stage) : stage;
    }
};

// A claim the driver saw in the contract's logs (event Claimed(auctionId, buyer, priceWei)).
struct ClaimSeen
{
    int auctionIndex = -1;
    QString buyerAddress; // EIP-55
    Gwei price;           // priceWei / 10^9 (the contract only ever holds whole-gwei prices)
    QByteArray txHash;
    std::uint64_t blockNumber = 0;
    QByteArray blockHash;
};

// What the engine needs to start settlements; kept in the marathon database (meta
// "shape.settlement") like posting, so a restart goes on the same way.
struct SettlementOptions
{
    bool enabled = false; // off: winners wait for the operator's "Mark settled" as before
    // Each buyer's time to claim (and to link a wallet).
    std::int64_t deadlineMs = 24LL * 3600 * 1000;
    // What the buyers are told to pay (the posts, the dock); the engine refuses a transaction to
    // another contract or chain. Empty / 0: not known yet, nothing checked.
    QString contractAddress; // EIP-55
    std::uint64_t chainId = 0;
    friend bool operator==(const SettlementOptions&, const SettlementOptions&) = default;
};

// clang-format off
// The engine's API (AuctionEngine, on the engine's thread; each one transaction, journaled):
//   ActionResult setSettlementOptions(const SettlementOptions&);  SettlementOptions settlementOptions() const;
//     (audited as operator.action "settlement_options" once a marathon is loaded)
//   Result<std::optional<Settlement>> settlement(int auctionIndex) const;
//   Result<QList<Settlement>> settlements() const;                    // all rows, by auction
//   Result<QList<ChainTransaction>> settlementTransactions(int auctionIndex) const;
//   Result<QList<ChainTransaction>> unfinishedTransactions() const;   // Signed/Sent/Included/Safe
//   // Stores `tx` (state Signed) and moves ToReserve -> Reserving / ToCancel -> Cancelling. Refused
//   // when a transaction for the same (auction, step, turn) is stored and not Dropped/Replaced/
//   // Reverted (a reverted one used its nonce and never will succeed), unless tx.replaces names it
//   // (a fee bump: same nonce; the old one becomes Replaced). Refused for another chain id or
//   // contract than the options name. The same signed bytes again (same hash) are the stored
//   // transaction: tx is set to it. Sets tx.id. Journals settlement.transaction.
//   ActionResult storeSettlementTransaction(ChainTransaction& tx);
//   // The driver's news about a stored transaction (state, block, error); journals
//   // settlement.transaction when something changed. Included (or above) of the current turn's
//   // reserve/reassign -> Reserved + settlement.reserved (every turn: the buyer is told to pay);
//   // of a cancel -> Unsold + day completed unsold (final: a later reorg of the cancel is only
//   // recorded). Back to Sent (reorg) -> Reserving again + settlement.reorged. Reverted/Dropped
//   // with no other transaction of the step left -> Failed + settlement.failed. A report about an
//   // old turn, or about a Replaced transaction that was not mined, moves no stage (it only keeps
//   // reservedOnChain true to the chain).
//   ActionResult updateSettlementTransaction(const ChainTransaction& tx);
//   ActionResult recordClaim(const ClaimSeen& claim);          // -> Paid + settlement.payment_seen
//   ActionResult confirmMint(int auctionIndex);                // -> Completed + mint_confirmed + day.completed
//   ActionResult claimReorged(int auctionIndex, const QString& why); // Paid -> back + settlement.reorged
//   ActionResult failSettlement(int auctionIndex, const QString& why); // -> Failed + settlement.failed
//   // Operator overrides, audited as operator.action (settlement_wallet, settlement_retry,
//   // settlement_skip, settlement_cancel):
//   ActionResult setSettlementWallet(int auctionIndex, const QString& address, const QString& actor);
//     (also the buyer's linked wallet from then on: wallet.linked, source "operator")
//   ActionResult retrySettlement(int auctionIndex, const QString& actor);
//   ActionResult skipSettlementBuyer(int auctionIndex, const QString& reason, const QString& actor);
//   ActionResult cancelSettlement(int auctionIndex, const QString& reason, const QString& actor);
//   (markSettled completes a settlement by hand, e.g. paid off chain.)
// tick() moves a buyer whose deadline passed (AwaitingWallet or Reserved) to the next buyer
// (settlement.reassigned), or, with nobody left, journals settlement.cancelled: ToCancel when a
// reservation is on chain, else Unsold and the day completed unsold at once.
// clang-format on

} // namespace sb::auction
