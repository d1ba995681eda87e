// The host's voice per line: how long espeak-ng synthesis, resampling and loudness normalization
// take against the length of the speech (real-time factor; below 1 is faster than real time),
// the loudness and true peak reached, and enqueue → result through the worker thread.
// Prints figures; asserts nothing.

#include "EspeakSpeech.h"
#include "SpeechSynthesizer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace sb::integrations::tts;

namespace {

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values[std::size_t(p * double(values.size() - 1))];
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(1, atoi(argv[1])) : 20;
    const QList<QString> lines = {
        QStringLiteral("Sold!"),
        QStringLiteral("New leader: vault_vera at 0.8 ETH."),
        QStringLiteral("Three new bids in a minute, and vault_vera leads at 0.8 ETH. Who will make "
                       "it one? Going once, going twice, the window is still open."),
    };

    EspeakSpeech speech;
    (void)speech.synthesize(lines.first(), Voice{}); // espeak-ng's one-time start
    std::printf("%-10s %8s %10s %10s %8s %8s %9s\n", "line", "audio ms", "p50 ms", "p99 ms",
                "RTF p50", "LUFS", "dBTP");
    for (const QString& line : lines) {
        std::vector<double> ms;
        SpeechResult last;
        for (int i = 0; i < rounds; ++i) {
            QElapsedTimer timer;
            timer.start();
            last = speech.synthesize(line, Voice{});
            ms.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        const double p50 = percentile(ms, 0.5);
        std::printf("%-10d %8d %10.1f %10.1f %8.3f %8.2f %9.2f\n", int(line.size()),
                    last.durationMs(), p50, percentile(ms, 0.99), p50 / last.durationMs(),
                    last.loudnessLufs, last.truePeakDbtp);
    }

    // Through the worker thread: enqueue on this thread, result back by the queued signal.
    SpeechSynthesizer synthesizer(std::make_unique<EspeakSpeech>());
    std::vector<double> roundTrip;
    for (int i = 0; i < rounds; ++i) {
        QEventLoop loop;
        QElapsedTimer timer;
        QObject::connect(&synthesizer, &SpeechSynthesizer::synthesized, &loop, &QEventLoop::quit);
        timer.start();
        (void)synthesizer.enqueue(lines[1], Voice{});
        loop.exec();
        roundTrip.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::printf("enqueue -> result (line of %d chars): p50 %.1f ms, p99 %.1f ms over %d\n",
                int(lines[1].size()), percentile(roundTrip, 0.5), percentile(roundTrip, 0.99),
                rounds);
    return 0;
}
