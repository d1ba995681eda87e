#pragma once
// One process per marathon database: an exclusive lock on <db>.lock, held for as long as the
// process writes the marathon and released by the operating system when the process ends, even
// by a crash or SIGKILL. A second writer (another headless run, a second window) and a restore
// are refused while it is held, with the holder named; read-only tools never take it.

#include <QLockFile>
#include <QString>

#include <memory>

namespace sb::auction {

class MarathonLock
{
public:
    MarathonLock() = default;
    ~MarathonLock();
    MarathonLock(const MarathonLock&) = delete;
    MarathonLock& operator=(const MarathonLock&) = delete;

    // Takes the lock of the database at dbPath without waiting. On refusal *error names the
    // process that holds it ("held by process 4242 (sothebais-studio --headless) since …").
    [[nodiscard]] bool tryLock(const QString& dbPath, QString* error);
    void unlock();
    bool isLocked() const;

    static QString lockPathFor(const QString& dbPath);
    // Whether some process holds the lock now (a probe that takes and drops it).
    static bool isHeld(const QString& dbPath, QString* holder = nullptr);

private:
    int m_fd = -1;                         // Unix: the flock'ed descriptor
    std::unique_ptr<QLockFile> m_lockFile; // elsewhere: Qt's lock file (stale by process id)
};

} // namespace sb::auction
