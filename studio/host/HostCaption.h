#pragma once
// What the host is saying: one line shown as a speech bubble under the character for a time that
// grows with its length, with the mouth moving while it is "spoken". A plain value; HostOverlay
// keeps the current one and paints a copy.

#include "Overlay.h"

#include <QFont>
#include <QPainter>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cstdint>

namespace sb::studio {

class HostCaption
{
public:
    static constexpr int kMaxLines = 3;
    // Reading speed of a calm announcer (~15 characters a second), with bounds so a one-word line
    // is still seen and a long one does not block the next.
    static constexpr std::int64_t kMsPerCharacter = 65;
    static constexpr std::int64_t kMinTalkMs = 700;
    static constexpr std::int64_t kMaxTalkMs = 9'000;
    // The bubble stays after the mouth stops, so the end of the line can be read.
    static constexpr std::int64_t kLingerMs = 1'800;
    static constexpr std::int64_t kAppearMs = 180;
    static constexpr std::int64_t kFadeMs = 300;

    HostCaption() = default;
    // `text` is simplified (line breaks and runs of spaces become one space).
    HostCaption(const QString& text, std::int64_t startMs);

    static std::int64_t talkDurationMs(const QString& text);
    static std::int64_t displayDurationMs(const QString& text);

    QString text() const { return m_text; }
    bool isEmpty() const { return m_text.isEmpty(); }
    std::int64_t startMs() const { return m_startMs; }
    std::int64_t talkUntilMs() const
    {
        return std::max(m_startMs + talkDurationMs(m_text), m_heardUntilMs);
    }
    std::int64_t untilMs() const { return talkUntilMs() + kLingerMs; }
    // The voice began the line at `nowMs`: the bubble pops in with its first word.
    void restartAt(std::int64_t nowMs) { m_startMs = nowMs; }
    // The voice is still saying it at `nowMs`: the bubble stays (and lingers after).
    void heardAt(std::int64_t nowMs) { m_heardUntilMs = std::max(m_heardUntilMs, nowMs); }
    bool isVisible(std::int64_t nowMs) const;
    bool isTalking(std::int64_t nowMs) const;

    // `text` broken into at most `maxLines` lines of `width` pixels; the last one is elided
    // ("…") when the text does not fit.
    static QStringList wrapLines(const QString& text, const QFont& font, double width,
                                 int maxLines = kMaxLines);
    // The bubble for this text at the bottom of `area` (its full width, as tall as the lines).
    QRectF bubbleRect(const QRectF& area, const QFont& font) const;
    // Everything paintBubble() may touch: the bubble, its tail and its shadow.
    QRectF bounds(const QRectF& area, const QFont& font) const;
    // Where the bubble's tail meets it: the point it grows from when it appears.
    QPointF anchor(const QRectF& area, const QFont& font, QPointF tailTip) const;
    // The bubble fully shown, its tail pointing up at `tailTip` (the mouth). The same for the
    // whole life of the line, so it can be drawn once into an image and reused. With
    // `revealChars` >= 0 only the text before that index is written (the words the voice has
    // said), each in the place it has in the whole line, so nothing moves as words appear.
    void paintBubble(QPainter& painter, const QRectF& area, const QFont& font,
                     const OverlayStyle& style, QPointF tailTip, int revealChars = -1) const;

    // How the bubble looks at `nowMs`: it pops in (growing from the anchor) and fades out.
    struct Look
    {
        double opacity = 0.0;
        double scale = 1.0;
    };
    Look lookAt(std::int64_t nowMs) const;
    // paintBubble() with lookAt(nowMs) applied; nothing when the line is not shown.
    void paint(QPainter& painter, const QRectF& area, const QFont& font, const OverlayStyle& style,
               std::int64_t nowMs, QPointF tailTip) const;

private:
    static double padding(const QFont& font);
    double tailX(const QRectF& bubble, const QFont& font, QPointF tailTip) const;

    QString m_text;
    std::int64_t m_startMs = 0;
    std::int64_t m_heardUntilMs = 0;
};

} // namespace sb::studio
