#pragma once
// Plays synthesized lines into the program mix and says where the voice is on the audio clock —
// the count of frames the mixer has pulled from it — so the mouth and the word-by-word caption
// follow what viewers hear, not the wall clock. Each line is scheduled at a clock frame when it is
// queued, so the render thread can also ask what the mouth will be at a frame the encoder has not
// mixed yet: video frame n goes out with the audio up to (n + 1) × 48000 / fps, which is mixed
// only after that frame was rendered.
//
// read() has the contract of render::AudioSource::read(); a render::AudioSource that forwards to
// it, added to the mixer before the pipeline starts, makes this clock the mixer's frame index
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
        quint64 lineId = 0; // 0 when silent
        int lineMs = 0;     // audio time into the line
        MouthShape mouth = MouthShape::Rest;
        int wordIndex = -1;  // the word being spoken (its WordMark::index), -1 before the first
        int spokenChars = 0; // the line's text up to the end of that word (a caption's reveal)

        bool speaking() const { return lineId != 0; }
        bool operator==(const Position&) const = default;
    };

    // Thread-safe: the line starts after the lines already queued, or at the next frame the mixer
    // pulls. Empty lines are skipped. Returns the clock frame it will start at (-1 if skipped).
    std::int64_t enqueue(quint64 lineId, SpeechResult line);
    void skipCurrent();      // the next line, if any, starts at the next frame mixed
    void clear();            // stops now and drops the queue
    int queuedLines() const; // including the one playing

    // Mixing thread: writes exactly frames × 2 interleaved samples, silence between lines, and
    // advances the clock by `frames`.
    void read(float* interleaved, int frames);

    std::int64_t clockFrames() const;                   // frames mixed so far
    Position position() const;                          // at clockFrames()
    Position positionAt(std::int64_t clockFrame) const; // as scheduled now; thread-safe

    enum class LineState
    {
        Unknown, // never enqueued (still being synthesized, or skipped as empty)
        Waiting, // queued behind the clock
        Playing,
        Gone, // played, skipped or cleared
    };
    LineState lineState(quint64 lineId) const; // at clockFrames(); ids grow with each line

private:
    struct Line
    {
        quint64 id = 0;
        SpeechResult speech;
        std::int64_t startFrame = 0;
        std::int64_t endFrame() const { return startFrame + speech.frameCount(); }
    };
    Position positionAtLocked(std::int64_t clockFrame) const;
    void rescheduleLocked(); // the queue played back to back from the clock on

    mutable std::mutex m_mutex;
    std::deque<Line> m_lines;
    std::int64_t m_clock = 0;
    quint64 m_lastGoneId = 0; // the newest line that left the queue
};

} // namespace sb::integrations::tts
