#include "AuctionEngine.h"

#include "UtcTime.h"

#include "BidParser.h"
#include "Schedule.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QUuid>

#include <algorithm>

namespace sb::auction {

namespace {

QJsonValue amountJson(Gwei amount)
{
    return qint64(amount.gwei());
}

} // namespace

AuctionEngine::AuctionEngine(AuctionStore& store, const Clock& clock, QObject* parent)
    : QObject(parent), m_store(store), m_clock(clock)
{}

ActionResult AuctionEngine::createMarathon(const MarathonConfig& config)
{
    const QStringList problems = config.validate();
    if (!problems.isEmpty())
        return ActionResult::failure(problems.join(u' '));
    QString error;
    if (m_store.loadMarathon(&error))
        return ActionResult::failure(tr("This database already holds a marathon; open it instead "
                                        "or choose a new database file."));
    QString scheduleError;
    const auto windows = Schedule::compute(config, &scheduleError);
    if (!windows)
        return ActionResult::failure(scheduleError);

    const std::int64_t now = m_clock.nowUtcMs();
    m_config = config;
    m_marathonState = MarathonState::Scheduled;
    m_auctions.clear();
    m_leaders.clear();
    m_pendingReviews.clear();
    const Result<std::int64_t> lastSeq = m_store.lastSeq();
    if (!lastSeq)
        return ActionResult::failure(lastSeq.error());
    m_nextSeq = *lastSeq + 1;
    for (const AuctionWindow& w : *windows) {
        AuctionDay a;
        a.index = w.index;
        a.dayNumber = w.dayNumber;
        a.lot = w.lot;
        a.startUtcMs = w.startUtcMs;
        a.scheduledEndUtcMs = w.endUtcMs;
        a.endUtcMs = w.endUtcMs;
        m_auctions.append(a);
    }
    const ActionResult created = transaction([&](QString* err) {
        if (!m_store.saveMarathon({m_config, m_marathonState, now}, err))
            return false;
        for (const AuctionDay& a : std::as_const(m_auctions)) {
            if (!m_store.saveAuction(a, err))
                return false;
        }
        return scheduleNext(-1, err);
    });
    if (!created.ok)
        return created;
    m_loaded = true;
    m_sessionStartMs = now;
    return tick();
}

ActionResult AuctionEngine::load()
{
    QString error;
    if (!reloadState(&error))
        return ActionResult::failure(error);
    if (!m_loaded)
        return ActionResult::failure(tr("This database holds no marathon yet."));
    m_sessionStartMs = m_clock.nowUtcMs();
    return tick();
}

bool AuctionEngine::reloadState(QString* error)
{
    m_loaded = false;
    m_auctions.clear();
    m_leaders.clear();
    m_pendingReviews.clear();
    // Every read can fail (a damaged page): then nothing is decided, and the engine says why.
    const auto stop = [&](const QString& why) {
        m_stoppedReason = why;
        if (error)
            *error = why;
        return false;
    };
    const Result<std::int64_t> lastSeq = m_store.lastSeq();
    if (!lastSeq)
        return stop(lastSeq.error());
    m_nextSeq = *lastSeq + 1;
    Result<QSet<std::size_t>> keys = m_store.bidKeyHashes();
    if (!keys)
        return stop(keys.error());
    m_knownBidKeys = std::move(*keys);
    Result<QList<WalletLink>> wallets = m_store.walletLinks();
    if (!wallets)
        return stop(wallets.error());
    m_wallets.clear();
    for (const WalletLink& link : std::as_const(*wallets))
        m_wallets.insert(link.bidderId, link);
    const Result<QString> posting = m_store.meta(QStringLiteral("x.posting"));
    if (!posting)
        return stop(posting.error());
    m_posting = *posting == QLatin1String("1");
    Result<QSet<QString>> restricted = m_store.replyRestricted();
    if (!restricted)
        return stop(restricted.error());
    m_replyRestricted = std::move(*restricted);
    QString loadError;
    if (!loadSettlements(&loadError))
        return stop(loadError);
    const auto marathon = m_store.loadMarathon(&loadError);
    if (!marathon) {
        if (loadError.isEmpty())
            return true; // an empty store is not an error
        return stop(loadError);
    }
    m_config = marathon->config;
    m_marathonState = marathon->state;
    m_auctions = m_store.loadAuctions(&loadError);
    if (!loadError.isEmpty())
        return stop(loadError);
    for (const AuctionDay& a : std::as_const(m_auctions)) {
        if (a.leaderBidId) {
            const Result<std::optional<BidRecord>> leader = m_store.bid(*a.leaderBidId);
            if (!leader)
                return stop(leader.error());
            if (*leader)
                m_leaders.insert(a.index, **leader);
        }
        if (a.isOpenForBids()) {
            const Result<QList<BidRecord>> read = m_store.bids(a.index);
            if (!read)
                return stop(read.error());
            const QList<BidRecord>& bids = *read;
            const auto waiting = std::count_if(bids.cbegin(), bids.cend(), [](const BidRecord& b) {
                return b.status == BidStatus::PendingReview;
            });
            if (waiting > 0)
                m_pendingReviews.insert(a.index, int(waiting));
        }
    }
    m_loaded = true;
    m_stoppedReason.clear();
    return true;
}

ActionResult AuctionEngine::transaction(const std::function<bool(QString*)>& body)
{
    QString error;
    m_uncommitted.clear();
    if (!m_store.begin(&error))
        return ActionResult::failure(error);
    if (!body(&error) || !m_store.commit(&error)) {
        m_store.rollback();
        m_uncommitted.clear();
        // Memory may hold changes the database never got: start over from what is durable.
        QString reloadError;
        if (!reloadState(&reloadError))
            error += u' ' + notLoadedReason();
        return ActionResult::failure(error);
    }
    QList<AuctionEvent> events;
    events.swap(m_uncommitted);
    if (!events.isEmpty())
        emit eventsCommitted(events);
    return ActionResult::success();
}

bool AuctionEngine::journal(QLatin1StringView type, std::optional<int> day, QJsonObject payload,
                            QString* error)
{
    AuctionEvent event;
    event.seq = m_nextSeq;
    event.timeUtcMs = m_clock.nowUtcMs();
    event.type = type;
    event.day = day;
    event.payload = std::move(payload);
    if (!m_store.appendEvent(event, error) || !planPosts(event, error))
        return false;
    ++m_nextSeq;
    m_uncommitted.append(std::move(event));
    return true;
}

bool AuctionEngine::saveAuction(const AuctionDay& auction, QString* error)
{
    return m_store.saveAuction(auction, error);
}

AuctionDay* AuctionEngine::auctionAt(int index)
{
    if (index < 0 || index >= m_auctions.size())
        return nullptr;
    return &m_auctions[index];
}

QJsonObject AuctionEngine::auctionJson(const AuctionDay& a) const
{
    QJsonObject json{
        {QStringLiteral("auction"), a.index},
        {QStringLiteral("lot"), a.lot + 1}, // 1-based, like "day"
        {QStringLiteral("state"), dayStateName(a.state)},
        {QStringLiteral("start_utc"), isoUtc(a.startUtcMs)},
        {QStringLiteral("end_utc"), isoUtc(a.endUtcMs)},
    };
    if (a.index < m_config.lots.size())
        json.insert(QStringLiteral("title"), m_config.lots[a.index].title);
    return json;
}

QJsonObject AuctionEngine::bidJson(const BidRecord& bid) const
{
    QJsonObject json{
        {QStringLiteral("bid_id"), qint64(bid.id)},
        {QStringLiteral("auction"), bid.auctionIndex},
        {QStringLiteral("source"), bid.source},
        {QStringLiteral("source_id"), bid.sourceId},
        {QStringLiteral("bidder_id"), bid.bidderId},
        {QStringLiteral("bidder"), bid.bidderName},
        {QStringLiteral("amount_gwei"), amountJson(bid.amount)},
        {QStringLiteral("amount"), bid.amount.toEthString()},
        {QStringLiteral("source_time_utc"), isoUtc(bid.sourceTimeMs)},
        {QStringLiteral("received_utc"), isoUtc(bid.receivedTimeMs)},
        {QStringLiteral("status"), bidStatusName(bid.status)},
    };
    if (bid.rejection) {
        json.insert(QStringLiteral("code"), rejectionCodeName(bid.rejection->code));
        json.insert(QStringLiteral("reason"), bid.rejection->message);
    }
    return json;
}

QJsonObject AuctionEngine::leaderJson(const BidRecord& bid) const
{
    return {
        {QStringLiteral("auction"), bid.auctionIndex},
        {QStringLiteral("bid_id"), qint64(bid.id)},
        {QStringLiteral("bidder_id"), bid.bidderId},
        {QStringLiteral("bidder"), bid.bidderName},
        {QStringLiteral("amount_gwei"), amountJson(bid.amount)},
        {QStringLiteral("amount"), bid.amount.toEthString()},
        {QStringLiteral("minimum_next_gwei"),
         amountJson(BidRules::minimumRaise(m_config, bid.amount))},
    };
}

ActionResult AuctionEngine::stopJudging(const QString& why)
{
    m_loaded = false;
    m_stoppedReason = why;
    return ActionResult::failure(notLoadedReason());
}

QString AuctionEngine::notLoadedReason() const
{
    if (m_stoppedReason.isEmpty())
        return tr("No marathon is loaded.");
    return tr("Judging stopped: the marathon database could not be read (%1). Nothing was "
              "decided; restore the database from a backup.")
        .arg(m_stoppedReason);
}

ActionResult AuctionEngine::tick()
{
    if (!m_loaded)
        return ActionResult::failure(notLoadedReason());
    const std::int64_t now = m_clock.nowUtcMs();
    const bool due = std::any_of(m_auctions.cbegin(), m_auctions.cend(), [&](const AuctionDay& a) {
        return (a.state == DayState::Pending && now >= a.startUtcMs) ||
               (a.state == DayState::Active && now >= a.endUtcMs) || winnerDue(a, now);
    });
    if (!due && !settlementDue(now))
        return ActionResult::success();
    return transaction([&](QString* error) { return advance(now, error); });
}

bool AuctionEngine::advance(std::int64_t now, QString* error)
{
    for (AuctionDay& a : m_auctions) {
        if (a.state == DayState::Pending && now >= a.startUtcMs) {
            if (m_marathonState == MarathonState::Scheduled) {
                m_marathonState = MarathonState::Running;
                if (!m_store.setMarathonState(m_marathonState, error) ||
                    !journal(EventType::MarathonStarted, std::nullopt,
                             {{QStringLiteral("name"), m_config.name},
                              {QStringLiteral("days"), m_config.days}},
                             error))
                    return false;
            }
            a.state = DayState::Active;
            QJsonObject payload = auctionJson(a);
            payload.insert(QStringLiteral("catch_up"), a.startUtcMs < m_sessionStartMs);
            if (!journal(EventType::DayOpened, a.dayNumber, payload, error) ||
                !saveAuction(a, error))
                return false;
        }
        if (a.state == DayState::Active && now >= a.endUtcMs) {
            a.state = DayState::Processing;
            QJsonObject payload = auctionJson(a);
            payload.insert(QStringLiteral("grace_until_utc"),
                           isoUtc(a.endUtcMs + m_config.graceMs));
            payload.insert(QStringLiteral("catch_up"), a.endUtcMs < m_sessionStartMs);
            if (!journal(EventType::DayClosing, a.dayNumber, payload, error) ||
                !saveAuction(a, error))
                return false;
        }
        if (winnerDue(a, now)) {
            if (!declareWinner(a, sourcesBehind(a.endUtcMs), error))
                return false;
        }
    }
    return advanceSettlements(now, error) && finishMarathonIfDone(error);
}

bool AuctionEngine::declareWinner(AuctionDay& a, const QStringList& sourcesBehind, QString* error)
{
    a.winnerDeclared = true;
    const bool catchUp = a.endUtcMs + m_config.graceMs < m_sessionStartMs;
    if (const auto leader = m_leaders.constFind(a.index); leader != m_leaders.cend()) {
        a.winnerBidId = leader->id;
        QJsonObject payload = bidJson(*leader);
        payload.insert(QStringLiteral("lot"), a.lot + 1);
        payload.insert(QStringLiteral("catch_up"), catchUp);
        if (!sourcesBehind.isEmpty()) // the wait for them ran out: say so in the journal
            payload.insert(QStringLiteral("sources_behind"),
                           QJsonArray::fromStringList(sourcesBehind));
        if (!journal(EventType::AuctionWinner, a.dayNumber, payload, error) ||
            !startSettlement(a, *leader, error))
            return false;
    } else {
        a.state = DayState::Completed;
        QJsonObject payload = auctionJson(a);
        payload.insert(QStringLiteral("winner"), QJsonValue::Null);
        payload.insert(QStringLiteral("catch_up"), catchUp);
        if (!sourcesBehind.isEmpty())
            payload.insert(QStringLiteral("sources_behind"),
                           QJsonArray::fromStringList(sourcesBehind));
        if (!journal(EventType::DayCompleted, a.dayNumber, payload, error))
            return false;
    }
    return saveAuction(a, error) && scheduleNext(a.index, error);
}

bool AuctionEngine::scheduleNext(int afterIndex, QString* error)
{
    for (const AuctionDay& a : std::as_const(m_auctions)) {
        if (a.index > afterIndex && a.state == DayState::Pending)
            return journal(EventType::DayScheduled, a.dayNumber, auctionJson(a), error);
    }
    return true;
}

bool AuctionEngine::finishMarathonIfDone(QString* error)
{
    if (m_marathonState == MarathonState::Finished)
        return true;
    const bool done = std::all_of(m_auctions.cbegin(), m_auctions.cend(), [](const AuctionDay& a) {
        return a.state == DayState::Completed || a.state == DayState::Cancelled;
    });
    if (!done)
        return true;
    m_marathonState = MarathonState::Finished;
    const auto sold =
        std::count_if(m_auctions.cbegin(), m_auctions.cend(), [&](const AuctionDay& a) {
            return a.winnerBidId && m_settlements.value(a.index).stage != SettlementStage::Unsold;
        });
    return m_store.setMarathonState(m_marathonState, error) &&
           journal(
               EventType::MarathonFinished, std::nullopt,
               {{QStringLiteral("name"), m_config.name}, {QStringLiteral("sold"), qint64(sold)}},
               error);
}

std::optional<int> AuctionEngine::currentAuctionIndex() const
{
    if (m_auctions.isEmpty())
        return std::nullopt;
    for (const AuctionDay& a : m_auctions) {
        if (a.isOpenForBids())
            return a.index;
    }
    for (const AuctionDay& a : m_auctions) {
        if (a.state == DayState::Pending)
            return a.index;
    }
    return m_auctions.last().index;
}

std::optional<BidRecord> AuctionEngine::leaderBid(int auctionIndex) const
{
    const auto it = m_leaders.constFind(auctionIndex);
    if (it == m_leaders.cend())
        return std::nullopt;
    return *it;
}

std::optional<LeaderView> AuctionEngine::leaderView(int auctionIndex) const
{
    const auto it = m_leaders.constFind(auctionIndex);
    if (it == m_leaders.cend())
        return std::nullopt;
    return LeaderView{it->amount, it->sourceTimeMs, it->sourceId, it->bidderName};
}

Gwei AuctionEngine::minimumNextBid(int auctionIndex) const
{
    return BidRules::minimumNextBid(m_config, leaderView(auctionIndex));
}

BidOutcome AuctionEngine::submitBid(const BidInput& bid)
{
    return submitBids({bid}).constFirst();
}

QList<BidOutcome> AuctionEngine::submitBids(const QList<BidInput>& bids)
{
    QList<BidOutcome> outcomes;
    if (!m_loaded) {
        BidOutcome failed;
        failed.error = notLoadedReason();
        return QList<BidOutcome>(bids.size(), failed);
    }
    outcomes.reserve(bids.size());
    const ActionResult result = transaction([&](QString* error) {
        if (!advance(m_clock.nowUtcMs(), error))
            return false;
        for (const BidInput& input : bids) {
            outcomes.append(judge(input, error));
            if (outcomes.last().kind == BidOutcome::Kind::Failed)
                return false;
        }
        return true;
    });
    if (!result.ok) {
        // Nothing of this batch is durable, so nothing of it may be acknowledged.
        BidOutcome failed;
        failed.error = tr("The bid could not be stored: %1").arg(result.error);
        outcomes = QList<BidOutcome>(bids.size(), failed);
    }
    return outcomes;
}

int AuctionEngine::targetAuction(const BidInput& input, std::int64_t effectiveMs) const
{
    if (input.auctionIndex && *input.auctionIndex >= 0 && *input.auctionIndex < m_auctions.size())
        return *input.auctionIndex;
    const AuctionDay* previous = nullptr;
    for (const AuctionDay& a : m_auctions) {
        if (a.startUtcMs <= effectiveMs && effectiveMs <= a.endUtcMs)
            return a.index;
        if (a.startUtcMs > effectiveMs) {
            // Between two windows: the one that just ended answers ("closed") until its winner
            // is declared; after that the next one does ("not_open").
            if (previous && previous->isOpenForBids())
                return previous->index;
            return a.index;
        }
        previous = &a;
    }
    return m_auctions.last().index;
}

std::optional<BidRejection> AuctionEngine::checkWindow(const AuctionDay& a,
                                                       std::int64_t effectiveMs,
                                                       std::int64_t receivedMs) const
{
    if (a.state == DayState::Pending || effectiveMs < a.startUtcMs) {
        return BidRejection{RejectionCode::NotOpen, tr("The auction for day %1 opens at %2 UTC.")
                                                        .arg(a.dayNumber)
                                                        .arg(isoUtc(a.startUtcMs))};
    }
    const bool closed =
        a.state == DayState::Cancelled || a.state == DayState::Completed || a.winnerDeclared ||
        effectiveMs >= a.endUtcMs ||
        (a.state == DayState::Processing && receivedMs > a.endUtcMs + m_config.graceMs);
    if (closed) {
        return BidRejection{RejectionCode::Closed, tr("The auction for day %1 closed at %2 UTC.")
                                                       .arg(a.dayNumber)
                                                       .arg(isoUtc(a.endUtcMs))};
    }
    if (a.state == DayState::Paused && (!a.pausedAtUtcMs || effectiveMs >= *a.pausedAtUtcMs))
        return BidRejection::of(RejectionCode::Paused);
    return std::nullopt;
}

BidOutcome AuctionEngine::judge(const BidInput& input, QString* error)
{
    const std::int64_t now = m_clock.nowUtcMs();
    BidRecord bid;
    bid.source = input.source.isEmpty() ? QStringLiteral("manual") : input.source;
    bid.sourceId = input.sourceId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces)
                                            : input.sourceId;
    bid.bidderId = input.bidderId;
    bid.bidderName = input.bidderName.isEmpty() ? input.bidderId : input.bidderName;
    bid.text = input.text;
    bid.receivedTimeMs = input.receivedTimeMs > 0 ? input.receivedTimeMs : now;
    bid.sourceTimeMs = BidRules::effectiveSourceTime(input.sourceTimeMs, bid.receivedTimeMs);

    BidOutcome outcome;
    // A repeat is ignored, not judged again: the bidder keeps the original verdict. The filter
    // spares the database lookup for the (nearly all) bids that are new.
    const std::size_t key = AuctionStore::bidKeyHash(bid.source, bid.sourceId);
    if (m_knownBidKeys.contains(key)) {
        const Result<std::optional<BidRecord>> original =
            m_store.bidBySource(bid.source, bid.sourceId);
        if (!original) {
            *error = original.error();
            outcome.error = original.error();
            return outcome; // Failed: not judged, since it may have been judged already
        }
        if (*original) {
            outcome.kind = BidOutcome::Kind::Duplicate;
            outcome.bidId = (*original)->id;
            outcome.rejection = BidRejection::of(RejectionCode::Duplicate);
            return outcome;
        }
    }

    bid.auctionIndex = targetAuction(input, bid.sourceTimeMs);
    AuctionDay& a = m_auctions[bid.auctionIndex];

    std::optional<BidRejection> rejection;
    if (input.amount) {
        bid.amount = *input.amount;
        if (bid.amount <= Gwei())
            rejection = BidRejection::of(RejectionCode::BadNumber);
    } else {
        const BidParseResult parsed = BidParser::parse(input.text);
        if (parsed.ok())
            bid.amount = *parsed.amount;
        else
            rejection = parsed.rejection;
    }
    if (!rejection && bid.source == QLatin1String("x")) {
        if (!a.threadId.isEmpty() && input.threadId != a.threadId)
            rejection = BidRejection::of(RejectionCode::NotInThread);
        else if (!m_config.hashtag.isEmpty() &&
                 !BidParser::normalize(input.text).contains(m_config.hashtag, Qt::CaseInsensitive))
            rejection = BidRejection::of(RejectionCode::MissingHashtag);
    }
    if (!rejection)
        rejection = checkWindow(a, bid.sourceTimeMs, bid.receivedTimeMs);
    if (!rejection) {
        BidInput eligible = input;
        eligible.hasLinkedWallet = input.hasLinkedWallet || m_wallets.contains(input.bidderId);
        rejection = BidRules::checkEligibility(m_config, eligible, bid.sourceTimeMs);
    }

    const auto leader = leaderView(a.index);
    bool review = false;
    AmountVerdict verdict;
    if (!rejection) {
        review = BidRules::needsReview(m_config, leader, bid.amount);
        if (!review) {
            verdict =
                BidRules::judgeAmount(m_config, leader, bid.amount, bid.sourceTimeMs, bid.sourceId);
            rejection = verdict.rejection;
        }
    }

    if (review) {
        bid.status = BidStatus::PendingReview;
        bid.rejection = BidRejection::of(RejectionCode::NeedsReview);
    } else if (rejection) {
        bid.status = BidStatus::Rejected;
        bid.rejection = rejection;
    } else {
        bid.status = BidStatus::Accepted;
    }
    if (!m_store.insertBid(bid, error)) {
        outcome.error = *error;
        return outcome;
    }
    m_knownBidKeys.insert(key);
    outcome.bidId = bid.id;
    outcome.rejection = bid.rejection;
    bool ok = true;
    switch (bid.status) {
    case BidStatus::PendingReview:
        outcome.kind = BidOutcome::Kind::PendingReview;
        m_pendingReviews[a.index] += 1;
        ok = journal(EventType::BidReview, a.dayNumber, bidJson(bid), error);
        break;
    case BidStatus::Rejected:
        outcome.kind = BidOutcome::Kind::Rejected;
        ok = journal(EventType::BidRejected, a.dayNumber, bidJson(bid), error);
        break;
    case BidStatus::Accepted:
        outcome.kind = BidOutcome::Kind::Accepted;
        outcome.leads = true;
        ok = acceptBid(a, bid, verdict.tookLeadByTie, now, error);
        break;
    case BidStatus::Invalidated:
        break;
    }
    outcome.endUtcMs = a.endUtcMs;
    if (!ok) {
        outcome.kind = BidOutcome::Kind::Failed;
        outcome.error = *error;
    }
    return outcome;
}

bool AuctionEngine::acceptBid(AuctionDay& a, BidRecord& bid, bool tookLeadByTie, std::int64_t now,
                              QString* error)
{
    const std::optional<BidRecord> previous = leaderBid(a.index);
    a.leaderBidId = bid.id;
    m_leaders.insert(a.index, bid);

    QJsonObject accepted = bidJson(bid);
    accepted.insert(QStringLiteral("took_lead_by_tie"), tookLeadByTie);
    if (!journal(EventType::BidAccepted, a.dayNumber, accepted, error))
        return false;
    if (previous && previous->bidderId != bid.bidderId) {
        QJsonObject outbid{
            {QStringLiteral("auction"), a.index},
            {QStringLiteral("bidder_id"), previous->bidderId},
            {QStringLiteral("bidder"), previous->bidderName},
            {QStringLiteral("amount_gwei"), amountJson(previous->amount)},
            {QStringLiteral("amount"), previous->amount.toEthString()},
            {QStringLiteral("by_bidder"), bid.bidderName},
            {QStringLiteral("by_amount_gwei"), amountJson(bid.amount)},
        };
        if (!journal(EventType::AuctionOutbid, a.dayNumber, outbid, error))
            return false;
    }
    const QJsonObject leader = leaderJson(bid);
    if (!journal(EventType::AuctionLeader, a.dayNumber, leader, error))
        return false;

    const std::int64_t newEnd = BidRules::endAfterBid(m_config, a, bid.sourceTimeMs);
    if (newEnd > a.endUtcMs) {
        const std::int64_t previousEnd = a.endUtcMs;
        a.endUtcMs = newEnd;
        // A late arrival inside the buffer reopens the window it would have extended on time.
        const bool reopened = a.state == DayState::Processing && newEnd > now;
        if (reopened)
            a.state = DayState::Active;
        QJsonObject extended = auctionJson(a);
        extended.insert(QStringLiteral("previous_end_utc"), isoUtc(previousEnd));
        extended.insert(QStringLiteral("by_ms"), qint64(newEnd - previousEnd));
        extended.insert(QStringLiteral("reopened"), reopened);
        extended.insert(QStringLiteral("bid_id"), qint64(bid.id));
        if (!journal(EventType::AuctionExtended, a.dayNumber, extended, error))
            return false;
    }
    return saveAuction(a, error);
}

bool AuctionEngine::recomputeLeader(AuctionDay& a, QString* error)
{
    const Result<QList<BidRecord>> bids = m_store.bids(a.index);
    if (!bids) {
        *error = bids.error(); // no leader is chosen from bids that could not be read
        return false;
    }
    std::optional<BidRecord> best;
    for (const BidRecord& bid : *bids) {
        if (bid.status == BidStatus::Accepted && (!best || BidRules::leadsOver(bid, *best)))
            best = bid;
    }
    QJsonObject payload{{QStringLiteral("auction"), a.index}, {QStringLiteral("recomputed"), true}};
    if (best) {
        a.leaderBidId = best->id;
        m_leaders.insert(a.index, *best);
        payload = leaderJson(*best);
        payload.insert(QStringLiteral("recomputed"), true);
    } else {
        a.leaderBidId.reset();
        m_leaders.remove(a.index);
        payload.insert(QStringLiteral("bid_id"), QJsonValue::Null);
    }
    return journal(EventType::AuctionLeader, a.dayNumber, payload, error) && saveAuction(a, error);
}

} // namespace sb::auction
