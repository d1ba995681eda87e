#include "HostPuppet.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace sb::studio {

using hostart::ArmPose;

namespace {

// splitmix64: a well-mixed hash of an integer, so blinks and syllables look random but are the
// same on every run and every machine.
std::uint64_t mixBits(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}

double wave(std::int64_t timeMs, std::int64_t periodMs)
{
    const std::int64_t phase = timeMs - floorDiv(timeMs, periodMs) * periodMs;
    return std::sin(2.0 * std::numbers::pi * double(phase) / double(periodMs));
}

std::int64_t blinkStartInSlot(std::int64_t slot)
{
    return slot * HostPuppet::kBlinkSlotMs +
           std::int64_t(mixBits(std::uint64_t(slot)) % std::uint64_t(HostPuppet::kBlinkJitterMs));
}

// Head tilt in degrees: a thinking head leans, a worried one shrinks away.
double tiltFor(HostMood mood)
{
    switch (mood) {
    case HostMood::Thoughtful:
        return 5.0;
    case HostMood::Concerned:
        return -3.0;
    case HostMood::Happy:
        return -2.0;
    default:
        return 0.0;
    }
}

QRect opaqueBounds(const QImage& image)
{
    int left = image.width(), top = image.height(), right = -1, bottom = -1;
    for (int y = 0; y < image.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            if (qAlpha(line[x]) == 0)
                continue;
            left = std::min(left, x);
            right = std::max(right, x);
            top = std::min(top, y);
            bottom = y;
        }
    }
    return right < 0 ? QRect() : QRect(QPoint(left, top), QPoint(right, bottom));
}

} // namespace

HostPuppet::HostPuppet(QSize size) : m_size(size.expandedTo(QSize(1, 1)))
{
    using namespace hostart;
    m_scale = std::min(m_size.width() / kDesignWidth, m_size.height() / kDesignHeight);
    m_offset = QPointF((m_size.width() - kDesignWidth * m_scale) / 2.0,
                       m_size.height() - kDesignHeight * m_scale);

    m_hairBack = render(hairBackBounds(), [](QPainter& p) { drawHairBack(p); });
    m_body = render(bodyBounds(), [](QPainter& p) { drawBody(p); });
    m_face = render(faceBounds(), [](QPainter& p) { drawFace(p); });
    m_hairFront = render(hairFrontBounds(), [](QPainter& p) { drawHairFront(p); });
    for (HostMood mood : allHostMoods()) {
        const auto m = std::size_t(mood);
        for (int s = 0; s < 3; ++s) {
            m_eyes[m][std::size_t(s)] =
                render(eyesBounds(), [=](QPainter& p) { drawEyes(p, mood, EyeState(s)); });
            m_mouths[m][std::size_t(s)] =
                render(mouthBounds(), [=](QPainter& p) { drawMouth(p, mood, MouthState(s)); });
        }
        for (int v = 0; v < kVisemeCount; ++v) {
            m_visemes[m][std::size_t(v)] = render(mouthBounds(), [=](QPainter& p) {
                drawViseme(p, mood, sb::integrations::tts::MouthShape(v));
            });
        }
        m_brows[m] = render(browsBounds(), [=](QPainter& p) { drawBrows(p, mood); });
        m_cheeks[m] = render(cheeksBounds(), [=](QPainter& p) { drawCheeks(p, mood); });
        m_emotes[m] = render(emoteBounds(), [=](QPainter& p) { drawEmote(p, mood); });
    }
    m_arms[0] = render(armBounds(), [](QPainter& p) { drawArm(p, ArmPose::Resting); });
    m_arms[1] = render(armBounds(), [](QPainter& p) { drawArm(p, ArmPose::Raised); });
}

HostPuppet::Layer HostPuppet::render(const QRectF& bounds,
                                     const std::function<void(QPainter&)>& draw) const
{
    // Snapped to whole pixels so that a layer drawn untransformed lands exactly where the art
    // was rendered.
    const QRectF px(m_offset + bounds.topLeft() * m_scale, bounds.size() * m_scale);
    const QRect snapped = px.toAlignedRect().adjusted(-1, -1, 1, 1);
    Layer layer;
    layer.origin = snapped.topLeft();
    layer.image = QImage(snapped.size(), QImage::Format_ARGB32_Premultiplied);
    layer.image.fill(Qt::transparent);
    {
        QPainter p(&layer.image);
        p.setRenderHint(QPainter::Antialiasing);
        p.translate(-QPointF(snapped.topLeft()) + m_offset);
        p.scale(m_scale, m_scale);
        draw(p);
    }
    // Trimmed to what was drawn: most layers are small marks in a large box, and every
    // transparent pixel left in would be blended again on every frame.
    const QRect used = opaqueBounds(layer.image);
    if (used.isEmpty())
        return {};
    layer.image = layer.image.copy(used);
    layer.origin += used.topLeft();
    return layer;
}

void HostPuppet::draw(QPainter& painter, const Layer& layer) const
{
    if (!layer.image.isNull())
        painter.drawImage(layer.origin, layer.image);
}

void HostPuppet::paint(QPainter& painter, const QRectF& target, HostMood mood, std::int64_t timeMs,
                       bool talking, std::int64_t moodSinceMs,
                       std::optional<sb::integrations::tts::MouthShape> mouth) const
{
    const auto m = std::size_t(mood);
    const double breath = breathAt(timeMs);
    double hop = 0.0; // design units, upwards
    if (mood == HostMood::Excited)
        hop = 3.0 * std::abs(wave(timeMs, 520));
    else if (mood == HostMood::Triumphant)
        hop = 2.5 * std::abs(wave(timeMs, 760));
    if (moodSinceMs > 0 && timeMs >= moodSinceMs && timeMs - moodSinceMs < 260 &&
        (mood == HostMood::Surprised || mood == HostMood::Excited)) {
        const double t = double(timeMs - moodSinceMs) / 260.0;
        hop += 9.0 * std::sin(std::numbers::pi * t);
    }
    // A slow sway keeps the idle host alive between breaths.
    const double tilt = tiltFor(mood) + 0.8 * wave(timeMs, 7'300);

    painter.save();
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.translate(target.topLeft());
    if (target.size() != QSizeF(m_size)) {
        // Shown at another size than rendered: scale the composed picture, keeping its shape.
        const double k =
            std::min(target.width() / m_size.width(), target.height() / m_size.height());
        painter.translate((target.width() - m_size.width() * k) / 2.0,
                          target.height() - m_size.height() * k);
        painter.scale(k, k);
    }
    const QTransform base = painter.transform();
    const double s = m_scale;
    const QPointF pivot = m_offset + hostart::kNeckPivot * s;

    // Breathing: the chest rises (a slight stretch from the bottom edge), the head rides on it.
    QTransform body = base;
    body.translate(0, m_size.height());
    body.scale(1.0, 1.0 + 0.007 * breath);
    body.translate(0, -m_size.height());
    QTransform head = base;
    head.translate(pivot.x(), pivot.y() - (1.6 * breath + hop) * s);
    head.rotate(tilt);
    head.translate(-pivot.x(), -pivot.y());

    painter.setTransform(head);
    draw(painter, m_hairBack);
    painter.setTransform(body);
    draw(painter, m_body);
    painter.setTransform(head);
    draw(painter, m_face);
    draw(painter, m_cheeks[m]);
    draw(painter, m_eyes[m][std::size_t(eyeStateAt(timeMs))]);
    if (mouth)
        draw(painter, m_visemes[m][std::size_t(*mouth)]);
    else
        draw(painter, m_mouths[m][std::size_t(mouthStateAt(timeMs, talking))]);
    draw(painter, m_hairFront);
    draw(painter, m_brows[m]);

    QTransform emote = head;
    emote.translate(0, -3.0 * s * wave(timeMs, 1'400));
    painter.setTransform(emote);
    draw(painter, m_emotes[m]);

    QTransform arm = body;
    arm.translate(0, -(1.2 * breath + hop * 0.6) * s);
    painter.setTransform(arm);
    draw(painter, m_arms[std::size_t(hostart::armPoseFor(mood))]);
    painter.restore();
}

QTransform HostPuppet::designToTarget(const QRectF& target)
{
    const double s =
        std::min(target.width() / hostart::kDesignWidth, target.height() / hostart::kDesignHeight);
    QTransform t;
    t.translate(target.left() + (target.width() - hostart::kDesignWidth * s) / 2.0,
                target.bottom() - hostart::kDesignHeight * s);
    t.scale(s, s);
    return t;
}

QRectF HostPuppet::eyesArea()
{
    return hostart::eyesBounds();
}

QRectF HostPuppet::browsArea()
{
    return hostart::browsBounds();
}

QRectF HostPuppet::mouthArea()
{
    return hostart::mouthBounds();
}

std::int64_t HostPuppet::nextBlinkStartMs(std::int64_t timeMs)
{
    const std::int64_t slot = floorDiv(timeMs, kBlinkSlotMs);
    const std::int64_t start = blinkStartInSlot(slot);
    return start >= timeMs ? start : blinkStartInSlot(slot + 1);
}

HostPuppet::EyeState HostPuppet::eyeStateAt(std::int64_t timeMs)
{
    const std::int64_t start = blinkStartInSlot(floorDiv(timeMs, kBlinkSlotMs));
    const std::int64_t into = timeMs - start;
    if (into < 0 || into >= kBlinkMs)
        return EyeState::Open;
    // Lids close fast, stay shut a moment, open a little slower.
    if (into < 40 || into >= 110)
        return EyeState::Half;
    return EyeState::Closed;
}

HostPuppet::MouthState HostPuppet::mouthStateAt(std::int64_t timeMs, bool talking)
{
    if (!talking)
        return MouthState::Closed;
    const std::uint64_t h = mixBits(std::uint64_t(floorDiv(timeMs, kSyllableMs)) ^ 0x5a17ULL);
    switch (h % 10) {
    case 0:
    case 1:
    case 2:
        return MouthState::Closed;
    case 3:
    case 4:
    case 5:
    case 6:
        return MouthState::Half;
    default:
        return MouthState::Open;
    }
}

double HostPuppet::breathAt(std::int64_t timeMs)
{
    return wave(timeMs, kBreathPeriodMs);
}

} // namespace sb::studio
