#include "Scene.h"

#include <algorithm>

namespace sb::render {

bool Scene::addLayer(Layer layer)
{
    if (indexOf(layer.id) >= 0)
        return false;
    m_layers.push_back(std::move(layer));
    return true;
}

bool Scene::removeLayer(const QString& id)
{
    const int index = indexOf(id);
    if (index < 0)
        return false;
    m_layers.erase(m_layers.begin() + index);
    return true;
}

bool Scene::moveLayer(const QString& id, int index)
{
    const int from = indexOf(id);
    if (from < 0)
        return false;
    const int to = std::clamp(index, 0, layerCount() - 1);
    if (from < to)
        std::rotate(m_layers.begin() + from, m_layers.begin() + from + 1,
                    m_layers.begin() + to + 1);
    else if (from > to)
        std::rotate(m_layers.begin() + to, m_layers.begin() + from, m_layers.begin() + from + 1);
    return true;
}

int Scene::indexOf(const QString& id) const
{
    const auto it = std::find_if(m_layers.begin(), m_layers.end(),
                                 [&id](const Layer& layer) { return layer.id == id; });
    return it == m_layers.end() ? -1 : int(it - m_layers.begin());
}

Layer* Scene::findLayer(const QString& id)
{
    const int index = indexOf(id);
    return index < 0 ? nullptr : &m_layers[std::size_t(index)];
}

const Layer* Scene::findLayer(const QString& id) const
{
    const int index = indexOf(id);
    return index < 0 ? nullptr : &m_layers[std::size_t(index)];
}

} // namespace sb::render
