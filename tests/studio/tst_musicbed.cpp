// The music bed as the window plays it: Settings → Host's music bed (a file, a level) applied to
// the show puts the file, looped, in the program mix its pipeline mixes; it is ~10 dB lower while
// the host speaks, another level replaces it, and clearing the setting takes it out of the mix.
// A file that cannot be played is named, not silently left out.

#include "AudioMixer.h"
#include "HostSettings.h"
#include "HostVoice.h"
#include "SessionFixture.h"
#include "ShowScene.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <numbers>

using namespace sb::studio;
using sb::auction::test::SessionFixture;
using sb::render::AudioMixer;
using namespace Qt::StringLiterals;

namespace {

constexpr int kRate = 48000;
constexpr double kBedHz = 60.0; // under the voice's fundamental: the bed is measured apart

// One second of a 60 Hz sine at -12 dBFS peak, 48 kHz stereo 16-bit (loops without a click).
bool writeSineWav(const QString& path)
{
    QByteArray pcm;
    for (int i = 0; i < kRate; ++i) {
        const double v = 0.25 * std::sin(2.0 * std::numbers::pi * kBedHz * i / kRate);
        const auto s = qint16(std::lround(v * 32767.0));
        for (int c = 0; c < 2; ++c)
            pcm.append(reinterpret_cast<const char*>(&s), 2);
    }
    QByteArray wav;
    const auto u32 = [&wav](quint32 v) { wav.append(reinterpret_cast<const char*>(&v), 4); };
    const auto u16 = [&wav](quint16 v) { wav.append(reinterpret_cast<const char*>(&v), 2); };
    wav.append("RIFF");
    u32(quint32(36 + pcm.size()));
    wav.append("WAVEfmt ");
    u32(16);
    u16(1); // PCM
    u16(2);
    u32(kRate);
    u32(kRate * 4);
    u16(4);
    u16(16);
    wav.append("data");
    u32(quint32(pcm.size()));
    wav.append(pcm);
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(wav) == wav.size();
}

// The 60 Hz amplitude of the left channel of one 100 ms block (6 whole cycles: one DFT bin).
double bedAmplitude(const sb::render::AudioBlock& block)
{
    double re = 0, im = 0;
    const int frames = block.frames();
    for (int i = 0; i < frames; ++i) {
        const double phase = 2.0 * std::numbers::pi * kBedHz * i / kRate;
        re += block.samples[std::size_t(i) * 2] * std::cos(phase);
        im += block.samples[std::size_t(i) * 2] * std::sin(phase);
    }
    return 2.0 * std::hypot(re, im) / frames;
}

double db(double ratio)
{
    return 20.0 * std::log10(ratio);
}

} // namespace

class TestMusicBed : public QObject
{
    Q_OBJECT

private slots:
    void bedPlaysDucksAndGoes();
    void unplayableFileIsNamed();
};

void TestMusicBed::bedPlaysDucksAndGoes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString wav = dir.filePath(u"bed.wav"_s);
    QVERIFY(writeSineWav(wav));

    SessionFixture f;
    ShowScene show(*f.session, false, QDir::temp());
    AudioMixer mixer; // the pipeline's program mix, as StudioController::startPipeline attaches it
    show.attachAudio(mixer);
    QVERIFY(!show.hasMusicBed());
    QCOMPARE(bedAmplitude(mixer.mix(4800)), 0.0); // no bed: silence

    HostSettings settings;
    settings.musicFile = wav;
    settings.musicLevelDb = -6;
    QCOMPARE(show.applyHostSettings(settings, nullptr), QStringList());
    QVERIFY(show.hasMusicBed());
    double before = 0;
    for (int i = 0; i < 5; ++i)
        before = bedAmplitude(mixer.mix(4800));
    // -12 dBFS peak at -6 dB: 0.125.
    QVERIFY2(std::abs(db(before / 0.25) - -6.0) < 0.5, qPrintable(QString::number(db(before))));

    // She speaks: the bed ducks by about 10 dB, and comes back after her line.
    QSignalSpy queued(&show.voice(), &HostVoice::queued);
    show.voice().say(u"Three new bids, and vault vera leads at zero point eight ether!"_s);
    QTRY_COMPARE_WITH_TIMEOUT(queued.size(), 1, 15'000);
    double lowest = before;
    for (int i = 0; i < 30; ++i)
        lowest = std::min(lowest, bedAmplitude(mixer.mix(4800)));
    const double duck = db(lowest / before);
    QVERIFY2(duck < -8.5 && duck > -11.5, qPrintable(QString::number(duck)));
    for (int i = 0; i < 100 && mixer.duckGainDb() < -0.01; ++i)
        mixer.mix(4800);
    double after = 0;
    for (int i = 0; i < 3; ++i)
        after = bedAmplitude(mixer.mix(4800));
    QVERIFY2(std::abs(db(after / before)) < 0.5, qPrintable(QString::number(db(after / before))));

    // Another level replaces the bed (one bed, not two).
    settings.musicLevelDb = -18;
    QCOMPARE(show.applyHostSettings(settings, nullptr), QStringList());
    const int sources = mixer.sourceCount();
    double quieter = 0;
    for (int i = 0; i < 3; ++i)
        quieter = bedAmplitude(mixer.mix(4800));
    QVERIFY2(std::abs(db(quieter / before) - -12.0) < 0.5,
             qPrintable(QString::number(db(quieter / before))));

    // Cleared: the bed is gone from the mix.
    settings.musicFile.clear();
    QCOMPARE(show.applyHostSettings(settings, nullptr), QStringList());
    QVERIFY(!show.hasMusicBed());
    QCOMPARE(mixer.sourceCount(), sources);
    QCOMPARE(bedAmplitude(mixer.mix(4800)), 0.0);
}

void TestMusicBed::unplayableFileIsNamed()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString notAudio = dir.filePath(u"notes.mp3"_s);
    QFile file(notAudio);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("these are not the samples you are looking for\n");
    file.close();

    SessionFixture f;
    ShowScene show(*f.session, false, QDir::temp());
    AudioMixer mixer;
    show.attachAudio(mixer);
    HostSettings settings;
    settings.musicFile = notAudio;
    const QStringList problems = show.applyHostSettings(settings, nullptr);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(u"notes.mp3"_s), qPrintable(problems.first()));
    QVERIFY(!show.hasMusicBed());
    QCOMPARE(bedAmplitude(mixer.mix(4800)), 0.0);

    QString error;
    QVERIFY(!sb::render::AudioFileSource::openBed(dir.filePath(u"missing.ogg"_s), -6, &error));
    QVERIFY(!error.isEmpty());
}

QTEST_MAIN(TestMusicBed)
#include "tst_musicbed.moc"
