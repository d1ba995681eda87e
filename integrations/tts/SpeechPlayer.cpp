#include "SpeechPlayer.h"

#include <algorithm>

namespace sb::integrations::tts {

std::int64_t SpeechPlayer::enqueue(quint64 lineId, SpeechResult line)
{
    if (line.samples.empty())
        return -1;
    std::lock_guard lock(m_mutex);
    const std::int64_t start =
        m_lines.empty() ? m_clock : std::max(m_clock, m_lines.back().endFrame());
    m_lines.push_back(Line{lineId, std::move(line), start});
    return start;
}

void SpeechPlayer::skipCurrent()
{
    std::lock_guard lock(m_mutex);
    if (!m_lines.empty()) {
        m_lastGoneId = std::max(m_lastGoneId, m_lines.front().id);
        m_lines.pop_front(); // playing, or next when between lines
    }
    rescheduleLocked();
}

void SpeechPlayer::clear()
{
    std::lock_guard lock(m_mutex);
    for (const Line& line : m_lines)
        m_lastGoneId = std::max(m_lastGoneId, line.id);
    m_lines.clear();
}

int SpeechPlayer::queuedLines() const
{
    std::lock_guard lock(m_mutex);
    return int(m_lines.size());
}

void SpeechPlayer::rescheduleLocked()
{
    std::int64_t next = m_clock;
    for (Line& line : m_lines) {
        line.startFrame = next;
        next = line.endFrame();
    }
}

void SpeechPlayer::read(float* interleaved, int frames)
{
    const auto wanted = std::int64_t(std::max(0, frames));
    std::fill(interleaved, interleaved + wanted * kSpeechChannels, 0.0f);
    std::lock_guard lock(m_mutex);
    const std::int64_t blockStart = m_clock, blockEnd = m_clock + wanted;
    for (const Line& line : m_lines) {
        const std::int64_t from = std::max(blockStart, line.startFrame);
        const std::int64_t to = std::min(blockEnd, line.endFrame());
        if (from >= to)
            continue;
        std::copy_n(line.speech.samples.data() + (from - line.startFrame) * kSpeechChannels,
                    (to - from) * kSpeechChannels,
                    interleaved + (from - blockStart) * kSpeechChannels);
    }
    m_clock = blockEnd;
    while (!m_lines.empty() && m_lines.front().endFrame() <= m_clock) {
        m_lastGoneId = std::max(m_lastGoneId, m_lines.front().id);
        m_lines.pop_front();
    }
}

std::int64_t SpeechPlayer::clockFrames() const
{
    std::lock_guard lock(m_mutex);
    return m_clock;
}

SpeechPlayer::Position SpeechPlayer::position() const
{
    std::lock_guard lock(m_mutex);
    return positionAtLocked(m_clock);
}

SpeechPlayer::Position SpeechPlayer::positionAt(std::int64_t clockFrame) const
{
    std::lock_guard lock(m_mutex);
    return positionAtLocked(clockFrame);
}

SpeechPlayer::Position SpeechPlayer::positionAtLocked(std::int64_t clockFrame) const
{
    Position position;
    for (const Line& line : m_lines) {
        if (clockFrame < line.startFrame || clockFrame >= line.endFrame())
            continue;
        position.lineId = line.id;
        position.lineMs = int((clockFrame - line.startFrame) * 1000 / kSpeechSampleRate);
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
            position.spokenChars = word.charStart + word.charLength;
        }
        break;
    }
    return position;
}

SpeechPlayer::LineState SpeechPlayer::lineState(quint64 lineId) const
{
    std::lock_guard lock(m_mutex);
    for (const Line& line : m_lines) {
        if (line.id == lineId)
            return line.startFrame <= m_clock ? LineState::Playing : LineState::Waiting;
    }
    return lineId != 0 && lineId <= m_lastGoneId ? LineState::Gone : LineState::Unknown;
}

} // namespace sb::integrations::tts
