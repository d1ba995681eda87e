#include "BackupManager.h"

#include "MarathonLock.h"
#include "RegularFile.h"
#include "SchemaMigrations.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>
#include <cerrno>
#include <cstring>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

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

bool BackupManager::isDue(std::int64_t nowUtcMs) const
{
    if (nowUtcMs < m_retryAtMs)
        return false;
    const QList<BackupInfo> existing = backups();
    return existing.isEmpty() || nowUtcMs - existing.first().takenUtcMs >= kIntervalMs;
}

void BackupManager::recordResult(std::int64_t nowUtcMs, bool ok, const QString& error)
{
    if (ok) {
        m_retryAtMs = 0;
        m_lastError.clear();
    } else {
        m_retryAtMs = nowUtcMs + kRetryAfterFailureMs;
        m_lastError = error;
    }
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
    // A snapshot killed mid-write leaves its .partial file. One still being written is touched
    // continuously, so only those untouched for a while are debris (by the file system's clock).
    const QDir dir(m_directory);
    const QDateTime staleBefore = QDateTime::currentDateTimeUtc().addMSecs(-kPartialStaleAfterMs);
    const QFileInfoList partials = dir.entryInfoList(
        {kPrefix + QStringLiteral("*") + kSuffix + QStringLiteral(".partial")}, QDir::Files);
    for (const QFileInfo& partial : partials) {
        if (partial.lastModified().toUTC() < staleBefore && QFile::remove(partial.filePath()))
            deleted.append(partial.filePath());
    }
    return deleted;
}

bool BackupManager::verify(const QString& snapshotPath, QString* error)
{
    if (const QString special = sb::notRegularFileProblem(snapshotPath); !special.isEmpty()) {
        *error = special;
        return false;
    }
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
            } else if (QString why; !SchemaMigrations::checkMarathon(db, snapshotPath, &why)) {
                *error = QCoreApplication::translate("BackupManager",
                                                     "Backup %1 is not a SothebAIs Studio "
                                                     "database this version can open (%2)")
                             .arg(snapshotPath, why);
            } else {
                ok = true;
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    // Last: that the store itself opens it (every statement it prepares compiles against it).
    if (ok) {
        AuctionStore probe;
        QString why;
        if (!probe.openReadOnly(snapshotPath, &why)) {
            *error = QCoreApplication::translate("BackupManager", "Backup %1 cannot be opened: %2")
                         .arg(snapshotPath, why);
            ok = false;
        }
    }
    return ok;
}

namespace {

// Makes what was written to the file durable (fsync where there is one).
bool syncToDisk(QFile& file)
{
#ifdef Q_OS_UNIX
    return ::fsync(file.handle()) == 0;
#else
    return file.flush(); // Windows: FlushFileBuffers is what QFile's commit paths use
#endif
}

// Keeps a second name for an existing file: a hard link where the system has them, else a copy.
bool keepUnderSecondName(const QString& from, const QString& to)
{
#ifdef Q_OS_UNIX
    return ::link(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0;
#else
    Q_UNUSED(from);
    Q_UNUSED(to);
    return false;
#endif
}

// Puts `from` at `to` in one step where the system can (rename(2) replaces atomically).
bool replaceAtomically(const QString& from, const QString& to, QString* why)
{
#ifdef Q_OS_UNIX
    if (::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0)
        return true;
    *why = QString::fromLocal8Bit(std::strerror(errno));
    return false;
#else
    // Not atomic here: the old file is kept under its .before-restore name already.
    QFile::remove(to);
    if (QFile::rename(from, to))
        return true;
    *why = QStringLiteral("rename failed");
    return false;
#endif
}

// Copies a file and makes the copy durable before it is used to replace anything.
bool copyDurably(const QString& from, const QString& to, QString* error)
{
    QFile source(from);
    QFile target(to);
    if (!source.open(QIODevice::ReadOnly) ||
        !target.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = QCoreApplication::translate("BackupManager", "Cannot copy %1 to %2: %3")
                     .arg(from, to, source.isOpen() ? target.errorString() : source.errorString());
        return false;
    }
    while (!source.atEnd()) {
        const QByteArray chunk = source.read(1 << 20);
        if (chunk.isEmpty() && source.error() != QFileDevice::NoError)
            break;
        if (target.write(chunk) != chunk.size()) {
            *error = QCoreApplication::translate("BackupManager", "Cannot write %1: %2")
                         .arg(to, target.errorString());
            return false;
        }
    }
    if (source.error() != QFileDevice::NoError || !target.flush() || !syncToDisk(target)) {
        *error = QCoreApplication::translate("BackupManager", "Cannot write %1: %2")
                     .arg(to, source.error() != QFileDevice::NoError ? source.errorString()
                                                                     : target.errorString());
        return false;
    }
    target.close();
    return true;
}

// Makes a rename in the folder durable (the directory entry itself).
void syncFolderOf(const QString& path)
{
#ifdef Q_OS_UNIX
    const QByteArray folder = QFile::encodeName(QFileInfo(path).absolutePath());
    const int fd = ::open(folder.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
#else
    Q_UNUSED(path);
#endif
}

} // namespace

bool BackupManager::restore(const QString& snapshotPath, const QString& dbPath,
                            std::int64_t nowUtcMs, QString* keptOldPath, QString* error)
{
    if (!verify(snapshotPath, error))
        return false;
    // No marathon may run on the file while it is replaced, nor start until it is done.
    MarathonLock lock;
    if (!lock.tryLock(dbPath, error))
        return false;

    const QString stamp = QDateTime::fromMSecsSinceEpoch(nowUtcMs, Qt::UTC).toString(kStampFormat);
    QString kept;
    if (QFileInfo::exists(dbPath)) {
        // Fold the old file's write-ahead log into it first: a log left beside the path would be
        // replayed into the restored file.
        {
            const QString connection =
                QStringLiteral("sb-restore-") + QUuid::createUuid().toString();
            bool folded = false;
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
                db.setDatabaseName(dbPath);
                if (db.open()) {
                    QSqlQuery q(db);
                    folded = q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")) &&
                             q.next() && q.value(0).toInt() == 0;
                    db.close();
                }
            }
            QSqlDatabase::removeDatabase(connection);
            const bool logLeft = QFileInfo(dbPath + QStringLiteral("-wal")).size() > 0;
            if (!folded || logLeft) {
                *error = QCoreApplication::translate("BackupManager",
                                                     "Cannot fold the write-ahead log of %1 into "
                                                     "it; nothing was changed")
                             .arg(dbPath);
                return false;
            }
            QFile::remove(dbPath + QStringLiteral("-wal"));
            QFile::remove(dbPath + QStringLiteral("-shm"));
        }
        // Keep the old file under a second name first (a hard link, or a copy where the file
        // system has none): the path itself is never without a database.
        kept = dbPath + QStringLiteral(".before-restore-") + stamp;
        QFile::remove(kept);
        if (!keepUnderSecondName(dbPath, kept) && !copyDurably(dbPath, kept, error)) {
            QFile::remove(kept);
            return false;
        }
    }
    const QString incoming = dbPath + QStringLiteral(".restoring");
    if (!copyDurably(snapshotPath, incoming, error)) {
        QFile::remove(incoming);
        return false;
    }
    // rename() replaces the path atomically: a kill at any instant leaves the old or the new file.
    if (QString why; !replaceAtomically(incoming, dbPath, &why)) {
        *error = QCoreApplication::translate("BackupManager",
                                             "Cannot put the restored database in place at %1: %2")
                     .arg(dbPath, why);
        QFile::remove(incoming);
        return false;
    }
    syncFolderOf(dbPath);
    if (keptOldPath)
        *keptOldPath = kept;
    return true;
}

} // namespace sb::auction
