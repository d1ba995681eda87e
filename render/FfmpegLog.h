#pragma once
// FFmpeg says why something failed only in its log ("Cannot load libcuda.so.1", "Failed to
// resolve hostname", a TLS library's error), not in the return code. While a ScopedFfmpegLogCapture
// lives, the error lines FFmpeg logs on this thread are kept for the caller to put into its own
// sentence instead of being printed; every other line goes to FFmpeg's default log as before.

#include <QList>
#include <QString>
#include <QStringList>

namespace sb::render {

struct FfmpegLogLine
{
    QString context; // what logged it: "tcp", "tls", "rtmp", a codec's name
    QString text;    // without the trailing newline
};

class ScopedFfmpegLogCapture
{
public:
    explicit ScopedFfmpegLogCapture(QList<FfmpegLogLine>* lines);
    ~ScopedFfmpegLogCapture();
    ScopedFfmpegLogCapture(const ScopedFfmpegLogCapture&) = delete;
    ScopedFfmpegLogCapture& operator=(const ScopedFfmpegLogCapture&) = delete;

private:
    QList<FfmpegLogLine>* m_previous;
};

// The captured lines' texts.
QStringList textsOf(const QList<FfmpegLogLine>& lines);

} // namespace sb::render
