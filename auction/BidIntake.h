#pragma once
// Thread-safe front door to the engine with group commit. Any thread may submit; the bids wait in
// a queue until the engine's thread drains it, and everything queued at that moment is judged and
// committed in one transaction. While one commit waits for the disk, the next batch gathers, so
// throughput grows with load instead of collapsing to one fsync per bid. Other work for the
// engine (an operator's action, a read for the window) queues in the same line, so it happens
// after every bid submitted before it and before every bid submitted after it.

#include "AuctionEngine.h"

#include <QMutex>
#include <QObject>

#include <algorithm>
#include <deque>
#include <functional>

namespace sb::auction {

class BidIntake : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const BidOutcome&)>;
    using Work = std::function<void()>;

    // Must be created in (or moved to) the engine's thread.
    explicit BidIntake(AuctionEngine& engine, QObject* parent = nullptr);

    // Any thread. `done` runs on the engine's thread once the bid is durable (or failed).
    void submit(BidInput bid, Callback done);
    // Any thread. `work` runs on the engine's thread, alone, in its place in the line.
    void post(Work work);
    // On the engine's thread only: queues the bids behind what is already waiting and drains the
    // queue now, returning their verdicts (the same batches and path as submit()).
    QList<BidOutcome> submitNow(const QList<BidInput>& bids);
    void setMaxBatch(int bids) { m_maxBatch = std::max(1, bids); } // at least one bid a batch

private:
    void drain();
    void enqueueLocked(BidInput bid, Callback done, Work work);

    struct Queued
    {
        BidInput bid;
        Callback done;
        Work work; // set: not a bid but work that runs alone
    };

    AuctionEngine& m_engine;
    QMutex m_mutex;
    std::deque<Queued> m_queue;
    bool m_drainScheduled = false;
    int m_maxBatch = 1024;
};

} // namespace sb::auction
