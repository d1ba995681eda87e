// The broadcast's cost: streams the benchmark scene (colour background, an image, a text that
// changes every second, a looping video) to a local nginx-rtmp at 1280×720 and 1920×1080, 30 fps,
// x264 veryfast, and compares the CPU per frame with a bare `ffmpeg` encoding testsrc2 at the same
// size, rate, preset and bitrate to the same server. Run under Xvfb (OpenGL needs a display):
//
//   xvfb-run -a bench_broadcast [--seconds 20] [--rounds 3] [--studio PATH]
//
// CPU time is the child's user + system time (getrusage of reaped children), so both sides are
// measured the same way. The two alternate for several rounds and the medians are compared: on a
// shared 2-core machine the speed drifts by 10–20 % from one minute to the next, so one run of
// each would compare two different machines. Prints figures; asserts nothing.

#include "NginxRtmp.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>
#include <vector>

namespace {

double childrenCpuMs()
{
    rusage r = {};
    getrusage(RUSAGE_CHILDREN, &r);
    return (double(r.ru_utime.tv_sec) + double(r.ru_stime.tv_sec)) * 1000.0 +
           (double(r.ru_utime.tv_usec) + double(r.ru_stime.tv_usec)) / 1000.0;
}

// Runs a child to completion; returns its CPU ms (children's rusage grows when it is reaped).
double runMeasured(const QString& program, const QStringList& args, QByteArray* out)
{
    const double before = childrenCpuMs();
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(30'000) || !p.waitForFinished(600'000)) {
        std::fprintf(stderr, "%s did not run: %s\n", qPrintable(program),
                     qPrintable(p.errorString()));
        p.kill();
        p.waitForFinished();
    }
    if (out)
        *out = p.readAllStandardOutput();
    if (p.exitCode() != 0)
        std::fprintf(stderr, "%s exited with %d: %s\n", qPrintable(program), p.exitCode(),
                     p.readAllStandardError().right(800).constData());
    return childrenCpuMs() - before;
}

bool makeAssets(const QDir& dir, const QSize& canvas)
{
    QImage logo(400, 400, QImage::Format_ARGB32_Premultiplied);
    logo.fill(Qt::transparent);
    QPainter painter(&logo);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(QColor(0xf2, 0xc1, 0x4e));
    painter.drawEllipse(20, 20, 360, 360);
    painter.end();
    if (!logo.save(dir.filePath(QStringLiteral("logo.png"))))
        return false;
    QProcess ffmpeg;
    ffmpeg.start(QStringLiteral("ffmpeg"),
                 {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
                  QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                  QStringLiteral("testsrc2=size=640x360:rate=30:duration=5"),
                  QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-pix_fmt"),
                  QStringLiteral("yuv420p"), dir.filePath(QStringLiteral("clip.mp4"))});
    if (!ffmpeg.waitForFinished(120'000) || ffmpeg.exitCode() != 0)
        return false;
    const double s = canvas.height() / 720.0;
    const QJsonObject scene{
        {QStringLiteral("canvas"), QJsonObject{{QStringLiteral("width"), canvas.width()},
                                               {QStringLiteral("height"), canvas.height()}}},
        {QStringLiteral("background"), QStringLiteral("#101018")},
        {QStringLiteral("layers"),
         QJsonArray{
             QJsonObject{{QStringLiteral("id"), QStringLiteral("bg")},
                         {QStringLiteral("type"), QStringLiteral("color")},
                         {QStringLiteral("color"), QStringLiteral("#203040")},
                         {QStringLiteral("width"), canvas.width()},
                         {QStringLiteral("height"), canvas.height()}},
             QJsonObject{{QStringLiteral("id"), QStringLiteral("video")},
                         {QStringLiteral("type"), QStringLiteral("video")},
                         {QStringLiteral("path"), QStringLiteral("clip.mp4")},
                         {QStringLiteral("x"), 40 * s},
                         {QStringLiteral("y"), 40 * s},
                         {QStringLiteral("scale"), 1.4 * s}},
             QJsonObject{{QStringLiteral("id"), QStringLiteral("logo")},
                         {QStringLiteral("type"), QStringLiteral("image")},
                         {QStringLiteral("path"), QStringLiteral("logo.png")},
                         {QStringLiteral("x"), 1000 * s},
                         {QStringLiteral("y"), 120 * s},
                         {QStringLiteral("scale"), 0.6 * s}},
             QJsonObject{{QStringLiteral("id"), QStringLiteral("clock")},
                         {QStringLiteral("type"), QStringLiteral("text")},
                         {QStringLiteral("text"), QStringLiteral("Live · {time}")},
                         {QStringLiteral("size"), int(48 * s)},
                         {QStringLiteral("color"), QStringLiteral("#ffffff")},
                         {QStringLiteral("outline_color"), QStringLiteral("#000000")},
                         {QStringLiteral("outline_width"), 2},
                         {QStringLiteral("x"), 40 * s},
                         {QStringLiteral("y"), 620 * s}},
         }},
    };
    QFile file(dir.filePath(QStringLiteral("scene.json")));
    return file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(scene).toJson()) > 0;
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

// A bare ffmpeg doing the same job: testsrc2 and silence, x264 with the studio's settings, to FLV.
QStringList ffmpegArguments(const QString& label, int kbps, int seconds, const QString& url)
{
    const QString bitrate = QString::number(kbps) + u'k';
    return {QStringLiteral("-v"),
            QStringLiteral("error"),
            QStringLiteral("-re"),
            QStringLiteral("-f"),
            QStringLiteral("lavfi"),
            QStringLiteral("-i"),
            QStringLiteral("testsrc2=size=%1:rate=30").arg(label),
            QStringLiteral("-f"),
            QStringLiteral("lavfi"),
            QStringLiteral("-i"),
            QStringLiteral("anullsrc=r=48000:cl=stereo"),
            QStringLiteral("-t"),
            QString::number(seconds),
            QStringLiteral("-c:v"),
            QStringLiteral("libx264"),
            QStringLiteral("-preset"),
            QStringLiteral("veryfast"),
            QStringLiteral("-profile:v"),
            QStringLiteral("high"),
            QStringLiteral("-pix_fmt"),
            QStringLiteral("yuv420p"),
            QStringLiteral("-b:v"),
            bitrate,
            QStringLiteral("-maxrate"),
            bitrate,
            QStringLiteral("-bufsize"),
            QString::number(kbps * 2) + u'k',
            QStringLiteral("-g"),
            QStringLiteral("60"),
            QStringLiteral("-c:a"),
            QStringLiteral("aac"),
            QStringLiteral("-b:a"),
            QStringLiteral("160k"),
            QStringLiteral("-f"),
            QStringLiteral("flv"),
            url};
}

QJsonObject lastStats(const QByteArray& out)
{
    const QList<QByteArray> lines = out.split('\n');
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        const QJsonObject line = QJsonDocument::fromJson(*it).object();
        if (line.value(QStringLiteral("type")).toString() == QLatin1String("stats"))
            return line.value(QStringLiteral("stats")).toObject();
    }
    return {};
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    int seconds = 20;
    int rounds = 3;
    QString studio =
        QCoreApplication::applicationDirPath() + QStringLiteral("/../app/sothebais-studio");
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--seconds"))
            seconds = std::max(5, args[i + 1].toInt());
        else if (args[i] == QLatin1String("--rounds"))
            rounds = std::max(1, args[i + 1].toInt());
        else if (args[i] == QLatin1String("--studio"))
            studio = args[i + 1];
    }
    sb::test::NginxRtmp server;
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "cannot start nginx-rtmp: %s\n", qPrintable(error));
        return 1;
    }
    std::printf(
        "SothebAIs Studio broadcast benchmark: %d rounds of %d s per size, studio and ffmpeg "
        "alternating, 30 fps, x264 veryfast, to nginx-rtmp on loopback\n",
        rounds, seconds);
    struct Size
    {
        QSize canvas;
        int kbps;
    };
    for (const Size& size : {Size{{1280, 720}, 2500}, Size{{1920, 1080}, 4500}}) {
        QTemporaryDir dir;
        if (!makeAssets(QDir(dir.path()), size.canvas)) {
            std::fprintf(stderr, "cannot make the benchmark scene\n");
            return 1;
        }
        const QString label =
            QStringLiteral("%1x%2").arg(size.canvas.width()).arg(size.canvas.height());
        std::printf("%s @ 30 fps, %d kbps\n", qPrintable(label), size.kbps);
        std::vector<double> studioPerFrame;
        std::vector<double> ffmpegPerFrame;
        std::vector<double> ratios;
        qint64 missed = 0;
        qint64 skipped = 0;
        double peakMemoryMb = 0.0;
        for (int round = 1; round <= rounds; ++round) {
            QByteArray out;
            const double studioCpuMs = runMeasured(
                studio,
                {QStringLiteral("--headless"), QStringLiteral("--scene"),
                 dir.filePath(QStringLiteral("scene.json")), QStringLiteral("--size"), label,
                 QStringLiteral("--fps"), QStringLiteral("30"), QStringLiteral("--bitrate"),
                 QString::number(size.kbps), QStringLiteral("--encoder"), QStringLiteral("libx264"),
                 QStringLiteral("--stream"), server.url(QStringLiteral("studio-") + label),
                 QStringLiteral("--duration"), QString::number(seconds), QStringLiteral("--stats")},
                &out);
            const QJsonObject stats = lastStats(out);
            const qint64 frames = stats.value(QStringLiteral("frames_encoded")).toInteger();
            const double ffmpegCpuMs =
                runMeasured(QStringLiteral("ffmpeg"),
                            ffmpegArguments(label, size.kbps, seconds,
                                            server.url(QStringLiteral("ffmpeg-") + label)),
                            nullptr);
            const double studioMs = frames > 0 ? studioCpuMs / double(frames) : 0.0;
            const double ffmpegMs = ffmpegCpuMs / (30.0 * seconds);
            const qint64 roundMissed =
                stats.value(QStringLiteral("frames_missed_render_lag")).toInteger();
            const qint64 roundSkipped =
                stats.value(QStringLiteral("frames_skipped_encode_lag")).toInteger();
            std::printf("  round %d  studio CPU %.2f ms/frame (frames %lld, missed %lld, skipped "
                        "%lld, avg render %.2f ms)   ffmpeg CPU %.2f ms/frame   ratio %.2f\n",
                        round, studioMs, qint64(frames), roundMissed, roundSkipped,
                        stats.value(QStringLiteral("average_render_ms")).toDouble(), ffmpegMs,
                        ffmpegMs > 0 ? studioMs / ffmpegMs : 0.0);
            std::fflush(stdout);
            studioPerFrame.push_back(studioMs);
            ffmpegPerFrame.push_back(ffmpegMs);
            if (ffmpegMs > 0)
                ratios.push_back(studioMs / ffmpegMs);
            missed += roundMissed;
            skipped += roundSkipped;
            peakMemoryMb =
                std::max(peakMemoryMb, stats.value(QStringLiteral("peak_memory_mb")).toDouble());
        }
        std::printf("  studio   CPU %.2f ms/frame (median)   frames missed (render lag) %lld   "
                    "skipped (encode lag) %lld (all rounds)   peak memory %.0f MB\n",
                    median(studioPerFrame), missed, skipped, peakMemoryMb);
        std::printf("  ffmpeg   CPU %.2f ms/frame (median; testsrc2, same size, rate, preset, "
                    "bitrate)\n",
                    median(ffmpegPerFrame));
        std::printf("  ratio    %.2f (median of the rounds' ratios)\n", median(ratios));
        std::fflush(stdout);
    }
    return 0;
}
