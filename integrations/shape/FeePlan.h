#pragma once
// The fees an EIP-1559 transaction offers: a tip (maxPriorityFeePerGas) and a ceiling
// (maxFeePerGas). The tip is the node's eth_maxPriorityFeePerGas, never above the operator's cap;
// the ceiling is twice the latest base fee plus the tip, which stays valid through six full blocks
// of base fee rises (12.5 % each), never above the operator's cap either. A transaction stuck
// below the market is replaced by the same nonce with both fees raised by at least 10 % (what
// nodes require: "replacement transaction underpriced" otherwise), rounded up.

#include "RpcResult.h"
#include "U256.h"

#include <functional>
#include <optional>

namespace sb::integrations::shape {

class ShapeRpc;

struct FeeCaps
{
    std::optional<U256> maxPriorityFeePerGas; // wei; none: no cap
    std::optional<U256> maxFeePerGas;         // wei; none: no cap
};

struct FeePlan
{
    U256 maxPriorityFeePerGas; // wei
    U256 maxFeePerGas;         // wei

    // From the latest block's base fee and the node's suggested tip, under `caps`. The tip is
    // never above the ceiling.
    static FeePlan fromMarket(const U256& baseFeePerGas, const U256& suggestedTip,
                              const FeeCaps& caps);
    // The plan for a replacement of a transaction sent with this one: each fee × 1.1 rounded up
    // and at least one wei more. Caps do not apply: a replacement the node refuses helps nobody,
    // so the caller decides whether to exceed them (none when a fee would not fit 256 bits).
    std::optional<FeePlan> bumped() const;
    // Wei a transaction of `gasLimit` may cost at most at these fees, plus `value`.
    std::optional<U256> maxCost(std::uint64_t gasLimit, const U256& value) const;

    friend bool operator==(const FeePlan&, const FeePlan&) = default;
};

// Asks the node for the latest base fee and the suggested tip and makes a plan under `caps`.
void planFees(ShapeRpc& rpc, const FeeCaps& caps,
              std::function<void(const RpcResult<FeePlan>&)> done);

// "0.000021 ETH" for an amount of wei (exact, trailing zeros dropped).
QString formatEth(const U256& wei);

} // namespace sb::integrations::shape
