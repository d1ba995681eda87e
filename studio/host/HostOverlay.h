#pragma once
// The host character as an overlay (kind "host"): the puppet in its panel, its mood driven by the
// auction's events, and what it says as a caption bubble. The GUI thread feeds events, ticks,
// lines and the operator's mood; the render thread paints from a copy of that state advanced to
// the snapshot's clock, so a frame never waits for the GUI and never sees half an update.

#include "HostCaption.h"
#include "HostMood.h"
#include "HostMoodMachine.h"
#include "Overlay.h"
#include "TextToSpeech.h"

#include <QImage>

#include <cstdint>
#include <memory>
#include <mutex>

namespace sb::auction {
struct AuctionEvent;
}
namespace sb::integrations::tts {
class SpeechPlayer;
}

namespace sb::studio {

class HostPuppet;

class HostOverlay final : public Overlay
{
public:
    HostOverlay();
    ~HostOverlay() override;

    QString kind() const override;
    QString displayName() const override;
    // The right ~30 % panel's top in the default 1280×720 scene.
    OverlayStyle defaultStyle() const override;
    void paint(QPainter& painter, QSize size, const AuctionSnapshot& snapshot) const override;
    // When the picture due at the snapshot's time differs from the one last asked about: the
    // host breathes and blinks always, but while calm at kCalmFrameMs steps (see below).
    bool isAnimating(const AuctionSnapshot& snapshot) const override;

    // The calm host (not talking, no hop, no caption popping or fading) is drawn at about
    // 15 fps: breathing and the slow sway move it by under a fifth of a pixel in a 30 fps
    // frame, while each repaint costs the render thread a 384×360 composition, its upload and
    // its compositing (bench_window). Talking, hops and the caption's pop run at the frame rate.
    static constexpr std::int64_t kCalmFrameMs = 66;
    // The animation time the picture at `nowMs` is drawn at (`nowMs` itself unless calm).
    static std::int64_t animationTimeMs(const HostMoodMachine& machine, const HostCaption& caption,
                                        std::int64_t nowMs);
    // The same with `talking` given (the voice's, when lip sync drives the mouth).
    static std::int64_t animationTimeMs(const HostMoodMachine& machine, const HostCaption& caption,
                                        std::int64_t nowMs, bool talking);

    // All times are the engine clock's UTC milliseconds, the clock snapshots carry.
    void onEvent(const sb::auction::AuctionEvent& event, std::int64_t nowMs);
    void tick(std::int64_t nowMs);
    void setMood(HostMood mood, std::int64_t nowMs);
    void clearMoodOverride(std::int64_t nowMs);
    void setAuctionOpen(bool open, std::int64_t nowMs);
    HostMood mood() const;
    // A copy of the mood state (for the operator's dock and tests).
    HostMoodMachine moodMachine() const;

    // Shows `line` as a caption from `nowMs` for HostCaption::displayDurationMs(line), the mouth
    // moving for the first part of it; replaces any line still shown. An empty line clears it.
    // `voiceLineId` is the line's id in the voice's player (setSpeech()), 0 when it is not
    // spoken: then the caption waits for the voice and shows each word as it is heard.
    void say(const QString& line, std::int64_t nowMs, quint64 voiceLineId = 0);

    // Lip sync: the mouth follows the voice's audio clock (the samples the mixer has pulled)
    // instead of flapping while the caption is up, and captions of spoken lines appear word by
    // word with the voice. While that clock stands still (nothing mixes: no stream, no
    // recording) for kStalledVoiceMs, the host behaves as without a voice.
    void setSpeech(std::shared_ptr<const sb::integrations::tts::SpeechPlayer> player);
    static constexpr std::int64_t kStalledVoiceMs = 500;
    // How long a caption waits for its line to be synthesized before it is shown whole.
    static constexpr std::int64_t kVoiceWaitMs = 2'000;

    // What the voice makes the host look like now (for paint() and tests).
    struct VoiceLook
    {
        bool synced = false; // false: no voice, or its clock stands still
        sb::integrations::tts::MouthShape mouth = sb::integrations::tts::MouthShape::Rest;
        bool speaking = false;
        bool captionHidden = false; // its line is not heard yet
        int revealChars = -1;       // -1: the whole caption

        bool operator==(const VoiceLook&) const = default;
    };
    VoiceLook voiceLook(std::int64_t nowMs) const;
    void clearCaption();
    HostCaption caption() const;

    // Where the caption bubble may go in a picture of `size` (its bottom part, inside the panel).
    static QRectF captionArea(QSize size);
    // Where the puppet is drawn in a picture of `size`.
    static QRectF puppetArea(QSize size);
    // Where the caption's tail points in a picture of `size`: just under the host's mouth.
    static QPointF tailTip(QSize size);

private:
    // What is drawn the same way frame after frame, rendered once per size and style.
    struct Stage
    {
        QSize size;
        OverlayStyle style;
        std::shared_ptr<const HostPuppet> puppet;
        QImage backdrop;
    };
    struct Bubble
    {
        HostCaption caption;
        QSize size;
        OverlayStyle style;
        int revealChars = -1;
        QImage image;
        QPoint origin;
    };
    Stage stageFor(QSize size, const OverlayStyle& style) const;
    Bubble bubbleFor(const HostCaption& caption, QSize size, const OverlayStyle& style,
                     int revealChars) const;
    VoiceLook voiceLookLocked(const HostCaption& caption, std::int64_t nowMs) const;

    mutable std::mutex m_mutex; // guards everything down to m_lastVoiceLook
    HostMoodMachine m_machine;
    HostCaption m_caption;
    mutable std::int64_t m_lastAnimationMs = -1; // what isAnimating() last answered for
    std::shared_ptr<const sb::integrations::tts::SpeechPlayer> m_speech;
    quint64 m_captionVoiceLine = 0;
    bool m_captionHeard = false; // its line began playing (the bubble restarted then)
    std::int64_t m_voiceClock = -1;
    std::int64_t m_voiceClockMovedMs = 0;
    bool m_voiceClockMoved = false; // seen moving at least once
    bool m_voiceLive = false;
    mutable VoiceLook m_lastVoiceLook;

    mutable std::mutex m_cacheMutex; // guards the render thread's caches below
    mutable Stage m_stage;
    mutable Bubble m_bubble;
};

} // namespace sb::studio
