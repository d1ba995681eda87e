// Bids judged and durably committed per second, and intake-to-commit latency, with the store in
// its production settings (WAL, synchronous=FULL) on a real disk. Producers on their own threads
// submit through BidIntake (group commit) to the engine on its own thread, as the app does.
//
//   bench_bid_intake [--dir DIR] [--bids N] [--rate BIDS_PER_S] [--seconds S] [--producers P]
//
// Prints figures; asserts nothing.

#include "AuctionEngine.h"
#include "AuctionStore.h"
#include "BidIntake.h"
#include "Clock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <future>
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

MarathonConfig benchConfig()
{
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-60);
    MarathonConfig c;
    c.name = QStringLiteral("bench");
    c.timeZone = QStringLiteral("UTC");
    c.firstDay = start.date();
    c.days = 1;
    c.windowStart = QTime(start.time().hour(), start.time().minute());
    c.windowEnd = c.windowStart.addSecs(4 * 3600);
    c.minAccountAgeDays = 0;
    c.reviewMultiple = 0;
    // 1 gwei raises: bids that arrive in order are accepted (the heavy path: leader, outbid),
    // those that lose a race between producers are rejected, as in a busy real auction.
    c.minRaisePercent = 0;
    c.minRaiseAbsolute = Gwei::fromGwei(1);
    return c;
}

// The engine and its store live on this thread, as in the app.
class EngineThread
{
public:
    explicit EngineThread(const QString& dbPath)
    {
        std::promise<void> ready;
        auto started = ready.get_future();
        m_thread = std::thread([&, dbPath] {
            SystemClock clock;
            AuctionStore store;
            QString error;
            if (!store.open(dbPath, &error))
                qFatal("%s", qPrintable(error));
            AuctionEngine engine(store, clock);
            const ActionResult created = engine.createMarathon(benchConfig());
            if (!created.ok)
                qFatal("%s", qPrintable(created.error));
            BidIntake intake(engine);
            QEventLoop loop;
            m_intake = &intake;
            m_loop = &loop;
            ready.set_value();
            loop.exec();
            m_intake = nullptr;
        });
        started.wait();
    }
    ~EngineThread()
    {
        QMetaObject::invokeMethod(m_loop, &QEventLoop::quit, Qt::QueuedConnection);
        m_thread.join();
    }
    BidIntake& intake() { return *m_intake; }

private:
    std::thread m_thread;
    BidIntake* m_intake = nullptr;
    QEventLoop* m_loop = nullptr;
};

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
void drive(BidIntake& intake, int producers, int perProducer, Clock_::duration interval,
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
                intake.submit(makeBid(p, i, nextAmount.fetch_add(1)), [&, intended](
                                                                          const BidOutcome& o) {
                    const double ms =
                        std::chrono::duration<double, std::milli>(Clock_::now() - intended).count();
                    {
                        std::lock_guard lock(results.mutex);
                        results.latenciesMs.push_back(ms);
                    }
                    results.accepted += o.kind == BidOutcome::Kind::Accepted ? 1 : 0;
                    results.failed += o.kind == BidOutcome::Kind::Failed ? 1 : 0;
                    results.done += 1;
                });
            }
        });
    }
    for (std::thread& t : threads)
        t.join();
    while (results.done.load() < producers * perProducer)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
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
    std::printf("  producers             %d threads, engine on its own thread, group commit\n",
                o.producers);

    std::atomic<std::int64_t> nextAmount{Gwei::fromEth(1).gwei()};
    {
        EngineThread engine(tmp.filePath(QStringLiteral("throughput.db")));
        Results r;
        QElapsedTimer t;
        t.start();
        drive(engine.intake(), o.producers, o.bids / o.producers, Clock_::duration::zero(),
              nextAmount, r);
        report("Saturation (as fast as producers can submit):", r, t.nsecsElapsed() / 1e9,
               o.producers * (o.bids / o.producers));
    }
    // Let the first phase's writeback finish so its flushes do not land in the second's fsyncs.
    ::sync();
    {
        EngineThread engine(tmp.filePath(QStringLiteral("latency.db")));
        Results r;
        const int total = o.rate * o.seconds;
        const auto interval = std::chrono::duration_cast<Clock_::duration>(
            std::chrono::duration<double>(1.0 / o.rate));
        QElapsedTimer t;
        t.start();
        drive(engine.intake(), o.producers, total / o.producers, interval, nextAmount, r);
        const QByteArray title =
            QStringLiteral("Steady load of %1 bids/s for %2 s (latency from intended send):")
                .arg(o.rate)
                .arg(o.seconds)
                .toUtf8();
        report(title.constData(), r, t.nsecsElapsed() / 1e9, o.producers * (total / o.producers));
    }
    return 0;
}
