// The program mix as a listener hears it: the stats dock's meter reads a known sine right
// (momentary loudness and peak), and a music bed ducks by about 10 dB under the host's voice with
// a smooth glide down and back, while the voice itself and effects are left as they are.

#include "AudioMeter.h"
#include "AudioMixer.h"

#include <QTest>

#include <cmath>
#include <numbers>

using namespace sb::render;

namespace {

// A sine on both channels; `from`/`to` (in frames of the mix) gate it, e.g. a voice that speaks.
class SineSource final : public AudioSource
{
public:
    SineSource(double hz, double amplitude, std::int64_t from = 0,
               std::int64_t to = std::numeric_limits<std::int64_t>::max())
        : m_hz(hz), m_amplitude(amplitude), m_from(from), m_to(to)
    {}
    QString name() const override { return QStringLiteral("sine"); }
    void read(float* interleaved, int frames) override
    {
        for (int i = 0; i < frames; ++i, ++m_frame) {
            const bool on = m_frame >= m_from && m_frame < m_to;
            const double v = on ? m_amplitude * std::sin(2.0 * std::numbers::pi * m_hz *
                                                         double(m_frame) / kAudioSampleRate)
                                : 0.0;
            interleaved[2 * i] = interleaved[2 * i + 1] = float(v);
        }
    }

private:
    double m_hz, m_amplitude;
    std::int64_t m_from, m_to, m_frame = 0;
};

// The amplitude of the `hz` component of the left channel over [from, from + frames).
double toneAmplitude(const std::vector<float>& mix, double hz, std::int64_t from, int frames)
{
    double re = 0, im = 0;
    for (int i = 0; i < frames; ++i) {
        const double phase = 2.0 * std::numbers::pi * hz * double(from + i) / kAudioSampleRate;
        re += mix[std::size_t(2 * (from + i))] * std::cos(phase);
        im += mix[std::size_t(2 * (from + i))] * std::sin(phase);
    }
    return 2.0 * std::hypot(re, im) / frames;
}

std::vector<float> mixFor(AudioMixer& mixer, int seconds)
{
    std::vector<float> out;
    // In the pipeline's block size: one 30 fps frame of audio at a time.
    for (int b = 0; b < seconds * 30; ++b) {
        const AudioBlock block = mixer.mix(1600);
        out.insert(out.end(), block.samples.begin(), block.samples.end());
    }
    return out;
}

double db(double ratio)
{
    return 20.0 * std::log10(ratio);
}

} // namespace

class TestAudioMix : public QObject
{
    Q_OBJECT

private slots:
    void meterReadsASine();
    void meterReadsSilenceAsSilence();
    void bedDucksUnderTheVoice();
    void effectsAndNoKeyAreNotDucked();
};

void TestAudioMix::meterReadsASine()
{
    // BS.1770 calibration: a 1 kHz sine at amplitude A on both channels reads 20·log10(A) LUFS
    // (−3.01 dB for one channel at full scale, +3.01 for the second).
    for (const double amplitude : {0.1, 0.5}) {
        AudioMixer mixer;
        mixer.addSource(std::make_shared<SineSource>(1000.0, amplitude));
        mixFor(mixer, 1);
        const AudioMeter::Reading r = mixer.meter().reading();
        QVERIFY2(std::abs(r.momentaryLufs - db(amplitude)) < 0.2,
                 qPrintable(QString::number(r.momentaryLufs)));
        QVERIFY2(std::abs(r.peakDbfs - db(amplitude)) < 0.05,
                 qPrintable(QString::number(r.peakDbfs)));
    }
    // The momentary window is 400 ms: a sine that stopped half a second ago is gone from it.
    AudioMeter meter;
    std::vector<float> tone(48000 * 2), quiet(24000 * 2, 0.0f);
    for (int i = 0; i < 48000; ++i)
        tone[std::size_t(2 * i)] = tone[std::size_t(2 * i + 1)] =
            float(0.25 * std::sin(2.0 * std::numbers::pi * 1000.0 * i / 48000.0));
    meter.feed(tone.data(), 48000);
    QVERIFY(std::abs(meter.reading().momentaryLufs - db(0.25)) < 0.2);
    meter.feed(quiet.data(), 24000);
    QCOMPARE(meter.reading().momentaryLufs, AudioMeter::kSilenceDb);
    QVERIFY(std::abs(meter.reading().peakDbfs - db(0.25)) < 0.05); // the last second's peak
}

void TestAudioMix::meterReadsSilenceAsSilence()
{
    AudioMixer mixer;
    QCOMPARE(mixer.meter().reading().momentaryLufs, AudioMeter::kSilenceDb);
    mixFor(mixer, 1); // no sources: silence, still metered
    QCOMPARE(mixer.meter().reading().momentaryLufs, AudioMeter::kSilenceDb);
    QCOMPARE(mixer.meter().reading().peakDbfs, AudioMeter::kSilenceDb);
}

void TestAudioMix::bedDucksUnderTheVoice()
{
    // A 220 Hz bed throughout; the "voice" (3 kHz) speaks from 2 s to 4 s.
    AudioMixer mixer;
    const auto bed = std::make_shared<SineSource>(220.0, 0.2);
    const auto voice = std::make_shared<SineSource>(3000.0, 0.3, 2 * 48000, 4 * 48000);
    mixer.addSource(bed);
    mixer.addSource(voice);
    mixer.setDuckingKey(voice);
    const std::vector<float> mix = mixFor(mixer, 7);

    const auto bedDbAt = [&](double seconds) {
        return db(toneAmplitude(mix, 220.0, std::int64_t(seconds * 48000), 4800) / 0.2);
    };
    QVERIFY2(std::abs(bedDbAt(1.0)) < 0.3, qPrintable(QString::number(bedDbAt(1.0))));
    // Under the voice: about 10 dB down once the attack has settled.
    for (const double t : {2.5, 3.0, 3.8})
        QVERIFY2(std::abs(bedDbAt(t) + 10.0) < 1.0, qPrintable(QString::number(bedDbAt(t))));
    // The voice itself is not touched.
    QVERIFY(std::abs(db(toneAmplitude(mix, 3000.0, 3 * 48000, 4800) / 0.3)) < 0.3);
    // Back up after the hold and release.
    QVERIFY2(std::abs(bedDbAt(6.0)) < 0.5, qPrintable(QString::number(bedDbAt(6.0))));

    // Smooth: measured over 10 ms windows, the bed never moves by more than 3 dB from one window
    // to the next (a hard switch would step 10 dB at once), and the attack takes under 200 ms.
    double previous = bedDbAt(1.5);
    double downBy = -1;
    for (double t = 1.5; t < 6.5; t += 0.01) {
        const double level = db(toneAmplitude(mix, 220.0, std::int64_t(t * 48000), 480) / 0.2);
        QVERIFY2(std::abs(level - previous) < 3.0,
                 qPrintable(
                     QStringLiteral("%1 dB at %2 s after %3 dB").arg(level).arg(t).arg(previous)));
        if (downBy < 0 && level < -9.0)
            downBy = t;
        previous = level;
    }
    QVERIFY2(downBy >= 1.95 && downBy < 2.2, qPrintable(QString::number(downBy)));
}

void TestAudioMix::effectsAndNoKeyAreNotDucked()
{
    AudioMixer mixer;
    const auto effect = std::make_shared<SineSource>(660.0, 0.2);
    const auto voice = std::make_shared<SineSource>(3000.0, 0.3);
    effect->setDucksUnderKey(false);
    mixer.addSource(effect);
    mixer.addSource(voice);
    mixer.setDuckingKey(voice);
    const std::vector<float> mix = mixFor(mixer, 2);
    QVERIFY(std::abs(db(toneAmplitude(mix, 660.0, 48000, 4800) / 0.2)) < 0.3);

    // Without a key nothing ducks.
    AudioMixer plain;
    const auto bed = std::make_shared<SineSource>(220.0, 0.2);
    plain.addSource(bed);
    plain.addSource(std::make_shared<SineSource>(3000.0, 0.3));
    const std::vector<float> plainMix = mixFor(plain, 2);
    QVERIFY(std::abs(db(toneAmplitude(plainMix, 220.0, 48000, 4800) / 0.2)) < 0.3);
    QCOMPARE(plain.duckGainDb(), 0.0);
}

QTEST_GUILESS_MAIN(TestAudioMix)
#include "tst_audiomix.moc"
