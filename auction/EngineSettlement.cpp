// Settlement on Shape, the engine's side (Settlement.h): the durable state machine of each won
// auction's sale on chain: options, the row made with the winner, wallets, deadlines and the
// runner-up, unsold, and the operator's overrides. Every change is one transaction that journals
// it. What the chain driver reports is EngineSettlementReports.cpp.

#include "AuctionEngine.h"

#include "UtcTime.h"
#include "WalletAddress.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace sb::auction {

namespace {

const QString kOptionsKey = QStringLiteral("shape.settlement");
constexpr std::int64_t kMinDeadlineMs = 60'000;
constexpr std::int64_t kMaxDeadlineMs = 30LL * 24 * 3600 * 1000;

QString hexOf(const QByteArray& bytes)
{
    return QStringLiteral("0x") + QString::fromLatin1(bytes.toHex());
}

QString optionsToJson(const SettlementOptions& o)
{
    const QJsonObject json{{QStringLiteral("enabled"), o.enabled},
                           {QStringLiteral("deadline_ms"), qint64(o.deadlineMs)},
                           {QStringLiteral("contract"), o.contractAddress},
                           {QStringLiteral("chain_id"), qint64(o.chainId)}};
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

std::optional<SettlementOptions> optionsFromJson(const QString& text)
{
    SettlementOptions o;
    if (text.isEmpty())
        return o; // never set: off
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject json = doc.object();
    o.enabled = json.value(QStringLiteral("enabled")).toBool(false);
    o.deadlineMs = json.value(QStringLiteral("deadline_ms")).toInteger(o.deadlineMs);
    o.contractAddress = json.value(QStringLiteral("contract")).toString();
    o.chainId = std::uint64_t(json.value(QStringLiteral("chain_id")).toInteger(0));
    return o;
}

bool isReservation(const QString& step)
{
    return step == SettlementStep::Reserve || step == SettlementStep::Reassign;
}

} // namespace

// ---- loading and reading ------------------------------------------------------------------------

bool AuctionEngine::loadSettlements(QString* error)
{
    const Result<QString> options = m_store.meta(kOptionsKey);
    if (!options) {
        *error = options.error();
        return false;
    }
    const auto parsed = optionsFromJson(*options);
    if (!parsed) {
        *error = tr("The settlement options in the database cannot be read: %1").arg(*options);
        return false;
    }
    m_settlementOptions = *parsed;
    Result<QList<Settlement>> rows = m_store.settlements();
    if (!rows) {
        *error = rows.error();
        return false;
    }
    Result<QList<ChainTransaction>> txs = m_store.chainTransactions();
    if (!txs) {
        *error = txs.error();
        return false;
    }
    m_settlements.clear();
    m_settlementTxs.clear();
    for (const Settlement& s : std::as_const(*rows))
        m_settlements.insert(s.auctionIndex, s);
    for (const ChainTransaction& tx : std::as_const(*txs))
        m_settlementTxs[tx.auctionIndex].append(tx);
    return true;
}

Result<std::optional<Settlement>> AuctionEngine::settlement(int auctionIndex) const
{
    if (!m_loaded)
        return AuctionError{notLoadedReason()};
    const auto found = m_settlements.constFind(auctionIndex);
    return found == m_settlements.cend() ? std::nullopt : std::optional(*found);
}

Result<QList<Settlement>> AuctionEngine::settlements() const
{
    if (!m_loaded)
        return AuctionError{notLoadedReason()};
    QList<Settlement> rows = m_settlements.values();
    std::sort(rows.begin(), rows.end(), [](const Settlement& a, const Settlement& b) {
        return a.auctionIndex < b.auctionIndex;
    });
    return rows;
}

Result<QList<ChainTransaction>> AuctionEngine::settlementTransactions(int auctionIndex) const
{
    if (!m_loaded)
        return AuctionError{notLoadedReason()};
    return m_settlementTxs.value(auctionIndex);
}

Result<QList<ChainTransaction>> AuctionEngine::unfinishedTransactions() const
{
    if (!m_loaded)
        return AuctionError{notLoadedReason()};
    QList<ChainTransaction> open;
    for (const QList<ChainTransaction>& txs : m_settlementTxs) {
        for (const ChainTransaction& tx : txs) {
            if (tx.state == ChainTxState::Signed || tx.state == ChainTxState::Sent ||
                tx.state == ChainTxState::Included || tx.state == ChainTxState::Safe)
                open.append(tx);
        }
    }
    std::sort(open.begin(), open.end(),
              [](const ChainTransaction& a, const ChainTransaction& b) { return a.id < b.id; });
    return open;
}

ActionResult AuctionEngine::setSettlementOptions(const SettlementOptions& options)
{
    if (options.deadlineMs < kMinDeadlineMs || options.deadlineMs > kMaxDeadlineMs)
        return ActionResult::failure(
            tr("A buyer's time to pay must be between 1 minute and 30 days."));
    SettlementOptions checked = options;
    if (!options.contractAddress.isEmpty()) {
        QString why;
        const auto address = WalletAddress::checksummed(options.contractAddress, &why);
        if (!address)
            return ActionResult::failure(tr("The contract address is not valid: %1").arg(why));
        checked.contractAddress = *address;
    }
    if (m_loaded && checked == m_settlementOptions)
        return ActionResult::success(); // applied again at each start: nothing to audit
    const auto write = [&](QString* error) {
        m_settlementOptions = checked;
        return m_store.setMeta(kOptionsKey, optionsToJson(checked), error);
    };
    if (!m_loaded) // before a marathon exists: kept for the one that will
        return transaction(write);
    return operatorAction(QStringLiteral("settlement_options"), QStringLiteral("operator"),
                          {{QStringLiteral("enabled"), checked.enabled},
                           {QStringLiteral("deadline_ms"), qint64(checked.deadlineMs)},
                           {QStringLiteral("contract"), checked.contractAddress},
                           {QStringLiteral("chain_id"), qint64(checked.chainId)}},
                          write);
}

// ---- the state machine's steps (inside a transaction) ----------------------------------------

bool AuctionEngine::saveSettlement(Settlement& s, QString* error)
{
    s.updatedUtcMs = m_clock.nowUtcMs();
    m_settlements.insert(s.auctionIndex, s); // a failed commit reloads what is durable
    return m_store.saveSettlement(s, error);
}

bool AuctionEngine::journalSettlement(QLatin1StringView type, const Settlement& s,
                                      QJsonObject extra, QString* error)
{
    QJsonObject payload{
        {QStringLiteral("auction"), s.auctionIndex},
        {QStringLiteral("token_id"), qint64(Settlement::auctionIdOf(s.auctionIndex))},
        {QStringLiteral("stage"), settlementStageName(s.stage)},
        {QStringLiteral("turn"), s.turn},
        {QStringLiteral("bid_id"), qint64(s.bidId)},
        {QStringLiteral("bidder_id"), s.bidderId},
        {QStringLiteral("bidder"), s.bidderName},
        {QStringLiteral("price_gwei"), qint64(s.price.gwei())},
        {QStringLiteral("price"), s.price.toEthString()},
        {QStringLiteral("wallet"), s.buyerAddress},
        {QStringLiteral("deadline_utc"), isoUtc(s.deadlineUtcMs)},
    };
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
        payload.insert(it.key(), it.value());
    // Replies go under the buyer's bid: say where it came from.
    if (s.bidId > 0 && !payload.contains(QStringLiteral("source_id"))) {
        const Result<std::optional<BidRecord>> bid = m_store.bid(s.bidId);
        if (!bid) {
            *error = bid.error();
            return false;
        }
        if (*bid) {
            payload.insert(QStringLiteral("source"), (*bid)->source);
            payload.insert(QStringLiteral("source_id"), (*bid)->sourceId);
        }
    }
    const AuctionDay* a = auctionAt(s.auctionIndex);
    return journal(type, a ? std::optional(a->dayNumber) : std::nullopt, payload, error);
}

bool AuctionEngine::startSettlement(const AuctionDay& a, const BidRecord& winner, QString* error)
{
    if (!m_settlementOptions.enabled || m_settlements.contains(a.index))
        return true;
    Settlement s;
    s.auctionIndex = a.index;
    s.turn = 0;
    s.bidId = winner.id;
    s.bidderId = winner.bidderId;
    s.bidderName = winner.bidderName;
    s.price = winner.amount;
    s.deadlineUtcMs = m_clock.nowUtcMs() + m_settlementOptions.deadlineMs;
    if (a.index < m_config.lots.size())
        s.tokenUri = m_config.lots[a.index].tokenUri; // "": the driver fails it, saying why
    s.triedBidders = {winner.bidderId};
    if (const auto link = m_wallets.constFind(winner.bidderId); link != m_wallets.cend()) {
        s.buyerAddress = link->address;
        s.stage = SettlementStage::ToReserve;
    } else {
        s.stage = SettlementStage::AwaitingWallet;
    }
    if (s.tokenUri.isEmpty()) {
        // The contract refuses a reservation without one: said now, not after a revert.
        s.resumeStage = s.stage;
        s.stage = SettlementStage::Failed;
        s.error = tr("Lot %1 has no token URI (token_uri), which the contract needs to reserve "
                     "it: settle it by hand, or cancel the settlement.")
                      .arg(a.index + 1);
        return saveSettlement(s, error) &&
               journalSettlement(EventType::SettlementFailed, s,
                                 {{QStringLiteral("reason"), s.error}}, error);
    }
    // auction.winner, journaled just before in this transaction, announces it.
    return saveSettlement(s, error);
}

bool AuctionEngine::settlementWalletLinked(const WalletLink& link, QString* error)
{
    for (Settlement s : std::as_const(m_settlements)) {
        // The latest link wins until the reservation is signed.
        if (s.bidderId != link.bidderId ||
            (s.stage != SettlementStage::AwaitingWallet && s.stage != SettlementStage::ToReserve))
            continue;
        s.buyerAddress = link.address;
        s.stage = SettlementStage::ToReserve;
        if (!saveSettlement(s, error))
            return false;
    }
    return true;
}

bool AuctionEngine::settlementDue(std::int64_t now) const
{
    return std::any_of(m_settlements.cbegin(), m_settlements.cend(), [&](const Settlement& s) {
        return (s.stage == SettlementStage::AwaitingWallet ||
                s.stage == SettlementStage::Reserved) &&
               now >= s.deadlineUtcMs;
    });
}

bool AuctionEngine::advanceSettlements(std::int64_t now, QString* error)
{
    QList<int> due;
    for (const Settlement& s : std::as_const(m_settlements)) {
        if ((s.stage == SettlementStage::AwaitingWallet || s.stage == SettlementStage::Reserved) &&
            now >= s.deadlineUtcMs)
            due.append(s.auctionIndex);
    }
    std::sort(due.begin(), due.end());
    for (int index : std::as_const(due)) {
        Settlement s = m_settlements.value(index);
        const QString why = s.stage == SettlementStage::AwaitingWallet
                                ? tr("no wallet was linked before the deadline")
                                : tr("the reservation was not claimed before the deadline");
        if (!nextBuyer(s, why, error))
            return false;
    }
    return true;
}

bool AuctionEngine::nextBuyer(Settlement& s, const QString& reason, QString* error)
{
    const Result<QList<BidRecord>> bids = m_store.bids(s.auctionIndex);
    if (!bids) {
        *error = bids.error(); // no runner-up is chosen from bids that could not be read
        return false;
    }
    // The best accepted bid of a bidder not tried yet is that bidder's own highest one.
    std::optional<BidRecord> next;
    for (const BidRecord& bid : *bids) {
        if (bid.status == BidStatus::Accepted && !s.triedBidders.contains(bid.bidderId) &&
            (!next || BidRules::leadsOver(bid, *next)))
            next = bid;
    }
    if (!next)
        return stopSettlement(s, reason, error);
    const QString from = s.bidderName;
    const QString fromId = s.bidderId;
    s.turn += 1;
    s.bidId = next->id;
    s.bidderId = next->bidderId;
    s.bidderName = next->bidderName;
    s.price = next->amount;
    s.deadlineUtcMs = m_clock.nowUtcMs() + m_settlementOptions.deadlineMs;
    s.triedBidders.append(next->bidderId);
    s.resumeStage.reset();
    s.error.clear();
    const auto link = m_wallets.constFind(next->bidderId);
    s.buyerAddress = link != m_wallets.cend() ? link->address : QString();
    s.stage =
        s.buyerAddress.isEmpty() ? SettlementStage::AwaitingWallet : SettlementStage::ToReserve;
    return saveSettlement(s, error) &&
           journalSettlement(EventType::SettlementReassigned, s,
                             {{QStringLiteral("from"), from},
                              {QStringLiteral("from_bidder_id"), fromId},
                              {QStringLiteral("to"), s.bidderName},
                              {QStringLiteral("reason"), reason},
                              {QStringLiteral("source"), next->source},
                              {QStringLiteral("source_id"), next->sourceId}},
                             error);
}

bool AuctionEngine::stopSettlement(Settlement& s, const QString& reason, QString* error)
{
    const bool onChain = s.reservedOnChain;
    s.stage = onChain ? SettlementStage::ToCancel : SettlementStage::Unsold;
    s.resumeStage.reset();
    if (!saveSettlement(s, error) ||
        !journalSettlement(
            EventType::SettlementCancelled, s,
            {{QStringLiteral("reason"), reason}, {QStringLiteral("on_chain"), onChain}}, error))
        return false;
    return onChain || completeUnsold(s, reason, error);
}

bool AuctionEngine::completeUnsold(Settlement& s, const QString& reason, QString* error)
{
    s.stage = SettlementStage::Unsold;
    if (!saveSettlement(s, error))
        return false;
    AuctionDay* a = auctionAt(s.auctionIndex);
    if (!a || a->state == DayState::Completed || a->state == DayState::Cancelled)
        return true;
    a->state = DayState::Completed;
    a->settlementNote = tr("Unsold: %1").arg(reason);
    QJsonObject payload = auctionJson(*a);
    payload.insert(QStringLiteral("unsold"), true);
    payload.insert(QStringLiteral("reason"), reason);
    if (a->winnerBidId)
        payload.insert(QStringLiteral("winner_bid_id"), qint64(*a->winnerBidId));
    payload.insert(QStringLiteral("note"), a->settlementNote);
    return journal(EventType::DayCompleted, a->dayNumber, payload, error) &&
           saveAuction(*a, error) && finishMarathonIfDone(error);
}

bool AuctionEngine::settlementInterrupted(int auctionIndex, std::int64_t invalidatedBidId,
                                          const QString& reason, QString* error)
{
    const auto found = m_settlements.constFind(auctionIndex);
    if (found == m_settlements.cend() || settlementIsFinal(found->stage) ||
        found->stage == SettlementStage::Paid ||
        found->workingStage() == SettlementStage::ToCancel ||
        found->workingStage() == SettlementStage::Cancelling)
        return true;
    Settlement s = *found;
    if (invalidatedBidId == 0) // the day was cancelled: nobody buys it
        return stopSettlement(s, reason, error);
    if (s.bidId != invalidatedBidId)
        return true; // not the buyer's bid: a later turn will not pick it
    return nextBuyer(s, tr("the buyer's bid was invalidated: %1").arg(reason), error);
}

bool AuctionEngine::settleByHand(int auctionIndex, const QString& note, QString* error)
{
    const auto found = m_settlements.constFind(auctionIndex);
    if (found == m_settlements.cend() || settlementIsFinal(found->stage))
        return true;
    Settlement s = *found;
    s.stage = SettlementStage::Completed;
    s.resumeStage.reset();
    s.error = note.isEmpty() ? tr("Settled by hand.") : tr("Settled by hand: %1").arg(note);
    return saveSettlement(s, error);
}

bool AuctionEngine::saveTransaction(const ChainTransaction& tx, bool added, QString* error)
{
    QList<ChainTransaction>& txs = m_settlementTxs[tx.auctionIndex];
    const auto it = std::find_if(txs.begin(), txs.end(),
                                 [&](const ChainTransaction& t) { return t.id == tx.id; });
    if (it != txs.end())
        *it = tx;
    else
        txs.append(tx);
    const Settlement s = m_settlements.value(tx.auctionIndex);
    QJsonObject payload{{QStringLiteral("auction"), tx.auctionIndex},
                        {QStringLiteral("tx_id"), qint64(tx.id)},
                        {QStringLiteral("step"), tx.step},
                        {QStringLiteral("turn"), tx.turn},
                        {QStringLiteral("state"), chainTxStateName(tx.state)},
                        {QStringLiteral("hash"), hexOf(tx.hash)},
                        {QStringLiteral("nonce"), qint64(tx.nonce)},
                        {QStringLiteral("added"), added}};
    if (tx.blockNumber)
        payload.insert(QStringLiteral("block"), qint64(*tx.blockNumber));
    if (tx.replaces)
        payload.insert(QStringLiteral("replaces"), qint64(*tx.replaces));
    if (!tx.error.isEmpty())
        payload.insert(QStringLiteral("error"), tx.error);
    const AuctionDay* a = auctionAt(tx.auctionIndex);
    return journal(EventType::SettlementTransaction, a ? std::optional(a->dayNumber) : std::nullopt,
                   payload, error);
}

// ---- the operator's overrides (audited as operator.action) ---------------------------------

ActionResult
AuctionEngine::settlementOverride(const QString& action, int auctionIndex, const QString& actor,
                                  QJsonObject details,
                                  const std::function<bool(Settlement&, QString*)>& body)
{
    if (!m_settlements.contains(auctionIndex))
        return ActionResult::failure(tr("Auction %1 has no settlement.").arg(auctionIndex + 1));
    details.insert(QStringLiteral("auction"), auctionIndex);
    return operatorAction(action, actor, details, [&](QString* error) {
        Settlement s = m_settlements.value(auctionIndex);
        return body(s, error);
    });
}

ActionResult AuctionEngine::setSettlementWallet(int auctionIndex, const QString& address,
                                                const QString& actor)
{
    QString why;
    const auto checksummed = WalletAddress::checksummed(address.trimmed(), &why);
    if (!checksummed)
        return ActionResult::failure(tr("That wallet address is not valid: %1").arg(why));
    const auto found = m_settlements.constFind(auctionIndex);
    if (found != m_settlements.cend()) {
        const SettlementStage working = found->workingStage();
        if (working != SettlementStage::AwaitingWallet && working != SettlementStage::ToReserve)
            return ActionResult::failure(tr("The buyer's wallet can only change before their "
                                            "reservation is signed."));
    }
    return settlementOverride(
        QStringLiteral("settlement_wallet"), auctionIndex, actor,
        {{QStringLiteral("address"), *checksummed}}, [&](Settlement& s, QString* error) {
            // The operator's entry is the buyer's linked wallet from now on, like a post's.
            WalletLink link;
            link.bidderId = s.bidderId;
            link.bidderName = s.bidderName;
            link.address = *checksummed;
            link.source = QStringLiteral("operator");
            link.sourceId = QStringLiteral("settlement:%1:%2").arg(auctionIndex).arg(s.turn);
            link.linkedUtcMs = m_clock.nowUtcMs();
            m_wallets.insert(link.bidderId, link);
            if (!m_store.saveWalletLink(link, error) ||
                !journal(EventType::WalletLinked, std::nullopt,
                         {{QStringLiteral("bidder_id"), link.bidderId},
                          {QStringLiteral("bidder"), link.bidderName},
                          {QStringLiteral("address"), link.address},
                          {QStringLiteral("source"), link.source},
                          {QStringLiteral("source_id"), link.sourceId}},
                         error))
                return false;
            s.buyerAddress = *checksummed;
            if (s.stage == SettlementStage::Failed)
                s.resumeStage = SettlementStage::ToReserve;
            else
                s.stage = SettlementStage::ToReserve;
            return saveSettlement(s, error);
        });
}

ActionResult AuctionEngine::retrySettlement(int auctionIndex, const QString& actor)
{
    const auto found = m_settlements.constFind(auctionIndex);
    if (found != m_settlements.cend() && found->stage != SettlementStage::Failed)
        return ActionResult::failure(tr("Only a failed settlement can be tried again."));
    return settlementOverride(
        QStringLiteral("settlement_retry"), auctionIndex, actor, {},
        [&](Settlement& s, QString* error) {
            SettlementStage back = s.resumeStage.value_or(SettlementStage::ToReserve);
            const bool cancelling = back == SettlementStage::Cancelling;
            const QList<ChainTransaction> txs = m_settlementTxs.value(auctionIndex);
            const bool live = std::any_of(txs.cbegin(), txs.cend(), [&](const ChainTransaction& t) {
                return t.turn == s.turn &&
                       (cancelling ? t.step == SettlementStep::Cancel : isReservation(t.step)) &&
                       (t.state == ChainTxState::Signed || t.state == ChainTxState::Sent);
            });
            // Nothing of this step can still be mined: it is signed afresh.
            if (back == SettlementStage::Reserving && !live)
                back = SettlementStage::ToReserve;
            if (back == SettlementStage::Cancelling && !live)
                back = SettlementStage::ToCancel;
            if (back == SettlementStage::AwaitingWallet && !s.buyerAddress.isEmpty())
                back = SettlementStage::ToReserve;
            s.stage = back;
            s.resumeStage.reset();
            s.error.clear();
            return saveSettlement(s, error);
        });
}

ActionResult AuctionEngine::skipSettlementBuyer(int auctionIndex, const QString& reason,
                                                const QString& actor)
{
    if (reason.trimmed().isEmpty())
        return ActionResult::failure(tr("Say why the buyer is skipped."));
    const auto found = m_settlements.constFind(auctionIndex);
    if (found != m_settlements.cend() &&
        (settlementIsFinal(found->stage) || found->stage == SettlementStage::Paid ||
         found->workingStage() == SettlementStage::ToCancel ||
         found->workingStage() == SettlementStage::Cancelling))
        return ActionResult::failure(tr("This settlement has no buyer left to skip."));
    return settlementOverride(
        QStringLiteral("settlement_skip"), auctionIndex, actor,
        {{QStringLiteral("reason"), reason}},
        [&](Settlement& s, QString* error) { return nextBuyer(s, reason, error); });
}

ActionResult AuctionEngine::cancelSettlement(int auctionIndex, const QString& reason,
                                             const QString& actor)
{
    if (reason.trimmed().isEmpty())
        return ActionResult::failure(tr("Say why the settlement is cancelled."));
    const auto found = m_settlements.constFind(auctionIndex);
    if (found != m_settlements.cend() &&
        (settlementIsFinal(found->stage) || found->stage == SettlementStage::Paid ||
         found->workingStage() == SettlementStage::ToCancel ||
         found->workingStage() == SettlementStage::Cancelling))
        return ActionResult::failure(tr("This settlement is paid, over, or being cancelled."));
    return settlementOverride(
        QStringLiteral("settlement_cancel"), auctionIndex, actor,
        {{QStringLiteral("reason"), reason}},
        [&](Settlement& s, QString* error) { return stopSettlement(s, reason, error); });
}

} // namespace sb::auction
