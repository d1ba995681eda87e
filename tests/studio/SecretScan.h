#pragma once
// For the keychain tests: where a secret's bytes ended up on disk, if anywhere.

#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <QString>
#include <QStringList>

namespace sb::test {

// Every regular file under `root` whose bytes contain `secret` (as UTF-8 or UTF-16), and how many
// files were looked at.
inline QStringList filesContaining(const QString& root, const QString& secret, int* scanned)
{
    const QByteArray utf8 = secret.toUtf8();
    const QByteArray utf16(reinterpret_cast<const char*>(secret.utf16()),
                           secret.size() * qsizetype(sizeof(char16_t)));
    QStringList found;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        ++*scanned;
        const QByteArray bytes = file.readAll();
        if (bytes.contains(utf8) || bytes.contains(utf16))
            found << path;
    }
    return found;
}

} // namespace sb::test
