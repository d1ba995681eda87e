// Settlement on Shape, timed: the real engine (temporary database, a virtual clock that jumps from
// one day's close to the next) and the SettlementDriver against anvil with 2-second blocks, the
// auction house deployed from the built-in artifact. For each of 20 days one bid wins, the driver
// reserves the lot, and the winner's wallet claims it. Printed: the wall time from auction.winner
// to the reservation included, and from the claim's broadcast to settlement.mint_confirmed (p50,
// p99), the gas of each step, and what each costs at a base fee of 0.01 gwei.
//
// Usage: bench_settlement [days=20] [poll interval ms=2000] [confirmation blocks=2]
// Anvil's "safe" block is 32 behind its head (64 s with 2 s blocks), so the mint counts as
// confirmed after `confirmation blocks` blocks here (the driver's option for nodes without a safe
// tag); on Shape it waits for the safe block, derived from L1, which takes minutes.

#include "AnvilNode.h"
#include "AuctionHouse.h"
#include "ChainHelpers.h"
#include "EngineThread.h"
#include "HttpClient.h"
#include "SettlementDriver.h"
#include "ShapeVectors.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace sb::auction;
using namespace sb::integrations;
using namespace sb::integrations::shape;
using namespace shapetest;

namespace {

constexpr std::int64_t kHourMs = 3600 * 1000;
constexpr std::int64_t kDayMs = 24 * kHourMs;

class BenchClock final : public Clock
{
public:
    explicit BenchClock(const VirtualClock& source) : m_source(source) {}
    std::int64_t nowUtcMs() const override { return m_source.nowUtcMs(); }

private:
    const VirtualClock& m_source;
};

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t index =
        std::min(values.size() - 1, std::size_t(p / 100.0 * double(values.size() - 1) + 0.5));
    return values[index];
}

// Wei at 0.01 gwei (10^7 wei) a unit of gas.
QString costAtTenthCentGwei(std::uint64_t gas)
{
    return formatEth(U256::fromUint64(gas).checkedMul(10'000'000).value());
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int days = argc > 1 ? std::max(1, std::atoi(argv[1])) : 20;
    const int pollMs = argc > 2 ? std::max(50, std::atoi(argv[2])) : 2'000;
    const int confirmations = argc > 3 ? std::max(0, std::atoi(argv[3])) : 2;

    const QDate firstDay(2026, 3, 1);
    const std::int64_t startMs = QDateTime(firstDay, QTime(11, 0), Qt::UTC).toMSecsSinceEpoch();
    AnvilNode anvil;
    if (!anvil.start({QStringLiteral("--block-time"), QStringLiteral("2"),
                      QStringLiteral("--timestamp"), QString::number(startMs / 1000)})) {
        std::fprintf(stderr, "%s\n", qPrintable(anvil.error()));
        return 1;
    }
    HttpClient http;
    ShapeRpc rpc(&http, anvil.url());
    rpc.setTimeoutMs(60'000);
    const Secp256k1Key operatorKey = devKey(kDevKey0);
    const Secp256k1Key buyer = devKey(kDevKey2);

    DeployOptions deploy;
    deploy.chainId = 31337;
    deploy.treasury = address(kDevAddress1);
    const auto deployed = waitFor<Deployment>(
        [&](auto done) { AuctionHouse::deploy(rpc, operatorKey, deploy, done); });
    if (!deployed) {
        std::fprintf(stderr, "deploy: %s\n", why(deployed).constData());
        return 1;
    }
    const Address house = *deployed->address;
    const std::uint64_t deployGas = deployed->receipt->gasUsed;

    QTemporaryDir dir;
    VirtualClock clock(startMs);
    MarathonSessionOptions sessionOptions;
    sessionOptions.dbPath = dir.filePath(QStringLiteral("marathon.db"));
    EngineThread engine(sessionOptions);
    MarathonConfig config;
    config.name = QStringLiteral("bench settlement");
    config.timeZone = QStringLiteral("UTC");
    config.firstDay = firstDay;
    config.days = days + 1; // the last one: nobody pays (reassign, then cancel)
    config.windowStart = QTime(12, 0);
    config.windowEnd = QTime(13, 0);
    config.minAccountAgeDays = 0;
    config.timeBufferMs = 0;
    for (int day = 1; day <= days + 1; ++day) {
        Lot lot;
        lot.title = QStringLiteral("Lot %1").arg(day);
        lot.tokenUri = QStringLiteral("ipfs://bench-%1").arg(day);
        config.lots.append(lot);
    }
    QString error;
    if (!engine.open(
            [&clock](AuctionStore&, QString*) { return std::make_unique<BenchClock>(clock); },
            [config](const Clock&, QString*) { return std::optional(config); }, nullptr, &error)) {
        std::fprintf(stderr, "engine: %s\n", qPrintable(error));
        return 1;
    }
    const bool setUp = engine.wait([&](MarathonSession& s) {
        WalletLink link{QStringLiteral("alice"),         QStringLiteral("alice"),
                        buyer.address().toChecksummed(), QStringLiteral("bench"),
                        QStringLiteral("link"),          startMs};
        SettlementOptions options;
        options.enabled = true;
        options.contractAddress = house.toChecksummed();
        options.chainId = 31337;
        WalletLink runnerUp{QStringLiteral("bob"),
                            QStringLiteral("bob"),
                            address(kDevAddress3).toChecksummed(),
                            QStringLiteral("bench"),
                            QStringLiteral("link-bob"),
                            startMs};
        return s.engine().linkWallet(link).ok && s.engine().linkWallet(runnerUp).ok &&
               s.engine().setSettlementOptions(options).ok;
    });
    if (!setUp) {
        std::fprintf(stderr, "engine set-up failed\n");
        return 1;
    }

    SettlementDriverOptions driverOptions;
    driverOptions.rpcUrl = anvil.url();
    driverOptions.chainId = 31337;
    driverOptions.contract = house;
    driverOptions.pollIntervalMs = pollMs;
    driverOptions.rpcTimeoutMs = 60'000;
    driverOptions.confirmAtSafe = false;
    driverOptions.confirmationBlocks = confirmations;
    driverOptions.firstBlock = deployed->receipt->blockNumber;
    SettlementDriver driver(engine, http, devKey(kDevKey0), driverOptions);
    driver.start();

    const auto stageOf = [&engine](int index) {
        engine.wait([](MarathonSession&) { return 0; }); // let the last commit's view arrive
        QCoreApplication::processEvents();
        const auto found = engine.view().settlements.constFind(index);
        return found == engine.view().settlements.cend() ? std::optional<SettlementStage>()
                                                         : std::optional(found->stage);
    };
    const auto waitStage = [&](int index, SettlementStage stage) {
        return spinUntil([&] { return stageOf(index) == stage; }, 300'000);
    };

    std::vector<double> toIncluded;
    std::vector<double> toMinted;
    std::uint64_t reserveGas = 0;
    std::uint64_t claimGas = 0;
    std::uint64_t firstClaimGas = 0; // the buyer's first token: cold storage slots
    for (int day = 0; day < days; ++day) {
        const std::int64_t open =
            QDateTime(firstDay.addDays(day), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
        clock.setNow(open + 60'000);
        (void)engine.wait([](MarathonSession& s) { return s.engine().tick(); });
        BidInput bid;
        bid.source = QStringLiteral("bench");
        bid.sourceId = QStringLiteral("bid-%1").arg(day);
        bid.bidderId = QStringLiteral("alice");
        bid.bidderName = QStringLiteral("alice");
        bid.text = QStringLiteral("0.0%1 ETH").arg(day % 9 + 1);
        engine.wait([&bid](MarathonSession& s) { return s.engine().submitBid(bid); });
        clock.setNow(open + kHourMs + 21'000);
        QElapsedTimer won;
        (void)engine.wait([](MarathonSession& s) { return s.engine().tick(); });
        won.start(); // auction.winner is committed
        if (!waitStage(day, SettlementStage::Reserved)) {
            std::fprintf(stderr, "day %d: never reserved (%s)\n", day + 1,
                         qPrintable(driver.status().message));
            return 1;
        }
        toIncluded.push_back(double(won.elapsed()));
        const auto txs = engine.wait(
            [day](MarathonSession& s) { return s.engine().settlementTransactions(day).value(); });
        const auto reserveReceipt =
            waitFor<std::optional<Receipt>>([&](auto done) { rpc.receipt(txs.last().hash, done); });
        if (reserveReceipt && *reserveReceipt)
            reserveGas = (*reserveReceipt)->gasUsed;

        const auto price = engine.view().settlements.value(day).price;
        QElapsedTimer claimed;
        claimed.start();
        const auto receipt =
            sendAndWait(rpc, buyer, house, AuctionHouse::claimCall(Settlement::auctionIdOf(day)),
                        *U256::weiFromGwei(price));
        if (!receipt || !receipt->succeeded) {
            std::fprintf(stderr, "day %d: claim failed: %s\n", day + 1, why(receipt).constData());
            return 1;
        }
        claimGas = receipt->gasUsed;
        if (day == 0)
            firstClaimGas = claimGas;
        if (!waitStage(day, SettlementStage::Completed)) {
            std::fprintf(stderr, "day %d: mint never confirmed (%s)\n", day + 1,
                         qPrintable(driver.status().message));
            return 1;
        }
        toMinted.push_back(double(claimed.elapsed()));
        std::printf("day %2d: winner -> reservation included %6.0f ms, claim -> mint confirmed "
                    "%6.0f ms\n",
                    day + 1, toIncluded.back(), toMinted.back());
        std::fflush(stdout);
    }

    // One more day that nobody pays: the winner's deadline passes (the engine's clock and the
    // chain's), the runner-up is reassigned, their deadline passes, the lot is cancelled.
    std::uint64_t reassignGas = 0;
    std::uint64_t cancelGas = 0;
    {
        const int day = days;
        const std::int64_t open =
            QDateTime(firstDay.addDays(day), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
        clock.setNow(open + 60'000);
        (void)engine.wait([](MarathonSession& s) { return s.engine().tick(); });
        for (const auto& [bidder, text] :
             {std::pair{"bob", "0.01 ETH"}, std::pair{"alice", "0.02 ETH"}}) {
            BidInput bid;
            bid.source = QStringLiteral("bench");
            bid.sourceId = QStringLiteral("last-%1").arg(QLatin1String(bidder));
            bid.bidderId = QString::fromLatin1(bidder);
            bid.bidderName = bid.bidderId;
            bid.text = QString::fromLatin1(text);
            engine.wait([&bid](MarathonSession& s) { return s.engine().submitBid(bid); });
        }
        clock.setNow(open + kHourMs + 21'000);
        (void)engine.wait([](MarathonSession& s) { return s.engine().tick(); });
        for (int turn = 0; turn < 2; ++turn) {
            if (!waitStage(day, SettlementStage::Reserved)) {
                std::fprintf(stderr, "last day: turn %d never reserved (%s)\n", turn,
                             qPrintable(driver.status().message));
                return 1;
            }
            const std::int64_t deadline = engine.view().settlements.value(day).deadlineUtcMs;
            const QJsonValue latest = rawCall(rpc, QStringLiteral("eth_getBlockByNumber"),
                                              {QStringLiteral("latest"), false});
            const auto chainNow =
                U256::fromHex(latest.toObject().value(QLatin1String("timestamp")).toString())
                    ->toUint64()
                    .value_or(0);
            const std::int64_t past = deadline / 1000 + 60 - std::int64_t(chainNow);
            if (past > 0)
                rawCall(rpc, QStringLiteral("evm_increaseTime"), {qint64(past)});
            rawCall(rpc, QStringLiteral("evm_mine"));
            clock.setNow(deadline + 60'000);
            (void)engine.wait([](MarathonSession& s) { return s.engine().tick(); });
            spinUntil(
                [&] {
                    const auto stage = stageOf(day);
                    return stage == SettlementStage::Unsold ||
                           (stage == SettlementStage::Reserved &&
                            engine.view().settlements.value(day).turn > turn);
                },
                300'000);
        }
        if (stageOf(day) != SettlementStage::Unsold) {
            std::fprintf(stderr, "last day: not unsold (%s)\n",
                         qPrintable(driver.status().message));
            return 1;
        }
        const auto txs = engine.wait(
            [day](MarathonSession& s) { return s.engine().settlementTransactions(day).value(); });
        for (const ChainTransaction& tx : txs) {
            const auto r =
                waitFor<std::optional<Receipt>>([&](auto done) { rpc.receipt(tx.hash, done); });
            if (!r || !*r)
                continue;
            if (tx.step == SettlementStep::Reassign)
                reassignGas = (*r)->gasUsed;
            else if (tx.step == SettlementStep::Cancel)
                cancelGas = (*r)->gasUsed;
        }
    }
    driver.stop();
    engine.stop();

    std::printf("\nbench_settlement: %d days on anvil (2 s blocks), driver poll %d ms, mint "
                "confirmed %d blocks after the claim\n",
                days, pollMs, confirmations);
    std::printf("  auction.winner -> reservation included: p50 %.0f ms, p99 %.0f ms\n",
                percentile(toIncluded, 50), percentile(toIncluded, 99));
    std::printf("  claim sent -> settlement.mint_confirmed: p50 %.0f ms, p99 %.0f ms\n",
                percentile(toMinted, 50), percentile(toMinted, 99));
    std::printf(
        "  gas: deploy %llu, reserve %llu, claim (buyer) %llu (their first: %llu), reassign "
        "%llu, cancel %llu\n",
        static_cast<unsigned long long>(deployGas), static_cast<unsigned long long>(reserveGas),
        static_cast<unsigned long long>(claimGas), static_cast<unsigned long long>(firstClaimGas),
        static_cast<unsigned long long>(reassignGas), static_cast<unsigned long long>(cancelGas));
    std::printf(
        "  at a base fee of 0.01 gwei (L2 execution only, no L1 data fee): deploy %s, "
        "reserve %s, claim %s, reassign %s, cancel %s\n",
        qPrintable(costAtTenthCentGwei(deployGas)), qPrintable(costAtTenthCentGwei(reserveGas)),
        qPrintable(costAtTenthCentGwei(claimGas)), qPrintable(costAtTenthCentGwei(reassignGas)),
        qPrintable(costAtTenthCentGwei(cancelGas)));
    return 0;
}
