#include "Layer.h"

namespace sb::render {

QString layerKindName(LayerKind kind)
{
    switch (kind) {
    case LayerKind::Color:
        return QStringLiteral("color");
    case LayerKind::Image:
        return QStringLiteral("image");
    case LayerKind::Text:
        return QStringLiteral("text");
    case LayerKind::Video:
        return QStringLiteral("video");
    case LayerKind::Painted:
        return QStringLiteral("painted");
    }
    return {};
}

} // namespace sb::render
