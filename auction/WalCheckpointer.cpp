#include "WalCheckpointer.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <chrono>

Q_LOGGING_CATEGORY(lcCheckpoint, "sb.auction.checkpoint")

namespace sb::auction {

WalCheckpointer::WalCheckpointer(QString databasePath, int intervalMs)
    : m_path(std::move(databasePath)), m_intervalMs(intervalMs), m_thread([this] { run(); })
{}

WalCheckpointer::~WalCheckpointer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void WalCheckpointer::run()
{
    const QString name = QStringLiteral("sb-checkpoint-") + QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_path);
        if (!db.open()) {
            qCWarning(lcCheckpoint) << "cannot open" << m_path << db.lastError().text();
        } else {
            QSqlQuery q(db);
            q.exec(QStringLiteral("PRAGMA busy_timeout=1000"));
            std::unique_lock lock(m_mutex);
            while (!m_stop) {
                m_wake.wait_for(lock, std::chrono::milliseconds(m_intervalMs));
                if (m_stop)
                    break;
                lock.unlock();
                if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")))
                    qCWarning(lcCheckpoint) << "checkpoint failed:" << q.lastError().text();
                q.finish();
                lock.lock();
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace sb::auction
