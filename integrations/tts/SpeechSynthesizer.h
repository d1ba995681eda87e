#pragma once
// Runs a TextToSpeech engine on its own worker thread, one line at a time in request order, so the
// GUI and the line director never wait for synthesis. Results come back by a signal that is
// queued to receivers on other threads.

#include "TextToSpeech.h"

#include <QObject>

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

namespace sb::integrations::tts {

class SpeechSynthesizer final : public QObject
{
    Q_OBJECT
public:
    explicit SpeechSynthesizer(std::unique_ptr<TextToSpeech> engine, QObject* parent = nullptr);
    // Drops the lines still waiting and waits for the one being synthesized (well under a second).
    ~SpeechSynthesizer() override;

    // Thread-safe. The id comes back with the result.
    quint64 enqueue(const QString& text, const Voice& voice);
    int pendingCount() const; // waiting, not counting the line being synthesized
    // Drops the waiting lines (mute, or lines gone stale); the one being synthesized still comes.
    int cancelPending();

signals:
    void synthesized(quint64 requestId, const sb::integrations::tts::SpeechResult& result);

private:
    struct Request
    {
        quint64 id = 0;
        QString text;
        Voice voice;
    };
    void run();

    std::unique_ptr<TextToSpeech> m_engine;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Request> m_queue;
    quint64 m_nextId = 1;
    bool m_stopping = false;
    std::thread m_worker; // last: started once everything above exists
};

} // namespace sb::integrations::tts
