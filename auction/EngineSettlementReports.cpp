// Settlement on Shape, what the chain driver reports (Settlement.h; the state machine's other
// half is EngineSettlement.cpp): transactions stored before they are broadcast, their fate on
// chain, claims, mints, reorgs and failures. A report that no longer fits the state (an old
// turn's, a replaced transaction's) is recorded without moving the stage; a claim seen on chain
// wins over any stage that is not final.

#include "AuctionEngine.h"

#include <QJsonObject>

#include <algorithm>

namespace sb::auction {

namespace {

QString hexOf(const QByteArray& bytes)
{
    return QStringLiteral("0x") + QString::fromLatin1(bytes.toHex());
}

bool isReservation(const QString& step)
{
    return step == SettlementStep::Reserve || step == SettlementStep::Reassign;
}

} // namespace

ActionResult AuctionEngine::settlementChange(int auctionIndex,
                                             const std::function<bool(Settlement&, QString*)>& body)
{
    if (!m_loaded)
        return ActionResult::failure(notLoadedReason());
    if (!m_settlements.contains(auctionIndex))
        return ActionResult::failure(tr("Auction %1 has no settlement.").arg(auctionIndex + 1));
    return transaction([&](QString* error) {
        Settlement s = m_settlements.value(auctionIndex);
        return body(s, error);
    });
}

ActionResult AuctionEngine::storeSettlementTransaction(ChainTransaction& tx)
{
    if (!m_loaded)
        return ActionResult::failure(notLoadedReason());
    const auto found = m_settlements.constFind(tx.auctionIndex);
    if (found == m_settlements.cend())
        return ActionResult::failure(tr("Auction %1 has no settlement.").arg(tx.auctionIndex + 1));
    const Settlement& s = *found;
    if (tx.raw.isEmpty() || tx.hash.size() != 32)
        return ActionResult::failure(tr("A transaction is stored signed, with its 32-byte hash."));
    if (m_settlementOptions.chainId != 0 && tx.chainId != m_settlementOptions.chainId)
        return ActionResult::failure(tr("The transaction is for chain %1, the settlement for %2.")
                                         .arg(tx.chainId)
                                         .arg(m_settlementOptions.chainId));
    if (!m_settlementOptions.contractAddress.isEmpty() &&
        tx.toAddress.compare(m_settlementOptions.contractAddress, Qt::CaseInsensitive) != 0)
        return ActionResult::failure(tr("The transaction goes to %1, not to the auction house %2.")
                                         .arg(tx.toAddress, m_settlementOptions.contractAddress));
    const QList<ChainTransaction> stored = m_settlementTxs.value(tx.auctionIndex);
    for (const ChainTransaction& t : stored) {
        if (t.hash == tx.hash) { // stored already (a driver that restarted): the same one
            tx = t;
            return ActionResult::success();
        }
    }
    std::optional<ChainTransaction> replaced;
    if (tx.replaces) {
        const auto old =
            std::find_if(stored.cbegin(), stored.cend(),
                         [&](const ChainTransaction& t) { return t.id == *tx.replaces; });
        if (old == stored.cend() || old->step != tx.step || old->turn != tx.turn ||
            old->nonce != tx.nonce)
            return ActionResult::failure(
                tr("A fee bump replaces a stored transaction of the same step, turn and nonce."));
        if (old->state != ChainTxState::Signed && old->state != ChainTxState::Sent)
            return ActionResult::failure(tr("Only a transaction still waiting to be mined can be "
                                            "replaced (this one is %1).")
                                             .arg(chainTxStateName(old->state)));
        replaced = *old;
    } else {
        for (const ChainTransaction& t : stored) {
            if (t.step == tx.step && t.turn == tx.turn && chainTxCanBeMined(t.state))
                return ActionResult::failure(
                    tr("%1 for turn %2 already has a transaction (%3, %4): send it again, or "
                       "replace it with a fee bump.")
                        .arg(tx.step)
                        .arg(tx.turn)
                        .arg(hexOf(t.hash), chainTxStateName(t.state)));
        }
        const SettlementStage stage = s.stage;
        QString expected;
        if (stage == SettlementStage::ToReserve)
            expected = s.reservedOnChain ? QString(SettlementStep::Reassign)
                                         : QString(SettlementStep::Reserve);
        else if (stage == SettlementStage::ToCancel)
            expected = QString(SettlementStep::Cancel);
        if (expected.isEmpty())
            return ActionResult::failure(
                tr("The settlement of auction %1 is %2: no transaction is due.")
                    .arg(tx.auctionIndex + 1)
                    .arg(settlementStageName(stage)));
        if (expected == SettlementStep::Reserve && s.tokenUri.isEmpty())
            return ActionResult::failure(
                tr("Lot %1 has no token URI: the contract refuses its reservation.")
                    .arg(tx.auctionIndex + 1));
        if (tx.step != expected || tx.turn != s.turn)
            return ActionResult::failure(tr("The transaction due is %1 for turn %2, not %3 for "
                                            "turn %4.")
                                             .arg(expected)
                                             .arg(s.turn)
                                             .arg(tx.step)
                                             .arg(tx.turn));
    }
    ChainTransaction added = tx;
    added.id = 0;
    added.state = ChainTxState::Signed;
    added.blockNumber.reset();
    added.blockHash.clear();
    added.replacedBy.reset();
    added.createdUtcMs = m_clock.nowUtcMs();
    added.updatedUtcMs = added.createdUtcMs;
    const ActionResult result = transaction([&](QString* error) {
        if (!m_store.addChainTransaction(added, error) || !saveTransaction(added, true, error))
            return false;
        if (replaced) {
            replaced->state = ChainTxState::Replaced;
            replaced->replacedBy = added.id;
            replaced->updatedUtcMs = added.createdUtcMs;
            if (!m_store.updateChainTransaction(*replaced, error) ||
                !saveTransaction(*replaced, false, error))
                return false;
        }
        Settlement row = m_settlements.value(added.auctionIndex);
        if (row.stage == SettlementStage::ToReserve)
            row.stage = SettlementStage::Reserving;
        else if (row.stage == SettlementStage::ToCancel)
            row.stage = SettlementStage::Cancelling;
        else
            return true;
        return saveSettlement(row, error);
    });
    if (result.ok)
        tx = added;
    return result;
}

ActionResult AuctionEngine::updateSettlementTransaction(const ChainTransaction& report)
{
    if (!m_loaded)
        return ActionResult::failure(notLoadedReason());
    const QList<ChainTransaction> stored = m_settlementTxs.value(report.auctionIndex);
    const auto found = std::find_if(stored.cbegin(), stored.cend(),
                                    [&](const ChainTransaction& t) { return t.id == report.id; });
    if (found == stored.cend())
        return ActionResult::failure(tr("No stored transaction %1 for auction %2.")
                                         .arg(report.id)
                                         .arg(report.auctionIndex + 1));
    const ChainTransaction before = *found;
    ChainTransaction tx = before;
    // A replaced transaction only matters again if the chain mined it after all.
    const bool staysReplaced =
        before.state == ChainTxState::Replaced && !chainTxIncluded(report.state);
    if (!staysReplaced)
        tx.state = report.state;
    tx.blockNumber = report.blockNumber;
    tx.blockHash = report.blockHash;
    tx.error = report.error;
    if (tx.state == before.state && tx.blockNumber == before.blockNumber &&
        tx.blockHash == before.blockHash && tx.error == before.error)
        return ActionResult::success(); // nothing new: nothing journaled
    tx.updatedUtcMs = m_clock.nowUtcMs();

    return transaction([&](QString* error) {
        if (!m_store.updateChainTransaction(tx, error) || !saveTransaction(tx, false, error))
            return false;
        Settlement s = m_settlements.value(tx.auctionIndex);
        const auto txs = m_settlementTxs.value(tx.auctionIndex);
        const bool wasReserved = s.reservedOnChain;
        s.reservedOnChain = std::any_of(txs.cbegin(), txs.cend(), [](const ChainTransaction& t) {
            return isReservation(t.step) && chainTxIncluded(t.state);
        });
        const bool anotherLive =
            std::any_of(txs.cbegin(), txs.cend(), [&](const ChainTransaction& t) {
                return t.id != tx.id && t.step == tx.step && t.turn == tx.turn &&
                       chainTxCanBeMined(t.state);
            });
        const bool current = tx.turn == s.turn && !staysReplaced && !settlementIsFinal(s.stage) &&
                             s.stage != SettlementStage::Paid;
        const bool nowIncluded = chainTxIncluded(tx.state) && !chainTxIncluded(before.state);
        const bool reorged = tx.state == ChainTxState::Sent && chainTxIncluded(before.state);
        const bool lost =
            (tx.state == ChainTxState::Reverted || tx.state == ChainTxState::Dropped) &&
            !anotherLive;
        const SettlementStage working = s.workingStage();
        if (!current) {
            if (s.reservedOnChain == wasReserved)
                return true;
            return saveSettlement(s, error); // a fact about the chain, whatever the stage
        }
        if (isReservation(tx.step)) {
            if (nowIncluded && working == SettlementStage::Reserving) {
                s.stage = SettlementStage::Reserved;
                s.resumeStage.reset();
                s.error.clear();
                return saveSettlement(s, error) &&
                       journalSettlement(
                           EventType::SettlementReserved, s,
                           {{QStringLiteral("tx_hash"), hexOf(tx.hash)},
                            {QStringLiteral("block"), qint64(tx.blockNumber.value_or(0))}},
                           error);
            }
            if (reorged && s.stage == SettlementStage::Reserved) {
                s.stage = SettlementStage::Reserving;
                return saveSettlement(s, error) &&
                       journalSettlement(EventType::SettlementReorged, s,
                                         {{QStringLiteral("what"), QStringLiteral("reservation")},
                                          {QStringLiteral("tx_hash"), hexOf(tx.hash)}},
                                         error);
            }
        } else if (tx.step == SettlementStep::Cancel) {
            if (nowIncluded && working == SettlementStage::Cancelling)
                return completeUnsold(s, tr("nobody paid; the reservation was cancelled"), error);
        }
        if (lost && s.stage != SettlementStage::Failed &&
            (s.stage == SettlementStage::Reserving || s.stage == SettlementStage::Cancelling)) {
            s.resumeStage = s.stage == SettlementStage::Reserving ? SettlementStage::ToReserve
                                                                  : SettlementStage::ToCancel;
            s.stage = SettlementStage::Failed;
            s.error =
                tx.error.isEmpty()
                    ? tr("The %1 transaction was %2.").arg(tx.step, chainTxStateName(tx.state))
                    : tx.error;
            return saveSettlement(s, error) &&
                   journalSettlement(EventType::SettlementFailed, s,
                                     {{QStringLiteral("reason"), s.error},
                                      {QStringLiteral("tx_hash"), hexOf(tx.hash)}},
                                     error);
        }
        return s.reservedOnChain == wasReserved || saveSettlement(s, error);
    });
}

ActionResult AuctionEngine::recordClaim(const ClaimSeen& claim)
{
    if (!m_loaded)
        return ActionResult::failure(notLoadedReason());
    const auto found = m_settlements.constFind(claim.auctionIndex);
    if (found == m_settlements.cend())
        return ActionResult::failure(
            tr("Auction %1 has no settlement.").arg(claim.auctionIndex + 1));
    if (found->stage == SettlementStage::Paid || found->stage == SettlementStage::Completed) {
        if (found->claimTxHash != claim.txHash)
            return ActionResult::failure(
                tr("Auction %1 was already paid by another transaction (%2).")
                    .arg(claim.auctionIndex + 1)
                    .arg(hexOf(found->claimTxHash)));
        if (found->claimBlock == claim.blockNumber)
            return ActionResult::success(); // seen again
    }
    if (found->stage == SettlementStage::Unsold)
        return ActionResult::failure(tr("Auction %1 completed unsold, yet the chain shows a claim "
                                        "(%2): settle it by hand.")
                                         .arg(claim.auctionIndex + 1)
                                         .arg(hexOf(claim.txHash)));
    return settlementChange(claim.auctionIndex, [&](Settlement& s, QString* error) {
        const bool again =
            s.stage == SettlementStage::Paid || s.stage == SettlementStage::Completed;
        s.claimBlock = claim.blockNumber;
        if (again) // the same claim in another block (after a reorg): only the block changes
            return saveSettlement(s, error);
        s.resumeStage = s.stage;
        s.stage = SettlementStage::Paid;
        s.claimTxHash = claim.txHash;
        s.paidByAddress = claim.buyerAddress;
        s.paidPrice = claim.price;
        s.error.clear();
        // Attributed to the buyer the chain names: this turn's, or an earlier turn's.
        s.paidByBidderId.clear();
        if (s.buyerAddress.compare(claim.buyerAddress, Qt::CaseInsensitive) == 0) {
            s.paidByBidderId = s.bidderId;
        } else {
            for (const QString& bidder : std::as_const(s.triedBidders)) {
                const auto link = m_wallets.constFind(bidder);
                if (link != m_wallets.cend() &&
                    link->address.compare(claim.buyerAddress, Qt::CaseInsensitive) == 0)
                    s.paidByBidderId = bidder;
            }
        }
        return saveSettlement(s, error) &&
               journalSettlement(EventType::SettlementPaymentSeen, s,
                                 {{QStringLiteral("paid_by"), claim.buyerAddress},
                                  {QStringLiteral("paid_by_bidder_id"), s.paidByBidderId},
                                  {QStringLiteral("paid_gwei"), qint64(claim.price.gwei())},
                                  {QStringLiteral("paid"), claim.price.toEthString()},
                                  {QStringLiteral("tx_hash"), hexOf(claim.txHash)},
                                  {QStringLiteral("block"), qint64(claim.blockNumber)},
                                  {QStringLiteral("earlier_turn"), s.paidByBidderId != s.bidderId}},
                                 error);
    });
}

ActionResult AuctionEngine::confirmMint(int auctionIndex)
{
    const auto found = m_settlements.constFind(auctionIndex);
    if (found != m_settlements.cend() && found->stage == SettlementStage::Completed)
        return ActionResult::success(); // confirmed already
    if (found != m_settlements.cend() && found->stage != SettlementStage::Paid)
        return ActionResult::failure(tr("Only a paid settlement can have its mint confirmed."));
    return settlementChange(auctionIndex, [&](Settlement& s, QString* error) {
        s.stage = SettlementStage::Completed;
        s.resumeStage.reset();
        const QString token = QString::number(Settlement::auctionIdOf(auctionIndex));
        const QJsonObject minted{{QStringLiteral("to"), s.paidByAddress},
                                 {QStringLiteral("tx_hash"), hexOf(s.claimTxHash)}};
        if (!saveSettlement(s, error) ||
            !journalSettlement(EventType::SettlementMintConfirmed, s, minted, error))
            return false;
        AuctionDay* a = auctionAt(auctionIndex);
        if (!a || a->state == DayState::Completed || a->state == DayState::Cancelled)
            return true;
        a->state = DayState::Completed;
        a->settlementNote = tr("Token #%1 minted to %2 (claim %3)")
                                .arg(token, s.paidByAddress, hexOf(s.claimTxHash));
        QJsonObject payload = auctionJson(*a);
        if (a->winnerBidId)
            payload.insert(QStringLiteral("winner_bid_id"), qint64(*a->winnerBidId));
        payload.insert(QStringLiteral("winner"), s.bidderName);
        payload.insert(QStringLiteral("amount_gwei"), qint64(s.paidPrice.gwei()));
        payload.insert(QStringLiteral("token_id"), token);
        payload.insert(QStringLiteral("claim_tx"), hexOf(s.claimTxHash));
        payload.insert(QStringLiteral("paid_by"), s.paidByAddress);
        payload.insert(QStringLiteral("note"), a->settlementNote);
        return journal(EventType::DayCompleted, a->dayNumber, payload, error) &&
               saveAuction(*a, error) && finishMarathonIfDone(error);
    });
}

ActionResult AuctionEngine::claimReorged(int auctionIndex, const QString& why)
{
    const auto found = m_settlements.constFind(auctionIndex);
    if (found != m_settlements.cend() && found->stage != SettlementStage::Paid)
        return ActionResult::failure(
            tr("Only a paid settlement can lose its claim (this one is %1).")
                .arg(settlementStageName(found->stage)));
    return settlementChange(auctionIndex, [&](Settlement& s, QString* error) {
        const QByteArray hash = s.claimTxHash;
        s.stage = s.resumeStage.value_or(SettlementStage::Reserved);
        s.resumeStage.reset();
        s.claimTxHash.clear();
        s.claimBlock.reset();
        s.paidByAddress.clear();
        s.paidByBidderId.clear();
        s.paidPrice = Gwei();
        s.error = why;
        return saveSettlement(s, error) &&
               journalSettlement(EventType::SettlementReorged, s,
                                 {{QStringLiteral("what"), QStringLiteral("claim")},
                                  {QStringLiteral("tx_hash"), hexOf(hash)},
                                  {QStringLiteral("reason"), why}},
                                 error);
    });
}

ActionResult AuctionEngine::failSettlement(int auctionIndex, const QString& why)
{
    const auto found = m_settlements.constFind(auctionIndex);
    if (found != m_settlements.cend() && settlementIsFinal(found->stage))
        return ActionResult::failure(tr("This settlement is over."));
    return settlementChange(auctionIndex, [&](Settlement& s, QString* error) {
        const bool wasFailed = s.stage == SettlementStage::Failed;
        if (!wasFailed)
            s.resumeStage = s.stage;
        s.stage = SettlementStage::Failed;
        s.error = why;
        if (wasFailed) // still failing: the newest reason, no new event
            return saveSettlement(s, error);
        return saveSettlement(s, error) &&
               journalSettlement(EventType::SettlementFailed, s, {{QStringLiteral("reason"), why}},
                                 error);
    });
}

} // namespace sb::auction
