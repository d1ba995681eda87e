#include "MarathonLock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>

#include <cerrno>
#include <cstring>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#endif

namespace sb::auction {

namespace {

// What the holder wrote into the lock file: who it is, to name it in a refusal.
QString readHolder(const QString& lockPath)
{
    QFile file(lockPath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.read(512)).trimmed();
}

QString describeSelf()
{
    QString program = QFileInfo(QCoreApplication::applicationFilePath()).fileName();
    if (program.isEmpty())
        program = QStringLiteral("sothebais-studio");
    const QStringList args = QCoreApplication::arguments();
    // Only the mode, never a URL or a path that could carry a secret.
    const QString mode =
        args.contains(QStringLiteral("--headless")) ? QStringLiteral(" --headless") : QString();
    return QStringLiteral("process %1 (%2%3) since %4")
        .arg(QCoreApplication::applicationPid())
        .arg(program, mode, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
}

QString heldMessage(const QString& dbPath, const QString& holder)
{
    return QCoreApplication::translate("MarathonLock",
                                       "The marathon %1 is in use by another process (%2). Only "
                                       "one process may run a marathon; stop it first.")
        .arg(dbPath, holder.isEmpty()
                         ? QCoreApplication::translate("MarathonLock", "unknown holder")
                         : holder);
}

} // namespace

MarathonLock::~MarathonLock()
{
    unlock();
}

QString MarathonLock::lockPathFor(const QString& dbPath)
{
    // By the file's real name: a symlink or another spelling of the path ("./m.db", "../x/m.db")
    // must find the same lock, or two processes would run one marathon.
    const QFileInfo info(dbPath);
    QString real = info.exists() ? info.canonicalFilePath() : QString();
    if (real.isEmpty()) {
        const QString folder = QDir(info.absolutePath()).canonicalPath();
        real = folder.isEmpty() ? info.absoluteFilePath() : QDir(folder).filePath(info.fileName());
    }
    return real + QStringLiteral(".lock");
}

bool MarathonLock::isLocked() const
{
    return m_fd >= 0 || m_lockFile;
}

bool MarathonLock::tryLock(const QString& dbPath, QString* error)
{
    unlock();
    const QString lockPath = lockPathFor(dbPath);
#ifndef Q_OS_UNIX
    auto lockFile = std::make_unique<QLockFile>(lockPath);
    lockFile->setStaleLockTime(0); // never by age: only a dead holder's lock is stale
    if (!lockFile->tryLock(0)) {
        if (error) {
            qint64 pid = 0;
            QString host, app;
            lockFile->getLockInfo(&pid, &host, &app);
            *error = heldMessage(dbPath, QStringLiteral("process %1 (%2)").arg(pid).arg(app));
        }
        return false;
    }
    m_lockFile = std::move(lockFile);
    return true;
#else
    const QByteArray native = QFile::encodeName(lockPath);
    // flock, not fcntl: fcntl locks are per process (a second open in this process would pass and
    // closing any descriptor of the file would drop them), and SQLite uses fcntl on the database.
    const int fd = ::open(native.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        if (error)
            *error =
                QCoreApplication::translate("MarathonLock", "Cannot create the lock file %1: %2")
                    .arg(lockPath, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int why = errno;
        ::close(fd);
        if (error) {
            if (why == EWOULDBLOCK) {
                *error = heldMessage(dbPath, readHolder(lockPath));
            } else {
                *error = QCoreApplication::translate("MarathonLock", "Cannot lock %1: %2")
                             .arg(lockPath, QString::fromLocal8Bit(std::strerror(why)));
            }
        }
        return false;
    }
    // Say who holds it, for the next one who is refused. Failing to write this is harmless.
    const QByteArray who = describeSelf().toUtf8() + '\n';
    if (::ftruncate(fd, 0) == 0)
        (void)!::pwrite(fd, who.constData(), std::size_t(who.size()), 0);
    m_fd = fd;
    return true;
#endif
}

void MarathonLock::unlock()
{
    m_lockFile.reset();
#ifdef Q_OS_UNIX
    if (m_fd < 0)
        return;
    // The file stays: deleting it would let two processes lock two different files by one name.
    ::flock(m_fd, LOCK_UN);
    ::close(m_fd);
    m_fd = -1;
#endif
}

bool MarathonLock::isHeld(const QString& dbPath, QString* holder)
{
    MarathonLock probe;
    QString error;
    if (probe.tryLock(dbPath, &error))
        return false;
    if (holder)
        *holder = readHolder(lockPathFor(dbPath));
    return QFileInfo::exists(lockPathFor(dbPath));
}

} // namespace sb::auction
