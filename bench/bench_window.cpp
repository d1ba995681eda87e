// What the studio window costs (run under xvfb-run; prints, asserts nothing). In one process, as
// the app runs it (the default show: a fresh demo with its simulated bidders, the preview visible):
//   1. idle: the window previewing, not streaming: CPU ms per frame, and the GUI thread's share;
//   2. streaming 720p30 (x264 veryfast 2500 kbps + AAC) to a local nginx-rtmp, started with the
//      window's own Start Streaming: CPU ms per frame, frames missed and skipped, RSS;
//   3. what holds the RSS, idle and streaming: /proc/self/smaps_rollup and the largest mappings
//      by file;
//   4. OBS Studio's CPU per frame on its colour+text scene in the same run (../shared/bench/
//      obs-cpu.sh), when `obs` is installed; otherwise it says so.
//
//   xvfb-run -a -s "-screen 0 1920x1080x24" ./build/ci/bench/bench_window [--seconds 20]
//       [--stream-seconds 600] [--no-obs]

#include "MainWindow.h"
#include "NginxRtmp.h"
#include "PreviewWidget.h"
#include "RenderContext.h"
#include "StudioController.h"
#include "StudioSettings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QSurfaceFormat>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace sb::studio;

namespace {

constexpr double kFps = 30.0;

// Runs the event loop as the app does (blocking between events, never spinning).
void runFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

template <typename Done> bool runUntil(Done done, int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > ms)
            return false;
        runFor(20);
    }
    return true;
}

double processCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return (double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3) +
           (double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3);
}

// CPU ms of each thread so far, by "name (tid)", from /proc/self/task.
QMap<QString, double> threadCpuMs()
{
    QMap<QString, double> threads;
    const double tick = 1000.0 / double(sysconf(_SC_CLK_TCK));
    const QString self = QString::number(getpid());
    for (const QString& tid :
         QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile stat(QStringLiteral("/proc/self/task/%1/stat").arg(tid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const qsizetype open = line.indexOf('(');
        const qsizetype close = line.lastIndexOf(')');
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        if (open < 0 || close < 0 || fields.size() < 13)
            continue;
        const QString name = tid == self ? QStringLiteral("GUI thread")
                                         : QString::fromUtf8(line.mid(open + 1, close - open - 1));
        threads.insert(QStringLiteral("%1 (%2)").arg(name, tid),
                       double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) * tick);
    }
    return threads;
}

long rssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    return 0;
}

struct Window
{
    double cpuMs = 0;
    double seconds = 0;
    QMap<QString, double> threads;
    double msPerFrame() const { return cpuMs / (seconds * kFps); }
};

Window measure(int seconds)
{
    const QMap<QString, double> threadsBefore = threadCpuMs();
    const double before = processCpuMs();
    QElapsedTimer wall;
    wall.start();
    runFor(seconds * 1000);
    Window w;
    w.cpuMs = processCpuMs() - before;
    w.seconds = double(wall.elapsed()) / 1000.0;
    const QMap<QString, double> threadsAfter = threadCpuMs();
    for (auto it = threadsAfter.cbegin(); it != threadsAfter.cend(); ++it)
        w.threads.insert(it.key(), it.value() - threadsBefore.value(it.key()));
    return w;
}

void printThreads(const Window& w)
{
    std::vector<std::pair<double, QString>> sorted;
    for (auto it = w.threads.cbegin(); it != w.threads.cend(); ++it)
        sorted.emplace_back(it.value(), it.key());
    std::sort(sorted.rbegin(), sorted.rend());
    for (std::size_t i = 0; i < std::min<std::size_t>(10, sorted.size()); ++i)
        std::printf("    %-28s %5.2f ms/frame (%4.1f %%)\n", qPrintable(sorted[i].second),
                    sorted[i].first / (w.seconds * kFps),
                    w.cpuMs > 0 ? 100.0 * sorted[i].first / w.cpuMs : 0.0);
}

// Resident memory by what maps it: /proc/self/smaps_rollup, then the largest mappings grouped by
// file (anonymous memory, the heap and thread stacks under their kernel names).
void printMemory()
{
    QFile rollup(QStringLiteral("/proc/self/smaps_rollup"));
    if (rollup.open(QIODevice::ReadOnly)) {
        QStringList parts;
        for (const QByteArray& line : rollup.readAll().split('\n')) {
            for (const char* key : {"Rss:", "Pss_Anon:", "Pss_File:", "Pss_Shmem:", "Swap:"}) {
                if (line.startsWith(key))
                    parts << QStringLiteral("%1 %2 MB")
                                 .arg(QString::fromLatin1(key).chopped(1))
                                 .arg(line.mid(qsizetype(qstrlen(key)))
                                              .trimmed()
                                              .split(' ')
                                              .first()
                                              .toDouble() /
                                          1024.0,
                                      0, 'f', 1);
            }
        }
        std::printf("  smaps_rollup: %s\n", qPrintable(parts.join(QStringLiteral(", "))));
    }
    QFile smaps(QStringLiteral("/proc/self/smaps"));
    if (!smaps.open(QIODevice::ReadOnly))
        return;
    QMap<QString, double> byFile;
    QString current;
    for (const QByteArray& line : smaps.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        if (QChar::fromLatin1(line.at(0)).isDigit() || (line.at(0) >= 'a' && line.at(0) <= 'f')) {
            // "start-end perms offset dev inode   path"
            const QList<QByteArray> fields = line.simplified().split(' ');
            current = fields.size() >= 6 ? QFileInfo(QString::fromUtf8(fields.at(5))).fileName()
                                         : QStringLiteral("[anonymous]");
            if (current.isEmpty())
                current = QString::fromUtf8(fields.at(5));
            continue;
        }
        if (line.startsWith("Rss:"))
            byFile[current] += line.mid(4).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    std::vector<std::pair<double, QString>> sorted;
    for (auto it = byFile.cbegin(); it != byFile.cend(); ++it)
        sorted.emplace_back(it.value(), it.key());
    std::sort(sorted.rbegin(), sorted.rend());
    std::printf("  largest resident mappings:\n");
    for (std::size_t i = 0; i < std::min<std::size_t>(14, sorted.size()); ++i)
        std::printf("    %-40s %6.1f MB\n", qPrintable(sorted[i].second), sorted[i].first);
}

void runObs(int seconds)
{
    const QString obs = QStandardPaths::findExecutable(QStringLiteral("obs"));
    const QString script = QStringLiteral(SB_SHARED_BENCH_DIR "/obs-cpu.sh");
    if (obs.isEmpty() || !QFileInfo::exists(script)) {
        std::printf("OBS: not measured (%s); ../shared/bench/README.md measured OBS 29 at 22-23 "
                    "ms/frame on this machine's colour+text scene\n",
                    obs.isEmpty() ? "obs is not installed: apt-get install obs-studio"
                                  : "no ../shared/bench/obs-cpu.sh");
        return;
    }
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    // OBS gets a user's environment, not this process's: the keychain bus switched off, the log
    // rules and the renderer's settings made for the studio (RenderContext::prepareProcess) kept
    // OBS from streaming at all (RSS 210 MB, 7 ms/frame, against 334 MB and 27-31 ms/frame run
    // alone).
    QProcessEnvironment env;
    for (const char* name : {"PATH", "LANG", "LC_ALL", "USER", "LOGNAME", "TMPDIR"})
        if (qEnvironmentVariableIsSet(name))
            env.insert(QString::fromLatin1(name), qEnvironmentVariable(name));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral("bash"), {script, QString::number(seconds)});
    process.waitForFinished((seconds + 90) * 1000);
    const QByteArray out = process.readAll();
    for (const QByteArray& line : out.split('\n'))
        if (line.startsWith("obs"))
            std::printf("OBS: %s\n", line.constData());
}

} // namespace

int main(int argc, char* argv[])
{
    // As main.cpp prepares the window.
    sb::render::RenderContext::prepareProcess();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QSurfaceFormat format;
    format.setVersion(3, 3);
    format.setProfile(QSurfaceFormat::CoreProfile);
    QSurfaceFormat::setDefaultFormat(format);
    // No keychain: the stream key stays in this process, as the Settings dialog offers.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/sb-bench-bus");
    qputenv("QT_LOGGING_RULES", "*.info=false;sb.*.warning=false");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("seconds"), QStringLiteral("Seconds per measurement."),
                        QStringLiteral("S"), QStringLiteral("20")},
                       {QStringLiteral("stream-seconds"),
                        QStringLiteral("Seconds of streaming (default: --seconds); 600 for the "
                                       "ten-minute missed-frames run."),
                        QStringLiteral("S")},
                       {QStringLiteral("no-obs"), QStringLiteral("Do not run OBS.")}});
    parser.process(app);
    const int seconds = std::max(1, parser.value(QStringLiteral("seconds")).toInt());
    const int streamSeconds =
        parser.isSet(QStringLiteral("stream-seconds"))
            ? std::max(1, parser.value(QStringLiteral("stream-seconds")).toInt())
            : seconds;

    QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
    StudioSettings settings(home.filePath(QStringLiteral("settings")));
    StudioController studio(home.filePath(QStringLiteral("studio")));
    QString error;
    if (!studio.open(&error)) {
        std::printf("cannot open the studio: %s\n", qPrintable(error));
        return 1;
    }
    auto window = std::make_unique<sb::app::MainWindow>(studio, settings);
    window->setMessageHook([](const QString& title, const QString& text) {
        std::printf("dialog: %s: %s\n", qPrintable(title), qPrintable(text));
        return true;
    });
    window->resize(1600, 960);
    window->show();
    if (!window->startProgram(&error)) {
        std::printf("cannot render: %s\n", qPrintable(error));
        return 1;
    }
    if (!runUntil([&] { return window->preview()->framesShown() > 0; }, 20'000)) {
        std::printf("the preview showed no frame\n");
        return 1;
    }
    runFor(3000);

    const Window idle = measure(seconds);
    std::printf("window idle (previewing, not streaming): %.2f ms CPU/frame over %.0f s; preview "
                "drawing: %s; RSS %.0f MB\n",
                idle.msPerFrame(), idle.seconds, window->preview()->isDrawing() ? "yes" : "no",
                double(rssKb()) / 1024.0);
    printThreads(idle);
    std::printf("memory idle:\n");
    printMemory();

    sb::test::NginxRtmp server;
    if (!server.start(&error)) {
        std::printf("cannot start nginx-rtmp: %s\n", qPrintable(error));
        return 1;
    }
    const QString key = QStringLiteral("bench-") + QUuid::createUuid().toString(QUuid::Id128);
    const QString keyed = server.url(key);
    Destination destination;
    destination.name = QStringLiteral("Local nginx");
    destination.url = keyed.left(keyed.lastIndexOf(u'/'));
    const QString id = settings.addDestination(destination, &error);
    settings.allowSessionOnlyKeys(true);
    if (id.isEmpty() || !settings.setStreamKey(id, key, &error)) {
        std::printf("cannot set the destination: %s\n", qPrintable(error));
        return 1;
    }
    window->toggleStreaming();
    const bool live = runUntil(
        [&] {
            const auto s = studio.stats();
            return !s.outputs.isEmpty() && s.outputs.first().state == sb::render::OutputState::Live;
        },
        20'000);
    if (!live) {
        std::printf("the stream did not go live: %s\n", qPrintable(server.errorLog()));
        return 1;
    }
    runFor(3000);
    const sb::render::BroadcastStats before = studio.stats();
    const Window streaming = measure(streamSeconds);
    const sb::render::BroadcastStats after = studio.stats();
    const long rss = rssKb();
    std::printf(
        "window streaming 720p30 to nginx-rtmp (preview visible): %.2f ms CPU/frame over "
        "%.0f s; %lld frames missed, %lld skipped, %lld dropped by the output; RSS %.0f "
        "MB\n",
        streaming.msPerFrame(), streaming.seconds,
        qlonglong(after.framesMissed - before.framesMissed),
        qlonglong(after.framesSkipped - before.framesSkipped),
        qlonglong(after.outputs.isEmpty() || before.outputs.isEmpty()
                      ? 0
                      : after.outputs.first().droppedFrames - before.outputs.first().droppedFrames),
        double(rss) / 1024.0);
    printThreads(streaming);
    std::printf("memory while streaming:\n");
    printMemory();
    window->toggleStreaming();
    window->close();
    window.reset();
    server.stop();

    if (parser.isSet(QStringLiteral("no-obs")))
        std::printf("OBS: not run (--no-obs)\n");
    else
        runObs(seconds);
    return 0;
}
