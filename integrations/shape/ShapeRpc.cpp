#include "ShapeRpc.h"

#include "Abi.h"
#include "Hex.h"
#include "HttpClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QUrl>

#include <algorithm>

Q_LOGGING_CATEGORY(lcShapeRpc, "sb.shape.rpc")

namespace sb::integrations::shape {

using sb::auction::Result;

namespace rpcjson {

Result<std::uint64_t> quantity(const QJsonValue& value)
{
    const auto big = bigQuantity(value);
    if (!big)
        return Result<std::uint64_t>::failure(big.error());
    const auto small = big->toUint64();
    if (!small)
        return Result<std::uint64_t>::failure(
            QStringLiteral("%1 does not fit in 64 bits").arg(value.toString()));
    return *small;
}

Result<U256> bigQuantity(const QJsonValue& value)
{
    if (!value.isString())
        return Result<U256>::failure(QStringLiteral("a hex quantity was expected"));
    const auto parsed = U256::fromHex(value.toString());
    if (!parsed)
        return Result<U256>::failure(
            QStringLiteral("\"%1\" is not a hex quantity").arg(value.toString().left(80)));
    return *parsed;
}

Result<QByteArray> bytes(const QJsonValue& value, qsizetype exactSize)
{
    const auto parsed = value.isString() ? fromHex(value.toString()) : std::nullopt;
    if (!parsed || (exactSize >= 0 && parsed->size() != exactSize))
        return Result<QByteArray>::failure(
            exactSize >= 0 ? QStringLiteral("%1 hex bytes were expected").arg(exactSize)
                           : QStringLiteral("hex bytes were expected"));
    return *parsed;
}

namespace {

Result<Address> address(const QJsonValue& value)
{
    const auto raw = bytes(value, Address::kSize);
    if (!raw)
        return Result<Address>::failure(QStringLiteral("an address was expected"));
    return *Address::fromBytes(*raw);
}

// Reads field `name` of `object` with `reader`, prefixing a failure with the field's name.
template <class T, class Reader>
Result<T> field(const QJsonObject& object, const char* name, Reader reader)
{
    auto read = reader(object.value(QLatin1String(name)));
    if (!read)
        return Result<T>::failure(QStringLiteral("%1: %2").arg(QLatin1String(name), read.error()));
    return std::move(read).value();
}

} // namespace

Result<std::optional<BlockHeader>> block(const QJsonValue& value)
{
    using R = Result<std::optional<BlockHeader>>;
    if (value.isNull())
        return std::optional<BlockHeader>();
    if (!value.isObject())
        return R::failure(QStringLiteral("a block object was expected"));
    const QJsonObject object = value.toObject();
    BlockHeader header;
    const auto number = field<std::uint64_t>(object, "number", quantity);
    const auto hash = field<QByteArray>(object, "hash", [](auto v) { return bytes(v, 32); });
    if (!number || !hash)
        return R::failure(!number ? number.error() : hash.error());
    header.number = *number;
    header.hash = *hash;
    if (object.contains(QLatin1String("baseFeePerGas"))) {
        const auto fee = field<U256>(object, "baseFeePerGas", bigQuantity);
        if (!fee)
            return R::failure(fee.error());
        header.baseFeePerGas = *fee;
    }
    return std::optional<BlockHeader>(header);
}

Result<LogEntry> log(const QJsonValue& value)
{
    using R = Result<LogEntry>;
    if (!value.isObject())
        return R::failure(QStringLiteral("a log object was expected"));
    const QJsonObject object = value.toObject();
    LogEntry entry;
    const auto from = field<Address>(object, "address", address);
    const auto data = field<QByteArray>(object, "data", [](auto v) { return bytes(v); });
    const auto number = field<std::uint64_t>(object, "blockNumber", quantity);
    const auto blockHash =
        field<QByteArray>(object, "blockHash", [](auto v) { return bytes(v, 32); });
    const auto txHash =
        field<QByteArray>(object, "transactionHash", [](auto v) { return bytes(v, 32); });
    const auto index = field<std::uint64_t>(object, "logIndex", quantity);
    for (const QString* error : {&from.error(), &data.error(), &number.error(), &blockHash.error(),
                                 &txHash.error(), &index.error()}) {
        if (!error->isEmpty())
            return R::failure(*error);
    }
    entry.address = *from;
    entry.data = *data;
    entry.blockNumber = *number;
    entry.blockHash = *blockHash;
    entry.transactionHash = *txHash;
    entry.logIndex = *index;
    entry.removed = object.value(QLatin1String("removed")).toBool(false);
    for (const QJsonValue& topic : object.value(QLatin1String("topics")).toArray()) {
        const auto word = bytes(topic, 32);
        if (!word)
            return R::failure(QStringLiteral("topics: %1").arg(word.error()));
        entry.topics.push_back(*word);
    }
    return entry;
}

Result<std::optional<Receipt>> receipt(const QJsonValue& value)
{
    using R = Result<std::optional<Receipt>>;
    if (value.isNull())
        return std::optional<Receipt>();
    if (!value.isObject())
        return R::failure(QStringLiteral("a receipt object was expected"));
    const QJsonObject object = value.toObject();
    Receipt receipt;
    const auto hash =
        field<QByteArray>(object, "transactionHash", [](auto v) { return bytes(v, 32); });
    const auto number = field<std::uint64_t>(object, "blockNumber", quantity);
    const auto blockHash =
        field<QByteArray>(object, "blockHash", [](auto v) { return bytes(v, 32); });
    const auto gasUsed = field<std::uint64_t>(object, "gasUsed", quantity);
    const auto status = field<std::uint64_t>(object, "status", quantity);
    for (const QString* error :
         {&hash.error(), &number.error(), &blockHash.error(), &gasUsed.error(), &status.error()}) {
        if (!error->isEmpty())
            return R::failure(*error);
    }
    receipt.transactionHash = *hash;
    receipt.blockNumber = *number;
    receipt.blockHash = *blockHash;
    receipt.gasUsed = *gasUsed;
    receipt.succeeded = *status == 1;
    // Deposits and older nodes leave these out; they are read when given.
    if (const auto type = quantity(object.value(QLatin1String("type"))); type && *type < 256)
        receipt.type = std::uint8_t(*type);
    if (const auto price = bigQuantity(object.value(QLatin1String("effectiveGasPrice"))))
        receipt.effectiveGasPrice = *price;
    if (const auto created = address(object.value(QLatin1String("contractAddress"))))
        receipt.contractAddress = *created;
    if (const auto l1Fee = bigQuantity(object.value(QLatin1String("l1Fee"))))
        receipt.l1Fee = *l1Fee;
    for (const QJsonValue& item : object.value(QLatin1String("logs")).toArray()) {
        const auto entry = log(item);
        if (!entry)
            return R::failure(QStringLiteral("logs: %1").arg(entry.error()));
        receipt.logs.push_back(*entry);
    }
    return std::optional<Receipt>(std::move(receipt));
}

} // namespace rpcjson

namespace {

RpcError garbage(const QString& method, const QString& why)
{
    return RpcError{RpcError::Kind::Garbage, method, 0, 0, why, {}};
}

// The "result" of a JSON-RPC 2.0 answer to request `id`, or what was wrong.
RpcResult<QJsonValue> readAnswer(const QString& method, std::uint64_t id,
                                 const HttpResponse& response)
{
    if (!response.error.isEmpty())
        return RpcError{RpcError::Kind::Transport, method, 0, 0, response.error, {}};
    if (response.status < 200 || response.status >= 300) {
        const QString body = QString::fromUtf8(response.body.left(200)).simplified();
        return RpcError{RpcError::Kind::HttpStatus, method, response.status, 0, body, {}};
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return garbage(
            method,
            QStringLiteral("the body is not a JSON object (%1 bytes)").arg(response.body.size()));
    const QJsonObject answer = document.object();
    if (answer.value(QLatin1String("jsonrpc")).toString() != QLatin1String("2.0"))
        return garbage(method, QStringLiteral("it is not JSON-RPC 2.0"));
    if (answer.value(QLatin1String("id")).toInteger(-1) != qint64(id))
        return garbage(method, QStringLiteral("it answers another request's id"));
    if (answer.contains(QLatin1String("error"))) {
        const QJsonObject error = answer.value(QLatin1String("error")).toObject();
        QString message = error.value(QLatin1String("message")).toString();
        if (message.isEmpty())
            message = QStringLiteral("no message");
        RpcError refused{RpcError::Kind::JsonRpc,
                         method,
                         0,
                         error.value(QLatin1String("code")).toInteger(),
                         message,
                         {}};
        // A revert's data: a hex string, or nested one level (some nodes wrap it).
        QJsonValue data = error.value(QLatin1String("data"));
        if (data.isObject())
            data = data.toObject().value(QLatin1String("data"));
        if (data.isString()) {
            if (const auto bytes = fromHex(data.toString()))
                refused.data = *bytes;
        }
        return refused;
    }
    if (!answer.contains(QLatin1String("result")))
        return garbage(method, QStringLiteral("it has neither a result nor an error"));
    return answer.value(QLatin1String("result"));
}

QJsonObject callObject(const CallRequest& request)
{
    QJsonObject object;
    if (request.from)
        object.insert(QStringLiteral("from"), toHex(request.from->bytes()));
    if (request.to)
        object.insert(QStringLiteral("to"), toHex(request.to->bytes()));
    if (!request.value.isZero())
        object.insert(QStringLiteral("value"), request.value.toHex());
    object.insert(QStringLiteral("data"), toHex(request.data));
    return object;
}

QString quantityHex(std::uint64_t value)
{
    return U256::fromUint64(value).toHex();
}

// Calls `method` and hands its result through `convert` (JSON -> Result<T>); a conversion that
// fails makes the call's error a Garbage one.
template <class T, class Convert>
void callAs(ShapeRpc* rpc, const QString& method, const QJsonArray& params, ShapeRpc::Done<T> done,
            Convert convert)
{
    rpc->call(method, params, [method, done, convert](const RpcResult<QJsonValue>& result) {
        if (!result)
            return done(result.error());
        Result<T> converted = convert(*result);
        if (!converted)
            return done(garbage(method, converted.error()));
        done(std::move(converted).value());
    });
}

} // namespace

const Address& ShapeRpc::gasPriceOracle()
{
    static const Address oracle =
        *Address::fromBytes(*fromHex(u"0x420000000000000000000000000000000000000f"));
    return oracle;
}

ShapeRpc::ShapeRpc(HttpClient* http, QString url, QObject* parent)
    : QObject(parent), m_http(http), m_url(std::move(url))
{}

void ShapeRpc::call(const QString& method, const QJsonArray& params, Done<QJsonValue> done)
{
    const std::uint64_t id = m_nextId++;
    ++m_requestCount;
    const QJsonObject body{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                           {QStringLiteral("id"), qint64(id)},
                           {QStringLiteral("method"), method},
                           {QStringLiteral("params"), params}};
    HttpRequest request;
    request.method = "POST";
    request.url = m_url;
    request.headers = {{"Content-Type", "application/json"}};
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.timeoutMs = m_timeoutMs;
    request.connectTimeoutMs = std::min(m_timeoutMs, 5'000);
    m_http->send(request, this, [method, id, done](const HttpResponse& response) {
        RpcResult<QJsonValue> result = readAnswer(method, id, response);
        if (!result && result.error().kind != RpcError::Kind::JsonRpc)
            qCWarning(lcShapeRpc).noquote() << result.error().sentence();
        done(result);
    });
}

void ShapeRpc::chainId(Done<std::uint64_t> done)
{
    callAs<std::uint64_t>(this, QStringLiteral("eth_chainId"), {}, done, rpcjson::quantity);
}

namespace {
QString chainName(std::uint64_t id)
{
    switch (id) {
    case 360:
        return QStringLiteral("chain 360 (Shape mainnet)");
    case 11011:
        return QStringLiteral("chain 11011 (Shape Sepolia)");
    case 31337:
        return QStringLiteral("chain 31337 (a local anvil node)");
    default:
        return QStringLiteral("chain %1").arg(id);
    }
}
} // namespace

QString ShapeRpc::displayUrl(const QString& url)
{
    const QUrl parsed(url);
    if (!parsed.isValid() || parsed.host().isEmpty())
        return QStringLiteral("(an RPC URL that cannot be read)");
    return parsed
        .adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery |
                  QUrl::RemoveFragment)
        .toString();
}

void ShapeRpc::checkChain(std::uint64_t expected, Done<std::uint64_t> done)
{
    chainId([this, expected, done](const RpcResult<std::uint64_t>& result) {
        if (!result || *result == expected)
            return done(result);
        const QString sentence =
            QStringLiteral("The RPC at %1 serves %2, but the studio is set up for %3; it will not "
                           "sign or send anything there.")
                .arg(displayUrl(m_url), chainName(*result), chainName(expected));
        qCWarning(lcShapeRpc).noquote() << sentence;
        done(RpcError{RpcError::Kind::Refused, QStringLiteral("eth_chainId"), 0, 0, sentence, {}});
    });
}

void ShapeRpc::pendingNonce(const Address& account, Done<std::uint64_t> done)
{
    callAs<std::uint64_t>(this, QStringLiteral("eth_getTransactionCount"),
                          {toHex(account.bytes()), QStringLiteral("pending")}, done,
                          rpcjson::quantity);
}

void ShapeRpc::balance(const Address& account, Done<U256> done)
{
    callAs<U256>(this, QStringLiteral("eth_getBalance"),
                 {toHex(account.bytes()), QStringLiteral("latest")}, done, rpcjson::bigQuantity);
}

void ShapeRpc::blockByTag(const QString& tag, Done<std::optional<BlockHeader>> done)
{
    const bool optionalTag = tag != QLatin1String("latest");
    call(QStringLiteral("eth_getBlockByNumber"), {tag, false},
         [done, optionalTag](const RpcResult<QJsonValue>& result) {
             // A node without safe or finalized blocks refuses the tag (geth before the merge,
             // some L2 RPCs): that is "not known", not a failure.
             if (!result && result.error().kind == RpcError::Kind::JsonRpc && optionalTag)
                 return done(std::optional<BlockHeader>());
             if (!result)
                 return done(result.error());
             auto header = rpcjson::block(*result);
             if (!header)
                 return done(garbage(QStringLiteral("eth_getBlockByNumber"), header.error()));
             done(*header);
         });
}

void ShapeRpc::blockByNumber(std::uint64_t number, Done<std::optional<BlockHeader>> done)
{
    callAs<std::optional<BlockHeader>>(this, QStringLiteral("eth_getBlockByNumber"),
                                       {quantityHex(number), false}, done, rpcjson::block);
}

void ShapeRpc::maxPriorityFeePerGas(Done<U256> done)
{
    callAs<U256>(this, QStringLiteral("eth_maxPriorityFeePerGas"), {}, done, rpcjson::bigQuantity);
}

void ShapeRpc::estimateGas(const CallRequest& request, Done<std::uint64_t> done)
{
    callAs<std::uint64_t>(this, QStringLiteral("eth_estimateGas"), {callObject(request)}, done,
                          rpcjson::quantity);
}

void ShapeRpc::ethCall(const CallRequest& request, Done<QByteArray> done)
{
    callAs<QByteArray>(this, QStringLiteral("eth_call"),
                       {callObject(request), QStringLiteral("latest")}, done,
                       [](const QJsonValue& v) { return rpcjson::bytes(v); });
}

void ShapeRpc::code(const Address& account, Done<QByteArray> done)
{
    callAs<QByteArray>(this, QStringLiteral("eth_getCode"),
                       {toHex(account.bytes()), QStringLiteral("latest")}, done,
                       [](const QJsonValue& v) { return rpcjson::bytes(v); });
}

void ShapeRpc::sendRawTransaction(const QByteArray& raw, Done<QByteArray> done)
{
    callAs<QByteArray>(this, QStringLiteral("eth_sendRawTransaction"), {toHex(raw)}, done,
                       [](const QJsonValue& v) { return rpcjson::bytes(v, 32); });
}

void ShapeRpc::receipt(const QByteArray& hash, Done<std::optional<Receipt>> done)
{
    // A receipt for another transaction (a broken or lying node) is no answer about this one.
    callAs<std::optional<Receipt>>(
        this, QStringLiteral("eth_getTransactionReceipt"), {toHex(hash)}, done,
        [hash](const QJsonValue& value) {
            auto parsed = rpcjson::receipt(value);
            if (parsed && *parsed && (**parsed).transactionHash != hash)
                return Result<std::optional<Receipt>>::failure(
                    QStringLiteral("a receipt for another transaction (%1)")
                        .arg(toHex((**parsed).transactionHash)));
            return parsed;
        });
}

void ShapeRpc::transactionByHash(const QByteArray& hash, Done<std::optional<TransactionInfo>> done)
{
    using R = Result<std::optional<TransactionInfo>>;
    callAs<std::optional<TransactionInfo>>(
        this, QStringLiteral("eth_getTransactionByHash"), {toHex(hash)}, done,
        [asked = hash](const QJsonValue& value) -> R {
            if (value.isNull())
                return std::optional<TransactionInfo>();
            const QJsonObject object = value.toObject();
            const auto hash = rpcjson::bytes(object.value(QLatin1String("hash")), 32);
            const auto from = rpcjson::bytes(object.value(QLatin1String("from")), Address::kSize);
            const auto nonce = rpcjson::quantity(object.value(QLatin1String("nonce")));
            if (!hash || !from || !nonce)
                return R::failure(QStringLiteral("a transaction with hash, from and nonce was "
                                                 "expected"));
            if (*hash != asked)
                return R::failure(
                    QStringLiteral("another transaction (%1) was answered").arg(toHex(*hash)));
            TransactionInfo info{*hash, *Address::fromBytes(*from), *nonce, std::nullopt};
            if (const auto number = rpcjson::quantity(object.value(QLatin1String("blockNumber"))))
                info.blockNumber = *number;
            return std::optional<TransactionInfo>(info);
        });
}

void ShapeRpc::logs(const LogFilter& filter, Done<std::vector<LogEntry>> done)
{
    if (filter.toBlock < filter.fromBlock)
        return done(std::vector<LogEntry>());
    fetchLogChunk(filter, filter.fromBlock, std::make_shared<std::vector<LogEntry>>(), done);
}

void ShapeRpc::fetchLogChunk(const LogFilter& filter, std::uint64_t from,
                             std::shared_ptr<std::vector<LogEntry>> collected,
                             Done<std::vector<LogEntry>> done)
{
    const std::uint64_t to = std::min(filter.toBlock, from + kMaxLogRange - 1);
    QJsonObject query{{QStringLiteral("fromBlock"), quantityHex(from)},
                      {QStringLiteral("toBlock"), quantityHex(to)}};
    if (filter.address)
        query.insert(QStringLiteral("address"), toHex(filter.address->bytes()));
    if (!filter.topics.empty()) {
        QJsonArray topics;
        for (const auto& choices : filter.topics) {
            QJsonArray values;
            for (const QByteArray& topic : choices)
                values.append(toHex(topic));
            topics.append(choices.empty() ? QJsonValue() : QJsonValue(values));
        }
        query.insert(QStringLiteral("topics"), topics);
    }
    call(QStringLiteral("eth_getLogs"), {query},
         [this, filter, from, to, collected, done](const RpcResult<QJsonValue>& result) {
             if (!result)
                 return done(result.error());
             const QString method = QStringLiteral("eth_getLogs");
             if (!result->isArray())
                 return done(garbage(method, QStringLiteral("a list of logs was expected")));
             for (const QJsonValue& item : result->toArray()) {
                 const auto entry = rpcjson::log(item);
                 if (!entry)
                     return done(garbage(method, entry.error()));
                 // Only what was asked for: a node that ignores the filter must not hand over
                 // another contract's events (anyone can emit a look-alike Claimed) or blocks
                 // outside the range.
                 if ((filter.address && entry->address != *filter.address) ||
                     entry->blockNumber < from || entry->blockNumber > to)
                     continue;
                 collected->push_back(*entry);
             }
             if (to >= filter.toBlock)
                 return done(*collected);
             fetchLogChunk(filter, to + 1, collected, done);
         });
}

void ShapeRpc::l1Fee(const QByteArray& payload, Done<U256> done)
{
    code(gasPriceOracle(), [this, payload, done](const RpcResult<QByteArray>& code) {
        if (!code)
            return done(code.error());
        if (code->isEmpty())
            return done(U256()); // not an OP Stack chain (anvil): no L1 data fee
        CallRequest request;
        request.to = gasPriceOracle();
        request.data = Abi::encodeCall("getL1Fee(bytes)", {AbiValue::bytes(payload)});
        ethCall(request, [done](const RpcResult<QByteArray>& answer) {
            if (!answer)
                return done(answer.error());
            const auto fee = Abi::decodeUint(*answer, 0);
            if (!fee)
                return done(garbage(QStringLiteral("eth_call"),
                                    QStringLiteral("getL1Fee: %1").arg(fee.error())));
            done(*fee);
        });
    });
}

} // namespace sb::integrations::shape
