// AuctionEngine's operator actions: pause/resume, extend, close now, cancel, invalidate, review
// decisions, settlement, thread binding. Each one is validated before anything is written, then
// runs as one transaction that journals operator.action first and its consequences after it.

#include "AuctionEngine.h"

#include "UtcTime.h"

#include <QCoreApplication>
#include <QDateTime>

namespace sb::auction {

namespace {

constexpr std::int64_t kMaxOperatorExtensionMs = 24LL * 60 * 60 * 1000;

} // namespace

ActionResult AuctionEngine::operatorAction(const QString& action, const QString& actor,
                                           QJsonObject details,
                                           const std::function<bool(QString*)>& body)
{
    if (!m_loaded)
        return ActionResult::failure(tr("No marathon is loaded."));
    details.insert(QStringLiteral("action"), action);
    details.insert(QStringLiteral("actor"), actor.isEmpty() ? QStringLiteral("operator") : actor);
    return transaction([&](QString* error) {
        const std::int64_t now = m_clock.nowUtcMs();
        return advance(now, error) &&
               journal(EventType::OperatorAction, std::nullopt, details, error) && body(error) &&
               advance(now, error);
    });
}

ActionResult AuctionEngine::pause(int auctionIndex, const QString& actor)
{
    if (const ActionResult ticked = tick(); !ticked.ok)
        return ticked; // never act on a state that is not up to date
    AuctionDay* a = auctionAt(auctionIndex);
    if (!a || a->state != DayState::Active)
        return ActionResult::failure(tr("Only a running auction can be paused."));
    return operatorAction(QStringLiteral("pause"), actor,
                          {{QStringLiteral("auction"), auctionIndex}}, [&](QString* error) {
                              a->state = DayState::Paused;
                              a->pausedAtUtcMs = m_clock.nowUtcMs();
                              return journal(EventType::DayPaused, a->dayNumber, auctionJson(*a),
                                             error) &&
                                     saveAuction(*a, error);
                          });
}

ActionResult AuctionEngine::resume(int auctionIndex, const QString& actor)
{
    AuctionDay* a = auctionAt(auctionIndex);
    if (!a || a->state != DayState::Paused)
        return ActionResult::failure(tr("Only a paused auction can be resumed."));
    return operatorAction(QStringLiteral("resume"), actor,
                          {{QStringLiteral("auction"), auctionIndex}}, [&](QString* error) {
                              // The time the auction stood still is given back, so bidders lose no
                              // minutes.
                              const std::int64_t now = m_clock.nowUtcMs();
                              const std::int64_t pausedFor = now - a->pausedAtUtcMs.value_or(now);
                              a->endUtcMs += std::max<std::int64_t>(0, pausedFor);
                              a->pausedAtUtcMs.reset();
                              a->state = DayState::Active;
                              QJsonObject payload = auctionJson(*a);
                              payload.insert(QStringLiteral("paused_ms"), qint64(pausedFor));
                              return journal(EventType::DayResumed, a->dayNumber, payload, error) &&
                                     saveAuction(*a, error);
                          });
}

ActionResult AuctionEngine::extend(int auctionIndex, std::int64_t byMs, const QString& actor)
{
    if (const ActionResult ticked = tick(); !ticked.ok)
        return ticked; // never act on a state that is not up to date
    AuctionDay* a = auctionAt(auctionIndex);
    if (!a || !a->isOpenForBids())
        return ActionResult::failure(tr("Only an auction that is taking bids can be extended."));
    if (byMs <= 0 || byMs > kMaxOperatorExtensionMs)
        return ActionResult::failure(tr("An extension must be between 1 minute and 24 hours."));
    return operatorAction(
        QStringLiteral("extend"), actor,
        {{QStringLiteral("auction"), auctionIndex}, {QStringLiteral("by_ms"), qint64(byMs)}},
        [&](QString* error) {
            const std::int64_t now = m_clock.nowUtcMs();
            const std::int64_t previousEnd = a->endUtcMs;
            a->endUtcMs += byMs;
            const bool reopened = a->state == DayState::Processing && a->endUtcMs > now;
            if (reopened)
                a->state = DayState::Active;
            QJsonObject payload = auctionJson(*a);
            payload.insert(QStringLiteral("previous_end_utc"), isoUtc(previousEnd));
            payload.insert(QStringLiteral("by_ms"), qint64(byMs));
            payload.insert(QStringLiteral("by_operator"), true);
            payload.insert(QStringLiteral("reopened"), reopened);
            return journal(EventType::AuctionExtended, a->dayNumber, payload, error) &&
                   saveAuction(*a, error);
        });
}

ActionResult AuctionEngine::closeNow(int auctionIndex, const QString& actor)
{
    if (const ActionResult ticked = tick(); !ticked.ok)
        return ticked; // never act on a state that is not up to date
    AuctionDay* a = auctionAt(auctionIndex);
    if (!a || (a->state != DayState::Active && a->state != DayState::Paused))
        return ActionResult::failure(tr("Only a running or paused auction can be closed."));
    return operatorAction(QStringLiteral("close_now"), actor,
                          {{QStringLiteral("auction"), auctionIndex}}, [&](QString* error) {
                              // Closing sets the end to now; the grace for late arrivals still
                              // applies.
                              const std::int64_t now = m_clock.nowUtcMs();
                              a->endUtcMs = std::min(a->endUtcMs, a->pausedAtUtcMs.value_or(now));
                              a->endUtcMs = std::min(a->endUtcMs, now);
                              a->pausedAtUtcMs.reset();
                              a->state = DayState::Processing;
                              QJsonObject payload = auctionJson(*a);
                              payload.insert(QStringLiteral("grace_until_utc"),
                                             isoUtc(a->endUtcMs + m_config.graceMs));
                              payload.insert(QStringLiteral("by_operator"), true);
                              return journal(EventType::DayClosing, a->dayNumber, payload, error) &&
                                     saveAuction(*a, error);
                          });
}

ActionResult AuctionEngine::cancel(int auctionIndex, const QString& reason, const QString& actor)
{
    if (const ActionResult ticked = tick(); !ticked.ok)
        return ticked; // never act on a state that is not up to date
    AuctionDay* a = auctionAt(auctionIndex);
    if (!a || a->state == DayState::Completed || a->state == DayState::Cancelled)
        return ActionResult::failure(tr("This auction has already ended."));
    if (reason.trimmed().isEmpty())
        return ActionResult::failure(tr("Say why the auction is cancelled."));
    return operatorAction(
        QStringLiteral("cancel"), actor,
        {{QStringLiteral("auction"), auctionIndex}, {QStringLiteral("reason"), reason}},
        [&](QString* error) {
            const bool wasPending = a->state == DayState::Pending;
            a->state = DayState::Cancelled;
            a->pausedAtUtcMs.reset();
            QJsonObject payload = auctionJson(*a);
            payload.insert(QStringLiteral("reason"), reason);
            if (!journal(EventType::DayCancelled, a->dayNumber, payload, error) ||
                !saveAuction(*a, error) || !settlementInterrupted(a->index, 0, reason, error))
                return false;
            if (!wasPending && !scheduleNext(a->index, error))
                return false;
            return finishMarathonIfDone(error);
        });
}

ActionResult AuctionEngine::readBid(std::int64_t bidId, std::optional<BidRecord>* bid)
{
    Result<std::optional<BidRecord>> read = m_store.bid(bidId);
    if (!read)
        return stopJudging(read.error()); // nothing is decided on a bid that could not be read
    *bid = std::move(*read);
    return ActionResult::success();
}

ActionResult AuctionEngine::invalidateBid(std::int64_t bidId, const QString& reason,
                                          const QString& actor)
{
    if (const ActionResult ticked = tick(); !ticked.ok)
        return ticked; // never act on a state that is not up to date
    std::optional<BidRecord> bid;
    if (const ActionResult read = readBid(bidId, &bid); !read.ok)
        return read;
    if (!bid || bid->status != BidStatus::Accepted)
        return ActionResult::failure(tr("Only an accepted bid can be invalidated."));
    AuctionDay* a = auctionAt(bid->auctionIndex);
    if (!a || a->state == DayState::Completed || a->state == DayState::Cancelled)
        return ActionResult::failure(tr("The auction of this bid has ended; its bids are final."));
    if (reason.trimmed().isEmpty())
        return ActionResult::failure(tr("Say why the bid is invalidated."));
    return operatorAction(
        QStringLiteral("invalidate_bid"), actor,
        {{QStringLiteral("bid_id"), qint64(bidId)}, {QStringLiteral("reason"), reason}},
        [&](QString* error) {
            bid->status = BidStatus::Invalidated;
            bid->note = reason;
            if (!m_store.updateBid(*bid, error))
                return false;
            QJsonObject payload = bidJson(*bid);
            payload.insert(QStringLiteral("reason"), reason);
            if (!journal(EventType::BidInvalidated, a->dayNumber, payload, error) ||
                !settlementInterrupted(a->index, bidId, reason, error))
                return false;
            if (a->leaderBidId != bidId)
                return true;
            // The end time stays; only who leads changes.
            if (!recomputeLeader(*a, error))
                return false;
            if (!a->winnerDeclared || a->winnerBidId != bidId)
                return true;
            // The declared winner is gone: the next valid bid wins, or nobody does.
            if (const auto next = leaderBid(a->index)) {
                a->winnerBidId = next->id;
                QJsonObject winner = bidJson(*next);
                winner.insert(QStringLiteral("replaces_bid_id"), qint64(bidId));
                return journal(EventType::AuctionWinner, a->dayNumber, winner, error) &&
                       saveAuction(*a, error);
            }
            a->winnerBidId.reset();
            a->state = DayState::Completed;
            QJsonObject completed = auctionJson(*a);
            completed.insert(QStringLiteral("winner"), QJsonValue::Null);
            return journal(EventType::DayCompleted, a->dayNumber, completed, error) &&
                   saveAuction(*a, error) && finishMarathonIfDone(error);
        });
}

ActionResult AuctionEngine::approveBid(std::int64_t bidId, const QString& actor)
{
    if (const ActionResult ticked = tick(); !ticked.ok)
        return ticked; // never act on a state that is not up to date
    std::optional<BidRecord> bid;
    if (const ActionResult read = readBid(bidId, &bid); !read.ok)
        return read;
    if (!bid || bid->status != BidStatus::PendingReview)
        return ActionResult::failure(tr("Only a bid waiting for review can be approved."));
    AuctionDay* a = auctionAt(bid->auctionIndex);
    if (!a)
        return ActionResult::failure(tr("The bid belongs to no auction."));
    return operatorAction(
        QStringLiteral("approve_bid"), actor, {{QStringLiteral("bid_id"), qint64(bidId)}},
        [&](QString* error) {
            const std::int64_t now = m_clock.nowUtcMs();
            m_pendingReviews[a->index] -= 1;
            // Judged at its source time, against the auction as it stands now.
            std::optional<BidRejection> rejection =
                checkWindow(*a, bid->sourceTimeMs, bid->receivedTimeMs);
            AmountVerdict verdict;
            if (!rejection) {
                verdict = BidRules::judgeAmount(m_config, leaderView(a->index), bid->amount,
                                                bid->sourceTimeMs, bid->sourceId);
                rejection = verdict.rejection;
            }
            bid->rejection = rejection;
            bid->status = rejection ? BidStatus::Rejected : BidStatus::Accepted;
            bid->note = tr("approved by %1").arg(actor);
            if (!m_store.updateBid(*bid, error))
                return false;
            if (rejection)
                return journal(EventType::BidRejected, a->dayNumber, bidJson(*bid), error);
            return acceptBid(*a, *bid, verdict.tookLeadByTie, now, error);
        });
}

ActionResult AuctionEngine::rejectBid(std::int64_t bidId, const QString& reason,
                                      const QString& actor)
{
    std::optional<BidRecord> bid;
    if (const ActionResult read = readBid(bidId, &bid); !read.ok)
        return read;
    if (!bid || bid->status != BidStatus::PendingReview)
        return ActionResult::failure(tr("Only a bid waiting for review can be rejected."));
    if (reason.trimmed().isEmpty())
        return ActionResult::failure(tr("Say why the bid is rejected."));
    return operatorAction(
        QStringLiteral("reject_bid"), actor,
        {{QStringLiteral("bid_id"), qint64(bidId)}, {QStringLiteral("reason"), reason}},
        [&](QString* error) {
            m_pendingReviews[bid->auctionIndex] -= 1;
            bid->status = BidStatus::Rejected;
            bid->rejection = BidRejection{RejectionCode::RejectedByOperator, reason};
            bid->note = reason;
            const int day = m_auctions.value(bid->auctionIndex).dayNumber;
            return m_store.updateBid(*bid, error) &&
                   journal(EventType::BidRejected, day, bidJson(*bid), error);
        });
}

ActionResult AuctionEngine::markSettled(int auctionIndex, const QString& note, const QString& actor)
{
    if (const ActionResult ticked = tick(); !ticked.ok)
        return ticked; // never act on a state that is not up to date
    AuctionDay* a = auctionAt(auctionIndex);
    if (!a || a->state != DayState::Processing || !a->winnerBidId)
        return ActionResult::failure(tr("Only an auction with a declared winner can be settled."));
    return operatorAction(
        QStringLiteral("mark_settled"), actor,
        {{QStringLiteral("auction"), auctionIndex}, {QStringLiteral("note"), note}},
        [&](QString* error) {
            a->state = DayState::Completed;
            a->settlementNote = note;
            QJsonObject payload = auctionJson(*a);
            payload.insert(QStringLiteral("winner_bid_id"), qint64(*a->winnerBidId));
            const Result<std::optional<BidRecord>> winner = m_store.bid(*a->winnerBidId);
            if (!winner) {
                *error = winner.error();
                return false;
            }
            if (*winner) {
                payload.insert(QStringLiteral("winner"), (*winner)->bidderName);
                payload.insert(QStringLiteral("amount_gwei"), qint64((*winner)->amount.gwei()));
            }
            payload.insert(QStringLiteral("note"), note);
            // A settlement on Shape under way ends here too: paid off chain, say.
            return journal(EventType::DayCompleted, a->dayNumber, payload, error) &&
                   saveAuction(*a, error) && settleByHand(auctionIndex, note, error) &&
                   finishMarathonIfDone(error);
        });
}

ActionResult AuctionEngine::setThreadId(int auctionIndex, const QString& threadId,
                                        const QString& actor)
{
    AuctionDay* a = auctionAt(auctionIndex);
    if (!a)
        return ActionResult::failure(tr("There is no such auction."));
    return operatorAction(
        QStringLiteral("set_thread"), actor,
        {{QStringLiteral("auction"), auctionIndex}, {QStringLiteral("thread_id"), threadId}},
        [&](QString* error) {
            a->threadId = threadId;
            if (!saveAuction(*a, error))
                return false;
            // The operator gave the auction's post: the studio does not make one of its own.
            const auto open = m_store.outboxItemByKey(QStringLiteral("open:%1").arg(auctionIndex));
            if (!open) {
                *error = open.error();
                return false;
            }
            if (!*open || (*open)->state != OutboxState::Queued)
                return true;
            OutboxItem skipped = **open;
            skipped.state = OutboxState::Skipped;
            skipped.error = tr("The operator gave the auction's post.");
            skipped.updatedUtcMs = m_clock.nowUtcMs();
            return m_store.updateOutboxItem(skipped, error);
        });
}

} // namespace sb::auction
