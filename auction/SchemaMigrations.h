#pragma once
// The store's schema history: each step moves a database file from version i to i + 1 (kept in
// PRAGMA user_version) in its own transaction. A shipped step is never edited; a new one is
// appended, so a marathon's file opens in every later version of the app.

#include <QSqlDatabase>
#include <QString>

namespace sb::auction {

class SchemaMigrations
{
public:
    static constexpr int kCurrentVersion = 5;

    // The file's schema version; -1 when it cannot be read (not a database).
    static int version(const QSqlDatabase& db);
    // Fails, writing nothing, for a file that is not a database or comes from a newer version.
    static bool checkReadable(const QSqlDatabase& db, const QString& path, QString* error);
    // Whether the file holds a marathon: a known schema version (1..current) and every table
    // that version has. A foreign SQLite file, or one whose tables were dropped, is refused.
    static bool checkMarathon(const QSqlDatabase& db, const QString& path, QString* error);
    // True for a file with no table at all (a new, empty database).
    static bool isEmpty(const QSqlDatabase& db);
    // Applies the missing steps.
    static bool migrate(QSqlDatabase& db, const QString& path, QString* error);
};

} // namespace sb::auction
