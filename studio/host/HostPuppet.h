#pragma once
// The default host: a PNGtuber-style puppet drawn by the project itself (HostPuppetArt), its
// layers rendered once into images at the size it will be shown, then composed every frame with
// idle breathing, blinking, a talking mouth and the mood's face. Immutable once built, so the
// render thread can paint it while the GUI thread builds the next one.

#include "HostMood.h"
#include "HostPuppetArt.h"

#include <QImage>
#include <QPainter>
#include <QPointF>
#include <QRectF>
#include <QSize>
#include <QTransform>

#include <array>
#include <cstdint>
#include <functional>
#include <optional>

namespace sb::studio {

class HostPuppet
{
public:
    using EyeState = hostart::EyeState;
    using MouthState = hostart::MouthState;

    static constexpr std::int64_t kBreathPeriodMs = 4'000;
    static constexpr std::int64_t kBlinkMs = 150;
    // Blinks start at a pseudo-random point in each slot: 3 to 6 s apart, never in step with
    // anything else on screen.
    static constexpr std::int64_t kBlinkSlotMs = 4'500;
    static constexpr std::int64_t kBlinkJitterMs = 1'500;
    // One mouth shape per "syllable" while talking.
    static constexpr std::int64_t kSyllableMs = 100;

    // Renders every layer for pictures of `size` (tens of milliseconds: do it once per size).
    explicit HostPuppet(QSize size);

    QSize size() const { return m_size; }

    // Draws the host into `target` (fitted, centred horizontally, standing on its bottom edge)
    // with `mood`'s face at `timeMs` (animation clock, ms). `moodSinceMs` lets a new mood make
    // its entrance (a small hop of surprise); 0 skips it. `mouth`, when given, is the shape the
    // voice is making (lip sync) and replaces the talking flap that `talking` alone animates.
    // Same arguments, same pixels.
    void paint(QPainter& painter, const QRectF& target, HostMood mood, std::int64_t timeMs,
               bool talking, std::int64_t moodSinceMs = 0,
               std::optional<sb::integrations::tts::MouthShape> mouth = std::nullopt) const;

    // Design space (384×360) to `target`: where paint() puts the puppet, for callers that place
    // things relative to it (a caption's tail pointing at the mouth) and for tests.
    static QTransform designToTarget(const QRectF& target);
    // Regions in design units that change with the face (for tests and hit areas).
    static QRectF eyesArea();
    static QRectF browsArea();
    static QRectF mouthArea();

    static EyeState eyeStateAt(std::int64_t timeMs);
    // The first blink that starts at or after `timeMs`.
    static std::int64_t nextBlinkStartMs(std::int64_t timeMs);
    static MouthState mouthStateAt(std::int64_t timeMs, bool talking);
    // -1..1 over kBreathPeriodMs: the idle breathing's phase.
    static double breathAt(std::int64_t timeMs);

private:
    struct Layer
    {
        QImage image;  // null when the layer draws nothing (a mood without marks)
        QPoint origin; // top-left, in pixels of m_size
    };
    static constexpr int kMoodCount = 7;
    static constexpr int kVisemeCount = 9; // tts::MouthShape's values

    Layer render(const QRectF& bounds, const std::function<void(QPainter&)>& draw) const;
    void draw(QPainter& painter, const Layer& layer) const;

    QSize m_size;
    double m_scale = 1.0; // design units to pixels
    QPointF m_offset;     // where the design's origin lies, in pixels
    Layer m_hairBack;
    Layer m_body;
    Layer m_face;
    Layer m_hairFront;
    std::array<std::array<Layer, 3>, kMoodCount> m_eyes;
    std::array<std::array<Layer, 3>, kMoodCount> m_mouths;
    std::array<std::array<Layer, kVisemeCount>, kMoodCount> m_visemes;
    std::array<Layer, kMoodCount> m_brows;
    std::array<Layer, kMoodCount> m_cheeks;
    std::array<Layer, kMoodCount> m_emotes;
    std::array<Layer, 2> m_arms;
};

} // namespace sb::studio
