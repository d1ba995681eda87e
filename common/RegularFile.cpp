#include "RegularFile.h"

#include <QFile>

#include <sys/stat.h>

namespace sb {

QString notRegularFileProblem(const QString& path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0 || S_ISREG(info.st_mode))
        return {};
    const char* kind = S_ISFIFO(info.st_mode)                           ? "a FIFO (named pipe)"
                       : S_ISDIR(info.st_mode)                          ? "a folder"
                       : S_ISCHR(info.st_mode) || S_ISBLK(info.st_mode) ? "a device"
                       : S_ISSOCK(info.st_mode)                         ? "a socket"
                                                                        : "a special file";
    return QStringLiteral("%1 is %2, not a regular file").arg(path, QLatin1String(kind));
}

bool readRegularFile(const QString& path, qint64 maxBytes, QByteArray* data, QString* why)
{
    if (const QString special = notRegularFileProblem(path); !special.isEmpty()) {
        *why = special;
        return false;
    }
    QFile file(path);
    if (!file.exists()) {
        *why = QStringLiteral("%1 does not exist").arg(path);
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *why = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
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
