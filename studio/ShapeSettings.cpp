#include "ShapeSettings.h"

#include "WalletAddress.h"

#include <QCoreApplication>
#include <QUrl>

namespace sb::studio {

using namespace Qt::StringLiterals;

namespace {

// Whole wei of a decimal amount of gwei ("0.05", "10"): at most 9 decimals, nothing but digits
// and one point; nullopt otherwise or above 2^64 wei.
std::optional<std::uint64_t> weiOfGwei(const QString& text)
{
    const QString trimmed = text.trimmed();
    const qsizetype point = trimmed.indexOf(u'.');
    const QString whole = point < 0 ? trimmed : trimmed.left(point);
    QString fraction = point < 0 ? QString() : trimmed.mid(point + 1);
    if ((whole.isEmpty() && fraction.isEmpty()) || fraction.size() > 9)
        return std::nullopt;
    for (const QString& part : {whole, fraction})
        for (QChar c : part)
            if (c < u'0' || c > u'9')
                return std::nullopt;
    if (whole.size() > 9)
        return std::nullopt;
    fraction = fraction.leftJustified(9, u'0');
    const std::uint64_t wei =
        (whole.isEmpty() ? 0 : whole.toULongLong()) * 1'000'000'000ULL + fraction.toULongLong();
    return wei;
}

} // namespace

std::uint64_t ShapeSettings::chainId() const
{
    switch (network) {
    case Network::Mainnet:
        return kMainnetChainId;
    case Network::Sepolia:
        return kSepoliaChainId;
    case Network::Custom:
        return customChainId;
    }
    return 0;
}

QString ShapeSettings::defaultRpcUrl(Network network)
{
    switch (network) {
    case Network::Mainnet:
        return u"https://mainnet.shape.network"_s;
    case Network::Sepolia:
        return u"https://sepolia.shape.network"_s;
    case Network::Custom:
        break;
    }
    return QString();
}

QString ShapeSettings::effectiveRpcUrl() const
{
    return rpcUrl.trimmed().isEmpty() ? defaultRpcUrl(network) : rpcUrl.trimmed();
}

QString ShapeSettings::networkName(Network network)
{
    switch (network) {
    case Network::Mainnet:
        return u"mainnet"_s;
    case Network::Sepolia:
        return u"sepolia"_s;
    case Network::Custom:
        return u"custom"_s;
    }
    return QString();
}

std::optional<ShapeSettings::Network> ShapeSettings::networkFromName(const QString& name)
{
    for (Network network : {Network::Mainnet, Network::Sepolia, Network::Custom})
        if (networkName(network) == name)
            return network;
    return std::nullopt;
}

QString ShapeSettings::explorerTxUrl(std::uint64_t chainId, const QString& txHash)
{
    if (txHash.isEmpty())
        return QString();
    if (chainId == kMainnetChainId)
        return u"https://shapescan.xyz/tx/"_s + txHash;
    if (chainId == kSepoliaChainId)
        return u"https://sepolia.shapescan.xyz/tx/"_s + txHash;
    return QString();
}

QString ShapeSettings::explorerTxUrl(const QString& txHash) const
{
    return explorerTxUrl(chainId(), txHash);
}

std::optional<std::uint64_t> ShapeSettings::maxFeeWei() const
{
    if (maxFeeGwei.trimmed().isEmpty())
        return std::nullopt;
    return weiOfGwei(maxFeeGwei);
}

bool ShapeSettings::isConfigured() const
{
    return settlementEnabled && validationErrors(*this).isEmpty() && chainId() != 0 &&
           !effectiveRpcUrl().isEmpty() && !contractAddress.isEmpty() && !operatorAddress.isEmpty();
}

QStringList ShapeSettings::validationErrors(const ShapeSettings& s)
{
    QStringList problems;
    if (s.network == Network::Custom) {
        if (s.customChainId == 0)
            problems << QCoreApplication::translate(
                "ShapeSettings", "A custom network needs its chain id (a whole number above 0).");
        if (s.rpcUrl.trimmed().isEmpty())
            problems << QCoreApplication::translate("ShapeSettings",
                                                    "A custom network needs its RPC URL.");
    }
    if (!s.rpcUrl.trimmed().isEmpty()) {
        const QUrl url(s.rpcUrl.trimmed(), QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s) ||
            url.host().isEmpty())
            problems << QCoreApplication::translate(
                "ShapeSettings", "The RPC URL must be an http:// or https:// address.");
    }
    for (const auto& [text, what] :
         {std::pair{s.contractAddress, QCoreApplication::translate("ShapeSettings", "contract")},
          std::pair{s.operatorAddress, QCoreApplication::translate("ShapeSettings", "operator")}}) {
        if (text.isEmpty())
            continue;
        QString why;
        const std::optional<QString> checked = sb::auction::WalletAddress::checksummed(text, &why);
        if (!checked)
            problems << QCoreApplication::translate("ShapeSettings",
                                                    "The %1 address is not valid: %2")
                            .arg(what, why);
    }
    if (s.deadlineHours < 1 || s.deadlineHours > 24 * 14)
        problems << QCoreApplication::translate(
            "ShapeSettings", "The deadline to pay is from 1 hour to 14 days (336 hours).");
    if (!s.maxFeeGwei.trimmed().isEmpty() && !weiOfGwei(s.maxFeeGwei).value_or(0))
        problems << QCoreApplication::translate(
            "ShapeSettings", "The fee cap is an amount of gwei above 0, with at most 9 decimals "
                             "(e.g. 0.05).");
    return problems;
}

ShapeSettings ShapeSettings::load(QSettings& ini, QStringList* problems)
{
    ShapeSettings s;
    ini.beginGroup(u"shape"_s);
    const std::optional<Network> network =
        networkFromName(ini.value(u"network"_s, networkName(s.network)).toString());
    s.network = network.value_or(s.network);
    s.rpcUrl = ini.value(u"rpc_url"_s).toString();
    s.customChainId = ini.value(u"chain_id"_s, 0).toULongLong();
    s.contractAddress = ini.value(u"contract"_s).toString();
    s.contractBlock = ini.value(u"contract_block"_s, 0).toULongLong();
    s.operatorAddress = ini.value(u"operator_address"_s).toString();
    s.deadlineHours = ini.value(u"deadline_hours"_s, s.deadlineHours).toInt();
    s.maxFeeGwei = ini.value(u"max_fee_gwei"_s, s.maxFeeGwei).toString();
    s.settlementEnabled = ini.value(u"settlement"_s, false).toBool();
    ini.endGroup();
    QStringList wrong = validationErrors(s);
    if (!network)
        wrong.prepend(QCoreApplication::translate("ShapeSettings",
                                                  "The network is not one the studio knows."));
    if (!wrong.isEmpty()) {
        if (problems)
            *problems << QCoreApplication::translate(
                             "ShapeSettings", "The Shape settings were invalid and were reset: %1")
                             .arg(wrong.join(u' '));
        return ShapeSettings();
    }
    // Kept in their checksummed form.
    if (!s.contractAddress.isEmpty())
        s.contractAddress = *sb::auction::WalletAddress::checksummed(s.contractAddress);
    if (!s.operatorAddress.isEmpty())
        s.operatorAddress = *sb::auction::WalletAddress::checksummed(s.operatorAddress);
    return s;
}

void ShapeSettings::save(QSettings& ini) const
{
    ini.beginGroup(u"shape"_s);
    ini.setValue(u"network"_s, networkName(network));
    ini.setValue(u"rpc_url"_s, rpcUrl);
    ini.setValue(u"chain_id"_s, QString::number(customChainId));
    ini.setValue(u"contract"_s, contractAddress);
    ini.setValue(u"contract_block"_s, QString::number(contractBlock));
    ini.setValue(u"operator_address"_s, operatorAddress);
    ini.setValue(u"deadline_hours"_s, deadlineHours);
    ini.setValue(u"max_fee_gwei"_s, maxFeeGwei);
    ini.setValue(u"settlement"_s, settlementEnabled);
    ini.endGroup();
}

} // namespace sb::studio
