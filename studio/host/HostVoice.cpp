#include "HostVoice.h"

#include "AudioMixer.h"
#include "EspeakSpeech.h"
#include "SpeechPlayer.h"
#include "SpeechSynthesizer.h"

#include <algorithm>

namespace sb::studio {

namespace tts = sb::integrations::tts;

namespace {

// The player in the mixer's terms: what it reads is what the voice plays.
class SpeechSource final : public sb::render::AudioSource
{
public:
    explicit SpeechSource(std::shared_ptr<tts::SpeechPlayer> player) : m_player(std::move(player))
    {}
    QString name() const override { return QStringLiteral("host voice"); }
    void read(float* interleaved, int frames) override { m_player->read(interleaved, frames); }

private:
    std::shared_ptr<tts::SpeechPlayer> m_player;
};

} // namespace

HostVoice::HostVoice(QObject* parent) : HostVoice(EngineFactory(), parent) {}

HostVoice::HostVoice(EngineFactory engine, QObject* parent)
    : QObject(parent), m_player(std::make_shared<tts::SpeechPlayer>()),
      m_source(std::make_shared<SpeechSource>(m_player)), m_engine(std::move(engine))
{}

HostVoice::~HostVoice() = default;

void HostVoice::setMuted(bool muted)
{
    std::lock_guard lock(m_muteMutex);
    m_muted = muted;
    if (muted) {
        m_player->clear();
        if (m_synth)
            m_synth->cancelPending();
    }
}

void HostVoice::stop()
{
    std::lock_guard lock(m_muteMutex);
    m_stoppedThrough = m_lastLineId; // one being synthesized now is not played when it comes
    m_player->clear();
    if (m_synth)
        m_synth->cancelPending();
}

quint64 HostVoice::say(const QString& text)
{
    if (m_muted || text.trimmed().isEmpty())
        return 0;
    // Nothing mixed since the last line: nobody heard it, and nobody will in time.
    if (m_player->clockFrames() == m_clockAtLastLine && m_player->queuedLines() > 0)
        m_player->clear();
    m_clockAtLastLine = m_player->clockFrames();
    if (!m_synth) {
        m_synth = std::make_unique<tts::SpeechSynthesizer>(
            m_engine ? m_engine() : std::make_unique<tts::EspeakSpeech>());
        // Direct: the worker puts the line in the player itself, so it is not held up until
        // the GUI thread's event loop comes round (tens of ms while a stream runs).
        connect(m_synth.get(), &tts::SpeechSynthesizer::synthesized, this,
                &HostVoice::onSynthesized, Qt::DirectConnection);
    }
    m_lastLineId = m_synth->enqueue(text, m_voiceSettings);
    m_sinceSay.start();
    return m_lastLineId;
}

bool HostVoice::isSpeaking() const
{
    using LineState = tts::SpeechPlayer::LineState;
    if (m_lastLineId == 0)
        return false;
    if (m_lastDoneId.load() < m_lastLineId)
        return m_sinceSay.elapsed() < kSynthesisPatienceMs; // tens of ms, normally
    const LineState state = m_player->lineState(m_lastLineId);
    if (state != LineState::Waiting && state != LineState::Playing)
        return false; // said, stopped, muted, or nothing to say
    const std::int64_t clock = m_player->clockFrames();
    if (clock != m_clockSeen || !m_clockStill.isValid()) {
        m_clockSeen = clock;
        m_clockStill.start();
        return true;
    }
    return m_clockStill.elapsed() < kStillClockMs;
}

void HostVoice::onSynthesized(quint64 id, const tts::SpeechResult& result)
{
    {
        std::lock_guard lock(m_muteMutex);
        const bool enqueued =
            !m_muted && id > m_stoppedThrough && result.ok() && m_player->enqueue(id, result) >= 0;
        // After the enqueue: isSpeaking() then finds the line in the player.
        m_lastDoneId.store(std::max(m_lastDoneId.load(), id));
        if (!enqueued)
            return;
    }
    // The signal still comes on this object's thread, as before.
    QMetaObject::invokeMethod(
        this, [this, durationMs = int(result.durationMs())] { emit queued(durationMs); },
        Qt::QueuedConnection);
}

} // namespace sb::studio
