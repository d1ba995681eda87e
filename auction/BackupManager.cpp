#include "BackupManager.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>

namespace sb::auction {

namespace {

const QString kPrefix = QStringLiteral("sothebais-");
const QString kSuffix = QStringLiteral(".db");
const QString kStampFormat = QStringLiteral("yyyyMMdd'T'HHmmss'Z'");

std::int64_t stampOf(const QString& fileName)
{
    if (!fileName.startsWith(kPrefix) || !fileName.endsWith(kSuffix))
        return -1;
    const QString stamp =
        fileName.mid(kPrefix.size(), fileName.size() - kPrefix.size() - kSuffix.size());
    // Read the stamp as UTC from the start: parsed as local time first, a stamp that falls in the
    // machine's spring-forward gap is invalid and the backup would vanish from the list.
    if (stamp.size() != 16 || stamp[8] != u'T' || stamp[15] != u'Z')
        return -1;
    const QDate date = QDate::fromString(stamp.left(8), QStringLiteral("yyyyMMdd"));
    const QTime time = QTime::fromString(stamp.mid(9, 6), QStringLiteral("HHmmss"));
    if (!date.isValid() || !time.isValid())
        return -1;
    return QDateTime(date, time, Qt::UTC).toMSecsSinceEpoch();
}

} // namespace

BackupManager::BackupManager(AuctionStore& store, const Clock& clock, QString directory)
    : m_store(store), m_clock(clock), m_directory(std::move(directory))
{}

QList<BackupInfo> BackupManager::backups() const
{
    QList<BackupInfo> result;
    const QDir dir(m_directory);
    const QStringList names =
        dir.entryList({kPrefix + QStringLiteral("*") + kSuffix}, QDir::Files, QDir::Name);
    for (const QString& name : names) {
        const std::int64_t stamp = stampOf(name);
        if (stamp >= 0)
            result.append({dir.filePath(name), stamp});
    }
    std::sort(result.begin(), result.end(),
              [](const BackupInfo& a, const BackupInfo& b) { return a.takenUtcMs > b.takenUtcMs; });
    return result;
}

bool BackupManager::backupNow(QString* createdPath, QString* error)
{
    if (!QDir().mkpath(m_directory)) {
        *error = QCoreApplication::translate("BackupManager", "Cannot create the backup folder %1")
                     .arg(m_directory);
        return false;
    }
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(m_clock.nowUtcMs(), Qt::UTC);
    const QString path = QDir(m_directory).filePath(kPrefix + now.toString(kStampFormat) + kSuffix);
    // Write under a temporary name so a half-written file never looks like a backup.
    const QString partial = path + QStringLiteral(".partial");
    QFile::remove(partial);
    if (!m_store.snapshotTo(partial, error)) {
        QFile::remove(partial);
        return false;
    }
    if (QFileInfo::exists(path))
        QFile::remove(path);
    if (!QFile::rename(partial, path)) {
        QFile::remove(partial);
        *error =
            QCoreApplication::translate("BackupManager", "Cannot name the backup %1").arg(path);
        return false;
    }
    if (createdPath)
        *createdPath = path;
    return true;
}

bool BackupManager::runIfDue(QString* error)
{
    const std::int64_t now = m_clock.nowUtcMs();
    if (now < m_retryAtMs) {
        if (error)
            *error = m_lastError;
        return false;
    }
    const QList<BackupInfo> existing = backups();
    if (!existing.isEmpty() && now - existing.first().takenUtcMs < kIntervalMs)
        return true;
    QString why;
    if (!backupNow(nullptr, &why)) {
        m_retryAtMs = now + kRetryAfterFailureMs;
        m_lastError = why;
        if (error)
            *error = why;
        return false;
    }
    m_retryAtMs = 0;
    prune();
    return true;
}

QStringList BackupManager::prune()
{
    const QList<BackupInfo> all = backups();
    QSet<QString> keep;
    for (int i = 0; i < all.size() && i < kKeepHourly; ++i)
        keep.insert(all[i].path);
    // Newest snapshot of each UTC day, for the 30 newest days that have one.
    QSet<QDate> days;
    for (const BackupInfo& b : all) {
        const QDate day = QDateTime::fromMSecsSinceEpoch(b.takenUtcMs, Qt::UTC).date();
        if (days.contains(day))
            continue;
        if (days.size() >= kKeepDaily)
            break;
        days.insert(day);
        keep.insert(b.path);
    }
    QStringList deleted;
    for (const BackupInfo& b : all) {
        if (!keep.contains(b.path) && QFile::remove(b.path))
            deleted.append(b.path);
    }
    return deleted;
}

bool BackupManager::verify(const QString& snapshotPath, QString* error)
{
    if (!QFileInfo(snapshotPath).isFile()) {
        *error = QCoreApplication::translate("BackupManager", "Backup %1 does not exist")
                     .arg(snapshotPath);
        return false;
    }
    const QString connection = QStringLiteral("sb-verify-") + QUuid::createUuid().toString();
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(snapshotPath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open()) {
            *error = QCoreApplication::translate("BackupManager", "Cannot open backup %1")
                         .arg(snapshotPath);
        } else {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("PRAGMA integrity_check")) || !q.next() ||
                q.value(0).toString() != QLatin1String("ok")) {
                *error = QCoreApplication::translate("BackupManager",
                                                     "Backup %1 is damaged or not a database")
                             .arg(snapshotPath);
            } else if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next() ||
                       q.value(0).toInt() < 1 ||
                       q.value(0).toInt() > AuctionStore::kSchemaVersion) {
                *error = QCoreApplication::translate("BackupManager",
                                                     "Backup %1 is not a SothebAIs Studio "
                                                     "database this version can open")
                             .arg(snapshotPath);
            } else {
                ok = true;
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

bool BackupManager::restore(const QString& snapshotPath, const QString& dbPath,
                            std::int64_t nowUtcMs, QString* keptOldPath, QString* error)
{
    if (!verify(snapshotPath, error))
        return false;
    const QString stamp = QDateTime::fromMSecsSinceEpoch(nowUtcMs, Qt::UTC).toString(kStampFormat);
    const QString incoming = dbPath + QStringLiteral(".restoring");
    QFile::remove(incoming);
    if (!QFile::copy(snapshotPath, incoming)) {
        *error = QCoreApplication::translate("BackupManager", "Cannot copy %1 next to %2")
                     .arg(snapshotPath, dbPath);
        return false;
    }
    QString kept;
    if (QFileInfo::exists(dbPath)) {
        kept = dbPath + QStringLiteral(".before-restore-") + stamp;
        if (!QFile::rename(dbPath, kept)) {
            QFile::remove(incoming);
            *error = QCoreApplication::translate("BackupManager",
                                                 "Cannot move the current database %1 aside")
                         .arg(dbPath);
            return false;
        }
        // The write-ahead log belongs to the old file; keep it with it.
        for (const QString& suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            if (QFileInfo::exists(dbPath + suffix))
                QFile::rename(dbPath + suffix, kept + suffix);
        }
    }
    if (!QFile::rename(incoming, dbPath)) {
        *error = QCoreApplication::translate("BackupManager",
                                             "Cannot put the restored database in place at %1")
                     .arg(dbPath);
        return false;
    }
    if (keptOldPath)
        *keptOldPath = kept;
    return true;
}

} // namespace sb::auction
