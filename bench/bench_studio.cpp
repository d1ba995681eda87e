// The studio's own figures (run under xvfb-run; prints, asserts nothing):
//   1. startup: from launching sothebais-studio (default scene collection, a fresh demo) to the
//      first frame shown in the live preview, over several launches;
//   2. bid-to-pixel: from a manual bid entering the engine to the first frame handed to the
//      encoder whose auction bar shows the new amount, p50/p99 over many bids, in milliseconds
//      and in frame intervals at 30 fps.
//
//   xvfb-run -a -s "-screen 0 1920x1080x24" ./build/dev/bench/bench_studio [--bids N] [--launches
//   N]

#include "AuctionBarOverlay.h"
#include "AuctionStateModel.h"
#include "BroadcastPipeline.h"
#include "Output.h"
#include "StudioController.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

using namespace sb::studio;
using namespace sb::render;

namespace {

std::int64_t steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t i =
        std::min(values.size() - 1, std::size_t(p * double(values.size() - 1) + 0.5));
    return values[i];
}

// The encoder needs somewhere to send packets; this one drops them.
class NullOutput final : public Output
{
public:
    QString name() const override { return QStringLiteral("null"); }
    void start(const EncodedStreams&) override {}
    void push(const EncodedPacket&) override {}
    void stop() override {}
    OutputStats stats() const override { return {}; }
};

void startup(int launches)
{
    std::vector<double> appMs;
    std::vector<double> wallMs;
    for (int i = 0; i < launches; ++i) {
        QTemporaryDir home;
        QProcess studio;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SB_STARTUP_PROBE"), QStringLiteral("1"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.info=false"));
        studio.setProcessEnvironment(env);
        QElapsedTimer wall;
        wall.start();
        studio.start(QStringLiteral(SB_STUDIO_BINARY),
                     {QStringLiteral("--data-dir"), home.filePath(QStringLiteral("studio"))});
        double shownAfter = -1;
        while (studio.waitForReadyRead(20'000) || studio.state() == QProcess::Running) {
            const QByteArray line = studio.readLine();
            if (line.startsWith("first preview frame after ")) {
                wallMs.push_back(double(wall.elapsed()));
                shownAfter = line.mid(26).split(' ').first().toDouble();
                break;
            }
            if (wall.elapsed() > 30'000)
                break;
        }
        studio.waitForFinished(30'000);
        if (shownAfter < 0) {
            std::printf("launch %d: no preview frame (%s)\n", i + 1,
                        studio.readAllStandardError().constData());
            continue;
        }
        appMs.push_back(shownAfter);
    }
    std::printf("startup to first preview frame over %zu launches: in-process p50 %.0f ms "
                "(min %.0f, max %.0f); from exec p50 %.0f ms (min %.0f, max %.0f)\n",
                appMs.size(), percentile(appMs, 0.5), percentile(appMs, 0), percentile(appMs, 1),
                percentile(wallMs, 0.5), percentile(wallMs, 0), percentile(wallMs, 1));
}

int bidToPixel(int bids)
{
    QTemporaryDir home;
    StudioController studio(home.filePath(QStringLiteral("studio")));
    QString error;
    if (!studio.open(&error)) {
        std::printf("cannot open the studio: %s\n", qPrintable(error));
        return 1;
    }
    studio.setSimulatedBidders(false);
    if (!studio.startPipeline(BroadcastSettings{}, nullptr, &error)) {
        std::printf("cannot render: %s\n", qPrintable(error));
        return 1;
    }
    // Wait for the demo's auction to open.
    QElapsedTimer waiting;
    waiting.start();
    while (!studio.state().snapshot()->isLive() && waiting.elapsed() < 10'000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);

    // The amount's rect in the canvas: its luma changes exactly when the shown amount does.
    AuctionBarOverlay bar;
    const QRect rect =
        bar.layout(bar.style().geometry.size()).amount.translated(bar.style().geometry.topLeft());
    std::mutex mutex;
    std::int64_t lastSum = -1;
    std::int64_t bidAtNs = 0; // 0: no bid waiting to be seen
    std::vector<double> latenciesMs;
    studio.pipeline()->setEncodeObserver([&](const RawVideoFrame& frame) {
        std::int64_t sum = 0;
        const std::uint8_t* y = frame.plane(0);
        for (int row = rect.top(); row <= rect.bottom(); ++row)
            for (int col = rect.left(); col <= rect.right(); ++col)
                sum += y[std::size_t(row) * std::size_t(frame.stride(0)) + std::size_t(col)];
        std::lock_guard lock(mutex);
        if (lastSum >= 0 && sum != lastSum && bidAtNs != 0) {
            latenciesMs.push_back(double(steadyNs() - bidAtNs) / 1e6);
            bidAtNs = 0;
        }
        lastSum = sum;
    });
    if (!studio.pipeline()->attachOutput(std::make_unique<NullOutput>(), &error)) {
        std::printf("cannot encode: %s\n", qPrintable(error));
        return 1;
    }
    QElapsedTimer pause;
    pause.start();
    while (pause.elapsed() < 1500)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);

    int placed = 0;
    for (int i = 0; i < bids; ++i) {
        {
            std::lock_guard lock(mutex);
            bidAtNs = steadyNs();
        }
        // Each bid raises by 10 %, over the minimum raise, so every one leads and changes the bar.
        const QString amount = QStringLiteral("%1 ETH").arg(0.05 * std::pow(1.1, i), 0, 'f', 6);
        studio.submitManualBid(QStringLiteral("bidder%1").arg(i % 7), amount, &studio,
                               [&placed](const sb::auction::BidOutcome& outcome) {
                                   placed += outcome.kind == sb::auction::BidOutcome::Kind::Accepted
                                                 ? 1
                                                 : 0;
                               });
        // Let frames go by (the GUI thread keeps serving the studio's timers meanwhile).
        QElapsedTimer gap;
        gap.start();
        while (gap.elapsed() < 400)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    const BroadcastStats stats = studio.stats();
    studio.shutdown();
    const double interval = 1000.0 / 30.0;
    std::printf("bid-to-pixel over %zu of %d accepted bids (bid enters the engine -> first frame "
                "given to the encoder that shows it): p50 %.1f ms (%.2f frames), p99 %.1f ms "
                "(%.2f frames), max %.1f ms; %lld frames missed, %lld skipped\n",
                latenciesMs.size(), placed, percentile(latenciesMs, 0.5),
                percentile(latenciesMs, 0.5) / interval, percentile(latenciesMs, 0.99),
                percentile(latenciesMs, 0.99) / interval, percentile(latenciesMs, 1),
                qlonglong(stats.framesMissed), qlonglong(stats.framesSkipped));
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("bids"), QStringLiteral("Bids to time."),
                        QStringLiteral("N"), QStringLiteral("100")},
                       {QStringLiteral("launches"), QStringLiteral("Studio launches to time."),
                        QStringLiteral("N"), QStringLiteral("5")}});
    parser.process(app);
    startup(parser.value(QStringLiteral("launches")).toInt());
    return bidToPixel(parser.value(QStringLiteral("bids")).toInt());
}
