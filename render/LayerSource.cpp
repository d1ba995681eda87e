#include "LayerSource.h"

#include <QFile>

#include <algorithm>

namespace sb::render {

LayerSource::~LayerSource() = default;

QImage toUploadFormat(const QImage& image)
{
    if (image.format() == kUploadFormat)
        return image;
    return image.convertToFormat(kUploadFormat);
}

bool isFullyOpaque(const QImage& image)
{
    if (image.isNull() || image.format() != kUploadFormat)
        return false;
    for (int y = 0; y < image.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
        if (!std::all_of(line, line + image.width(), [](QRgb p) { return qAlpha(p) == 255; }))
            return false;
    }
    return true;
}

} // namespace sb::render
