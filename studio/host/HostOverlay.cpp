#include "HostOverlay.h"

#include "AuctionEvent.h"
#include "HostPuppet.h"
#include "SpeechPlayer.h"

#include <QCoreApplication>
#include <QLinearGradient>
#include <QRadialGradient>

#include <algorithm>

namespace sb::studio {

namespace {

QRectF panelRect(QSize size)
{
    const double margin = std::max(2.0, std::min(size.width(), size.height()) * 0.02);
    return QRectF(QPointF(0, 0), QSizeF(size)).adjusted(margin, margin, -margin, -margin);
}

double panelRadius(const QRectF& panel)
{
    return std::min(panel.width(), panel.height()) * 0.06;
}

// The host's panel: the style's background with a soft spotlight in the accent colour behind the
// character, so the host stands out from the artwork next to it.
void drawBackdrop(QPainter& painter, const QRectF& panel, const OverlayStyle& style)
{
    const QColor bg = style.background;
    if (bg.alpha() == 0)
        return;
    const double radius = panelRadius(panel);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    for (int i = 1; i <= 3; ++i) {
        painter.setBrush(QColor(0, 0, 0, int(12 * bg.alphaF())));
        const double grow = i * 1.5;
        painter.drawRoundedRect(panel.adjusted(-grow, -grow + 2, grow, grow + 3), radius + grow,
                                radius + grow);
    }
    painter.setBrush(bg);
    painter.drawRoundedRect(panel, radius, radius);
    QRadialGradient light(QPointF(panel.center().x(), panel.top() + panel.height() * 0.42),
                          panel.width() * 0.62);
    QColor glow = style.accent;
    glow.setAlpha(int(70 * bg.alphaF()));
    QColor none = style.accent;
    none.setAlpha(0);
    light.setColorAt(0.0, glow);
    light.setColorAt(1.0, none);
    painter.setBrush(light);
    painter.drawRoundedRect(panel, radius, radius);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(QColor(255, 255, 255, int(34 * bg.alphaF())), 1.0));
    painter.drawRoundedRect(panel.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
    painter.restore();
}

} // namespace

HostOverlay::HostOverlay() = default;
HostOverlay::~HostOverlay() = default;

QString HostOverlay::kind() const
{
    return QStringLiteral("host");
}

QString HostOverlay::displayName() const
{
    return QCoreApplication::translate("sb::studio::HostOverlay", "Host character");
}

OverlayStyle HostOverlay::defaultStyle() const
{
    OverlayStyle style;
    style.fontPixelSize = 22;
    style.geometry = QRect(896, 0, 384, 360);
    return style;
}

std::int64_t HostOverlay::animationTimeMs(const HostMoodMachine& machine,
                                          const HostCaption& caption, std::int64_t nowMs)
{
    return animationTimeMs(machine, caption, nowMs, caption.isTalking(nowMs));
}

std::int64_t HostOverlay::animationTimeMs(const HostMoodMachine& machine,
                                          const HostCaption& caption, std::int64_t nowMs,
                                          bool talking)
{
    const HostMood mood = machine.mood();
    const bool hopping = mood == HostMood::Excited || mood == HostMood::Triumphant ||
                         (machine.moodSinceMs() > 0 && nowMs >= machine.moodSinceMs() &&
                          nowMs - machine.moodSinceMs() < 300);
    const HostCaption::Look look = caption.lookAt(nowMs);
    const bool captionMoving = look.opacity > 0.0 && (look.opacity < 1.0 || look.scale != 1.0);
    if (hopping || captionMoving || talking)
        return nowMs;
    std::int64_t step = nowMs % kCalmFrameMs;
    if (step < 0)
        step += kCalmFrameMs;
    return nowMs - step;
}

bool HostOverlay::isAnimating(const AuctionSnapshot& snapshot) const
{
    std::lock_guard lock(m_mutex);
    HostMoodMachine machine = m_machine;
    machine.tick(snapshot.nowUtcMs); // as paint() will see it
    const VoiceLook voice = voiceLookLocked(m_caption, snapshot.nowUtcMs);
    // With the voice in charge she talks while it sounds (every frame), and a caption still
    // waiting for its words is not on screen.
    const HostCaption shown = voice.captionHidden ? HostCaption() : m_caption;
    const std::int64_t at =
        animationTimeMs(machine, shown, snapshot.nowUtcMs,
                        voice.synced ? voice.speaking : m_caption.isTalking(snapshot.nowUtcMs));
    const bool voiceMoved = !(voice == m_lastVoiceLook);
    m_lastVoiceLook = voice;
    if (at == m_lastAnimationMs && !voiceMoved)
        return false;
    m_lastAnimationMs = at;
    return true;
}

void HostOverlay::setSpeech(std::shared_ptr<const sb::integrations::tts::SpeechPlayer> player)
{
    std::lock_guard lock(m_mutex);
    m_speech = std::move(player);
    m_voiceClock = -1;
    m_voiceClockMoved = false;
    m_voiceLive = false;
}

HostOverlay::VoiceLook HostOverlay::voiceLook(std::int64_t nowMs) const
{
    std::lock_guard lock(m_mutex);
    return voiceLookLocked(m_caption, nowMs);
}

HostOverlay::VoiceLook HostOverlay::voiceLookLocked(const HostCaption& caption,
                                                    std::int64_t nowMs) const
{
    using sb::integrations::tts::SpeechPlayer;
    VoiceLook look;
    if (!m_speech || !m_voiceLive)
        return look;
    look.synced = true;
    // What the mixer is pulling now: under software OpenGL the frame being drawn is the next
    // one the encoder takes, so the mouth is on the audio of its own frame; with a GPU's
    // readback ring it is up to that ring's depth (2-3 frames) behind the sound.
    const SpeechPlayer::Position position = m_speech->position();
    look.speaking = position.speaking();
    look.mouth = position.mouth;
    if (m_captionVoiceLine == 0 || caption.isEmpty())
        return look;
    switch (m_speech->lineState(m_captionVoiceLine)) {
    case SpeechPlayer::LineState::Playing:
        look.revealChars = position.lineId == m_captionVoiceLine ? position.spokenChars : 0;
        break;
    case SpeechPlayer::LineState::Waiting:
        look.captionHidden = true;
        break;
    case SpeechPlayer::LineState::Unknown:
        look.captionHidden = nowMs - caption.startMs() < kVoiceWaitMs;
        break;
    case SpeechPlayer::LineState::Gone:
        break;
    }
    return look;
}

QRectF HostOverlay::puppetArea(QSize size)
{
    const QRectF panel = panelRect(size);
    return panel.adjusted(0, panel.height() * 0.02, 0, 0);
}

QRectF HostOverlay::captionArea(QSize size)
{
    const QRectF panel = panelRect(size);
    const double inset = std::max(4.0, panel.width() * 0.03);
    return QRectF(panel.left() + inset, panel.top() + panel.height() * 0.55,
                  panel.width() - 2 * inset, panel.height() * 0.45 - inset);
}

HostOverlay::Stage HostOverlay::stageFor(QSize size, const OverlayStyle& style) const
{
    std::lock_guard lock(m_cacheMutex);
    const QSize puppetSize = puppetArea(size).size().toSize();
    if (!m_stage.puppet || m_stage.puppet->size() != puppetSize)
        m_stage.puppet = std::make_shared<const HostPuppet>(puppetSize);
    if (m_stage.size != size || !(m_stage.style == style) || m_stage.backdrop.isNull()) {
        m_stage.size = size;
        m_stage.style = style;
        m_stage.backdrop = QImage(size, QImage::Format_ARGB32_Premultiplied);
        m_stage.backdrop.fill(Qt::transparent);
        QPainter p(&m_stage.backdrop);
        drawBackdrop(p, panelRect(size), style);
    }
    return m_stage;
}

HostOverlay::Bubble HostOverlay::bubbleFor(const HostCaption& caption, QSize size,
                                           const OverlayStyle& style, int revealChars) const
{
    std::lock_guard lock(m_cacheMutex);
    if (m_bubble.caption.text() == caption.text() && m_bubble.size == size &&
        m_bubble.style == style && m_bubble.revealChars == revealChars && !m_bubble.image.isNull())
        return m_bubble;
    const QFont captionFont = font();
    const QRectF area = captionArea(size);
    const QRect box = caption.bounds(area, captionFont).toAlignedRect();
    m_bubble = Bubble{caption,
                      size,
                      style,
                      revealChars,
                      QImage(box.size(), QImage::Format_ARGB32_Premultiplied),
                      box.topLeft()};
    m_bubble.image.fill(Qt::transparent);
    QPainter p(&m_bubble.image);
    p.translate(-box.topLeft());
    caption.paintBubble(p, area, captionFont, style, tailTip(size), revealChars);
    return m_bubble;
}

void HostOverlay::paint(QPainter& painter, QSize size, const AuctionSnapshot& snapshot) const
{
    if (size.isEmpty())
        return;
    const std::int64_t now = snapshot.nowUtcMs;
    HostMoodMachine machine;
    HostCaption caption;
    VoiceLook voice;
    {
        std::lock_guard lock(m_mutex);
        machine = m_machine;
        caption = m_caption;
        voice = voiceLookLocked(caption, now);
    }
    machine.tick(now); // the frame's time may be ahead of the GUI's last tick

    const OverlayStyle s = style();
    const Stage stage = stageFor(size, s);
    painter.drawImage(QPoint(0, 0), stage.backdrop);

    painter.save();
    if (s.background.alpha() > 0) {
        // Keeps the bobbing marks inside the panel; a whole-pixel rectangle keeps it cheap.
        painter.setClipRect(panelRect(size).toRect(), Qt::IntersectClip);
    }
    if (voice.synced) {
        const HostCaption shown = voice.captionHidden ? HostCaption() : caption;
        stage.puppet->paint(painter, puppetArea(size), machine.mood(),
                            animationTimeMs(machine, shown, now, voice.speaking), voice.speaking,
                            machine.moodSinceMs(), voice.mouth);
    } else {
        stage.puppet->paint(painter, puppetArea(size), machine.mood(),
                            animationTimeMs(machine, caption, now), caption.isTalking(now),
                            machine.moodSinceMs());
    }
    painter.restore();

    const HostCaption::Look look = caption.lookAt(now);
    if (look.opacity <= 0.0 || voice.captionHidden)
        return;
    const Bubble bubble = bubbleFor(caption, size, s, voice.revealChars);
    const QPointF from = caption.anchor(captionArea(size), font(), tailTip(size));
    painter.save();
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.setOpacity(painter.opacity() * look.opacity);
    painter.translate(from);
    painter.scale(look.scale, look.scale);
    painter.translate(-from);
    painter.drawImage(bubble.origin, bubble.image);
    painter.restore();
}

QPointF HostOverlay::tailTip(QSize size)
{
    // Just under the mouth, so the bubble reads as coming from the host.
    return HostPuppet::designToTarget(puppetArea(size)).map(HostPuppet::mouthArea().center()) +
           QPointF(0, 14);
}

void HostOverlay::onEvent(const sb::auction::AuctionEvent& event, std::int64_t nowMs)
{
    std::lock_guard lock(m_mutex);
    m_machine.onEvent(event, nowMs);
}

void HostOverlay::tick(std::int64_t nowMs)
{
    using sb::integrations::tts::SpeechPlayer;
    std::lock_guard lock(m_mutex);
    m_machine.tick(nowMs);
    if (m_speech) {
        const std::int64_t clock = m_speech->clockFrames();
        if (m_voiceClock < 0) {
            m_voiceClock = clock; // the first look: not yet seen moving
        } else if (clock != m_voiceClock) {
            m_voiceClock = clock;
            m_voiceClockMovedMs = nowMs;
            m_voiceClockMoved = true;
        }
        m_voiceLive = m_voiceClockMoved && nowMs - m_voiceClockMovedMs <= kStalledVoiceMs;
    }
    bool keep = false; // the caption's line is still coming or being said
    if (m_voiceLive && m_captionVoiceLine != 0 && !m_caption.isEmpty()) {
        switch (m_speech->lineState(m_captionVoiceLine)) {
        case SpeechPlayer::LineState::Playing:
            if (!m_captionHeard)
                m_caption.restartAt(nowMs);
            m_captionHeard = true;
            m_caption.heardAt(nowMs);
            keep = true;
            break;
        case SpeechPlayer::LineState::Waiting:
            keep = true;
            break;
        case SpeechPlayer::LineState::Unknown:
            keep = nowMs - m_caption.startMs() < kVoiceWaitMs;
            break;
        case SpeechPlayer::LineState::Gone:
            break;
        }
    }
    if (!keep && !m_caption.isEmpty() && nowMs >= m_caption.untilMs())
        m_caption = HostCaption();
}

void HostOverlay::setMood(HostMood mood, std::int64_t nowMs)
{
    std::lock_guard lock(m_mutex);
    m_machine.setMood(mood, nowMs);
}

void HostOverlay::clearMoodOverride(std::int64_t nowMs)
{
    std::lock_guard lock(m_mutex);
    m_machine.clearOverride(nowMs);
}

void HostOverlay::setAuctionOpen(bool open, std::int64_t nowMs)
{
    std::lock_guard lock(m_mutex);
    m_machine.setAuctionOpen(open, nowMs);
}

HostMood HostOverlay::mood() const
{
    std::lock_guard lock(m_mutex);
    return m_machine.mood();
}

HostMoodMachine HostOverlay::moodMachine() const
{
    std::lock_guard lock(m_mutex);
    return m_machine;
}

void HostOverlay::say(const QString& line, std::int64_t nowMs, quint64 voiceLineId)
{
    std::lock_guard lock(m_mutex);
    m_caption = HostCaption(line, nowMs);
    m_captionVoiceLine = voiceLineId;
    m_captionHeard = false;
}

void HostOverlay::clearCaption()
{
    std::lock_guard lock(m_mutex);
    m_caption = HostCaption();
}

HostCaption HostOverlay::caption() const
{
    std::lock_guard lock(m_mutex);
    return m_caption;
}

} // namespace sb::studio
