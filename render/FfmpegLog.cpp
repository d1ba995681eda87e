#include "FfmpegLog.h"

extern "C" {
#include <libavutil/log.h>
}

#include <cstdarg>
#include <mutex>

namespace sb::render {

namespace {

thread_local QList<FfmpegLogLine>* t_capture = nullptr;

void captureLogCallback(void* avcl, int level, const char* fmt, va_list args)
{
    if (t_capture && level <= AV_LOG_ERROR) {
        char line[1024] = {};
        int printPrefix = 0; // the context is kept apart, not as "[tls @ 0x...]"
        va_list copy;
        va_copy(copy, args);
        av_log_format_line2(nullptr, level, fmt, copy, line, sizeof line, &printPrefix);
        va_end(copy);
        FfmpegLogLine captured;
        if (avcl) {
            const AVClass* avClass = *static_cast<const AVClass* const*>(avcl);
            if (avClass && avClass->item_name)
                captured.context = QString::fromUtf8(avClass->item_name(avcl));
        }
        captured.text = QString::fromUtf8(line).trimmed();
        if (!captured.text.isEmpty())
            t_capture->append(captured);
        return; // reported by the caller in its own sentence
    }
    av_log_default_callback(avcl, level, fmt, args);
}

} // namespace

ScopedFfmpegLogCapture::ScopedFfmpegLogCapture(QList<FfmpegLogLine>* lines) : m_previous(t_capture)
{
    static std::once_flag installed;
    std::call_once(installed, [] { av_log_set_callback(captureLogCallback); });
    t_capture = lines;
}

ScopedFfmpegLogCapture::~ScopedFfmpegLogCapture()
{
    t_capture = m_previous;
}

QStringList textsOf(const QList<FfmpegLogLine>& lines)
{
    QStringList texts;
    for (const FfmpegLogLine& line : lines)
        texts.append(line.text);
    return texts;
}

} // namespace sb::render
