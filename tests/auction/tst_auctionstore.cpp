// The SQLite store: a new file is durable (WAL, synchronous=FULL) at the current schema; an old
// file is migrated without losing bids; a file from a newer build or not a database at all is
// refused with a sentence the operator can act on; the journal, bids and meta round-trip; a full
// disk is an error, not a crash.

#include "AuctionStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace sb::auction;
using namespace Qt::StringLiterals;

namespace sb::auction::test {

namespace {

// A plain connection beside the store's, for looking at the file the way another process would.
class RawConnection
{
public:
    explicit RawConnection(const QString& path)
        : m_name(u"raw-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        m_open = db.open();
    }
    ~RawConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    bool isOpen() const { return m_open; }

    bool exec(const QString& sql, QString* error = nullptr) const
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        if (q.exec(sql))
            return true;
        if (error)
            *error = q.lastError().text();
        return false;
    }

    QVariant scalar(const QString& sql) const
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }

private:
    QString m_name;
    bool m_open = false;
};

// synchronous is a per-connection setting, so it has to be read on the store's own connection.
// The store names its connections "sb-store-<uuid>"; each test has exactly one store open.
QVariant storePragma(const QString& pragma)
{
    const QStringList names = QSqlDatabase::connectionNames();
    for (const QString& name : names) {
        if (!name.startsWith(u"sb-store-"_s))
            continue;
        QSqlQuery q(QSqlDatabase::database(name, false));
        if (!q.exec(u"PRAGMA "_s + pragma) || !q.next())
            return {};
        return q.value(0);
    }
    return {};
}

// Schema 1 exactly as the first release created it (kMigrations[0] in AuctionStore.cpp).
const QStringList kSchema1 = {
    u"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
    u"CREATE TABLE marathon(id INTEGER PRIMARY KEY CHECK (id = 1),"
    " config_json TEXT NOT NULL, state TEXT NOT NULL,"
    " created_utc_ms INTEGER NOT NULL)"_s,
    u"CREATE TABLE auctions(idx INTEGER PRIMARY KEY, day_number INTEGER NOT NULL,"
    " lot INTEGER NOT NULL, state TEXT NOT NULL,"
    " start_utc_ms INTEGER NOT NULL, scheduled_end_utc_ms INTEGER NOT NULL,"
    " end_utc_ms INTEGER NOT NULL, paused_at_utc_ms INTEGER,"
    " leader_bid_id INTEGER, winner_bid_id INTEGER,"
    " winner_declared INTEGER NOT NULL DEFAULT 0,"
    " thread_id TEXT NOT NULL DEFAULT '',"
    " settlement_note TEXT NOT NULL DEFAULT '')"_s,
    u"CREATE TABLE bids(id INTEGER PRIMARY KEY, auction_idx INTEGER NOT NULL,"
    " source TEXT NOT NULL, source_id TEXT NOT NULL, bidder_id TEXT NOT NULL,"
    " bidder_name TEXT NOT NULL, text TEXT NOT NULL,"
    " amount_gwei INTEGER NOT NULL, source_time_utc_ms INTEGER NOT NULL,"
    " received_utc_ms INTEGER NOT NULL, status TEXT NOT NULL,"
    " reason_code TEXT, reason TEXT, note TEXT NOT NULL DEFAULT '',"
    " UNIQUE(source, source_id))"_s,
    u"CREATE INDEX bids_by_auction ON bids(auction_idx)"_s,
    u"CREATE TABLE events(seq INTEGER PRIMARY KEY, time_utc_ms INTEGER NOT NULL,"
    " type TEXT NOT NULL, day INTEGER, payload TEXT NOT NULL)"_s,
};

BidRecord makeBid(const QString& sourceId, const QString& bidder, std::int64_t amountGwei)
{
    BidRecord bid;
    bid.auctionIndex = 0;
    bid.source = u"x"_s;
    bid.sourceId = sourceId;
    bid.bidderId = bidder + u"-id"_s;
    bid.bidderName = bidder;
    bid.text = u"bid %1 gwei"_s.arg(amountGwei);
    bid.amount = Gwei::fromGwei(amountGwei);
    bid.sourceTimeMs = 1'772'366'400'000;
    bid.receivedTimeMs = 1'772'366'401'500;
    bid.status = BidStatus::Accepted;
    return bid;
}

AuctionEvent makeEvent(std::int64_t seq, const QString& type, std::optional<int> day)
{
    AuctionEvent e;
    e.seq = seq;
    e.timeUtcMs = 1'772'366'400'000 + seq * 1000;
    e.type = type;
    e.day = day;
    e.payload = QJsonObject{{u"seq_twice"_s, qint64(seq * 2)},
                            {u"bidder"_s, u"alice"_s},
                            {u"nested"_s, QJsonObject{{u"amount_gwei"_s, qint64(50'000'000)}}}};
    return e;
}

} // namespace

class TestAuctionStore : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void newFileIsDurableAtCurrentSchema();
    void migratesSchema1AndKeepsBids();
    void refusesFileFromNewerVersion();
    void refusesFileThatIsNotADatabase();
    void refusesFolderThatDoesNotExist();
    void refusesSqliteFileThatIsNotAMarathon();
    void secondWriterIsRefusedReadersAreNot();
    void readOnlyOpenWritesNothing();
    void damagedFileIsRefusedAtOpen();

    void bidsRoundTrip();
    void sourceIdIsUniquePerSource();
    void eventsRoundTrip();
    void eventSeqIsUnique();
    void eventsPageInSeqOrder();
    void lastSeqOfEmptyJournalIsZero();
    void metaGetAndSet();
    void cursorsAndDeadLettersSurviveReopen();
    void fullDiskFailsTheInsertWithoutDamage();
    void migratesSchema4ToSettlements();
    void settlementsAndTransactionsRoundTrip();

private:
    QString dbPath() const { return m_dir->filePath(u"marathon.db"_s); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestAuctionStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestAuctionStore::newFileIsDurableAtCurrentSchema()
{
    AuctionStore store;
    QString error;
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
    QVERIFY(store.isOpen());
    QCOMPARE(store.schemaVersion(), AuctionStore::kSchemaVersion);
    // FULL (2): every acknowledged bid survives a power cut.
    QCOMPARE(storePragma(u"synchronous"_s).toInt(), 2);
    QCOMPARE(storePragma(u"journal_mode"_s).toString(), u"wal"_s);

    // WAL is a property of the file: another connection sees it too, and the log sits beside it.
    QVERIFY(QFile::exists(dbPath() + u"-wal"_s));
    RawConnection raw(dbPath());
    QVERIFY(raw.isOpen());
    QCOMPARE(raw.scalar(u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
    QCOMPARE(raw.scalar(u"PRAGMA user_version"_s).toInt(), AuctionStore::kSchemaVersion);
    for (const QString& table : {u"meta"_s, u"marathon"_s, u"auctions"_s, u"bids"_s, u"events"_s,
                                 u"subscriber_cursors"_s, u"dead_letters"_s}) {
        QVERIFY2(
            raw.scalar(u"SELECT COUNT(*) FROM sqlite_master WHERE type='table' AND name='%1'"_s.arg(
                           table))
                    .toInt() == 1,
            qPrintable(table));
    }
}

void TestAuctionStore::migratesSchema1AndKeepsBids()
{
    {
        RawConnection raw(dbPath());
        QVERIFY(raw.isOpen());
        QString error;
        for (const QString& sql : kSchema1)
            QVERIFY2(raw.exec(sql, &error), qPrintable(error));
        QVERIFY2(
            raw.exec(u"INSERT INTO bids(auction_idx, source, source_id, bidder_id, bidder_name,"
                     " text, amount_gwei, source_time_utc_ms, received_utc_ms, status,"
                     " reason_code, reason, note) VALUES (0, 'x', '1790000000000000001',"
                     " 'u42', 'alice', '0.05 ETH #SothebAIs', 50000000, 1772366400000,"
                     " 1772366401000, 'accepted', NULL, NULL, '')"_s,
                     &error),
            qPrintable(error));
        QVERIFY2(raw.exec(u"INSERT INTO events(seq, time_utc_ms, type, day, payload)"
                          " VALUES (1, 1772366400000, 'bid.accepted', 1, '{\"bid_id\":1}')"_s,
                          &error),
                 qPrintable(error));
        QVERIFY2(raw.exec(u"PRAGMA user_version=1"_s, &error), qPrintable(error));
    }

    AuctionStore store;
    QString error;
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
    QCOMPARE(store.schemaVersion(), AuctionStore::kSchemaVersion);

    QCOMPARE(store.bidCount().value(), 1);
    const auto bid = store.bidBySource(u"x"_s, u"1790000000000000001"_s).value();
    QVERIFY(bid);
    QCOMPARE(bid->id, 1);
    QCOMPARE(bid->bidderName, u"alice"_s);
    QCOMPARE(bid->amount, Gwei::fromGwei(50'000'000));
    QCOMPARE(bid->status, BidStatus::Accepted);
    QCOMPARE(store.lastSeq().value(), 1);
    QCOMPARE(store.events(0, 10).value().constFirst().payload.value(u"bid_id"_s).toInt(), 1);

    // The tables schema 2 added work.
    QVERIFY2(store.setSubscriberCursor(u"overlay"_s, 1, &error), qPrintable(error));
    QCOMPARE(store.subscriberCursor(u"overlay"_s).value(), std::optional<std::int64_t>(1));
    QVERIFY2(store.addDeadLetter({0, u"x-replies"_s, 1, u"HTTP 503"_s, 4, 1}, &error),
             qPrintable(error));
    QCOMPARE(store.deadLetters().value().size(), 1);

    // Migrating again is a no-op.
    store.close();
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
    QCOMPARE(store.schemaVersion(), AuctionStore::kSchemaVersion);
    QCOMPARE(store.bidCount().value(), 1);
    QCOMPARE(store.deadLetters().value().size(), 1);
}

void TestAuctionStore::refusesFileFromNewerVersion()
{
    {
        RawConnection raw(dbPath());
        QVERIFY(raw.isOpen());
        QVERIFY(raw.exec(u"CREATE TABLE future(x INTEGER)"_s));
        QVERIFY(raw.exec(u"PRAGMA user_version=99"_s));
    }

    AuctionStore store;
    QString error;
    QVERIFY(!store.open(dbPath(), &error));
    QVERIFY(!store.isOpen());
    QVERIFY2(error.contains(u"newer"_s), qPrintable(error));
    QVERIFY2(error.contains(u"99"_s), qPrintable(error));
    QVERIFY2(error.contains(dbPath()), qPrintable(error));
    store.close();

    // Nothing was migrated into it.
    RawConnection raw(dbPath());
    QCOMPARE(raw.scalar(u"PRAGMA user_version"_s).toInt(), 99);
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM sqlite_master WHERE type='table'"_s).toInt(), 1);
}

void TestAuctionStore::refusesFileThatIsNotADatabase()
{
    QByteArray notes;
    for (int i = 0; i < 200; ++i)
        notes += "Day " + QByteArray::number(i) + ": remember to thank the bidders on stream.\n";
    {
        QFile file(dbPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(notes), notes.size());
    }

    AuctionStore store;
    QString error;
    QVERIFY(!store.open(dbPath(), &error));
    QVERIFY(!store.isOpen());
    QVERIFY2(error.contains(u"not a database"_s), qPrintable(error));
    QVERIFY2(error.contains(dbPath()), qPrintable(error));
    store.close();

    // The operator's file is left exactly as it was.
    QFile file(dbPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), notes);
}

void TestAuctionStore::refusesFolderThatDoesNotExist()
{
    const QString path = m_dir->filePath(u"no/such/folder/marathon.db"_s);
    AuctionStore store;
    QString error;
    QVERIFY(!store.open(path, &error));
    QVERIFY(!store.isOpen());
    QVERIFY2(error.contains(path), qPrintable(error));
}

void TestAuctionStore::refusesSqliteFileThatIsNotAMarathon()
{
    {
        RawConnection raw(dbPath());
        QVERIFY(raw.exec(u"CREATE TABLE recipes(name TEXT)"_s));
        QVERIFY(raw.exec(u"INSERT INTO recipes VALUES ('soup')"_s));
    }
    const QByteArray before = [&] {
        QFile f(dbPath());
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    for (const bool readOnly : {false, true}) {
        AuctionStore store;
        QString error;
        QVERIFY(!(readOnly ? store.openReadOnly(dbPath(), &error) : store.open(dbPath(), &error)));
        QVERIFY2(error.contains(u"not a SothebAIs Studio marathon database"_s), qPrintable(error));
    }
    // Someone else's SQLite file is never migrated into a marathon.
    QFile f(dbPath());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
    RawConnection raw(dbPath());
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM sqlite_master WHERE type='table'"_s).toInt(), 1);
    QCOMPARE(raw.scalar(u"PRAGMA user_version"_s).toInt(), 0);
}

void TestAuctionStore::secondWriterIsRefusedReadersAreNot()
{
    AuctionStore writer;
    QString error;
    QVERIFY2(writer.open(dbPath(), &error), qPrintable(error));
    BidRecord bid = makeBid(u"1"_s, u"alice"_s, 50'000'000);
    QVERIFY2(writer.insertBid(bid, &error), qPrintable(error));

    // Another writer (in this process or another: the lock is per open file) is refused and told
    // who holds the marathon.
    AuctionStore second;
    QVERIFY(!second.open(dbPath(), &error));
    QVERIFY(!second.isOpen());
    QVERIFY2(error.contains(u"in use by another process"_s), qPrintable(error));
    QVERIFY2(error.contains(u"process %1"_s.arg(QCoreApplication::applicationPid())),
             qPrintable(error));
    QVERIFY(MarathonLock::isHeld(dbPath()));

    // Nor through another name for the same file (a symlink, a relative spelling).
    const QString link = m_dir->filePath(u"other-name.db"_s);
    QVERIFY(QFile::link(dbPath(), link));
    AuctionStore viaLink;
    QVERIFY(!viaLink.open(link, &error));
    QVERIFY2(error.contains(u"in use by another process"_s), qPrintable(error));
    AuctionStore viaRelative;
    QVERIFY(!viaRelative.open(QDir::current().relativeFilePath(dbPath()), &error));
    QVERIFY2(error.contains(u"in use by another process"_s), qPrintable(error));

    // A reader is not: it sees what was committed.
    AuctionStore reader;
    QVERIFY2(reader.openReadOnly(dbPath(), &error), qPrintable(error));
    QVERIFY(reader.isReadOnly());
    QCOMPARE(reader.bidCount().value(), 1);

    // Released on close (and by the OS when a process dies): the next writer gets it.
    writer.close();
    QVERIFY(!MarathonLock::isHeld(dbPath()));
    QVERIFY2(second.open(dbPath(), &error), qPrintable(error));
    QCOMPARE(second.bidCount().value(), 1);
}

void TestAuctionStore::readOnlyOpenWritesNothing()
{
    {
        AuctionStore writer;
        QString error;
        QVERIFY2(writer.open(dbPath(), &error), qPrintable(error));
        BidRecord bid = makeBid(u"1"_s, u"alice"_s, 50'000'000);
        QVERIFY2(writer.insertBid(bid, &error), qPrintable(error));
    }
    QFile::remove(MarathonLock::lockPathFor(dbPath()));
    QFile file(dbPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = file.readAll();
    file.close();

    AuctionStore reader;
    QString error;
    QVERIFY2(reader.openReadOnly(dbPath(), &error), qPrintable(error));
    QCOMPARE(reader.bidCount().value(), 1);
    BidRecord another = makeBid(u"2"_s, u"bob"_s, 60'000'000);
    QVERIFY(!reader.insertBid(another, &error));
    reader.close();

    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
    QVERIFY(!QFile::exists(MarathonLock::lockPathFor(dbPath()))); // no lock taken either

    // An empty file, or none, is not a marathon to read.
    QVERIFY(!reader.openReadOnly(m_dir->filePath(u"none.db"_s), &error));
    QVERIFY2(error.contains(u"does not exist"_s), qPrintable(error));
    QFile empty(m_dir->filePath(u"empty.db"_s));
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();
    QVERIFY(!reader.openReadOnly(empty.fileName(), &error));
    QCOMPARE(QFileInfo(empty.fileName()).size(), 0);
}

void TestAuctionStore::damagedFileIsRefusedAtOpen()
{
    {
        AuctionStore writer;
        QString error;
        QVERIFY2(writer.open(dbPath(), &error), qPrintable(error));
        for (int i = 0; i < 400; ++i) {
            AuctionEvent event;
            event.seq = i + 1;
            event.timeUtcMs = 1'000 * i;
            event.type = u"bid.accepted"_s;
            event.payload.insert(u"text"_s, QString(300, u'x'));
            QVERIFY2(writer.appendEvent(event, &error), qPrintable(error));
        }
    }
    // Scribble over a page in the middle of the journal, as a failing disk would.
    QFile file(dbPath());
    QVERIFY(file.open(QIODevice::ReadWrite));
    const qint64 pages = file.size() / 4096;
    QVERIFY(pages > 10);
    QVERIFY(file.seek((pages / 2) * 4096));
    QCOMPARE(file.write(QByteArray(4096, '\xA5')), 4096);
    file.close();

    AuctionStore store;
    QString error;
    QVERIFY(!store.open(dbPath(), &error));
    QVERIFY2(error.contains(u"damaged"_s) || error.contains(u"malformed"_s), qPrintable(error));
    QVERIFY2(error.contains(dbPath()), qPrintable(error));
}

void TestAuctionStore::bidsRoundTrip()
{
    AuctionStore store;
    QString error;
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));

    BidRecord accepted = makeBid(u"101"_s, u"alice"_s, 50'000'000);
    QVERIFY2(store.insertBid(accepted, &error), qPrintable(error));
    QVERIFY(accepted.id > 0);

    BidRecord rejected = makeBid(u"102"_s, u"bob"_s, 1'000);
    rejected.auctionIndex = 1;
    rejected.status = BidStatus::Rejected;
    rejected.rejection = BidRejection{RejectionCode::BelowReserve, u"The reserve is 0.01 ETH."_s};
    QVERIFY2(store.insertBid(rejected, &error), qPrintable(error));
    QVERIFY(rejected.id > accepted.id);

    const auto readAccepted = store.bid(accepted.id).value();
    QVERIFY(readAccepted);
    QCOMPARE(readAccepted->sourceId, u"101"_s);
    QCOMPARE(readAccepted->bidderId, u"alice-id"_s);
    QCOMPARE(readAccepted->text, accepted.text);
    QCOMPARE(readAccepted->amount, accepted.amount);
    QCOMPARE(readAccepted->sourceTimeMs, accepted.sourceTimeMs);
    QCOMPARE(readAccepted->receivedTimeMs, accepted.receivedTimeMs);
    QCOMPARE(readAccepted->status, BidStatus::Accepted);
    QVERIFY(!readAccepted->rejection);

    const auto readRejected = store.bidBySource(u"x"_s, u"102"_s).value();
    QVERIFY(readRejected);
    QCOMPARE(readRejected->id, rejected.id);
    QCOMPARE(readRejected->status, BidStatus::Rejected);
    QCOMPARE(readRejected->rejection, rejected.rejection);

    // Invalidation by the operator is an update with a note.
    BidRecord invalidated = *readAccepted;
    invalidated.status = BidStatus::Invalidated;
    invalidated.note = u"wash trading"_s;
    QVERIFY2(store.updateBid(invalidated, &error), qPrintable(error));
    QCOMPARE(store.bid(accepted.id).value()->status, BidStatus::Invalidated);
    QCOMPARE(store.bid(accepted.id).value()->note, u"wash trading"_s);

    QCOMPARE(store.bids().value().size(), 2);
    QCOMPARE(store.bids(1).value().size(), 1);
    QCOMPARE(store.bids(1).value().constFirst().bidderName, u"bob"_s);
    QVERIFY(!store.bid(9999).value());
}

void TestAuctionStore::sourceIdIsUniquePerSource()
{
    AuctionStore store;
    QString error;
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));

    BidRecord first = makeBid(u"1790000000000000001"_s, u"alice"_s, 50'000'000);
    QVERIFY2(store.insertBid(first, &error), qPrintable(error));

    // The same post delivered twice (a poll overlap, a reconnect) cannot become a second bid.
    BidRecord repeat = makeBid(u"1790000000000000001"_s, u"mallory"_s, 90'000'000);
    error.clear();
    QVERIFY(!store.insertBid(repeat, &error));
    QVERIFY2(error.contains(u"UNIQUE"_s, Qt::CaseInsensitive), qPrintable(error));
    QCOMPARE(store.bidCount().value(), 1);
    QCOMPARE(store.bidBySource(u"x"_s, u"1790000000000000001"_s).value()->bidderName, u"alice"_s);

    // The same id from another channel is another post.
    BidRecord manual = makeBid(u"1790000000000000001"_s, u"carol"_s, 60'000'000);
    manual.source = u"manual"_s;
    QVERIFY2(store.insertBid(manual, &error), qPrintable(error));
    QCOMPARE(store.bidCount().value(), 2);

    // A failed insert does not poison the prepared statement for the next bid.
    BidRecord next = makeBid(u"1790000000000000002"_s, u"dave"_s, 70'000'000);
    QVERIFY2(store.insertBid(next, &error), qPrintable(error));
    QCOMPARE(store.bid(next.id).value()->bidderName, u"dave"_s);
}

void TestAuctionStore::eventsRoundTrip()
{
    AuctionStore store;
    QString error;
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));

    const QList<AuctionEvent> written = {
        makeEvent(1, u"marathon.started"_s, std::nullopt),
        makeEvent(2, u"day.opened"_s, 1),
        makeEvent(3, u"bid.accepted"_s, 30),
    };
    for (const AuctionEvent& e : written)
        QVERIFY2(store.appendEvent(e, &error), qPrintable(error));

    store.close();
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));

    const QList<AuctionEvent> read = store.events(0, 100).value();
    QCOMPARE(read.size(), written.size());
    for (int i = 0; i < written.size(); ++i) {
        QCOMPARE(read[i].seq, written[i].seq);
        QCOMPARE(read[i].timeUtcMs, written[i].timeUtcMs);
        QCOMPARE(read[i].type, written[i].type);
        QCOMPARE(read[i].day, written[i].day);
        QCOMPARE(read[i].payload, written[i].payload);
    }
    QVERIFY(!read[0].day.has_value());
    QCOMPARE(read[2].payload.value(u"nested"_s).toObject().value(u"amount_gwei"_s).toInteger(),
             50'000'000);
}

void TestAuctionStore::eventSeqIsUnique()
{
    AuctionStore store;
    QString error;
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
    QVERIFY2(store.appendEvent(makeEvent(1, u"day.opened"_s, 1), &error), qPrintable(error));

    error.clear();
    QVERIFY(!store.appendEvent(makeEvent(1, u"day.closing"_s, 1), &error));
    QVERIFY2(error.contains(u"day.closing"_s), qPrintable(error));
    const QList<AuctionEvent> read = store.events(0, 10).value();
    QCOMPARE(read.size(), 1);
    QCOMPARE(read.constFirst().type, u"day.opened"_s);
}

void TestAuctionStore::eventsPageInSeqOrder()
{
    AuctionStore store;
    QString error;
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
    // Written out of order on purpose: paging follows seq, not insertion.
    for (std::int64_t seq : {3, 1, 2, 4, 5, 7, 6, 8, 10, 9})
        QVERIFY2(store.appendEvent(makeEvent(seq, u"host.line"_s, 1), &error), qPrintable(error));
    QCOMPARE(store.lastSeq().value(), 10);

    const auto seqs = [](const QList<AuctionEvent>& events) {
        QList<std::int64_t> result;
        for (const AuctionEvent& e : events)
            result << e.seq;
        return result;
    };
    QCOMPARE(seqs(store.events(0, 4).value()), (QList<std::int64_t>{1, 2, 3, 4}));
    QCOMPARE(seqs(store.events(4, 4).value()), (QList<std::int64_t>{5, 6, 7, 8}));
    QCOMPARE(seqs(store.events(8, 4).value()), (QList<std::int64_t>{9, 10}));
    QVERIFY(store.events(10, 4).value().isEmpty());
    QCOMPARE(seqs(store.events(6, 1).value()), (QList<std::int64_t>{7}));

    // Reading every page in turn gives the whole journal once.
    QList<std::int64_t> all;
    std::int64_t after = 0;
    for (;;) {
        const QList<AuctionEvent> page = store.events(after, 3).value();
        if (page.isEmpty())
            break;
        all += seqs(page);
        after = page.constLast().seq;
    }
    QCOMPARE(all, (QList<std::int64_t>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
}

void TestAuctionStore::lastSeqOfEmptyJournalIsZero()
{
    AuctionStore store;
    QString error;
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
    QCOMPARE(store.lastSeq().value(), 0);
    QVERIFY(store.events(0, 10).value().isEmpty());
    QCOMPARE(store.bidCount().value(), 0);
}

void TestAuctionStore::metaGetAndSet()
{
    AuctionStore store;
    QString error;
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
    QVERIFY(store.meta(u"x.since_id"_s).value().isEmpty());

    QVERIFY2(store.setMeta(u"x.since_id"_s, u"1790000000000000001"_s, &error), qPrintable(error));
    QCOMPARE(store.meta(u"x.since_id"_s).value(), u"1790000000000000001"_s);
    QVERIFY2(store.setMeta(u"x.since_id"_s, u"1790000000000000042"_s, &error), qPrintable(error));
    QCOMPARE(store.meta(u"x.since_id"_s).value(), u"1790000000000000042"_s);
    QVERIFY2(store.setMeta(u"stream.title"_s, u"Día 1 — «Noun» ✓"_s, &error), qPrintable(error));
    QVERIFY2(store.setMeta(u"empty"_s, QString(), &error), qPrintable(error));

    store.close();
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
    QCOMPARE(store.meta(u"x.since_id"_s).value(), u"1790000000000000042"_s);
    QCOMPARE(store.meta(u"stream.title"_s).value(), u"Día 1 — «Noun» ✓"_s);
    QVERIFY(store.meta(u"empty"_s).value().isEmpty());
}

void TestAuctionStore::cursorsAndDeadLettersSurviveReopen()
{
    AuctionStore store;
    QString error;
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
    QVERIFY(!store.subscriberCursor(u"overlay"_s).value());
    QVERIFY2(store.setSubscriberCursor(u"overlay"_s, 41, &error), qPrintable(error));
    QVERIFY2(store.setSubscriberCursor(u"overlay"_s, 42, &error), qPrintable(error));
    QVERIFY2(store.addDeadLetter({0, u"x-replies"_s, 7, u"HTTP 429"_s, 4, 1000}, &error),
             qPrintable(error));

    store.close();
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
    QCOMPARE(store.subscriberCursor(u"overlay"_s).value(), std::optional<std::int64_t>(42));
    QList<DeadLetter> letters = store.deadLetters().value();
    QCOMPARE(letters.size(), 1);
    QCOMPARE(letters[0].subscriber, u"x-replies"_s);
    QCOMPARE(letters[0].seq, 7);
    QCOMPARE(letters[0].error, u"HTTP 429"_s);
    QCOMPARE(letters[0].attempts, 4);

    DeadLetter updated = letters[0];
    updated.error = u"HTTP 401"_s;
    updated.attempts = 5;
    updated.failedUtcMs = 2000;
    QVERIFY2(store.updateDeadLetter(updated, &error), qPrintable(error));
    letters = store.deadLetters().value();
    QCOMPARE(letters[0].error, u"HTTP 401"_s);
    QCOMPARE(letters[0].attempts, 5);
    QCOMPARE(letters[0].failedUtcMs, 2000);

    QVERIFY2(store.removeDeadLetter(updated.id, &error), qPrintable(error));
    QVERIFY(store.deadLetters().value().isEmpty());
}

void TestAuctionStore::fullDiskFailsTheInsertWithoutDamage()
{
    AuctionStore store;
    QString error;
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
    BidRecord before = makeBid(u"1"_s, u"alice"_s, 50'000'000);
    QVERIFY2(store.insertBid(before, &error), qPrintable(error));

    // A limit below the current size clamps to the current size: the file cannot grow at all.
    QVERIFY2(store.setMaxPageCount(1, &error), qPrintable(error));
    const QString longText = QString(u'x').repeated(4000);
    int stored = 0;
    bool failed = false;
    for (int i = 0; i < 100 && !failed; ++i) {
        BidRecord bid = makeBid(u"full-%1"_s.arg(i), u"bob"_s, 60'000'000 + i);
        bid.text = longText;
        error.clear();
        if (store.insertBid(bid, &error))
            ++stored;
        else
            failed = true;
    }
    QVERIFY2(failed, "the size limit never stopped an insert");
    QVERIFY2(error.contains(u"full"_s, Qt::CaseInsensitive), qPrintable(error));
    QVERIFY2(error.contains(u"bob"_s), qPrintable(error)); // says whose bid was not stored

    // Everything stored before is still there and the file is sound.
    QCOMPARE(store.bidCount().value(), 1 + stored);
    QCOMPARE(store.bid(before.id).value()->bidderName, u"alice"_s);
    QVERIFY2(store.integrityCheck(&error), qPrintable(error));

    // Once there is room again, the store carries on.
    QVERIFY2(store.setMaxPageCount(1'000'000, &error), qPrintable(error));
    BidRecord after = makeBid(u"after"_s, u"carol"_s, 70'000'000);
    after.text = longText;
    QVERIFY2(store.insertBid(after, &error), qPrintable(error));
    QCOMPARE(store.bidCount().value(), 2 + stored);
}

void TestAuctionStore::migratesSchema4ToSettlements()
{
    // A schema-4 file (the outbox release): made by this build, then taken back to 4 the way a
    // file of that release looks (no settlement tables, user_version 4), with a bid in it.
    {
        AuctionStore store;
        QString error;
        QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
        BidRecord bid = makeBid(u"1790000000000000001"_s, u"alice"_s, 50'000'000);
        QVERIFY2(store.insertBid(bid, &error), qPrintable(error));
        OutboxItem post;
        post.key = u"winner:0"_s;
        post.kind = u"winner"_s;
        bool added = false;
        QVERIFY2(store.addOutboxItem(post, &added, &error), qPrintable(error));
    }
    {
        RawConnection raw(dbPath());
        QVERIFY(raw.isOpen());
        QString error;
        QVERIFY2(raw.exec(u"DROP TABLE settlements"_s, &error), qPrintable(error));
        QVERIFY2(raw.exec(u"DROP TABLE chain_transactions"_s, &error), qPrintable(error));
        QVERIFY2(raw.exec(u"PRAGMA user_version=4"_s, &error), qPrintable(error));
    }

    AuctionStore store;
    QString error;
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
    QCOMPARE(store.schemaVersion(), 5);
    QCOMPARE(store.bidCount().value(), 1);
    QVERIFY(store.outboxItemByKey(u"winner:0"_s).value());
    QVERIFY(store.settlements().value().isEmpty());
    QVERIFY(store.chainTransactions().value().isEmpty());

    Settlement s;
    s.auctionIndex = 0;
    s.stage = SettlementStage::ToReserve;
    s.bidderId = u"alice-id"_s;
    QVERIFY2(store.saveSettlement(s, &error), qPrintable(error));
    QCOMPARE(store.settlement(0).value()->stage, SettlementStage::ToReserve);

    // A schema-5 file that lost one of its new tables is not a marathon.
    store.close();
    {
        RawConnection raw(dbPath());
        QVERIFY(raw.exec(u"DROP TABLE chain_transactions"_s));
    }
    QVERIFY(!store.open(dbPath(), &error));
}

void TestAuctionStore::settlementsAndTransactionsRoundTrip()
{
    AuctionStore store;
    QString error;
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
    QVERIFY(!store.settlement(3).value());

    Settlement s;
    s.auctionIndex = 3;
    s.stage = SettlementStage::Failed;
    s.resumeStage = SettlementStage::Reserving;
    s.turn = 2;
    s.bidId = 17;
    s.bidderId = u"u42"_s;
    s.bidderName = u"alice"_s;
    s.price = Gwei::fromGwei(525'000'000);
    s.buyerAddress = u"0x70997970C51812dc3A010C7d01b50e0d17dc79C8"_s;
    s.deadlineUtcMs = 1'772'452'800'000;
    s.tokenUri = u"ipfs://bafy/3.json"_s;
    s.triedBidders = {u"u7"_s, u"u9"_s, u"u42"_s};
    s.reservedOnChain = true;
    s.claimTxHash = QByteArray(32, '\xab');
    s.claimBlock = 1234;
    s.paidByAddress = s.buyerAddress;
    s.paidByBidderId = u"u42"_s;
    s.paidPrice = s.price;
    s.error = u"insufficient funds"_s;
    s.updatedUtcMs = 99;
    QVERIFY2(store.saveSettlement(s, &error), qPrintable(error));

    ChainTransaction tx;
    tx.auctionIndex = 3;
    tx.step = QString(SettlementStep::Reassign);
    tx.turn = 2;
    tx.chainId = 11011;
    tx.nonce = 7;
    tx.fromAddress = u"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"_s;
    tx.toAddress = u"0x5FbDB2315678afecb367f032d93F642f64180aa3"_s;
    tx.raw = QByteArray::fromHex("02f87082");
    tx.hash = QByteArray(32, '\x01');
    tx.createdUtcMs = 5;
    tx.updatedUtcMs = 5;
    QVERIFY2(store.addChainTransaction(tx, &error), qPrintable(error));
    QVERIFY(tx.id > 0);
    ChainTransaction bump = tx;
    bump.hash = QByteArray(32, '\x02');
    bump.replaces = tx.id;
    QVERIFY2(store.addChainTransaction(bump, &error), qPrintable(error));
    tx.state = ChainTxState::Replaced;
    tx.replacedBy = bump.id;
    tx.updatedUtcMs = 6;
    QVERIFY2(store.updateChainTransaction(tx, &error), qPrintable(error));
    bump.state = ChainTxState::Included;
    bump.blockNumber = 88;
    bump.blockHash = QByteArray(32, '\x0c');
    QVERIFY2(store.updateChainTransaction(bump, &error), qPrintable(error));

    store.close();
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
    const Settlement read = store.settlement(3).value().value();
    QCOMPARE(read.stage, SettlementStage::Failed);
    QCOMPARE(read.resumeStage, std::optional(SettlementStage::Reserving));
    QCOMPARE(read.turn, 2);
    QCOMPARE(read.bidId, 17);
    QCOMPARE(read.bidderName, u"alice"_s);
    QCOMPARE(read.price, Gwei::fromGwei(525'000'000));
    QCOMPARE(read.buyerAddress, s.buyerAddress);
    QCOMPARE(read.deadlineUtcMs, s.deadlineUtcMs);
    QCOMPARE(read.tokenUri, s.tokenUri);
    QCOMPARE(read.triedBidders, s.triedBidders);
    QVERIFY(read.reservedOnChain);
    QCOMPARE(read.claimTxHash, s.claimTxHash);
    QCOMPARE(read.claimBlock, std::optional<std::uint64_t>(1234));
    QCOMPARE(read.paidByBidderId, u"u42"_s);
    QCOMPARE(read.paidPrice, s.price);
    QCOMPARE(read.error, s.error);
    QCOMPARE(store.settlements().value().size(), 1);

    const QList<ChainTransaction> txs = store.chainTransactions(3).value();
    QCOMPARE(txs.size(), 2);
    QCOMPARE(txs[0].state, ChainTxState::Replaced);
    QCOMPARE(txs[0].replacedBy, std::optional<std::int64_t>(bump.id));
    QCOMPARE(txs[0].raw, tx.raw);
    QCOMPARE(txs[0].hash, tx.hash);
    QCOMPARE(txs[0].nonce, std::uint64_t(7));
    QCOMPARE(txs[0].chainId, std::uint64_t(11011));
    QCOMPARE(txs[0].step, u"reassign"_s);
    QCOMPARE(txs[0].toAddress, tx.toAddress);
    QCOMPARE(txs[1].state, ChainTxState::Included);
    QCOMPARE(txs[1].replaces, std::optional<std::int64_t>(tx.id));
    QCOMPARE(txs[1].blockNumber, std::optional<std::uint64_t>(88));
    QCOMPARE(txs[1].blockHash, bump.blockHash);
    QVERIFY(store.chainTransactions(4).value().isEmpty());
    QCOMPARE(store.chainTransactions().value().size(), 2);

    // Kept as hex text a person can read with the sqlite3 shell.
    store.close();
    RawConnection raw(dbPath());
    QCOMPARE(
        raw.scalar(u"SELECT raw_hex FROM chain_transactions WHERE id=%1"_s.arg(tx.id)).toString(),
        u"0x02f87082"_s);
}

} // namespace sb::auction::test

QTEST_GUILESS_MAIN(sb::auction::test::TestAuctionStore)
#include "tst_auctionstore.moc"
