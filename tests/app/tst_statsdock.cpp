// The stats dock's audio meter as the operator reads it: a known sine mixed by the program's
// mixer shows its momentary loudness and peak (1 kHz at 0.1 on both channels: -20.0 LUFS, peak
// -20.0 dBFS), and nothing playing reads "silence".

#include "AudioMixer.h"
#include "BroadcastStats.h"
#include "StatsDock.h"

#include <QApplication>
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

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    TestStatsDock test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_statsdock.moc"
