#include "FeePlan.h"

#include "ShapeRpc.h"

#include <algorithm>

namespace sb::integrations::shape {

namespace {

// value × 11 / 10, rounded up, and at least value + 1.
std::optional<U256> bumpTenPercent(const U256& value)
{
    const auto times11 = value.checkedMul(11);
    if (!times11)
        return std::nullopt;
    const auto [tenth, remainder] = times11->divMod(10);
    auto bumped =
        remainder == 0 ? std::optional<U256>(tenth) : tenth.checkedAdd(U256::fromUint64(1));
    const auto plusOne = value.checkedAdd(U256::fromUint64(1));
    if (!bumped || !plusOne)
        return std::nullopt;
    return std::max(*bumped, *plusOne);
}

} // namespace

FeePlan FeePlan::fromMarket(const U256& baseFeePerGas, const U256& suggestedTip,
                            const FeeCaps& caps)
{
    FeePlan plan;
    plan.maxPriorityFeePerGas = suggestedTip;
    if (caps.maxPriorityFeePerGas)
        plan.maxPriorityFeePerGas = std::min(plan.maxPriorityFeePerGas, *caps.maxPriorityFeePerGas);
    const auto doubled = baseFeePerGas.checkedMul(2);
    const auto ceiling = doubled ? doubled->checkedAdd(plan.maxPriorityFeePerGas) : std::nullopt;
    plan.maxFeePerGas = ceiling.value_or(U256::max());
    if (caps.maxFeePerGas)
        plan.maxFeePerGas = std::min(plan.maxFeePerGas, *caps.maxFeePerGas);
    plan.maxPriorityFeePerGas = std::min(plan.maxPriorityFeePerGas, plan.maxFeePerGas);
    return plan;
}

std::optional<FeePlan> FeePlan::bumped() const
{
    const auto tip = bumpTenPercent(maxPriorityFeePerGas);
    const auto ceiling = bumpTenPercent(maxFeePerGas);
    if (!tip || !ceiling)
        return std::nullopt;
    return FeePlan{*tip, *ceiling};
}

std::optional<U256> FeePlan::maxCost(std::uint64_t gasLimit, const U256& value) const
{
    const auto gas = maxFeePerGas.checkedMul(gasLimit);
    return gas ? gas->checkedAdd(value) : std::nullopt;
}

void planFees(ShapeRpc& rpc, const FeeCaps& caps,
              std::function<void(const RpcResult<FeePlan>&)> done)
{
    rpc.blockByTag(QStringLiteral("latest"), [&rpc, caps, done](const auto& latest) {
        if (!latest)
            return done(latest.error());
        if (!*latest || !(*latest)->baseFeePerGas)
            return done(RpcError{RpcError::Kind::Garbage,
                                 QStringLiteral("eth_getBlockByNumber"),
                                 0,
                                 0,
                                 QStringLiteral("the latest block has no base fee"),
                                 {}});
        const U256 baseFee = *(*latest)->baseFeePerGas;
        rpc.maxPriorityFeePerGas([baseFee, caps, done](const RpcResult<U256>& tip) {
            if (!tip)
                return done(tip.error());
            done(FeePlan::fromMarket(baseFee, *tip, caps));
        });
    });
}

QString formatEth(const U256& wei)
{
    // 10^18 does not fit the 32-bit divisor: two steps of 10^9.
    const auto [gweiPart, weiDigits] = wei.divMod(1'000'000'000);
    const auto [ethPart, gweiDigits] = gweiPart.divMod(1'000'000'000);
    QString fraction = QStringLiteral("%1%2")
                           .arg(gweiDigits, 9, 10, QLatin1Char('0'))
                           .arg(weiDigits, 9, 10, QLatin1Char('0'));
    while (fraction.endsWith(QLatin1Char('0')))
        fraction.chop(1);
    return fraction.isEmpty() ? QStringLiteral("%1 ETH").arg(ethPart.toDecimal())
                              : QStringLiteral("%1.%2 ETH").arg(ethPart.toDecimal(), fraction);
}

} // namespace sb::integrations::shape
