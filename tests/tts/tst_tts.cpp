// The host's voice as a viewer would notice it: a line is audible 48 kHz stereo at the stream's
// loudness without clipping, the mouth moves with the sounds that chose it, the caption's word
// marks advance, synthesis never runs on the caller's thread, and playback follows the samples
// actually mixed.

#include "EspeakSpeech.h"
#include "MouthShapes.h"
#include "SpeechPlayer.h"
#include "SpeechSynthesizer.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <ebur128.h>

#include <atomic>
#include <cmath>
#include <thread>

using namespace sb::integrations::tts;

namespace {

const QString kShortLine = QStringLiteral("Sold!");
const QString kLongLine =
    QStringLiteral("Three new bids in a minute, and vault vera leads at zero point eight ether. "
                   "Who will make it one? Going once, going twice, the window is still open.");

constexpr float kAudibleLevel = 0.01f; // −40 dBFS

struct Measured
{
    double integratedLufs = 0.0;
    double truePeakDbtp = 0.0;
};

Measured measure(const std::vector<float>& samples)
{
    ebur128_state* state =
        ebur128_init(2, kSpeechSampleRate, EBUR128_MODE_I | EBUR128_MODE_TRUE_PEAK);
    ebur128_add_frames_float(state, samples.data(), samples.size() / 2);
    Measured m;
    ebur128_loudness_global(state, &m.integratedLufs);
    double peak = 0.0;
    for (unsigned c = 0; c < 2; ++c) {
        double p = 0.0;
        ebur128_true_peak(state, c, &p);
        peak = std::max(peak, p);
    }
    m.truePeakDbtp = 20.0 * std::log10(peak);
    ebur128_destroy(&state);
    return m;
}

int firstAudibleMs(const SpeechResult& r)
{
    for (std::size_t i = 0; i < r.samples.size(); ++i)
        if (std::abs(r.samples[i]) > kAudibleLevel)
            return int(i / 2 * 1000 / kSpeechSampleRate);
    return -1;
}

int lastAudibleMs(const SpeechResult& r)
{
    for (std::size_t i = r.samples.size(); i-- > 0;)
        if (std::abs(r.samples[i]) > kAudibleLevel)
            return int(i / 2 * 1000 / kSpeechSampleRate);
    return -1;
}

// Remembers which thread each line was synthesized on.
class ThreadRecordingSpeech final : public TextToSpeech
{
public:
    explicit ThreadRecordingSpeech(std::atomic<QThread*>* thread) : m_thread(thread) {}
    QString engineName() const override { return m_inner.engineName(); }
    SpeechResult synthesize(const QString& text, const Voice& voice) override
    {
        m_thread->store(QThread::currentThread());
        return m_inner.synthesize(text, voice);
    }

private:
    EspeakSpeech m_inner;
    std::atomic<QThread*>* m_thread;
};

} // namespace

class TestTts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void lineIsAudible48kHzStereoThatGrowsWithText();
    void loudnessIsNormalizedToTarget();
    void truePeakStaysUnderCeiling();
    void emptyLineGivesEmptyAudio();
    void unknownVoiceIsAnError();
    void installedVoicesSpeak();
    void mouthShapesFollowPhonemes();
    void shortShapesAreMergedOrLengthened();
    void visemesAreOrderedHeldAndCoverTheSpeech();
    void visemesStartNearTheirPhonemes();
    void wordMarksAdvanceThroughTheText();
    void synthesisRunsOffTheCallersThread();
    void concurrentRequestsQueue();
    void playerFollowsTheAudioClock();

private:
    EspeakSpeech m_speech;
    SpeechResult m_short;
    SpeechResult m_long;
};

void TestTts::initTestCase()
{
    m_short = m_speech.synthesize(kShortLine, Voice{});
    QVERIFY2(m_short.ok(), qPrintable(m_short.errorString));
    m_long = m_speech.synthesize(kLongLine, Voice{});
    QVERIFY2(m_long.ok(), qPrintable(m_long.errorString));
    qInfo("short line: %d ms, %.2f LUFS, %.2f dBTP; long line: %d ms, %.2f LUFS, %.2f dBTP",
          m_short.durationMs(), m_short.loudnessLufs, m_short.truePeakDbtp, m_long.durationMs(),
          m_long.loudnessLufs, m_long.truePeakDbtp);
}

void TestTts::lineIsAudible48kHzStereoThatGrowsWithText()
{
    for (const SpeechResult* r : {&m_short, &m_long}) {
        QVERIFY(r->frameCount() > kSpeechSampleRate / 4);
        QCOMPARE(r->samples.size() % kSpeechChannels, std::size_t(0));
        QVERIFY(firstAudibleMs(*r) >= 0);
        // Both channels carry the voice.
        float left = 0, right = 0;
        for (std::size_t i = 0; i + 1 < r->samples.size(); i += 2) {
            left = std::max(left, std::abs(r->samples[i]));
            right = std::max(right, std::abs(r->samples[i + 1]));
        }
        QVERIFY(left > 0.1f && right > 0.1f);
    }
    QVERIFY2(
        m_long.durationMs() > 4 * m_short.durationMs(),
        qPrintable(
            QStringLiteral("%1 ms vs %2 ms").arg(m_long.durationMs()).arg(m_short.durationMs())));
    // Slower speech is longer.
    Voice slow;
    slow.rateWpm = 100;
    const SpeechResult slower = m_speech.synthesize(kLongLine, slow);
    QVERIFY(slower.durationMs() > m_long.durationMs() * 5 / 4);
}

void TestTts::loudnessIsNormalizedToTarget()
{
    const Measured m = measure(m_long.samples);
    qInfo("long line measured: %.2f LUFS", m.integratedLufs);
    QVERIFY2(std::abs(m.integratedLufs - -16.0) <= 1.0,
             qPrintable(QString::number(m.integratedLufs)));
    Voice other;
    other.pitch = 80;
    other.rateWpm = 220;
    const Measured m2 = measure(m_speech.synthesize(kLongLine, other).samples);
    QVERIFY2(std::abs(m2.integratedLufs - -16.0) <= 1.0,
             qPrintable(QString::number(m2.integratedLufs)));
}

void TestTts::truePeakStaysUnderCeiling()
{
    for (const SpeechResult* r : {&m_short, &m_long}) {
        const Measured m = measure(r->samples);
        QVERIFY2(m.truePeakDbtp <= -1.5, qPrintable(QString::number(m.truePeakDbtp)));
    }
}

void TestTts::emptyLineGivesEmptyAudio()
{
    for (const QString& text : {QString(), QStringLiteral("   "), QStringLiteral("\n\t ")}) {
        const SpeechResult r = m_speech.synthesize(text, Voice{});
        QVERIFY(r.ok());
        QVERIFY(r.samples.empty());
        QVERIFY(r.visemes.isEmpty());
        QVERIFY(r.words.isEmpty());
    }
}

void TestTts::unknownVoiceIsAnError()
{
    Voice voice;
    voice.name = QStringLiteral("no-such-voice-xyz");
    const SpeechResult r = m_speech.synthesize(kShortLine, voice);
    QVERIFY(!r.ok());
    QVERIFY(r.errorString.contains(voice.name));
    QVERIFY(r.samples.empty());
    // And the engine still speaks afterwards.
    QVERIFY(m_speech.synthesize(kShortLine, Voice{}).frameCount() > 0);
}

void TestTts::installedVoicesSpeak()
{
    const QList<EspeakVoice> voices = EspeakSpeech::availableVoices();
    QVERIFY(voices.size() > 1);
    bool british = false;
    for (const EspeakVoice& v : voices) {
        QVERIFY(!v.voiceName.isEmpty() && !v.displayName.isEmpty());
        if (v.voiceName == QStringLiteral("en-gb") || v.voiceName == QStringLiteral("en")) {
            british = true;
            Voice voice;
            voice.name = v.voiceName;
            const SpeechResult r = m_speech.synthesize(kShortLine, voice);
            QVERIFY2(r.ok(), qPrintable(r.errorString));
            QVERIFY(r.frameCount() > 0);
        }
    }
    QVERIFY(british);
}

void TestTts::mouthShapesFollowPhonemes()
{
    QCOMPARE(mouthShapeForPhoneme(u"p"), MouthShape::Closed);
    QCOMPARE(mouthShapeForPhoneme(u"m"), MouthShape::Closed);
    QCOMPARE(mouthShapeForPhoneme(u"f"), MouthShape::FV);
    QCOMPARE(mouthShapeForPhoneme(u"v"), MouthShape::FV);
    QCOMPARE(mouthShapeForPhoneme(u"l"), MouthShape::L);
    QCOMPARE(mouthShapeForPhoneme(u"aa"), MouthShape::Wide);
    QCOMPARE(mouthShapeForPhoneme(u"E"), MouthShape::Open);
    QCOMPARE(mouthShapeForPhoneme(u"O:"), MouthShape::Rounded);
    QCOMPARE(mouthShapeForPhoneme(u"3:"), MouthShape::Rounded);
    QCOMPARE(mouthShapeForPhoneme(u"u:"), MouthShape::Puckered);
    QCOMPARE(mouthShapeForPhoneme(u"w"), MouthShape::Puckered);
    QCOMPARE(mouthShapeForPhoneme(u"i:"), MouthShape::SlightlyOpen);
    QCOMPARE(mouthShapeForPhoneme(u"s"), MouthShape::SlightlyOpen);
    QCOMPARE(mouthShapeForPhoneme(u"'aa"), MouthShape::Wide);
    QCOMPARE(mouthShapeForPhoneme(u"_"), MouthShape::Rest);
    QCOMPARE(mouthShapeForPhoneme(u"_:"), MouthShape::Rest);
    QCOMPARE(mouthShapeForPhoneme(u""), MouthShape::Rest);
}

void TestTts::shortShapesAreMergedOrLengthened()
{
    // _ (rest) | m 30 ms | aa 100 ms | p 10 ms | aa 80 ms | s 35 ms | _
    const QList<PhonemeMark> phonemes = {{QStringLiteral("_"), 0},    {QStringLiteral("m"), 50},
                                         {QStringLiteral("aa"), 80},  {QStringLiteral("p"), 180},
                                         {QStringLiteral("aa"), 190}, {QStringLiteral("s"), 270},
                                         {QStringLiteral("_"), 305}};
    const QList<Viseme> visemes = visemeTimeline(phonemes, 400);
    QVERIFY(!visemes.isEmpty());
    QCOMPARE(visemes.first().shape, MouthShape::Closed);
    QCOMPARE(visemes.first().startMs, 50);
    QCOMPARE(visemes.last().endMs, 305);
    for (qsizetype i = 0; i < visemes.size(); ++i) {
        QVERIFY(visemes[i].durationMs() >= kMinVisemeMs);
        QVERIFY(std::abs(visemes[i].startMs - visemes[i].phonemeMs) <= kMaxVisemeLagMs);
        if (i > 0) {
            QCOMPARE(visemes[i].startMs, visemes[i - 1].endMs);
            QVERIFY(visemes[i].shape != visemes[i - 1].shape);
        }
    }
    QVERIFY(visemeTimeline({}, 100).isEmpty());
    QVERIFY(visemeTimeline({{QStringLiteral("_"), 0}}, 100).isEmpty());
}

void TestTts::visemesAreOrderedHeldAndCoverTheSpeech()
{
    for (const SpeechResult* r : {&m_short, &m_long}) {
        const QList<Viseme>& v = r->visemes;
        QVERIFY(v.size() >= 2);
        for (qsizetype i = 0; i < v.size(); ++i) {
            QVERIFY2(
                v[i].durationMs() >= kMinVisemeMs,
                qPrintable(QStringLiteral("viseme %1 lasts %2 ms").arg(i).arg(v[i].durationMs())));
            if (i > 0)
                QVERIFY(v[i].startMs >= v[i - 1].endMs);
        }
        const int first = firstAudibleMs(*r), last = lastAudibleMs(*r);
        qInfo("audible %d..%d ms, visemes %d..%d ms", first, last, v.first().startMs,
              v.last().endMs);
        QVERIFY2(std::abs(v.first().startMs - first) <= 60,
                 qPrintable(QStringLiteral("%1 vs %2").arg(v.first().startMs).arg(first)));
        QVERIFY2(std::abs(v.last().endMs - last) <= 120,
                 qPrintable(QStringLiteral("%1 vs %2").arg(v.last().endMs).arg(last)));
        QVERIFY(v.last().endMs <= r->durationMs() + kMinVisemeMs);
    }
    // A line with pauses rests in them.
    bool rests = false;
    for (const Viseme& v : m_long.visemes)
        rests = rests || v.shape == MouthShape::Rest;
    QVERIFY(rests);
}

void TestTts::visemesStartNearTheirPhonemes()
{
    for (const SpeechResult* r : {&m_short, &m_long}) {
        QVERIFY(!r->phonemes.isEmpty());
        for (const Viseme& v : r->visemes) {
            bool found = false;
            for (const PhonemeMark& p : r->phonemes) {
                if (mouthShapeForPhoneme(p.mnemonic) == v.shape &&
                    std::abs(p.startMs - v.startMs) <= kMaxVisemeLagMs)
                    found = true;
            }
            QVERIFY2(
                found,
                qPrintable(
                    QStringLiteral("%1 at %2 ms").arg(mouthShapeLetter(v.shape)).arg(v.startMs)));
        }
    }
}

void TestTts::wordMarksAdvanceThroughTheText()
{
    const QList<WordMark>& words = m_long.words;
    QCOMPARE(words.size(), kLongLine.split(QLatin1Char(' '), Qt::SkipEmptyParts).size());
    for (qsizetype i = 0; i < words.size(); ++i) {
        QCOMPARE(words[i].index, int(i));
        QVERIFY(words[i].startMs >= 0 && words[i].startMs < m_long.durationMs());
        if (i > 0) {
            QVERIFY(words[i].startMs > words[i - 1].startMs);
            QVERIFY(words[i].charStart > words[i - 1].charStart);
        }
    }
    QCOMPARE(kLongLine.mid(words[0].charStart, words[0].charLength), QStringLiteral("Three"));
    QCOMPARE(kLongLine.mid(words[5].charStart, words[5].charLength), QStringLiteral("minute"));

    // Ranges are QString indexes also past accents, dashes and characters beyond the BMP.
    const QString accented = QStringLiteral("Señora Zoë — \U0001F525 bids más now");
    const SpeechResult r = m_speech.synthesize(accented, Voice{});
    QStringList spoken;
    for (const WordMark& w : r.words)
        spoken << accented.mid(w.charStart, w.charLength);
    QCOMPARE(spoken.first(), QStringLiteral("Señora"));
    QVERIFY(spoken.contains(QStringLiteral("Zoë")));
    QCOMPARE(spoken.last(), QStringLiteral("now"));
}

void TestTts::synthesisRunsOffTheCallersThread()
{
    std::atomic<QThread*> worker{nullptr};
    SpeechSynthesizer synthesizer(std::make_unique<ThreadRecordingSpeech>(&worker));
    QSignalSpy spy(&synthesizer, &SpeechSynthesizer::synthesized);
    QThread* resultThread = nullptr;
    connect(&synthesizer, &SpeechSynthesizer::synthesized, this,
            [&resultThread] { resultThread = QThread::currentThread(); });
    const quint64 id = synthesizer.enqueue(kShortLine, Voice{});
    QTRY_COMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<quint64>(), id);
    QVERIFY(spy.at(0).at(1).value<SpeechResult>().frameCount() > 0);
    QVERIFY(worker.load() != nullptr);
    QVERIFY(worker.load() != QThread::currentThread());
    // The spy records on the emitting thread; the receiver gets it queued, on its own thread.
    QTRY_VERIFY(resultThread != nullptr);
    QCOMPARE(resultThread, QThread::currentThread());
}

void TestTts::concurrentRequestsQueue()
{
    SpeechSynthesizer synthesizer(std::make_unique<EspeakSpeech>());
    QSignalSpy spy(&synthesizer, &SpeechSynthesizer::synthesized);
    constexpr int kThreads = 4, kPerThread = 3;
    std::vector<std::thread> callers;
    for (int t = 0; t < kThreads; ++t) {
        callers.emplace_back([&synthesizer, t] {
            for (int i = 0; i < kPerThread; ++i)
                (void)synthesizer.enqueue(QStringLiteral("Bid %1 from caller %2.").arg(i).arg(t),
                                          Voice{});
        });
    }
    for (std::thread& caller : callers)
        caller.join();
    QTRY_COMPARE_WITH_TIMEOUT(spy.count(), kThreads * kPerThread, 30000);
    for (int i = 0; i < spy.count(); ++i) {
        QCOMPARE(spy.at(i).at(0).value<quint64>(), quint64(i + 1)); // in request order
        QVERIFY(spy.at(i).at(1).value<SpeechResult>().frameCount() > 0);
    }
    // Cancelled lines never come; the one already being synthesized does.
    spy.clear();
    for (int i = 0; i < 5; ++i)
        (void)synthesizer.enqueue(kLongLine, Voice{});
    const int cancelled = synthesizer.cancelPending();
    QVERIFY(cancelled >= 4);
    QCOMPARE(synthesizer.pendingCount(), 0);
    QTRY_COMPARE(spy.count(), 5 - cancelled);
    (void)synthesizer.enqueue(kShortLine, Voice{});
    QTRY_COMPARE(spy.count(), 6 - cancelled);

    // Destroying it with lines still queued drops them without a crash.
    {
        SpeechSynthesizer busy(std::make_unique<EspeakSpeech>());
        for (int i = 0; i < 5; ++i)
            (void)busy.enqueue(kLongLine, Voice{});
    }
}

void TestTts::playerFollowsTheAudioClock()
{
    constexpr int kBlock = 1024; // the mixer's block
    std::vector<float> block(kBlock * kSpeechChannels);
    SpeechPlayer player;
    QCOMPARE(player.position().speaking(), false);
    player.read(block.data(), kBlock); // silence moves the clock too
    QVERIFY(std::all_of(block.begin(), block.end(), [](float s) { return s == 0.0f; }));
    QCOMPARE(player.clockFrames(), std::int64_t(kBlock));

    QCOMPARE(player.enqueue(7, m_long), std::int64_t(kBlock));
    QCOMPARE(player.enqueue(8, SpeechResult{}), std::int64_t(-1)); // empty: nothing to play
    QCOMPARE(player.enqueue(9, m_short), std::int64_t(kBlock) + m_long.frameCount());
    QCOMPARE(player.queuedLines(), 2);

    // What the render thread asks ahead of the mix is what the mix then plays.
    const SpeechPlayer::Position oneSecondIn = player.positionAt(kBlock + kSpeechSampleRate);
    QCOMPARE(oneSecondIn.lineId, quint64(7));
    QCOMPARE(oneSecondIn.lineMs, 1000);
    std::vector<SpeechPlayer::Position> predicted;
    for (std::int64_t at = kBlock; at < kBlock + m_long.frameCount(); at += kBlock)
        predicted.push_back(player.positionAt(at + kBlock));

    std::int64_t mixed = 0; // of line 7
    bool sawMouthMove = false;
    while (mixed + kBlock < m_long.frameCount()) {
        player.read(block.data(), kBlock);
        QCOMPARE(0, std::memcmp(block.data(), m_long.samples.data() + mixed * kSpeechChannels,
                                sizeof(float) * block.size()));
        mixed += kBlock;
        const SpeechPlayer::Position at = player.position();
        QCOMPARE(at.lineId, quint64(7));
        QCOMPARE(at.lineMs, int(mixed * 1000 / kSpeechSampleRate));
        for (const Viseme& v : m_long.visemes)
            if (v.startMs <= at.lineMs && at.lineMs < v.endMs)
                QCOMPARE(at.mouth, v.shape);
        QCOMPARE(at, predicted[std::size_t(mixed / kBlock - 1)]);
        sawMouthMove = sawMouthMove || (at.mouth != MouthShape::Rest && at.wordIndex >= 0);
    }
    QVERIFY(sawMouthMove);
    QCOMPARE(player.position().wordIndex, m_long.words.last().index);

    // The block that ends line 7 goes straight on with line 9.
    const std::int64_t tail = m_long.frameCount() - mixed;
    player.read(block.data(), kBlock);
    QCOMPARE(0, std::memcmp(block.data() + tail * kSpeechChannels, m_short.samples.data(),
                            sizeof(float) * std::size_t(kBlock - tail) * kSpeechChannels));
    QCOMPARE(player.position().lineId, quint64(9));
    QCOMPARE(player.queuedLines(), 1);

    // Skipping starts the next line at once; clearing is silence.
    player.enqueue(10, m_long);
    player.skipCurrent();
    QCOMPARE(player.position().lineId, quint64(10));
    QCOMPARE(player.position().lineMs, 0);
    player.clear();
    player.read(block.data(), kBlock);
    QVERIFY(std::all_of(block.begin(), block.end(), [](float s) { return s == 0.0f; }));
    QCOMPARE(player.position().speaking(), false);
}

QTEST_GUILESS_MAIN(TestTts)
#include "tst_tts.moc"
