#include "MediaTypes.h"

extern "C" {
#include <libavutil/error.h>
}

namespace sb::render {

const std::uint8_t* RawVideoFrame::plane(int index) const
{
    const std::size_t luma = std::size_t(width) * height;
    switch (index) {
    case 0:
        return data.data();
    case 1:
        return data.data() + luma;
    default:
        return data.data() + luma + luma / 4;
    }
}

int RawVideoFrame::stride(int index) const
{
    if (index == 0 || format == PixelFormat::Nv12)
        return width;
    return width / 2;
}

QString avErrorText(int code)
{
    char buffer[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, buffer, sizeof buffer);
    return QString::fromUtf8(buffer);
}

} // namespace sb::render
