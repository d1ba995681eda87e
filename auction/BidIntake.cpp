#include "BidIntake.h"

#include <QMetaObject>
#include <QMutexLocker>
#include <QThread>

#include <vector>

namespace sb::auction {

BidIntake::BidIntake(AuctionEngine& engine, QObject* parent) : QObject(parent), m_engine(engine) {}

void BidIntake::enqueueLocked(BidInput bid, Callback done, Work work)
{
    m_queue.push_back({std::move(bid), std::move(done), std::move(work)});
    if (!m_drainScheduled) {
        m_drainScheduled = true;
        QMetaObject::invokeMethod(this, &BidIntake::drain, Qt::QueuedConnection);
    }
}

void BidIntake::submit(BidInput bid, Callback done)
{
    QMutexLocker lock(&m_mutex);
    enqueueLocked(std::move(bid), std::move(done), {});
}

void BidIntake::post(Work work)
{
    QMutexLocker lock(&m_mutex);
    enqueueLocked({}, {}, std::move(work));
}

QList<BidOutcome> BidIntake::submitNow(const QList<BidInput>& bids)
{
    Q_ASSERT(thread() == QThread::currentThread());
    QList<BidOutcome> outcomes(bids.size());
    int pending = int(bids.size());
    {
        QMutexLocker lock(&m_mutex);
        for (qsizetype i = 0; i < bids.size(); ++i) {
            // A scheduled drain that finds the queue empty does nothing.
            enqueueLocked(bids[i],
                          [&outcomes, &pending, i](const BidOutcome& outcome) {
                              outcomes[i] = outcome;
                              --pending;
                          },
                          {});
        }
    }
    while (pending > 0)
        drain();
    return outcomes;
}

void BidIntake::drain()
{
    std::vector<Queued> batch;
    Work work;
    {
        QMutexLocker lock(&m_mutex);
        if (!m_queue.empty() && m_queue.front().work) {
            work = std::move(m_queue.front().work);
            m_queue.pop_front();
        } else {
            // The bids up to the next work item (or the batch limit) go in one transaction.
            while (!m_queue.empty() && !m_queue.front().work && int(batch.size()) < m_maxBatch) {
                batch.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
        }
        if (m_queue.empty())
            m_drainScheduled = false;
        else
            QMetaObject::invokeMethod(this, &BidIntake::drain, Qt::QueuedConnection);
    }
    if (work) {
        work();
        return;
    }
    if (batch.empty())
        return;
    QList<BidInput> inputs;
    inputs.reserve(qsizetype(batch.size()));
    for (const Queued& q : batch)
        inputs.append(q.bid);
    const QList<BidOutcome> outcomes = m_engine.submitBids(inputs);
    for (std::size_t i = 0; i < batch.size(); ++i) {
        if (batch[i].done)
            batch[i].done(outcomes[qsizetype(i)]);
    }
}

} // namespace sb::auction
