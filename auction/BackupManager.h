#pragma once
// Hourly consistent snapshots of the live database (VACUUM INTO, safe while the engine writes),
// with retention: the newest 24 hourly snapshots, plus the newest snapshot of each of the last 30
// days. Restore verifies a snapshot before it replaces anything, and keeps the replaced file.

#include "AuctionStore.h"
#include "Clock.h"

#include <QDir>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace sb::auction {

struct BackupInfo
{
    QString path;
    std::int64_t takenUtcMs = 0;
};

class BackupManager
{
public:
    static constexpr std::int64_t kIntervalMs = 60LL * 60 * 1000;
    static constexpr int kKeepHourly = 24;
    static constexpr int kKeepDaily = 30;
    // After a failed snapshot (a full disk, a folder that cannot be made) the next try waits
    // this long: a whole-database copy every second would load the disk the bids are written to.
    static constexpr std::int64_t kRetryAfterFailureMs = 60LL * 1000;
    // A .partial snapshot untouched this long was left by a killed backup; prune() removes it.
    static constexpr std::int64_t kPartialStaleAfterMs = 10LL * 60 * 1000;

    BackupManager(AuctionStore& store, const Clock& clock, QString directory);

    // Takes a snapshot if the newest one is an interval old (or there is none), then prunes.
    // Returns false only when a due snapshot failed, or failed less than kRetryAfterFailureMs
    // ago (then it is not tried again yet); *error says why.
    bool runIfDue(QString* error);
    // The same decision, for a caller that takes the snapshot elsewhere (on another thread, on a
    // connection of its own): whether one is due now, and then what came of it.
    bool isDue(std::int64_t nowUtcMs) const;
    void recordResult(std::int64_t nowUtcMs, bool ok, const QString& error);
    // Takes a snapshot now: sothebais-YYYYMMDDTHHMMSSZ.db in the directory.
    bool backupNow(QString* createdPath, QString* error);
    // Deletes what the retention rules do not keep, and .partial files a killed snapshot left;
    // returns the deleted paths.
    QStringList prune();
    QList<BackupInfo> backups() const; // newest first
    QString directory() const { return m_directory; }

    // Replaces the database at dbPath with the snapshot, atomically (a kill at any instant leaves
    // the old or the new file at the path, never none). The old file is kept beside it as
    // <db>.before-restore-<time>. Fails, touching nothing, while a process runs the marathon (its
    // MarathonLock), or if the snapshot is not a marathon database this version opens, or fails
    // its integrity check.
    static bool restore(const QString& snapshotPath, const QString& dbPath, std::int64_t nowUtcMs,
                        QString* keptOldPath, QString* error);
    // Opens a snapshot and checks it: integrity, a marathon's schema (version and tables), and
    // that the store opens it.
    static bool verify(const QString& snapshotPath, QString* error);

private:
    AuctionStore& m_store;
    const Clock& m_clock;
    QString m_directory;
    std::int64_t m_retryAtMs = 0; // after a failure: no new try before this time
    QString m_lastError;
};

} // namespace sb::auction
