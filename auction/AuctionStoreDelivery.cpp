// What the event dispatcher keeps per subscriber: how far each has read the journal, and the
// events it gave up on (dead letters) for the operator to retry or drop (AuctionStore.h).

#include "AuctionStore.h"
#include "StoreSql.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

namespace sb::auction {

using namespace storesql;

Result<std::optional<std::int64_t>> AuctionStore::subscriberCursor(const QString& name) const
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT last_seq FROM subscriber_cursors WHERE name=?"));
    q.addBindValue(text(name));
    const QString what =
        QCoreApplication::translate("AuctionStore", "Cannot read the cursor of %1").arg(name);
    if (!q.exec())
        return readError(what, q);
    if (!q.next()) {
        if (stoppedEarly(q))
            return readError(what, q);
        return std::optional<std::int64_t>();
    }
    return std::optional<std::int64_t>(q.value(0).toLongLong());
}

bool AuctionStore::setSubscriberCursor(const QString& name, std::int64_t seq, QString* error)
{
    QSqlQuery q(connection());
    q.prepare(
        QStringLiteral("INSERT OR REPLACE INTO subscriber_cursors(name, last_seq) VALUES (?,?)"));
    q.addBindValue(text(name));
    q.addBindValue(qint64(seq));
    if (!q.exec())
        return fail(error, describe(QCoreApplication::translate("AuctionStore",
                                                                "Cannot store the cursor of %1")
                                        .arg(name),
                                    q.lastError()));
    return true;
}

bool AuctionStore::addDeadLetter(const DeadLetter& letter, QString* error)
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO dead_letters(subscriber, seq, error, attempts,"
                             " failed_utc_ms) VALUES (?,?,?,?,?)"));
    q.addBindValue(text(letter.subscriber));
    q.addBindValue(qint64(letter.seq));
    q.addBindValue(text(letter.error));
    q.addBindValue(letter.attempts);
    q.addBindValue(qint64(letter.failedUtcMs));
    if (!q.exec())
        return fail(error, describe(QCoreApplication::translate("AuctionStore",
                                                                "Cannot store a dead letter"),
                                    q.lastError()));
    return true;
}

bool AuctionStore::removeDeadLetter(std::int64_t id, QString* error)
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("DELETE FROM dead_letters WHERE id=?"));
    q.addBindValue(qint64(id));
    if (!q.exec())
        return fail(error, describe(QCoreApplication::translate("AuctionStore",
                                                                "Cannot remove a dead letter"),
                                    q.lastError()));
    return true;
}

bool AuctionStore::updateDeadLetter(const DeadLetter& letter, QString* error)
{
    QSqlQuery q(connection());
    q.prepare(
        QStringLiteral("UPDATE dead_letters SET error=?, attempts=?, failed_utc_ms=? WHERE id=?"));
    q.addBindValue(text(letter.error));
    q.addBindValue(letter.attempts);
    q.addBindValue(qint64(letter.failedUtcMs));
    q.addBindValue(qint64(letter.id));
    if (!q.exec())
        return fail(error, describe(QCoreApplication::translate("AuctionStore",
                                                                "Cannot update a dead letter"),
                                    q.lastError()));
    return true;
}

Result<QList<DeadLetter>> AuctionStore::deadLetters() const
{
    QList<DeadLetter> result;
    QSqlQuery q(connection());
    const QString what =
        QCoreApplication::translate("AuctionStore", "Cannot read the dead letters");
    if (!q.exec(QStringLiteral("SELECT id, subscriber, seq, error, attempts, failed_utc_ms"
                               " FROM dead_letters ORDER BY id")))
        return readError(what, q);
    while (q.next()) {
        result.append(DeadLetter{q.value(0).toLongLong(), q.value(1).toString(),
                                 q.value(2).toLongLong(), q.value(3).toString(), q.value(4).toInt(),
                                 q.value(5).toLongLong()});
    }
    if (stoppedEarly(q))
        return readError(what, q);
    return result;
}

} // namespace sb::auction
