#include "AuctionSnapshot.h"

#include "AuctionEngine.h"
#include "BidParser.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace sb::studio {

using namespace sb::auction;

namespace {

// The settlement fields: the shown auction's mint, and the last settlement before it.
void readSettlements(const AuctionEngine& engine, AuctionSnapshot& s)
{
    const QHash<int, Settlement>& rows = engine.settlementRows();
    if (s.hasAuction) {
        if (const auto it = rows.constFind(s.auctionIndex);
            it != rows.cend() && it->stage == SettlementStage::Completed) {
            s.settlementPaid = true;
            s.mintedTokenId = Settlement::auctionIdOf(it->auctionIndex);
            s.mintedTo = it->paidByAddress.isEmpty() ? it->buyerAddress : it->paidByAddress;
        }
    }
    // Between windows the auction shown is the next one; the last sale is the latest before it.
    const int before = s.hasAuction ? s.auctionIndex : int(engine.auctions().size());
    const Settlement* last = nullptr;
    for (const Settlement& row : rows)
        if (row.auctionIndex < before && (!last || row.auctionIndex > last->auctionIndex))
            last = &row;
    if (!last)
        return;
    switch (last->stage) {
    case SettlementStage::Paid:
    case SettlementStage::Completed:
        s.lastSale = AuctionSnapshot::LastSale::Paid;
        break;
    case SettlementStage::Unsold:
        s.lastSale = AuctionSnapshot::LastSale::Unsold;
        break;
    default:
        s.lastSale = AuctionSnapshot::LastSale::AwaitingPayment;
        break;
    }
    if (last->auctionIndex < engine.auctions().size())
        s.lastSaleDayNumber = engine.auctions().at(last->auctionIndex).dayNumber;
}

} // namespace

QString formatShortAddress(const QString& address)
{
    if (address.size() < 10)
        return address;
    return address.left(4) + QStringLiteral("…") + address.right(2);
}

std::int64_t AuctionSnapshot::timeLeftMs() const
{
    if (!hasAuction)
        return 0;
    const std::int64_t now = paused && pausedSinceUtcMs > 0 ? pausedSinceUtcMs : nowUtcMs;
    return std::max<std::int64_t>(0, endUtcMs - now);
}

bool AuctionSnapshot::isLive() const
{
    return hasAuction && (dayState == DayState::Active || dayState == DayState::Paused);
}

bool AuctionSnapshot::isBetweenWindows() const
{
    // While the SOLD banner is up the sold auction holds the screen; the countdown comes after.
    return !isLive() && !winnerDeclared && nextStartUtcMs > nowUtcMs;
}

AuctionSnapshot AuctionSnapshot::build(AuctionEngine& engine, bool demo, std::optional<int> show,
                                       const LeaderboardTally* tally)
{
    AuctionSnapshot s;
    s.nowUtcMs = engine.clock().nowUtcMs();
    s.demo = demo;
    s.hasMarathon = engine.hasMarathon();
    if (!s.hasMarathon)
        return s;
    const MarathonConfig& config = engine.config();
    s.marathonName = config.name;
    s.marathonState = engine.marathonState();
    s.dayCount = config.days;
    s.hashtag = BidParser::visibleText(config.hashtag).trimmed();

    const QList<AuctionDay>& auctions = engine.auctions();
    for (const AuctionDay& a : auctions) {
        if (a.state == DayState::Pending && a.startUtcMs > s.nowUtcMs &&
            (s.nextStartUtcMs == 0 || a.startUtcMs < s.nextStartUtcMs))
            s.nextStartUtcMs = a.startUtcMs;
    }

    const std::optional<int> current = show ? show : engine.currentAuctionIndex();
    if (current && *current >= 0 && *current < auctions.size()) {
        const AuctionDay& a = auctions.at(*current);
        s.hasAuction = true;
        s.auctionIndex = a.index;
        s.dayNumber = a.dayNumber;
        s.lotNumber = a.index + 1; // lots are listed in auction order across the marathon
        if (a.index < config.lots.size())
            s.lot = config.lots.at(a.index);
        s.dayState = a.state;
        s.startUtcMs = a.startUtcMs;
        s.endUtcMs = a.endUtcMs;
        s.scheduledEndUtcMs = a.scheduledEndUtcMs;
        s.paused = a.state == DayState::Paused;
        s.pausedSinceUtcMs = a.pausedAtUtcMs.value_or(0);
        s.minimumNextBid = engine.minimumNextBid(a.index);
        if (const std::optional<BidRecord> leader = engine.leaderBid(a.index)) {
            s.currentBid = leader->amount;
            s.leaderName = BidParser::visibleText(leader->bidderName);
        }
        s.winnerDeclared = a.winnerDeclared && a.winnerBidId.has_value();
        if (s.winnerDeclared) {
            const Result<std::optional<BidRecord>> winner = engine.store().bid(*a.winnerBidId);
            if (!winner)
                s.readError = winner.error();
            else if (*winner) {
                s.winnerName = BidParser::visibleText((*winner)->bidderName);
                s.winningBid = (*winner)->amount;
            }
        }

        const Result<QList<BidRecord>> read = engine.store().latestBids(a.index, kFeedLength);
        if (!read)
            s.readError = read.error(); // the feed stays empty rather than show part of it
        const QList<BidRecord> bids = read ? *read : QList<BidRecord>();
        for (auto it = bids.crbegin(); it != bids.crend() && s.feed.size() < kFeedLength; ++it) {
            FeedEntry e;
            e.bidId = it->id;
            e.bidderName = BidParser::visibleText(it->bidderName);
            e.amount = it->amount;
            e.status = it->status;
            if (it->rejection)
                e.reason = shortRejectionReason(it->rejection->code);
            e.isLeader = a.leaderBidId && *a.leaderBidId == it->id;
            e.receivedUtcMs = it->receivedTimeMs;
            s.feed.append(e);
        }
    }

    readSettlements(engine, s);
    s.leaderboard = topOfLeaderboard(tally ? *tally : tallyLeaderboard(engine));
    return s;
}

LeaderboardTally AuctionSnapshot::tallyLeaderboard(AuctionEngine& engine)
{
    QHash<std::int64_t, int> winners; // bid id -> 1
    for (const AuctionDay& a : engine.auctions()) {
        if (a.winnerDeclared && a.winnerBidId)
            winners.insert(*a.winnerBidId, 1);
    }
    LeaderboardTally board;
    const Result<QList<BidRecord>> bids = engine.store().bids();
    if (!bids)
        return board; // an empty board, never one counted from part of the bids
    for (const BidRecord& bid : *bids) {
        if (bid.status == BidStatus::Accepted)
            addToLeaderboard(board, bid.bidderId, bid.bidderName, bid.amount,
                             winners.contains(bid.id) ? 1 : 0);
    }
    return board;
}

void AuctionSnapshot::addToLeaderboard(LeaderboardTally& board, const QString& bidderId,
                                       const QString& bidderName, Gwei amount, int wins)
{
    LeaderboardEntry& entry = board[bidderId.isEmpty() ? bidderName : bidderId];
    entry.bidderName = BidParser::visibleText(bidderName);
    entry.bestBid = std::max(entry.bestBid, amount);
    entry.wins += wins;
}

QList<LeaderboardEntry> AuctionSnapshot::topOfLeaderboard(const LeaderboardTally& board)
{
    QList<LeaderboardEntry> top = board.values();
    std::sort(top.begin(), top.end(), [](const LeaderboardEntry& a, const LeaderboardEntry& b) {
        if (a.bestBid != b.bestBid)
            return a.bestBid > b.bestBid;
        return a.bidderName < b.bidderName;
    });
    if (top.size() > kLeaderboardLength)
        top.resize(kLeaderboardLength);
    return top;
}

QString formatTimeLeft(std::int64_t ms)
{
    const std::int64_t totalS = std::max<std::int64_t>(0, (ms + 999) / 1000);
    const std::int64_t h = totalS / 3600;
    const std::int64_t m = (totalS % 3600) / 60;
    const std::int64_t sec = totalS % 60;
    if (h > 0)
        return QCoreApplication::translate("sb::studio", "%1 h %2 min %3 s")
            .arg(h)
            .arg(m, 2, 10, QLatin1Char('0'))
            .arg(sec, 2, 10, QLatin1Char('0'));
    if (m > 0)
        return QCoreApplication::translate("sb::studio", "%1 min %2 s")
            .arg(m)
            .arg(sec, 2, 10, QLatin1Char('0'));
    return QCoreApplication::translate("sb::studio", "%1 s").arg(sec);
}

QString formatCountdown(std::int64_t ms)
{
    const std::int64_t totalS = std::max<std::int64_t>(0, (ms + 999) / 1000);
    const std::int64_t d = totalS / 86400;
    const std::int64_t h = (totalS % 86400) / 3600;
    const std::int64_t m = (totalS % 3600) / 60;
    if (d > 0)
        return QCoreApplication::translate("sb::studio", "%1 d %2 h").arg(d).arg(h);
    if (h > 0)
        return QCoreApplication::translate("sb::studio", "%1 h %2 min").arg(h).arg(m);
    if (m > 0)
        return QCoreApplication::translate("sb::studio", "%1 min").arg(m);
    return QCoreApplication::translate("sb::studio", "%1 s").arg(totalS);
}

QString formatEth(Gwei amount)
{
    QString text = amount.toDecimalString();
    const qsizetype dot = text.indexOf(u'.');
    if (dot < 0)
        text += QStringLiteral(".00");
    else if (text.size() - dot - 1 < 2)
        text += QString(2 - (text.size() - dot - 1), u'0');
    return text + QStringLiteral(" ETH");
}

QString shortRejectionReason(RejectionCode code)
{
    switch (code) {
    case RejectionCode::BelowReserve:
        return QCoreApplication::translate("sb::studio", "below reserve");
    case RejectionCode::BelowIncrement:
        return QCoreApplication::translate("sb::studio", "raise too small");
    case RejectionCode::Closed:
        return QCoreApplication::translate("sb::studio", "auction closed");
    case RejectionCode::NotOpen:
        return QCoreApplication::translate("sb::studio", "not open yet");
    case RejectionCode::Paused:
        return QCoreApplication::translate("sb::studio", "paused");
    case RejectionCode::AccountTooNew:
        return QCoreApplication::translate("sb::studio", "account too new");
    case RejectionCode::AccountAgeUnknown:
        return QCoreApplication::translate("sb::studio", "account age unknown");
    case RejectionCode::Blocked:
        return QCoreApplication::translate("sb::studio", "blocked");
    case RejectionCode::NoAmount:
        return QCoreApplication::translate("sb::studio", "no amount");
    case RejectionCode::AmbiguousAmount:
        return QCoreApplication::translate("sb::studio", "ambiguous amount");
    case RejectionCode::BadNumber:
        return QCoreApplication::translate("sb::studio", "bad number");
    case RejectionCode::TooPrecise:
        return QCoreApplication::translate("sb::studio", "too precise");
    case RejectionCode::UnsupportedCurrency:
        return QCoreApplication::translate("sb::studio", "ETH only");
    case RejectionCode::Duplicate:
        return QCoreApplication::translate("sb::studio", "duplicate");
    case RejectionCode::NeedsReview:
        return QCoreApplication::translate("sb::studio", "in review");
    case RejectionCode::NotInThread:
        return QCoreApplication::translate("sb::studio", "wrong thread");
    case RejectionCode::MissingHashtag:
        return QCoreApplication::translate("sb::studio", "missing hashtag");
    case RejectionCode::NoLinkedWallet:
        return QCoreApplication::translate("sb::studio", "no wallet");
    case RejectionCode::RejectedByOperator:
        return QCoreApplication::translate("sb::studio", "rejected");
    }
    return {};
}

} // namespace sb::studio
