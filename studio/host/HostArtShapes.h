#pragma once
// Small drawing helpers the host's art files share: the character is symmetric, so most shapes
// are drawn once for the viewer's left and mirrored across the design's centre line.

#include "HostPuppetArt.h"

#include <QPainterPath>
#include <QPen>
#include <QPointF>
#include <QTransform>

namespace sb::studio::hostart {

inline QPointF mirrored(QPointF p)
{
    return {kDesignWidth - p.x(), p.y()};
}

inline QPainterPath mirroredPath(const QPainterPath& path)
{
    return QTransform(-1, 0, 0, 1, kDesignWidth, 0).map(path);
}

// Round caps and joins everywhere: ink lines, as an illustrator would draw them.
inline QPen outline(const QColor& color, double width)
{
    return QPen(color, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
}

// A four-pointed twinkle, the anime shorthand for shine.
inline QPainterPath sparklePath(QPointF c, double r)
{
    QPainterPath p;
    const double w = r * 0.22;
    p.moveTo(c.x(), c.y() - r);
    p.quadTo(c.x() + w, c.y() - w, c.x() + r, c.y());
    p.quadTo(c.x() + w, c.y() + w, c.x(), c.y() + r);
    p.quadTo(c.x() - w, c.y() + w, c.x() - r, c.y());
    p.quadTo(c.x() - w, c.y() - w, c.x(), c.y() - r);
    p.closeSubpath();
    return p;
}

} // namespace sb::studio::hostart
