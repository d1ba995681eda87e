#pragma once
// The studio's JSON-RPC 2.0 client for Shape's node (DESIGN.md, "Shape L2 and settlement"): each
// call goes out over HttpClient (libcurl on its worker thread) with its own id, and its answer
// comes back as a callback on the HttpClient's thread (make both on the one thread that uses
// them, usually the GUI's or the engine's), checked before it is believed:
// the id must match, the result must have the expected shape, and every failure is an RpcError by
// meaning. Nothing here blocks. eth_getLogs is asked in ranges of at most 1,000 blocks (public
// RPCs cap it), one after the other, and the L1 data fee comes from the OP Stack's GasPriceOracle
// predeploy when the chain has one (anvil has not: 0 there).

#include "Address.h"
#include "RpcResult.h"
#include "U256.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonValue>
#include <QObject>
#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace sb::integrations {
class HttpClient;
}

namespace sb::integrations::shape {

// A block's head as far as fees and reorgs need it.
struct BlockHeader
{
    std::uint64_t number = 0;
    QByteArray hash;                   // 32 bytes
    std::optional<U256> baseFeePerGas; // absent before London
};

struct LogEntry
{
    Address address;
    std::vector<QByteArray> topics; // 32 bytes each
    QByteArray data;
    std::uint64_t blockNumber = 0;
    QByteArray blockHash;
    QByteArray transactionHash;
    std::uint64_t logIndex = 0;
    bool removed = false;
};

// eth_getTransactionReceipt's answer. OP Stack nodes add l1Fee, l1GasUsed, l1GasPrice,
// l1FeeScalar... and deposits add depositNonce: read when present, never required.
struct Receipt
{
    QByteArray transactionHash;
    std::uint8_t type = 0;  // 2 for ours, 0x7e for a deposit
    bool succeeded = false; // status 1
    std::uint64_t blockNumber = 0;
    QByteArray blockHash;
    std::uint64_t gasUsed = 0;
    U256 effectiveGasPrice;
    std::optional<Address> contractAddress;
    std::optional<U256> l1Fee; // OP Stack only
    std::vector<LogEntry> logs;
};

// What the node knows of a transaction by its hash (pending or mined).
struct TransactionInfo
{
    QByteArray hash;
    Address from;
    std::uint64_t nonce = 0;
    std::optional<std::uint64_t> blockNumber; // none while pending
};

// The fields of eth_call and eth_estimateGas.
struct CallRequest
{
    std::optional<Address> from;
    std::optional<Address> to; // none: contract creation (estimateGas of a deploy)
    U256 value;
    QByteArray data;
};

struct LogFilter
{
    std::optional<Address> address;
    // topics[i]: the values allowed in position i (empty: any).
    std::vector<std::vector<QByteArray>> topics;
    std::uint64_t fromBlock = 0;
    std::uint64_t toBlock = 0; // inclusive
};

class ShapeRpc : public QObject
{
public:
    // Public RPCs refuse larger eth_getLogs ranges (DESIGN.md).
    static constexpr std::uint64_t kMaxLogRange = 1000;
    // The OP Stack's GasPriceOracle predeploy.
    static const Address& gasPriceOracle();

    template <class T> using Done = std::function<void(const RpcResult<T>&)>;

    // `http` must outlive this object. Answers are dropped once this object is gone.
    ShapeRpc(HttpClient* http, QString url, QObject* parent = nullptr);

    const QString& url() const { return m_url; }
    // The URL as it may be shown or logged: scheme, host and port only. Providers put the API
    // key in the path or the query (…/v2/<KEY>), and a user:password may precede the host.
    static QString displayUrl(const QString& url);
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }
    // Requests sent so far (the tests count eth_getLogs' chunks with it).
    int requestCount() const { return m_requestCount; }

    // Any method: the answer's "result" as it came (null included).
    void call(const QString& method, const QJsonArray& params, Done<QJsonValue> done);

    void chainId(Done<std::uint64_t> done);
    // The chain id when it is `expected`; a Refused error naming both ids otherwise.
    void checkChain(std::uint64_t expected, Done<std::uint64_t> done);
    // The next nonce, counting the node's pending transactions.
    void pendingNonce(const Address& account, Done<std::uint64_t> done);
    void balance(const Address& account, Done<U256> done);
    // "latest", "safe" or "finalized". none when the node does not know the tag (an older node,
    // or a chain without safe blocks yet); a transport or garbage failure is still an error.
    void blockByTag(const QString& tag, Done<std::optional<BlockHeader>> done);
    // none when there is no such block (yet, or any more).
    void blockByNumber(std::uint64_t number, Done<std::optional<BlockHeader>> done);
    void maxPriorityFeePerGas(Done<U256> done);
    void estimateGas(const CallRequest& request, Done<std::uint64_t> done);
    // eth_call on the latest block: the returned bytes.
    void ethCall(const CallRequest& request, Done<QByteArray> done);
    void code(const Address& account, Done<QByteArray> done);
    // The transaction's hash as the node computed it.
    void sendRawTransaction(const QByteArray& raw, Done<QByteArray> done);
    // none while the transaction is pending or unknown.
    void receipt(const QByteArray& hash, Done<std::optional<Receipt>> done);
    void transactionByHash(const QByteArray& hash, Done<std::optional<TransactionInfo>> done);
    // Every log of the filter, asked in ranges of at most kMaxLogRange blocks in order; the first
    // failing range fails the whole call.
    void logs(const LogFilter& filter, Done<std::vector<LogEntry>> done);
    // The L1 data fee of a transaction whose unsigned payload (0x02 ‖ rlp of its fields) is
    // `payload`: GasPriceOracle.getL1Fee(payload) when code exists there, 0 otherwise.
    void l1Fee(const QByteArray& payload, Done<U256> done);

private:
    void fetchLogChunk(const LogFilter& filter, std::uint64_t from,
                       std::shared_ptr<std::vector<LogEntry>> collected,
                       Done<std::vector<LogEntry>> done);

    HttpClient* m_http;
    QString m_url;
    int m_timeoutMs = 15'000;
    std::uint64_t m_nextId = 1;
    int m_requestCount = 0;
};

// Readers of the JSON-RPC shapes, exposed for the tests; each says what was wrong.
namespace rpcjson {
sb::auction::Result<std::uint64_t> quantity(const QJsonValue& value);
sb::auction::Result<U256> bigQuantity(const QJsonValue& value);
sb::auction::Result<QByteArray> bytes(const QJsonValue& value, qsizetype exactSize = -1);
sb::auction::Result<std::optional<BlockHeader>> block(const QJsonValue& value);
sb::auction::Result<std::optional<Receipt>> receipt(const QJsonValue& value);
sb::auction::Result<LogEntry> log(const QJsonValue& value);
} // namespace rpcjson

} // namespace sb::integrations::shape
