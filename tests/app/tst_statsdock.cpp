// The stats dock's audio meter as the operator reads it: a known sine mixed by the program's
// mixer shows its momentary loudness and peak (1 kHz at 0.1 on both channels: -20.0 LUFS, peak
// -20.0 dBFS), and nothing playing reads "silence". The status bar's destination squares in the
// colours the operator reads them by, with each destination's state in the tooltip.

#include "AudioMixer.h"
#include "BroadcastStats.h"
#include "CongestionSquares.h"
#include "StatsDock.h"

#include <QApplication>
#include <QImage>
#include <QLabel>
#include <QTest>

#include <cmath>
#include <numbers>

using namespace sb::app;
using namespace sb::render;

namespace {

class Sine final : public AudioSource
{
public:
    QString name() const override { return QStringLiteral("sine"); }
    void read(float* interleaved, int frames) override
    {
        for (int i = 0; i < frames; ++i, ++m_frame)
            interleaved[2 * i] = interleaved[2 * i + 1] =
                float(0.1 * std::sin(2.0 * std::numbers::pi * 1000.0 * double(m_frame) / 48000.0));
    }

private:
    std::int64_t m_frame = 0;
};

QString audioText(const StatsDock& dock)
{
    return dock.findChild<QLabel*>(QStringLiteral("audioValue"))->text();
}

} // namespace

class TestStatsDock : public QObject
{
    Q_OBJECT

private slots:
    void showsTheProgramAudioMeter();
    void destinationSquaresShowEachState();
};

void TestStatsDock::showsTheProgramAudioMeter()
{
    StatsDock dock;
    BroadcastStats stats; // nothing mixed yet
    dock.showStats(stats);
    QCOMPARE(audioText(dock), QStringLiteral("silence"));

    AudioMixer mixer;
    mixer.addSource(std::make_shared<Sine>());
    for (int i = 0; i < 30; ++i)
        mixer.mix(1600); // a second, in the encoder's blocks
    const AudioMeter::Reading reading = mixer.meter().reading();
    stats.audioMomentaryLufs = reading.momentaryLufs;
    stats.audioPeakDbfs = reading.peakDbfs;
    dock.showStats(stats);
    QCOMPARE(audioText(dock), QStringLiteral("-20.0 LUFS, peak -20.0 dBFS"));
    QCOMPARE(stats.toJson().value(QStringLiteral("audio_momentary_lufs")).toDouble(), -20.0);
}

void TestStatsDock::destinationSquaresShowEachState()
{
    const auto output = [](const char* name, OutputState state, std::int64_t queuedMs = 0) {
        OutputStats o;
        o.name = QString::fromLatin1(name);
        o.state = state;
        o.queuedMs = queuedMs;
        return o;
    };
    CongestionSquares squares(nullptr);
    squares.setOutputs(
        {output("X", OutputState::Live), output("Twitch", OutputState::Live, 900),
         output("YouTube", OutputState::Connecting), output("Kick", OutputState::Reconnecting),
         output("Backup", OutputState::Failed), output("Recording", OutputState::Stopped)});
    QCOMPARE(squares.width(), 6 * 18);
    const QImage picture = squares.grab().toImage();
    const auto colourOf = [&picture](int square) {
        return picture.pixelColor(square * 18 + 8, 7).rgb() & 0xffffff;
    };
    QCOMPARE(colourOf(0), QColor(60, 190, 90).rgb() & 0xffffff);   // live: green
    QCOMPARE(colourOf(1), QColor(230, 190, 40).rgb() & 0xffffff);  // 0.9 s queued: yellow
    QCOMPARE(colourOf(2), QColor(230, 190, 40).rgb() & 0xffffff);  // connecting: yellow
    QCOMPARE(colourOf(3), QColor(210, 60, 50).rgb() & 0xffffff);   // reconnecting: red
    QCOMPARE(colourOf(4), QColor(210, 60, 50).rgb() & 0xffffff);   // failed: red
    QCOMPARE(colourOf(5), QColor(120, 120, 120).rgb() & 0xffffff); // stopped: grey
    QCOMPARE(squares.toolTip(),
             QStringLiteral("X: Live\nTwitch: Live\nYouTube: Connecting\nKick: Reconnecting\n"
                            "Backup: Failed\nRecording: Stopped"));

    squares.setOutputs({});
    QCOMPARE(squares.width(), 18); // still a place in the status bar
}

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    TestStatsDock test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_statsdock.moc"
