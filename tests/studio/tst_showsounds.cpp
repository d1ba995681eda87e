// The show's sounds as a viewer hears them: a gavel on SOLD and a chime when a window opens,
// short, made by the project's own code, and always under the host's speech — measured in the
// program mix with the stats dock's meter (EBU R 128 momentary loudness).

#include "AuctionEvent.h"
#include "AudioMeter.h"
#include "AudioMixer.h"
#include "EspeakSpeech.h"
#include "ShowSounds.h"

#include <QtTest>

#include <cmath>

using namespace sb::studio;
using sb::render::AudioMeter;
using sb::render::AudioMixer;
using sb::render::PcmInputSource;
using Sound = ShowSounds::Sound;

namespace {

double peakDbfs(const std::vector<float>& samples)
{
    float peak = 0;
    for (float s : samples)
        peak = std::max(peak, std::fabs(s));
    return 20.0 * std::log10(double(peak));
}

// The loudest momentary loudness (400 ms windows, every 100 ms) of what `mixer` mixes in `ms`.
double loudestMomentary(AudioMixer& mixer, int ms)
{
    double loudest = AudioMeter::kSilenceDb;
    for (int t = 0; t < ms; t += 100) {
        mixer.mix(4800);
        loudest = std::max(loudest, mixer.meter().reading().momentaryLufs);
    }
    return loudest;
}

sb::auction::AuctionEvent auctionEvent(const char* type)
{
    sb::auction::AuctionEvent e;
    e.type = QString::fromLatin1(type);
    return e;
}

std::vector<float> pull(sb::render::AudioSource& source, int frames)
{
    std::vector<float> out(std::size_t(frames) * 2);
    source.read(out.data(), frames);
    return out;
}

} // namespace

class TestShowSounds : public QObject
{
    Q_OBJECT

private slots:
    void soundsAreShortAndClean();
    void speechStaysOnTop();
    void eventsPlayTheirSound();
    void aSoundNobodyHeardGivesWay();
};

void TestShowSounds::soundsAreShortAndClean()
{
    for (const Sound sound : {Sound::Gavel, Sound::Chime}) {
        const std::vector<float>& samples = ShowSounds::samples(sound);
        const double seconds = double(samples.size()) / 2.0 / 48000.0;
        QVERIFY2(seconds > 0.2 && seconds <= 2.0, qPrintable(QString::number(seconds)));
        const double peak = peakDbfs(samples);
        QVERIFY2(peak < -3.0 && peak > -40.0, qPrintable(QString::number(peak)));
        // Starts from silence, not with a step (a click), and ends in silence.
        QVERIFY(20.0 * std::log10(std::fabs(double(samples[0])) + 1e-9) < peak - 40.0);
        QVERIFY(20.0 * std::log10(std::fabs(double(samples[samples.size() - 1])) + 1e-9) <
                peak - 30.0);
    }
    // The same sound on every run: synthesized, not random.
    QCOMPARE(ShowSounds::samples(Sound::Gavel), ShowSounds::samples(Sound::Gavel));
}

void TestShowSounds::speechStaysOnTop()
{
    sb::integrations::tts::EspeakSpeech espeak;
    const sb::integrations::tts::SpeechResult line = espeak.synthesize(
        QStringLiteral("Sold! The lot goes to vault vera for two point five ETH."), {});
    QVERIFY2(line.ok(), qPrintable(line.errorString));

    const auto measure = [&](bool speech, std::optional<Sound> sound) {
        AudioMixer mixer;
        auto voice = std::make_shared<PcmInputSource>(QStringLiteral("voice"), 20'000);
        ShowSounds sounds;
        mixer.addSource(voice);
        mixer.addSource(sounds.source());
        mixer.setDuckingKey(voice);
        mixer.mix(0); // the mix is running
        if (speech)
            voice->push(line.samples.data(), line.frameCount());
        if (sound)
            sounds.play(*sound);
        return loudestMomentary(mixer, line.durationMs() + 500);
    };
    const double speech = measure(true, std::nullopt);
    QVERIFY2(std::abs(speech - -14.0) < 4.0, qPrintable(QString::number(speech)));
    for (const Sound sound : {Sound::Gavel, Sound::Chime}) {
        const double effect = measure(false, sound);
        // Alone, each effect is at its level, well under the voice.
        QVERIFY2(std::abs(effect - ShowSounds::kEffectLoudnessLufs) < 0.5,
                 qPrintable(QString::number(effect)));
        QVERIFY2(effect < speech - 6.0,
                 qPrintable(QStringLiteral("%1 vs speech %2").arg(effect).arg(speech)));
        // Played over her line, it barely moves the mix's loudness: speech stays on top.
        const double both = measure(true, sound);
        qInfo("%s: %.1f LUFS alone; speech %.1f LUFS, %.1f with it",
              sound == Sound::Gavel ? "gavel" : "chime", effect, speech, both);
        QVERIFY2(both - speech < 1.0,
                 qPrintable(QStringLiteral("%1 with, %2 without").arg(both).arg(speech)));
    }
}

void TestShowSounds::eventsPlayTheirSound()
{
    ShowSounds sounds;
    const auto source = sounds.source();
    QVERIFY(!source->ducksUnderKey());
    const auto frames = [](Sound s) { return int(ShowSounds::samples(s).size() / 2); };

    // Nothing pulls the mix yet (no stream): a winner now is not kept for a later stream.
    sounds.onEvents({auctionEvent("auction.winner")});

    sounds.onEvents({auctionEvent("bid.accepted"), auctionEvent("auction.leader")});
    QCOMPARE(pull(*source, 480), std::vector<float>(960, 0.0f)); // nothing for a bid

    sounds.onEvents({auctionEvent("auction.winner")});
    QCOMPARE(pull(*source, frames(Sound::Gavel)), ShowSounds::samples(Sound::Gavel));
    QCOMPARE(pull(*source, 480), std::vector<float>(960, 0.0f)); // played once

    sounds.onEvents({auctionEvent("day.opened")});
    QCOMPARE(pull(*source, frames(Sound::Chime)), ShowSounds::samples(Sound::Chime));

    sounds.setMuted(true);
    sounds.onEvents({auctionEvent("auction.winner")});
    QCOMPARE(pull(*source, 480), std::vector<float>(960, 0.0f));
}

void TestShowSounds::aSoundNobodyHeardGivesWay()
{
    // Nothing mixed between the two: only the second is played, from its start.
    ShowSounds sounds;
    pull(*sounds.source(), 0); // the mix is running
    sounds.play(Sound::Chime);
    sounds.play(Sound::Gavel);
    const int frames = int(ShowSounds::samples(Sound::Gavel).size() / 2);
    QCOMPARE(pull(*sounds.source(), frames), ShowSounds::samples(Sound::Gavel));
}

QTEST_GUILESS_MAIN(TestShowSounds)
#include "tst_showsounds.moc"
