// The host's voice as the mixer hears it: a line said becomes speech in the source the pipeline
// mixes (48 kHz stereo, silence before and after it), a muted host says nothing, a line that
// waited while nothing pulled the mix is dropped when the next one comes, and she counts as
// speaking exactly until the mix has played her line (or, with a synthesizer that hangs, no
// longer than its patience).

#include "AudioMixer.h"
#include "HostVoice.h"
#include "SpeechPlayer.h"
#include "TextToSpeech.h"

#include <QElapsedTimer>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <vector>

using namespace sb::studio;

namespace {

// Mean square of one block of interleaved stereo.
double power(const std::vector<float>& block)
{
    double sum = 0;
    for (float v : block)
        sum += double(v) * double(v);
    return block.empty() ? 0 : sum / double(block.size());
}

// Pulls `ms` of audio from the voice's source in 10 ms blocks, as the mixer does, and returns
// the power of each block.
std::vector<double> pull(HostVoice& voice, int ms)
{
    std::vector<double> powers;
    std::vector<float> block(480 * 2);
    for (int i = 0; i < ms / 10; ++i) {
        voice.source()->read(block.data(), 480);
        powers.push_back(power(block));
    }
    return powers;
}

// An engine that answers only when the test lets it (a hung synthesizer).
class StalledSpeech final : public sb::integrations::tts::TextToSpeech
{
public:
    explicit StalledSpeech(std::shared_ptr<QSemaphore> answer) : m_answer(std::move(answer)) {}
    QString engineName() const override { return QStringLiteral("stalled"); }
    sb::integrations::tts::SpeechResult synthesize(const QString&,
                                                   const sb::integrations::tts::Voice&) override
    {
        m_answer->acquire();
        sb::integrations::tts::SpeechResult result;
        result.errorString = QStringLiteral("gave up");
        return result;
    }

private:
    std::shared_ptr<QSemaphore> m_answer;
};

} // namespace

class TestHostVoice : public QObject
{
    Q_OBJECT

private slots:
    void aLineIsSpeechInTheMix();
    void mutedSaysNothing();
    void aLineNobodyHeardIsDroppedForTheNext();
    void sheIsSpeakingUntilTheMixHasPlayedHerLine();
    void aSynthesisThatNeverAnswersHoldsNothingForLong();
};

void TestHostVoice::aLineIsSpeechInTheMix()
{
    HostVoice voice;
    QSignalSpy queued(&voice, &HostVoice::queued);
    const std::vector<double> before = pull(voice, 200);
    for (double p : before)
        QCOMPARE(p, 0.0); // silence until she speaks
    voice.say(QStringLiteral("Sold to vault vera for zero point eight ether!"));
    QVERIFY(queued.wait(10'000));
    const int durationMs = queued.first().first().toInt();
    QVERIFY2(durationMs > 1000, qPrintable(QString::number(durationMs)));
    const std::vector<double> speech = pull(voice, durationMs);
    const auto loud = std::count_if(speech.begin(), speech.end(), [](double p) {
        return p > 1e-4; // about -40 dBFS: speech, not noise
    });
    QVERIFY2(loud > long(speech.size()) / 2, qPrintable(QString::number(loud)));
    const std::vector<double> after = pull(voice, 300);
    for (double p : after)
        QCOMPARE(p, 0.0); // and silence once the line is over
}

void TestHostVoice::mutedSaysNothing()
{
    HostVoice voice;
    voice.setMuted(true);
    QSignalSpy queued(&voice, &HostVoice::queued);
    voice.say(QStringLiteral("This is never heard."));
    QVERIFY(!queued.wait(1500));
    for (double p : pull(voice, 500))
        QCOMPARE(p, 0.0);
}

void TestHostVoice::aLineNobodyHeardIsDroppedForTheNext()
{
    HostVoice voice;
    QSignalSpy queued(&voice, &HostVoice::queued);
    voice.say(QStringLiteral("The first line, said while nothing streams."));
    QVERIFY(queued.wait(10'000));
    QCOMPARE(voice.player().queuedLines(), 1);
    // Nothing pulled the mix since: the next line replaces it.
    voice.say(QStringLiteral("The second line."));
    QVERIFY(queued.wait(10'000));
    QCOMPARE(voice.player().queuedLines(), 1);
}

void TestHostVoice::sheIsSpeakingUntilTheMixHasPlayedHerLine()
{
    // What the director waits on before her next line, so lines never pile up in her queue.
    HostVoice voice;
    QVERIFY(!voice.isSpeaking());
    QSignalSpy queued(&voice, &HostVoice::queued);
    voice.say(QStringLiteral("Sold to vault vera for zero point eight ether!"));
    QVERIFY(voice.isSpeaking()); // being synthesized
    QVERIFY(queued.wait(10'000));
    const int durationMs = queued.first().first().toInt();
    pull(voice, 100);
    QVERIFY(voice.isSpeaking()); // playing
    pull(voice, durationMs - 200);
    QVERIFY(voice.isSpeaking()); // not done yet
    pull(voice, 200);
    QVERIFY(!voice.isSpeaking());              // done
    QCOMPARE(voice.player().queuedLines(), 0); // and gone from the queue

    // Nobody pulls the mix (no stream, no recording): a line waiting there holds nothing back
    // for longer than kStillClockMs.
    voice.say(QStringLiteral("Said while nothing streams."));
    QVERIFY(queued.wait(10'000));
    QVERIFY(voice.isSpeaking());
    QTRY_VERIFY_WITH_TIMEOUT(!voice.isSpeaking(), HostVoice::kStillClockMs * 4);

    // Stopped by the operator: done at once.
    pull(voice, 10);
    voice.say(QStringLiteral("A line the operator skips."));
    QVERIFY(queued.wait(10'000));
    pull(voice, 10);
    QVERIFY(voice.isSpeaking());
    voice.stop();
    QVERIFY(!voice.isSpeaking());
}

void TestHostVoice::aSynthesisThatNeverAnswersHoldsNothingForLong()
{
    // A synthesizer that hangs must not silence the show: the director waits on her only for
    // kSynthesisPatienceMs, then the next line may come.
    auto answer = std::make_shared<QSemaphore>(0);
    HostVoice voice([answer] { return std::make_unique<StalledSpeech>(answer); });
    QElapsedTimer since;
    since.start();
    voice.say(QStringLiteral("A line the engine never finishes."));
    QVERIFY(voice.isSpeaking());
    QTest::qWait(HostVoice::kSynthesisPatienceMs - 1'500);
    if (since.elapsed() < HostVoice::kSynthesisPatienceMs - 100)
        QVERIFY(voice.isSpeaking()); // still within its patience
    QTRY_VERIFY_WITH_TIMEOUT(!voice.isSpeaking(), 3'000);
    QVERIFY(since.elapsed() >= HostVoice::kSynthesisPatienceMs);
    answer->release(); // the worker finishes, so the voice can go
}

QTEST_GUILESS_MAIN(TestHostVoice)
#include "tst_hostvoice.moc"
