#include "BidRules.h"

#include <QCoreApplication>

#include <algorithm>

namespace sb::auction {

namespace {

bool isAllDigits(const QString& s)
{
    return !s.isEmpty() &&
           std::all_of(s.cbegin(), s.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;

} // namespace

Gwei BidRules::minimumRaise(const MarathonConfig& config, Gwei leader)
{
    const Gwei step = std::max(leader.percentCeil(config.minRaisePercent), config.minRaiseAbsolute);
    // An amount near int64's limit cannot be raised; nobody can outbid it, which is the truth.
    return leader.checkedAdd(step).value_or(Gwei::fromGwei(INT64_MAX));
}

Gwei BidRules::minimumNextBid(const MarathonConfig& config, const std::optional<LeaderView>& leader)
{
    return leader ? minimumRaise(config, leader->amount) : config.reserve;
}

AmountVerdict BidRules::judgeAmount(const MarathonConfig& config,
                                    const std::optional<LeaderView>& leader, Gwei amount,
                                    std::int64_t sourceTimeMs, const QString& sourceId)
{
    if (!leader) {
        if (amount < config.reserve) {
            return {false, false,
                    BidRejection{RejectionCode::BelowReserve,
                                 QCoreApplication::translate(
                                     "BidRules",
                                     "The first bid must be at least %1; %2 is below the reserve.")
                                     .arg(config.reserve.toEthString(), amount.toEthString())}};
        }
        return {true, false, std::nullopt};
    }
    if (amount >= minimumRaise(config, leader->amount))
        return {true, false, std::nullopt};
    const bool postedEarlier =
        sourceTimeMs < leader->sourceTimeMs ||
        (sourceTimeMs == leader->sourceTimeMs && sourceIdLess(sourceId, leader->sourceId));
    if (amount == leader->amount && postedEarlier)
        return {true, true, std::nullopt};
    return {false, false,
            BidRejection{RejectionCode::BelowIncrement,
                         QCoreApplication::translate(
                             "BidRules",
                             "The next bid must be at least %1 (the leading %2 plus the minimum "
                             "raise); %3 is not enough.")
                             .arg(minimumRaise(config, leader->amount).toEthString(),
                                  leader->amount.toEthString(), amount.toEthString())}};
}

std::optional<BidRejection> BidRules::checkEligibility(const MarathonConfig& config,
                                                       const BidInput& bid,
                                                       std::int64_t effectiveTimeMs)
{
    for (const QString& blocked : config.blocklist) {
        if (blocked.compare(bid.bidderId, Qt::CaseInsensitive) == 0 ||
            blocked.compare(bid.bidderName, Qt::CaseInsensitive) == 0 ||
            (blocked.startsWith(u'@') &&
             QStringView(blocked).mid(1).compare(bid.bidderName, Qt::CaseInsensitive) == 0)) {
            return BidRejection{RejectionCode::Blocked,
                                QCoreApplication::translate(
                                    "BidRules", "This account may not bid in this marathon.")};
        }
    }
    if (config.minAccountAgeDays > 0) {
        if (!bid.accountCreatedMs) {
            return BidRejection{RejectionCode::AccountAgeUnknown,
                                QCoreApplication::translate(
                                    "BidRules",
                                    "We could not tell how old this account is, and accounts must "
                                    "be at least %n day(s) old to bid.",
                                    nullptr, config.minAccountAgeDays)};
        }
        const std::int64_t ageMs = effectiveTimeMs - *bid.accountCreatedMs;
        if (ageMs < std::int64_t(config.minAccountAgeDays) * kDayMs) {
            return BidRejection{
                RejectionCode::AccountTooNew,
                QCoreApplication::translate(
                    "BidRules",
                    "Accounts must be at least %1 days old to bid; this one is %2 days old.")
                    .arg(config.minAccountAgeDays)
                    .arg(std::max<std::int64_t>(0, ageMs / kDayMs))};
        }
    }
    if (config.requireLinkedWallet && !bid.hasLinkedWallet) {
        return BidRejection{RejectionCode::NoLinkedWallet,
                            QCoreApplication::translate(
                                "BidRules", "Link a wallet to your account before bidding.")};
    }
    return std::nullopt;
}

bool BidRules::needsReview(const MarathonConfig& config, const std::optional<LeaderView>& leader,
                           Gwei amount)
{
    if (config.reviewCeiling && amount > *config.reviewCeiling)
        return true;
    if (config.reviewMultiple > 0 && leader) {
        const auto limit = leader->amount.checkedMultiply(config.reviewMultiple);
        return limit && amount > *limit;
    }
    return false;
}

std::int64_t BidRules::endAfterBid(const MarathonConfig& config, const AuctionDay& auction,
                                   std::int64_t effectiveTimeMs)
{
    if (auction.endUtcMs - effectiveTimeMs >= config.timeBufferMs)
        return auction.endUtcMs;
    std::int64_t end = effectiveTimeMs + config.timeBufferMs;
    if (config.maxExtensionMs)
        end = std::min(end, auction.scheduledEndUtcMs + *config.maxExtensionMs);
    return std::max(end, auction.endUtcMs);
}

std::int64_t BidRules::effectiveSourceTime(std::int64_t sourceTimeMs, std::int64_t receivedMs)
{
    if (sourceTimeMs <= 0 || sourceTimeMs > receivedMs + kFutureToleranceMs)
        return receivedMs;
    return sourceTimeMs;
}

bool BidRules::leadsOver(const BidRecord& a, const BidRecord& b)
{
    if (a.amount != b.amount)
        return a.amount > b.amount;
    if (a.sourceTimeMs != b.sourceTimeMs)
        return a.sourceTimeMs < b.sourceTimeMs;
    return sourceIdLess(a.sourceId, b.sourceId);
}

bool BidRules::sourceIdLess(const QString& a, const QString& b)
{
    if (!isAllDigits(a) || !isAllDigits(b))
        return a < b;
    // Snowflake ids: numeric order, without the risk of overflowing an integer.
    const auto withoutLeadingZeros = [](const QString& s) {
        qsizetype i = 0;
        while (i + 1 < s.size() && s[i] == u'0')
            ++i;
        return QStringView(s).mid(i);
    };
    const QStringView na = withoutLeadingZeros(a);
    const QStringView nb = withoutLeadingZeros(b);
    if (na.size() != nb.size())
        return na.size() < nb.size();
    return na < nb;
}

} // namespace sb::auction
