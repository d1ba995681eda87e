#pragma once
// Drawing helpers the auction overlays share, so that every panel on screen has the same
// rounded shape, shadow, label lettering and easing: the show should read as one design.

#include "Overlay.h"

#include <QColor>
#include <QFont>
#include <QPainter>
#include <QRectF>
#include <QString>

namespace sb::studio::paint {

// `a` moved towards `b` by `t` (0..1), alpha included.
QColor mix(const QColor& a, const QColor& b, double t);
// An opaque, dimmer version of the style's text colour for secondary text (labels, rejected
// bids). Opaque on purpose: text drawn with it has the same coverage as with the text colour.
QColor mutedText(const OverlayStyle& style);
// `color` with its alpha multiplied by `opacity`.
QColor withOpacity(QColor color, double opacity);

// A rounded panel in the style's background: a soft shadow under it, a slight vertical sheen and
// a hairline edge, so it stays readable over any artwork. Nothing when the background is clear.
void drawPanel(QPainter& painter, const QRectF& rect, const OverlayStyle& style, double radius);
// A small pill badge ("EXTENDED", "DEMO"): filled, or outlined when `fill` is transparent.
void drawPill(QPainter& painter, const QRectF& rect, const QString& text, const QFont& font,
              const QColor& fill, const QColor& textColor, const QColor& outline);

// A spaced, upper-case caption above a value ("CURRENT BID").
QFont labelFont(QFont base);
// `base` shrunk (down to `minScale`) until `text` fits in `width` pixels.
QFont fittedFont(QFont base, const QString& text, int width, double minScale = 0.6);
// `text` elided at the right to fit `width` with `font`.
QString elided(const QString& text, const QFont& font, int width);

// Easing for the animations, `t` clamped to 0..1.
double easeOutCubic(double t);
double easeOutBack(double t);
// Progress (0..1) of an animation of `durationMs` that started at `startUtcMs`, at `nowUtcMs`.
double progress(std::int64_t startUtcMs, std::int64_t nowUtcMs, std::int64_t durationMs);

} // namespace sb::studio::paint
