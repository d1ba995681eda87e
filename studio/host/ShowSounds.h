#pragma once
// The show's sound effects, synthesized by the project (no recorded samples): a wooden gavel
// knock when a lot is SOLD (auction.winner) and a two-note chime when a window opens
// (day.opened). They play through a source in the program mix, at levels well under the host's
// speech (kEffectLoudnessLufs against her −16 LUFS), and are not ducked under her voice.

#include "AudioMixer.h"

#include <QList>

#include <memory>
#include <mutex>
#include <vector>

namespace sb::auction {
struct AuctionEvent;
}

namespace sb::studio {

class ShowSounds
{
public:
    enum class Sound
    {
        Gavel,
        Chime,
    };
    // The loudest 400 ms of each effect (EBU R 128 momentary), 10 LU under the voice's −16 LUFS.
    static constexpr double kEffectLoudnessLufs = -26.0;

    ShowSounds();

    // 48 kHz stereo interleaved float, levelled to kEffectLoudnessLufs (computed once).
    static const std::vector<float>& samples(Sound sound);

    // The source to add to the program's mixer.
    std::shared_ptr<sb::render::AudioSource> source() const;
    // Plays `sound` from the next frame mixed (over one still playing). Thread-safe. Nothing
    // when the mix was not pulled in the last second (no stream or recording runs).
    void play(Sound sound);
    // auction.winner: the gavel; day.opened: the chime.
    void onEvents(const QList<sb::auction::AuctionEvent>& events);
    void setMuted(bool muted);

private:
    class Source;
    std::shared_ptr<Source> m_source;
};

} // namespace sb::studio
