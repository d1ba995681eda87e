#include "AuctionStore.h"

#include "RegularFile.h"
#include "SchemaMigrations.h"
#include "SqlThreadGuard.h"
#include "StoreSql.h"
#include "WalCheckpointer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <array>

namespace sb::auction {

namespace {

enum Statement
{
    InsertBid,
    UpdateBid,
    SelectBid,
    SelectBidBySource,
    InsertEvent,
    UpsertAuction,
    StatementCount
};

using namespace storesql;

BidRecord readBid(const QSqlQuery& q)
{
    BidRecord bid;
    bid.id = q.value(0).toLongLong();
    bid.auctionIndex = q.value(1).toInt();
    bid.source = q.value(2).toString();
    bid.sourceId = q.value(3).toString();
    bid.bidderId = q.value(4).toString();
    bid.bidderName = q.value(5).toString();
    bid.text = q.value(6).toString();
    bid.amount = Gwei::fromGwei(q.value(7).toLongLong());
    bid.sourceTimeMs = q.value(8).toLongLong();
    bid.receivedTimeMs = q.value(9).toLongLong();
    bid.status = bidStatusFromName(q.value(10).toString()).value_or(BidStatus::Rejected);
    if (!q.value(11).isNull()) {
        const auto code = rejectionCodeFromName(q.value(11).toString());
        if (code)
            bid.rejection = BidRejection{*code, q.value(12).toString()};
    }
    bid.note = q.value(13).toString();
    return bid;
}

const QString kBidColumns =
    QStringLiteral("id, auction_idx, source, source_id, bidder_id, bidder_name, text, amount_gwei,"
                   " source_time_utc_ms, received_utc_ms, status, reason_code, reason, note");

} // namespace

struct AuctionStore::Statements
{
    std::array<QSqlQuery, StatementCount> queries;
};

AuctionStore::AuctionStore() = default;

AuctionStore::~AuctionStore()
{
    close();
}

bool AuctionStore::open(const QString& path, QString* error)
{
    close();
    if (const QString special = sb::notRegularFileProblem(path); !special.isEmpty())
        return fail(error, special);
    // Before the file is even opened: a second writer must not touch it (not even the WAL switch).
    if (!m_lock.tryLock(path, error))
        return false;
    if (!openConnection(path, false, error)) {
        close();
        return false;
    }
    return true;
}

bool AuctionStore::openReadOnly(const QString& path, QString* error)
{
    close();
    if (const QString special = sb::notRegularFileProblem(path); !special.isEmpty())
        return fail(error, special);
    if (!QFileInfo(path).isFile())
        return fail(error,
                    QCoreApplication::translate("AuctionStore", "%1 does not exist").arg(path));
    if (!openConnection(path, true, error)) {
        close();
        return false;
    }
    return true;
}

bool AuctionStore::openConnection(const QString& path, bool readOnly, QString* error)
{
    SqlThreadGuard::check();
    m_path = path;
    m_readOnly = readOnly;
    m_connectionName =
        QStringLiteral("sb-store-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(path);
        if (readOnly)
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open())
            return fail(error, describe(QCoreApplication::translate("AuctionStore",
                                                                    "Cannot open database %1")
                                            .arg(path),
                                        db.lastError()));
        if (readOnly) {
            QSqlQuery q(db);
            q.exec(QStringLiteral("PRAGMA busy_timeout=5000"));
            if (!SchemaMigrations::checkMarathon(db, path, error))
                return false;
            return prepareStatements(error);
        }
        // Refuse a file from a newer version before anything (even the WAL switch) writes to it.
        if (!SchemaMigrations::checkReadable(db, path, error))
            return false;
        if (!SchemaMigrations::isEmpty(db) && !SchemaMigrations::checkMarathon(db, path, error))
            return false;
        QSqlQuery q(db);
        // A damaged page must stop the marathon here, not make a read come back short later.
        if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next() ||
            q.value(0).toString() != QLatin1String("ok"))
            return fail(error,
                        QCoreApplication::translate("AuctionStore",
                                                    "%1 is damaged (%2). Restore it from a backup "
                                                    "(sothebais-studio restore).")
                            .arg(path, q.lastError().isValid() && !q.lastError().text().isEmpty()
                                           ? q.lastError().text()
                                           : q.value(0).toString()));
        // WAL lets backups and readers run beside the writer; FULL makes each commit survive power
        // loss, which is what "acknowledged" promises a bidder.
        const QStringList pragmas = {
            QStringLiteral("PRAGMA journal_mode=WAL"),
            QStringLiteral("PRAGMA synchronous=FULL"),
            QStringLiteral("PRAGMA foreign_keys=ON"),
            QStringLiteral("PRAGMA busy_timeout=5000"),
            // Checkpoints run beside the writer (WalCheckpointer), never inside a bid's commit.
            QStringLiteral("PRAGMA wal_autocheckpoint=0"),
        };
        for (const QString& pragma : pragmas) {
            if (!q.exec(pragma))
                return fail(error, describe(QCoreApplication::translate(
                                                "AuctionStore", "Cannot configure database %1")
                                                .arg(path),
                                            q.lastError()));
        }
        if (!q.exec(QStringLiteral("PRAGMA journal_mode")) || !q.next() ||
            q.value(0).toString() != QLatin1String("wal"))
            return fail(error, QCoreApplication::translate(
                                   "AuctionStore", "Cannot use write-ahead logging for %1 (is the "
                                                   "folder on a network share?)")
                                   .arg(path));
    }
    QSqlDatabase db = connection();
    if (!SchemaMigrations::migrate(db, path, error) || !prepareStatements(error))
        return false;
    m_checkpointer = std::make_unique<WalCheckpointer>(path);
    return true;
}

void AuctionStore::close()
{
    if (m_connectionName.isEmpty()) {
        m_lock.unlock();
        return;
    }
    m_checkpointer.reset();
    m_statements.reset();
    {
        QSqlDatabase db = connection();
        if (db.isOpen()) {
            if (!m_readOnly) {
                QSqlQuery q(db);
                q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
    m_readOnly = false;
    m_lock.unlock(); // last: the file is closed and checkpointed before another may open it
}

bool AuctionStore::isOpen() const
{
    return !m_connectionName.isEmpty() && m_statements;
}

int AuctionStore::schemaVersion() const
{
    return SchemaMigrations::version(connection());
}

bool AuctionStore::prepareStatements(QString* error)
{
    QSqlDatabase db = connection();
    auto statements = std::make_unique<Statements>();
    const std::array<QString, StatementCount> sql = {
        QStringLiteral("INSERT INTO bids(auction_idx, source, source_id, bidder_id, bidder_name,"
                       " text, amount_gwei, source_time_utc_ms, received_utc_ms, status,"
                       " reason_code, reason, note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        QStringLiteral("UPDATE bids SET status=?, reason_code=?, reason=?, note=?,"
                       " amount_gwei=?, auction_idx=? WHERE id=?"),
        QStringLiteral("SELECT ") + kBidColumns + QStringLiteral(" FROM bids WHERE id=?"),
        QStringLiteral("SELECT ") + kBidColumns +
            QStringLiteral(" FROM bids WHERE source=? AND source_id=?"),
        QStringLiteral("INSERT INTO events(seq, time_utc_ms, type, day, payload)"
                       " VALUES (?,?,?,?,?)"),
        QStringLiteral("INSERT OR REPLACE INTO auctions(idx, day_number, lot, state, start_utc_ms,"
                       " scheduled_end_utc_ms, end_utc_ms, paused_at_utc_ms, leader_bid_id,"
                       " winner_bid_id, winner_declared, thread_id, settlement_note)"
                       " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"),
    };
    for (int i = 0; i < StatementCount; ++i) {
        QSqlQuery& q = statements->queries[std::size_t(i)];
        q = QSqlQuery(db);
        q.setForwardOnly(true); // no result caching: a third of a bid's cost otherwise
        if (!q.prepare(sql[std::size_t(i)]))
            return fail(error, describe(QCoreApplication::translate("AuctionStore",
                                                                    "Cannot prepare a statement"),
                                        q.lastError()));
    }
    m_statements = std::move(statements);
    return true;
}

QSqlDatabase AuctionStore::connection() const
{
    SqlThreadGuard::check();
    return QSqlDatabase::database(m_connectionName, false);
}

QSqlQuery& AuctionStore::statement(int which) const
{
    SqlThreadGuard::check();
    return m_statements->queries[std::size_t(which)];
}

bool AuctionStore::begin(QString* error)
{
    QSqlDatabase db = connection();
    if (!db.transaction())
        return fail(error, describe(QCoreApplication::translate("AuctionStore",
                                                                "Cannot start a transaction"),
                                    db.lastError()));
    return true;
}

bool AuctionStore::commit(QString* error)
{
    QSqlDatabase db = connection();
    if (!db.commit())
        return fail(error, describe(QCoreApplication::translate("AuctionStore", "Cannot commit"),
                                    db.lastError()));
    return true;
}

void AuctionStore::rollback()
{
    QSqlDatabase db = connection();
    db.rollback();
}

std::optional<StoredMarathon> AuctionStore::loadMarathon(QString* error) const
{
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("SELECT config_json, state, created_utc_ms FROM marathon"))) {
        fail(error,
             describe(QCoreApplication::translate("AuctionStore", "Cannot read the marathon"),
                      q.lastError()));
        return std::nullopt;
    }
    if (!q.next()) {
        fail(error,
             stoppedEarly(q)
                 ? describe(QCoreApplication::translate("AuctionStore", "Cannot read the marathon"),
                            q.lastError())
                 : QString());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(q.value(0).toByteArray(), &parseError);
    QStringList problems;
    const auto config = MarathonConfig::fromJson(doc.object(), &problems);
    const auto state = marathonStateFromName(q.value(1).toString());
    if (!doc.isObject() || !config || !state) {
        fail(error,
             QCoreApplication::translate("AuctionStore", "The stored marathon is damaged: %1")
                 .arg(problems.isEmpty() ? parseError.errorString() : problems.join(u' ')));
        return std::nullopt;
    }
    return StoredMarathon{*config, *state, q.value(2).toLongLong()};
}

bool AuctionStore::saveMarathon(const StoredMarathon& marathon, QString* error)
{
    QSqlQuery q(connection());
    q.prepare(
        QStringLiteral("INSERT OR REPLACE INTO marathon(id, config_json, state, created_utc_ms)"
                       " VALUES (1, ?, ?, ?)"));
    q.addBindValue(
        QString::fromUtf8(QJsonDocument(marathon.config.toJson()).toJson(QJsonDocument::Compact)));
    q.addBindValue(marathonStateName(marathon.state));
    q.addBindValue(qint64(marathon.createdUtcMs));
    if (!q.exec())
        return fail(error, describe(QCoreApplication::translate("AuctionStore",
                                                                "Cannot store the marathon"),
                                    q.lastError()));
    return true;
}

bool AuctionStore::setMarathonState(MarathonState state, QString* error)
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("UPDATE marathon SET state=? WHERE id=1"));
    q.addBindValue(marathonStateName(state));
    if (!q.exec())
        return fail(error, describe(QCoreApplication::translate("AuctionStore",
                                                                "Cannot store the marathon state"),
                                    q.lastError()));
    return true;
}

QList<AuctionDay> AuctionStore::loadAuctions(QString* error) const
{
    QList<AuctionDay> auctions;
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral(
            "SELECT idx, day_number, lot, state, start_utc_ms, scheduled_end_utc_ms, end_utc_ms,"
            " paused_at_utc_ms, leader_bid_id, winner_bid_id, winner_declared, thread_id,"
            " settlement_note FROM auctions ORDER BY idx"))) {
        fail(error,
             describe(QCoreApplication::translate("AuctionStore", "Cannot read the auctions"),
                      q.lastError()));
        return auctions;
    }
    while (q.next()) {
        AuctionDay a;
        a.index = q.value(0).toInt();
        a.dayNumber = q.value(1).toInt();
        a.lot = q.value(2).toInt();
        a.state = dayStateFromName(q.value(3).toString()).value_or(DayState::Pending);
        a.startUtcMs = q.value(4).toLongLong();
        a.scheduledEndUtcMs = q.value(5).toLongLong();
        a.endUtcMs = q.value(6).toLongLong();
        a.pausedAtUtcMs = toOptionalInt(q.value(7));
        a.leaderBidId = toOptionalInt(q.value(8));
        a.winnerBidId = toOptionalInt(q.value(9));
        a.winnerDeclared = q.value(10).toBool();
        a.threadId = q.value(11).toString();
        a.settlementNote = q.value(12).toString();
        auctions.append(a);
    }
    if (stoppedEarly(q))
        fail(error,
             describe(QCoreApplication::translate("AuctionStore", "Cannot read the auctions"),
                      q.lastError()));
    return auctions;
}

bool AuctionStore::saveAuction(const AuctionDay& a, QString* error)
{
    QSqlQuery& q = statement(UpsertAuction);
    q.addBindValue(a.index);
    q.addBindValue(a.dayNumber);
    q.addBindValue(a.lot);
    q.addBindValue(dayStateName(a.state));
    q.addBindValue(qint64(a.startUtcMs));
    q.addBindValue(qint64(a.scheduledEndUtcMs));
    q.addBindValue(qint64(a.endUtcMs));
    q.addBindValue(optionalInt(a.pausedAtUtcMs));
    q.addBindValue(optionalInt(a.leaderBidId));
    q.addBindValue(optionalInt(a.winnerBidId));
    q.addBindValue(a.winnerDeclared ? 1 : 0);
    q.addBindValue(text(a.threadId));
    q.addBindValue(text(a.settlementNote));
    if (!q.exec())
        return fail(error,
                    describe(QCoreApplication::translate("AuctionStore", "Cannot store auction %1")
                                 .arg(a.index + 1),
                             q.lastError()));
    return true;
}

bool AuctionStore::insertBid(BidRecord& bid, QString* error)
{
    QSqlQuery& q = statement(InsertBid);
    q.addBindValue(bid.auctionIndex);
    q.addBindValue(text(bid.source));
    q.addBindValue(text(bid.sourceId));
    q.addBindValue(text(bid.bidderId));
    q.addBindValue(text(bid.bidderName));
    q.addBindValue(text(bid.text));
    q.addBindValue(qint64(bid.amount.gwei()));
    q.addBindValue(qint64(bid.sourceTimeMs));
    q.addBindValue(qint64(bid.receivedTimeMs));
    q.addBindValue(bidStatusName(bid.status));
    q.addBindValue(bid.rejection ? QVariant(rejectionCodeName(bid.rejection->code))
                                 : QVariant(QMetaType(QMetaType::QString)));
    q.addBindValue(bid.rejection ? QVariant(bid.rejection->message)
                                 : QVariant(QMetaType(QMetaType::QString)));
    q.addBindValue(text(bid.note));
    if (!q.exec())
        return fail(error, describe(QCoreApplication::translate("AuctionStore",
                                                                "Cannot store the bid from %1")
                                        .arg(bid.bidderName),
                                    q.lastError()));
    bid.id = q.lastInsertId().toLongLong();
    return true;
}

bool AuctionStore::updateBid(const BidRecord& bid, QString* error)
{
    QSqlQuery& q = statement(UpdateBid);
    q.addBindValue(bidStatusName(bid.status));
    q.addBindValue(bid.rejection ? QVariant(rejectionCodeName(bid.rejection->code))
                                 : QVariant(QMetaType(QMetaType::QString)));
    q.addBindValue(bid.rejection ? QVariant(bid.rejection->message)
                                 : QVariant(QMetaType(QMetaType::QString)));
    q.addBindValue(text(bid.note));
    q.addBindValue(qint64(bid.amount.gwei()));
    q.addBindValue(bid.auctionIndex);
    q.addBindValue(qint64(bid.id));
    if (!q.exec())
        return fail(
            error,
            describe(
                QCoreApplication::translate("AuctionStore", "Cannot update bid %1").arg(bid.id),
                q.lastError()));
    return true;
}

Result<std::optional<BidRecord>> AuctionStore::bid(std::int64_t id) const
{
    QSqlQuery& q = statement(SelectBid);
    q.addBindValue(qint64(id));
    if (!q.exec())
        return readError(QCoreApplication::translate("AuctionStore", "Cannot read bid %1").arg(id),
                         q);
    if (!q.next()) {
        if (stoppedEarly(q))
            return readError(
                QCoreApplication::translate("AuctionStore", "Cannot read bid %1").arg(id), q);
        return std::optional<BidRecord>();
    }
    BidRecord bid = readBid(q);
    q.finish();
    return std::optional<BidRecord>(std::move(bid));
}

Result<std::optional<BidRecord>> AuctionStore::bidBySource(const QString& source,
                                                           const QString& sourceId) const
{
    QSqlQuery& q = statement(SelectBidBySource);
    q.addBindValue(source);
    q.addBindValue(sourceId);
    const QString what = QCoreApplication::translate("AuctionStore", "Cannot read the bid %1/%2")
                             .arg(source, sourceId);
    if (!q.exec())
        return readError(what, q);
    if (!q.next()) {
        if (stoppedEarly(q))
            return readError(what, q);
        return std::optional<BidRecord>();
    }
    BidRecord bid = readBid(q);
    q.finish();
    return std::optional<BidRecord>(std::move(bid));
}

Result<QList<BidRecord>> AuctionStore::bids(std::optional<int> auctionIndex) const
{
    QList<BidRecord> result;
    QSqlQuery q(connection());
    q.setForwardOnly(true);
    if (auctionIndex) {
        q.prepare(QStringLiteral("SELECT ") + kBidColumns +
                  QStringLiteral(" FROM bids WHERE auction_idx=? ORDER BY id"));
        q.addBindValue(*auctionIndex);
    } else {
        q.prepare(QStringLiteral("SELECT ") + kBidColumns +
                  QStringLiteral(" FROM bids ORDER BY id"));
    }
    const QString what = QCoreApplication::translate("AuctionStore", "Cannot read the bids");
    if (!q.exec())
        return readError(what, q);
    while (q.next())
        result.append(readBid(q));
    if (stoppedEarly(q))
        return readError(what, q);
    return result;
}

Result<QList<BidRecord>> AuctionStore::latestBids(int auctionIndex, int limit) const
{
    QList<BidRecord> result;
    QSqlQuery q(connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kBidColumns +
              QStringLiteral(" FROM bids WHERE auction_idx=? ORDER BY id DESC LIMIT ?"));
    q.addBindValue(auctionIndex);
    q.addBindValue(limit);
    const QString what = QCoreApplication::translate("AuctionStore", "Cannot read the bids");
    if (!q.exec())
        return readError(what, q);
    while (q.next())
        result.prepend(readBid(q));
    if (stoppedEarly(q))
        return readError(what, q);
    return result;
}

std::size_t AuctionStore::bidKeyHash(const QString& source, const QString& sourceId)
{
    return qHashMulti(0, source, sourceId);
}

Result<QSet<std::size_t>> AuctionStore::bidKeyHashes() const
{
    QSet<std::size_t> hashes;
    QSqlQuery q(connection());
    q.setForwardOnly(true);
    const QString what = QCoreApplication::translate("AuctionStore", "Cannot read the bid keys");
    if (!q.exec(QStringLiteral("SELECT source, source_id FROM bids")))
        return readError(what, q);
    while (q.next())
        hashes.insert(bidKeyHash(q.value(0).toString(), q.value(1).toString()));
    if (stoppedEarly(q))
        return readError(what, q);
    return hashes;
}

Result<std::int64_t> AuctionStore::bidCount() const
{
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM bids")) || !q.next())
        return readError(QCoreApplication::translate("AuctionStore", "Cannot count the bids"), q);
    return std::int64_t(q.value(0).toLongLong());
}

bool AuctionStore::appendEvent(const AuctionEvent& event, QString* error)
{
    QSqlQuery& q = statement(InsertEvent);
    q.addBindValue(qint64(event.seq));
    q.addBindValue(qint64(event.timeUtcMs));
    q.addBindValue(event.type);
    q.addBindValue(event.day ? QVariant(*event.day) : QVariant(QMetaType(QMetaType::Int)));
    q.addBindValue(QString::fromUtf8(QJsonDocument(event.payload).toJson(QJsonDocument::Compact)));
    if (!q.exec())
        return fail(
            error,
            describe(
                QCoreApplication::translate("AuctionStore", "Cannot journal %1").arg(event.type),
                q.lastError()));
    return true;
}

Result<std::int64_t> AuctionStore::lastSeq() const
{
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM events")) || !q.next())
        return readError(
            QCoreApplication::translate("AuctionStore", "Cannot read the end of the journal"), q);
    return std::int64_t(q.value(0).toLongLong());
}

Result<QList<AuctionEvent>> AuctionStore::events(std::int64_t afterSeq, int limit) const
{
    QList<AuctionEvent> result;
    QSqlQuery q(connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT seq, time_utc_ms, type, day, payload FROM events"
                             " WHERE seq > ? ORDER BY seq LIMIT ?"));
    q.addBindValue(qint64(afterSeq));
    q.addBindValue(limit);
    const QString what =
        QCoreApplication::translate("AuctionStore", "Cannot read the journal after event %1")
            .arg(afterSeq);
    if (!q.exec())
        return readError(what, q);
    while (q.next()) {
        AuctionEvent e;
        e.seq = q.value(0).toLongLong();
        e.timeUtcMs = q.value(1).toLongLong();
        e.type = q.value(2).toString();
        if (!q.value(3).isNull())
            e.day = q.value(3).toInt();
        e.payload = QJsonDocument::fromJson(q.value(4).toByteArray()).object();
        result.append(e);
    }
    if (stoppedEarly(q))
        return readError(what, q);
    return result;
}

Result<QString> AuctionStore::meta(const QString& key) const
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key=?"));
    q.addBindValue(key);
    const QString what = QCoreApplication::translate("AuctionStore", "Cannot read %1").arg(key);
    if (!q.exec())
        return readError(what, q);
    if (!q.next()) {
        if (stoppedEarly(q))
            return readError(what, q);
        return QString();
    }
    return q.value(0).toString();
}

bool AuctionStore::setMeta(const QString& key, const QString& value, QString* error)
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES (?,?)"));
    q.addBindValue(key);
    q.addBindValue(text(value));
    if (!q.exec())
        return fail(
            error, describe(QCoreApplication::translate("AuctionStore", "Cannot store %1").arg(key),
                            q.lastError()));
    return true;
}

bool AuctionStore::snapshotTo(const QString& file, QString* error)
{
    if (QFileInfo::exists(file))
        return fail(
            error,
            QCoreApplication::translate("AuctionStore", "Backup file %1 already exists").arg(file));
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("VACUUM INTO ?"));
    q.addBindValue(file);
    if (!q.exec())
        return fail(
            error,
            describe(
                QCoreApplication::translate("AuctionStore", "Cannot write backup %1").arg(file),
                q.lastError()));
    return true;
}

bool AuctionStore::integrityCheck(QString* error) const
{
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("PRAGMA integrity_check")) || !q.next())
        return fail(error,
                    describe(QCoreApplication::translate("AuctionStore", "Cannot check integrity"),
                             q.lastError()));
    const QString verdict = q.value(0).toString();
    if (verdict != QLatin1String("ok"))
        return fail(
            error,
            QCoreApplication::translate("AuctionStore", "Integrity check failed: %1").arg(verdict));
    return true;
}

bool AuctionStore::setMaxPageCount(int pages, QString* error)
{
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("PRAGMA max_page_count=%1").arg(pages)))
        return fail(error, describe(QCoreApplication::translate("AuctionStore",
                                                                "Cannot limit the database size"),
                                    q.lastError()));
    return true;
}

} // namespace sb::auction
