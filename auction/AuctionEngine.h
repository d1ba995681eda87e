#pragma once
// The marathon's state machine and the one path every bid takes: parse, check eligibility, judge
// against the rules, commit, then publish. Single writer: use it from one thread. Each call that
// changes something is one SQLite transaction; events are emitted only after it committed.

#include "AuctionEvent.h"
#include "AuctionStore.h"
#include "AuctionTypes.h"
#include "BidRules.h"
#include "Clock.h"
#include "MarathonConfig.h"
#include "Settlement.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

#include <functional>
#include <optional>

namespace sb::auction {

struct [[nodiscard]] ActionResult
{
    bool ok = false;
    QString error; // a sentence for the operator when !ok
    static ActionResult success() { return {true, {}}; }
    static ActionResult failure(const QString& error) { return {false, error}; }
};

class AuctionEngine : public QObject
{
    Q_OBJECT

public:
    AuctionEngine(AuctionStore& store, const Clock& clock, QObject* parent = nullptr);

    // A new marathon in an empty store. Validates the config; schedules every auction.
    ActionResult createMarathon(const MarathonConfig& config);
    // Loads the stored marathon and catches up with the clock: windows that passed while the app
    // was down are opened and closed with the bids they had, in order, flagged catch_up.
    ActionResult load();
    bool hasMarathon() const { return m_loaded; }

    // Applies every transition due at the clock's now. Cheap when nothing is due.
    ActionResult tick();

    // Bid sources that read posts with a delay (X search) must have seen every post up to an
    // auction's end before its winner is declared: the engine waits for each required source's
    // watermark ("seen every post created up to T") to pass the end, at most maxWinnerWaitMs
    // after the grace; then it declares anyway and the journal names the sources it gave up on.
    // Kept in memory: a restarted intake registers again.
    void requireSource(const QString& source);
    void releaseSource(const QString& source);
    void setWatermark(const QString& source, std::int64_t seenUpToMs); // never moves back
    void setMaxWinnerWaitMs(std::int64_t ms) { m_maxWinnerWaitMs = std::max<std::int64_t>(0, ms); }
    static constexpr std::int64_t kDefaultMaxWinnerWaitMs = 120'000;

    // A bidder links a wallet ("wallet 0x…" in a post): kept and journaled (wallet.linked), the
    // latest link wins, and the bidder's bids count as having a linked wallet from then on.
    // `address` must be checksummed already (WalletAddress). The same post twice changes nothing.
    ActionResult linkWallet(const WalletLink& link);
    std::optional<WalletLink> walletOf(const QString& bidderId) const;
    const QHash<QString, WalletLink>& wallets() const { return m_wallets; }

    BidOutcome submitBid(const BidInput& bid);
    // Group commit: all bids judged in order, committed in one transaction, then published.
    QList<BidOutcome> submitBids(const QList<BidInput>& bids);

    // Operator actions; each is audited as operator.action in the same transaction.
    ActionResult pause(int auctionIndex, const QString& actor);
    ActionResult resume(int auctionIndex, const QString& actor);
    ActionResult extend(int auctionIndex, std::int64_t byMs, const QString& actor);
    ActionResult closeNow(int auctionIndex, const QString& actor);
    ActionResult cancel(int auctionIndex, const QString& reason, const QString& actor);
    ActionResult invalidateBid(std::int64_t bidId, const QString& reason, const QString& actor);
    ActionResult approveBid(std::int64_t bidId, const QString& actor);
    ActionResult rejectBid(std::int64_t bidId, const QString& reason, const QString& actor);
    ActionResult markSettled(int auctionIndex, const QString& note, const QString& actor);
    ActionResult setThreadId(int auctionIndex, const QString& threadId, const QString& actor);

    // The outbox (Outbox.h; EngineOutbox.cpp). While posting is on (kept in the database), the
    // events that call for a post on X queue it in the transaction that journals them.
    ActionResult setPosting(bool on);
    bool posting() const { return m_posting; }
    // Posts no single event causes (the last minutes, a summary, the open post of an auction
    // already running when posting was turned on). A key already queued is kept as it was.
    ActionResult queuePost(OutboxItem item, bool* added = nullptr);
    // The sender's progress on one post. A sent "open" post becomes its auction's thread in the
    // same transaction (unless the operator set one meanwhile).
    ActionResult updatePost(const OutboxItem& item);
    // Folds the queued posts `ids` into `summary` (queued in the same transaction).
    ActionResult collapsePosts(const QList<std::int64_t>& ids, OutboxItem summary);
    // The operator's choices for a failed (or queued) post; both are in the audit journal.
    ActionResult retryPost(std::int64_t id, const QString& actor);
    ActionResult skipPost(std::int64_t id, const QString& actor);
    // X refused a reply to this author's posts: their verdicts go to the auction's thread.
    ActionResult restrictReplies(const QString& authorId);
    // A line the host spoke (host.line: its text, kind and priority), for the journal.
    ActionResult recordHostLine(const QJsonObject& line);
    // What every post about this auction may say: day, lot, title, artist, reserve, minimum,
    // end_time (local, in the marathon's zone), hashtag. Amounts as "0.525 ETH".
    QJsonObject postVars(const AuctionDay& auction) const;

    // Settlement on Shape (Settlement.h, which says what each call does; EngineSettlement.cpp).
    // Options are kept in meta "shape.settlement"; turning them on starts settlements for the
    // winners declared from then on.
    ActionResult setSettlementOptions(const SettlementOptions& options);
    const SettlementOptions& settlementOptions() const { return m_settlementOptions; }
    Result<std::optional<Settlement>> settlement(int auctionIndex) const;
    Result<QList<Settlement>> settlements() const;
    Result<QList<ChainTransaction>> settlementTransactions(int auctionIndex) const;
    Result<QList<ChainTransaction>> unfinishedTransactions() const;
    ActionResult storeSettlementTransaction(ChainTransaction& tx);
    ActionResult updateSettlementTransaction(const ChainTransaction& tx);
    ActionResult recordClaim(const ClaimSeen& claim);
    ActionResult confirmMint(int auctionIndex);
    ActionResult claimReorged(int auctionIndex, const QString& why);
    ActionResult failSettlement(int auctionIndex, const QString& why);
    ActionResult setSettlementWallet(int auctionIndex, const QString& address,
                                     const QString& actor);
    ActionResult retrySettlement(int auctionIndex, const QString& actor);
    ActionResult skipSettlementBuyer(int auctionIndex, const QString& reason, const QString& actor);
    ActionResult cancelSettlement(int auctionIndex, const QString& reason, const QString& actor);
    // The same, as kept in memory (EngineView): no read of the database.
    const QHash<int, Settlement>& settlementRows() const { return m_settlements; }
    const QHash<int, QList<ChainTransaction>>& settlementTransactionRows() const
    {
        return m_settlementTxs;
    }

    const MarathonConfig& config() const { return m_config; }
    MarathonState marathonState() const { return m_marathonState; }
    const QList<AuctionDay>& auctions() const { return m_auctions; }
    // The auction taking bids now, else the next one to open, else the last one.
    std::optional<int> currentAuctionIndex() const;
    std::optional<BidRecord> leaderBid(int auctionIndex) const;
    Gwei minimumNextBid(int auctionIndex) const;
    std::int64_t lastSeq() const { return m_nextSeq - 1; }
    AuctionStore& store() { return m_store; }
    const Clock& clock() const { return m_clock; }

signals:
    // Committed events in seq order. Connect subscribers through EventDispatcher.
    void eventsCommitted(const QList<sb::auction::AuctionEvent>& events);

private:
    QString notLoadedReason() const;
    // A read failed: nothing more is decided until the state reads again (load()).
    ActionResult stopJudging(const QString& why);
    // The bid an operator acts on (nullopt when there is none); a failed read stops judging.
    ActionResult readBid(std::int64_t bidId, std::optional<BidRecord>* bid);
    ActionResult transaction(const std::function<bool(QString*)>& body);
    ActionResult operatorAction(const QString& action, const QString& actor, QJsonObject details,
                                const std::function<bool(QString*)>& body);
    bool reloadState(QString* error);
    bool advance(std::int64_t now, QString* error);
    bool journal(QLatin1StringView type, std::optional<int> day, QJsonObject payload,
                 QString* error);
    // What the event asks to be posted on X, queued in the current transaction.
    bool planPosts(const AuctionEvent& event, QString* error);
    bool planSettlementPosts(const AuctionEvent& event, OutboxItem item, QString* error);
    QString postTime(std::int64_t utcMs) const; // "2 Mar 13:00 UTC", in the marathon's zone
    bool queueInTransaction(OutboxItem& item, bool* added, QString* error);
    bool saveAuction(const AuctionDay& auction, QString* error);
    bool scheduleNext(int afterIndex, QString* error);
    bool declareWinner(AuctionDay& auction, const QStringList& sourcesBehind, QString* error);
    QStringList sourcesBehind(std::int64_t endUtcMs) const;
    bool winnerDue(const AuctionDay& auction, std::int64_t now) const;
    bool finishMarathonIfDone(QString* error);

    // Settlement (EngineSettlement.cpp): each runs inside the caller's transaction.
    bool loadSettlements(QString* error);
    bool settlementDue(std::int64_t now) const;
    bool advanceSettlements(std::int64_t now, QString* error);
    bool startSettlement(const AuctionDay& auction, const BidRecord& winner, QString* error);
    bool settlementWalletLinked(const WalletLink& link, QString* error);
    bool settleByHand(int auctionIndex, const QString& note, QString* error);
    // The buyer's bid was invalidated (the next buyer's turn), or with bid id 0 the day was
    // cancelled (the settlement stops: cancelled on chain if something was reserved).
    bool settlementInterrupted(int auctionIndex, std::int64_t invalidatedBidId,
                               const QString& reason, QString* error);
    bool nextBuyer(Settlement& s, const QString& reason, QString* error);
    bool stopSettlement(Settlement& s, const QString& reason, QString* error);
    bool completeUnsold(Settlement& s, const QString& reason, QString* error);
    bool saveSettlement(Settlement& s, QString* error);
    bool saveTransaction(const ChainTransaction& tx, bool added, QString* error);
    bool journalSettlement(QLatin1StringView type, const Settlement& s, QJsonObject extra,
                           QString* error);
    ActionResult settlementChange(int auctionIndex,
                                  const std::function<bool(Settlement&, QString*)>& body);
    ActionResult settlementOverride(const QString& action, int auctionIndex, const QString& actor,
                                    QJsonObject details,
                                    const std::function<bool(Settlement&, QString*)>& body);

    BidOutcome judge(const BidInput& input, QString* error);
    int targetAuction(const BidInput& input, std::int64_t effectiveMs) const;
    std::optional<BidRejection> checkWindow(const AuctionDay& auction, std::int64_t effectiveMs,
                                            std::int64_t receivedMs) const;
    bool acceptBid(AuctionDay& auction, BidRecord& bid, bool tookLeadByTie, std::int64_t now,
                   QString* error);
    bool recomputeLeader(AuctionDay& auction, QString* error);
    std::optional<LeaderView> leaderView(int auctionIndex) const;
    QJsonObject bidJson(const BidRecord& bid) const;
    QJsonObject leaderJson(const BidRecord& bid) const;
    QJsonObject auctionJson(const AuctionDay& auction) const;
    AuctionDay* auctionAt(int index);

    AuctionStore& m_store;
    const Clock& m_clock;
    bool m_loaded = false;
    QString m_stoppedReason; // why the state could not be read: nothing is judged until it can
    MarathonConfig m_config;
    MarathonState m_marathonState = MarathonState::Scheduled;
    QList<AuctionDay> m_auctions;
    QHash<int, BidRecord> m_leaders;  // auction index -> leading bid
    QHash<int, int> m_pendingReviews; // auction index -> bids waiting for the operator
    std::int64_t m_nextSeq = 1;
    std::int64_t m_sessionStartMs = 0; // transitions due before this happened while we were down
    std::int64_t m_manualIdCounter = 0;
    QList<AuctionEvent> m_uncommitted;
    QSet<std::size_t> m_knownBidKeys;          // AuctionStore::bidKeyHash of every stored bid
    QHash<QString, std::int64_t> m_watermarks; // required bid source -> seen every post up to
    bool m_posting = false;                    // meta "x.posting"
    QSet<QString> m_replyRestricted;           // authors whose posts X will not let us answer
    QHash<QString, WalletLink> m_wallets;      // bidder id -> the latest wallet linked
    std::int64_t m_maxWinnerWaitMs = kDefaultMaxWinnerWaitMs;
    SettlementOptions m_settlementOptions;               // meta "shape.settlement"
    QHash<int, Settlement> m_settlements;                // auction index -> its settlement
    QHash<int, QList<ChainTransaction>> m_settlementTxs; // auction index -> its transactions
};

} // namespace sb::auction
