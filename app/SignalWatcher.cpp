#include "SignalWatcher.h"

#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace sb::app {

namespace {
int g_pipe[2] = {-1, -1};

void onSignal(int number)
{
    const char byte = char(number);
    [[maybe_unused]] const auto written = ::write(g_pipe[1], &byte, 1);
}
} // namespace

SignalWatcher::SignalWatcher(QObject* parent) : QObject(parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_pipe) != 0)
        return;
    m_notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SignalWatcher::onReadable);
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    // A closed terminal or an SSH session that drops sends SIGHUP: stop as cleanly as on SIGTERM
    // (recordings finalized), unless the app was started under nohup, which asked to ignore it.
    struct sigaction inherited = {};
    sigaction(SIGHUP, nullptr, &inherited);
    m_watchesHangup = inherited.sa_handler != SIG_IGN;
    if (m_watchesHangup)
        sigaction(SIGHUP, &action, nullptr);
    // A closed stdout pipe must not kill a running marathon: the write fails, the printer's
    // events go to the dead letters, and the auction goes on.
    std::signal(SIGPIPE, SIG_IGN);
    // Nor a file-size limit (ulimit -f): the write then fails (EFBIG) as on a full disk, which the
    // store and the recording report, instead of the process dying in the middle of it.
    std::signal(SIGXFSZ, SIG_IGN);
}

SignalWatcher::~SignalWatcher()
{
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (m_watchesHangup)
        std::signal(SIGHUP, SIG_DFL);
    if (g_pipe[0] >= 0) {
        ::close(g_pipe[0]);
        ::close(g_pipe[1]);
        g_pipe[0] = g_pipe[1] = -1;
    }
}

void SignalWatcher::onReadable()
{
    char byte = 0;
    if (::read(g_pipe[0], &byte, 1) == 1)
        emit stopRequested(int(byte));
}

} // namespace sb::app
