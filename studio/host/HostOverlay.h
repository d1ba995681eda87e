#pragma once
// The host character as an overlay (kind "host"): the puppet in its panel, its mood driven by the
// auction's events, and what it says as a caption bubble. The GUI thread feeds events, ticks,
// lines and the operator's mood; the render thread paints from a copy of that state advanced to
// the snapshot's clock, so a frame never waits for the GUI and never sees half an update.

#include "HostCaption.h"
#include "HostMood.h"
#include "HostMoodMachine.h"
#include "Overlay.h"

#include <QImage>

#include <cstdint>
#include <memory>
#include <mutex>

namespace sb::auction {
struct AuctionEvent;
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
    void say(const QString& line, std::int64_t nowMs);
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
        QImage image;
        QPoint origin;
    };
    Stage stageFor(QSize size, const OverlayStyle& style) const;
    Bubble bubbleFor(const HostCaption& caption, QSize size, const OverlayStyle& style) const;

    mutable std::mutex m_mutex; // guards m_machine, m_caption and m_lastAnimationMs
    HostMoodMachine m_machine;
    HostCaption m_caption;
    mutable std::int64_t m_lastAnimationMs = -1; // what isAnimating() last answered for

    mutable std::mutex m_cacheMutex; // guards the render thread's caches below
    mutable Stage m_stage;
    mutable Bubble m_bubble;
};

} // namespace sb::studio
