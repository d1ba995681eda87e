#pragma once
// Files the studio reads whole (a marathon config, a scene or scene collection, a persona, a
// key): only regular files, and only up to a size. Opening a FIFO blocks until something writes
// to it (forever, when nothing does: SIGTERM cannot stop a process stuck there), /dev/zero never
// ends, a folder is a mistake.

#include <QByteArray>
#include <QString>

namespace sb {

// Empty when `path` is a regular file (a link to one included) or does not exist (the opener then
// says so); otherwise why not, e.g. "/tmp/x is a FIFO (named pipe), not a regular file".
QString notRegularFileProblem(const QString& path);

// The whole of the regular file at `path`, at most `maxBytes` long. False with one line that
// names the path and says why (missing, not a regular file, unreadable, too large).
bool readRegularFile(const QString& path, qint64 maxBytes, QByteArray* data, QString* why);

} // namespace sb
