#include "HostVtsLink.h"

#include "VtsBridge.h"

namespace sb::studio {

namespace tts = sb::integrations::tts;
namespace vts = sb::integrations::vtubestudio;

HostVtsLink::HostVtsLink(vts::VtsBridge& bridge, QObject* parent)
    : QObject(parent), m_bridge(bridge)
{
    // A mood said while the bridge was away was dropped: say the current one on (re)connection.
    connect(&bridge, &vts::VtsBridge::stateChanged, this, [this](vts::VtsState state) {
        if (state == vts::VtsState::Connected)
            m_moodSent = false;
    });
}

double HostVtsLink::openness(tts::MouthShape shape)
{
    switch (shape) {
    case tts::MouthShape::Closed:
    case tts::MouthShape::Rest:
        return 0.0;
    case tts::MouthShape::FV:
        return 0.15;
    case tts::MouthShape::SlightlyOpen:
        return 0.3;
    case tts::MouthShape::Puckered:
        return 0.35;
    case tts::MouthShape::L:
        return 0.45;
    case tts::MouthShape::Rounded:
        return 0.6;
    case tts::MouthShape::Open:
        return 0.75;
    case tts::MouthShape::Wide:
        return 1.0;
    }
    return 0.0;
}

void HostVtsLink::update(HostMood mood, const tts::SpeechPlayer::Position& voice)
{
    if (mood != m_mood || !m_moodSent) {
        m_mood = mood;
        m_moodSent = m_bridge.state() == vts::VtsState::Connected;
        m_bridge.setMood(hostMoodName(mood));
    }
    if (voice.speaking())
        m_bridge.setMouthOpen(openness(voice.mouth));
    else if (m_speaking)
        m_bridge.setMouthOpen(0.0); // the line ended: close now, not at the next keep-alive
    m_speaking = voice.speaking();
}

} // namespace sb::studio
