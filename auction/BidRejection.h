#pragma once
// Why a bid was not accepted: a machine-readable code (used in events, replies and the UI) and a
// sentence a bidder or operator can read.

#include <QString>
#include <QStringView>

#include <optional>

namespace sb::auction {

enum class RejectionCode
{
    BelowReserve,
    BelowIncrement,
    Closed,
    NotOpen,
    Paused,
    AccountTooNew,
    AccountAgeUnknown,
    Blocked,
    NoAmount,
    AmbiguousAmount,
    BadNumber,
    TooPrecise,
    UnsupportedCurrency,
    Duplicate,
    NeedsReview,
    NotInThread,
    MissingHashtag,
    NoLinkedWallet,
    RejectedByOperator,
};

// "below_reserve", "ambiguous_amount", ... exactly as DESIGN.md spells them.
QString rejectionCodeName(RejectionCode code);
std::optional<RejectionCode> rejectionCodeFromName(QStringView name);
// A generic sentence for the code, translated; rules add specifics where they know them.
QString rejectionDefaultMessage(RejectionCode code);

struct BidRejection
{
    RejectionCode code;
    QString message;

    static BidRejection of(RejectionCode code) { return {code, rejectionDefaultMessage(code)}; }
    friend bool operator==(const BidRejection&, const BidRejection&) = default;
};

} // namespace sb::auction
