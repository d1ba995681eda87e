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

// ---- new steps ----

void SettlementDriver::startStep(const Settlement& settlement, std::function<void()> next)
{
    const std::uint64_t auctionId = Settlement::auctionIdOf(settlement.auctionIndex);
    if (settlement.stage == SettlementStage::ToCancel)
        return signAndSend(settlement, QString(SettlementStep::Cancel),
                           AuctionHouse::cancelCall(auctionId), next);
    const auto buyer = Address::fromString(settlement.buyerAddress);
    const auto price = U256::weiFromGwei(settlement.price);
    if (!buyer || !price || settlement.deadlineUtcMs <= 0) {
        fail(settlement.auctionIndex,
             !buyer ? QStringLiteral("The buyer's wallet %1 is not an address: %2")
                          .arg(settlement.buyerAddress, buyer.error())
                    : QStringLiteral("The settlement's price or deadline is not valid."));
        return next();
    }
    const std::uint64_t deadline = std::uint64_t(settlement.deadlineUtcMs / 1000);
    if (settlement.reservedOnChain)
        return signAndSend(settlement, QString(SettlementStep::Reassign),
                           AuctionHouse::reassignCall(auctionId, *buyer, *price, deadline), next);
    signAndSend(settlement, QString(SettlementStep::Reserve),
                AuctionHouse::reserveCall(auctionId, *buyer, *price, deadline, settlement.tokenUri),
                next);
}

void SettlementDriver::signAndSend(const Settlement& settlement, const QString& step,
                                   const QByteArray& data, std::function<void()> next)
{
    const int gen = m_generation;
    const int index = settlement.auctionIndex;
    const int turn = settlement.turn;
    CallRequest request;
    request.from = m_key.address();
    request.to = m_options.contract;
    request.data = data;
    m_rpc->estimateGas(
        request, [this, gen, index, turn, step, data, next](const RpcResult<std::uint64_t>& gas) {
            if (gen != m_generation)
                return;
            if (!gas) {
                const auto refusal = AuctionHouse::decodeError(gas.error());
                if (refusal && refusal->name == QLatin1String("DeadlineNotPassed")) {
                    // The chain's clock is behind the studio's: the same step goes next pass.
                    reportProblem(QStringLiteral("Auction %1: waiting for the chain — %2")
                                      .arg(index + 1)
                                      .arg(refusal->sentence));
                    return next();
                }
                if (refusal)
                    fail(index, refusal->sentence);
                else if (gas.error().kind == RpcError::Kind::JsonRpc)
                    fail(index, QStringLiteral("The contract refuses the %1 of auction %2: %3")
                                    .arg(step)
                                    .arg(index + 1)
                                    .arg(gas.error().sentence()));
                else
                    reportProblem(gas.error().sentence());
                return next();
            }
            const std::uint64_t gasLimit = *gas + *gas / 5; // estimates are tight
            m_rpc->pendingNonce(m_key.address(), [this, gen, index, turn, step, data, gasLimit,
                                                  next](const RpcResult<std::uint64_t>& nonce) {
                if (gen != m_generation)
                    return;
                if (!nonce) {
                    reportProblem(nonce.error().sentence());
                    return next();
                }
                planFees(*m_rpc, m_options.caps,
                         [this, gen, index, turn, step, data, gasLimit, nonce = *nonce,
                          next](const RpcResult<FeePlan>& fees) {
                             if (gen != m_generation)
                                 return;
                             if (!fees) {
                                 reportProblem(fees.error().sentence());
                                 return next();
                             }
                             Eip1559Transaction call;
                             call.chainId = m_options.chainId;
                             call.nonce = nonce;
                             call.maxPriorityFeePerGas = fees->maxPriorityFeePerGas;
                             call.maxFeePerGas = fees->maxFeePerGas;
                             call.gasLimit = gasLimit;
                             call.to = m_options.contract;
                             call.data = data;
                             const auto signedTx = call.sign(m_key);
                             if (!signedTx) {
                                 reportProblem(signedTx.error());
                                 return next();
                             }
                             const SignedTransaction tx = *signedTx;
                             m_sender->checkFunds(
                                 tx, [this, gen, index, turn, step, tx,
                                      next](const RpcResult<std::optional<QString>>& funds) {
                                     if (gen != m_generation)
                                         return;
                                     if (!funds) {
                                         reportProblem(funds.error().sentence());
                                         return next();
                                     }
                                     if (*funds) {
                                         fail(index, **funds);
                                         return next();
                                     }
                                     ChainTransaction stored;
                                     stored.auctionIndex = index;
                                     stored.step = step;
                                     stored.turn = turn;
                                     stored.chainId = m_options.chainId;
                                     stored.nonce = tx.transaction.nonce;
                                     stored.fromAddress = tx.sender.toChecksummed();
                                     stored.toAddress = m_options.contract.toChecksummed();
                                     stored.raw = tx.raw();
                                     stored.hash = tx.hash();
                                     stored.state = ChainTxState::Signed;
                                     stored.createdUtcMs = nowUtcMs();
                                     stored.updatedUtcMs = stored.createdUtcMs;
                                     storeAndBroadcast(stored, next);
                                 });
                         });
            });
        });
}

void SettlementDriver::storeAndBroadcast(ChainTransaction tx, std::function<void()> next)
{
    const int gen = m_generation;
    m_engine.post(
        [tx](MarathonSession& s) mutable {
            const ActionResult stored = s.engine().storeSettlementTransaction(tx);
            return std::make_pair(stored, tx);
        },
        this,
        [this, gen, next](const std::pair<ActionResult, ChainTransaction>& result) {
            if (gen != m_generation)
                return;
            if (!result.first.ok) {
                reportProblem(QStringLiteral("Auction %1: the signed %2 was not stored, so it is "
                                             "not sent: %3")
                                  .arg(result.second.auctionIndex + 1)
                                  .arg(result.second.step, result.first.error));
                return next();
            }
            qCInfo(lcSettlementDriver).noquote()
                << "Auction" << result.second.auctionIndex + 1 << result.second.step
                << shortHash(result.second.hash) << "stored (nonce" << result.second.nonce << ")";
            if (m_options.testHook)
                m_options.testHook("stored", result.second.auctionIndex);
            resume(result.second, nullptr, next);
        });
}

void SettlementDriver::fail(int auctionIndex, const QString& why)
{
    qCWarning(lcSettlementDriver).noquote() << "Auction" << auctionIndex + 1 << "failed:" << why;
    m_engine.post([auctionIndex, why](
                      MarathonSession& s) { return s.engine().failSettlement(auctionIndex, why); },
                  this,
                  [this](const ActionResult& result) {
                      if (!result.ok)
                          reportProblem(result.error);
                  });
}

} // namespace sb::integrations::shape
