#pragma once
// The studio binary run headless, as tst_broadcast and tst_broadcastrefusals run it: under the
// test command's Xvfb (software OpenGL), with its exit code and output once it has ended.

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>

#include <sys/resource.h>

namespace sb::test::broadcast {

inline constexpr int kProcessMs = 120'000; // a limit on waiting only; nothing asserts durations

inline QProcessEnvironment broadcastEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM")); // the test runner's offscreen cannot do OpenGL
    env.remove(QStringLiteral("QT_LOGGING_RULES"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    return env;
}

struct Finished
{
    int exitCode = -1;
    bool normalExit = false;
    bool timedOut = false; // killed by the test's limit
    QString out;
    QString err;
    QString describe() const
    {
        return QStringLiteral("exit %1%2\nstdout: %3\nstderr: %4")
            .arg(exitCode)
            .arg(normalExit ? QString() : QStringLiteral(" (crashed)"))
            .arg(out.right(1500), err.right(3000));
    }
    QJsonObject lastStats() const
    {
        const QStringList lines = out.split(u'\n', Qt::SkipEmptyParts);
        for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
            const QJsonObject line = QJsonDocument::fromJson(it->toUtf8()).object();
            if (line.value(QStringLiteral("type")).toString() == QLatin1String("stats"))
                return line.value(QStringLiteral("stats")).toObject();
        }
        return {};
    }
};

// `fileSizeLimit` > 0: the process may write no file larger (ulimit -f), as a full disk would.
inline Finished runStudio(const QStringList& args,
                          const QProcessEnvironment& env = broadcastEnvironment(),
                          int limitMs = kProcessMs, rlim_t fileSizeLimit = 0)
{
    QProcess p;
    p.setProcessEnvironment(env);
    if (fileSizeLimit > 0) {
        p.setChildProcessModifier([fileSizeLimit] {
            const struct rlimit limit = {fileSizeLimit, fileSizeLimit};
            ::setrlimit(RLIMIT_FSIZE, &limit);
        });
    }
    p.start(QStringLiteral(SB_STUDIO_BINARY), args);
    Finished f;
    if (!p.waitForStarted(30'000) || !p.waitForFinished(limitMs)) {
        f.timedOut = true;
        p.kill();
        p.waitForFinished();
    }
    f.exitCode = p.exitCode();
    f.normalExit = p.exitStatus() == QProcess::NormalExit;
    f.out = QString::fromUtf8(p.readAllStandardOutput());
    f.err = QString::fromUtf8(p.readAllStandardError());
    return f;
}

} // namespace sb::test::broadcast
