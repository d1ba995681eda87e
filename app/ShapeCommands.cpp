#include "ShapeCommands.h"

#include "AuctionHouse.h"
#include "AuctionStore.h"
#include "CliCommands.h"
#include "FeePlan.h"
#include "Hex.h"
#include "HttpClient.h"
#include "OperatorKey.h"
#include "SecretStore.h"
#include "Settlement.h"
#include "ShapeRpc.h"
#include "ShapeSettings.h"
#include "StudioSettings.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <QTimer>

#include <cstdio>
#include <iostream>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif
#include <optional>
#include <string>

namespace sb::app {

using namespace sb::integrations;
using namespace sb::integrations::shape;
using sb::auction::AuctionStore;
using sb::auction::ChainTransaction;
using sb::auction::Settlement;

namespace {

void say(const QString& line, FILE* to = stdout)
{
    std::fprintf(to, "%s\n", line.toUtf8().constData());
    std::fflush(to);
}

bool parse(QCommandLineParser& parser, const QString& command, const QStringList& args,
           int* exitCode)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(QStringList{QStringLiteral("sothebais-studio ") + command} + args)) {
        *exitCode = usageError(parser.errorText());
        return false;
    }
    return true;
}

// Reads a key from a file or stdin (the first line), wiping what it no longer needs.
std::optional<QString> readKeyText(const QString& keyFile, QString* error)
{
    if (!keyFile.isEmpty()) {
        QFile file(keyFile);
        if (!file.open(QIODevice::ReadOnly)) {
            *error =
                QCoreApplication::translate("ShapeCli", "The key file %1 could not be read: %2")
                    .arg(keyFile, file.errorString());
            return std::nullopt;
        }
        QByteArray bytes = file.read(4096);
        QString text = QString::fromUtf8(bytes).section(u'\n', 0, 0);
        bytes.fill('\0');
        return text;
    }
    std::string line;
#ifdef Q_OS_UNIX
    // Typed at a terminal: asked for, and not echoed (nor left on the screen).
    termios saved{};
    const bool terminal = ::isatty(STDIN_FILENO) && ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal) {
        say(QCoreApplication::translate(
                "ShapeCli", "Paste the operator's private key and press Enter (it is not shown):"),
            stderr);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::getline(std::cin, line);
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fputc('\n', stderr);
    }
#else
    std::getline(std::cin, line);
#endif
    QString text = QString::fromStdString(line);
    std::fill(line.begin(), line.end(), '\0');
    return text;
}

} // namespace

Result<Secp256k1Key> loadOperatorKey(const QString& keyFile)
{
    if (!keyFile.isEmpty()) {
        QString error;
        std::optional<QString> text = readKeyText(keyFile, &error);
        if (!text)
            return Result<Secp256k1Key>::failure(error);
        auto hex = OperatorKey::normalizedHex(*text);
        wipeSecretText(*text);
        if (!hex)
            return Result<Secp256k1Key>::failure(hex.error());
        auto key = Secp256k1Key::fromHex(*hex);
        wipeSecretText(*hex);
        return key;
    }
    SecretStore keychain;
    OperatorKey store(keychain);
    auto loaded = store.load();
    if (!loaded)
        return Result<Secp256k1Key>::failure(loaded.error());
    if (!loaded->has_value())
        return Result<Secp256k1Key>::failure(QCoreApplication::translate(
            "ShapeCli",
            "No operator key in the keychain: make one with `sothebais-studio wallet new` "
            "or import one with `sothebais-studio wallet import`."));
    return std::move(**loaded);
}

namespace {

// Keeps the address in studio.ini (Settings → Shape shows it); a failure is only said.
void rememberOperatorAddress(const QString& configDir, const Address& address)
{
    sb::studio::StudioSettings settings(configDir);
    sb::studio::ShapeSettings shape = settings.shape();
    shape.operatorAddress = address.toChecksummed();
    QString error;
    if (!settings.setShape(shape, &error) || !settings.save(&error))
        say(QCoreApplication::translate("ShapeCli",
                                        "The address could not be written to the settings: %1")
                .arg(error),
            stderr);
}

QString utcText(std::int64_t ms)
{
    return ms <= 0 ? QString()
                   : QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODate);
}

QString hashText(const QByteArray& hash)
{
    return hash.isEmpty() ? QString() : toHex(hash);
}

QJsonObject transactionJson(const ChainTransaction& tx)
{
    QJsonObject o{
        {QStringLiteral("step"), tx.step},
        {QStringLiteral("turn"), tx.turn},
        {QStringLiteral("state"), sb::auction::chainTxStateName(tx.state)},
        {QStringLiteral("hash"), hashText(tx.hash)},
        {QStringLiteral("nonce"), QString::number(tx.nonce)},
        {QStringLiteral("chain_id"), QString::number(tx.chainId)},
    };
    if (tx.blockNumber)
        o.insert(QStringLiteral("block"), QString::number(*tx.blockNumber));
    if (!tx.error.isEmpty())
        o.insert(QStringLiteral("error"), tx.error);
    const QString url = sb::studio::ShapeSettings::explorerTxUrl(tx.chainId, hashText(tx.hash));
    if (!url.isEmpty())
        o.insert(QStringLiteral("explorer"), url);
    return o;
}

QJsonObject settlementJson(const Settlement& s, const QList<ChainTransaction>& txs)
{
    QJsonObject o{
        {QStringLiteral("auction"), s.auctionIndex},
        {QStringLiteral("token_id"), QString::number(Settlement::auctionIdOf(s.auctionIndex))},
        {QStringLiteral("stage"), sb::auction::settlementStageName(s.stage)},
        {QStringLiteral("turn"), s.turn},
        {QStringLiteral("buyer"), s.bidderName},
        {QStringLiteral("wallet"), s.buyerAddress},
        {QStringLiteral("price"), s.price.toEthString()},
        {QStringLiteral("deadline_utc"), utcText(s.deadlineUtcMs)},
    };
    if (!s.claimTxHash.isEmpty())
        o.insert(QStringLiteral("claim_tx"), hashText(s.claimTxHash));
    if (!s.paidByAddress.isEmpty())
        o.insert(QStringLiteral("paid_by"), s.paidByAddress);
    if (!s.error.isEmpty())
        o.insert(QStringLiteral("error"), s.error);
    QJsonArray list;
    for (const ChainTransaction& tx : txs)
        list.append(transactionJson(tx));
    o.insert(QStringLiteral("transactions"), list);
    return o;
}

int runStatus(const QCommandLineParser& parser)
{
    const QString db = parser.value(QStringLiteral("db"));
    if (db.isEmpty())
        return usageError(QCoreApplication::translate("ShapeCli", "shape status needs --db FILE."));
    if (!QFileInfo::exists(db))
        return usageError(QCoreApplication::translate("ShapeCli", "No database at %1.").arg(db));
    // Read-only: WAL lets this run beside a marathon that is writing.
    AuctionStore store;
    QString error;
    if (!store.openReadOnly(db, &error))
        return usageError(error);
    const auto settlements = store.settlements();
    if (!settlements)
        return usageError(settlements.error());
    const auto transactions = store.chainTransactions();
    if (!transactions)
        return usageError(transactions.error());
    const bool json = parser.isSet(QStringLiteral("json"));
    if (settlements->isEmpty() && !json)
        say(QCoreApplication::translate("ShapeCli", "No settlement has started in this marathon."));
    for (const Settlement& s : *settlements) {
        QList<ChainTransaction> txs;
        for (const ChainTransaction& tx : *transactions)
            if (tx.auctionIndex == s.auctionIndex)
                txs.append(tx);
        if (json) {
            say(QString::fromUtf8(
                QJsonDocument(settlementJson(s, txs)).toJson(QJsonDocument::Compact)));
            continue;
        }
        say(QCoreApplication::translate("ShapeCli", "Auction #%1: %2")
                .arg(s.auctionIndex + 1)
                .arg(sb::auction::settlementStageName(s.stage)));
        say(QCoreApplication::translate("ShapeCli", "  buyer %1 (turn %2), price %3, wallet %4")
                .arg(s.bidderName.isEmpty() ? QCoreApplication::translate("ShapeCli", "(none)")
                                            : s.bidderName)
                .arg(s.turn)
                .arg(s.price.toEthString())
                .arg(s.buyerAddress.isEmpty()
                         ? QCoreApplication::translate("ShapeCli", "(not linked)")
                         : s.buyerAddress));
        if (s.deadlineUtcMs > 0)
            say(QCoreApplication::translate("ShapeCli", "  deadline %1")
                    .arg(utcText(s.deadlineUtcMs)));
        if (!s.error.isEmpty())
            say(QCoreApplication::translate("ShapeCli", "  problem: %1").arg(s.error));
        for (const ChainTransaction& tx : txs)
            say(QCoreApplication::translate("ShapeCli", "  %1 (turn %2): %3 %4")
                    .arg(tx.step)
                    .arg(tx.turn)
                    .arg(sb::auction::chainTxStateName(tx.state), hashText(tx.hash)));
    }
    return 0;
}

// The RPC URL from --rpc-file: its first line. A hosted provider's URL holds its key, which
// --rpc would leave in the process list (/proc/PID/cmdline) and the shell's history.
std::optional<QString> readRpcFile(const QString& path, QString* error)
{
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        *error =
            QCoreApplication::translate("ShapeCli", "The RPC file %1 could not be read: %2")
                .arg(path, path.isEmpty() ? QStringLiteral("no file named") : file.errorString());
        return std::nullopt;
    }
    const QString url = QString::fromUtf8(file.read(4096)).section(u'\n', 0, 0).trimmed();
    if (url.isEmpty()) {
        *error = QCoreApplication::translate("ShapeCli", "The RPC file %1 has no URL on its first "
                                                         "line.")
                     .arg(path);
        return std::nullopt;
    }
    return url;
}

int runDeploy(const QCommandLineParser& parser)
{
    QString rpcUrl = parser.value(QStringLiteral("rpc"));
    if (parser.isSet(QStringLiteral("rpc-file"))) {
        if (!rpcUrl.isEmpty())
            return usageError(QCoreApplication::translate(
                "ShapeCli", "Give the RPC as --rpc URL or in --rpc-file FILE, not both."));
        QString error;
        const auto fromFile = readRpcFile(parser.value(QStringLiteral("rpc-file")), &error);
        if (!fromFile)
            return usageError(error);
        rpcUrl = *fromFile;
    }
    if (rpcUrl.isEmpty())
        return usageError(QCoreApplication::translate(
            "ShapeCli", "shape deploy needs --rpc URL (or --rpc-file FILE)."));
    const QString treasuryText = parser.value(QStringLiteral("treasury"));
    if (treasuryText.isEmpty())
        return usageError(QCoreApplication::translate(
            "ShapeCli", "shape deploy needs --treasury ADDRESS: the owner who withdraws "
                        "the proceeds (not the operator key; ideally a hardware wallet)."));
    const auto treasury = Address::fromString(treasuryText);
    if (!treasury)
        return usageError(
            QCoreApplication::translate("ShapeCli", "--treasury: %1").arg(treasury.error()));
    std::optional<std::uint64_t> chainId;
    if (parser.isSet(QStringLiteral("chain-id"))) {
        bool ok = false;
        chainId = parser.value(QStringLiteral("chain-id")).toULongLong(&ok);
        if (!ok || *chainId == 0)
            return usageError(QCoreApplication::translate(
                "ShapeCli", "--chain-id takes a whole number above 0."));
    }
    FeeCaps caps;
    if (parser.isSet(QStringLiteral("max-fee-gwei"))) {
        sb::studio::ShapeSettings fee;
        fee.maxFeeGwei = parser.value(QStringLiteral("max-fee-gwei"));
        const auto wei = fee.maxFeeWei();
        if (!wei || *wei == 0)
            return usageError(QCoreApplication::translate(
                "ShapeCli", "--max-fee-gwei takes an amount of gwei above 0 (e.g. 0.05)."));
        caps.maxFeePerGas = U256::fromUint64(*wei);
        caps.maxPriorityFeePerGas = U256::fromUint64(*wei);
    }

    auto key = loadOperatorKey(parser.value(QStringLiteral("operator-key-file")));
    if (!key)
        return usageError(key.error());

    HttpClient http;
    ShapeRpc rpc(&http, rpcUrl);
    QEventLoop loop;

    // Without --chain-id the node's own id is used (and said); with it, a node on another chain
    // is refused before anything is signed.
    std::optional<RpcResult<std::uint64_t>> nodeChain;
    rpc.chainId([&](const RpcResult<std::uint64_t>& r) {
        nodeChain = r;
        loop.quit();
    });
    QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
    loop.exec();
    if (!nodeChain) {
        say(QCoreApplication::translate("ShapeCli", "The RPC %1 did not answer.")
                .arg(ShapeRpc::displayUrl(rpcUrl)),
            stderr);
        return 1;
    }
    if (!*nodeChain) {
        say(nodeChain->error().sentence(), stderr);
        return 1;
    }

    DeployOptions options;
    options.chainId = chainId.value_or(nodeChain->value());
    options.treasury = *treasury;
    options.caps = caps;
    options.dryRun = parser.isSet(QStringLiteral("dry-run"));
    say(QCoreApplication::translate(
            "ShapeCli",
            "Deploying the auction house on chain %1 from the operator %2 (treasury %3)%4.")
            .arg(options.chainId)
            .arg(key->address().toChecksummed(), treasury->toChecksummed(),
                 options.dryRun
                     ? QCoreApplication::translate("ShapeCli", ", dry run: nothing is sent")
                     : QString()));

    std::optional<RpcResult<Deployment>> outcome;
    AuctionHouse::deploy(rpc, *key, options, [&](const RpcResult<Deployment>& r) {
        outcome = r;
        loop.quit();
    });
    QTimer::singleShot(5 * 60'000, &loop, &QEventLoop::quit);
    if (!outcome)
        loop.exec();
    if (!outcome) {
        say(QCoreApplication::translate(
                "ShapeCli",
                "The deployment did not finish within 5 minutes; look for the transaction from "
                "%1 before trying again.")
                .arg(key->address().toChecksummed()),
            stderr);
        return 1;
    }
    if (!*outcome) {
        say(outcome->error().sentence(), stderr);
        return 1;
    }
    const Deployment& d = outcome->value();
    if (options.dryRun) {
        say(QCoreApplication::translate("ShapeCli", "Signed transaction (not sent): %1")
                .arg(d.transaction.describe()));
        say(toHex(d.transaction.raw()));
        return 0;
    }
    say(QCoreApplication::translate("ShapeCli", "Transaction %1").arg(toHex(d.transaction.hash())));
    if (const QString url =
            sb::studio::ShapeSettings::explorerTxUrl(options.chainId, toHex(d.transaction.hash()));
        !url.isEmpty())
        say(url);
    if (!d.address) {
        say(QCoreApplication::translate("ShapeCli",
                                        "The creation was included but made no contract."),
            stderr);
        return 1;
    }
    say(QCoreApplication::translate("ShapeCli", "Contract address: %1")
            .arg(d.address->toChecksummed()));
    const std::uint64_t block = d.receipt ? d.receipt->blockNumber : 0;
    if (block)
        say(QCoreApplication::translate("ShapeCli", "Deployed in block %1").arg(block));
    if (parser.isSet(QStringLiteral("save"))) {
        sb::studio::StudioSettings settings(parser.value(QStringLiteral("config-dir")));
        sb::studio::ShapeSettings shape = settings.shape();
        shape.contractAddress = d.address->toChecksummed();
        shape.contractBlock = block;
        shape.operatorAddress = key->address().toChecksummed();
        // The settings follow the chain it went to: Shape's two by name, any other as custom.
        using Network = sb::studio::ShapeSettings::Network;
        if (shape.chainId() != options.chainId || shape.effectiveRpcUrl() != rpcUrl) {
            shape.network =
                options.chainId == sb::studio::ShapeSettings::kMainnetChainId   ? Network::Mainnet
                : options.chainId == sb::studio::ShapeSettings::kSepoliaChainId ? Network::Sepolia
                                                                                : Network::Custom;
            shape.customChainId = shape.network == Network::Custom ? options.chainId : 0;
            shape.rpcUrl = rpcUrl == sb::studio::ShapeSettings::defaultRpcUrl(shape.network)
                               ? QString()
                               : rpcUrl;
        }
        QString error;
        if (!settings.setShape(shape, &error) || !settings.save(&error)) {
            say(QCoreApplication::translate("ShapeCli", "The settings could not be written: %1")
                    .arg(error),
                stderr);
            return 1;
        }
        say(QCoreApplication::translate("ShapeCli", "Written to Settings → Shape (%1).")
                .arg(settings.filePath()));
    } else {
        say(QCoreApplication::translate(
            "ShapeCli",
            "Put it in Settings → Shape (contract address) to settle auctions with it, or "
            "deploy with --save."));
    }
    return 0;
}

} // namespace

int runWallet(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("action"),
                                 QCoreApplication::translate("ShapeCli", "new, import or address"));
    parser.addOptions({
        {QStringLiteral("key-file"),
         QCoreApplication::translate("ShapeCli",
                                     "import: read the key from this file instead of stdin."),
         QStringLiteral("file")},
        {QStringLiteral("replace"),
         QCoreApplication::translate(
             "ShapeCli", "Replace an operator key already in the keychain (that key is lost).")},
        {QStringLiteral("config-dir"),
         QCoreApplication::translate("ShapeCli",
                                     "Where studio.ini is (default: the app's config folder)."),
         QStringLiteral("dir")},
    });
    int code = 0;
    if (!parse(parser, QStringLiteral("wallet"), args, &code))
        return code;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (action != QLatin1String("new") && action != QLatin1String("import") &&
        action != QLatin1String("address"))
        return usageError(
            QCoreApplication::translate("ShapeCli", "wallet takes new, import or address."));
    if (positional.size() > 1)
        // Most likely a key typed on the command line: refused without repeating it.
        return usageError(QCoreApplication::translate(
                              "ShapeCli",
                              "wallet %1 takes no other argument; a key is never given on the "
                              "command line (the shell's history and `ps` would keep it): pipe it "
                              "on stdin or use --key-file.")
                              .arg(action));
    const bool replace = parser.isSet(QStringLiteral("replace"));
    const QString configDir = parser.value(QStringLiteral("config-dir"));

    SecretStore keychain;
    OperatorKey key(keychain);
    if (action == QLatin1String("address")) {
        const auto address = key.address();
        if (!address) {
            say(address.error(), stderr);
            return 1;
        }
        if (!address->has_value()) {
            say(QCoreApplication::translate(
                    "ShapeCli", "No operator key in the keychain (sothebais-studio wallet new)."),
                stderr);
            return 1;
        }
        say((*address)->toChecksummed());
        return 0;
    }

    Result<Address> stored = Result<Address>::failure(QString());
    if (action == QLatin1String("new")) {
        stored = key.generate(replace);
    } else {
        QString error;
        std::optional<QString> text = readKeyText(parser.value(QStringLiteral("key-file")), &error);
        if (!text)
            return usageError(error);
        stored = key.import(*text, replace);
        wipeSecretText(*text);
        if (!stored && !stored.error().contains(QStringLiteral("keychain")))
            return usageError(stored.error());
    }
    if (!stored) {
        say(stored.error(), stderr);
        return 1;
    }
    rememberOperatorAddress(configDir, *stored);
    say(stored->toChecksummed());
    say(QCoreApplication::translate(
            "ShapeCli",
            "The operator key is in the keychain; only its address is shown. Send it a little ETH "
            "on Shape for gas: it reserves, reassigns and cancels, and never holds the proceeds."),
        stderr);
    return 0;
}

int runShape(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("action"),
                                 QCoreApplication::translate("ShapeCli", "deploy or status"));
    parser.addOptions({
        {QStringLiteral("rpc"),
         QCoreApplication::translate("ShapeCli", "deploy: the chain's JSON-RPC URL."),
         QStringLiteral("url")},
        {QStringLiteral("rpc-file"),
         QCoreApplication::translate(
             "ShapeCli", "deploy: read the JSON-RPC URL from this file's first line (a URL with "
                         "a key stays out of the process list)."),
         QStringLiteral("file")},
        {QStringLiteral("chain-id"),
         QCoreApplication::translate(
             "ShapeCli", "deploy: refuse a node on another chain (default: the node's)."),
         QStringLiteral("n")},
        {QStringLiteral("treasury"),
         QCoreApplication::translate(
             "ShapeCli", "deploy: the owner, who withdraws the proceeds (not the operator)."),
         QStringLiteral("address")},
        {QStringLiteral("max-fee-gwei"),
         QCoreApplication::translate("ShapeCli", "deploy: the most to pay per gas, in gwei."),
         QStringLiteral("gwei")},
        {QStringLiteral("dry-run"),
         QCoreApplication::translate("ShapeCli",
                                     "deploy: print the signed transaction and send nothing.")},
        {QStringLiteral("operator-key-file"),
         QCoreApplication::translate(
             "ShapeCli", "deploy: read the operator key from this file instead of the keychain."),
         QStringLiteral("file")},
        {QStringLiteral("save"),
         QCoreApplication::translate(
             "ShapeCli", "deploy: write the contract into Settings → Shape (studio.ini).")},
        {QStringLiteral("config-dir"),
         QCoreApplication::translate(
             "ShapeCli", "deploy --save: where studio.ini is (default: the app's config folder)."),
         QStringLiteral("dir")},
        {QStringLiteral("db"),
         QCoreApplication::translate("ShapeCli", "status: the marathon database."),
         QStringLiteral("file")},
        {QStringLiteral("json"),
         QCoreApplication::translate("ShapeCli", "status: one JSON object per auction.")},
    });
    int code = 0;
    if (!parse(parser, QStringLiteral("shape"), args, &code))
        return code;
    const QString action = parser.positionalArguments().value(0);
    if (action == QLatin1String("status"))
        return runStatus(parser);
    if (action == QLatin1String("deploy"))
        return runDeploy(parser);
    return usageError(QCoreApplication::translate("ShapeCli", "shape takes deploy or status."));
}

} // namespace sb::app
