#pragma once
// The host's voice in the program's sound: each line she says is synthesized off the GUI thread
// (integrations/tts: espeak-ng, loudness-normalized) and played by a source in the pipeline's
// audio mixer, so it is in the stream's AAC track and in recordings. While nothing pulls the mix
// (no stream, no recording) the voice's clock stands still: a line waiting then is dropped when
// the next one comes, so a stream that starts later never opens with old lines.

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace sb::render {
class AudioSource;
}
#include "TextToSpeech.h"

namespace sb::integrations::tts {
class SpeechPlayer;
class SpeechSynthesizer;
struct SpeechResult;
} // namespace sb::integrations::tts

namespace sb::studio {

class HostVoice : public QObject
{
    Q_OBJECT

public:
    // Makes the engine her lines are synthesized with, on first use (espeak-ng when none).
    using EngineFactory = std::function<std::unique_ptr<sb::integrations::tts::TextToSpeech>()>;

    explicit HostVoice(QObject* parent = nullptr);
    explicit HostVoice(EngineFactory engine, QObject* parent = nullptr);
    ~HostVoice() override;

    // The source to add to a pipeline's audio mixer (the same one for every pipeline).
    std::shared_ptr<sb::render::AudioSource> source() const { return m_source; }
    // Synthesizes `text` (the engine starts on the first line) and plays it after the lines
    // already queued; muted, nothing is said. Returns the line's id in player() (0 when
    // nothing will be said), for the caption that follows it word by word.
    quint64 say(const QString& text);
    void setMuted(bool muted);
    bool isMuted() const { return m_muted; }
    // Stops at once what she is saying and drops the lines queued or still being synthesized
    // (the operator's Skip); lines said afterwards play as usual.
    void stop();
    // The espeak-ng voice, rate and pitch of the lines said from now on (Settings → Host).
    void setVoice(const sb::integrations::tts::Voice& voice) { m_voiceSettings = voice; }
    sb::integrations::tts::Voice voiceSettings() const { return m_voiceSettings; }
    // Whether she is still on the last line said: being synthesized, or waiting or playing in a
    // mix that is being pulled. The director holds the next line until she is done, so her voice
    // never falls behind the auction (lines that wait too long go stale instead of piling up). A
    // mix nobody pulls (no stream, no recording) holds nothing, nor does a synthesis that has
    // not answered in kSynthesisPatienceMs. GUI thread.
    bool isSpeaking() const;
    static constexpr int kSynthesisPatienceMs = 5'000;
    static constexpr int kStillClockMs = 500; // a clock still this long: nobody pulls the mix
    const sb::integrations::tts::SpeechPlayer& player() const { return *m_player; }
    // The same, shared with the render thread (the host's mouth reads its audio clock).
    std::shared_ptr<const sb::integrations::tts::SpeechPlayer> sharedPlayer() const
    {
        return m_player;
    }

signals:
    // A line is in the mix's queue (its length in ms), for tests and the dock.
    void queued(int durationMs);

private:
    // On the synthesizer's worker thread.
    void onSynthesized(quint64 id, const sb::integrations::tts::SpeechResult& result);

    std::shared_ptr<sb::integrations::tts::SpeechPlayer> m_player;
    std::shared_ptr<sb::render::AudioSource> m_source;
    // What the worker touches comes before m_synth, so it outlives the worker's last line.
    std::mutex m_muteMutex; // m_muted's writes and the worker's reads
    bool m_muted = false;
    quint64 m_stoppedThrough = 0;         // lines up to this id were stopped (under m_muteMutex)
    std::atomic<quint64> m_lastDoneId{0}; // the newest line the synthesizer is done with
    EngineFactory m_engine;
    std::unique_ptr<sb::integrations::tts::SpeechSynthesizer> m_synth;
    std::int64_t m_clockAtLastLine = -1;
    quint64 m_lastLineId = 0;              // the newest line asked of the synthesizer
    QElapsedTimer m_sinceSay;              // since m_lastLineId was asked for
    mutable std::int64_t m_clockSeen = -1; // the player's clock when isSpeaking() last looked
    mutable QElapsedTimer m_clockStill;    // since that clock last moved
    sb::integrations::tts::Voice m_voiceSettings;
};

} // namespace sb::studio
