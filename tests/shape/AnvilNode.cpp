#include "AnvilNode.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QTcpServer>

#include <csignal>
#include <sys/prctl.h>

namespace shapetest {

quint16 freeLoopbackPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

QString AnvilNode::binary()
{
    const QString arch = QSysInfo::currentCpuArchitecture() == QLatin1String("arm64")
                             ? QStringLiteral("arm64")
                             : QStringLiteral("amd64");
    return QStringLiteral(SB_SOURCE_DIR "/node_modules/@foundry-rs/anvil-linux-%1/bin/anvil")
        .arg(arch);
}

bool AnvilNode::start(const QStringList& extraArguments)
{
    if (!QFileInfo(binary()).isExecutable()) {
        m_error = QStringLiteral("anvil is not installed at %1: run scripts/install-deps.sh")
                      .arg(binary());
        return false;
    }
    // A restart: the drain of the last run must not eat this run's "Listening on".
    QObject::disconnect(&m_process, &QProcess::readyRead, nullptr, nullptr);
    // Another process can take the port between the check and anvil's bind: try a few.
    for (int attempt = 0; attempt < 5; ++attempt) {
        m_port = freeLoopbackPort();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
        m_process.start(binary(),
                        QStringList{QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
                                    QStringLiteral("--port"), QString::number(m_port),
                                    QStringLiteral("--chain-id"), QStringLiteral("31337")} +
                            extraArguments);
        QByteArray output;
        const QDeadlineTimer deadline(20'000);
        while (m_process.state() != QProcess::NotRunning && !deadline.hasExpired()) {
            m_process.waitForReadyRead(100);
            output += m_process.readAll();
            if (output.contains("Listening on")) {
                // anvil logs every request: keep the pipe drained.
                QObject::connect(&m_process, &QProcess::readyRead, &m_process,
                                 [this] { m_process.readAll(); });
                return true;
            }
        }
        m_error = QStringLiteral("anvil did not start on port %1: %2")
                      .arg(m_port)
                      .arg(QString::fromUtf8(output.right(2000)));
        stop();
    }
    return false;
}

void AnvilNode::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(5'000);
}

} // namespace shapetest
