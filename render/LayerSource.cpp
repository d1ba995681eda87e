#include "LayerSource.h"

#include <QFile>

#include <algorithm>

#include <sys/stat.h>

namespace sb::render {

LayerSource::~LayerSource() = default;

QString notRegularFileProblem(const QString& path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0 || S_ISREG(info.st_mode))
        return {};
    const char* kind = S_ISFIFO(info.st_mode)                           ? "a FIFO (named pipe)"
                       : S_ISDIR(info.st_mode)                          ? "a folder"
                       : S_ISCHR(info.st_mode) || S_ISBLK(info.st_mode) ? "a device"
                       : S_ISSOCK(info.st_mode)                         ? "a socket"
                                                                        : "a special file";
    return QStringLiteral("%1 is %2, not a regular file").arg(path, QLatin1String(kind));
}

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
