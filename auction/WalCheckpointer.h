#pragma once
// Copies the write-ahead log back into the database file from its own thread and connection.
// SQLite's automatic checkpoint would do it inside whichever commit crosses 1000 pages, adding
// tens of milliseconds to that bid; a passive checkpoint beside the writer never blocks it.

#include <QString>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace sb::auction {

class WalCheckpointer
{
public:
    explicit WalCheckpointer(QString databasePath, int intervalMs = 250);
    ~WalCheckpointer(); // stops and joins

    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

private:
    void run();

    QString m_path;
    int m_intervalMs;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace sb::auction
