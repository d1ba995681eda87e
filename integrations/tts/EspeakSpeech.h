#pragma once
// The host's voice from espeak-ng (libespeak-ng): its legacy synchronous API gives 22,050 Hz mono
// speech with phoneme and word events, which become 48 kHz stereo at −16 LUFS, a mouth timeline
// and word marks. espeak-ng keeps global state and is not thread-safe: every instance shares one
// lock, and SpeechSynthesizer calls it from a single worker thread.

#include "SpeechLoudness.h"
#include "TextToSpeech.h"

namespace sb::integrations::tts {

struct EspeakVoice
{
    QString voiceName;   // what Voice::name takes, e.g. "en-us"
    QString displayName; // espeak-ng's, e.g. "English (America)"

    bool operator==(const EspeakVoice&) const = default;
};

class EspeakSpeech final : public TextToSpeech
{
public:
    explicit EspeakSpeech(LoudnessTarget loudness = {});

    // The voices installed in espeak-ng-data, for the Host settings; empty when espeak-ng cannot
    // start. Blocking (reads the voice files): call it off the GUI thread.
    static QList<EspeakVoice> availableVoices();

    QString engineName() const override { return QStringLiteral("espeak-ng"); }
    [[nodiscard]] SpeechResult synthesize(const QString& text, const Voice& voice) override;

private:
    LoudnessTarget m_loudness;
};

} // namespace sb::integrations::tts
