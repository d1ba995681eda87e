#pragma once
// Feeds the VTube Studio bridge from the show, once a frame: while the host speaks, her mouth
// openness at the audio clock (the voice's SpeechPlayer position, so a streamer's Live2D model
// moves with what viewers hear) every frame; when she stops, one closed mouth, after which the
// bridge's own keep-alive holds it closed at least once a second. A change of mood triggers the
// mood's hotkey, and the mood is sent again whenever the bridge (re)connects.

#include "HostMood.h"
#include "SpeechPlayer.h"

#include <QObject>

namespace sb::integrations::vtubestudio {
class VtsBridge;
}

namespace sb::studio {

class HostVtsLink : public QObject
{
    Q_OBJECT

public:
    // `bridge` must outlive the link.
    explicit HostVtsLink(sb::integrations::vtubestudio::VtsBridge& bridge,
                         QObject* parent = nullptr);

    void update(HostMood mood, const sb::integrations::tts::SpeechPlayer::Position& voice);

    // How open a mouth shape is, 0 (closed) .. 1 (wide), as VTube Studio's MouthOpen reads it.
    static double openness(sb::integrations::tts::MouthShape shape);

private:
    sb::integrations::vtubestudio::VtsBridge& m_bridge;
    HostMood m_mood = HostMood::Neutral;
    bool m_moodSent = false;
    bool m_speaking = false;
};

} // namespace sb::studio
