#pragma once
// A real anvil (from npm, node_modules/@foundry-rs/anvil-linux-*/bin/anvil, as the contract tests
// use it) started by a test on a free 127.0.0.1 port and stopped by it: killed when this object
// goes, and by the kernel if the test process dies first (PR_SET_PDEATHSIG).

#include <QProcess>
#include <QString>
#include <QStringList>

namespace shapetest {

class AnvilNode
{
public:
    AnvilNode() = default;
    ~AnvilNode() { stop(); }
    AnvilNode(const AnvilNode&) = delete;
    AnvilNode& operator=(const AnvilNode&) = delete;

    // Starts anvil with `extraArguments` (after --host, --port and --chain-id 31337) and waits
    // until it listens; false with the reason in error() when it does not.
    bool start(const QStringList& extraArguments = {});
    void stop();

    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    const QString& error() const { return m_error; }
    static QString binary();

private:
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
};

// A loopback port nobody listens on (it was free a moment ago).
quint16 freeLoopbackPort();

} // namespace shapetest
