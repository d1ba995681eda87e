#pragma once
// Test helpers for the outputs: a real nginx with the RTMP module on a free loopback port (its own
// prefix, config, logs and recordings in a temporary folder; stopped by the destructor), and a
// small ffprobe wrapper that says what a recorded file holds. Optionally the server refuses
// publishing with any stream key but one (nginx-rtmp's on_publish asks an http location of the
// same nginx), and an stunnel in front of it takes RTMPS with a self-signed certificate made at
// start (FFmpeg does not verify certificates unless told to).

#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <atomic>
#include <memory>
#include <thread>

namespace sb::test {

class NginxRtmp
{
public:
    NginxRtmp();
    ~NginxRtmp(); // stops the server
    NginxRtmp(const NginxRtmp&) = delete;
    NginxRtmp& operator=(const NginxRtmp&) = delete;

    // Before start(): publishing with any other stream key is refused (the connection is closed
    // after the publish command, as a real service does with a wrong key).
    void requireStreamKey(const QString& key);
    // Before start(): also accept RTMPS on a second free port, through stunnel (TLS) in front of
    // the RTMP port. Needs the stunnel4 and openssl packages.
    void enableRtmps();

    // Starts on a free 127.0.0.1 port and waits until it accepts connections (and the TLS front
    // on its own port, when enabled).
    bool start(QString* error);
    // Stops the server (SIGTERM, then SIGKILL if it lingers); recordings are closed. The TLS
    // front stays up until the destructor, so a restart() serves RTMPS again.
    void stop();
    // Starts again on the same port.
    bool restart(QString* error);
    // SIGSTOP / SIGCONT: the server stops reading without closing anything.
    void pause();
    void resume();
    bool isRunning() const;

    quint16 port() const { return m_port; }
    QString url(const QString& streamKey) const; // rtmp://127.0.0.1:PORT/live/KEY
    quint16 tlsPort() const { return m_tlsPort; }
    QString rtmpsUrl(const QString& streamKey) const; // rtmps://127.0.0.1:TLSPORT/live/KEY
    QString recordingPath(const QString& streamKey) const;
    QString errorLog() const;
    QString tlsLog() const; // what stunnel logged so far

private:
    bool launch(QString* error);
    bool startTls(QString* error);
    void stopTls();

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<QProcess> m_tlsProcess;
    quint16 m_port = 0;
    quint16 m_httpPort = 0; // the on_publish check, when a key is required
    quint16 m_tlsPort = 0;
    QString m_requiredKey;
    bool m_rtmps = false;
};

// A port on 127.0.0.1 that nothing listens on at the moment of the call.
quint16 freeLoopbackPort();

// A TCP server on a free 127.0.0.1 port, on its own thread, that answers every connection with a
// line of plain text and hangs up: what an RTMPS client meets when the port speaks no TLS (a web
// server, a plain RTMP port) — its TLS handshake fails. Stopped by the destructor.
class PlainTcpResponder
{
public:
    PlainTcpResponder();
    ~PlainTcpResponder();
    PlainTcpResponder(const PlainTcpResponder&) = delete;
    PlainTcpResponder& operator=(const PlainTcpResponder&) = delete;

    bool isListening() const { return m_fd >= 0; }
    quint16 port() const { return m_port; }
    int connections() const { return m_connections.load(); }

private:
    int m_fd = -1;
    quint16 m_port = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_connections{0};
    std::thread m_thread;
};

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
