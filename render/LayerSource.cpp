#include "LayerSource.h"

namespace sb::render {

LayerSource::~LayerSource() = default;

QImage toUploadFormat(const QImage& image)
{
    if (image.format() == QImage::Format_RGBA8888_Premultiplied)
        return image;
    return image.convertToFormat(QImage::Format_RGBA8888_Premultiplied);
}

} // namespace sb::render
