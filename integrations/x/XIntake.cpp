#include "XIntake.h"

#include "Clock.h"
#include "EngineThread.h"
#include "WalletAddress.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>
#include <QSet>

#include <algorithm>

Q_LOGGING_CATEGORY(lcXIntake, "sb.x.intake")

namespace sb::integrations::x {

using sb::auction::ActionResult;
using sb::auction::BidInput;
using sb::auction::BidOutcome;
using sb::auction::DayState;
using sb::auction::MarathonSession;
using sb::auction::Result;

namespace {

// Post ids are decimal strings too long for doubles: compare them as numbers by length first.
bool idLess(const QString& a, const QString& b)
{
    return a.size() != b.size() ? a.size() < b.size() : a < b;
}

QString cursorKey(const QString& source, const QString& conversationId)
{
    return QStringLiteral("x.since_id.%1.%2").arg(source, conversationId);
}

} // namespace

struct XIntake::Source
{
    QString name;
    bool search = false;
    bool active = true;
    XPollScheduler scheduler;
    bool busy = false; // a request, a read of the cursor or the engine's verdicts are pending
    // The cursor (since_id) of the conversation being read, as stored.
    QString cursorFor;
    QString sinceId;
    // The round in progress: every page from since_id, then the posts go to the engine.
    bool roundOpen = false;
    int auctionIndex = -1;
    QString conversationId;
    std::int64_t roundStartedMs = 0; // the session's clock
    QString nextToken;
    QString newestId;
    // A backlog longer than a round's pages: the next round goes on from this page (same since_id,
    // pages newest first), and the cursor moves only once the oldest page has been read.
    QString resumeToken;
    QString resumeNewestId;
    std::int64_t resumeStartedMs = 0;
    int pages = 0;
    QList<XPost> collected;
    // The page tokens of this backlog (its rounds and the ones that resumed it): a token given
    // again would page in a circle for ever.
    QSet<QString> tokensSeen;
    // X refused a page token: what was read is judged, and the round starts over from its first
    // page without moving the cursor or the watermark.
    bool restartRound = false;
    // For the X dock.
    QString lastResult;
    std::int64_t lastPollUtcMs = 0;
    std::int64_t watermarkMs = 0;
    int postsRead = 0;
    bool tokenRefusedSaid = false;
};

XIntake::XIntake(sb::auction::EngineThread& session, HttpClient& http, TokenProvider token,
                 XIntakeOptions options, QObject* parent)
    : QObject(parent), m_session(session), m_http(http), m_token(std::move(token)),
      m_options(std::move(options)), m_api(m_options.apiBaseUrl),
      m_budget(m_options.readPriceMicroUsd, m_options.ownReadPriceMicroUsd,
               m_options.monthlyBudgetMicroUsd)
{
    const auto add = [this](const QString& name, bool search, bool wanted) {
        auto source = std::make_unique<Source>();
        source->name = name;
        source->search = search;
        source->scheduler = XPollScheduler(m_options.cadence);
        source->active = wanted;
        source->lastResult = wanted ? tr("not started") : tr("turned off in Settings");
        if (wanted && !search && m_options.accountUserId.isEmpty()) {
            source->active = false;
            source->lastResult = tr("off: the signed-in account is not known");
        }
        m_sources.push_back(std::move(source));
    };
    add(QStringLiteral("x-mentions"), false, m_options.useMentions);
    add(QStringLiteral("x-search"), true, m_options.useSearch);
    if (m_options.useStream)
        makeStream();
    m_timer.setInterval(std::max(10, m_options.tickMs));
    connect(&m_timer, &QTimer::timeout, this, &XIntake::tick);
}

XIntake::~XIntake()
{
    stop();
}

void XIntake::makeStream()
{
    XStream::Hooks hooks;
    hooks.token = [this] { return m_token ? m_token() : QString(); };
    hooks.nowMs = [this] { return m_session.clock().nowUtcMs(); };
    hooks.searchSeenUpToMs = [this] {
        for (const auto& source : m_sources) {
            if (source->search && source->active)
                return source->watermarkMs;
        }
        return std::int64_t(0);
    };
    hooks.judge = [this](const QList<XPost>& posts,
                         std::function<void(bool, const QString&)> done) {
        m_postsRead += int(posts.size());
        countRead(XReadBudget::Source::Search, posts); // a post the stream gives is a read
        QList<XPost> bids;
        for (const XPost& post : posts) {
            if (post.authorId != m_options.accountUserId || post.authorId.isEmpty())
                bids.append(post); // the studio's own posts and replies are not bids
        }
        judge(bids, std::move(done));
    };
    m_stream = std::make_unique<XStream>(m_session, m_http, m_options.apiBaseUrl, m_options.stream,
                                         std::move(hooks));
    connect(m_stream.get(), &XStream::stateChanged, this, &XIntake::stateChanged);
    connect(m_stream.get(), &XStream::problem, this, &XIntake::problem);
    connect(m_stream.get(), &XStream::tokenRefused, this, &XIntake::tokenRefused);
}

void XIntake::start()
{
    if (m_timer.isActive())
        return;
    for (const auto& source : m_sources) {
        if (!source->active)
            continue;
        m_session.post(
            [name = source->name](MarathonSession& s) { s.engine().requireSource(name); });
    }
    if (m_stream)
        m_stream->start();
    m_timer.start();
    tick();
}

void XIntake::stop()
{
    if (!m_timer.isActive())
        return;
    m_timer.stop();
    saveMonth();
    if (m_stream)
        m_stream->stop();
    for (const auto& source : m_sources) {
        source->busy = false;
        source->roundOpen = false;
        source->resumeToken.clear();
        if (m_session.isOpen())
            m_session.post(
                [name = source->name](MarathonSession& s) { s.engine().releaseSource(name); });
    }
}

std::int64_t XIntake::lagMs(const Source& source) const
{
    return source.search ? m_options.searchLagMs : m_options.mentionsLagMs;
}

std::int64_t XIntake::wallNowMs() const
{
    return m_options.clock ? m_options.clock->nowUtcMs() : QDateTime::currentMSecsSinceEpoch();
}

void XIntake::applyBudgetLevel()
{
    const XBudgetLevel level = m_budget.level();
    for (const auto& source : m_sources)
        source->scheduler.setBudgetLevel(level);
    const XBudgetLevel was = std::exchange(m_budgetLevel, level);
    if (level == was)
        return;
    qCInfo(lcXIntake).noquote() << m_budget.summary() << m_budget.note();
    if (level > was)
        emit problem(m_budget.note());
    emit stateChanged();
}

XPhase XIntake::phaseNow(int* auctionIndex, QString* conversationId) const
{
    const sb::auction::EngineView& view = m_session.view();
    *auctionIndex = -1;
    conversationId->clear();
    if (!view.currentAuction || *view.currentAuction >= view.auctions.size())
        return XPhase::Idle;
    const sb::auction::AuctionDay& a = view.auctions.at(*view.currentAuction);
    *auctionIndex = a.index;
    *conversationId = a.threadId;
    const std::int64_t now = m_session.clock().nowUtcMs();
    if (a.state == DayState::Active || a.state == DayState::Paused)
        return a.endUtcMs - now <= m_options.closingLeadMs ? XPhase::Closing : XPhase::Open;
    if (a.state == DayState::Processing && !a.winnerDeclared)
        return XPhase::Grace;
    return XPhase::Idle;
}

void XIntake::tick()
{
    if (!m_timer.isActive())
        return; // stopped: nothing is read
    followMonth(wallNowMs());
    // The dock repaints on stateChanged(): say it only when a source's state changed.
    QStringList before;
    for (const auto& s : m_sources)
        before << s->lastResult + QString::number(s->busy) + QString::number(s->roundOpen);
    const QString token = m_token ? m_token() : QString();
    int auctionIndex = -1;
    QString conversation;
    const XPhase phase = phaseNow(&auctionIndex, &conversation);
    if (m_stream) {
        // The stream follows the auction while it takes bids and in the grace; with the month's
        // budget spent, only in the grace (as the polled sources).
        const bool follows = !conversation.isEmpty() && phase != XPhase::Idle &&
                             (m_budget.level() != XBudgetLevel::Spent || phase == XPhase::Grace);
        m_stream->follow(auctionIndex, follows ? conversation : QString());
        m_stream->tick();
    }
    for (const auto& s : m_sources) {
        Source& source = *s;
        if (!source.active || source.busy)
            continue;
        if (token.isEmpty()) {
            source.lastResult = tr("signed out of X: nothing is read");
            continue;
        }
        if (!source.roundOpen && conversation.isEmpty()) {
            source.lastResult = tr("the auction has no post on X yet");
            continue;
        }
        if (!source.roundOpen && source.cursorFor != conversation) {
            // The since_id of this conversation, as the last run left it.
            source.busy = true;
            const QString key = cursorKey(source.name, conversation);
            m_session.post([key](MarathonSession& session) { return session.store().meta(key); },
                           this,
                           [this, &source, conversation](sb::auction::Result<QString> read) {
                               source.busy = false;
                               if (!read) {
                                   source.lastResult = read.error();
                                   return;
                               }
                               source.cursorFor = conversation;
                               source.sinceId = *read;
                           });
            continue;
        }
        // The month's stored figures first: they may say the budget is spent.
        if (!m_monthRead && !m_monthReadFailed)
            continue;
        // The next page of a round goes as soon as the limits allow; a new round waits for the
        // phase's cadence.
        if (!source.scheduler.mayPollNow(wallNowMs(), phase, source.roundOpen && source.pages > 0))
            continue;
        if (!source.roundOpen) {
            source.roundOpen = true;
            source.auctionIndex = auctionIndex;
            source.conversationId = conversation;
            source.roundStartedMs = m_session.clock().nowUtcMs();
            source.nextToken.clear();
            source.newestId.clear();
            source.pages = 0;
            source.collected.clear();
            if (source.resumeToken.isEmpty()) {
                source.tokensSeen.clear(); // a new backlog
            } else {
                // Where the last round stopped in a long backlog: what it vouches for is as of
                // the round that started the backlog.
                source.nextToken = std::exchange(source.resumeToken, QString());
                source.newestId = source.resumeNewestId;
                source.roundStartedMs = source.resumeStartedMs;
            }
        }
        poll(source);
    }
    QStringList after;
    for (const auto& s : m_sources)
        after << s->lastResult + QString::number(s->busy) + QString::number(s->roundOpen);
    if (after != before)
        emit stateChanged();
}

void XIntake::poll(Source& source)
{
    const QString token = m_token ? m_token() : QString();
    const HttpRequest request =
        source.search
            ? m_api.searchConversation(source.conversationId, source.sinceId, source.nextToken,
                                       token)
            : m_api.mentions(m_options.accountUserId, source.sinceId, source.nextToken, token);
    source.busy = true;
    source.scheduler.onSent(wallNowMs(), source.pages > 0);
    m_http.send(request, this, [this, &source](const HttpResponse& response) {
        if (!source.busy || !m_timer.isActive())
            return; // stopped meanwhile: the page is read again next time
        source.busy = false;
        onPage(source, response);
        emit stateChanged();
    });
}

void XIntake::onPage(Source& source, const HttpResponse& response)
{
    const std::int64_t now = wallNowMs();
    source.scheduler.onAnswer(response, now);
    source.lastPollUtcMs = now;
    if (!response.ok()) {
        const QString why = XApi::describeFailure(response);
        if (response.status == 401) {
            source.lastResult = tr("X refused the access token: sign in to X again (%1)").arg(why);
            if (!std::exchange(source.tokenRefusedSaid, true)) {
                emit problem(source.lastResult);
                emit tokenRefused();
            }
        } else if (response.status == 403) {
            // The account's access does not include this source: go on with the others.
            source.active = false;
            source.roundOpen = false;
            source.lastResult = tr("off: this account's access does not include it (%1)").arg(why);
            m_session.post(
                [name = source.name](MarathonSession& s) { s.engine().releaseSource(name); });
            emit problem(tr("%1 is not used: %2").arg(source.name, source.lastResult));
        } else if (response.status >= 400 && response.status < 500 && response.status != 429 &&
                   !source.nextToken.isEmpty()) {
            // X refused the page token (expired, or one it never gave): asking for it again gets
            // the same answer.
            source.lastResult =
                tr("X refused the next page (%1): reading again from the first").arg(why);
            qCInfo(lcXIntake).noquote() << source.name << source.lastResult;
            source.nextToken.clear();
            source.resumeToken.clear();
            source.restartRound = true;
            finishRound(source);
            return;
        } else {
            source.lastResult = why; // the scheduler waits out a 429 and backs off after a 5xx
        }
        qCInfo(lcXIntake).noquote() << source.name << source.lastResult;
        return; // the round stays open: this page is asked for again
    }
    source.tokenRefusedSaid = false;
    const XPage page = XApi::parsePage(response);
    if (!page.error.isEmpty()) {
        source.scheduler.onUnusableAnswer(now);
        source.lastResult = page.error;
        qCInfo(lcXIntake).noquote() << source.name << page.error;
        return;
    }
    source.postsRead += int(page.posts.size());
    m_postsRead += int(page.posts.size());
    countRead(source.search ? XReadBudget::Source::Search : XReadBudget::Source::Mentions,
              page.posts);
    // The cursor moves only past posts older than the source's lag: a post created just before
    // them may not be indexed yet, and since_id would skip it for good once it is.
    const std::int64_t horizon = source.roundStartedMs - lagMs(source);
    for (const XPost& post : page.posts) {
        if (post.createdMs <= horizon &&
            (source.newestId.isEmpty() || idLess(source.newestId, post.id)))
            source.newestId = post.id;
        if (post.authorId == m_options.accountUserId && !post.authorId.isEmpty())
            continue; // the studio's own posts and replies are not bids
        source.collected.append(post);
    }
    ++source.pages;
    // A server that hands back a token it gave before (the one just asked for, or one earlier
    // in this backlog) would page for ever: that page is the last one.
    const QString asked = std::exchange(source.nextToken, page.meta.nextToken);
    if (!asked.isEmpty())
        source.tokensSeen.insert(asked);
    if (!source.nextToken.isEmpty() && source.tokensSeen.contains(source.nextToken)) {
        qCWarning(lcXIntake).noquote() << source.name << "X gave a next_token it gave before";
        source.nextToken.clear();
    }
    // A budget spent on this page: what was read is judged now, the older pages wait for the
    // sweep after the close (the cursor does not move past them).
    int auctionIndex = -1;
    QString conversation;
    const bool budgetStops = m_budget.level() == XBudgetLevel::Spent &&
                             phaseNow(&auctionIndex, &conversation) != XPhase::Grace;
    if (!source.nextToken.isEmpty() && source.pages < m_options.maxPagesPerRound && !budgetStops) {
        source.lastResult = tr("reading: page %1").arg(source.pages);
        return; // the next page when the scheduler allows
    }
    if (!source.nextToken.isEmpty()) {
        // The round's pages are used up with older posts still to read: judge these now and go
        // on from here next round, without moving the cursor past what is unread.
        source.resumeToken = source.nextToken;
        source.resumeNewestId = source.newestId;
        source.resumeStartedMs = source.roundStartedMs;
    }
    finishRound(source);
}

int XIntake::judge(QList<XPost> posts, std::function<void(bool, const QString&)> done)
{
    std::sort(posts.begin(), posts.end(),
              [](const XPost& a, const XPost& b) { return idLess(a.id, b.id); });
    QList<BidInput> bids;
    bids.reserve(posts.size());
    for (const XPost& post : std::as_const(posts)) {
        const QString name = post.username.isEmpty() ? post.authorId : u'@' + post.username;
        // "wallet 0x…": the bidder links a wallet for the settlement; such a post is no bid.
        QString wrongAddress;
        if (const std::optional<QString> address =
                sb::auction::WalletAddress::linkIn(post.text, &wrongAddress)) {
            const sb::auction::WalletLink link{post.authorId,       name,         *address,
                                               QStringLiteral("x"), post.firstId, 0};
            // Queued before the round's bids: a bid of the same round sees the link.
            m_session.post([link](MarathonSession& s) {
                const ActionResult linked = s.engine().linkWallet(link);
                if (!linked.ok)
                    qCWarning(lcXIntake).noquote() << linked.error;
            });
            continue;
        }
        if (!wrongAddress.isEmpty()) {
            emit problem(tr("%1's wallet link was not taken: %2").arg(name, wrongAddress));
            continue;
        }
        BidInput bid;
        bid.source = QStringLiteral("x");
        bid.sourceId = post.firstId; // an edit is the same bid: the first version is judged
        bid.bidderId = post.authorId;
        bid.bidderName = name;
        bid.text = post.text;
        bid.sourceTimeMs = post.createdMs;
        bid.accountCreatedMs = post.authorCreatedMs;
        bid.threadId = post.conversationId;
        bids.append(bid);
    }
    const int count = int(bids.size());
    if (bids.isEmpty()) {
        done(true, {});
        return count;
    }
    m_session.submitBids(bids, this, [done = std::move(done)](const QList<BidOutcome>& outcomes) {
        for (const BidOutcome& outcome : outcomes) {
            if (outcome.kind == BidOutcome::Kind::Failed) {
                done(false, outcome.error);
                return;
            }
        }
        done(true, {});
    });
    return count;
}

void XIntake::finishRound(Source& source)
{
    const auto afterVerdicts = [this, &source](bool stored, const QString& why, int count) {
        if (!stored) {
            // Not durable: the cursor stays, the whole round is read again (repeats of what was
            // stored are ignored by the engine).
            source.roundOpen = false;
            source.resumeToken.clear();
            source.restartRound = false;
            source.lastResult = tr("the bids were not stored: %1").arg(why);
            emit problem(source.lastResult);
            return;
        }
        saveMonth(); // with the cursor: what these posts cost survives a restart as they do
        if (std::exchange(source.restartRound, false)) {
            source.roundOpen = false; // from the first page again, as if this round never was
            return;
        }
        if (!source.resumeToken.isEmpty()) {
            source.roundOpen = false; // a backlog: neither the cursor nor the watermark moves yet
            source.lastResult = tr("reading a backlog: %n post(s) judged so far", nullptr, count);
            return;
        }
        const QString newest = source.newestId;
        if (!newest.isEmpty() && newest != source.sinceId) {
            source.sinceId = newest;
            const QString key = cursorKey(source.name, source.conversationId);
            m_session.post([key, newest](MarathonSession& s) {
                QString error;
                if (!s.store().setMeta(key, newest, &error))
                    qCWarning(lcXIntake).noquote() << error; // read again after a restart
            });
        }
        source.lastResult = tr("%n post(s) judged", nullptr, count);
        const std::int64_t upTo = source.roundStartedMs - lagMs(source);
        const sb::auction::EngineView& view = m_session.view();
        const bool closing = source.auctionIndex >= 0 &&
                             source.auctionIndex < view.auctions.size() &&
                             upTo >= view.auctions.at(source.auctionIndex).endUtcMs;
        if (closing)
            verifyLeaderThenVouch(source, source.auctionIndex, upTo, 5);
        else
            vouch(source, upTo);
    };
    source.busy = true;
    // The count is known before the verdicts come: `afterVerdicts` reads it then.
    auto counted = std::make_shared<int>(0);
    *counted =
        judge(source.collected, [&source, afterVerdicts, counted](bool stored, const QString& why) {
            source.busy = false;
            afterVerdicts(stored, why, *counted);
        });
}

void XIntake::verifyLeaderThenVouch(Source& source, int auctionIndex, std::int64_t upToMs,
                                    int checksLeft)
{
    const std::optional<sb::auction::BidRecord> leader = m_session.view().leaderBid(auctionIndex);
    if (!leader || leader->source != QLatin1String("x") || checksLeft <= 0) {
        vouch(source, upToMs);
        return;
    }
    // The leading post may have been deleted since it was judged: look it up before vouching.
    source.busy = true;
    const QString postId = leader->sourceId;
    const std::int64_t bidId = leader->id;
    m_http.send(
        m_api.lookup({postId}, m_token ? m_token() : QString()), this,
        [this, &source, auctionIndex, upToMs, checksLeft, postId, bidId](const HttpResponse& r) {
            source.busy = false;
            if (!m_timer.isActive())
                return;
            const XPage page = r.ok() ? XApi::parsePage(r) : XPage{};
            if (!r.ok() || !page.error.isEmpty()) {
                source.roundOpen = false; // vouch for nothing this round; try again
                source.lastResult = tr("could not check the leading post: %1")
                                        .arg(r.ok() ? page.error : XApi::describeFailure(r));
                return;
            }
            countRead(XReadBudget::Source::Lookup, page.posts);
            const bool exists = std::any_of(page.posts.cbegin(), page.posts.cend(),
                                            [&](const XPost& p) { return p.id == postId; });
            // A post X may not show (its author went protected) is still there: the bid stands.
            if (exists || page.hidden.contains(postId)) {
                vouch(source, upToMs);
                return;
            }
            // Only X saying the post is gone takes the bid away; an answer that merely leaves
            // it out (a broken or lying server) decides nothing, and the post is asked for again.
            if (!page.notFound.contains(postId)) {
                source.roundOpen = false;
                source.lastResult =
                    tr("could not check the leading post: X's answer did not mention it");
                return;
            }
            source.busy = true;
            m_session.post(
                [bidId](MarathonSession& s) {
                    return s.engine().invalidateBid(
                        bidId, QStringLiteral("the post was deleted on X"), QStringLiteral("x"));
                },
                this,
                [this, &source, auctionIndex, upToMs, checksLeft](const ActionResult& result) {
                    source.busy = false;
                    if (!result.ok)
                        qCWarning(lcXIntake).noquote() << result.error;
                    verifyLeaderThenVouch(source, auctionIndex, upToMs, checksLeft - 1);
                });
        });
}

void XIntake::vouch(Source& source, std::int64_t upToMs)
{
    source.roundOpen = false;
    if (upToMs <= source.watermarkMs)
        return;
    source.watermarkMs = upToMs;
    m_session.post([name = source.name, upToMs](MarathonSession& s) {
        s.engine().setWatermark(name, upToMs);
    });
}

QList<XIntake::SourceState> XIntake::sources() const
{
    QList<SourceState> states;
    const std::int64_t now = wallNowMs();
    int auctionIndex = -1;
    QString conversation;
    const XPhase phase = phaseNow(&auctionIndex, &conversation);
    for (const auto& s : m_sources) {
        SourceState state;
        state.name = s->name;
        state.active = s->active;
        state.lastResult = s->lastResult;
        state.lastPollUtcMs = s->lastPollUtcMs;
        state.remaining = s->scheduler.remaining();
        state.resetUtcMs = s->scheduler.resetUtcMs();
        state.waitingFor = s->scheduler.waitingFor(now, phase);
        state.watermarkUtcMs = s->watermarkMs;
        state.postsRead = s->postsRead;
        state.reading = s->busy || s->roundOpen;
        state.nextRoundUtcMs = s->scheduler.nextAllowedMs(now, phase);
        states.append(state);
    }
    if (m_stream) {
        SourceState state;
        state.name = QString(XStream::kName);
        state.active = m_stream->isActive();
        state.lastResult = m_stream->lastResult();
        state.lastPollUtcMs = m_stream->lastByteMs(); // the last byte: when it was last alive
        state.waitingFor = m_stream->waitingFor();
        state.watermarkUtcMs = m_stream->watermarkMs();
        state.postsRead = m_stream->postsRead();
        state.reading = m_stream->isConnected();
        state.nextRoundUtcMs = m_stream->retryAtMs();
        states.append(state);
    }
    return states;
}

int XIntake::postsRead() const
{
    return m_postsRead;
}

} // namespace sb::integrations::x
