#pragma once
// The chain side of settlement (auction/Settlement.h): reads from the engine what each won
// auction needs on Shape, signs it with the operator's key, has the engine store the signed
// transaction BEFORE it is broadcast, broadcasts and watches it, and reports each level back
// (sent, included, safe, finalized, reverted, dropped). It follows the contract's Claimed logs from
// a durable cursor, reports each claim, and confirms the mint once the claim's block is safe (or
// N blocks deep on a node without a safe tag) and ownerOf(token) is the buyer on chain; a claim
// whose block leaves the chain is reported back.
//
// It lives on the thread that made it (the window's or headless's main thread), with its own
// ShapeRpc on the given HttpClient, and talks to the engine only through EngineThread::post: it
// never blocks and never touches SQLite. Everything it knows is in the database, so a restart
// (or a crash at any point) goes on from there: stored transactions are broadcast again from their
// raw bytes and watched, never signed again; a step is signed anew only when the engine says it
// has no transaction that can still be mined.
//
// What goes wrong shows in two places: a problem of one settlement (insufficient funds, a revert,
// a refusal of the contract) fails that settlement with a sentence (the engine's Failed stage,
// the operator retries or skips); a problem of the driver as a whole (a wrong chain, an RPC that
// cannot be reached or answers garbage) is its status(), and nothing in the database changes
// until the chain answers again.

#include "Address.h"
#include "FeePlan.h"
#include "Secp256k1Key.h"
#include "Settlement.h"
#include "U256.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

namespace sb::auction {
class EngineThread;
}

namespace sb::integrations {
class HttpClient;
}

namespace sb::integrations::shape {

class AuctionHouse;
class ShapeRpc;
class TransactionSender;
struct SendOutcome;
struct WatchUpdate;

struct SettlementDriverOptions
{
    QString rpcUrl;
    std::uint64_t chainId = 0;  // the chain the studio is set up for; another one is refused
    Address contract;           // the auction house
    FeeCaps caps;               // the operator's caps (maxFeePerGas above all)
    int pollIntervalMs = 2'000; // Shape's block time
    int rpcTimeoutMs = 15'000;
    // When a mint counts as confirmed: the node's "safe" block reached the claim (derived from
    // L1 on Shape), or, on a node that has no safe tag, this many blocks on top of it.
    int confirmationBlocks = 10;
    bool confirmAtSafe = true; // false: always count confirmationBlocks (a dev chain)
    // A transaction still not mined after this many polls is replaced by the same nonce with
    // fees raised by at least 10 %.
    int stuckPolls = 30;
    // Where the scan for Claimed logs starts when the database has no cursor yet (the
    // contract's deployment block).
    std::uint64_t firstBlock = 0;
    // A pass reads the Claimed logs of at most this many blocks and moves the cursor past them:
    // a long way behind (a first scan from an early block, a studio off for days) is covered
    // over several passes, and a request that fails loses only its own pass's range.
    std::uint64_t claimScanBlocksPerPass = 20'000;
    // For crash tests only: called at the named points of a transaction of auction
    // `auctionIndex` ("stored": the signed transaction is durable and not broadcast yet;
    // "broadcast": the node took it, no receipt yet). Every transaction passes them, old ones
    // sent again at a start included: a test names the auction it means.
    std::function<void(const char* point, int auctionIndex)> testHook;
};

class SettlementDriver : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Stopped,
        Connecting,  // checking the node's chain id
        Running,     // working, or waiting for the next poll
        WrongChain,  // the RPC serves another chain: nothing is signed or sent
        Unreachable, // the RPC cannot be reached or answers garbage: retried every poll
    };

    struct Status
    {
        State state = State::Stopped;
        QString message;                   // the last problem in words ("" when none)
        Address operatorAddress;           // the key's address (never the key)
        std::optional<U256> balanceWei;    // the operator's balance, as last read
        std::optional<std::uint64_t> head; // the latest block seen
        int watching = 0;                  // transactions followed now
        std::uint64_t claimsCursor = 0;    // the last block scanned for claims
    };

    // The database key of the claims cursor (in the marathon's meta).
    static constexpr QLatin1StringView kClaimsCursorKey{"shape.claims_cursor"};

    // `engine` and `http` must outlive this object; `key` is the operator's, moved in and wiped
    // with the driver.
    SettlementDriver(sb::auction::EngineThread& engine, HttpClient& http, Secp256k1Key key,
                     SettlementDriverOptions options, QObject* parent = nullptr);
    ~SettlementDriver() override;

    void start();
    // Answers on their way are dropped; stored transactions stay as they are and go on at the
    // next start.
    void stop();
    bool isRunning() const { return m_timer.isActive(); }
    const Status& status() const { return m_status; }
    const SettlementDriverOptions& options() const { return m_options; }

    static QString stateName(State state); // "stopped", "connecting", ...

signals:
    void statusChanged();
    // A problem worth a line in the log or the dock, said once until it changes.
    void problem(const QString& message);

private:
    struct Snapshot;
    void tick();
    // The settlements and the claims cursor read on the engine thread, then pass() at `head`.
    void readSettlements(std::uint64_t head);
    void pass(std::shared_ptr<Snapshot> snapshot);
    void finishPass();
    void setState(State state, const QString& message);
    void reportProblem(const QString& message);

    // Stored transactions.
    void resume(const sb::auction::ChainTransaction& tx, const sb::auction::Settlement* settlement,
                std::function<void()> next);
    void watch(const sb::auction::ChainTransaction& tx);
    void onWatch(std::int64_t txId, const WatchUpdate& update);
    void bump(const sb::auction::ChainTransaction& tx, std::function<void()> next);
    void update(sb::auction::ChainTransaction tx);
    void explainRevert(sb::auction::ChainTransaction tx);

    // New steps.
    void startStep(const sb::auction::Settlement& settlement, std::function<void()> next);
    void signAndSend(const sb::auction::Settlement& settlement, const QString& step,
                     const QByteArray& data, std::function<void()> next);
    void storeAndBroadcast(sb::auction::ChainTransaction tx, std::function<void()> next);
    void fail(int auctionIndex, const QString& why);

    // Claims.
    void scanClaims(std::shared_ptr<Snapshot> snapshot, std::function<void()> next);
    void checkPaid(const sb::auction::Settlement& settlement, std::function<void()> next);

    sb::auction::EngineThread& m_engine;
    SettlementDriverOptions m_options;
    Secp256k1Key m_key;
    std::unique_ptr<ShapeRpc> m_rpc;
    std::unique_ptr<TransactionSender> m_sender;
    std::unique_ptr<AuctionHouse> m_house;
    QTimer m_timer;
    bool m_busy = false;
    bool m_chainChecked = false;
    int m_generation = 0; // bumped by stop(): answers of an older run are dropped
    Status m_status;
    std::optional<std::uint64_t> m_savedCursor; // the claims cursor as last saved by this run
    // A claim taken for reorganised away: the next scan starts at its block, so that a claim the
    // node only failed to show once (a node behind its peers) is found again where it is.
    std::optional<std::uint64_t> m_rescanFrom;
    // The highest head this run believed. A head more than kHeadJumpToConfirm past it (or the
    // first of a run) is believed only once the node gives that block by number.
    static constexpr std::uint64_t kHeadJumpToConfirm = 64;
    std::optional<std::uint64_t> m_trustedHead;
    // When each problem was last said (steady clock, ms): one is said again only after a
    // minute, however many others come between (several settlements waiting take turns).
    QHash<QString, std::int64_t> m_problemsSaid;
    // Per stored transaction (by id): the watch's current level and how many polls it has
    // waited unmined since it was (re)broadcast.
    struct Watched
    {
        QByteArray hash;
        int sentPolls = 0;
        bool mined = false;
    };
    QHash<std::int64_t, Watched> m_watched;
    QHash<std::int64_t, sb::auction::ChainTransaction> m_stored; // the last state reported
    QHash<std::int64_t, int> m_refusedSends; // stored transactions the node keeps refusing
};

} // namespace sb::integrations::shape
