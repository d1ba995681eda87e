#pragma once
// One entry of the event journal: {seq, time_utc, type, day?, payload}. seq is gap-free and
// increasing; the entry is written in the same transaction as the change it describes.

#include <QJsonObject>
#include <QLatin1StringView>
#include <QString>

#include <cstdint>
#include <optional>

namespace sb::auction {

namespace EventType {
inline constexpr QLatin1StringView MarathonStarted{"marathon.started"};
inline constexpr QLatin1StringView MarathonFinished{"marathon.finished"};
inline constexpr QLatin1StringView DayScheduled{"day.scheduled"};
inline constexpr QLatin1StringView DayOpened{"day.opened"};
inline constexpr QLatin1StringView DayPaused{"day.paused"};
inline constexpr QLatin1StringView DayResumed{"day.resumed"};
inline constexpr QLatin1StringView DayClosing{"day.closing"};
inline constexpr QLatin1StringView DayCompleted{"day.completed"};
inline constexpr QLatin1StringView DayCancelled{"day.cancelled"};
inline constexpr QLatin1StringView BidReceived{"bid.received"};
inline constexpr QLatin1StringView BidAccepted{"bid.accepted"};
inline constexpr QLatin1StringView BidRejected{"bid.rejected"};
inline constexpr QLatin1StringView BidReview{"bid.review"};
inline constexpr QLatin1StringView BidInvalidated{"bid.invalidated"};
inline constexpr QLatin1StringView AuctionLeader{"auction.leader"};
inline constexpr QLatin1StringView AuctionOutbid{"auction.outbid"};
inline constexpr QLatin1StringView AuctionExtended{"auction.extended"};
inline constexpr QLatin1StringView AuctionWinner{"auction.winner"};
// Settlement on Shape (Settlement.h, EngineSettlement.cpp).
inline constexpr QLatin1StringView SettlementReserved{"settlement.reserved"};
inline constexpr QLatin1StringView SettlementPaymentSeen{"settlement.payment_seen"};
inline constexpr QLatin1StringView SettlementMintConfirmed{"settlement.mint_confirmed"};
inline constexpr QLatin1StringView SettlementReassigned{"settlement.reassigned"};
inline constexpr QLatin1StringView SettlementFailed{"settlement.failed"};
// A reservation or claim whose block left the canonical chain: the stage went back.
inline constexpr QLatin1StringView SettlementReorged{"settlement.reorged"};
// Nobody left who pays (or the operator cancelled): to cancel on chain, or unsold at once.
inline constexpr QLatin1StringView SettlementCancelled{"settlement.cancelled"};
// A signed transaction stored, or what the chain said about it (the dock's list follows these).
inline constexpr QLatin1StringView SettlementTransaction{"settlement.transaction"};
inline constexpr QLatin1StringView OperatorAction{"operator.action"};
inline constexpr QLatin1StringView WalletLinked{"wallet.linked"};
inline constexpr QLatin1StringView HostLine{"host.line"};
} // namespace EventType

struct AuctionEvent
{
    std::int64_t seq = 0;
    std::int64_t timeUtcMs = 0;
    QString type;
    std::optional<int> day; // 1-based day number
    QJsonObject payload;

    // {"seq":..,"time_utc":"2026-11-01T17:00:00.000Z","type":..,"day":..,"payload":{..}}
    QJsonObject toJson() const;
    QString toJsonLine() const; // compact, no trailing newline
};

} // namespace sb::auction
