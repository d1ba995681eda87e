#include "XStream.h"

#include "EngineThread.h"

#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcXStream, "sb.x.stream")

namespace sb::integrations::x {

using sb::auction::MarathonSession;

namespace {

QString ruleValue(const QString& conversationId)
{
    return QStringLiteral("conversation_id:") + conversationId;
}

} // namespace

XStream::XStream(sb::auction::EngineThread& session, HttpClient& http, const QString& apiBaseUrl,
                 XStreamOptions options, Hooks hooks, QObject* parent)
    : QObject(parent), m_session(session), m_http(http), m_api(apiBaseUrl), m_options(options),
      m_hooks(std::move(hooks)), m_lastResult(tr("not started")),
      m_nextBackoffMs(m_options.reconnectFirstMs), m_nextTooManyMs(m_options.tooManyConnectionsMs)
{}

XStream::~XStream()
{
    stop();
}

void XStream::start()
{
    if (m_running || !m_active)
        return;
    m_running = true;
    m_vouchedMs = 0; // the engine starts this source from nothing
    m_gapUntilMs.reset();
    m_session.post([](MarathonSession& s) { s.engine().requireSource(QString(kName)); });
}

void XStream::stop()
{
    if (!m_running)
        return;
    m_running = false;
    ++m_epoch; // answers and verdicts still on their way are dropped
    m_rulesBusy = false;
    m_judging = 0;
    m_pendingVouchMs = 0;
    disconnect();
    if (m_session.isOpen())
        m_session.post([](MarathonSession& s) { s.engine().releaseSource(QString(kName)); });
}

void XStream::follow(int auctionIndex, const QString& conversationId)
{
    if (conversationId == m_wantConversation)
        return;
    m_wantConversation = conversationId;
    m_wantAuction = auctionIndex;
    if (conversationId.isEmpty()) {
        disconnect();
        return;
    }
    // The new conversation's posts are not covered before its rule has taken effect.
    openGap(m_hooks.nowMs() + m_options.ruleSettleMs);
}

void XStream::tick()
{
    if (!m_running || !m_active)
        return;
    if (!m_hooks.token || m_hooks.token().isEmpty()) {
        say(tr("signed out of X: nothing is read"));
        return;
    }
    advance();
    if (m_connected)
        say(connectedText());
    if (m_rulesBusy || m_hooks.nowMs() < m_retryAtMs)
        return;
    m_retryAtMs = 0;
    if (m_ruleFor != m_wantConversation) {
        syncRules();
        return;
    }
    if (m_wantConversation.isEmpty()) {
        say(tr("no auction takes bids: not connected"));
        return;
    }
    if (m_streamId == 0)
        connectStream();
}

QString XStream::waitingFor() const
{
    const std::int64_t now = m_hooks.nowMs();
    if (!m_active || m_retryAtMs <= now)
        return {};
    return tr("connecting again in %1 s").arg((m_retryAtMs - now + 999) / 1000);
}

void XStream::syncRules()
{
    m_rulesBusy = true;
    const QString conversation = m_wantConversation;
    const int auction = m_wantAuction;
    m_http.send(m_api.streamRules(m_hooks.token()), this,
                [this, conversation, auction, epoch = m_epoch](const HttpResponse& response) {
                    if (epoch != m_epoch)
                        return;
                    m_rulesBusy = false;
                    onRules(response, conversation, auction);
                    emit stateChanged();
                });
}

void XStream::onRules(const HttpResponse& response, const QString& conversation, int auctionIndex)
{
    if (!response.ok()) {
        onFailure(response);
        return;
    }
    const XStreamRules rules = XApi::parseStreamRules(response);
    if (!rules.error.isEmpty()) {
        say(rules.error);
        retryAfter(backOff());
        return;
    }
    const QString value = conversation.isEmpty() ? QString() : ruleValue(conversation);
    QStringList stale;
    bool present = false;
    for (const XStreamRule& rule : rules.rules) {
        if (!value.isEmpty() && rule.value == value)
            present = true; // whoever set it, it is the rule this auction needs
        else if (rule.tag.startsWith(kTagPrefix))
            stale.append(rule.id); // the studio's, for another post: only ours are deleted
    }
    const auto next = [this, conversation, auctionIndex, present] {
        if (conversation.isEmpty()) {
            m_ruleFor.clear();
            say(tr("no auction takes bids: not connected"));
        } else if (present) {
            ruleInPlace(conversation);
        } else {
            addRule(conversation, auctionIndex);
        }
    };
    if (stale.isEmpty()) {
        next();
        return;
    }
    m_rulesBusy = true;
    m_http.send(m_api.deleteStreamRules(stale, m_hooks.token()), this,
                [this, next, stale, epoch = m_epoch](const HttpResponse& deleted) {
                    if (epoch != m_epoch)
                        return;
                    m_rulesBusy = false;
                    if (!deleted.ok()) {
                        onFailure(deleted);
                    } else {
                        qCInfo(lcXStream).noquote() << "deleted the studio's rules" << stale;
                        next();
                    }
                    emit stateChanged();
                });
}

void XStream::addRule(const QString& conversation, int auctionIndex)
{
    m_rulesBusy = true;
    const QString tag = kTagPrefix + QString::number(auctionIndex);
    m_http.send(m_api.addStreamRule(ruleValue(conversation), tag, m_hooks.token()), this,
                [this, conversation, epoch = m_epoch](const HttpResponse& response) {
                    if (epoch != m_epoch)
                        return;
                    m_rulesBusy = false;
                    const XStreamRules added =
                        response.ok() ? XApi::parseStreamRules(response) : XStreamRules{};
                    if (!response.ok()) {
                        onFailure(response);
                    } else if (!added.error.isEmpty()) {
                        say(added.error);
                        retryAfter(backOff());
                    } else {
                        ruleInPlace(conversation);
                    }
                    emit stateChanged();
                });
}

void XStream::ruleInPlace(const QString& conversation)
{
    m_ruleFor = conversation;
    m_ruleSinceMs = m_hooks.nowMs();
    // A rule added to a connection that is open applies to it, from when it takes effect.
    if (m_connected)
        openGap(m_ruleSinceMs + m_options.ruleSettleMs);
    qCInfo(lcXStream).noquote() << "the rule for conversation" << conversation << "is in place";
    say(tr("rule set for the auction's post"));
}

void XStream::connectStream()
{
    m_buffer.clear();
    m_connected = false;
    const int generation = ++m_generation;
    HttpStreamHandlers handlers;
    handlers.started = [this, generation](const HttpResponse& head) {
        if (generation == m_generation)
            onStarted(head);
    };
    handlers.received = [this, generation](const QByteArray& bytes) {
        if (generation == m_generation)
            onBytes(bytes);
    };
    handlers.ended = [this, generation](const HttpResponse& end) {
        if (generation == m_generation)
            onEnded(end);
    };
    m_streamId = m_http.openStream(m_api.filteredStream(m_hooks.token()), m_options.idleTimeoutMs,
                                   this, std::move(handlers));
    say(tr("connecting"));
}

void XStream::disconnect()
{
    if (m_streamId != 0)
        m_http.cancelStream(m_streamId);
    ++m_generation;
    m_streamId = 0;
    m_connected = false;
    m_buffer.clear();
}

void XStream::onStarted(const HttpResponse& head)
{
    if (head.status < 200 || head.status >= 300)
        return; // its end carries the problem
    const std::int64_t now = m_hooks.nowMs();
    m_connected = true;
    m_connectedAtMs = now;
    m_lastByteMs = now;
    m_tokenRefusedSaid = false;
    ++m_connections;
    // Posts made before the connection (or before the rule took effect) may have passed it by.
    openGap(std::max(now, m_ruleSinceMs + m_options.ruleSettleMs));
    qCInfo(lcXStream) << "connected";
    say(connectedText());
}

void XStream::onBytes(const QByteArray& bytes)
{
    if (!m_connected)
        return;
    m_lastByteMs = m_hooks.nowMs(); // keep-alives count: the connection is alive
    m_buffer += bytes;
    QList<XPost> posts;
    qsizetype from = 0;
    for (qsizetype end = m_buffer.indexOf('\n'); end >= 0; end = m_buffer.indexOf('\n', from)) {
        const QByteArray line = m_buffer.mid(from, end - from).trimmed();
        from = end + 1;
        if (line.isEmpty())
            continue; // "\r\n": keep-alive
        const XPage page = XApi::parseStreamLine(line);
        if (!page.error.isEmpty()) {
            // A post may have been in it: search is to fill what the stream cannot vouch for.
            openGap(m_lastByteMs);
            qCInfo(lcXStream).noquote() << page.error;
            say(page.error);
            continue;
        }
        for (const XPost& post : page.posts) {
            // The app's other rules deliver other posts; the last auction's come until its rule
            // is deleted (search and mentions judge those).
            if (post.conversationId == m_ruleFor || post.conversationId == m_wantConversation)
                posts.append(post);
        }
    }
    m_buffer.remove(0, from);
    if (m_buffer.size() > kMaxLineBytes) {
        // No line end in megabytes: not X's stream as documented. Connect again.
        say(tr("the stream sent a line longer than %1 MB").arg(kMaxLineBytes / (1024 * 1024)));
        openGap(m_lastByteMs);
        disconnect();
        retryAfter(backOff());
        return;
    }
    if (!posts.isEmpty()) {
        m_postsRead += int(posts.size());
        ++m_judging;
        m_hooks.judge(posts, [this, epoch = m_epoch](bool stored, const QString& why) {
            if (epoch != m_epoch)
                return;
            --m_judging;
            if (!stored) {
                // Not durable: these posts are search's to bring in; the stream vouches for
                // nothing up to now until it has.
                m_pendingVouchMs = 0;
                openGap(m_hooks.nowMs());
                say(tr("the bids were not stored: %1").arg(why));
                emit problem(m_lastResult);
                return;
            }
            if (m_judging == 0 && m_pendingVouchMs > 0)
                vouch(std::exchange(m_pendingVouchMs, 0));
        });
    }
    advance();
    say(connectedText());
}

void XStream::onEnded(const HttpResponse& end)
{
    const bool wasConnected = m_connected;
    m_streamId = 0;
    m_connected = false;
    m_buffer.clear();
    const std::int64_t now = m_hooks.nowMs();
    if (wasConnected && now - m_connectedAtMs >= m_options.reconnectMaxMs) {
        // It had been up a while: this is a new trouble, not the last one going on.
        m_nextBackoffMs = m_options.reconnectFirstMs;
        m_nextTooManyMs = m_options.tooManyConnectionsMs;
    }
    if (end.status >= 200 && end.status < 300) {
        say(end.error.isEmpty() ? tr("X closed the stream")
                                : tr("the stream stopped: %1").arg(end.error));
        qCInfo(lcXStream).noquote() << m_lastResult;
        retryAfter(backOff());
        emit stateChanged();
        return;
    }
    onFailure(end);
    emit stateChanged();
}

void XStream::onFailure(const HttpResponse& response)
{
    const QString why = XApi::describeFailure(response);
    qCInfo(lcXStream).noquote() << why;
    if (response.status == 403) {
        // The app's access does not include the stream (X: client-not-enrolled, or a token of
        // a kind the stream does not take): go on with the other sources.
        turnOff(
            tr("off: this account's access does not include the filtered stream (%1)").arg(why));
        return;
    }
    if (response.status == 429) {
        // Too many connections (or requests): X asks for a longer wait than a cut connection.
        const std::int64_t wait = m_nextTooManyMs;
        m_nextTooManyMs = std::min(wait * 2, kMaxTooManyConnectionsMs);
        say(tr("%1; trying again in %2 s").arg(why).arg(wait / 1000));
        retryAfter(wait);
        return;
    }
    if (response.status == 401) {
        say(tr("X refused the access token: sign in to X again (%1)").arg(why));
        if (!std::exchange(m_tokenRefusedSaid, true)) {
            emit problem(m_lastResult);
            emit tokenRefused();
        }
    } else {
        say(why);
    }
    retryAfter(backOff());
}

std::int64_t XStream::backOff()
{
    const std::int64_t wait = m_nextBackoffMs;
    m_nextBackoffMs = std::min(wait * 2, m_options.reconnectMaxMs);
    return wait;
}

void XStream::retryAfter(std::int64_t delayMs)
{
    m_retryAtMs = m_hooks.nowMs() + delayMs;
}

void XStream::turnOff(const QString& why)
{
    disconnect();
    m_active = false;
    say(why);
    if (m_running && m_session.isOpen())
        m_session.post([](MarathonSession& s) { s.engine().releaseSource(QString(kName)); });
    emit problem(tr("%1 is not used: %2").arg(QString(kName), why));
}

void XStream::openGap(std::int64_t coveredFromMs)
{
    const std::int64_t until = coveredFromMs + m_options.lagMs;
    m_gapUntilMs = std::max(m_gapUntilMs.value_or(until), until);
}

void XStream::advance()
{
    if (!m_connected)
        return; // while not connected the watermark stays where it is
    if (m_gapUntilMs) {
        const std::int64_t searched = m_hooks.searchSeenUpToMs ? m_hooks.searchSeenUpToMs() : 0;
        if (searched < *m_gapUntilMs)
            return;
        m_gapUntilMs.reset(); // search has read the gap: from here the stream vouches on its own
    }
    vouch(m_lastByteMs - m_options.lagMs);
}

void XStream::vouch(std::int64_t upToMs)
{
    if (upToMs <= m_vouchedMs)
        return;
    if (m_judging > 0) {
        // The posts before this byte are not acknowledged yet: vouch once they are.
        m_pendingVouchMs = std::max(m_pendingVouchMs, upToMs);
        return;
    }
    m_vouchedMs = upToMs;
    m_session.post(
        [upToMs](MarathonSession& s) { s.engine().setWatermark(QString(kName), upToMs); });
}

QString XStream::connectedText() const
{
    QString text = tr("connected: %n post(s) read", nullptr, m_postsRead);
    if (m_gapUntilMs && !(m_hooks.searchSeenUpToMs && m_hooks.searchSeenUpToMs() > 0))
        text += tr("; without search it cannot vouch for what it may have missed, so the winner "
                   "waits for the engine's longest wait");
    return text;
}

void XStream::say(const QString& result)
{
    if (result == m_lastResult)
        return;
    m_lastResult = result;
    emit stateChanged();
}

} // namespace sb::integrations::x
