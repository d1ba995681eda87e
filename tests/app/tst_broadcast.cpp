// Broadcasting from the command line, as a streamer would run it on a server: the real binary
// under Xvfb streams the composed scene to real nginx-rtmp servers on loopback and records it;
// what arrives is read back with ffprobe. A refused destination never stops the healthy ones; a
// recording survives SIGKILL. Bad input is tst_broadcastrefusals.

#include "BroadcastRun.h"
#include "NginxRtmp.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

using namespace sb::test::broadcast;
using sb::test::NginxRtmp;
using sb::test::probeFile;

namespace {

// The last video frame of a recording, decoded by ffmpeg, as RGB bytes (width × height × 3).
QByteArray lastFrameRgb(const QString& path, int width, int height, QString* error)
{
    QProcess ffmpeg;
    ffmpeg.start(QStringLiteral("ffmpeg"),
                 {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-sseof"),
                  QStringLiteral("-1"), QStringLiteral("-i"), path, QStringLiteral("-frames:v"),
                  QStringLiteral("1"), QStringLiteral("-f"), QStringLiteral("rawvideo"),
                  QStringLiteral("-pix_fmt"), QStringLiteral("rgb24"), QStringLiteral("-")});
    if (!ffmpeg.waitForFinished(60'000) || ffmpeg.exitCode() != 0) {
        *error = QStringLiteral("ffmpeg could not decode %1: %2")
                     .arg(path, QString::fromUtf8(ffmpeg.readAllStandardError()));
        return {};
    }
    const QByteArray rgb = ffmpeg.readAllStandardOutput();
    if (rgb.size() != qsizetype(width) * height * 3) {
        *error =
            QStringLiteral("a frame of %1 bytes, not %2×%3").arg(rgb.size()).arg(width).arg(height);
        return {};
    }
    return rgb;
}

struct Rgb
{
    int r = 0, g = 0, b = 0;
    QString name() const { return QStringLiteral("rgb(%1, %2, %3)").arg(r).arg(g).arg(b); }
};

Rgb pixelAt(const QByteArray& rgb, int width, int x, int y)
{
    const auto* p =
        reinterpret_cast<const uchar*>(rgb.constData()) + (qsizetype(y) * width + x) * 3;
    return {p[0], p[1], p[2]};
}

Rgb meanColor(const QByteArray& rgb, int width, int left, int top, int right, int bottom)
{
    Rgb sum;
    int n = 0;
    for (int y = top; y < bottom; ++y) {
        for (int x = left; x < right; ++x, ++n) {
            const Rgb p = pixelAt(rgb, width, x, y);
            sum.r += p.r;
            sum.g += p.g;
            sum.b += p.b;
        }
    }
    return {sum.r / n, sum.g / n, sum.b / n};
}

// The share of pixels of a rectangle that `match` accepts.
template <typename Match>
double shareOf(const QByteArray& rgb, int width, int left, int top, int right, int bottom,
               Match match)
{
    int hits = 0, n = 0;
    for (int y = top; y < bottom; ++y) {
        for (int x = left; x < right; ++x, ++n)
            hits += match(pixelAt(rgb, width, x, y)) ? 1 : 0;
    }
    return double(hits) / n;
}

} // namespace

class TestBroadcast : public QObject
{
    Q_OBJECT

private slots:
    void streamsTenSecondsThatDecodeAsPromised();
    void aRefusingDestinationNeverStopsTheOthers();
    void streamsOverRtmps();
    void aWrongStreamKeyIsRetriedAndTheRecordingGoesOn();
    void recordingIsPlayableAfterSigkill();
    void recordingToMp4IsRemuxedAtTheEnd();
    void streamKeysNeverShowWhateverTheirForm();
    void aStreamKeyFromAFileReachesTheServer();
    void aStopSignalFinishesTheMp4_data();
    void aStopSignalFinishesTheMp4();
    void aStopIsPromptWithTextAtItsLimits();
    void theDemoStreamsTheShow();
    void aSceneCollectionFileIsTheShow();
};

void TestBroadcast::streamsTenSecondsThatDecodeAsPromised()
{
    NginxRtmp server;
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    const Finished run =
        runStudio({QStringLiteral("--headless"), QStringLiteral("--stream"),
                   server.url(QStringLiteral("main")), QStringLiteral("--duration"),
                   QStringLiteral("10"), QStringLiteral("--stats")});
    QVERIFY2(run.normalExit && run.exitCode == 0, qPrintable(run.describe()));
    server.stop(); // closes the recording

    const auto probe = probeFile(server.recordingPath(QStringLiteral("main")));
    QVERIFY2(probe.ok, qPrintable(probe.error));
    QCOMPARE(probe.videoCodec, QStringLiteral("h264"));
    QCOMPARE(probe.width, 1280);
    QCOMPARE(probe.height, 720);
    QCOMPARE(probe.frameRate, 30.0);
    QCOMPARE(probe.audioCodec, QStringLiteral("aac"));
    QVERIFY2(probe.audioPackets > 0, "the stream always carries audio");
    QVERIFY2(std::abs(probe.videoDurationS - 10.0) <= 0.5,
             qPrintable(QStringLiteral("recorded %1 s of video").arg(probe.videoDurationS)));
    QVERIFY2(
        probe.largestKeyframeIntervalS() <= 2.0 + 1e-6,
        qPrintable(QStringLiteral("keyframes %1 s apart").arg(probe.largestKeyframeIntervalS())));

    // What the operator was shown matches what arrived.
    const QJsonObject stats = run.lastStats();
    QVERIFY2(!stats.isEmpty(), qPrintable(run.describe()));
    const QJsonObject output = stats.value(QStringLiteral("outputs")).toArray().first().toObject();
    QVERIFY(output.value(QStringLiteral("bytes")).toInteger() > 0);
    QCOMPARE(output.value(QStringLiteral("dropped_frames")).toInteger(), 0);
    QVERIFY(stats.value(QStringLiteral("frames_encoded")).toInteger() >= probe.videoPackets);
}

void TestBroadcast::aRefusingDestinationNeverStopsTheOthers()
{
    NginxRtmp healthy;
    QString error;
    QVERIFY2(healthy.start(&error), qPrintable(error));
    QTemporaryDir dir;
    const QString recording = dir.filePath(QStringLiteral("show.mkv"));
    const QString refusing =
        QStringLiteral("rtmp://127.0.0.1:%1/live/secretkey").arg(sb::test::freeLoopbackPort());
    const Finished run = runStudio(
        {QStringLiteral("--headless"), QStringLiteral("--stream"), refusing,
         QStringLiteral("--stream"), healthy.url(QStringLiteral("ok")), QStringLiteral("--record"),
         recording, QStringLiteral("--duration"), QStringLiteral("6"), QStringLiteral("--stats")});
    QVERIFY2(run.normalExit && run.exitCode == 0, qPrintable(run.describe()));
    healthy.stop();
    // The operator is told, in words, and the key never shows.
    QVERIFY2(run.err.contains(QLatin1String("reconnecting")) ||
                 run.err.contains(QLatin1String("connecting")),
             qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("refused"), Qt::CaseInsensitive),
             qPrintable(run.describe()));
    QVERIFY2(!run.err.contains(QLatin1String("secretkey")) &&
                 !run.out.contains(QLatin1String("secretkey")),
             "a stream key must never be printed");
    for (const QString& file : {healthy.recordingPath(QStringLiteral("ok")), recording}) {
        const auto probe = probeFile(file);
        QVERIFY2(probe.ok, qPrintable(probe.error));
        QVERIFY2(probe.videoDurationS >= 5.5,
                 qPrintable(QStringLiteral("%1: %2 s").arg(file).arg(probe.videoDurationS)));
        QVERIFY2(probe.largestVideoGapS() < 0.2, qPrintable(file));
    }
}

void TestBroadcast::streamsOverRtmps()
{
    NginxRtmp server;
    server.enableRtmps(); // stunnel with a self-signed certificate in front of nginx
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    const Finished run =
        runStudio({QStringLiteral("--headless"), QStringLiteral("--stream"),
                   server.rtmpsUrl(QStringLiteral("tlskey")), QStringLiteral("--duration"),
                   QStringLiteral("6"), QStringLiteral("--stats")});
    QVERIFY2(run.normalExit && run.exitCode == 0, qPrintable(run.describe() + server.tlsLog()));
    QVERIFY2(!run.err.contains(QLatin1String("tlskey")) &&
                 !run.out.contains(QLatin1String("tlskey")),
             "a stream key must never be printed");
    server.stop();

    const auto probe = probeFile(server.recordingPath(QStringLiteral("tlskey")));
    QVERIFY2(probe.ok, qPrintable(probe.error + server.tlsLog()));
    QCOMPARE(probe.videoCodec, QStringLiteral("h264"));
    QCOMPARE(probe.audioCodec, QStringLiteral("aac"));
    QCOMPARE(probe.width, 1280);
    QCOMPARE(probe.height, 720);
    QVERIFY2(std::abs(probe.videoDurationS - 6.0) <= 0.5,
             qPrintable(QStringLiteral("recorded %1 s of video").arg(probe.videoDurationS)));
    const QJsonObject output =
        run.lastStats().value(QStringLiteral("outputs")).toArray().first().toObject();
    QVERIFY2(output.value(QStringLiteral("bytes")).toInteger() > 0, qPrintable(run.describe()));
    QCOMPARE(output.value(QStringLiteral("dropped_frames")).toInteger(), 0);
}

void TestBroadcast::aWrongStreamKeyIsRetriedAndTheRecordingGoesOn()
{
    NginxRtmp server;
    server.requireStreamKey(QStringLiteral("goodkey"));
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    QTemporaryDir dir;
    const QString recording = dir.filePath(QStringLiteral("file.mkv"));
    const Finished run =
        runStudio({QStringLiteral("--headless"), QStringLiteral("--stream"),
                   server.url(QStringLiteral("wrongkey")), QStringLiteral("--record"), recording,
                   QStringLiteral("--duration"), QStringLiteral("6")});
    QVERIFY2(run.normalExit && run.exitCode == 0, qPrintable(run.describe()));
    server.stop();
    // The destination is named without its key, and the operator reads that it is being retried
    // and why.
    const QString destination = QStringLiteral("rtmp://127.0.0.1:%1/live/****").arg(server.port());
    QVERIFY2(run.err.contains(destination + QStringLiteral(": reconnecting (") + destination +
                              QStringLiteral(": ")),
             qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("check the stream key")), qPrintable(run.describe()));
    QVERIFY2(!run.err.contains(QLatin1String("wrongkey")) &&
                 !run.out.contains(QLatin1String("wrongkey")),
             "a stream key must never be printed");
    QVERIFY(!QFile::exists(server.recordingPath(QStringLiteral("wrongkey"))));
    const auto probe = probeFile(recording);
    QVERIFY2(probe.ok, qPrintable(probe.error));
    QCOMPARE(probe.videoCodec, QStringLiteral("h264"));
    QCOMPARE(probe.audioCodec, QStringLiteral("aac"));
    QVERIFY2(probe.videoDurationS >= 5.5,
             qPrintable(QStringLiteral("recorded %1 s of video").arg(probe.videoDurationS)));
}

void TestBroadcast::recordingIsPlayableAfterSigkill()
{
    QTemporaryDir dir;
    const QString recording = dir.filePath(QStringLiteral("crash.mkv"));
    QProcess p;
    p.setProcessEnvironment(broadcastEnvironment());
    p.start(QStringLiteral(SB_STUDIO_BINARY),
            {QStringLiteral("--headless"), QStringLiteral("--record"), recording,
             QStringLiteral("--duration"), QStringLiteral("120"), QStringLiteral("--stats")});
    QVERIFY(p.waitForStarted(30'000));
    // Wait until the stats say four seconds of frames were encoded, then pull the plug.
    QByteArray out;
    qint64 encoded = 0;
    while (encoded < 120 && p.state() == QProcess::Running && p.waitForReadyRead(30'000)) {
        out += p.readAllStandardOutput();
        for (const QByteArray& line : out.split('\n')) {
            const QJsonObject stats =
                QJsonDocument::fromJson(line).object().value(QStringLiteral("stats")).toObject();
            encoded = std::max(encoded, stats.value(QStringLiteral("frames_encoded")).toInteger());
        }
    }
    QVERIFY2(encoded >= 120, out.constData());
    p.kill();
    QVERIFY(p.waitForFinished(30'000));

    const auto probe = probeFile(recording);
    QVERIFY2(probe.ok, qPrintable(probe.error));
    QCOMPARE(probe.videoCodec, QStringLiteral("h264"));
    QCOMPARE(probe.audioCodec, QStringLiteral("aac"));
    QVERIFY2(probe.videoDurationS >= 2.5,
             qPrintable(QStringLiteral("only %1 s survived the kill").arg(probe.videoDurationS)));
}

void TestBroadcast::recordingToMp4IsRemuxedAtTheEnd()
{
    QTemporaryDir dir;
    const QString mp4 = dir.filePath(QStringLiteral("show.mp4"));
    const Finished run =
        runStudio({QStringLiteral("--headless"), QStringLiteral("--record"), mp4,
                   QStringLiteral("--duration"), QStringLiteral("3"), QStringLiteral("--size"),
                   QStringLiteral("640x360"), QStringLiteral("--fps"), QStringLiteral("25")});
    QVERIFY2(run.normalExit && run.exitCode == 0, qPrintable(run.describe()));
    const auto probe = probeFile(mp4);
    QVERIFY2(probe.ok, qPrintable(probe.error));
    QCOMPARE(probe.width, 640);
    QCOMPARE(probe.height, 360);
    QCOMPARE(probe.frameRate, 25.0);
    QVERIFY(probe.videoDurationS >= 2.5);
}

// Starts the binary and waits until its --stats say `frames` were encoded (or it ends).
bool startAndWaitForFrames(QProcess& p, const QStringList& args, qint64 frames, QByteArray* out)
{
    p.setProcessEnvironment(broadcastEnvironment());
    p.start(QStringLiteral(SB_STUDIO_BINARY), args);
    if (!p.waitForStarted(30'000))
        return false;
    qint64 encoded = 0;
    while (encoded < frames && p.state() == QProcess::Running && p.waitForReadyRead(30'000)) {
        *out += p.readAllStandardOutput();
        for (const QByteArray& line : out->split('\n')) {
            const QJsonObject stats =
                QJsonDocument::fromJson(line).object().value(QStringLiteral("stats")).toObject();
            encoded = std::max(encoded, stats.value(QStringLiteral("frames_encoded")).toInteger());
        }
    }
    return encoded >= frames;
}

void TestBroadcast::streamKeysNeverShowWhateverTheirForm()
{
    // Destinations nobody listens on: the app names them in its status lines and stats.
    const quint16 closed = sb::test::freeLoopbackPort();
    const QString encoded =
        QStringLiteral("rtmp://127.0.0.1:%1/live/PCT%2FSECRET%3FI").arg(closed); // "PCT/SECRET?I"
    const QString credentials =
        QStringLiteral("rtmps://USERSECRET:PASSSECRET@127.0.0.1:%1/live/KEYSECRET").arg(closed);
    const Finished run =
        runStudio({QStringLiteral("--headless"), QStringLiteral("--stream"), encoded,
                   QStringLiteral("--stream"), credentials, QStringLiteral("--duration"),
                   QStringLiteral("3"), QStringLiteral("--stats")});
    QVERIFY2(run.normalExit && run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(!run.err.contains(QLatin1String("SECRET"), Qt::CaseInsensitive) &&
                 !run.out.contains(QLatin1String("SECRET"), Qt::CaseInsensitive) &&
                 !run.err.contains(QLatin1String("PCT")) && !run.out.contains(QLatin1String("PCT")),
             "no part of a stream key, user or password may be printed");
    const QJsonArray outputs = run.lastStats().value(QStringLiteral("outputs")).toArray();
    QCOMPARE(outputs.size(), 2);
    QCOMPARE(outputs[0].toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("rtmp://127.0.0.1:%1/live/****").arg(closed));
    QCOMPARE(outputs[1].toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("rtmps://****@127.0.0.1:%1/live/****").arg(closed));
    // Keys on the command line are readable by every local user: the operator is told, once.
    QCOMPARE(run.err.count(QLatin1String("--stream-key-file")), 1);
}

void TestBroadcast::aStreamKeyFromAFileReachesTheServer()
{
    NginxRtmp server;
    server.requireStreamKey(QStringLiteral("filekey"));
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    QTemporaryDir dir;
    const QString keyFile = dir.filePath(QStringLiteral("x.key"));
    {
        QFile file(keyFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("filekey\n"); // as `echo KEY > FILE` writes it
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    // The URL ends at the application; the key goes on it from the file.
    const QString url = QStringLiteral("rtmp://127.0.0.1:%1/live").arg(server.port());
    const Finished run = runStudio({QStringLiteral("--headless"), QStringLiteral("--stream"), url,
                                    QStringLiteral("--stream-key-file"), keyFile,
                                    QStringLiteral("--duration"), QStringLiteral("4")});
    QVERIFY2(run.normalExit && run.exitCode == 0, qPrintable(run.describe()));
    server.stop();
    QVERIFY2(!run.err.contains(QLatin1String("filekey")), "a stream key must never be printed");
    QVERIFY2(!run.err.contains(QLatin1String("warning")), qPrintable(run.describe()));
    const auto probe = probeFile(server.recordingPath(QStringLiteral("filekey")));
    QVERIFY2(probe.ok, qPrintable(probe.error + run.describe()));
    QCOMPARE(probe.videoCodec, QStringLiteral("h264"));
    QVERIFY(probe.videoDurationS >= 3.0);
}

void TestBroadcast::aStopSignalFinishesTheMp4_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGHUP") << int(SIGHUP); // the terminal or the SSH session went away
}

void TestBroadcast::aStopSignalFinishesTheMp4()
{
    QFETCH(int, signalNumber);
    QTemporaryDir dir;
    const QString mp4 = dir.filePath(QStringLiteral("show.mp4"));
    QProcess p;
    QByteArray out;
    const bool encoding = startAndWaitForFrames(
        p,
        {QStringLiteral("--headless"), QStringLiteral("--record"), mp4,
         QStringLiteral("--duration"), QStringLiteral("120"), QStringLiteral("--size"),
         QStringLiteral("640x360"), QStringLiteral("--stats")},
        60, &out);
    QVERIFY2(encoding, out.constData());
    QVERIFY(::kill(pid_t(p.processId()), signalNumber) == 0);
    QVERIFY2(p.waitForFinished(30'000), "it did not stop");
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0,
             qPrintable(QStringLiteral("exit %1: %2").arg(p.exitCode()).arg(err)));
    QVERIFY2(err.contains(QStringLiteral("Stopped on signal %1.").arg(signalNumber)),
             qPrintable(err));
    // Stopped cleanly: the recording was finished and remuxed, not left as a .mkv.
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("show.mkv"))));
    const auto probe = probeFile(mp4);
    QVERIFY2(probe.ok, qPrintable(probe.error + err));
    QCOMPARE(probe.videoCodec, QStringLiteral("h264"));
    QVERIFY(probe.videoDurationS >= 1.5);
}

void TestBroadcast::aStopIsPromptWithTextAtItsLimits()
{
    // The largest text a scene may hold, redrawn every second ({time}), does not hold up a stop.
    QTemporaryDir dir;
    const QString text = QStringLiteral("{time} ") + QStringLiteral("W").repeated(56) +
                         QStringLiteral("\n") +
                         (QStringLiteral("W").repeated(63) + u'\n').repeated(62);
    const QJsonObject layer{{QStringLiteral("id"), QStringLiteral("wall")},
                            {QStringLiteral("type"), QStringLiteral("text")},
                            {QStringLiteral("text"), text},
                            {QStringLiteral("size"), 40}};
    const QString scenePath = dir.filePath(QStringLiteral("scene.json"));
    QFile file(scenePath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(QJsonObject{{QStringLiteral("layers"), QJsonArray{layer}}}).toJson());
    file.close();
    QProcess p;
    QByteArray out;
    const bool encoding = startAndWaitForFrames(
        p,
        {QStringLiteral("--headless"), QStringLiteral("--scene"), scenePath,
         QStringLiteral("--record"), dir.filePath(QStringLiteral("wall.mkv")),
         QStringLiteral("--duration"), QStringLiteral("120"), QStringLiteral("--stats")},
        45, &out);
    QVERIFY2(encoding, qPrintable(QString::fromUtf8(out + p.readAllStandardError())));
    QVERIFY(::kill(pid_t(p.processId()), SIGTERM) == 0);
    // A limit on waiting, far above the second a stop should take.
    QVERIFY2(p.waitForFinished(10'000), "SIGTERM did not stop it");
    QCOMPARE(p.exitCode(), 0);
}

void TestBroadcast::theDemoStreamsTheShow()
{
    // A server runs the demo with the window's first-start collection (an empty data folder):
    // what the viewers decode is the show — the host in its panel, the auction bar with the
    // current bid in the accent colour — not a text card.
    QTemporaryDir dir;
    NginxRtmp server;
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    const Finished run = runStudio(
        {QStringLiteral("--headless"), QStringLiteral("--demo"), QStringLiteral("--db"),
         dir.filePath(QStringLiteral("demo.db")), QStringLiteral("--data-dir"),
         dir.filePath(QStringLiteral("studio")), QStringLiteral("--bid-rate"), QStringLiteral("4"),
         QStringLiteral("--stream"), server.url(QStringLiteral("show")),
         QStringLiteral("--duration"), QStringLiteral("8")});
    QVERIFY2(run.normalExit && run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.out.contains(QLatin1String("\"bid.accepted\"")), qPrintable(run.describe()));
    server.stop();
    // Headless reads the window's collection and never writes one.
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("studio/scenes/default.json"))));

    const QByteArray frame =
        lastFrameRgb(server.recordingPath(QStringLiteral("show")), 1280, 720, &error);
    QVERIFY2(!frame.isEmpty(), qPrintable(error));
    // The host's lilac hair fills much of its panel (the right ~30 %, top), which the scene's
    // near-black background never shows.
    const double lilac = shareOf(frame, 1280, 904, 8, 1272, 352, [](Rgb p) {
        return p.b > 150 && p.r > 110 && p.b > p.g + 40 && p.r > p.g + 10;
    });
    QVERIFY2(lilac > 0.08, qPrintable(QStringLiteral("%1 of the host panel is lilac").arg(lilac)));
    // The bar's first column shows the current bid in the accent (gold) over a dark panel.
    const double gold = shareOf(frame, 1280, 30, 670, 330, 712, [](Rgb p) {
        return p.r > 170 && p.g > 120 && p.b < 120 && p.r > p.b + 90;
    });
    QVERIFY2(gold > 0.03, qPrintable(QStringLiteral("%1 of the current bid is gold").arg(gold)));
    const Rgb panel = meanColor(frame, 1280, 1180, 690, 1260, 700);
    QVERIFY2(panel.r < 60 && panel.g < 60 && panel.b < 70, qPrintable(panel.name()));
}

void TestBroadcast::aSceneCollectionFileIsTheShow()
{
    // A collection exported from the window, given with --scenes: its current scene is composed
    // with the overlays where and as it says (an opaque green auction bar across the top).
    QTemporaryDir dir;
    const QJsonObject bar{{QStringLiteral("background"), QStringLiteral("#ff20b040")},
                          {QStringLiteral("x"), 0},
                          {QStringLiteral("y"), 0},
                          {QStringLiteral("width"), 640},
                          {QStringLiteral("height"), 80}};
    const QJsonObject source{{QStringLiteral("id"), QStringLiteral("bar")},
                             {QStringLiteral("kind"), QStringLiteral("auction_bar")},
                             {QStringLiteral("name"), QStringLiteral("Auction bar")},
                             {QStringLiteral("settings"), bar}};
    const QJsonObject scene{{QStringLiteral("name"), QStringLiteral("Top bar")},
                            {QStringLiteral("background"), QStringLiteral("#000040")},
                            {QStringLiteral("sources"), QJsonArray{source}}};
    const QJsonObject collection{
        {QStringLiteral("format"), 1},
        {QStringLiteral("name"), QStringLiteral("Exported")},
        {QStringLiteral("canvas"),
         QJsonObject{{QStringLiteral("width"), 640}, {QStringLiteral("height"), 360}}},
        {QStringLiteral("current_scene"), QStringLiteral("Top bar")},
        {QStringLiteral("scenes"), QJsonArray{scene}}};
    const QString scenesPath = dir.filePath(QStringLiteral("exported.json"));
    QFile file(scenesPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(collection).toJson());
    file.close();
    const QString recording = dir.filePath(QStringLiteral("show.mkv"));
    const Finished run =
        runStudio({QStringLiteral("--headless"), QStringLiteral("--demo"), QStringLiteral("--db"),
                   dir.filePath(QStringLiteral("demo.db")), QStringLiteral("--scenes"), scenesPath,
                   QStringLiteral("--size"), QStringLiteral("640x360"), QStringLiteral("--record"),
                   recording, QStringLiteral("--duration"), QStringLiteral("4")});
    QVERIFY2(run.normalExit && run.exitCode == 0, qPrintable(run.describe()));
    QString error;
    const QByteArray frame = lastFrameRgb(recording, 640, 360, &error);
    QVERIFY2(!frame.isEmpty(), qPrintable(error));
    const Rgb inBar = meanColor(frame, 640, 560, 50, 620, 62); // right of the DEMO badge
    QVERIFY2(inBar.g > 140 && inBar.r < 80 && inBar.b < 100, qPrintable(inBar.name()));
    const Rgb below = meanColor(frame, 640, 100, 200, 540, 340);
    QVERIFY2(below.b > 40 && below.g < 20 && below.r < 20, qPrintable(below.name()));

    // A collection that cannot be read is a clear error, not a silent default show.
    const Finished missing =
        runStudio({QStringLiteral("--headless"), QStringLiteral("--demo"), QStringLiteral("--db"),
                   dir.filePath(QStringLiteral("other.db")), QStringLiteral("--scenes"),
                   dir.filePath(QStringLiteral("missing.json")), QStringLiteral("--record"),
                   dir.filePath(QStringLiteral("none.mkv")), QStringLiteral("--duration"),
                   QStringLiteral("2")});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains(QLatin1String("--scenes")) &&
                 missing.err.contains(QLatin1String("missing.json")),
             qPrintable(missing.describe()));
}

QTEST_GUILESS_MAIN(TestBroadcast)
#include "tst_broadcast.moc"
