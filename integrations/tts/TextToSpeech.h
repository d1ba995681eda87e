#pragma once
// What the host's voice is made of: a line of text in, 48 kHz stereo float PCM out (the audio
// mixer's format), with the mouth shapes and the word marks timed in ms from the first sample.
// TextToSpeech is the seam where a better engine than espeak-ng can be plugged in later.

#include <QList>
#include <QMetaType>
#include <QString>

#include <cstdint>
#include <vector>

namespace sb::integrations::tts {

constexpr int kSpeechSampleRate = 48000; // the mixer's rate (render/MediaTypes.h)
constexpr int kSpeechChannels = 2;       // interleaved stereo

struct Voice
{
    QString name = QStringLiteral("en-us"); // an espeak-ng voice name (espeak-ng --voices)
    int rateWpm = 165;                      // 80..450 words a minute
    int pitch = 55;                         // 0..100, 50 is the voice's normal pitch

    bool operator==(const Voice&) const = default;
};

// Rhubarb Lip Sync's mouth set; the letters are the ones its artwork uses.
enum class MouthShape
{
    Closed,       // A: M, B, P
    SlightlyOpen, // B: most consonants, EE
    Open,         // C: EH, AE
    Wide,         // D: AA
    Rounded,      // E: AO, ER
    Puckered,     // F: UW, OW, W
    FV,           // G: F, V (upper teeth on the lip)
    L,            // H: tongue behind the teeth
    Rest,         // X: silence
};
QString mouthShapeLetter(MouthShape shape);

struct Viseme
{
    MouthShape shape = MouthShape::Rest;
    int startMs = 0;
    int endMs = 0;
    int phonemeMs = 0; // where the phoneme that chose this shape starts in the audio

    int durationMs() const { return endMs - startMs; }
    bool operator==(const Viseme&) const = default;
};

struct WordMark
{
    int index = 0;     // 0-based word number in the line
    int charStart = 0; // QString index of the word in the text
    int charLength = 0;
    int startMs = 0;

    bool operator==(const WordMark&) const = default;
};

struct PhonemeMark
{
    QString mnemonic; // espeak's phoneme name, e.g. "aI", "p", "_"
    int startMs = 0;

    bool operator==(const PhonemeMark&) const = default;
};

struct SpeechResult
{
    std::vector<float> samples; // kSpeechSampleRate, kSpeechChannels interleaved
    QList<Viseme> visemes;
    QList<WordMark> words;
    QList<PhonemeMark> phonemes;
    double loudnessLufs = 0.0; // integrated loudness after normalization (0 when silent)
    double truePeakDbtp = 0.0;
    QString errorString; // empty when the line was synthesized (an empty line is not an error)

    bool ok() const { return errorString.isEmpty(); }
    int frameCount() const { return int(samples.size() / kSpeechChannels); }
    int durationMs() const { return int(std::int64_t(frameCount()) * 1000 / kSpeechSampleRate); }
};

class TextToSpeech
{
public:
    virtual ~TextToSpeech() = default;
    virtual QString engineName() const = 0;
    // Blocking; called on one worker thread only (SpeechSynthesizer), never on the GUI thread.
    [[nodiscard]] virtual SpeechResult synthesize(const QString& text, const Voice& voice) = 0;
};

} // namespace sb::integrations::tts

Q_DECLARE_METATYPE(sb::integrations::tts::SpeechResult)
