// The host's voice in a 720p30 stream: per line, espeak-ng synthesis against the speech's length
// (real-time factor); from the moment the show hears a bid's events to the first sample of her
// line leaving the program mixer for the AAC encoder (p50/p99, no LLM; goal p99 <= 300 ms); and the
// CPU her voice adds to a headless 720p30 stream to a local nginx-rtmp (phases with her lines
// muted and unmuted, interleaved, a bid every 5 s in both; goal <= 5 % of one core).
// Prints figures; asserts nothing. Run under Xvfb (it renders with OpenGL):
//   xvfb-run -a -s "-screen 0 1920x1080x24" ./bench/bench_host [seconds per phase, default 20]

#include "AuctionSnapshot.h"
#include "AudioEncoder.h"
#include "AudioMixer.h"
#include "BenchMarathon.h"
#include "EspeakSpeech.h"
#include "HeadlessBroadcast.h"
#include "HostOverlay.h"
#include "HostVoice.h"
#include "LineDirector.h"
#include "NginxRtmp.h"
#include "ProcessUsage.h"
#include "RenderContext.h"
#include "ShowScene.h"
#include "SpeechPlayer.h"
#include "StudioController.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace sb;

namespace {

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::size_t(p * double(values.size() - 1) + 0.5)];
}

template <typename Condition> bool spinUntil(Condition done, int limitMs = 30'000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > limitMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

// Runs the event loop as the app does, blocking between events: a loop of processEvents() here
// spun a core of its own, which the process-CPU phases then counted as the studio's.
void runFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

void synthesisFigures()
{
    using namespace sb::integrations::tts;
    // Lines of the lengths the director says (its templates filled in).
    const QList<QString> lines = {
        QStringLiteral("Sold!"),
        QStringLiteral("New leader: vault_vera at 0.8 ETH."),
        QStringLiteral("The window is open! Lot 1 is live, reserve 0.01 ETH. Reply with your bid."),
        QStringLiteral("Three new bids in a minute, and vault_vera leads at 0.8 ETH. Who will make "
                       "it one? Going once, going twice, the window is still open."),
    };
    EspeakSpeech speech;
    (void)speech.synthesize(lines.first(), Voice{}); // espeak-ng's one-time start
    std::printf("Synthesis (espeak-ng, resampling, loudness), 10 rounds per line:\n");
    std::printf("  %6s %9s %9s %9s %8s\n", "chars", "audio ms", "p50 ms", "p99 ms", "RTF p50");
    for (const QString& line : lines) {
        std::vector<double> ms;
        SpeechResult last;
        for (int i = 0; i < 10; ++i) {
            QElapsedTimer timer;
            timer.start();
            last = speech.synthesize(line, Voice{});
            ms.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        std::printf("  %6d %9d %9.1f %9.1f %8.3f\n", int(line.size()), last.durationMs(),
                    percentile(ms, 0.5), percentile(ms, 0.99),
                    percentile(ms, 0.5) / last.durationMs());
    }
}

double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

// The work her voice adds, piece by piece, in CPU ms per second of speech on one thread (the
// whole-process comparison below is at the mercy of whatever else the machine runs).
void componentFigures()
{
    using namespace sb::integrations::tts;
    const QString text =
        QStringLiteral("New leader: vault_vera at 0.8 ETH. Three bids in a minute, "
                       "and the window is still open. Who will make it one?");
    EspeakSpeech speech;
    (void)speech.synthesize(QStringLiteral("Sold!"), Voice{});
    double started = threadCpuMs();
    const SpeechResult line = speech.synthesize(text, Voice{});
    const double seconds = line.durationMs() / 1000.0;
    const double synthesis = (threadCpuMs() - started) / seconds;

    // Her overlay at 30 fps as the render thread paints it: every frame while she speaks (mouth
    // and caption), at the calm host's ~15 fps when she does not.
    const auto overlayCost = [&](bool speaking) {
        const auto player = std::make_shared<SpeechPlayer>();
        studio::HostOverlay overlay;
        overlay.setSpeech(player);
        QImage image(384, 360, QImage::Format_ARGB32_Premultiplied);
        std::int64_t now = 1'000'000;
        std::vector<float> block(1600 * 2);
        player->read(block.data(), 1600);
        overlay.tick(now);
        if (speaking) {
            overlay.say(text, now, 1);
            player->enqueue(1, line);
        }
        const double from = threadCpuMs();
        const int frames = int(seconds * 30);
        for (int f = 0; f < frames; ++f) {
            player->read(block.data(), 1600);
            now += 33;
            overlay.tick(now);
            studio::AuctionSnapshot snapshot;
            snapshot.nowUtcMs = now;
            if (!overlay.isAnimating(snapshot))
                continue;
            image.fill(Qt::transparent);
            QPainter p(&image);
            p.setRenderHint(QPainter::Antialiasing);
            overlay.paint(p, image.size(), snapshot);
        }
        return (threadCpuMs() - from) / seconds;
    };
    // The program mix (her voice as the ducking key, the meter) and AAC at 160 kbps.
    const auto audioCost = [&](bool speaking) {
        render::AudioMixer mixer;
        auto voice = std::make_shared<render::PcmInputSource>(QStringLiteral("voice"), 20'000);
        mixer.addSource(voice);
        mixer.setDuckingKey(voice);
        if (speaking)
            voice->push(line.samples.data(), line.frameCount());
        render::AudioEncoder encoder(render::AudioEncoderSettings{160});
        encoder.open();
        const double from = threadCpuMs();
        for (int f = 0; f < int(seconds * 30); ++f)
            encoder.encode(mixer.mix(1600));
        return (threadCpuMs() - from) / seconds;
    };
    (void)overlayCost(true); // fonts and the puppet's layers, once
    const double overlaySpeaking = overlayCost(true), overlayCalm = overlayCost(false);
    const double audioSpeaking = audioCost(true), audioSilent = audioCost(false);
    const double added =
        synthesis + (overlaySpeaking - overlayCalm) + (audioSpeaking - audioSilent);
    std::printf("\nCPU her voice adds, per second of speech (%.1f s line; ms of one core):\n",
                seconds);
    std::printf("  synthesis %.1f; her overlay %.1f speaking vs %.1f calm; mix + AAC %.1f vs %.1f "
                "silent\n",
                synthesis, overlaySpeaking, overlayCalm, audioSpeaking, audioSilent);
    std::printf("  added: %.1f ms/s = %.1f %% of one core while she speaks (a talkative minute: "
                "speaking 60-75 %% of it)\n",
                added, added / 10.0);
}

} // namespace

int main(int argc, char** argv)
{
    render::RenderContext::prepareProcess();
    QGuiApplication app(argc, argv);
    const int phaseS = argc > 1 ? std::max(8, atoi(argv[1])) : 20;
    synthesisFigures();
    componentFigures();

    test::NginxRtmp server;
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "nginx-rtmp: %s\n", qPrintable(error));
        return 1;
    }
    QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
    const QString dataDir = home.filePath(QStringLiteral("studio"));
    studio::StudioController studio(dataDir);
    if (!studio.open(&error) || !studio.createMarathon(benchMarathonConfig(), &error)) {
        std::fprintf(stderr, "marathon: %s\n", qPrintable(error));
        return 1;
    }
    studio.hostLines().setMuted(true); // the window's show has no pipeline; only headless speaks
    app::BroadcastOptions options;
    options.dataDir = dataDir;
    options.streams = {server.url(QStringLiteral("bench"))};
    options.size = QSize(1280, 720);
    options.fps = 30;
    app::HeadlessBroadcast headless(options, &studio.session());
    if (!headless.start(&error)) {
        std::fprintf(stderr, "headless: %s\n", qPrintable(error));
        return 1;
    }
    studio::ShowScene& show = *headless.show();
    const integrations::tts::SpeechPlayer& player = show.voice().player();
    runFor(3000); // the encoder and the connection settle

    // Event -> first audible sample: stamped when the show's thread gets the engine's events,
    // and when the voice's clock first passes the start of her line (the block that carries it
    // is mixed and handed to the AAC encoder).
    std::vector<double> latencies;
    QElapsedTimer clock;
    clock.start();
    qint64 eventAt = -1;
    QObject::connect(&studio.session(), &auction::EngineThread::eventsCommitted, &app,
                     [&](const QList<auction::AuctionEvent>& events) {
                         for (const auto& e : events) {
                             if (e.type == QLatin1String("auction.leader") && eventAt == -2)
                                 eventAt = clock.nsecsElapsed();
                         }
                     });
    // Where the time goes: the director's turn (event -> line), synthesis on the worker
    // (line -> queued in the player), and the wait for the mixer to pull it (queued -> heard).
    qint64 lineAt = -1, queuedAt = -1;
    std::int64_t lineStartClock = -1; // where the line starts on the voice's audio clock
    std::vector<double> toLine, toQueued, toHeard;
    QObject::connect(&show.lines(), &studio::LineDirector::lineReady, &app, [&] {
        if (eventAt >= 0 && lineAt < 0)
            lineAt = clock.nsecsElapsed();
    });
    QTimer poll;
    poll.setTimerType(Qt::PreciseTimer);
    // In the player: the synthesizer's worker has queued it (polled every millisecond). Heard:
    // the mixer has pulled a block past the line's start (handed to the AAC encoder).
    QObject::connect(&poll, &QTimer::timeout, &app, [&] {
        if (eventAt < 0 || lineAt < 0)
            return;
        if (queuedAt < 0) {
            if (player.queuedLines() == 0)
                return;
            queuedAt = clock.nsecsElapsed();
            lineStartClock = player.clockFrames();
        }
        if (player.clockFrames() <= lineStartClock)
            return;
        const qint64 now = clock.nsecsElapsed();
        latencies.push_back(double(now - eventAt) / 1e6);
        toLine.push_back(double(lineAt - eventAt) / 1e6);
        toQueued.push_back(double(queuedAt - lineAt) / 1e6);
        toHeard.push_back(double(now - queuedAt) / 1e6);
        eventAt = lineAt = queuedAt = -1;
    });
    poll.start(1);

    int leaderEvents = 0, linesQueued = 0;
    QObject::connect(&studio.session(), &auction::EngineThread::eventsCommitted, &app,
                     [&](const QList<auction::AuctionEvent>& events) {
                         for (const auto& e : events)
                             leaderEvents += e.type == QLatin1String("auction.leader") &&
                                             !show.lines().isMuted();
                     });
    QObject::connect(&show.voice(), &studio::HostVoice::queued, &app, [&] { ++linesQueued; });
    int bidNumber = 0;
    const auto bid = [&] {
        ++bidNumber;
        const QString who =
            bidNumber % 2 ? QStringLiteral("vault_vera") : QStringLiteral("mint_max");
        studio.submitManualBid(who,
                               QStringLiteral("%1 ETH").arg(0.05 + 0.01 * bidNumber, 0, 'f', 2),
                               &app, [](const auction::BidOutcome&) {});
    };
    // A line at most every 4 s (the default gap); a bid every 5 s gives one each time, said
    // after the last one ended.
    const auto phase = [&](bool talkative) {
        show.lines().setMuted(!talkative);
        runFor(1500); // the last phase's line ends
        const render::ProcessUsage before = render::ProcessUsage::now();
        QElapsedTimer wall;
        wall.start();
        for (int t = 0; t < phaseS; t += 5) {
            eventAt = lineAt = queuedAt = -1;
            if (talkative)
                eventAt = -2; // armed: the bid's leader event starts the measure
            bid();
            runFor(5000);
        }
        const render::ProcessUsage after = render::ProcessUsage::now();
        return double(after.cpuTimeNs - before.cpuTimeNs) / double(wall.nsecsElapsed()) * 100.0;
    };
    std::vector<double> quiet, talking;
    const auto loadAverage = [] {
        QFile f(QStringLiteral("/proc/loadavg"));
        return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readLine()).section(u' ', 0, 2)
                                           : QString();
    };
    const QString loadBefore = loadAverage();
    for (int round = 0; round < 3; ++round) {
        quiet.push_back(phase(false));
        talking.push_back(phase(true));
    }
    headless.stop();
    const render::BroadcastStats stats = headless.stats();

    std::printf("\nEvent -> first audible sample of her line (%zu of %d leader events, %d lines "
                "queued, no LLM):\n",
                latencies.size(), leaderEvents, linesQueued);
    std::printf("  p50 %.1f ms, p99 %.1f ms, max %.1f ms\n", percentile(latencies, 0.5),
                percentile(latencies, 0.99),
                latencies.empty() ? 0.0 : *std::max_element(latencies.begin(), latencies.end()));
    std::printf("  p50 of its parts: event -> the director's line %.1f ms, -> synthesized into "
                "the player %.1f ms, -> mixed %.1f ms\n",
                percentile(toLine, 0.5), percentile(toQueued, 0.5), percentile(toHeard, 0.5));
    std::printf("\nProcess CPU, 720p30 headless to nginx-rtmp, %d s phases, a bid every 5 s "
                "(100 %% = one core); load average %s before, %s after:\n",
                phaseS, qPrintable(loadBefore), qPrintable(loadAverage()));
    std::vector<double> added;
    for (std::size_t i = 0; i < quiet.size(); ++i) {
        std::printf("  round %zu: lines muted %.1f %%, host speaking %.1f %%\n", i + 1, quiet[i],
                    talking[i]);
        added.push_back(talking[i] - quiet[i]);
    }
    std::printf("  median of the rounds: muted %.1f %%, speaking %.1f %%: the voice adds %.1f %% "
                "of one core\n",
                percentile(quiet, 0.5), percentile(talking, 0.5), percentile(added, 0.5));
    std::printf("  frames missed %lld, skipped %lld\n", qint64(stats.framesMissed),
                qint64(stats.framesSkipped));
    studio.shutdown();
    return 0;
}
