#include "SpeechPlayer.h"

#include <algorithm>

namespace sb::integrations::tts {

void SpeechPlayer::enqueue(quint64 lineId, SpeechResult line)
{
    if (line.samples.empty())
        return;
    std::lock_guard lock(m_mutex);
    m_lines.push_back(Line{lineId, std::move(line), 0});
}

void SpeechPlayer::skipCurrent()
{
    std::lock_guard lock(m_mutex);
    if (!m_lines.empty())
        m_lines.pop_front();
}

void SpeechPlayer::clear()
{
    std::lock_guard lock(m_mutex);
    m_lines.clear();
}

int SpeechPlayer::queuedLines() const
{
    std::lock_guard lock(m_mutex);
    return int(m_lines.size());
}

void SpeechPlayer::read(float* interleaved, int frames)
{
    std::lock_guard lock(m_mutex);
    std::size_t written = 0; // frames
    const auto wanted = std::size_t(std::max(0, frames));
    while (written < wanted && !m_lines.empty()) {
        Line& line = m_lines.front();
        const std::size_t total = std::size_t(line.speech.frameCount());
        const std::size_t n = std::min(wanted - written, total - line.frameOffset);
        std::copy_n(line.speech.samples.data() + line.frameOffset * kSpeechChannels,
                    n * kSpeechChannels, interleaved + written * kSpeechChannels);
        line.frameOffset += n;
        written += n;
        m_framesPlayed += std::int64_t(n);
        if (line.frameOffset >= total)
            m_lines.pop_front();
    }
    std::fill(interleaved + written * kSpeechChannels, interleaved + wanted * kSpeechChannels,
              0.0f);
}

SpeechPlayer::Position SpeechPlayer::position() const
{
    std::lock_guard lock(m_mutex);
    Position position;
    if (m_lines.empty())
        return position;
    const Line& line = m_lines.front();
    position.lineId = line.id;
    position.lineMs = int(std::int64_t(line.frameOffset) * 1000 / kSpeechSampleRate);
    for (const Viseme& v : line.speech.visemes) {
        if (v.startMs <= position.lineMs && position.lineMs < v.endMs) {
            position.mouth = v.shape;
            break;
        }
    }
    for (const WordMark& word : line.speech.words) {
        if (word.startMs > position.lineMs)
            break;
        position.wordIndex = word.index;
    }
    return position;
}

std::int64_t SpeechPlayer::framesPlayed() const
{
    std::lock_guard lock(m_mutex);
    return m_framesPlayed;
}

} // namespace sb::integrations::tts
