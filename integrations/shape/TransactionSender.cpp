#include "TransactionSender.h"

#include "FeePlan.h"
#include "Hex.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>

Q_LOGGING_CATEGORY(lcShapeSend, "sb.shape.send")

namespace sb::integrations::shape {

namespace {

// Wraps `f` so that it runs only while `self` exists: answers can arrive after the sender is gone.
template <class F> auto guarded(TransactionSender* self, F f)
{
    return [self = QPointer<TransactionSender>(self), f](const auto& result) {
        if (self)
            f(result);
    };
}

bool mentions(const RpcError& error, std::initializer_list<const char*> phrases)
{
    const QString message = error.message.toLower();
    for (const char* phrase : phrases) {
        if (message.contains(QLatin1String(phrase)))
            return true;
    }
    return false;
}

QString shortHash(const QByteArray& hash)
{
    const QString hex = toHex(hash);
    return hex.left(10) + QStringLiteral("…") + hex.right(4);
}

} // namespace

QString confirmationName(Confirmation level)
{
    switch (level) {
    case Confirmation::Sent:
        return QStringLiteral("sent");
    case Confirmation::Included:
        return QStringLiteral("included");
    case Confirmation::Safe:
        return QStringLiteral("safe");
    case Confirmation::Finalized:
        return QStringLiteral("finalized");
    }
    return QString();
}

struct TransactionSender::Watch
{
    SignedTransaction transaction;
    QByteArray hash;
    std::function<void(const WatchUpdate&)> changed;
    Confirmation level = Confirmation::Sent;
    std::optional<Receipt> receipt; // the last one reported as canonical
};

TransactionSender::TransactionSender(ShapeRpc& rpc, QObject* parent) : QObject(parent), m_rpc(rpc)
{}

TransactionSender::~TransactionSender() = default;

void TransactionSender::broadcast(const SignedTransaction& transaction,
                                  std::function<void(const SendOutcome&)> done)
{
    m_rpc.sendRawTransaction(
        transaction.raw(),
        guarded(this, [this, transaction, done](const RpcResult<QByteArray>& sent) {
            if (sent) {
                qCInfo(lcShapeSend).noquote() << "Sent" << transaction.describe();
                return done(SendOutcome{SendOutcome::Status::Accepted, QString(), std::nullopt});
            }
            const RpcError& error = sent.error();
            if (error.kind == RpcError::Kind::JsonRpc) {
                if (mentions(error, {"already known", "already imported", "known transaction"}))
                    return done(SendOutcome{SendOutcome::Status::AlreadyKnown,
                                            QStringLiteral("The node already has transaction %1.")
                                                .arg(toHex(transaction.hash())),
                                            error});
                if (mentions(error, {"nonce too low"}))
                    return classifyNonceTooLow(transaction, error, done);
                if (mentions(error, {"underpriced"}))
                    return done(SendOutcome{
                        SendOutcome::Status::Underpriced,
                        QStringLiteral("Another transaction with nonce %1 from %2 is waiting, and "
                                       "this one does not offer at least 10 % more on both fees; "
                                       "it has to be signed again with raised fees.")
                            .arg(transaction.transaction.nonce)
                            .arg(transaction.sender.toChecksummed()),
                        error});
                if (mentions(error, {"insufficient funds"}))
                    return classifyInsufficientFunds(transaction, error, done);
            }
            qCWarning(lcShapeSend).noquote()
                << "Not sent:" << transaction.describe() << "-" << error.sentence();
            done(SendOutcome{SendOutcome::Status::Failed, error.sentence(), error});
        }));
}

void TransactionSender::classifyNonceTooLow(const SignedTransaction& transaction,
                                            const RpcError& error,
                                            std::function<void(const SendOutcome&)> done)
{
    // Our own transaction, already mined, also makes its nonce "too low": ask by its hash.
    m_rpc.transactionByHash(
        transaction.hash(),
        guarded(this, [transaction, error,
                       done](const RpcResult<std::optional<TransactionInfo>>& known) {
            if (known && *known)
                return done(SendOutcome{SendOutcome::Status::AlreadyKnown,
                                        QStringLiteral("Transaction %1 is already on the chain.")
                                            .arg(toHex(transaction.hash())),
                                        error});
            if (!known)
                return done(SendOutcome{
                    SendOutcome::Status::Failed,
                    QStringLiteral("The node says nonce %1 is used, and whether transaction %2 is "
                                   "the one that used it could not be checked: %3")
                        .arg(transaction.transaction.nonce)
                        .arg(toHex(transaction.hash()), known.error().sentence()),
                    error});
            done(
                SendOutcome{SendOutcome::Status::NonceUsed,
                            QStringLiteral("Nonce %1 of %2 was already used by another "
                                           "transaction, so %3 can never be mined; read the nonce "
                                           "again and sign this step anew.")
                                .arg(transaction.transaction.nonce)
                                .arg(transaction.sender.toChecksummed(), toHex(transaction.hash())),
                            error});
        }));
}

namespace {

// The most `transaction` can cost: gas limit × max fee + value.
U256 maxCostOf(const SignedTransaction& transaction)
{
    const Eip1559Transaction& tx = transaction.transaction;
    const FeePlan fees{tx.maxPriorityFeePerGas, tx.maxFeePerGas};
    return fees.maxCost(tx.gasLimit, tx.value).value_or(U256::max());
}

QString shortfall(const SignedTransaction& transaction, const U256& balance)
{
    const U256 needed = maxCostOf(transaction);
    const U256 missing = needed.checkedSub(balance).value_or(U256());
    return QStringLiteral("The account %1 holds %2 but this transaction needs up to %3 (gas limit "
                          "× max fee + value): send it at least %4 more.")
        .arg(transaction.sender.toChecksummed(), formatEth(balance), formatEth(needed),
             formatEth(missing));
}

} // namespace

void TransactionSender::checkFunds(
    const SignedTransaction& transaction,
    std::function<void(const RpcResult<std::optional<QString>>&)> done)
{
    m_rpc.balance(transaction.sender,
                  guarded(this, [transaction, done](const RpcResult<U256>& balance) {
                      if (!balance)
                          return done(balance.error());
                      if (*balance >= maxCostOf(transaction))
                          return done(std::optional<QString>());
                      done(std::optional<QString>(shortfall(transaction, *balance)));
                  }));
}

void TransactionSender::classifyInsufficientFunds(const SignedTransaction& transaction,
                                                  const RpcError& error,
                                                  std::function<void(const SendOutcome&)> done)
{
    m_rpc.balance(
        transaction.sender,
        guarded(this, [transaction, error, done](const RpcResult<U256>& balance) {
            const QString message =
                balance ? shortfall(transaction, *balance)
                        : QStringLiteral("The account %1 cannot pay this transaction: it needs up "
                                         "to %2 (gas limit × max fee + value). Its balance could "
                                         "not be read: %3")
                              .arg(transaction.sender.toChecksummed(),
                                   formatEth(maxCostOf(transaction)), balance.error().sentence());
            qCWarning(lcShapeSend).noquote() << message;
            done(SendOutcome{SendOutcome::Status::InsufficientFunds, message, error});
        }));
}

void TransactionSender::watch(const SignedTransaction& transaction,
                              std::function<void(const WatchUpdate&)> changed)
{
    auto watch = std::make_shared<Watch>();
    watch->transaction = transaction;
    watch->hash = transaction.hash();
    watch->changed = std::move(changed);
    m_watches[watch->hash] = watch;
    QTimer::singleShot(0, this, [this, watch] {
        if (!isCurrent(watch))
            return;
        report(watch, WatchUpdate{Confirmation::Sent, std::nullopt, QString()});
        poll(watch);
    });
}

void TransactionSender::stopWatching(const QByteArray& hash)
{
    m_watches.erase(hash);
}

bool TransactionSender::isCurrent(const std::shared_ptr<Watch>& watch) const
{
    const auto found = m_watches.find(watch->hash);
    return found != m_watches.end() && found->second == watch;
}

void TransactionSender::schedulePoll(const std::shared_ptr<Watch>& watch)
{
    if (!isCurrent(watch))
        return;
    QTimer::singleShot(m_pollIntervalMs, this, [this, weak = std::weak_ptr<Watch>(watch)] {
        if (const auto watch = weak.lock())
            poll(watch);
    });
}

void TransactionSender::report(const std::shared_ptr<Watch>& watch, WatchUpdate update)
{
    watch->level = update.level;
    if (update.level == Confirmation::Sent)
        watch->receipt.reset();
    else
        watch->receipt = update.receipt;
    qCInfo(lcShapeSend).noquote() << "Transaction" << shortHash(watch->hash) << "is"
                                  << confirmationName(update.level) << update.note;
    const auto changed = watch->changed; // the callback may stop the watch
    changed(update);
}

void TransactionSender::poll(const std::shared_ptr<Watch>& watch)
{
    if (!isCurrent(watch))
        return;
    m_rpc.receipt(
        watch->hash, guarded(this, [this, watch](const RpcResult<std::optional<Receipt>>& receipt) {
            if (!isCurrent(watch))
                return;
            if (!receipt) {
                qCWarning(lcShapeSend).noquote() << "Receipt of" << shortHash(watch->hash)
                                                 << "not read:" << receipt.error().sentence();
                return schedulePoll(watch);
            }
            if (!*receipt) {
                if (watch->level != Confirmation::Sent)
                    return lostReceipt(watch, QStringLiteral("its receipt is gone: block %1 was "
                                                             "reorganised away")
                                                  .arg(watch->receipt->blockNumber));
                return schedulePoll(watch);
            }
            checkCanonical(watch, **receipt);
        }));
}

void TransactionSender::checkCanonical(const std::shared_ptr<Watch>& watch, const Receipt& receipt)
{
    m_rpc.blockByNumber(
        receipt.blockNumber,
        guarded(this, [this, watch, receipt](const RpcResult<std::optional<BlockHeader>>& block) {
            if (!isCurrent(watch))
                return;
            if (!block)
                return schedulePoll(watch);
            if (!*block || (*block)->hash != receipt.blockHash) {
                // A node that still serves the receipt of a block it has replaced: not included.
                if (watch->level != Confirmation::Sent)
                    return lostReceipt(
                        watch,
                        QStringLiteral("block %1 is no longer canonical").arg(receipt.blockNumber));
                return schedulePoll(watch);
            }
            if (watch->level != Confirmation::Sent && watch->receipt &&
                watch->receipt->blockHash != receipt.blockHash) {
                // Mined again in another block after a reorg: it was out, then in again.
                report(watch,
                       WatchUpdate{Confirmation::Sent, std::nullopt,
                                   QStringLiteral("block %1 was replaced (reorg); it is now in "
                                                  "block %2")
                                       .arg(watch->receipt->blockNumber)
                                       .arg(receipt.blockNumber)});
                if (!isCurrent(watch))
                    return;
            }
            checkFinality(watch, receipt);
        }));
}

void TransactionSender::checkFinality(const std::shared_ptr<Watch>& watch, const Receipt& receipt)
{
    const auto reached = [receipt](const RpcResult<std::optional<BlockHeader>>& tag) {
        return tag && *tag && (*tag)->number >= receipt.blockNumber;
    };
    m_rpc.blockByTag(
        QStringLiteral("finalized"),
        guarded(this, [this, watch, receipt,
                       reached](const RpcResult<std::optional<BlockHeader>>& finalized) {
            if (!isCurrent(watch))
                return;
            m_rpc.blockByTag(QStringLiteral("safe"),
                             guarded(this, [this, watch, receipt, reached, finalized](
                                               const RpcResult<std::optional<BlockHeader>>& safe) {
                                 if (!isCurrent(watch))
                                     return;
                                 Confirmation level = Confirmation::Included;
                                 if (reached(finalized))
                                     level = Confirmation::Finalized;
                                 else if (reached(safe))
                                     level = Confirmation::Safe;
                                 // A tag that could not be read this time does not take a level
                                 // back.
                                 if (level < watch->level)
                                     level = watch->level;
                                 if (level != watch->level || !watch->receipt)
                                     report(watch, WatchUpdate{level, receipt, QString()});
                                 if (level == Confirmation::Finalized)
                                     return stopWatching(watch->hash);
                                 schedulePoll(watch);
                             }));
        }));
}

void TransactionSender::lostReceipt(const std::shared_ptr<Watch>& watch, const QString& why)
{
    report(watch, WatchUpdate{Confirmation::Sent, std::nullopt, why});
    if (!isCurrent(watch))
        return;
    // A reorg can drop the transaction from the node altogether: broadcast the same signed bytes
    // again (harmless when it still has them: "already known").
    broadcast(watch->transaction, [this, watch](const SendOutcome& outcome) {
        if (!outcome.succeeded())
            qCWarning(lcShapeSend).noquote() << "Broadcast again after a reorg:" << outcome.message;
        schedulePoll(watch);
    });
}

} // namespace sb::integrations::shape
