#include "RegularFile.h"

#include <QFile>

#include <sys/stat.h>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#endif

namespace sb {

namespace {

QString notRegularFileProblem(const QString& path, unsigned mode)
{
    const char* kind = S_ISFIFO(mode)                   ? "a FIFO (named pipe)"
                       : S_ISDIR(mode)                  ? "a folder"
                       : S_ISCHR(mode) || S_ISBLK(mode) ? "a device"
                       : S_ISSOCK(mode)                 ? "a socket"
                                                        : "a special file";
    return QStringLiteral("%1 is %2, not a regular file").arg(path, QLatin1String(kind));
}

// Opens `path` by name through QFile (which alone reads Qt's resources, ":/…").
bool openByName(QFile& file, const QString& path, QString* why)
{
    if (!file.exists()) {
        *why = QStringLiteral("%1 does not exist").arg(path);
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *why = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

#ifdef Q_OS_UNIX
// What is checked is what is read: the file is opened first, without waiting (opening a FIFO
// would block until a writer came), and the open file is checked. Checking the path and opening
// it after would leave a moment in which another process could put a FIFO in its place.
bool openChecked(QFile& file, const QString& path, QString* why)
{
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        const int error = errno;
        *why = error == ENOENT ? QStringLiteral("%1 does not exist").arg(path)
                               : QStringLiteral("cannot read %1: %2")
                                     .arg(path, QString::fromLocal8Bit(std::strerror(error)));
        return false;
    }
    struct stat info = {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        *why = notRegularFileProblem(path, info.st_mode);
        ::close(fd);
        return false;
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        *why = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        ::close(fd);
        return false;
    }
    return true;
}

// Qt's resource files (":/…", "qrc:/…"): always regular, and only QFile can open them.
bool isResource(const QString& path)
{
    return path.startsWith(u':') || path.startsWith(QLatin1String("qrc:"));
}
#endif

} // namespace

QString notRegularFileProblem(const QString& path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0 || S_ISREG(info.st_mode))
        return {};
    return notRegularFileProblem(path, info.st_mode);
}

bool readRegularFile(const QString& path, qint64 maxBytes, QByteArray* data, QString* why)
{
    QFile file(path);
#ifdef Q_OS_UNIX
    if (!(isResource(path) ? openByName(file, path, why) : openChecked(file, path, why)))
        return false;
#else
    // Without POSIX descriptors the path is checked, then opened.
    if (const QString special = notRegularFileProblem(path); !special.isEmpty()) {
        *why = special;
        return false;
    }
    if (!openByName(file, path, why))
        return false;
#endif
    if (file.size() > maxBytes) {
        *why = QStringLiteral("%1 is %2 bytes; at most %3 are read")
                   .arg(path)
                   .arg(file.size())
                   .arg(maxBytes);
        return false;
    }
    // Read to one byte past the limit: a file that grows while it is read is still refused.
    *data = file.read(maxBytes + 1);
    if (file.error() != QFileDevice::NoError) {
        *why = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    if (data->size() > maxBytes) {
        *why = QStringLiteral("%1 is more than %2 bytes").arg(path).arg(maxBytes);
        data->clear();
        return false;
    }
    return true;
}

} // namespace sb
