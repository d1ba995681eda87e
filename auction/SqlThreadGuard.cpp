#include "SqlThreadGuard.h"

#include <QLoggingCategory>
#include <QThread>

#include <atomic>

namespace sb::auction {

Q_LOGGING_CATEGORY(lcSqlGuard, "sb.store")

namespace {

std::atomic<QThread*> g_forbidden{nullptr};
std::atomic<int> g_violations{0};

} // namespace

void SqlThreadGuard::forbid(QThread* thread)
{
    g_forbidden.store(thread);
}

void SqlThreadGuard::check()
{
    QThread* forbidden = g_forbidden.load(std::memory_order_relaxed);
    if (Q_LIKELY(forbidden == nullptr || forbidden != QThread::currentThread()))
        return;
    if (g_violations.fetch_add(1) == 0)
        qCCritical(lcSqlGuard) << "SQLite was called on the GUI thread; the window may stall";
    Q_ASSERT_X(false, "SqlThreadGuard", "SQLite call on the GUI thread");
}

int SqlThreadGuard::violations()
{
    return g_violations.load();
}

} // namespace sb::auction
