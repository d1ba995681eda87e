#pragma once
// The marathon's durable memory: one SQLite file (WAL, synchronous=FULL) holding the config, the
// auctions, every bid, the event journal, subscriber cursors and dead letters. The engine is its
// single writer; each change is one transaction, committed before anyone hears about it.

#include "AuctionEvent.h"
#include "AuctionResult.h"
#include "AuctionTypes.h"
#include "MarathonConfig.h"
#include "MarathonLock.h"
#include "Outbox.h"
#include "SchemaMigrations.h"
#include "Settlement.h"

#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>

class QSqlQuery;

namespace sb::auction {

class WalCheckpointer;

struct StoredMarathon
{
    MarathonConfig config;
    MarathonState state = MarathonState::Scheduled;
    std::int64_t createdUtcMs = 0;
};

struct DeadLetter
{
    std::int64_t id = 0;
    QString subscriber;
    std::int64_t seq = 0;
    QString error;
    int attempts = 0;
    std::int64_t failedUtcMs = 0;
};

class AuctionStore
{
public:
    static constexpr int kSchemaVersion = SchemaMigrations::kCurrentVersion;

    AuctionStore();
    ~AuctionStore();
    AuctionStore(const AuctionStore&) = delete;
    AuctionStore& operator=(const AuctionStore&) = delete;

    // Opens the marathon for writing: takes its MarathonLock (refused while another process has
    // it), creates a new file or migrates an existing one, and checks it (quick_check). Refuses
    // a file written by a newer version, a damaged one, and an SQLite file that is not a marathon.
    [[nodiscard]] bool open(const QString& path, QString* error);
    // Opens an existing marathon database for reading only: no lock, no migration, nothing
    // written; safe beside a running marathon. Refuses a file that is not a marathon database.
    [[nodiscard]] bool openReadOnly(const QString& path, QString* error);
    void close();
    bool isOpen() const;
    bool isReadOnly() const { return m_readOnly; }
    QString path() const { return m_path; }
    int schemaVersion() const;

    bool begin(QString* error);
    bool commit(QString* error);
    void rollback();

    // No marathon yet is nullopt with an empty *error; a failed read, nullopt with the reason.
    [[nodiscard]] std::optional<StoredMarathon> loadMarathon(QString* error) const;
    bool saveMarathon(const StoredMarathon& marathon, QString* error);
    bool setMarathonState(MarathonState state, QString* error);

    [[nodiscard]] QList<AuctionDay> loadAuctions(QString* error) const; // *error set on failure
    bool saveAuction(const AuctionDay& auction, QString* error);

    bool insertBid(BidRecord& bid, QString* error); // sets bid.id
    bool updateBid(const BidRecord& bid, QString* error);
    // Reads fail with the reason (a damaged page, a vanished table) instead of coming back empty.
    Result<std::optional<BidRecord>> bid(std::int64_t id) const;
    Result<std::optional<BidRecord>> bidBySource(const QString& source,
                                                 const QString& sourceId) const;
    // All bids, or one auction's, oldest first.
    Result<QList<BidRecord>> bids(std::optional<int> auctionIndex = std::nullopt) const;
    // The auction's newest `limit` bids, oldest first (the bid feed: no read of them all).
    Result<QList<BidRecord>> latestBids(int auctionIndex, int limit) const;
    Result<std::int64_t> bidCount() const;
    // A cheap filter for repeats: a key not in bidKeyHashes() was never stored.
    static std::size_t bidKeyHash(const QString& source, const QString& sourceId);
    Result<QSet<std::size_t>> bidKeyHashes() const;

    bool appendEvent(const AuctionEvent& event, QString* error);
    Result<std::int64_t> lastSeq() const;
    Result<QList<AuctionEvent>> events(std::int64_t afterSeq, int limit) const;

    // The dispatcher's subscribers (AuctionStoreDelivery.cpp): how far each has read, and the
    // events it gave up on.
    Result<std::optional<std::int64_t>> subscriberCursor(const QString& name) const;
    bool setSubscriberCursor(const QString& name, std::int64_t seq, QString* error);
    bool addDeadLetter(const DeadLetter& letter, QString* error);
    bool removeDeadLetter(std::int64_t id, QString* error);
    bool updateDeadLetter(const DeadLetter& letter, QString* error);
    Result<QList<DeadLetter>> deadLetters() const;

    Result<QString> meta(const QString& key) const; // "" when the key was never set
    // Wallet links, by bidder id (AuctionStoreSettlement.cpp); saving one replaces the bidder's
    // earlier link.
    bool saveWalletLink(const WalletLink& link, QString* error);
    Result<QList<WalletLink>> walletLinks() const;
    bool setMeta(const QString& key, const QString& value, QString* error);

    // The outbox (Outbox.h; AuctionStoreOutbox.cpp). Adding a key that is already there keeps
    // the first row and says so with *added = false.
    bool addOutboxItem(OutboxItem& item, bool* added, QString* error); // sets item.id
    bool updateOutboxItem(const OutboxItem& item, QString* error);
    Result<std::optional<OutboxItem>> outboxItem(std::int64_t id) const;
    Result<std::optional<OutboxItem>> outboxItemByKey(const QString& key) const;
    // Rows in these states (all when empty), sooner first (priority, then id); at most `limit`.
    Result<QList<OutboxItem>> outboxItems(const QList<OutboxState>& states, int limit) const;
    // The newest `limit` rows whatever their state, newest first (the X dock's list).
    Result<QList<OutboxItem>> latestOutboxItems(int limit) const;
    // Whether a post with exactly this text was sent, or is being sent (X refuses a repeat).
    Result<bool> outboxTextUsed(const QString& text, std::int64_t exceptId) const;
    bool addReplyRestricted(const QString& authorId, std::int64_t sinceUtcMs, QString* error);
    Result<QSet<QString>> replyRestricted() const;

    // Settlements on Shape (Settlement.h; AuctionStoreSettlement.cpp). Saving a settlement
    // replaces the auction's row. Transactions are added once (sets tx.id) and then only their
    // chain state changes; which ones may coexist is the engine's rule.
    bool saveSettlement(const Settlement& settlement, QString* error);
    Result<QList<Settlement>> settlements() const; // by auction
    Result<std::optional<Settlement>> settlement(int auctionIndex) const;
    bool addChainTransaction(ChainTransaction& tx, QString* error);
    bool updateChainTransaction(const ChainTransaction& tx, QString* error);
    // All, or one auction's, in the order they were stored.
    Result<QList<ChainTransaction>>
    chainTransactions(std::optional<int> auctionIndex = std::nullopt) const;

    // A consistent copy of the live database (VACUUM INTO), safe while the engine runs.
    bool snapshotTo(const QString& file, QString* error);
    bool integrityCheck(QString* error) const;

    // Test hook: caps the file size so "disk full" can be exercised for real (SQLITE_FULL).
    bool setMaxPageCount(int pages, QString* error);

private:
    bool prepareStatements(QString* error);
    QSqlQuery& statement(int which) const;
    QSqlDatabase connection() const; // checks the thread (SqlThreadGuard)

    bool openConnection(const QString& path, bool readOnly, QString* error);

    QString m_path;
    QString m_connectionName;
    bool m_readOnly = false;
    MarathonLock m_lock;
    struct Statements;
    std::unique_ptr<Statements> m_statements;
    std::unique_ptr<WalCheckpointer> m_checkpointer;
};

} // namespace sb::auction
