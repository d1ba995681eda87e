#include "SettlementDriver.h"
#include "SettlementDriverParts.h"

#include "AuctionHouse.h"
#include "EngineThread.h"
#include "Hex.h"
#include "ShapeRpc.h"
#include "TransactionSender.h"
#include <QDateTime>
#include <QJsonObject>
#include <QLoggingCategory>
#include <vector>

namespace sb::integrations::shape {

namespace {

// Claims are looked for again this many blocks back on every pass: a claim whose block was
// reorganised away and mined again later is found at its new place.
constexpr std::uint64_t kRescanDepth = 64;
// The claims cursor is saved when it moved this far: a restart scans at most this many blocks
// again, and the database is not written every poll.
constexpr std::uint64_t kCursorSaveBlocks = 100;

} // namespace

// ---- claims ----

void SettlementDriver::scanClaims(std::shared_ptr<Snapshot> snapshot, std::function<void()> next)
{
    const int gen = m_generation;
    const std::uint64_t head = snapshot->head;
    // This run's own cursor is ahead of the stored one, which is saved only every
    // kCursorSaveBlocks blocks (each save is a durable write on the engine's thread).
    const bool known = snapshot->hasCursor || m_status.claimsCursor > 0;
    const std::uint64_t cursor =
        std::max(snapshot->hasCursor ? snapshot->cursor : 0, m_status.claimsCursor);
    std::uint64_t from = known ? cursor + 1 : m_options.firstBlock;
    from = std::max(m_options.firstBlock,
                    std::min(from, head > kRescanDepth ? head - kRescanDepth : 0));
    if (m_rescanFrom)
        from = std::max(m_options.firstBlock, std::min(from, *m_rescanFrom));
    if (from > head)
        return next();
    const std::uint64_t to =
        std::min(head, from + std::max<std::uint64_t>(1, m_options.claimScanBlocksPerPass) - 1);
    LogFilter filter;
    filter.address = m_options.contract;
    filter.topics = {{AuctionHouse::claimedTopic()}};
    filter.fromBlock = from;
    filter.toBlock = to;
    m_rpc->logs(filter, [this, gen, snapshot, to, from,
                         next](const RpcResult<std::vector<LogEntry>>& logs) {
        if (gen != m_generation)
            return;
        if (!logs) {
            reportProblem(logs.error().sentence());
            return next();
        }
        if (m_rescanFrom && *m_rescanFrom >= from)
            m_rescanFrom.reset(); // scanned from there
        for (const LogEntry& log : *logs) {
            if (log.removed)
                continue;
            const auto event = AuctionHouse::decodeLog(log);
            if (!event || !*event || (*event)->kind != AuctionHouseEvent::Kind::Claimed)
                continue;
            const auto auctionId = (*event)->auctionId.toUint64();
            if (!auctionId || *auctionId == 0 || *auctionId > std::uint64_t(INT32_MAX))
                continue;
            const int index = int(*auctionId - 1);
            const Settlement* settlement = snapshot->settlement(index);
            if (!settlement || sb::auction::settlementIsFinal(settlement->stage) ||
                (settlement->stage == SettlementStage::Paid &&
                 settlement->claimTxHash == log.transactionHash &&
                 settlement->claimBlock == log.blockNumber))
                continue; // not ours, done, or already known where it is
            ClaimSeen claim;
            claim.auctionIndex = index;
            claim.buyerAddress = (*event)->buyer.toChecksummed();
            claim.price = (*event)->priceWei.toWholeGwei().value_or(sb::auction::Gwei());
            claim.txHash = log.transactionHash;
            claim.blockNumber = log.blockNumber;
            claim.blockHash = log.blockHash;
            qCInfo(lcSettlementDriver).noquote()
                << "Auction" << index + 1 << "claimed by" << claim.buyerAddress << "in block"
                << claim.blockNumber;
            m_engine.post([claim](MarathonSession& s) { return s.engine().recordClaim(claim); },
                          this,
                          [this](const ActionResult& result) {
                              if (!result.ok)
                                  reportProblem(result.error);
                          });
        }
        // The next pass goes on from there (a rescan of older blocks never moves it back).
        m_status.claimsCursor = std::max(m_status.claimsCursor, to);
        const std::uint64_t reached = m_status.claimsCursor;
        if (m_savedCursor && reached < *m_savedCursor + kCursorSaveBlocks)
            return next();
        m_savedCursor = reached;
        m_engine.post(
            [reached](MarathonSession& s) {
                QString error;
                if (!s.store().setMeta(QString(kClaimsCursorKey), QString::number(reached), &error))
                    return error;
                return QString();
            },
            this,
            [this](const QString& error) {
                if (!error.isEmpty())
                    reportProblem(error);
            });
        next();
    });
}

void SettlementDriver::checkPaid(const Settlement& settlement, std::function<void()> next)
{
    const int gen = m_generation;
    const int index = settlement.auctionIndex;
    const QByteArray claimHash = settlement.claimTxHash;
    const std::optional<std::uint64_t> claimBlock = settlement.claimBlock;
    const auto reorged = [this, index, claimBlock](const QString& why) {
        qCWarning(lcSettlementDriver).noquote() << "Auction" << index + 1 << ":" << why;
        // Whatever the node said, the claim is looked for again from its block: one still there
        // (the node was behind, or lied) is found and recorded again; one mined anew later too.
        if (claimBlock)
            m_rescanFrom = std::min(m_rescanFrom.value_or(*claimBlock), *claimBlock);
        m_engine.post(
            [index, why](MarathonSession& s) { return s.engine().claimReorged(index, why); }, this,
            [this](const ActionResult& result) {
                if (!result.ok)
                    reportProblem(result.error);
            });
    };
    m_rpc->receipt(claimHash, [this, gen, index, claimHash, settlement, reorged,
                               next](const RpcResult<std::optional<Receipt>>& receipt) {
        if (gen != m_generation)
            return;
        if (!receipt) {
            reportProblem(receipt.error().sentence());
            return next();
        }
        if (!*receipt ||
            (settlement.claimBlock && (*receipt)->blockNumber != *settlement.claimBlock)) {
            reorged(QStringLiteral("The claim %1 is no longer in block %2 (reorg).")
                        .arg(toHex(claimHash))
                        .arg(settlement.claimBlock.value_or(0)));
            return next();
        }
        const Receipt claim = **receipt;
        m_rpc->blockByNumber(claim.blockNumber, [this, gen, index, claim, settlement, reorged,
                                                 next](const RpcResult<std::optional<BlockHeader>>&
                                                           block) {
            if (gen != m_generation)
                return;
            if (!block) {
                reportProblem(block.error().sentence());
                return next();
            }
            if (!*block || (*block)->hash != claim.blockHash) {
                reorged(QStringLiteral("Block %1 with the claim %2 is no longer canonical (reorg).")
                            .arg(claim.blockNumber)
                            .arg(toHex(claim.transactionHash)));
                return next();
            }
            const auto confirmWhenOwned = [this, gen, index, settlement, next] {
                const std::uint64_t tokenId = Settlement::auctionIdOf(index);
                m_house->ownerOf(tokenId, [this, gen, index, settlement, tokenId,
                                           next](const RpcResult<std::optional<Address>>& owner) {
                    if (gen != m_generation)
                        return;
                    if (!owner) {
                        reportProblem(owner.error().sentence());
                        return next();
                    }
                    const QString expected = settlement.paidByAddress;
                    if (!*owner ||
                        (*owner)->toChecksummed().compare(expected, Qt::CaseInsensitive)) {
                        fail(index,
                             QStringLiteral("Token #%1 belongs to %2 on chain, not to %3 "
                                            "who paid for it.")
                                 .arg(tokenId)
                                 .arg(*owner ? (*owner)->toChecksummed() : QStringLiteral("nobody"),
                                      expected));
                        return next();
                    }
                    qCInfo(lcSettlementDriver).noquote()
                        << "Auction" << index + 1 << ": token #" << tokenId << "minted to"
                        << expected << "(confirmed)";
                    m_engine.post(
                        [index](MarathonSession& s) { return s.engine().confirmMint(index); }, this,
                        [this](const ActionResult& result) {
                            if (!result.ok)
                                reportProblem(result.error);
                        });
                    next();
                });
            };
            const std::uint64_t head = m_status.head.value_or(0);
            const bool deepEnough = head >= claim.blockNumber &&
                                    head - claim.blockNumber >=
                                        std::uint64_t(std::max(0, m_options.confirmationBlocks));
            if (!m_options.confirmAtSafe) {
                if (deepEnough)
                    return confirmWhenOwned();
                return next();
            }
            m_rpc->blockByTag(QStringLiteral("safe"),
                              [this, gen, claim, deepEnough, confirmWhenOwned,
                               next](const RpcResult<std::optional<BlockHeader>>& safe) {
                                  if (gen != m_generation)
                                      return;
                                  if (!safe) {
                                      reportProblem(safe.error().sentence());
                                      return next();
                                  }
                                  // A node without a safe tag: counted in blocks instead.
                                  const bool confirmed =
                                      *safe ? (*safe)->number >= claim.blockNumber : deepEnough;
                                  if (confirmed)
                                      return confirmWhenOwned();
                                  next();
                              });
        });
    });
}

} // namespace sb::integrations::shape
