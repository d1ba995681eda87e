// The outbox's side of the engine (AuctionEngine.h, Outbox.h): which events call for a post on
// X, queued in the transaction that journals them, and the changes the sender and the operator
// make to the posts.

#include "AuctionEngine.h"
#include "UtcTime.h"

#include <QDateTime>
#include <QTimeZone>

namespace sb::auction {

namespace {

// Rejections that get no reply: a post that was no bid at all, or not in the auction's thread,
// is someone talking, not bidding.
bool answersRejection(QStringView code)
{
    return code != u"no_amount" && code != u"not_in_thread" && code != u"duplicate";
}

// An address as a post shows it: "0x7099…79C8".
QString shortAddress(const QString& address)
{
    return address.size() <= 12 ? address : address.left(6) + u'…' + address.right(4);
}

} // namespace

QString AuctionEngine::postTime(std::int64_t utcMs) const
{
    const QTimeZone zone(m_config.timeZone.toUtf8());
    return QDateTime::fromMSecsSinceEpoch(utcMs, zone).toString(QStringLiteral("d MMM HH:mm t"));
}

QJsonObject AuctionEngine::postVars(const AuctionDay& a) const
{
    const QTimeZone zone(m_config.timeZone.toUtf8());
    const QDateTime end = QDateTime::fromMSecsSinceEpoch(a.endUtcMs, zone);
    QJsonObject vars{
        {QStringLiteral("day"), QString::number(a.dayNumber)},
        {QStringLiteral("lot"), QString::number(a.lot + 1)},
        {QStringLiteral("reserve"), m_config.reserve.toEthString()},
        {QStringLiteral("minimum"), minimumNextBid(a.index).toEthString()},
        {QStringLiteral("end_time"), end.toString(QStringLiteral("HH:mm t"))},
        {QStringLiteral("hashtag"), m_config.hashtag},
    };
    if (a.index < m_config.lots.size()) {
        vars.insert(QStringLiteral("title"), m_config.lots[a.index].title);
        vars.insert(QStringLiteral("artist"), m_config.lots[a.index].artist);
    }
    return vars;
}

bool AuctionEngine::queueInTransaction(OutboxItem& item, bool* added, QString* error)
{
    bool wasAdded = false;
    item.priority = outboxPriority(item.kind);
    if (item.createdUtcMs == 0)
        item.createdUtcMs = m_clock.nowUtcMs();
    item.updatedUtcMs = item.createdUtcMs;
    if (!m_store.addOutboxItem(item, &wasAdded, error))
        return false;
    if (added)
        *added = wasAdded;
    return true;
}

bool AuctionEngine::planPosts(const AuctionEvent& event, QString* error)
{
    if (!m_posting)
        return true;
    const QJsonObject& p = event.payload;
    const AuctionDay* a = auctionAt(p.value(QStringLiteral("auction")).toInt(-1));
    if (!a)
        return true;
    OutboxItem item;
    item.auctionIndex = a->index;
    item.createdUtcMs = event.timeUtcMs;
    item.vars = postVars(*a);
    const auto aboutBid = [&] {
        item.bidId = p.value(QStringLiteral("bid_id")).toInteger();
        item.bidderId = p.value(QStringLiteral("bidder_id")).toString();
        item.bidderName = p.value(QStringLiteral("bidder")).toString();
        item.vars.insert(QStringLiteral("bidder"), item.bidderName);
        item.vars.insert(QStringLiteral("amount"), p.value(QStringLiteral("amount")).toString());
        item.replyTo = p.value(QStringLiteral("source_id")).toString();
        item.inThread = m_replyRestricted.contains(item.bidderId);
        return p.value(QStringLiteral("source")).toString() == QLatin1String("x");
    };

    if (event.type == EventType::DayOpened) {
        if (!a->threadId.isEmpty())
            return true; // the operator gave the auction's post already
        item.kind = OutboxKind::Open;
        item.key = QStringLiteral("open:%1").arg(a->index);
    } else if (event.type == EventType::BidAccepted) {
        if (!aboutBid())
            return true;
        item.kind = OutboxKind::Accepted;
        item.key = QStringLiteral("verdict:%1").arg(item.bidId);
    } else if (event.type == EventType::BidRejected) {
        const QString code = p.value(QStringLiteral("code")).toString();
        if (!aboutBid() || !answersRejection(code))
            return true;
        item.kind = OutboxKind::Rejected;
        item.key = QStringLiteral("verdict:%1").arg(item.bidId);
        item.vars.insert(QStringLiteral("code"), code);
        item.vars.insert(QStringLiteral("reason"), p.value(QStringLiteral("reason")).toString());
    } else if (event.type == EventType::AuctionLeader) {
        // A bid from X hears that it leads in its own reply; the thread hears of a leader that
        // no reply announces: a bid taken by the operator, or the next one after an
        // invalidation.
        const auto leader = m_leaders.constFind(a->index);
        const bool recomputed = p.value(QStringLiteral("recomputed")).toBool();
        if (leader == m_leaders.cend() || (!recomputed && leader->source == QLatin1String("x")))
            return true;
        item.kind = OutboxKind::Leader;
        item.key = QStringLiteral("leader:%1:%2").arg(a->index).arg(event.seq);
        item.inThread = true;
        item.bidId = leader->id;
        item.bidderId = leader->bidderId;
        item.bidderName = leader->bidderName;
        item.vars.insert(QStringLiteral("bidder"), leader->bidderName);
        item.vars.insert(QStringLiteral("amount"), leader->amount.toEthString());
    } else if (event.type == EventType::AuctionExtended) {
        item.kind = OutboxKind::Extended;
        item.key = QStringLiteral("extended:%1:%2").arg(a->index).arg(event.seq);
        item.inThread = true;
        const qint64 leftMs = a->endUtcMs - event.timeUtcMs;
        item.vars.insert(QStringLiteral("minutes"), QString::number((leftMs + 59'999) / 60'000));
    } else if (event.type == EventType::AuctionWinner) {
        const bool fromX = aboutBid();
        item.kind = OutboxKind::Winner;
        item.key = QStringLiteral("winner:%1").arg(a->index);
        const QString replyTo = item.replyTo;
        const bool restricted = item.inThread;
        item.replyTo.clear();
        item.inThread = true;
        if (!queueInTransaction(item, nullptr, error))
            return false;
        if (!fromX)
            return true;
        OutboxItem settle = item;
        settle.id = 0;
        settle.kind = OutboxKind::Settlement;
        settle.key = QStringLiteral("settlement:%1").arg(a->index);
        settle.replyTo = replyTo;
        settle.inThread = restricted;
        const auto link = m_wallets.constFind(settle.bidderId);
        if (link != m_wallets.cend())
            settle.vars.insert(QStringLiteral("wallet"), link->address);
        if (m_settlementOptions.enabled) {
            settle.vars.insert(QStringLiteral("deadline"),
                               postTime(event.timeUtcMs + m_settlementOptions.deadlineMs));
            // Settlement on Shape starts now: without a wallet, asking for one is the reply.
            if (link == m_wallets.cend() && !m_settlements.contains(a->index)) {
                settle.kind = OutboxKind::SettlementWallet;
                settle.key = QStringLiteral("settlement_wallet:%1:0").arg(a->index);
            }
        }
        return queueInTransaction(settle, nullptr, error);
    } else if (event.type == EventType::SettlementReserved ||
               event.type == EventType::SettlementReassigned ||
               event.type == EventType::SettlementMintConfirmed) {
        return planSettlementPosts(event, item, error);
    } else if (event.type == EventType::DayCompleted && p.contains(QStringLiteral("winner")) &&
               p.value(QStringLiteral("winner")).isNull()) {
        item.kind = OutboxKind::NoWinner;
        item.key = QStringLiteral("no_winner:%1").arg(a->index);
        item.inThread = true;
    } else {
        return true;
    }
    return queueInTransaction(item, nullptr, error);
}

bool AuctionEngine::planSettlementPosts(const AuctionEvent& event, OutboxItem item, QString* error)
{
    const QJsonObject& p = event.payload;
    const int turn = p.value(QStringLiteral("turn")).toInt();
    const Settlement s = m_settlements.value(item.auctionIndex); // saved before it is journaled
    const bool fromX = p.value(QStringLiteral("source")).toString() == QLatin1String("x");
    const QString replyTo = p.value(QStringLiteral("source_id")).toString();
    item.bidId = p.value(QStringLiteral("bid_id")).toInteger();
    item.bidderId = p.value(QStringLiteral("bidder_id")).toString();
    item.bidderName = p.value(QStringLiteral("bidder")).toString();
    item.vars.insert(QStringLiteral("bidder"), item.bidderName);
    item.vars.insert(QStringLiteral("amount"), p.value(QStringLiteral("price")).toString());
    item.vars.insert(QStringLiteral("deadline"), postTime(s.deadlineUtcMs));
    item.vars.insert(QStringLiteral("wallet"), p.value(QStringLiteral("wallet")).toString());
    item.vars.insert(QStringLiteral("token"),
                     QString::number(Settlement::auctionIdOf(item.auctionIndex)));
    item.vars.insert(QStringLiteral("contract"), m_settlementOptions.contractAddress);
    const auto replyToBuyer = [&](QLatin1StringView kind, const QString& key) {
        OutboxItem reply = item;
        reply.kind = kind;
        reply.key = key;
        reply.replyTo = replyTo;
        reply.inThread = m_replyRestricted.contains(item.bidderId);
        return queueInTransaction(reply, nullptr, error);
    };
    if (event.type == EventType::SettlementReserved) {
        return !fromX ||
               replyToBuyer(
                   OutboxKind::SettlementReserved,
                   QStringLiteral("settlement_reserved:%1:%2").arg(item.auctionIndex).arg(turn));
    }
    item.inThread = true;
    if (event.type == EventType::SettlementMintConfirmed) {
        item.kind = OutboxKind::SettlementPaid;
        item.key = QStringLiteral("settlement_paid:%1").arg(item.auctionIndex);
        item.vars.insert(QStringLiteral("wallet"),
                         shortAddress(p.value(QStringLiteral("to")).toString()));
        return queueInTransaction(item, nullptr, error);
    }
    // Reassigned: the thread hears whose turn it is; a buyer without a wallet is asked for one.
    item.kind = OutboxKind::SettlementReassigned;
    item.key = QStringLiteral("settlement_reassigned:%1:%2").arg(item.auctionIndex).arg(turn);
    if (!queueInTransaction(item, nullptr, error))
        return false;
    if (!fromX || !s.buyerAddress.isEmpty())
        return true;
    return replyToBuyer(OutboxKind::SettlementWallet,
                        QStringLiteral("settlement_wallet:%1:%2").arg(item.auctionIndex).arg(turn));
}

ActionResult AuctionEngine::setPosting(bool on)
{
    if (!m_loaded)
        return ActionResult::failure(tr("No marathon is loaded."));
    const ActionResult result = transaction([&](QString* error) {
        if (!m_store.setMeta(QStringLiteral("x.posting"),
                             on ? QStringLiteral("1") : QStringLiteral("0"), error))
            return false;
        if (!on)
            return true;
        // An auction already taking bids without its post gets one now.
        for (const AuctionDay& a : std::as_const(m_auctions)) {
            if (a.state != DayState::Active || !a.threadId.isEmpty())
                continue;
            OutboxItem open;
            open.kind = OutboxKind::Open;
            open.key = QStringLiteral("open:%1").arg(a.index);
            open.auctionIndex = a.index;
            open.vars = postVars(a);
            if (!queueInTransaction(open, nullptr, error))
                return false;
        }
        return true;
    });
    if (result.ok)
        m_posting = on;
    return result;
}

ActionResult AuctionEngine::queuePost(OutboxItem item, bool* added)
{
    if (!m_loaded)
        return ActionResult::failure(tr("No marathon is loaded."));
    return transaction([&](QString* error) { return queueInTransaction(item, added, error); });
}

ActionResult AuctionEngine::updatePost(const OutboxItem& item)
{
    if (!m_loaded)
        return ActionResult::failure(tr("No marathon is loaded."));
    return transaction([&](QString* error) {
        OutboxItem changed = item;
        changed.updatedUtcMs = m_clock.nowUtcMs();
        if (!m_store.updateOutboxItem(changed, error))
            return false;
        AuctionDay* a = auctionAt(item.auctionIndex);
        if (item.kind != OutboxKind::Open || item.state != OutboxState::Sent ||
            item.postId.isEmpty() || !a || !a->threadId.isEmpty())
            return true;
        a->threadId = item.postId;
        const QJsonObject details{{QStringLiteral("action"), QStringLiteral("set_thread")},
                                  {QStringLiteral("actor"), QStringLiteral("x-outbox")},
                                  {QStringLiteral("auction"), a->index},
                                  {QStringLiteral("thread_id"), item.postId}};
        return journal(EventType::OperatorAction, std::nullopt, details, error) &&
               saveAuction(*a, error);
    });
}

ActionResult AuctionEngine::collapsePosts(const QList<std::int64_t>& ids, OutboxItem summary)
{
    if (!m_loaded)
        return ActionResult::failure(tr("No marathon is loaded."));
    return transaction([&](QString* error) {
        if (!queueInTransaction(summary, nullptr, error))
            return false;
        for (std::int64_t id : ids) {
            Result<std::optional<OutboxItem>> read = m_store.outboxItem(id);
            if (!read) {
                *error = read.error();
                return false;
            }
            if (!*read || (*read)->state != OutboxState::Queued)
                continue; // sent or skipped meanwhile: nothing to fold
            OutboxItem folded = **read;
            folded.state = OutboxState::Collapsed;
            folded.collapsedInto = summary.id;
            folded.updatedUtcMs = m_clock.nowUtcMs();
            if (!m_store.updateOutboxItem(folded, error))
                return false;
        }
        return true;
    });
}

ActionResult AuctionEngine::retryPost(std::int64_t id, const QString& actor)
{
    const Result<std::optional<OutboxItem>> read = m_store.outboxItem(id);
    if (!read)
        return ActionResult::failure(read.error());
    if (!*read || (*read)->state != OutboxState::Failed)
        return ActionResult::failure(tr("Only a post that failed can be tried again."));
    OutboxItem item = **read;
    return operatorAction(QStringLiteral("retry_post"), actor, {{QStringLiteral("post"), item.key}},
                          [&](QString* error) {
                              item.state = OutboxState::Queued;
                              item.error.clear();
                              item.text.clear(); // written afresh: X refused this one
                              item.updatedUtcMs = m_clock.nowUtcMs();
                              return m_store.updateOutboxItem(item, error);
                          });
}

ActionResult AuctionEngine::skipPost(std::int64_t id, const QString& actor)
{
    const Result<std::optional<OutboxItem>> read = m_store.outboxItem(id);
    if (!read)
        return ActionResult::failure(read.error());
    if (!*read || ((*read)->state != OutboxState::Failed && (*read)->state != OutboxState::Queued))
        return ActionResult::failure(tr("Only a queued or failed post can be skipped."));
    OutboxItem item = **read;
    return operatorAction(QStringLiteral("skip_post"), actor, {{QStringLiteral("post"), item.key}},
                          [&](QString* error) {
                              item.state = OutboxState::Skipped;
                              item.updatedUtcMs = m_clock.nowUtcMs();
                              return m_store.updateOutboxItem(item, error);
                          });
}

ActionResult AuctionEngine::recordHostLine(const QJsonObject& line)
{
    if (!m_loaded)
        return ActionResult::failure(tr("No marathon is loaded."));
    std::optional<int> day;
    if (const auto current = currentAuctionIndex(); current && *current < m_auctions.size())
        day = m_auctions.at(*current).dayNumber;
    return transaction(
        [&](QString* error) { return journal(EventType::HostLine, day, line, error); });
}

ActionResult AuctionEngine::restrictReplies(const QString& authorId)
{
    if (!m_loaded)
        return ActionResult::failure(tr("No marathon is loaded."));
    const ActionResult result = transaction([&](QString* error) {
        return m_store.addReplyRestricted(authorId, m_clock.nowUtcMs(), error);
    });
    if (result.ok)
        m_replyRestricted.insert(authorId);
    return result;
}

} // namespace sb::auction
