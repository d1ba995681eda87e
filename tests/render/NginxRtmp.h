#pragma once
// Test helpers for the outputs: a real nginx with the RTMP module on a free loopback port (its own
// prefix, config, logs and recordings in a temporary folder; stopped by the destructor), and a
// small ffprobe wrapper that says what a recorded file holds.

#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace sb::test {

class NginxRtmp
{
public:
    NginxRtmp();
    ~NginxRtmp(); // stops the server
    NginxRtmp(const NginxRtmp&) = delete;
    NginxRtmp& operator=(const NginxRtmp&) = delete;

    // Starts on a free 127.0.0.1 port and waits until it accepts connections.
    bool start(QString* error);
    // Stops the server (SIGTERM, then SIGKILL if it lingers); recordings are closed.
    void stop();
    // Starts again on the same port.
    bool restart(QString* error);
    // SIGSTOP / SIGCONT: the server stops reading without closing anything.
    void pause();
    void resume();
    bool isRunning() const;

    quint16 port() const { return m_port; }
    QString url(const QString& streamKey) const; // rtmp://127.0.0.1:PORT/live/KEY
    QString recordingPath(const QString& streamKey) const;
    QString errorLog() const;

private:
    bool launch(QString* error);

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
};

// A port on 127.0.0.1 that nothing listens on at the moment of the call.
quint16 freeLoopbackPort();

struct ProbedFile
{
    bool ok = false;
    QString error;
    QString videoCodec;
    QString audioCodec;
    int width = 0;
    int height = 0;
    double frameRate = 0;       // the stream's r_frame_rate
    double videoDurationS = 0;  // last video pts - first video pts + one frame
    double formatDurationS = 0; // the container's, 0 when unknown
    int videoPackets = 0;
    int audioPackets = 0;
    QList<double> keyframeTimes; // video keyframe pts, seconds
    QList<double> videoDts;      // decode order, seconds
    QList<double> audioPts;      // seconds

    double largestVideoGapS() const; // between consecutive video dts
    double largestAudioGapS() const;
    double largestKeyframeIntervalS() const;
};

// Runs `ffprobe -v error -show_streams -show_packets -show_format -of json FILE`.
ProbedFile probeFile(const QString& path);

} // namespace sb::test
