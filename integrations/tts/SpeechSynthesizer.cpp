#include "SpeechSynthesizer.h"

namespace sb::integrations::tts {

SpeechSynthesizer::SpeechSynthesizer(std::unique_ptr<TextToSpeech> engine, QObject* parent)
    : QObject(parent), m_engine(std::move(engine))
{
    qRegisterMetaType<SpeechResult>();
    m_worker = std::thread([this] { run(); });
}

SpeechSynthesizer::~SpeechSynthesizer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_queue.clear();
    }
    m_wake.notify_all();
    m_worker.join();
}

quint64 SpeechSynthesizer::enqueue(const QString& text, const Voice& voice)
{
    quint64 id = 0;
    {
        std::lock_guard lock(m_mutex);
        id = m_nextId++;
        m_queue.push_back(Request{id, text, voice});
    }
    m_wake.notify_one();
    return id;
}

int SpeechSynthesizer::pendingCount() const
{
    std::lock_guard lock(m_mutex);
    return int(m_queue.size());
}

int SpeechSynthesizer::cancelPending()
{
    std::lock_guard lock(m_mutex);
    const int dropped = int(m_queue.size());
    m_queue.clear();
    return dropped;
}

void SpeechSynthesizer::run()
{
    for (;;) {
        Request request;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_stopping)
                return;
            request = std::move(m_queue.front());
            m_queue.pop_front();
        }
        const SpeechResult result = m_engine->synthesize(request.text, request.voice);
        emit synthesized(request.id, result); // queued: receivers live on other threads
    }
}

} // namespace sb::integrations::tts
