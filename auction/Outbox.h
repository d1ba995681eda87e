#pragma once
// The outbox: every post the studio means to make on X (the auction's post at window open,
// verdict replies, extensions, the last minutes, the winner, settlement instructions) is a row of
// the marathon database, written in the same transaction as the event that causes it and keyed
// so that it is made once ("verdict:<bid id>", "winner:<auction>"). A sender (integrations/x)
// posts the rows in priority order within X's posting limits and records each post's id; after a
// crash nothing is posted twice (a row being sent keeps its exact text, so X's duplicate check
// tells a post that went out from one that did not) and nothing is lost.

#include <QJsonObject>
#include <QLatin1StringView>
#include <QString>

#include <cstdint>
#include <optional>

namespace sb::auction {

enum class OutboxState
{
    Queued,    // to be posted
    Sending,   // its text is fixed and a request may have gone out: resend the same text
    Sent,      // posted; postId set (empty when X's duplicate check was the only proof)
    Failed,    // X refused it for good; the operator may retry or skip it
    Skipped,   // the operator chose not to post it
    Collapsed, // folded into a summary post (collapsedInto)
};
QString outboxStateName(OutboxState state); // "queued", "sending", ...
std::optional<OutboxState> outboxStateFromName(QStringView name);

namespace OutboxKind {
inline constexpr QLatin1StringView Open{"open"};
inline constexpr QLatin1StringView Accepted{"accepted"};
inline constexpr QLatin1StringView Rejected{"rejected"};
inline constexpr QLatin1StringView Leader{"leader"};
inline constexpr QLatin1StringView Extended{"extended"};
inline constexpr QLatin1StringView LastMinutes{"last_minutes"};
inline constexpr QLatin1StringView Winner{"winner"};
inline constexpr QLatin1StringView Settlement{"settlement"};
inline constexpr QLatin1StringView Summary{"summary"};
inline constexpr QLatin1StringView NoWinner{"no_winner"};
// Settlement on Shape: ask the buyer for a wallet ("settlement_wallet:<auction>:<turn>", a reply
// to their bid), tell them to pay ("settlement_reserved:<auction>:<turn>", a reply), announce the
// runner-up's turn ("settlement_reassigned:<auction>:<turn>") and the mint
// ("settlement_paid:<auction>") in the auction's thread.
inline constexpr QLatin1StringView SettlementWallet{"settlement_wallet"};
inline constexpr QLatin1StringView SettlementReserved{"settlement_reserved"};
inline constexpr QLatin1StringView SettlementReassigned{"settlement_reassigned"};
inline constexpr QLatin1StringView SettlementPaid{"settlement_paid"};
} // namespace OutboxKind

// Lower is sooner: open > winner > settlement (and its steps) > extension > last minutes > leader
// > rejection.
int outboxPriority(QStringView kind);
// Replies that may be folded into a summary when the posting budget cannot carry them all.
bool outboxCollapsible(QStringView kind);
// Posts about settling a won lot (OutboxKind::Settlement and the settlement_* kinds): never
// collapsed, kept when the posting budget is low, still due after the auction ended.
bool outboxAboutSettlement(QStringView kind);

struct OutboxItem
{
    std::int64_t id = 0;
    QString key; // unique: the same cause never queues twice
    QString kind;
    int priority = 0;
    int auctionIndex = -1;
    std::int64_t bidId = 0; // 0: about no bid
    QString replyTo;        // the post this answers ("" for the auction's own post)
    bool inThread = false;  // goes to the auction's thread (its post), not to replyTo
    QString bidderId;
    QString bidderName;
    QJsonObject vars; // what the template may say ({amount}, {minimum}, ...): never a post's text
    OutboxState state = OutboxState::Queued;
    QString text;   // fixed when sending starts
    QString postId; // once sent
    QString error;  // the last failure, in words
    int attempts = 0;
    std::optional<std::int64_t> collapsedInto;
    std::int64_t createdUtcMs = 0;
    std::int64_t updatedUtcMs = 0;
};

} // namespace sb::auction
