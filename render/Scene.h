#pragma once
// An ordered list of layers over a background colour, bottom first. A value type: copying a scene
// shares its sources, so a snapshot can be handed to the render thread.

#include "Layer.h"

#include <QColor>

#include <vector>

namespace sb::render {

class Scene
{
public:
    QColor background() const { return m_background; }
    void setBackground(const QColor& color) { m_background = color; }

    const std::vector<Layer>& layers() const { return m_layers; }
    int layerCount() const { return int(m_layers.size()); }

    // Adds on top; false (and nothing added) when the id is already used.
    bool addLayer(Layer layer);
    bool removeLayer(const QString& id);
    // Moves a layer to `index` in the stacking order (0 = bottom), clamped to the list.
    bool moveLayer(const QString& id, int index);
    int indexOf(const QString& id) const; // -1 when absent
    Layer* findLayer(const QString& id);
    const Layer* findLayer(const QString& id) const;
    void clear() { m_layers.clear(); }

private:
    QColor m_background = Qt::black;
    std::vector<Layer> m_layers;
};

} // namespace sb::render
