#include "XOutbox.h"

#include "EngineThread.h"
#include "XTemplates.h"
#include "XText.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcXOutbox, "sb.x.outbox")

namespace sb::integrations::x {

using sb::auction::ActionResult;
using sb::auction::AuctionDay;
using sb::auction::DayState;
using sb::auction::MarathonSession;
using sb::auction::OutboxItem;
using sb::auction::OutboxState;
namespace OutboxKind = sb::auction::OutboxKind;

namespace {

constexpr std::int64_t kMaxBackoffMs = 60'000;

bool isReplyToBidder(const OutboxItem& item)
{
    return item.kind == OutboxKind::Accepted || item.kind == OutboxKind::Rejected ||
           item.kind == OutboxKind::Settlement || item.kind == OutboxKind::SettlementWallet ||
           item.kind == OutboxKind::SettlementReserved;
}

// Posts that only matter while the auction takes bids.
bool isAboutBidding(const OutboxItem& item)
{
    return item.kind != OutboxKind::Winner && item.kind != OutboxKind::NoWinner &&
           !sb::auction::outboxAboutSettlement(item.kind);
}

bool isOver(const QList<AuctionDay>& auctions, int index)
{
    for (const AuctionDay& a : auctions) {
        if (a.index == index)
            return a.winnerDeclared || a.state == DayState::Completed ||
                   a.state == DayState::Cancelled;
    }
    return true;
}

// Where a post goes: nowhere for the auction's own post, the auction's post for what belongs
// in its thread, else the post it answers. Empty `*target` with false: it cannot go yet.
bool targetOf(const OutboxItem& item, const QList<AuctionDay>& auctions, QString* target)
{
    target->clear();
    if (item.kind == OutboxKind::Open)
        return true;
    if (!item.inThread && !item.replyTo.isEmpty()) {
        *target = item.replyTo;
        return true;
    }
    for (const AuctionDay& a : auctions) {
        if (a.index == item.auctionIndex)
            *target = a.threadId;
    }
    return !target->isEmpty(); // waits for the auction's post
}

} // namespace

// What the engine's thread hands back: the post to send now (its text fixed in the database),
// or why nothing goes.
struct XOutbox::Pick
{
    std::optional<OutboxItem> item;
    QString target;
    QString error;
    int collapsed = 0;
    QString waitingFor;
};

namespace {

// The summary that replaces `folded` (queued replies of one auction) when the budget cannot
// carry them: who leads at what, and how many bids were answered in it.
OutboxItem summaryOf(MarathonSession& s, int auctionIndex, const QList<OutboxItem>& folded)
{
    OutboxItem summary;
    summary.kind = OutboxKind::Summary;
    summary.auctionIndex = auctionIndex;
    summary.inThread = true;
    summary.key = QStringLiteral("summary:%1:%2-%3")
                      .arg(auctionIndex)
                      .arg(folded.first().id)
                      .arg(folded.last().id);
    for (const AuctionDay& a : s.engine().auctions()) {
        if (a.index == auctionIndex)
            summary.vars = s.engine().postVars(a);
    }
    int accepted = 0;
    int rejected = 0;
    int belowMinimum = 0;
    int extended = 0;
    for (const OutboxItem& item : folded) {
        if (item.kind == OutboxKind::Accepted)
            ++accepted;
        else if (item.kind == OutboxKind::Extended)
            ++extended;
        else if (item.kind == OutboxKind::Rejected) {
            ++rejected;
            const QString code = item.vars.value(QStringLiteral("code")).toString();
            if (code == QLatin1String("below_increment") || code == QLatin1String("below_reserve"))
                ++belowMinimum;
        }
    }
    if (const auto leader = s.engine().leaderBid(auctionIndex)) {
        summary.vars.insert(QStringLiteral("bidder"), leader->bidderName);
        summary.vars.insert(QStringLiteral("amount"), leader->amount.toEthString());
    }
    summary.vars.insert(QStringLiteral("accepted_count"), QString::number(accepted));
    summary.vars.insert(QStringLiteral("rejected_count"), QString::number(rejected));
    summary.vars.insert(QStringLiteral("below_minimum_count"), QString::number(belowMinimum));
    summary.vars.insert(QStringLiteral("extended_count"), QString::number(extended));
    return summary;
}

// The text of `item`, different from every post the outbox sent (X refuses a repeat).
QString textFor(MarathonSession& s, const OutboxItem& item, const XOutboxOptions& options,
                QString* error)
{
    QHash<QString, QString> vars;
    for (auto it = item.vars.constBegin(); it != item.vars.constEnd(); ++it)
        vars.insert(it.key(), it.value().toString());
    vars.insert(QStringLiteral("handle"), options.accountUsername);
    if (vars.value(QStringLiteral("wallet")).isEmpty())
        vars.insert(QStringLiteral("wallet"),
                    XOutbox::tr("the wallet you link (reply: wallet 0x…)"));
    const XTemplates templates{options.templates};
    QString base = templates.render(item.kind, vars, options.allowUrls, error);
    QString name = item.bidderName;
    if (name.startsWith(u'@'))
        name.remove(0, 1);
    const QString bidder = safeUsername(name);
    if (item.inThread && isReplyToBidder(item) && !bidder.isEmpty() &&
        !base.contains(u'@' + bidder, Qt::CaseInsensitive))
        base = u'@' + bidder + u' ' + base; // in the thread, say whom it is for
    base = fitToLength(base);
    int variant = std::max(1, item.vars.value(QStringLiteral("variant")).toInt(1));
    QString text = variant > 1 ? QString() : base;
    for (;; ++variant) {
        if (variant > 1) {
            const QString suffix = QStringLiteral(" (%1)").arg(variant);
            text = fitToLength(base, kMaxWeightedLength - weightedLength(suffix)) + suffix;
        }
        const auto used = s.store().outboxTextUsed(text, item.id);
        if (!used) {
            *error = used.error();
            return {};
        }
        if (!*used)
            return text;
    }
}

} // namespace

XOutbox::XOutbox(sb::auction::EngineThread& session, HttpClient& http, TokenProvider token,
                 XOutboxOptions options, QObject* parent)
    : QObject(parent), m_session(session), m_http(http), m_token(std::move(token)),
      m_options(std::move(options)), m_api(m_options.apiBaseUrl)
{
    m_timer.setInterval(m_options.tickMs);
    connect(&m_timer, &QTimer::timeout, this, &XOutbox::tick);
}

XOutbox::~XOutbox()
{
    stop();
}

void XOutbox::start()
{
    if (m_timer.isActive())
        return;
    m_timer.start();
    tick();
}

void XOutbox::stop()
{
    m_timer.stop();
    m_busy = false; // an answer still on its way is dropped (this object is its context)
}

int XOutbox::budget(std::int64_t nowMs) const
{
    if (!m_status.remaining || (m_status.resetUtcMs && nowMs >= *m_status.resetUtcMs))
        return m_options.assumedLimit;
    return *m_status.remaining;
}

void XOutbox::blockFor(std::int64_t ms, const QString& why)
{
    m_blockedUntilMs = QDateTime::currentMSecsSinceEpoch() + ms;
    m_status.waitingFor = why;
    emit stateChanged();
}

void XOutbox::queueLastMinutes(std::int64_t nowMs)
{
    const auto& view = m_session.view();
    if (!view.currentAuction)
        return;
    const AuctionDay* a = nullptr;
    for (const AuctionDay& day : view.auctions) {
        if (day.index == *view.currentAuction)
            a = &day;
    }
    if (!a || a->state != DayState::Active || m_lastMinutesQueued.contains(a->index) ||
        a->endUtcMs - nowMs > m_options.lastMinutesLeadMs || a->endUtcMs <= nowMs)
        return;
    m_lastMinutesQueued.insert(a->index);
    m_session.post([index = a->index, end = a->endUtcMs, now = nowMs](MarathonSession& s) {
        for (const AuctionDay& day : s.engine().auctions()) {
            if (day.index != index)
                continue;
            OutboxItem item;
            item.kind = OutboxKind::LastMinutes;
            item.key = QStringLiteral("last_minutes:%1").arg(index);
            item.auctionIndex = index;
            item.inThread = true;
            item.vars = s.engine().postVars(day);
            item.vars.insert(QStringLiteral("minutes"),
                             QString::number((end - now + 59'999) / 60'000));
            if (const ActionResult r = s.engine().queuePost(item); !r.ok)
                qCWarning(lcXOutbox) << "cannot queue the last minutes:" << r.error;
        }
    });
}

void XOutbox::tick()
{
    const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
    if (m_busy || !m_session.isOpen())
        return;
    queueLastMinutes(m_session.clock().nowUtcMs());
    if (now < m_blockedUntilMs)
        return;
    if (now < m_lastSentMs + m_options.minIntervalMs) {
        // The next post goes when the pace allows, not at the next tick after it.
        if (!m_paceTimerArmed) {
            m_paceTimerArmed = true;
            QTimer::singleShot(m_lastSentMs + m_options.minIntervalMs - now, this, [this] {
                m_paceTimerArmed = false;
                if (m_timer.isActive())
                    tick();
            });
        }
        return;
    }
    if (m_token().isEmpty())
        return;
    if (!m_status.waitingFor.isEmpty() && now >= m_blockedUntilMs) {
        m_status.waitingFor.clear();
        emit stateChanged();
    }
    m_busy = true;
    const int available = budget(now);
    m_session.post(
        [options = m_options, available](MarathonSession& s) {
            Pick pick;
            // A post whose answer never came goes first, with the same text.
            auto sending = s.store().outboxItems({OutboxState::Sending}, 1);
            if (!sending) {
                pick.error = sending.error();
                return pick;
            }
            if (!sending->isEmpty()) {
                OutboxItem item = sending->first();
                if (!targetOf(item, s.engine().auctions(), &pick.target))
                    return pick; // its thread is gone (operator cleared it): wait
                // Counted before it goes, so that a crash right after still knows it may have.
                item.attempts += 1;
                if (const ActionResult r = s.engine().updatePost(item); !r.ok) {
                    pick.error = r.error;
                    return pick;
                }
                pick.item = item;
                return pick;
            }
            auto queued = s.store().outboxItems({OutboxState::Queued}, 5000);
            if (!queued) {
                pick.error = queued.error();
                return pick;
            }
            // More replies due than the budget carries: fold each auction's into a summary.
            QHash<int, QList<OutboxItem>> collapsible;
            int others = 0;
            for (const OutboxItem& item : std::as_const(*queued)) {
                if (sb::auction::outboxCollapsible(item.kind))
                    collapsible[item.auctionIndex].append(item);
                else
                    ++others;
            }
            int due = 0;
            for (const auto& list : std::as_const(collapsible))
                due += int(list.size());
            const int repliesAllowed = std::max(0, available - options.reserve - others);
            if (due > repliesAllowed) {
                for (auto it = collapsible.cbegin(); it != collapsible.cend(); ++it) {
                    QList<std::int64_t> ids;
                    for (const OutboxItem& item : it.value())
                        ids.append(item.id);
                    const ActionResult r =
                        s.engine().collapsePosts(ids, summaryOf(s, it.key(), it.value()));
                    if (!r.ok) {
                        pick.error = r.error;
                        return pick;
                    }
                    pick.collapsed += int(ids.size());
                }
                queued = s.store().outboxItems({OutboxState::Queued}, 5000);
                if (!queued) {
                    pick.error = queued.error();
                    return pick;
                }
            }
            const auto restricted = s.store().replyRestricted();
            if (!restricted) {
                pick.error = restricted.error();
                return pick;
            }
            for (OutboxItem item : std::as_const(*queued)) {
                const bool kept = item.kind == OutboxKind::Open ||
                                  item.kind == OutboxKind::Winner ||
                                  item.kind == OutboxKind::NoWinner ||
                                  sb::auction::outboxAboutSettlement(item.kind);
                if (!kept && available <= options.reserve) {
                    pick.waitingFor = tr("Posting budget low: only the auction's post and the "
                                         "winner go until X's limit resets.");
                    continue;
                }
                if (isAboutBidding(item) && isOver(s.engine().auctions(), item.auctionIndex)) {
                    item.state = OutboxState::Skipped;
                    item.error = tr("The auction was over before this could be posted.");
                    if (const ActionResult r = s.engine().updatePost(item); !r.ok)
                        pick.error = r.error;
                    continue;
                }
                if (!item.inThread && isReplyToBidder(item) && restricted->contains(item.bidderId))
                    item.inThread = true;
                QString target;
                if (!targetOf(item, s.engine().auctions(), &target))
                    continue; // waits for the auction's post
                QString renderError;
                item.text = textFor(s, item, options, &renderError);
                if (item.text.isEmpty()) {
                    item.state = OutboxState::Failed;
                    item.error = renderError.isEmpty() ? tr("The template gives an empty text.")
                                                       : renderError;
                    if (const ActionResult r = s.engine().updatePost(item); !r.ok)
                        pick.error = r.error;
                    continue;
                }
                item.state = OutboxState::Sending;
                item.error.clear();
                item.attempts += 1;
                if (const ActionResult r = s.engine().updatePost(item); !r.ok) {
                    pick.error = r.error;
                    return pick;
                }
                pick.item = item;
                pick.target = target;
                return pick;
            }
            return pick;
        },
        this,
        [this](Pick pick) {
            m_status.collapsed += pick.collapsed;
            if (!pick.error.isEmpty()) {
                m_busy = false;
                m_status.lastResult = pick.error;
                emit problem(pick.error);
                blockFor(5'000, pick.error);
                return;
            }
            if (!pick.item) {
                m_busy = false;
                if (m_status.waitingFor != pick.waitingFor) {
                    m_status.waitingFor = pick.waitingFor;
                    emit stateChanged();
                }
                return;
            }
            send(*pick.item, pick.target);
        });
}

void XOutbox::send(const OutboxItem& item, const QString& inReplyTo)
{
    m_lastSentMs = QDateTime::currentMSecsSinceEpoch();
    if (m_status.remaining)
        m_status.remaining = std::max(0, *m_status.remaining - 1);
    m_http.send(m_api.createPost(item.text, inReplyTo, m_token()), this,
                [this, item](const HttpResponse& response) { onAnswer(item, response); });
}

void XOutbox::onAnswer(OutboxItem item, const HttpResponse& response)
{
    if (!m_timer.isActive())
        return;
    const XRateLimit limit = XApi::postingLimit(response);
    if (limit.remaining)
        m_status.remaining = *limit.remaining;
    if (limit.resetUtcS)
        m_status.resetUtcMs = *limit.resetUtcS * 1000;
    const XApi::PostResult result = XApi::parseCreate(response);
    using Outcome = XApi::PostOutcome;
    switch (result.outcome) {
    case Outcome::Created:
        m_backoffMs = 0;
        item.state = OutboxState::Sent;
        item.postId = result.id;
        item.error.clear();
        ++m_status.sent;
        m_status.spentMicroUsd += m_options.postPriceMicroUsd;
        save(item, tr("Posted %1.").arg(result.id));
        emit posted(item);
        return;
    case Outcome::Duplicate:
        if (item.attempts > 1) { // it went out the first time: find it
            findSent(item);
            return;
        }
        // The account posted this text before, outside the outbox: say it differently.
        item.state = OutboxState::Queued;
        item.vars.insert(QStringLiteral("variant"),
                         std::max(2, item.vars.value(QStringLiteral("variant")).toInt(1) + 1));
        item.text.clear();
        save(item, result.message);
        return;
    case Outcome::ReplyRestricted:
        if (item.inThread || item.kind == OutboxKind::Open) {
            item.state = OutboxState::Failed;
            item.error = result.message;
            save(item, result.message);
            return;
        }
        // Goes to the auction's thread instead, and so will this author's next verdicts.
        m_session.post([author = item.bidderId](MarathonSession& s) {
            if (const ActionResult r = s.engine().restrictReplies(author); !r.ok)
                qCWarning(lcXOutbox) << "cannot remember a reply restriction:" << r.error;
        });
        item.state = OutboxState::Queued;
        item.inThread = true;
        item.text.clear();
        save(item, tr("X refused the reply (the author never mentioned the account): it goes "
                      "to the auction's thread."));
        return;
    case Outcome::RateLimited: {
        const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
        const std::int64_t reset = limit.resetUtcS ? *limit.resetUtcS * 1000 : 0;
        // A reset further away than X's 24-hour window is a broken header: hold for 15 minutes.
        const std::int64_t wait = reset > now
                                      ? std::clamp<std::int64_t>(reset - now, 1'000, 15 * 60'000)
                                      : m_options.unknownResetWaitMs;
        m_busy = false;
        m_status.lastResult = result.message;
        blockFor(wait, tr("X's posting limit is spent: waiting for its reset at %1.")
                           .arg(QDateTime::fromMSecsSinceEpoch(now + wait)
                                    .toString(QStringLiteral("HH:mm:ss"))));
        return;
    }
    case Outcome::Unauthorized:
        m_busy = false;
        m_status.lastResult = result.message;
        emit tokenRefused();
        blockFor(30'000, tr("X refused the token: waiting for a refresh or a new sign-in."));
        return;
    case Outcome::Retry:
        m_busy = false;
        m_backoffMs = std::min(kMaxBackoffMs, m_backoffMs == 0 ? 2'000 : m_backoffMs * 2);
        m_status.lastResult = result.message;
        blockFor(m_backoffMs,
                 tr("Posting again in %1 s: %2").arg(m_backoffMs / 1000).arg(result.message));
        return;
    case Outcome::Refused:
        item.state = OutboxState::Failed;
        item.error = result.message;
        save(item, result.message);
        emit problem(tr("X refused a post: %1").arg(result.message));
        return;
    }
}

void XOutbox::findSent(OutboxItem item)
{
    m_http.send(m_api.ownPosts(m_options.accountUserId, m_token()), this,
                [this, item](const HttpResponse& response) mutable {
                    if (!m_timer.isActive())
                        return;
                    const XPage page = XApi::parsePage(response);
                    if (!response.ok() || !page.error.isEmpty()) {
                        m_busy = false;
                        blockFor(5'000, XApi::describeFailure(response));
                        return; // still "sending": the next go asks again
                    }
                    const QString text = fitToLength(item.text);
                    for (const XPost& post : page.posts) {
                        if (post.text == item.text || post.text == text)
                            item.postId = post.id;
                    }
                    item.state = OutboxState::Sent;
                    item.error = item.postId.isEmpty()
                                     ? tr("X says this text was posted already; its post was "
                                          "not among the account's newest.")
                                     : QString();
                    ++m_status.sent;
                    m_status.spentMicroUsd += m_options.postPriceMicroUsd;
                    save(item, tr("Posted before the studio stopped: %1.")
                                   .arg(item.postId.isEmpty() ? tr("id unknown") : item.postId));
                    emit posted(item);
                });
}

void XOutbox::save(const OutboxItem& item, const QString& result)
{
    m_status.lastResult = result;
    m_session.post([item](MarathonSession& s) { return s.engine().updatePost(item); }, this,
                   [this](const ActionResult& saved) {
                       m_busy = false;
                       if (!saved.ok) {
                           emit problem(saved.error);
                           blockFor(5'000, saved.error);
                       }
                       emit stateChanged();
                   });
}

} // namespace sb::integrations::x
