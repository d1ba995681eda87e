#include "BidIntake.h"

#include <QMetaObject>
#include <QMutexLocker>
#include <QThread>

namespace sb::auction {

BidIntake::BidIntake(AuctionEngine& engine, QObject* parent) : QObject(parent), m_engine(engine) {}

void BidIntake::submit(BidInput bid, Callback done)
{
    bool schedule = false;
    {
        QMutexLocker lock(&m_mutex);
        m_queue.push_back({std::move(bid), std::move(done)});
        schedule = !m_drainScheduled;
        m_drainScheduled = true;
    }
    if (schedule)
        QMetaObject::invokeMethod(this, &BidIntake::drain, Qt::QueuedConnection);
}

QList<BidOutcome> BidIntake::submitNow(const QList<BidInput>& bids)
{
    Q_ASSERT(thread() == QThread::currentThread());
    QList<BidOutcome> outcomes(bids.size());
    int pending = int(bids.size());
    for (qsizetype i = 0; i < bids.size(); ++i) {
        QMutexLocker lock(&m_mutex);
        m_queue.push_back({bids[i], [&outcomes, &pending, i](const BidOutcome& outcome) {
                               outcomes[i] = outcome;
                               --pending;
                           }});
        m_drainScheduled = true; // a scheduled drain that finds the queue empty does nothing
    }
    while (pending > 0)
        drain();
    return outcomes;
}

void BidIntake::drain()
{
    std::vector<Queued> batch;
    {
        QMutexLocker lock(&m_mutex);
        if (int(m_queue.size()) <= m_maxBatch) {
            batch.swap(m_queue);
            m_drainScheduled = false;
        } else {
            batch.assign(std::make_move_iterator(m_queue.begin()),
                         std::make_move_iterator(m_queue.begin() + m_maxBatch));
            m_queue.erase(m_queue.begin(), m_queue.begin() + m_maxBatch);
            QMetaObject::invokeMethod(this, &BidIntake::drain, Qt::QueuedConnection);
        }
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
