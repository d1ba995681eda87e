#pragma once
// Plays synthesized lines into the program mix, one after another, and says where the playback is
// by the samples the mixer has actually pulled — the audio clock — so the mouth and the
// word-by-word caption follow what viewers hear, not the wall clock. read() has the contract of
// render::AudioSource::read(); a render::AudioSource that forwards to it puts the voice in the mix
// (integrations/ does not depend on render/).

#include "TextToSpeech.h"

#include <cstdint>
#include <deque>
#include <mutex>

namespace sb::integrations::tts {

class SpeechPlayer
{
public:
    struct Position
    {
        quint64 lineId = 0; // 0 when nothing is playing
        int lineMs = 0;     // audio time into the line, by samples mixed
        MouthShape mouth = MouthShape::Rest;
        int wordIndex = -1; // the word being spoken (its WordMark::index), -1 before the first

        bool speaking() const { return lineId != 0; }
        bool operator==(const Position&) const = default;
    };

    // Thread-safe: plays after the lines already queued. Empty lines are skipped.
    void enqueue(quint64 lineId, SpeechResult line);
    void skipCurrent();      // the next read() goes on with the next line
    void clear();            // stops now and drops the queue
    int queuedLines() const; // including the one playing

    // Mixing thread: writes exactly frames × 2 interleaved samples, silence between lines.
    void read(float* interleaved, int frames);

    Position position() const;         // thread-safe
    std::int64_t framesPlayed() const; // speech frames mixed since construction

private:
    struct Line
    {
        quint64 id = 0;
        SpeechResult speech;
        std::size_t frameOffset = 0; // frames already mixed
    };

    mutable std::mutex m_mutex;
    std::deque<Line> m_lines;
    std::int64_t m_framesPlayed = 0;
};

} // namespace sb::integrations::tts
