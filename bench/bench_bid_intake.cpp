// Bids judged and durably committed per second, and submit-to-verdict latency, with the store in
// its production settings (WAL, synchronous=FULL) on a real disk, through the product's session:
// producers on their own threads (as the X poller will be) submit to the EngineThread the window
// and headless run (group-commit intake, engine, journal, dispatcher and timers on the engine's
// thread); each verdict is heard back on the main thread's event loop, where the window hears it.
//
//   bench_bid_intake [--dir DIR] [--bids N] [--rate BIDS_PER_S] [--seconds S] [--producers P]
//
// Prints figures; asserts nothing.

#include "BenchMarathon.h"
#include "EngineThread.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

#include <unistd.h>

using namespace sb::auction;
using Clock_ = std::chrono::steady_clock;

namespace {

struct Options
{
    QString dir;
    int bids = 100'000;
    int rate = 10'000;
    int seconds = 5;
    int producers = 4;
};

// The marathon session as the app runs it, on a database of its own.
std::unique_ptr<EngineThread> openSession(const QString& dbPath)
{
    MarathonSessionOptions options;
    options.dbPath = dbPath;
    auto session = std::make_unique<EngineThread>(options);
    QString error;
    const bool opened =
        session->open([](AuctionStore&, QString*) { return std::make_unique<SystemClock>(); },
                      [](const Clock&, QString*) { return std::optional(benchMarathonConfig()); },
                      nullptr, &error);
    if (!opened)
        qFatal("%s", qPrintable(error));
    session->start();
    return session;
}

struct Results
{
    std::vector<double> latenciesMs;
    std::atomic<int> done{0};
    std::atomic<int> accepted{0};
    std::atomic<int> failed{0};
    std::mutex mutex;
};

BidInput makeBid(int producer, int i, std::int64_t amountGwei)
{
    BidInput b;
    b.source = QStringLiteral("bench");
    b.sourceId = QStringLiteral("%1-%2").arg(producer).arg(i);
    b.bidderId = QStringLiteral("bidder-%1").arg(producer);
    b.bidderName = b.bidderId;
    b.amount = Gwei::fromGwei(amountGwei);
    return b;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(p / 100.0 * double(v.size())))];
}

// Submits `perProducer` bids from each producer; `interval` 0 = as fast as possible, else paced
// (latency is measured from the intended send time, so a stalled engine cannot hide its delay).
// The verdicts arrive on this thread, which runs its event loop until it has heard them all.
void drive(EngineThread& session, int producers, int perProducer, Clock_::duration interval,
           std::atomic<std::int64_t>& nextAmount, Results& results)
{
    std::vector<std::thread> threads;
    const auto begin = Clock_::now();
    for (int p = 0; p < producers; ++p) {
        threads.emplace_back([&, p] {
            for (int i = 0; i < perProducer; ++i) {
                auto intended = Clock_::now();
                if (interval.count() > 0) {
                    intended = begin + interval * (i * producers + p);
                    std::this_thread::sleep_until(intended);
                }
                session.submitBids({makeBid(p, i, nextAmount.fetch_add(1))}, nullptr,
                                   [&results, intended](const QList<BidOutcome>& outcomes) {
                                       const BidOutcome& o = outcomes.constFirst();
                                       const double ms = std::chrono::duration<double, std::milli>(
                                                             Clock_::now() - intended)
                                                             .count();
                                       {
                                           std::lock_guard lock(results.mutex);
                                           results.latenciesMs.push_back(ms);
                                       }
                                       results.accepted +=
                                           o.kind == BidOutcome::Kind::Accepted ? 1 : 0;
                                       results.failed += o.kind == BidOutcome::Kind::Failed ? 1 : 0;
                                       results.done += 1;
                                   });
            }
        });
    }
    while (results.done.load() < producers * perProducer)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    for (std::thread& t : threads)
        t.join();
}

void report(const char* title, const Results& r, double seconds, int total)
{
    std::printf("%s\n", title);
    std::printf("  bids committed        %d (accepted %d, rejected %d, failed %d)\n", total,
                r.accepted.load(), total - r.accepted.load() - r.failed.load(), r.failed.load());
    std::printf("  wall time             %.2f s\n", seconds);
    std::printf("  throughput            %.0f bids/s\n", total / seconds);
    std::printf("  latency p50           %.2f ms\n", percentile(r.latenciesMs, 50));
    std::printf("  latency p99           %.2f ms\n", percentile(r.latenciesMs, 99));
    std::printf("  latency max           %.2f ms\n", percentile(r.latenciesMs, 100));
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    Options o;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        const QString& key = args[i];
        const QString& value = args[i + 1];
        if (key == QLatin1String("--dir"))
            o.dir = value;
        else if (key == QLatin1String("--bids"))
            o.bids = value.toInt();
        else if (key == QLatin1String("--rate"))
            o.rate = value.toInt();
        else if (key == QLatin1String("--seconds"))
            o.seconds = value.toInt();
        else if (key == QLatin1String("--producers"))
            o.producers = std::max(1, value.toInt());
    }
    QTemporaryDir tmp(o.dir.isEmpty() ? QDir::tempPath() + QStringLiteral("/sb-bench-XXXXXX")
                                      : o.dir + QStringLiteral("/sb-bench-XXXXXX"));
    std::printf("SothebAIs Studio bid intake benchmark (WAL, synchronous=FULL)\n");
    std::printf("  database              %s\n", qPrintable(tmp.path()));
    std::printf("  producers             %d threads -> EngineThread (the product's session), "
                "verdicts heard on the main thread\n",
                o.producers);

    std::atomic<std::int64_t> nextAmount{Gwei::fromEth(1).gwei()};
    {
        const auto session = openSession(tmp.filePath(QStringLiteral("throughput.db")));
        Results r;
        QElapsedTimer t;
        t.start();
        drive(*session, o.producers, o.bids / o.producers, Clock_::duration::zero(), nextAmount, r);
        report("Saturation (as fast as producers can submit):", r, t.nsecsElapsed() / 1e9,
               o.producers * (o.bids / o.producers));
    }
    // Let the first phase's writeback finish so its flushes do not land in the second's fsyncs.
    ::sync();
    {
        const auto session = openSession(tmp.filePath(QStringLiteral("latency.db")));
        Results r;
        const int total = o.rate * o.seconds;
        const auto interval = std::chrono::duration_cast<Clock_::duration>(
            std::chrono::duration<double>(1.0 / o.rate));
        QElapsedTimer t;
        t.start();
        drive(*session, o.producers, total / o.producers, interval, nextAmount, r);
        const QByteArray title =
            QStringLiteral("Steady load of %1 bids/s for %2 s (latency from intended send):")
                .arg(o.rate)
                .arg(o.seconds)
                .toUtf8();
        report(title.constData(), r, t.nsecsElapsed() / 1e9, o.producers * (total / o.producers));
    }
    return 0;
}
