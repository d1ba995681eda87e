#include "SettlementDriver.h"
#include "SettlementDriverParts.h"

#include "AuctionHouse.h"
#include "EngineThread.h"
#include "Hex.h"
#include "ShapeRpc.h"
#include "TransactionSender.h"

#include <QDateTime>
#include <QJsonObject>
#include <QLoggingCategory>

#include <chrono>
#include <vector>

Q_LOGGING_CATEGORY(lcSettlementDriver, "sb.shape.settlement")

namespace sb::integrations::shape {

namespace {

using Task = std::function<void(std::function<void()> next)>;

// Runs `tasks` one after the other (each calls its `next` when it is done), then `done`.
void runInOrder(std::shared_ptr<std::vector<Task>> tasks, std::size_t index,
                std::function<void()> done)
{
    if (index >= tasks->size())
        return done();
    (*tasks)[index]([tasks, index, done] { runInOrder(tasks, index + 1, done); });
}

ChainTxState stateOf(Confirmation level)
{
    switch (level) {
    case Confirmation::Sent:
        return ChainTxState::Sent;
    case Confirmation::Included:
        return ChainTxState::Included;
    case Confirmation::Safe:
        return ChainTxState::Safe;
    case Confirmation::Finalized:
        return ChainTxState::Finalized;
    }
    return ChainTxState::Sent;
}

} // namespace

QString SettlementDriver::stateName(State state)
{
    switch (state) {
    case State::Stopped:
        return QStringLiteral("stopped");
    case State::Connecting:
        return QStringLiteral("connecting");
    case State::Running:
        return QStringLiteral("running");
    case State::WrongChain:
        return QStringLiteral("wrong_chain");
    case State::Unreachable:
        return QStringLiteral("unreachable");
    }
    return QString();
}

SettlementDriver::SettlementDriver(sb::auction::EngineThread& engine, HttpClient& http,
                                   Secp256k1Key key, SettlementDriverOptions options,
                                   QObject* parent)
    : QObject(parent), m_engine(engine), m_options(std::move(options)), m_key(std::move(key)),
      m_rpc(std::make_unique<ShapeRpc>(&http, m_options.rpcUrl)),
      m_sender(std::make_unique<TransactionSender>(*m_rpc)),
      m_house(std::make_unique<AuctionHouse>(*m_rpc, m_options.contract))
{
    m_rpc->setTimeoutMs(m_options.rpcTimeoutMs);
    m_sender->setPollIntervalMs(m_options.pollIntervalMs);
    m_status.operatorAddress = m_key.address();
    m_timer.setInterval(m_options.pollIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &SettlementDriver::tick);
}

SettlementDriver::~SettlementDriver()
{
    stop();
}

void SettlementDriver::start()
{
    if (m_timer.isActive())
        return;
    setState(State::Connecting, QString());
    m_timer.start();
    tick();
}

void SettlementDriver::stop()
{
    if (m_status.claimsCursor > m_savedCursor.value_or(0)) {
        // Where the scan got to, so the next start does not read those blocks again.
        const std::uint64_t cursor = m_status.claimsCursor;
        m_savedCursor = cursor;
        m_engine.post([cursor](MarathonSession& s) {
            QString error;
            if (!s.store().setMeta(QString(kClaimsCursorKey), QString::number(cursor), &error))
                qCWarning(lcSettlementDriver).noquote() << "Claims cursor not saved:" << error;
        });
    }
    ++m_generation;
    m_timer.stop();
    m_busy = false;
    m_chainChecked = false;
    m_trustedHead.reset();
    // Dropping the sender drops its watches; the next start watches the stored ones again.
    m_sender = std::make_unique<TransactionSender>(*m_rpc);
    m_sender->setPollIntervalMs(m_options.pollIntervalMs);
    m_watched.clear();
    m_stored.clear();
    if (m_status.state != State::Stopped)
        setState(State::Stopped, QString());
}

void SettlementDriver::setState(State state, const QString& message)
{
    if (m_status.state == state && m_status.message == message)
        return;
    m_status.state = state;
    m_status.message = message;
    if (!message.isEmpty())
        reportProblem(message);
    emit statusChanged();
}

void SettlementDriver::reportProblem(const QString& message)
{
    constexpr std::int64_t kSayAgainAfterMs = 60'000;
    const std::int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                                 std::chrono::steady_clock::now().time_since_epoch())
                                 .count();
    const auto said = m_problemsSaid.constFind(message);
    if (said != m_problemsSaid.cend() && now - *said < kSayAgainAfterMs)
        return;
    m_problemsSaid.removeIf([now](const auto& it) { return now - it.value() >= kSayAgainAfterMs; });
    m_problemsSaid.insert(message, now);
    qCWarning(lcSettlementDriver).noquote() << message;
    emit problem(message);
}

void SettlementDriver::tick()
{
    if (m_busy)
        return;
    m_busy = true;
    const int gen = m_generation;
    if (!m_chainChecked) {
        m_rpc->checkChain(m_options.chainId, [this, gen](const RpcResult<std::uint64_t>& chain) {
            if (gen != m_generation)
                return;
            if (!chain) {
                setState(chain.error().kind == RpcError::Kind::Refused ? State::WrongChain
                                                                       : State::Unreachable,
                         chain.error().sentence());
                m_busy = false;
                return;
            }
            m_chainChecked = true;
            m_busy = false;
            tick();
        });
        return;
    }
    m_rpc->blockByTag(
        QStringLiteral("latest"), [this, gen](const RpcResult<std::optional<BlockHeader>>& latest) {
            if (gen != m_generation)
                return;
            if (!latest || !*latest) {
                // When it answers again it may be another node (a restarted dev chain, a provider
                // that re-pointed the URL): its chain is checked again before anything it says is
                // trusted.
                m_chainChecked = false;
                setState(State::Unreachable,
                         latest ? QStringLiteral("Shape's RPC at %1 has no latest block.")
                                      .arg(ShapeRpc::displayUrl(m_options.rpcUrl))
                                : latest.error().sentence());
                m_busy = false;
                return;
            }
            const std::uint64_t head = (*latest)->number;
            if (m_trustedHead && head <= *m_trustedHead + kHeadJumpToConfirm) {
                readSettlements(head);
                return;
            }
            // A head far past the last one believed (or the first of a run) must be a block the
            // node has: a node that names one it does not have (a broken proxy, `0x7fff…`) would
            // move the claims cursor past the real chain, and a restart would then scan only the
            // blocks just behind the real head, missing the claims paid in between.
            m_rpc->blockByNumber(head, [this, gen,
                                        head](const RpcResult<std::optional<BlockHeader>>& block) {
                if (gen != m_generation)
                    return;
                if (!block || !*block || (*block)->number != head) {
                    m_chainChecked = false;
                    setState(State::Unreachable,
                             block ? QStringLiteral("Shape's RPC at %1 says its latest block is %2 "
                                                    "but has no block %2; nothing it says is used "
                                                    "until it does.")
                                         .arg(ShapeRpc::displayUrl(m_options.rpcUrl))
                                         .arg(head)
                                   : block.error().sentence());
                    m_busy = false;
                    return;
                }
                readSettlements(head);
            });
        });
}

void SettlementDriver::readSettlements(std::uint64_t head)
{
    const int gen = m_generation;
    m_status.head = head;
    m_trustedHead = std::max(m_trustedHead.value_or(0), head);
    m_rpc->balance(m_key.address(), [this, gen](const RpcResult<U256>& balance) {
        if (gen == m_generation && balance)
            m_status.balanceWei = *balance;
    });
    m_engine.post(
        [](MarathonSession& s) {
            auto snapshot = std::make_shared<Snapshot>();
            auto settlements = s.engine().settlements();
            auto unfinished = s.engine().unfinishedTransactions();
            const auto cursor = s.store().meta(QString(kClaimsCursorKey));
            if (!settlements || !unfinished || !cursor) {
                snapshot->error = !settlements  ? settlements.error()
                                  : !unfinished ? unfinished.error()
                                                : cursor.error();
                return snapshot;
            }
            snapshot->settlements = *settlements;
            snapshot->unfinished = *unfinished;
            bool ok = false;
            const qulonglong value = cursor->toULongLong(&ok);
            snapshot->hasCursor = ok;
            snapshot->cursor = ok ? value : 0;
            return snapshot;
        },
        this,
        [this, gen, head](std::shared_ptr<Snapshot> snapshot) {
            if (gen != m_generation)
                return;
            if (!snapshot->error.isEmpty()) {
                reportProblem(
                    QStringLiteral("Settlements could not be read: %1").arg(snapshot->error));
                m_busy = false;
                return;
            }
            snapshot->head = head;
            pass(snapshot);
        });
}

void SettlementDriver::pass(std::shared_ptr<Snapshot> snapshot)
{
    if (m_status.state != State::Running) {
        m_status.state = State::Running;
        m_status.message.clear();
        m_problemsSaid.clear();
        emit statusChanged();
    }
    auto tasks = std::make_shared<std::vector<Task>>();

    // 1. Every stored transaction that can still be mined: broadcast again and watched (once per
    //    run), or replaced with higher fees when it has waited too long.
    // (auction, step, turn) of every transaction that can still be mined: that step is under way.
    QSet<QString> underWay;
    const auto stepKey = [](int auctionIndex, const QString& step, int turn) {
        return QStringLiteral("%1/%2/%3").arg(auctionIndex).arg(step).arg(turn);
    };
    for (const ChainTransaction& tx : snapshot->unfinished) {
        underWay.insert(stepKey(tx.auctionIndex, tx.step, tx.turn));
        const Settlement* settlement = snapshot->settlement(tx.auctionIndex);
        const std::optional<Settlement> copy =
            settlement ? std::optional<Settlement>(*settlement) : std::nullopt;
        const auto watched = m_watched.find(tx.id);
        if (watched == m_watched.end()) {
            tasks->push_back([this, tx, copy](std::function<void()> next) {
                resume(tx, copy ? &*copy : nullptr, next);
            });
            continue;
        }
        if (!watched->mined && ++watched->sentPolls > m_options.stuckPolls && !tx.replacedBy &&
            !(copy && copy->stage == SettlementStage::Failed)) {
            watched->sentPolls = 0;
            tasks->push_back([this, tx](std::function<void()> next) { bump(tx, next); });
        }
    }

    // 2. Steps to sign: one at a time, so that each reads the nonce after the last one's send.
    for (const Settlement& settlement : snapshot->settlements) {
        const QString step = settlement.stage == SettlementStage::ToCancel
                                 ? QString(SettlementStep::Cancel)
                             : settlement.reservedOnChain ? QString(SettlementStep::Reassign)
                                                          : QString(SettlementStep::Reserve);
        if ((settlement.stage == SettlementStage::ToReserve ||
             settlement.stage == SettlementStage::ToCancel) &&
            !underWay.contains(stepKey(settlement.auctionIndex, step, settlement.turn)))
            tasks->push_back(
                [this, settlement](std::function<void()> next) { startStep(settlement, next); });
    }

    // 3. Claims in the contract's logs, then the mints to confirm.
    tasks->push_back([this, snapshot](std::function<void()> next) { scanClaims(snapshot, next); });
    for (const Settlement& settlement : snapshot->settlements) {
        if (settlement.stage == SettlementStage::Paid)
            tasks->push_back(
                [this, settlement](std::function<void()> next) { checkPaid(settlement, next); });
    }

    const int gen = m_generation;
    runInOrder(tasks, 0, [this, gen] {
        if (gen == m_generation)
            finishPass();
    });
}

void SettlementDriver::finishPass()
{
    m_busy = false;
    m_status.watching = m_sender->watchCount();
    emit statusChanged();
}

// ---- stored transactions ----

void SettlementDriver::resume(const ChainTransaction& tx, const Settlement* settlement,
                              std::function<void()> next)
{
    const int gen = m_generation;
    const auto decoded = decodeTransaction(tx.raw);
    if (!decoded || !decoded->eip1559) {
        reportProblem(QStringLiteral("Stored transaction %1 of auction %2 does not read: %3")
                          .arg(tx.id)
                          .arg(tx.auctionIndex + 1)
                          .arg(decoded ? decoded->note : decoded.error()));
        return next();
    }
    const SignedTransaction signedTx = *decoded->eip1559;
    if (chainTxIncluded(tx.state)) {
        // Already in a block: only watched (the watcher sends it again if a reorg drops it).
        watch(tx);
        return next();
    }
    if (settlement && settlement->stage == SettlementStage::Failed) {
        // Waits for the operator (funds, a refusal): sending it again would only fail again.
        return next();
    }
    m_sender->broadcast(
        signedTx, [this, gen, tx = ChainTransaction(tx), next](const SendOutcome& outcome) mutable {
            if (gen != m_generation)
                return;
            switch (outcome.status) {
            case SendOutcome::Status::Accepted:
            case SendOutcome::Status::AlreadyKnown:
            case SendOutcome::Status::Underpriced: // ours with the same nonce waits: watch both
                if (m_options.testHook)
                    m_options.testHook("broadcast", tx.auctionIndex);
                if (tx.state == ChainTxState::Signed) {
                    tx.state = ChainTxState::Sent;
                    tx.error.clear();
                    update(tx);
                }
                watch(tx);
                break;
            case SendOutcome::Status::NonceUsed:
                tx.state = ChainTxState::Dropped;
                tx.error = outcome.message;
                update(tx);
                break;
            case SendOutcome::Status::InsufficientFunds:
                tx.error = outcome.message;
                update(tx);
                fail(tx.auctionIndex, outcome.message);
                break;
            case SendOutcome::Status::Failed:
                reportProblem(outcome.message);
                if (outcome.error && outcome.error->kind == RpcError::Kind::JsonRpc) {
                    // The node refuses these bytes (fees below a base fee that rose since, ...):
                    // after as many refusals as a stuck transaction waits, replaced like one.
                    if (++m_refusedSends[tx.id] > m_options.stuckPolls && !tx.replacedBy) {
                        m_refusedSends.remove(tx.id);
                        return bump(tx, next);
                    }
                    if (tx.error != outcome.message) {
                        tx.error = outcome.message;
                        update(tx);
                    }
                }
                return next(); // counted on: not a success
            }
            m_refusedSends.remove(tx.id);
            next();
        });
}

void SettlementDriver::watch(const ChainTransaction& tx)
{
    if (m_watched.contains(tx.id))
        return;
    const auto decoded = decodeTransaction(tx.raw);
    if (!decoded || !decoded->eip1559)
        return;
    m_watched.insert(tx.id, Watched{tx.hash, 0, chainTxIncluded(tx.state)});
    m_stored.insert(tx.id, tx);
    const std::int64_t id = tx.id;
    const int gen = m_generation;
    m_sender->watch(*decoded->eip1559, [this, gen, id](const WatchUpdate& update) {
        if (gen == m_generation)
            onWatch(id, update);
    });
}

void SettlementDriver::onWatch(std::int64_t txId, const WatchUpdate& watchUpdate)
{
    const auto found = m_stored.find(txId);
    if (found == m_stored.end())
        return;
    ChainTransaction tx = *found;
    Watched& watched = m_watched[txId];
    watched.mined = watchUpdate.level != Confirmation::Sent;
    watched.sentPolls = 0;
    if (watchUpdate.level == Confirmation::Sent) {
        if (!chainTxIncluded(tx.state))
            return; // the first report of a transaction just sent: nothing new
        tx.state = ChainTxState::Sent;
        tx.blockNumber.reset();
        tx.blockHash.clear();
        tx.error = watchUpdate.note;
        return update(tx);
    }
    const Receipt& receipt = *watchUpdate.receipt;
    tx.blockNumber = receipt.blockNumber;
    tx.blockHash = receipt.blockHash;
    if (!receipt.succeeded) {
        tx.state = ChainTxState::Reverted;
        tx.error = QStringLiteral("Transaction %1 (%2 of auction %3) was included in block %4 but "
                                  "reverted: the contract refused it.")
                       .arg(toHex(tx.hash), tx.step)
                       .arg(tx.auctionIndex + 1)
                       .arg(receipt.blockNumber);
        m_sender->stopWatching(tx.hash);
        m_watched.remove(txId);
        m_stored.remove(txId);
        return explainRevert(tx);
    }
    tx.state = stateOf(watchUpdate.level);
    tx.error.clear();
    update(tx);
    if (watchUpdate.level == Confirmation::Finalized) {
        m_watched.remove(txId);
        m_stored.remove(txId);
    }
    // A fee bump pair: once one of them is in a block, the other can never be mined.
    const QList<std::int64_t> ids = m_stored.keys();
    for (const std::int64_t otherId : ids) {
        ChainTransaction other = m_stored.value(otherId);
        if (otherId == txId || other.auctionIndex != tx.auctionIndex || other.nonce != tx.nonce ||
            other.fromAddress != tx.fromAddress || chainTxIncluded(other.state))
            continue;
        m_sender->stopWatching(other.hash);
        m_watched.remove(otherId);
        m_stored.remove(otherId);
        other.state = other.replacedBy ? ChainTxState::Replaced : ChainTxState::Dropped;
        other.error = QStringLiteral("Transaction %1 with the same nonce was mined instead.")
                          .arg(toHex(tx.hash));
        update(other);
    }
}

void SettlementDriver::explainRevert(ChainTransaction tx)
{
    // The receipt says only "failed": the same call replayed on the state before its block gives
    // the contract's error, which is what the operator needs to read.
    const auto decoded = decodeTransaction(tx.raw);
    if (!decoded || !decoded->eip1559 || !tx.blockNumber || *tx.blockNumber == 0)
        return update(tx);
    const Eip1559Transaction& call = decoded->eip1559->transaction;
    QJsonObject request{{QStringLiteral("from"), toHex(decoded->eip1559->sender.bytes())},
                        {QStringLiteral("data"), toHex(call.data)}};
    if (call.to)
        request.insert(QStringLiteral("to"), toHex(call.to->bytes()));
    if (!call.value.isZero())
        request.insert(QStringLiteral("value"), call.value.toHex());
    const int gen = m_generation;
    m_rpc->call(QStringLiteral("eth_call"),
                {request, U256::fromUint64(*tx.blockNumber - 1).toHex()},
                [this, gen, tx](const RpcResult<QJsonValue>& replay) mutable {
                    if (gen != m_generation)
                        return;
                    if (!replay) {
                        if (const auto reason = AuctionHouse::decodeError(replay.error()))
                            tx.error += QStringLiteral(" ") + reason->sentence;
                    }
                    update(tx);
                });
}

void SettlementDriver::update(ChainTransaction tx)
{
    tx.updatedUtcMs = nowUtcMs();
    if (m_stored.contains(tx.id))
        m_stored.insert(tx.id, tx);
    qCInfo(lcSettlementDriver).noquote()
        << "Auction" << tx.auctionIndex + 1 << tx.step << shortHash(tx.hash) << "is"
        << sb::auction::chainTxStateName(tx.state) << tx.error;
    m_engine.post([tx](MarathonSession& s) { return s.engine().updateSettlementTransaction(tx); },
                  this,
                  [this](const ActionResult& result) {
                      if (!result.ok)
                          reportProblem(result.error);
                  });
}

void SettlementDriver::bump(const ChainTransaction& tx, std::function<void()> next)
{
    const int gen = m_generation;
    const auto decoded = decodeTransaction(tx.raw);
    if (!decoded || !decoded->eip1559)
        return next();
    const Eip1559Transaction old = decoded->eip1559->transaction;
    planFees(*m_rpc, m_options.caps, [this, gen, tx, old, next](const RpcResult<FeePlan>& market) {
        if (gen != m_generation)
            return;
        const auto raised = FeePlan{old.maxPriorityFeePerGas, old.maxFeePerGas}.bumped();
        if (!raised)
            return next();
        FeePlan fees = *raised;
        if (market) {
            fees.maxPriorityFeePerGas =
                std::max(fees.maxPriorityFeePerGas, market->maxPriorityFeePerGas);
            fees.maxFeePerGas = std::max(fees.maxFeePerGas, market->maxFeePerGas);
        }
        if (m_options.caps.maxFeePerGas && fees.maxFeePerGas > *m_options.caps.maxFeePerGas) {
            ChainTransaction stuck = tx;
            stuck.error = QStringLiteral("Transaction %1 has waited %2 polls unmined, and raising "
                                         "its fees by 10 % (max fee %3 gwei) would pass the fee "
                                         "cap: raise the cap or wait.")
                              .arg(toHex(tx.hash))
                              .arg(m_options.stuckPolls)
                              .arg(fees.maxFeePerGas.divMod(1'000'000'000).first.toDecimal());
            update(stuck);
            reportProblem(stuck.error);
            return next();
        }
        Eip1559Transaction replacement = old;
        replacement.maxPriorityFeePerGas = fees.maxPriorityFeePerGas;
        replacement.maxFeePerGas = fees.maxFeePerGas;
        const auto signedTx = replacement.sign(m_key);
        if (!signedTx) {
            reportProblem(signedTx.error());
            return next();
        }
        ChainTransaction bumped = tx;
        bumped.id = 0;
        bumped.raw = signedTx->raw();
        bumped.hash = signedTx->hash();
        bumped.state = ChainTxState::Signed;
        bumped.blockNumber.reset();
        bumped.blockHash.clear();
        bumped.replaces = tx.id;
        bumped.replacedBy.reset();
        bumped.error.clear();
        bumped.createdUtcMs = nowUtcMs();
        qCInfo(lcSettlementDriver).noquote()
            << "Auction" << tx.auctionIndex + 1 << tx.step << shortHash(tx.hash)
            << "is stuck: replaced by" << shortHash(bumped.hash) << "at"
            << fees.maxFeePerGas.toDecimal() << "wei max fee";
        storeAndBroadcast(bumped, next);
    });
}

} // namespace sb::integrations::shape
