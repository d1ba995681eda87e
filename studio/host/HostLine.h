#pragma once
// One line the host says: its text (already filled in and filtered), what it is about, how it
// ranks in the speech queue, and when it was made (engine clock, UTC ms). A plain value handed to
// the caption, the voice and the journal (host.line).

#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <cstdint>

namespace sb::studio {

// What a line is about. The persona's templates for a kind are under "line.<key>" (lineKindKey).
enum class HostLineKind
{
    WindowOpen,
    FirstBid,
    NewLeader,
    Outbid,
    BigJump,
    Burst, // several bids merged into one line
    Extension,
    LastMinute,
    Paused,
    Resumed,
    Winner,
    SettlementPaid,
    BetweenAuctions,
    Idle,
    Operator, // typed by the operator
};

// Higher goes first (DESIGN.md: winner > extension > leader > other; the operator above all).
enum class HostLinePriority
{
    Other = 0,
    Leader = 1,
    Extension = 2,
    Winner = 3,
    Operator = 4
};

// "window_open", "first_bid", … "idle", "operator".
QString lineKindKey(HostLineKind kind);
HostLinePriority priorityOf(HostLineKind kind);

// The facts a line states, as the director filled them in: only values the studio made (the
// amount as the engine formats it, the bidder's safe handle), never text a bidder wrote. An LLM
// asked to vary the line must still state them (LineComposer).
struct HostLineFacts
{
    QString amount;   // "0.8 ETH"; empty when the line names no amount
    QString bidder;   // the safe handle; empty when the line names nobody (or "a bidder")
    int lot = 0;      // 0 when none
    QString timeLeft; // "2 minutes"; empty when it does not apply

    bool operator==(const HostLineFacts&) const = default;
};

struct HostLine
{
    QString text;
    HostLineKind kind = HostLineKind::Idle;
    HostLinePriority priority = HostLinePriority::Other;
    std::int64_t createdMs = 0;
    HostLineFacts facts;

    // The payload of its host.line journal entry: {text, kind, priority, created_ms}.
    QJsonObject toJournalPayload() const;

    bool operator==(const HostLine&) const = default;
};

} // namespace sb::studio

Q_DECLARE_METATYPE(sb::studio::HostLine)
