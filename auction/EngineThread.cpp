#include "EngineThread.h"

namespace sb::auction {

std::optional<BidRecord> EngineView::leaderBid(int auctionIndex) const
{
    const auto found = leaders.constFind(auctionIndex);
    return found == leaders.cend() ? std::nullopt : std::optional(*found);
}

EngineView EngineView::of(const AuctionEngine& engine)
{
    EngineView view;
    view.hasMarathon = engine.hasMarathon();
    view.config = engine.config();
    view.marathonState = engine.marathonState();
    view.auctions = engine.auctions();
    view.currentAuction = engine.currentAuctionIndex();
    for (const AuctionDay& auction : view.auctions) {
        if (std::optional<BidRecord> leader = engine.leaderBid(auction.index))
            view.leaders.insert(auction.index, std::move(*leader));
    }
    view.wallets = engine.wallets();
    // Copies of the engine's memory (implicitly shared): no read of the database per publish.
    view.settlementOptions = engine.settlementOptions();
    view.settlements = engine.settlementRows();
    view.settlementTransactions = engine.settlementTransactionRows();
    view.lastSeq = engine.lastSeq();
    return view;
}

EngineThread::EngineThread(MarathonSessionOptions options, QObject* parent)
    : QObject(parent), m_options(std::move(options))
{
    m_thread.setObjectName(QStringLiteral("sb-engine"));
    qRegisterMetaType<QList<sb::auction::AuctionEvent>>();
    qRegisterMetaType<std::int64_t>("std::int64_t");
}

EngineThread::~EngineThread()
{
    stop();
}

bool EngineThread::open(const MarathonSession::ClockFactory& makeClock,
                        const MarathonSession::ConfigFactory& makeConfig, bool* created,
                        QString* error)
{
    if (m_session) {
        *error = tr("The marathon is already open.");
        return false;
    }
    m_anchor = new QObject;
    m_anchor->moveToThread(&m_thread);
    m_thread.start();
    bool ok = false;
    QString why;
    // Made on the engine's thread, so the session's timers, the intake and the store's
    // connection all belong to it.
    QMetaObject::invokeMethod(
        m_anchor,
        [&] {
            auto session = std::make_unique<MarathonSession>(m_options);
            ok = session->open(makeClock, makeConfig, created, &why);
            if (!ok)
                return;
            m_view = EngineView::of(session->engine());
            m_session = std::move(session);
        },
        Qt::BlockingQueuedConnection);
    if (!ok) {
        m_thread.quit();
        m_thread.wait();
        delete m_anchor;
        m_anchor = nullptr;
        *error = why;
        return false;
    }
    m_clock = &m_session->clock();
    MarathonSession* session = m_session.get();
    connect(session, &MarathonSession::problem, this, &EngineThread::problem);
    connect(session, &MarathonSession::idleSkipped, this, &EngineThread::idleSkipped);
    connect(session, &MarathonSession::marathonFinished, this, &EngineThread::marathonFinished);
    connect(session, &MarathonSession::backupStateChanged, this, [this](const QString& error) {
        m_backupError = error;
        emit backupStateChanged(error);
    });
    connect(&session->dispatcher(), &EventDispatcher::deadLettered, this,
            &EngineThread::deadLettered);
    // Direct: the view is taken on the engine's thread right after the commit, then sent over.
    connect(
        &session->engine(), &AuctionEngine::eventsCommitted, session,
        [this](const QList<AuctionEvent>& events) { publish(events); }, Qt::DirectConnection);
    return true;
}

void EngineThread::publish(const QList<AuctionEvent>& events)
{
    EngineView view = EngineView::of(m_session->engine());
    QMetaObject::invokeMethod(
        this,
        [this, view = std::move(view), events] {
            if (view.lastSeq >= m_view.lastSeq) // stop() may have taken a later one already
                m_view = view;
            emit eventsCommitted(events);
        },
        Qt::QueuedConnection);
}

void EngineThread::start()
{
    if (m_session)
        QMetaObject::invokeMethod(
            m_anchor, [this] { m_session->start(); }, Qt::QueuedConnection);
}

void EngineThread::stop()
{
    if (!m_session)
        return;
    // Behind everything already queued: those bids are judged and their verdicts sent first.
    std::promise<void> drained;
    enqueue([&drained] { drained.set_value(); });
    drained.get_future().wait();
    QMetaObject::invokeMethod(
        m_anchor,
        [this] {
            m_view = EngineView::of(m_session->engine()); // the state it stopped in
            m_session->stop();
            m_session.reset();
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_anchor;
    m_anchor = nullptr;
}

void EngineThread::enqueue(std::function<void()> work)
{
    if (m_session)
        m_session->intake().post(std::move(work));
}

void EngineThread::submitBids(const QList<BidInput>& bids, QObject* context,
                              std::function<void(const QList<BidOutcome>&)> done)
{
    if (!m_session || bids.isEmpty())
        return;
    struct Pending
    {
        QList<BidOutcome> outcomes;
        qsizetype left = 0;
    };
    auto pending = std::make_shared<Pending>();
    pending->outcomes.resize(bids.size());
    pending->left = bids.size();
    const QPointer<QObject> guard(context);
    const bool guarded = context != nullptr;
    for (qsizetype i = 0; i < bids.size(); ++i) {
        // Every callback runs on the engine's thread: the count needs no lock.
        m_session->intake().submit(
            bids[i], [this, pending, i, guard, guarded, done](const BidOutcome& outcome) {
                pending->outcomes[i] = outcome;
                if (--pending->left > 0 || !done)
                    return;
                QMetaObject::invokeMethod(
                    this,
                    [pending, guard, guarded, done] {
                        if (!guarded || guard)
                            done(pending->outcomes);
                    },
                    Qt::QueuedConnection);
            });
    }
}

} // namespace sb::auction
