#pragma once
// What the chain suites and bench_settlement share: running the event loop until an answer came,
// waiting for one asynchronous ShapeRpc call, and sending a contract call from a dev key until it
// is included (the buyer's claim, a deployment), the way a wallet would.

#include "AuctionHouse.h"
#include "FeePlan.h"
#include "Secp256k1Key.h"
#include "ShapeRpc.h"
#include "TransactionSender.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonArray>

#include <memory>
#include <optional>

namespace shapetest {

using namespace sb::integrations::shape;

// Runs the event loop until `done` holds; the deadline only guards against a hang.
template <class Predicate> bool spinUntil(Predicate done, int timeoutMs = 150'000)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    return done();
}

// The failure's sentence for a test message (QVERIFY2 evaluates it either way), or nothing.
template <class T> QByteArray why(const RpcResult<T>& result)
{
    return result.ok() ? QByteArray() : result.error().sentence().toUtf8();
}

// Starts an asynchronous call and waits for its callback.
template <class T, class Start> RpcResult<T> waitFor(Start start)
{
    auto answer = std::make_shared<std::optional<RpcResult<T>>>();
    start([answer](const RpcResult<T>& result) { answer->emplace(result); });
    if (!spinUntil([&] { return answer->has_value(); }))
        return RpcError{RpcError::Kind::Transport,
                        QStringLiteral("test"),
                        0,
                        0,
                        QStringLiteral("no callback"),
                        {}};
    return **answer;
}

// A JSON-RPC call's result (anvil's evm_* and anvil_* included), undefined when it failed.
inline QJsonValue rawCall(ShapeRpc& rpc, const QString& method, const QJsonArray& params = {})
{
    const auto result =
        waitFor<QJsonValue>([&](auto done) { rpc.call(method, params, std::move(done)); });
    return result ? *result : QJsonValue(QJsonValue::Undefined);
}

// Signs a call of `data` to `to` with `value` from `key` (gas estimated, market fees), sends it
// and waits until it is included: its receipt, or the node's refusal (a revert's estimate
// included).
inline RpcResult<Receipt> sendAndWait(ShapeRpc& rpc, const Secp256k1Key& key, const Address& to,
                                      const QByteArray& data, const U256& value = U256(),
                                      std::uint64_t chainId = 31337)
{
    const auto nonce =
        waitFor<std::uint64_t>([&](auto done) { rpc.pendingNonce(key.address(), done); });
    if (!nonce)
        return nonce.error();
    const auto fees = waitFor<FeePlan>([&](auto done) { planFees(rpc, FeeCaps{}, done); });
    if (!fees)
        return fees.error();
    CallRequest request;
    request.from = key.address();
    request.to = to;
    request.value = value;
    request.data = data;
    const auto gas = waitFor<std::uint64_t>([&](auto done) { rpc.estimateGas(request, done); });
    if (!gas)
        return gas.error();
    Eip1559Transaction tx;
    tx.chainId = chainId;
    tx.nonce = *nonce;
    tx.maxPriorityFeePerGas = fees->maxPriorityFeePerGas;
    tx.maxFeePerGas = fees->maxFeePerGas;
    tx.gasLimit = *gas + *gas / 5;
    tx.to = to;
    tx.value = value;
    tx.data = data;
    const SignedTransaction signedTx = tx.sign(key).value();
    const auto sent =
        waitFor<QByteArray>([&](auto done) { rpc.sendRawTransaction(signedTx.raw(), done); });
    if (!sent)
        return sent.error();
    std::optional<Receipt> receipt;
    spinUntil([&] {
        const auto r =
            waitFor<std::optional<Receipt>>([&](auto done) { rpc.receipt(signedTx.hash(), done); });
        if (r && *r)
            receipt = **r;
        return receipt.has_value();
    });
    if (!receipt)
        return RpcError{RpcError::Kind::Transport,
                        QStringLiteral("test"),
                        0,
                        0,
                        QStringLiteral("not included"),
                        {}};
    return *receipt;
}

// Deploys the auction house from `key` (operator and treasury as given) and waits for it.
inline RpcResult<Address> deployHouse(ShapeRpc& rpc, const Secp256k1Key& key,
                                      const Address& treasury, const Address& operatorAddress)
{
    DeployOptions options;
    options.chainId = 31337;
    options.treasury = treasury;
    options.operatorAddress = operatorAddress;
    const auto deployed = waitFor<Deployment>(
        [&](auto done) { AuctionHouse::deploy(rpc, key, options, std::move(done)); });
    if (!deployed)
        return deployed.error();
    return *deployed->address;
}

} // namespace shapetest
