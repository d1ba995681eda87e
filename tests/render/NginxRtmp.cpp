#include "NginxRtmp.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <algorithm>
#include <csignal>
#include <functional>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace sb::test {

namespace {

const QString kNginx = QStringLiteral("/usr/sbin/nginx");
const QString kRtmpModule = QStringLiteral("/usr/lib/nginx/modules/ngx_rtmp_module.so");

// Waits until something accepts TCP connections on the port, while `alive` says the process that
// should is still running.
bool waitForPort(quint16 port, const std::function<bool()>& alive)
{
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        if (!alive())
            return false;
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (socket.waitForConnected(200)) {
            socket.disconnectFromHost();
            return true;
        }
        QThread::msleep(50);
    }
    return false;
}

// A free port other than those already taken by this server.
quint16 anotherFreePort(std::initializer_list<quint16> taken)
{
    for (int attempt = 0; attempt < 20; ++attempt) {
        const quint16 port = freeLoopbackPort();
        if (port != 0 && std::find(taken.begin(), taken.end(), port) == taken.end())
            return port;
    }
    return 0;
}

void stopProcess(QProcess* process)
{
    if (process->state() != QProcess::Running)
        return;
    process->terminate();
    if (!process->waitForFinished(5000)) {
        process->kill();
        process->waitForFinished(2000);
    }
}

double parseRate(const QString& rate)
{
    const QStringList parts = rate.split(QLatin1Char('/'));
    if (parts.size() != 2 || parts[1].toDouble() == 0)
        return 0;
    return parts[0].toDouble() / parts[1].toDouble();
}

double largestGap(const QList<double>& times)
{
    double gap = 0;
    for (qsizetype i = 1; i < times.size(); ++i)
        gap = std::max(gap, times[i] - times[i - 1]);
    return gap;
}

} // namespace

PlainTcpResponder::PlainTcpResponder()
{
    m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address = {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(m_fd, 8) != 0 ||
        ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
        return;
    }
    m_port = ntohs(address.sin_port);
    m_thread = std::thread([this] {
        static const char kAnswer[] = "HTTP/1.0 400 Bad Request\r\n\r\n";
        while (!m_stop.load()) {
            pollfd waiting{m_fd, POLLIN, 0};
            if (::poll(&waiting, 1, 100) <= 0)
                continue;
            const int client = ::accept(m_fd, nullptr, nullptr);
            if (client < 0)
                continue;
            ++m_connections;
            [[maybe_unused]] const auto sent =
                ::send(client, kAnswer, sizeof kAnswer - 1, MSG_NOSIGNAL);
            ::close(client);
        }
    });
}

PlainTcpResponder::~PlainTcpResponder()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
    if (m_fd >= 0)
        ::close(m_fd);
}

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

NginxRtmp::NginxRtmp() = default;

NginxRtmp::~NginxRtmp()
{
    stop();
    stopTls();
}

QString NginxRtmp::url(const QString& streamKey) const
{
    return QStringLiteral("rtmp://127.0.0.1:%1/live/%2").arg(m_port).arg(streamKey);
}

QString NginxRtmp::rtmpsUrl(const QString& streamKey) const
{
    return QStringLiteral("rtmps://127.0.0.1:%1/live/%2").arg(m_tlsPort).arg(streamKey);
}

void NginxRtmp::requireStreamKey(const QString& key)
{
    m_requiredKey = key;
}

void NginxRtmp::enableRtmps()
{
    m_rtmps = true;
}

QString NginxRtmp::tlsLog() const
{
    QFile file(m_dir.filePath(QStringLiteral("stunnel.log")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QString NginxRtmp::recordingPath(const QString& streamKey) const
{
    return m_dir.filePath(QStringLiteral("rec/%1.flv").arg(streamKey));
}

QString NginxRtmp::errorLog() const
{
    QFile file(m_dir.filePath(QStringLiteral("error.log")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

bool NginxRtmp::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

bool NginxRtmp::start(QString* error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("cannot create a temporary folder for nginx");
        return false;
    }
    m_port = freeLoopbackPort();
    if (m_port == 0) {
        *error = QStringLiteral("no free loopback port");
        return false;
    }
    const QString root = m_dir.path();
    QDir(root).mkpath(QStringLiteral("rec"));
    // The worker may run as nobody when the tests run as root.
    QFile::setPermissions(root, QFileDevice::Permissions(0x7777));
    QFile::setPermissions(root + QStringLiteral("/rec"), QFileDevice::Permissions(0x7777));
    // The stream key check: nginx-rtmp asks GET /auth?name=KEY&... before it accepts a publish
    // and drops the connection unless the answer is 2xx; the same nginx answers over http.
    QString publishCheck;
    QString httpBlock;
    if (!m_requiredKey.isEmpty()) {
        m_httpPort = anotherFreePort({m_port});
        if (m_httpPort == 0) {
            *error = QStringLiteral("no free loopback port for the publish check");
            return false;
        }
        publishCheck = QStringLiteral("      notify_method get;\n"
                                      "      on_publish http://127.0.0.1:%1/auth;\n")
                           .arg(m_httpPort);
        httpBlock = QStringLiteral("http {\n"
                                   "  access_log off;\n"
                                   "  client_body_temp_path %1/http_body;\n"
                                   "  proxy_temp_path %1/http_proxy;\n"
                                   "  fastcgi_temp_path %1/http_fastcgi;\n"
                                   "  uwsgi_temp_path %1/http_uwsgi;\n"
                                   "  scgi_temp_path %1/http_scgi;\n"
                                   "  server {\n"
                                   "    listen 127.0.0.1:%2;\n"
                                   "    location /auth {\n"
                                   "      if ($arg_name = \"%3\") { return 200; }\n"
                                   "      return 403;\n"
                                   "    }\n"
                                   "  }\n"
                                   "}\n")
                        .arg(root)
                        .arg(m_httpPort)
                        .arg(m_requiredKey);
    }
    const QString config = QStringLiteral("load_module %1;\n"
                                          "daemon off;\n"
                                          "master_process off;\n"
                                          "worker_processes 1;\n"
                                          "error_log %2/error.log info;\n"
                                          "pid %2/nginx.pid;\n"
                                          "events { worker_connections 64; }\n"
                                          "rtmp {\n"
                                          "  server {\n"
                                          "    listen 127.0.0.1:%3;\n"
                                          "    chunk_size 4096;\n"
                                          "    application live {\n"
                                          "      live on;\n"
                                          "      record all;\n"
                                          "      record_path %2/rec;\n"
                                          "      record_unique off;\n"
                                          "      record_suffix .flv;\n"
                                          "%4"
                                          "    }\n"
                                          "  }\n"
                                          "}\n"
                                          "%5")
                               .arg(kRtmpModule, root)
                               .arg(m_port)
                               .arg(publishCheck, httpBlock);
    QFile file(root + QStringLiteral("/nginx.conf"));
    if (!file.open(QIODevice::WriteOnly) || file.write(config.toUtf8()) < 0) {
        *error = QStringLiteral("cannot write %1").arg(file.fileName());
        return false;
    }
    file.close();
    if (!launch(error))
        return false;
    return !m_rtmps || startTls(error);
}

bool NginxRtmp::startTls(QString* error)
{
    const QString root = m_dir.path();
    QString stunnel = QStandardPaths::findExecutable(QStringLiteral("stunnel4"));
    if (stunnel.isEmpty())
        stunnel = QStandardPaths::findExecutable(QStringLiteral("stunnel"));
    if (stunnel.isEmpty()) {
        *error = QStringLiteral("stunnel is not installed (scripts/install-deps.sh)");
        return false;
    }
    m_tlsPort = anotherFreePort({m_port, m_httpPort});
    if (m_tlsPort == 0) {
        *error = QStringLiteral("no free loopback port for RTMPS");
        return false;
    }
    // A self-signed certificate, made now.
    const QString cert = root + QStringLiteral("/tls-cert.pem");
    const QString key = root + QStringLiteral("/tls-key.pem");
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=localhost"), QStringLiteral("-days"), QStringLiteral("1"),
                   QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert});
    if (!openssl.waitForFinished(60000) || openssl.exitStatus() != QProcess::NormalExit ||
        openssl.exitCode() != 0) {
        *error = QStringLiteral("openssl could not make a certificate: %1 %2")
                     .arg(openssl.errorString(), QString::fromUtf8(openssl.readAll()));
        return false;
    }
    const QString config = QStringLiteral("foreground = yes\n"
                                          "pid = %1/stunnel.pid\n"
                                          "debug = notice\n"
                                          "[rtmps]\n"
                                          "accept = 127.0.0.1:%2\n"
                                          "connect = 127.0.0.1:%3\n"
                                          "cert = %4\n"
                                          "key = %5\n")
                               .arg(root)
                               .arg(m_tlsPort)
                               .arg(m_port)
                               .arg(cert, key);
    QFile file(root + QStringLiteral("/stunnel.conf"));
    if (!file.open(QIODevice::WriteOnly) || file.write(config.toUtf8()) < 0) {
        *error = QStringLiteral("cannot write %1").arg(file.fileName());
        return false;
    }
    file.close();
    m_tlsProcess = std::make_unique<QProcess>();
    // Into a file: nothing reads a pipe while a test runs, and a full pipe would stall stunnel.
    m_tlsProcess->setProcessChannelMode(QProcess::MergedChannels);
    m_tlsProcess->setStandardOutputFile(root + QStringLiteral("/stunnel.log"), QIODevice::Append);
    m_tlsProcess->start(stunnel, {file.fileName()});
    if (!m_tlsProcess->waitForStarted(5000)) {
        *error = QStringLiteral("cannot start stunnel: %1").arg(m_tlsProcess->errorString());
        return false;
    }
    QProcess* process = m_tlsProcess.get();
    if (!waitForPort(m_tlsPort, [process] { return process->state() == QProcess::Running; })) {
        *error = QStringLiteral("stunnel did not accept connections on port %1: %2")
                     .arg(m_tlsPort)
                     .arg(tlsLog());
        return false;
    }
    return true;
}

void NginxRtmp::stopTls()
{
    if (!m_tlsProcess)
        return;
    stopProcess(m_tlsProcess.get());
    m_tlsProcess.reset();
}

bool NginxRtmp::launch(QString* error)
{
    const QString root = m_dir.path();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(kNginx, {QStringLiteral("-p"), root + QLatin1Char('/'), QStringLiteral("-c"),
                              root + QStringLiteral("/nginx.conf"), QStringLiteral("-e"),
                              root + QStringLiteral("/error.log")});
    if (!m_process->waitForStarted(5000)) {
        *error = QStringLiteral("cannot start nginx: %1").arg(m_process->errorString());
        return false;
    }
    QProcess* process = m_process.get();
    const auto alive = [process] { return process->state() == QProcess::Running; };
    const bool ready =
        waitForPort(m_port, alive) && (m_httpPort == 0 || waitForPort(m_httpPort, alive));
    if (ready)
        return true;
    if (!alive()) {
        *error = QStringLiteral("nginx exited: %1 %2")
                     .arg(QString::fromUtf8(m_process->readAll()), errorLog());
        return false;
    }
    *error = QStringLiteral("nginx did not accept connections on port %1").arg(m_port);
    return false;
}

void NginxRtmp::stop()
{
    if (!m_process)
        return;
    if (m_process->state() == QProcess::Running)
        ::kill(pid_t(m_process->processId()), SIGCONT); // in case it was paused
    stopProcess(m_process.get());
    m_process.reset();
}

bool NginxRtmp::restart(QString* error)
{
    stop();
    return launch(error);
}

void NginxRtmp::pause()
{
    if (isRunning())
        ::kill(pid_t(m_process->processId()), SIGSTOP);
}

void NginxRtmp::resume()
{
    if (isRunning())
        ::kill(pid_t(m_process->processId()), SIGCONT);
}

double ProbedFile::largestVideoGapS() const
{
    return largestGap(videoDts);
}

double ProbedFile::largestAudioGapS() const
{
    return largestGap(audioPts);
}

double ProbedFile::largestKeyframeIntervalS() const
{
    return largestGap(keyframeTimes);
}

ProbedFile probeFile(const QString& path)
{
    ProbedFile result;
    QProcess ffprobe;
    ffprobe.start(QStringLiteral("ffprobe"),
                  {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-show_streams"),
                   QStringLiteral("-show_packets"), QStringLiteral("-show_format"),
                   QStringLiteral("-of"), QStringLiteral("json"), path});
    if (!ffprobe.waitForFinished(30000) || ffprobe.exitCode() != 0) {
        result.error = QStringLiteral("ffprobe %1 failed: %2")
                           .arg(path, QString::fromUtf8(ffprobe.readAllStandardError()));
        return result;
    }
    const QJsonObject root = QJsonDocument::fromJson(ffprobe.readAllStandardOutput()).object();
    QHash<int, QString> typeOfStream;
    for (const QJsonValue& value : root.value(QStringLiteral("streams")).toArray()) {
        const QJsonObject stream = value.toObject();
        const QString type = stream.value(QStringLiteral("codec_type")).toString();
        typeOfStream.insert(stream.value(QStringLiteral("index")).toInt(), type);
        if (type == QLatin1String("video")) {
            result.videoCodec = stream.value(QStringLiteral("codec_name")).toString();
            result.width = stream.value(QStringLiteral("width")).toInt();
            result.height = stream.value(QStringLiteral("height")).toInt();
            result.frameRate = parseRate(stream.value(QStringLiteral("r_frame_rate")).toString());
        } else if (type == QLatin1String("audio")) {
            result.audioCodec = stream.value(QStringLiteral("codec_name")).toString();
        }
    }
    result.formatDurationS = root.value(QStringLiteral("format"))
                                 .toObject()
                                 .value(QStringLiteral("duration"))
                                 .toString()
                                 .toDouble();
    QList<double> videoPts;
    for (const QJsonValue& value : root.value(QStringLiteral("packets")).toArray()) {
        const QJsonObject packet = value.toObject();
        const QString type =
            typeOfStream.value(packet.value(QStringLiteral("stream_index")).toInt());
        const double pts = packet.value(QStringLiteral("pts_time")).toString().toDouble();
        if (type == QLatin1String("video")) {
            ++result.videoPackets;
            videoPts.append(pts);
            result.videoDts.append(packet.value(QStringLiteral("dts_time")).toString().toDouble());
            if (packet.value(QStringLiteral("flags")).toString().startsWith(QLatin1Char('K')))
                result.keyframeTimes.append(pts);
        } else if (type == QLatin1String("audio")) {
            ++result.audioPackets;
            result.audioPts.append(pts);
        }
    }
    if (!videoPts.isEmpty()) {
        const auto [low, high] = std::minmax_element(videoPts.begin(), videoPts.end());
        result.videoDurationS = *high - *low + (result.frameRate > 0 ? 1.0 / result.frameRate : 0);
    }
    result.ok = true;
    return result;
}

} // namespace sb::test
