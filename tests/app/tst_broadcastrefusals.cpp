// Broadcasting from the command line given what it cannot use, as a streamer might: the real
// binary under Xvfb refuses bad destinations, bad stream key files, a record path where no file
// can be made and scenes whose inputs would hang, each with a clear line and before anything
// starts; without a display it says how to run; a recording that fails on the way ends the run
// with exit code 1 and keeps a playable file.

#include "BroadcastRun.h"
#include "NginxRtmp.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace sb::test::broadcast;
using sb::test::probeFile;

class TestBroadcastRefusals : public QObject
{
    Q_OBJECT

private slots:
    void aRecordingThatFailsOnTheWayEndsTheRunWithCode1();
    void badDestinationsAreClearErrors_data();
    void badDestinationsAreClearErrors();
    void withoutADisplayItSaysHowToRun();
    void badStreamKeyFilesAreClearErrors_data();
    void badStreamKeyFilesAreClearErrors();
    void inputsThatWouldHangAreClearErrors_data();
    void inputsThatWouldHangAreClearErrors();
};

void TestBroadcastRefusals::aRecordingThatFailsOnTheWayEndsTheRunWithCode1()
{
    // A file-size limit stands in for a disk that fills: the process used to die of SIGXFSZ
    // mid-write; ignoring it, the run said "Recording: failed" and still ended with code 0.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("full.mkv"));
    QProcessEnvironment env = broadcastEnvironment();
    env.insert(QStringLiteral("XDG_CACHE_HOME"), dir.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("MESA_SHADER_CACHE_DISABLE"), QStringLiteral("true"));
    const rlim_t limit = 1024 * 1024;
    const Finished run = runStudio({QStringLiteral("--headless"), QStringLiteral("--record"), path,
                                    QStringLiteral("--bitrate"), QStringLiteral("5000"),
                                    QStringLiteral("--duration"), QStringLiteral("6")},
                                   env, kProcessMs, limit);
    QVERIFY2(run.normalExit && run.exitCode == 1, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("Recording: failed")), qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("is incomplete")), qPrintable(run.describe()));
    // What was written before is kept, and plays.
    QVERIFY(QFileInfo(path).size() > 0);
    QVERIFY(QFileInfo(path).size() <= qint64(limit));
    const auto probe = probeFile(path);
    QVERIFY2(probe.ok, qPrintable(probe.error));
    QCOMPARE(probe.videoCodec, QStringLiteral("h264"));
}

void TestBroadcastRefusals::badDestinationsAreClearErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("says");
    QTest::newRow("not an rtmp url")
        << QStringList{QStringLiteral("--stream"), QStringLiteral("http://127.0.0.1/live/key")}
        << QStringLiteral("rtmp://");
    QTest::newRow("record folder missing")
        << QStringList{QStringLiteral("--record"), QStringLiteral("/nonexistent/folder/x.mkv")}
        << QStringLiteral("does not exist");
    // Both once started, said "Recording: failed" at the first frame, ran on and exited 0.
    QTest::newRow("record where no file can be made")
        << QStringList{QStringLiteral("--record"), QStringLiteral("/proc/x.mkv")}
        << QStringLiteral("Cannot record to /proc/x.mkv");
    QTest::newRow("record onto a folder")
        << QStringList{QStringLiteral("--record"), QDir::tempPath()}
        << QStringLiteral("not a regular file");
    QTest::newRow("odd size") << QStringList{QStringLiteral("--record"),
                                             QStringLiteral("/tmp/x.mkv"), QStringLiteral("--size"),
                                             QStringLiteral("641x360")}
                              << QStringLiteral("--size");
    QTest::newRow("a collection without a marathon")
        << QStringList{QStringLiteral("--scenes"), QStringLiteral("/tmp/show.json"),
                       QStringLiteral("--record"), QStringLiteral("/tmp/x.mkv")}
        << QStringLiteral("--demo or --db");
    QTest::newRow("a plain scene and a collection")
        << QStringList{QStringLiteral("--demo"),      QStringLiteral("--scene"),
                       QStringLiteral("/tmp/a.json"), QStringLiteral("--scenes"),
                       QStringLiteral("/tmp/b.json"), QStringLiteral("--record"),
                       QStringLiteral("/tmp/x.mkv")}
        << QStringLiteral("exclude each other");
}

void TestBroadcastRefusals::badDestinationsAreClearErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, says);
    const Finished run = runStudio(QStringList{QStringLiteral("--headless")} + args +
                                   QStringList{QStringLiteral("--duration"), QStringLiteral("2")});
    QVERIFY2(run.normalExit && run.exitCode != 0, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(says), qPrintable(run.describe()));
    QVERIFY2(!run.err.contains(QLatin1String("/live/key")), "the key must not be printed");
}

void TestBroadcastRefusals::withoutADisplayItSaysHowToRun()
{
    QProcessEnvironment env = broadcastEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    const Finished run = runStudio({QStringLiteral("--headless"), QStringLiteral("--record"),
                                    QStringLiteral("/tmp/never.mkv"), QStringLiteral("--duration"),
                                    QStringLiteral("1")},
                                   env);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QLatin1String("xvfb-run")), qPrintable(run.describe()));

    // The window, likewise, says what to run instead.
    const Finished window = runStudio({}, env);
    QCOMPARE(window.exitCode, 1);
    QVERIFY2(window.err.contains(QLatin1String("--headless --demo")),
             qPrintable(window.describe()));

    // In the operator's language, although no window (and so no settings) was opened.
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("es_ES.UTF-8"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("es_ES.UTF-8"));
    env.remove(QStringLiteral("LANGUAGE"));
    const Finished spanish = runStudio({}, env);
    QCOMPARE(spanish.exitCode, 1);
    QVERIFY2(spanish.err.contains(QStringLiteral("necesita una pantalla")) &&
                 spanish.err.contains(QLatin1String("--headless --demo")),
             qPrintable(spanish.describe()));
}

void TestBroadcastRefusals::badStreamKeyFilesAreClearErrors_data()
{
    QTest::addColumn<QStringList>("args"); // "DIR" stands for the test's folder
    QTest::addColumn<QString>("says");
    const QString url = QStringLiteral("rtmp://127.0.0.1:1/live");
    QTest::newRow("missing") << QStringList{QStringLiteral("--stream"), url,
                                            QStringLiteral("--stream-key-file"),
                                            QStringLiteral("DIR/none.key")}
                             << QStringLiteral("No such file");
    QTest::newRow("empty") << QStringList{QStringLiteral("--stream"), url,
                                          QStringLiteral("--stream-key-file"),
                                          QStringLiteral("DIR/empty.key")}
                           << QStringLiteral("is empty");
    QTest::newRow("a FIFO") << QStringList{QStringLiteral("--stream"), url,
                                           QStringLiteral("--stream-key-file"),
                                           QStringLiteral("DIR/fifo.key")}
                            << QStringLiteral("not a regular file");
    QTest::newRow("two lines") << QStringList{QStringLiteral("--stream"), url,
                                              QStringLiteral("--stream-key-file"),
                                              QStringLiteral("DIR/two.key")}
                               << QStringLiteral("one line");
    QTest::newRow("one file for two streams")
        << QStringList{QStringLiteral("--stream"),          url,
                       QStringLiteral("--stream"),          url,
                       QStringLiteral("--stream-key-file"), QStringLiteral("DIR/two.key")}
        << QStringLiteral("one key file per --stream");
}

void TestBroadcastRefusals::badStreamKeyFilesAreClearErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, says);
    QTemporaryDir dir;
    QFile empty(dir.filePath(QStringLiteral("empty.key")));
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();
    QFile two(dir.filePath(QStringLiteral("two.key")));
    QVERIFY(two.open(QIODevice::WriteOnly));
    two.write("LINEONESECRET\nLINETWOSECRET\n");
    two.close();
    QVERIFY(::mkfifo(QFile::encodeName(dir.filePath(QStringLiteral("fifo.key"))).constData(),
                     0600) == 0);
    args.replaceInStrings(QStringLiteral("DIR"), dir.path());
    // A FIFO nobody writes to would block forever: the limit here is on waiting only.
    const Finished run =
        runStudio(QStringList{QStringLiteral("--headless")} + args +
                      QStringList{QStringLiteral("--duration"), QStringLiteral("2")},
                  broadcastEnvironment(), 30'000);
    QVERIFY2(!run.timedOut, qPrintable(run.describe()));
    QVERIFY2(run.normalExit && run.exitCode == 2, qPrintable(run.describe()));
    const QStringList said =
        run.err.split(u'\n', Qt::SkipEmptyParts).filter(QStringLiteral("sothebais-studio: "));
    QCOMPARE(said.size(), 1); // one line
    QVERIFY2(said.first().contains(QLatin1String("--stream-key-file")) &&
                 said.first().contains(says),
             qPrintable(run.describe()));
    QVERIFY2(!run.err.contains(QLatin1String("SECRET")), "what a key file holds is never printed");
}

void TestBroadcastRefusals::inputsThatWouldHangAreClearErrors_data()
{
    QTest::addColumn<QByteArray>("scene"); // "DIR" stands for the test's folder
    QTest::addColumn<QStringList>("says");
    QTest::newRow("video from a FIFO")
        << QByteArray(R"({"layers": [{"id": "clip", "type": "video", "path": "DIR/pipe"}]})")
        << QStringList{QStringLiteral("layer 'clip'"), QStringLiteral("\"path\""),
                       QStringLiteral("FIFO")};
    QTest::newRow("image from a device")
        << QByteArray(R"({"layers": [{"id": "pic", "type": "image", "path": "/dev/zero"}]})")
        << QStringList{QStringLiteral("layer 'pic'"), QStringLiteral("\"path\""),
                       QStringLiteral("device")};
    QTest::newRow("a megabyte of text")
        << (QByteArray(R"({"layers": [{"id": "essay", "type": "text", "text": ")") +
            QByteArray(1'000'000, 'x') + QByteArray(R"("}]})"))
        << QStringList{QStringLiteral("layer 'essay'"), QStringLiteral("\"text\""),
                       QStringLiteral("at most 4096")};
    QTest::newRow("a duplicate key")
        << QByteArray(
               R"({"layers": [{"id": "bg", "type": "color", "color": "#fff", "color": "#000"}]})")
        << QStringList{QStringLiteral("\"color\" appears twice")};
}

void TestBroadcastRefusals::inputsThatWouldHangAreClearErrors()
{
    QFETCH(QByteArray, scene);
    QFETCH(QStringList, says);
    QTemporaryDir dir;
    QVERIFY(::mkfifo(QFile::encodeName(dir.filePath(QStringLiteral("pipe"))).constData(), 0600) ==
            0);
    const QString scenePath = dir.filePath(QStringLiteral("scene.json"));
    QFile file(scenePath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(scene.replace("DIR", QFile::encodeName(dir.path())));
    file.close();
    // The limit is on waiting only: before the fix, the FIFO one never returned, SIGTERM or not.
    const Finished run = runStudio({QStringLiteral("--headless"), QStringLiteral("--scene"),
                                    scenePath, QStringLiteral("--duration"), QStringLiteral("2")},
                                   broadcastEnvironment(), 30'000);
    QVERIFY2(!run.timedOut, qPrintable(run.describe()));
    QVERIFY2(run.normalExit && run.exitCode == 1, qPrintable(run.describe()));
    for (const QString& part : says)
        QVERIFY2(run.err.contains(part), qPrintable(run.describe()));
}

QTEST_GUILESS_MAIN(TestBroadcastRefusals)
#include "tst_broadcastrefusals.moc"
