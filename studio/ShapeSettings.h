#pragma once
// Settlement on Shape as the operator sets it up (Settings → Shape): which chain, the RPC to ask,
// the auction house's address, each buyer's time to pay, the fee cap, and whether winners settle
// on chain at all. Kept in studio.ini's [shape] section by StudioSettings. No secret is a field:
// the operator key lives only in the OS keychain (integrations/shape/OperatorKey); its address is
// kept here to be shown without asking the keychain.

#include <QSettings>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace sb::studio {

struct ShapeSettings
{
    enum class Network
    {
        Mainnet, // Shape, chain 360
        Sepolia, // Shape Sepolia, chain 11011
        Custom,  // any RPC, with its chain id (a local anvil, another OP Stack chain)
    };
    static constexpr std::uint64_t kMainnetChainId = 360;
    static constexpr std::uint64_t kSepoliaChainId = 11011;
    static constexpr int kDefaultDeadlineHours = 24;

    Network network = Network::Sepolia;
    QString rpcUrl;                  // empty: the network's public RPC (Custom: required)
    std::uint64_t customChainId = 0; // Custom only
    QString contractAddress;         // the auction house, EIP-55; empty: not deployed yet
    std::uint64_t contractBlock = 0; // the block it was deployed in: where claims are looked for
    QString operatorAddress;         // the operator key's address, EIP-55 (the key is not here)
    int deadlineHours = kDefaultDeadlineHours; // each buyer's time to pay
    QString maxFeeGwei = QStringLiteral("10"); // fee cap (maxFeePerGas) in gwei; empty: none
    bool settlementEnabled = false;

    friend bool operator==(const ShapeSettings&, const ShapeSettings&) = default;

    std::uint64_t chainId() const;
    // The RPC that is asked: rpcUrl, or the network's public one.
    QString effectiveRpcUrl() const;
    static QString defaultRpcUrl(Network network); // empty for Custom
    static QString networkName(Network network);   // "mainnet", "sepolia", "custom"
    static std::optional<Network> networkFromName(const QString& name);
    // The explorer's page of a transaction (hash as 0x + 64 hex digits); empty where the chain
    // has no known explorer (Custom).
    QString explorerTxUrl(const QString& txHash) const;
    static QString explorerTxUrl(std::uint64_t chainId, const QString& txHash);
    // The fee cap in wei; nullopt when there is none (or it does not read; see validationErrors).
    std::optional<std::uint64_t> maxFeeWei() const;
    // Settlement can run: enabled, an RPC, a chain id, a contract and an operator address.
    bool isConfigured() const;

    // What is wrong, one sentence per problem; empty when valid.
    static QStringList validationErrors(const ShapeSettings& settings);

    // The [shape] section; a bad section loads as defaults with *problems said.
    static ShapeSettings load(QSettings& ini, QStringList* problems);
    void save(QSettings& ini) const;
};

} // namespace sb::studio
