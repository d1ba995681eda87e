// tst_settlement_e2e's stand-in for a studio process: opens the marathon database given, runs the
// SettlementDriver on it against the RPC given until auction `index`'s settlement is reserved,
// and exits 0 (1 when it never is). With SB_TEST_KILL_AT=stored or =broadcast in its environment
// it SIGKILLs itself at that point of auction `index`'s send (not of an older transaction it sends
// again first), as a power cut or `kill -9` would.
//
// settlement_runner DB RPC_URL CONTRACT FIRST_BLOCK NOW_UTC_MS AUCTION_INDEX

#include "EngineThread.h"
#include "HttpClient.h"
#include "SettlementDriver.h"
#include "ShapeVectors.h"

#include <QCoreApplication>
#include <QDeadlineTimer>

#include <csignal>
#include <cstdio>

using namespace sb::auction;
using namespace sb::integrations;
using namespace sb::integrations::shape;
using namespace shapetest;

namespace {
class FixedClock final : public Clock
{
public:
    explicit FixedClock(std::int64_t nowMs) : m_nowMs(nowMs) {}
    std::int64_t nowUtcMs() const override { return m_nowMs; }

private:
    std::int64_t m_nowMs;
};
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 7) {
        std::fprintf(stderr, "usage: settlement_runner DB RPC CONTRACT FIRST_BLOCK NOW_MS INDEX\n");
        return 2;
    }
    const std::int64_t nowMs = args[5].toLongLong();
    const int index = args[6].toInt();
    MarathonSessionOptions options;
    options.dbPath = args[1];
    EngineThread engine(options);
    QString error;
    if (!engine.open(
            [nowMs](AuctionStore&, QString*) { return std::make_unique<FixedClock>(nowMs); },
            [](const Clock&, QString* why) {
                *why = QStringLiteral("no marathon in the database");
                return std::optional<MarathonConfig>();
            },
            nullptr, &error)) {
        std::fprintf(stderr, "open: %s\n", qPrintable(error));
        return 1;
    }
    SettlementDriverOptions o;
    o.rpcUrl = args[2];
    o.chainId = 31337;
    o.contract = Address::fromString(args[3]).value();
    o.firstBlock = args[4].toULongLong();
    o.pollIntervalMs = 100;
    o.rpcTimeoutMs = 30'000;
    const QByteArray killAt = qgetenv("SB_TEST_KILL_AT");
    o.testHook = [killAt, index](const char* point, int auctionIndex) {
        if (killAt == point && auctionIndex == index) {
            std::fflush(nullptr);
            ::raise(SIGKILL);
        }
    };
    HttpClient http;
    SettlementDriver driver(engine, http, devKey(kDevKey0), o);
    driver.start();
    const QDeadlineTimer deadline(60'000);
    bool reserved = false;
    while (!reserved && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        reserved = engine.wait([index](MarathonSession& s) {
            const auto row = s.engine().settlement(index);
            return row && *row && (*row)->stage == SettlementStage::Reserved;
        });
    }
    driver.stop();
    engine.stop();
    std::printf("%s\n", reserved ? "reserved" : "not reserved");
    return reserved ? 0 : 1;
}
