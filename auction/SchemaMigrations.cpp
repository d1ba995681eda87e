#include "SchemaMigrations.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <array>

namespace sb::auction {

namespace {

// Each entry moves the schema from version i to i + 1. Never edit a shipped step; append one.
const std::array<QStringList, SchemaMigrations::kCurrentVersion> kMigrations = {
    QStringList{
        QStringLiteral("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE marathon(id INTEGER PRIMARY KEY CHECK (id = 1),"
                       " config_json TEXT NOT NULL, state TEXT NOT NULL,"
                       " created_utc_ms INTEGER NOT NULL)"),
        QStringLiteral("CREATE TABLE auctions(idx INTEGER PRIMARY KEY, day_number INTEGER NOT NULL,"
                       " lot INTEGER NOT NULL, state TEXT NOT NULL,"
                       " start_utc_ms INTEGER NOT NULL, scheduled_end_utc_ms INTEGER NOT NULL,"
                       " end_utc_ms INTEGER NOT NULL, paused_at_utc_ms INTEGER,"
                       " leader_bid_id INTEGER, winner_bid_id INTEGER,"
                       " winner_declared INTEGER NOT NULL DEFAULT 0,"
                       " thread_id TEXT NOT NULL DEFAULT '',"
                       " settlement_note TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE TABLE bids(id INTEGER PRIMARY KEY, auction_idx INTEGER NOT NULL,"
                       " source TEXT NOT NULL, source_id TEXT NOT NULL, bidder_id TEXT NOT NULL,"
                       " bidder_name TEXT NOT NULL, text TEXT NOT NULL,"
                       " amount_gwei INTEGER NOT NULL, source_time_utc_ms INTEGER NOT NULL,"
                       " received_utc_ms INTEGER NOT NULL, status TEXT NOT NULL,"
                       " reason_code TEXT, reason TEXT, note TEXT NOT NULL DEFAULT '',"
                       " UNIQUE(source, source_id))"),
        QStringLiteral("CREATE INDEX bids_by_auction ON bids(auction_idx)"),
        QStringLiteral("CREATE TABLE events(seq INTEGER PRIMARY KEY, time_utc_ms INTEGER NOT NULL,"
                       " type TEXT NOT NULL, day INTEGER, payload TEXT NOT NULL)"),
    },
    QStringList{
        QStringLiteral("CREATE TABLE subscriber_cursors(name TEXT PRIMARY KEY,"
                       " last_seq INTEGER NOT NULL)"),
        QStringLiteral("CREATE TABLE dead_letters(id INTEGER PRIMARY KEY,"
                       " subscriber TEXT NOT NULL, seq INTEGER NOT NULL, error TEXT NOT NULL,"
                       " attempts INTEGER NOT NULL, failed_utc_ms INTEGER NOT NULL,"
                       " UNIQUE(subscriber, seq))"),
    },
    QStringList{
        // The wallet each bidder linked ("wallet 0x…"), the latest link only.
        QStringLiteral("CREATE TABLE wallet_links(bidder_id TEXT PRIMARY KEY,"
                       " bidder_name TEXT NOT NULL, address TEXT NOT NULL, source TEXT NOT NULL,"
                       " source_id TEXT NOT NULL, linked_utc_ms INTEGER NOT NULL)"),
    },
    QStringList{
        // The posts the studio means to make on X (Outbox.h), and the authors whose posts X
        // will not let it reply to (their verdicts go to the auction's thread).
        QStringLiteral("CREATE TABLE outbox(id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE,"
                       " kind TEXT NOT NULL, priority INTEGER NOT NULL,"
                       " auction_idx INTEGER NOT NULL, bid_id INTEGER NOT NULL,"
                       " reply_to TEXT NOT NULL, in_thread INTEGER NOT NULL,"
                       " bidder_id TEXT NOT NULL, bidder_name TEXT NOT NULL,"
                       " vars_json TEXT NOT NULL, state TEXT NOT NULL, text TEXT NOT NULL,"
                       " post_id TEXT NOT NULL, error TEXT NOT NULL, attempts INTEGER NOT NULL,"
                       " collapsed_into INTEGER, created_utc_ms INTEGER NOT NULL,"
                       " updated_utc_ms INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX outbox_by_state ON outbox(state, priority, id)"),
        QStringLiteral("CREATE TABLE reply_restricted(author_id TEXT PRIMARY KEY,"
                       " since_utc_ms INTEGER NOT NULL)"),
    },
    QStringList{
        // Settlement on Shape (Settlement.h): one row per won auction, and every signed
        // transaction, stored before it is broadcast. Which transactions may coexist for a step
        // is the engine's rule (a fee bump names the one it replaces), so no UNIQUE here.
        QStringLiteral("CREATE TABLE settlements(auction_idx INTEGER PRIMARY KEY,"
                       " stage TEXT NOT NULL, resume_stage TEXT, turn INTEGER NOT NULL,"
                       " bid_id INTEGER NOT NULL, bidder_id TEXT NOT NULL,"
                       " bidder_name TEXT NOT NULL, price_gwei INTEGER NOT NULL,"
                       " buyer_address TEXT NOT NULL, deadline_utc_ms INTEGER NOT NULL,"
                       " token_uri TEXT NOT NULL, tried_bidders_json TEXT NOT NULL,"
                       " reserved_on_chain INTEGER NOT NULL, claim_tx_hash TEXT NOT NULL,"
                       " claim_block INTEGER, paid_by_address TEXT NOT NULL,"
                       " paid_by_bidder_id TEXT NOT NULL, paid_price_gwei INTEGER NOT NULL,"
                       " error TEXT NOT NULL, updated_utc_ms INTEGER NOT NULL)"),
        QStringLiteral("CREATE TABLE chain_transactions(id INTEGER PRIMARY KEY,"
                       " auction_idx INTEGER NOT NULL, step TEXT NOT NULL, turn INTEGER NOT NULL,"
                       " chain_id INTEGER NOT NULL, nonce INTEGER NOT NULL,"
                       " from_address TEXT NOT NULL, to_address TEXT NOT NULL,"
                       " raw_hex TEXT NOT NULL, hash_hex TEXT NOT NULL, state TEXT NOT NULL,"
                       " block_number INTEGER, block_hash_hex TEXT NOT NULL, replaces INTEGER,"
                       " replaced_by INTEGER, error TEXT NOT NULL,"
                       " created_utc_ms INTEGER NOT NULL, updated_utc_ms INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX chain_transactions_by_auction"
                       " ON chain_transactions(auction_idx, id)"),
    },
};

bool fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

int SchemaMigrations::version(const QSqlDatabase& db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return -1;
    return q.value(0).toInt();
}

bool SchemaMigrations::checkReadable(const QSqlDatabase& db, const QString& path, QString* error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return fail(error, QCoreApplication::translate("SchemaMigrations",
                                                       "%1 is not a SothebAIs Studio database: %2")
                               .arg(path, q.lastError().text()));
    const int found = q.value(0).toInt();
    if (found > kCurrentVersion)
        return fail(error, QCoreApplication::translate(
                               "SchemaMigrations",
                               "%1 was written by a newer SothebAIs Studio (schema %2; this build "
                               "knows %3). Update the app to open it.")
                               .arg(path)
                               .arg(found)
                               .arg(kCurrentVersion));
    return true;
}

namespace {

// The tables each version has (those created by the steps up to it).
QStringList tablesOfVersion(int version)
{
    static const QStringList v1 = {QStringLiteral("meta"), QStringLiteral("marathon"),
                                   QStringLiteral("auctions"), QStringLiteral("bids"),
                                   QStringLiteral("events")};
    static const QStringList v2 = {QStringLiteral("subscriber_cursors"),
                                   QStringLiteral("dead_letters")};
    QStringList tables = v1;
    if (version >= 2)
        tables += v2;
    if (version >= 3)
        tables += QStringLiteral("wallet_links");
    if (version >= 4)
        tables += {QStringLiteral("outbox"), QStringLiteral("reply_restricted")};
    if (version >= 5)
        tables += {QStringLiteral("settlements"), QStringLiteral("chain_transactions")};
    return tables;
}

// *why gets SQLite's reason when the list cannot be read (the query's error: the connection's
// lastError() does not carry it).
QStringList tablesIn(const QSqlDatabase& db, bool* ok, QString* why = nullptr)
{
    QSqlQuery q(db);
    QStringList names;
    *ok = q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type='table'"));
    while (*ok && q.next())
        names.append(q.value(0).toString());
    if (*ok && q.lastError().isValid())
        *ok = false; // a damaged page met while stepping through the rows
    if (!*ok && why)
        *why = q.lastError().text();
    return names;
}

} // namespace

bool SchemaMigrations::isEmpty(const QSqlDatabase& db)
{
    bool ok = false;
    const QStringList tables = tablesIn(db, &ok);
    return ok && tables.isEmpty();
}

bool SchemaMigrations::checkMarathon(const QSqlDatabase& db, const QString& path, QString* error)
{
    if (!checkReadable(db, path, error))
        return false;
    const int found = version(db);
    bool ok = false;
    QString why;
    const QStringList tables = tablesIn(db, &ok, &why);
    if (!ok)
        return fail(error, QCoreApplication::translate(
                               "SchemaMigrations",
                               "%1 is damaged: its list of tables cannot be read (%2). Restore it "
                               "from a backup (sothebais-studio restore).")
                               .arg(path, why));
    QStringList missing;
    for (const QString& table : tablesOfVersion(found)) {
        if (!tables.contains(table))
            missing.append(table);
    }
    if (found < 1 || !missing.isEmpty())
        return fail(error, QCoreApplication::translate("SchemaMigrations",
                                                       "%1 is not a SothebAIs Studio marathon "
                                                       "database")
                               .arg(path));
    return true;
}

bool SchemaMigrations::migrate(QSqlDatabase& db, const QString& path, QString* error)
{
    if (!checkReadable(db, path, error))
        return false;
    // A new file is initialized; an existing one must already be a marathon (never turn someone
    // else's SQLite file into one).
    if (!isEmpty(db) && !checkMarathon(db, path, error))
        return false;
    for (int step = version(db); step < kCurrentVersion; ++step) {
        if (!db.transaction())
            return fail(
                error, QCoreApplication::translate("SchemaMigrations", "Cannot start migration: %1")
                           .arg(db.lastError().text()));
        QSqlQuery q(db);
        bool ok = true;
        for (const QString& sql : kMigrations[std::size_t(step)]) {
            ok = ok && q.exec(sql);
        }
        ok = ok && q.exec(QStringLiteral("PRAGMA user_version=%1").arg(step + 1));
        if (!ok || !db.commit()) {
            const QString message =
                QCoreApplication::translate("SchemaMigrations",
                                            "Migration of %1 to schema %2 failed: %3")
                    .arg(path)
                    .arg(step + 1)
                    .arg(q.lastError().text().isEmpty() ? db.lastError().text()
                                                        : q.lastError().text());
            db.rollback();
            return fail(error, message);
        }
    }
    return true;
}

} // namespace sb::auction
