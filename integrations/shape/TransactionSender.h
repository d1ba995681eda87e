#pragma once
// Broadcasting a signed transaction and following it until it is final. A send's failure is read
// by its meaning (DESIGN.md): "already known" and a "nonce too low" whose nonce our own transaction
// used (the node knows our hash) are successes — the transaction is there; a nonce used by another
// transaction, a replacement that does not beat the waiting one by 10 %, and too little ETH are
// each a state with a sentence for the operator; anything else is a failure with the node's words.
// Watching polls the receipt and reports each change of level: sent, included (the receipt's block
// is canonical), safe and finalized (the node's "safe"/"finalized" blocks reached it). A receipt
// whose block is no longer canonical, or that disappears, puts the transaction back to "sent"; one
// the node forgot (a reorg that dropped it) is broadcast again from the signed bytes, never
// re-signed.

#include "Eip1559Transaction.h"
#include "ShapeRpc.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace sb::integrations::shape {

struct SendOutcome
{
    enum class Status
    {
        Accepted,          // the node took it now
        AlreadyKnown,      // the node had it already (pooled or mined): fine
        NonceUsed,         // another transaction took this nonce: this one can never be mined
        Underpriced,       // a transaction with this nonce waits with fees not 10 % lower
        InsufficientFunds, // the sender cannot pay gas limit × max fee + value
        Failed,            // the node refused it for another reason, or could not be asked
    };

    Status status = Status::Failed;
    QString message;               // for the operator; empty for Accepted
    std::optional<RpcError> error; // what the node said, when it said no

    bool succeeded() const { return status == Status::Accepted || status == Status::AlreadyKnown; }
};

enum class Confirmation
{
    Sent,      // broadcast, no canonical receipt
    Included,  // in a canonical block
    Safe,      // the node's "safe" block is at or past it (derived from L1 on Shape)
    Finalized, // the node's "finalized" block is at or past it
};
QString confirmationName(Confirmation level);

struct WatchUpdate
{
    Confirmation level = Confirmation::Sent;
    std::optional<Receipt> receipt; // for Included and above
    QString note;                   // why it went back to "sent" (a reorg), or empty
};

class TransactionSender : public QObject
{
public:
    static constexpr int kDefaultPollIntervalMs = 2'000; // Shape's block time

    // `rpc` must outlive this object.
    explicit TransactionSender(ShapeRpc& rpc, QObject* parent = nullptr);
    ~TransactionSender() override;

    void setPollIntervalMs(int intervalMs) { m_pollIntervalMs = intervalMs; }

    // eth_sendRawTransaction of `transaction`, its failure classified.
    void broadcast(const SignedTransaction& transaction,
                   std::function<void(const SendOutcome&)> done);

    // Before a broadcast: none when the sender's balance covers gas limit × max fee + value, the
    // operator's sentence (balance, need, shortfall) when it does not.
    void checkFunds(const SignedTransaction& transaction,
                    std::function<void(const RpcResult<std::optional<QString>>&)> done);

    // Follows `transaction` (already broadcast) until it is finalized: `changed` runs with
    // "sent" first (from the event loop, not inside this call) and then at each change of level.
    void watch(const SignedTransaction& transaction,
               std::function<void(const WatchUpdate&)> changed);
    void stopWatching(const QByteArray& hash);
    int watchCount() const { return int(m_watches.size()); }

private:
    struct Watch;
    void schedulePoll(const std::shared_ptr<Watch>& watch);
    void poll(const std::shared_ptr<Watch>& watch);
    void checkCanonical(const std::shared_ptr<Watch>& watch, const Receipt& receipt);
    void checkFinality(const std::shared_ptr<Watch>& watch, const Receipt& receipt);
    void lostReceipt(const std::shared_ptr<Watch>& watch, const QString& why);
    void report(const std::shared_ptr<Watch>& watch, WatchUpdate update);
    bool isCurrent(const std::shared_ptr<Watch>& watch) const;
    void classifyNonceTooLow(const SignedTransaction& transaction, const RpcError& error,
                             std::function<void(const SendOutcome&)> done);
    void classifyInsufficientFunds(const SignedTransaction& transaction, const RpcError& error,
                                   std::function<void(const SendOutcome&)> done);

    ShapeRpc& m_rpc;
    int m_pollIntervalMs = kDefaultPollIntervalMs;
    std::map<QByteArray, std::shared_ptr<Watch>> m_watches;
};

} // namespace sb::integrations::shape
