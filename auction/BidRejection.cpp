#include "BidRejection.h"

#include <QCoreApplication>

#include <array>

namespace sb::auction {

namespace {

struct CodeName
{
    RejectionCode code;
    QStringView name;
};

// The wire names: journal payloads, replies and remote clients depend on them, so they never
// change.
constexpr std::array kCodeNames{
    CodeName{RejectionCode::BelowReserve, u"below_reserve"},
    CodeName{RejectionCode::BelowIncrement, u"below_increment"},
    CodeName{RejectionCode::Closed, u"closed"},
    CodeName{RejectionCode::NotOpen, u"not_open"},
    CodeName{RejectionCode::Paused, u"paused"},
    CodeName{RejectionCode::AccountTooNew, u"account_too_new"},
    CodeName{RejectionCode::AccountAgeUnknown, u"account_age_unknown"},
    CodeName{RejectionCode::Blocked, u"blocked"},
    CodeName{RejectionCode::NoAmount, u"no_amount"},
    CodeName{RejectionCode::AmbiguousAmount, u"ambiguous_amount"},
    CodeName{RejectionCode::BadNumber, u"bad_number"},
    CodeName{RejectionCode::TooPrecise, u"too_precise"},
    CodeName{RejectionCode::UnsupportedCurrency, u"unsupported_currency"},
    CodeName{RejectionCode::Duplicate, u"duplicate"},
    CodeName{RejectionCode::NeedsReview, u"needs_review"},
    CodeName{RejectionCode::NotInThread, u"not_in_thread"},
    CodeName{RejectionCode::MissingHashtag, u"missing_hashtag"},
    CodeName{RejectionCode::NoLinkedWallet, u"no_linked_wallet"},
    CodeName{RejectionCode::RejectedByOperator, u"rejected_by_operator"},
};

// Indexing by the enum value below relies on the table following the enum's order.
constexpr bool tableFollowsEnumOrder()
{
    for (std::size_t i = 0; i < kCodeNames.size(); ++i) {
        if (static_cast<std::size_t>(kCodeNames[i].code) != i)
            return false;
    }
    return true;
}
static_assert(tableFollowsEnumOrder(), "kCodeNames must list every RejectionCode in enum order");
static_assert(kCodeNames.size() == static_cast<std::size_t>(RejectionCode::RejectedByOperator) + 1,
              "every RejectionCode needs a name");

} // namespace

QString rejectionCodeName(RejectionCode code)
{
    const auto index = static_cast<std::size_t>(code);
    if (index >= kCodeNames.size())
        return QStringLiteral("unknown");
    return kCodeNames[index].name.toString();
}

std::optional<RejectionCode> rejectionCodeFromName(QStringView name)
{
    for (const CodeName& entry : kCodeNames) {
        if (entry.name == name)
            return entry.code;
    }
    return std::nullopt;
}

QString rejectionDefaultMessage(RejectionCode code)
{
    // Spelled out per case (not looked up) so that lupdate finds every sentence.
    switch (code) {
    case RejectionCode::BelowReserve:
        return QCoreApplication::translate("BidRejection", "The bid is below the reserve price.");
    case RejectionCode::BelowIncrement:
        return QCoreApplication::translate(
            "BidRejection", "The bid does not raise the current bid by the minimum increment.");
    case RejectionCode::Closed:
        return QCoreApplication::translate(
            "BidRejection", "The auction had already closed when this bid was posted.");
    case RejectionCode::NotOpen:
        return QCoreApplication::translate(
            "BidRejection", "The auction was not open yet when this bid was posted.");
    case RejectionCode::Paused:
        return QCoreApplication::translate("BidRejection", "The auction is paused.");
    case RejectionCode::AccountTooNew:
        return QCoreApplication::translate("BidRejection", "The bidding account is too new.");
    case RejectionCode::AccountAgeUnknown:
        return QCoreApplication::translate("BidRejection",
                                           "The age of the bidding account could not be checked.");
    case RejectionCode::Blocked:
        return QCoreApplication::translate("BidRejection", "This account may not bid.");
    case RejectionCode::NoAmount:
        return QCoreApplication::translate(
            "BidRejection", "No bid amount was found. Write it like \"0.5 ETH\" or \"bid 0.5\".");
    case RejectionCode::AmbiguousAmount:
        return QCoreApplication::translate(
            "BidRejection", "The post names more than one amount. Post a single amount to bid.");
    case RejectionCode::BadNumber:
        return QCoreApplication::translate(
            "BidRejection", "The amount is not a plain positive number like 0.5 or 1,000.5.");
    case RejectionCode::TooPrecise:
        return QCoreApplication::translate(
            "BidRejection",
            "The amount is too precise. Bids can go down to 1 gwei (9 decimals of ETH).");
    case RejectionCode::UnsupportedCurrency:
        return QCoreApplication::translate("BidRejection", "Bids are taken in ETH only.");
    case RejectionCode::Duplicate:
        return QCoreApplication::translate("BidRejection", "This post was already counted.");
    case RejectionCode::NeedsReview:
        return QCoreApplication::translate("BidRejection",
                                           "The bid is waiting for the operator to review it.");
    case RejectionCode::NotInThread:
        return QCoreApplication::translate(
            "BidRejection", "The bid was not posted as a reply in this auction's thread.");
    case RejectionCode::MissingHashtag:
        return QCoreApplication::translate("BidRejection",
                                           "The post does not carry the auction's hashtag.");
    case RejectionCode::NoLinkedWallet:
        return QCoreApplication::translate("BidRejection",
                                           "The bidding account has no linked wallet.");
    case RejectionCode::RejectedByOperator:
        return QCoreApplication::translate("BidRejection", "The operator rejected this bid.");
    }
    return QCoreApplication::translate("BidRejection", "The bid was rejected.");
}

} // namespace sb::auction
