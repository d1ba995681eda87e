// The outbox's rows and the authors X will not let the studio reply to (AuctionStore.h).

#include "AuctionStore.h"
#include "StoreSql.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace sb::auction {

using namespace storesql;

namespace {

const QString kColumns = QStringLiteral(
    "id, key, kind, priority, auction_idx, bid_id, reply_to, in_thread, bidder_id, bidder_name,"
    " vars_json, state, text, post_id, error, attempts, collapsed_into, created_utc_ms,"
    " updated_utc_ms");

QString cannotRead()
{
    return QCoreApplication::translate("AuctionStore", "Cannot read the outbox");
}

std::optional<OutboxItem> itemFrom(const QSqlQuery& q)
{
    const auto state = outboxStateFromName(q.value(11).toString());
    if (!state)
        return std::nullopt;
    OutboxItem item;
    item.id = q.value(0).toLongLong();
    item.key = q.value(1).toString();
    item.kind = q.value(2).toString();
    item.priority = q.value(3).toInt();
    item.auctionIndex = q.value(4).toInt();
    item.bidId = q.value(5).toLongLong();
    item.replyTo = q.value(6).toString();
    item.inThread = q.value(7).toBool();
    item.bidderId = q.value(8).toString();
    item.bidderName = q.value(9).toString();
    item.vars = QJsonDocument::fromJson(q.value(10).toString().toUtf8()).object();
    item.state = *state;
    item.text = q.value(12).toString();
    item.postId = q.value(13).toString();
    item.error = q.value(14).toString();
    item.attempts = q.value(15).toInt();
    if (!q.value(16).isNull())
        item.collapsedInto = q.value(16).toLongLong();
    item.createdUtcMs = q.value(17).toLongLong();
    item.updatedUtcMs = q.value(18).toLongLong();
    return item;
}

Result<QList<OutboxItem>> readItems(QSqlQuery& q)
{
    QList<OutboxItem> items;
    while (q.next()) {
        const auto item = itemFrom(q);
        if (!item)
            return AuctionError{QCoreApplication::translate("AuctionStore",
                                                            "The outbox has a row in an unknown "
                                                            "state: %1")
                                    .arg(q.value(11).toString())};
        items.append(*item);
    }
    if (stoppedEarly(q))
        return readError(cannotRead(), q);
    return items;
}

void bindMutable(QSqlQuery& q, const OutboxItem& item)
{
    q.addBindValue(text(item.replyTo));
    q.addBindValue(item.inThread ? 1 : 0);
    q.addBindValue(QString::fromUtf8(QJsonDocument(item.vars).toJson(QJsonDocument::Compact)));
    q.addBindValue(outboxStateName(item.state));
    q.addBindValue(text(item.text));
    q.addBindValue(text(item.postId));
    q.addBindValue(text(item.error));
    q.addBindValue(item.attempts);
    q.addBindValue(item.collapsedInto ? QVariant(qint64(*item.collapsedInto))
                                      : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(qint64(item.updatedUtcMs));
}

} // namespace

bool AuctionStore::addOutboxItem(OutboxItem& item, bool* added, QString* error)
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral(
        "INSERT INTO outbox(key, kind, priority, auction_idx, bid_id, bidder_id, bidder_name,"
        " created_utc_ms, reply_to, in_thread, vars_json, state, text, post_id, error, attempts,"
        " collapsed_into, updated_utc_ms) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
        " ON CONFLICT(key) DO NOTHING"));
    q.addBindValue(item.key);
    q.addBindValue(item.kind);
    q.addBindValue(item.priority);
    q.addBindValue(item.auctionIndex);
    q.addBindValue(qint64(item.bidId));
    q.addBindValue(text(item.bidderId));
    q.addBindValue(text(item.bidderName));
    q.addBindValue(qint64(item.createdUtcMs));
    bindMutable(q, item);
    if (!q.exec())
        return fail(error,
                    describe(QCoreApplication::translate("AuctionStore", "Cannot queue the post %1")
                                 .arg(item.key),
                             q.lastError()));
    *added = q.numRowsAffected() > 0;
    if (*added)
        item.id = q.lastInsertId().toLongLong();
    return true;
}

bool AuctionStore::updateOutboxItem(const OutboxItem& item, QString* error)
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("UPDATE outbox SET reply_to=?, in_thread=?, vars_json=?, state=?,"
                             " text=?, post_id=?, error=?, attempts=?, collapsed_into=?,"
                             " updated_utc_ms=? WHERE id=?"));
    bindMutable(q, item);
    q.addBindValue(qint64(item.id));
    if (!q.exec() || q.numRowsAffected() != 1)
        return fail(
            error, describe(QCoreApplication::translate("AuctionStore", "Cannot update the post %1")
                                .arg(item.key),
                            q.lastError()));
    return true;
}

Result<std::optional<OutboxItem>> AuctionStore::outboxItem(std::int64_t id) const
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT %1 FROM outbox WHERE id=?").arg(kColumns));
    q.addBindValue(qint64(id));
    if (!q.exec())
        return readError(cannotRead(), q);
    auto items = readItems(q);
    if (!items)
        return AuctionError{items.error()};
    return items->isEmpty() ? std::nullopt : std::optional(items->first());
}

Result<std::optional<OutboxItem>> AuctionStore::outboxItemByKey(const QString& key) const
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT %1 FROM outbox WHERE key=?").arg(kColumns));
    q.addBindValue(key);
    if (!q.exec())
        return readError(cannotRead(), q);
    auto items = readItems(q);
    if (!items)
        return AuctionError{items.error()};
    return items->isEmpty() ? std::nullopt : std::optional(items->first());
}

Result<QList<OutboxItem>> AuctionStore::outboxItems(const QList<OutboxState>& states,
                                                    int limit) const
{
    QStringList names;
    for (OutboxState state : states)
        names.append(u'\'' + outboxStateName(state) + u'\'');
    const QString where =
        names.isEmpty() ? QString() : QStringLiteral(" WHERE state IN (%1)").arg(names.join(u','));
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT %1 FROM outbox%2 ORDER BY priority, id LIMIT ?")
                  .arg(kColumns, where));
    q.addBindValue(limit);
    if (!q.exec())
        return readError(cannotRead(), q);
    return readItems(q);
}

Result<QList<OutboxItem>> AuctionStore::latestOutboxItems(int limit) const
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT %1 FROM outbox ORDER BY id DESC LIMIT ?").arg(kColumns));
    q.addBindValue(limit);
    if (!q.exec())
        return readError(cannotRead(), q);
    return readItems(q);
}

Result<bool> AuctionStore::outboxTextUsed(const QString& postText, std::int64_t exceptId) const
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT 1 FROM outbox WHERE text=? AND id<>?"
                             " AND state IN ('sent','sending') LIMIT 1"));
    q.addBindValue(postText);
    q.addBindValue(qint64(exceptId));
    if (!q.exec())
        return readError(cannotRead(), q);
    const bool used = q.next();
    if (stoppedEarly(q))
        return readError(cannotRead(), q);
    return used;
}

bool AuctionStore::addReplyRestricted(const QString& authorId, std::int64_t sinceUtcMs,
                                      QString* error)
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("INSERT INTO reply_restricted(author_id, since_utc_ms) VALUES(?,?)"
                             " ON CONFLICT(author_id) DO NOTHING"));
    q.addBindValue(authorId);
    q.addBindValue(qint64(sinceUtcMs));
    if (!q.exec())
        return fail(error, describe(QCoreApplication::translate(
                                        "AuctionStore", "Cannot remember a reply restriction"),
                                    q.lastError()));
    return true;
}

Result<QSet<QString>> AuctionStore::replyRestricted() const
{
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("SELECT author_id FROM reply_restricted")))
        return readError(cannotRead(), q);
    QSet<QString> authors;
    while (q.next())
        authors.insert(q.value(0).toString());
    if (stoppedEarly(q))
        return readError(cannotRead(), q);
    return authors;
}

} // namespace sb::auction
