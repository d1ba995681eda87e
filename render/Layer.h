#pragma once
// One drawable in a scene: where a source's picture goes on the canvas and how it is blended.
// A value type; copying a layer shares its source (scenes can be snapshotted cheaply).

#include "LayerSource.h"

#include <QString>

#include <memory>

namespace sb::render {

enum class LayerKind
{
    Color,
    Image,
    Text,
    Video,
    Painted
};

struct LayerTransform
{
    double x = 0.0; // where the anchor lands, in canvas pixels (origin top-left, y down)
    double y = 0.0;
    double scaleX = 1.0;
    double scaleY = 1.0;
    double rotationDegrees = 0.0; // clockwise on screen, around the anchor
    double anchorX = 0.0;         // 0..1 of the layer's visible (cropped) size
    double anchorY = 0.0;
};

// Pixels cut from each edge of the source before it is placed.
struct LayerCrop
{
    int left = 0;
    int top = 0;
    int right = 0;
    int bottom = 0;
};

struct Layer
{
    QString id;
    LayerKind kind = LayerKind::Color;
    LayerTransform transform;
    LayerCrop crop;
    double opacity = 1.0; // 0..1
    bool visible = true;
    std::shared_ptr<LayerSource> source;
};

QString layerKindName(LayerKind kind);

} // namespace sb::render
