#include "LineDirector.h"

#include "AuctionEvent.h"
#include "Gwei.h"

#include <QDateTime>
#include <QRegularExpression>

#include <algorithm>

namespace sb::studio {

namespace EventType = sb::auction::EventType;

namespace {

const QString kBidder = QStringLiteral("a bidder");

int auctionOf(const QJsonObject& payload)
{
    return payload.value(QStringLiteral("auction")).toInt(-1);
}

std::int64_t utcMs(const QJsonObject& payload, const QString& key)
{
    const QDateTime time = QDateTime::fromString(payload.value(key).toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

// The amount as the engine wrote it ("0.8 ETH", "1,000.5 ETH"), checked to be only that; a bare
// number gets its unit, and anything else is rebuilt from the gwei.
QString spokenAmount(const QJsonObject& payload, const QString& amountKey, const QString& gweiKey)
{
    static const QRegularExpression engineAmount(
        QStringLiteral("^[0-9]{1,3}(,[0-9]{3})*(\\.[0-9]{1,9})?( ETH)?$"));
    const QString amount = payload.value(amountKey).toString();
    if (engineAmount.match(amount).hasMatch())
        return amount.endsWith(QStringLiteral(" ETH")) ? amount : amount + QStringLiteral(" ETH");
    const std::int64_t gwei = payload.value(gweiKey).toInteger(-1);
    if (gwei > 0)
        return sb::auction::Gwei::fromGwei(gwei).toEthString();
    return QStringLiteral("a new high");
}

QString countWord(int n)
{
    static const char* const kWords[] = {"zero", "one",   "two",   "three", "four", "five",
                                         "six",  "seven", "eight", "nine",  "ten"};
    return n >= 0 && n <= 10 ? QString::fromLatin1(kWords[n]) : QString::number(n);
}

QString plural(std::int64_t n, const char* unit)
{
    const QLatin1String name(unit);
    if (n == 1)
        return (name.startsWith(u'h') ? QStringLiteral("an %1") : QStringLiteral("a %1")).arg(name);
    return QStringLiteral("%1 %2s").arg(n).arg(name);
}

} // namespace

LineDirector::LineDirector(QObject* parent) : QObject(parent), m_persona(Persona::builtIn())
{
    qRegisterMetaType<sb::studio::HostLine>();
}

void LineDirector::setPersona(const Persona& persona)
{
    m_persona = persona;
    m_bags.clear();
    m_lastTemplate.clear();
}

QString LineDirector::safeHandle(const QString& bidder)
{
    static const QRegularExpression handle(QStringLiteral("^[A-Za-z0-9_]{1,15}$"));
    const QString name = bidder.startsWith(u'@') ? bidder.mid(1) : bidder;
    return handle.match(name).hasMatch() ? name : kBidder;
}

QString LineDirector::spokenDuration(std::int64_t ms)
{
    const std::int64_t seconds = std::max<std::int64_t>(0, (ms + 999) / 1000);
    if (seconds < 60)
        return plural(seconds, "second");
    const std::int64_t minutes = seconds / 60;
    if (minutes < 2)
        return seconds % 60 == 0
                   ? QStringLiteral("a minute")
                   : QStringLiteral("a minute and %1").arg(plural(seconds % 60, "second"));
    if (minutes < 60)
        return plural(minutes, "minute");
    const std::int64_t hours = minutes / 60;
    return minutes % 60 == 0 ? plural(hours, "hour")
                             : QStringLiteral("%1 and %2")
                                   .arg(plural(hours, "hour"), plural(minutes % 60, "minute"));
}

QStringList LineDirector::builtInTemplates(HostLineKind kind)
{
    switch (kind) {
    case HostLineKind::WindowOpen:
        return {QStringLiteral("Lot {lot} is open. Bids, please!")};
    case HostLineKind::FirstBid:
        return {QStringLiteral("First bid: {amount} from {bidder}.")};
    case HostLineKind::NewLeader:
        return {QStringLiteral("{bidder} leads at {amount}.")};
    case HostLineKind::Outbid:
        return {QStringLiteral("{bidder} takes the lead at {amount}.")};
    case HostLineKind::BigJump:
        return {QStringLiteral("A big jump! {bidder} leads at {amount}.")};
    case HostLineKind::Burst:
        return {QStringLiteral("{count} new bids — {bidder} leads at {amount}!")};
    case HostLineKind::Extension:
        return {QStringLiteral("A late bid! We go on for {time_left}.")};
    case HostLineKind::LastMinute:
        return {QStringLiteral("Last minute for lot {lot}!")};
    case HostLineKind::Paused:
        return {QStringLiteral("We pause the auction for a moment.")};
    case HostLineKind::Resumed:
        return {QStringLiteral("And we are back. Bids, please!")};
    case HostLineKind::Winner:
        return {QStringLiteral("Sold! Lot {lot} goes to {bidder} for {amount}.")};
    case HostLineKind::SettlementPaid:
        return {QStringLiteral("Lot {lot} is paid for. Thank you!")};
    case HostLineKind::BetweenAuctions:
        return {QStringLiteral("The next lot opens in {time_left}.")};
    case HostLineKind::Idle:
        return {QStringLiteral("Lot {lot} is still open. Any bids?")};
    case HostLineKind::Operator:
        return {};
    }
    return {};
}

QStringList LineDirector::templatesOf(HostLineKind kind) const
{
    const QStringList lines = m_persona.templateLines(QStringLiteral("line.") + lineKindKey(kind));
    return lines.isEmpty() ? builtInTemplates(kind) : lines;
}

int LineDirector::nextTemplate(HostLineKind kind, int count)
{
    // A shuffled bag per kind: every template once before any again, and a new round never
    // starts with the one that ended the last.
    QList<int>& bag = m_bags[int(kind)];
    if (bag.isEmpty() || std::any_of(bag.cbegin(), bag.cend(), [&](int i) { return i >= count; })) {
        bag.clear();
        for (int i = 0; i < count; ++i)
            bag.append(i);
        std::shuffle(bag.begin(), bag.end(), m_random);
        const int last = m_lastTemplate.value(int(kind), -1);
        if (count > 1 && bag.last() == last)
            std::swap(bag.first(), bag.last());
    }
    const int index = bag.takeLast();
    m_lastTemplate.insert(int(kind), index);
    return index;
}

QString LineDirector::fill(const QString& line, const QMap<QString, QString>& values) const
{
    static const QRegularExpression slot(QStringLiteral("\\{([a-z_]+)\\}"));
    QString out;
    qsizetype from = 0;
    for (auto it = slot.globalMatch(line); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        out += line.mid(from, match.capturedStart() - from);
        QString value = values.value(match.captured(1)); // a slot this kind lacks says nothing
        const QString before = out.trimmed();
        if (value == kBidder &&
            (before.isEmpty() || QStringLiteral(".!?…").contains(before.back())))
            value[0] = value[0].toUpper(); // "A bidder" where a sentence starts
        out += value;
        from = match.capturedEnd();
    }
    out += line.mid(from);
    out = out.simplified();
    if (!out.isEmpty())
        out[0] = out[0].toUpper();
    return out;
}

QString LineDirector::render(const Pending& pending, std::int64_t nowMs, HostLineFacts* facts)
{
    if (pending.kind == HostLineKind::Operator)
        return pending.operatorText;
    QMap<QString, QString> values = pending.values;
    if (pending.targetUtcMs > 0)
        values.insert(QStringLiteral("time_left"), spokenDuration(pending.targetUtcMs - nowMs));
    facts->amount = values.value(QStringLiteral("amount"));
    if (const QString bidder = values.value(QStringLiteral("bidder")); bidder != kBidder)
        facts->bidder = bidder;
    facts->lot = values.value(QStringLiteral("lot")).toInt();
    facts->timeLeft = values.value(QStringLiteral("time_left"));
    const QStringList lines = templatesOf(pending.kind);
    const QString chosen = lines.at(nextTemplate(pending.kind, int(lines.size())));
    const QString text = fill(chosen, values);
    if (m_filter.allows(text))
        return text;
    // Blocked: the same news with nobody named, in the chosen words if they pass, else from the
    // first template that does.
    facts->bidder.clear();
    values.insert(QStringLiteral("bidder"), kBidder);
    values.insert(QStringLiteral("previous"), kBidder);
    for (const QStringList& candidates :
         {QStringList{chosen}, lines, builtInTemplates(pending.kind)}) {
        for (const QString& line : candidates) {
            const QString safe = fill(line, values);
            if (m_filter.allows(safe))
                return safe;
        }
    }
    return QStringLiteral("What an auction!");
}

void LineDirector::onEvents(const QList<sb::auction::AuctionEvent>& events, std::int64_t nowMs)
{
    for (const sb::auction::AuctionEvent& event : events) {
        // Events replayed after a restart update what the director knows but are not news.
        m_eventIsOld = event.timeUtcMs > 0 && nowMs - event.timeUtcMs > m_settings.staleMs;
        onEvent(event, nowMs);
    }
    m_eventIsOld = false;
}

void LineDirector::onEvent(const sb::auction::AuctionEvent& event, std::int64_t nowMs)
{
    m_lastActivityMs = nowMs;
    const QJsonObject& p = event.payload;
    const QString& type = event.type;
    const int auction = auctionOf(p);
    const int lot = p.value(QStringLiteral("lot")).toInt(0);
    const auto lotValues = [&](int number) {
        return QMap<QString, QString>{{QStringLiteral("lot"), QString::number(number)}};
    };
    Pending line;
    line.auction = auction;
    line.createdMs = nowMs;

    if (type == EventType::DayOpened) {
        m_openAuction = auction;
        m_openLot = lot;
        m_endUtcMs = utcMs(p, QStringLiteral("end_utc"));
        m_leaderGwei.remove(auction);
        m_leaderBidderId.remove(auction);
        if (p.value(QStringLiteral("catch_up")).toBool())
            return; // a window that opened while the studio was closed is old news
        line.kind = HostLineKind::WindowOpen;
        line.values = lotValues(lot);
        line.targetUtcMs = m_endUtcMs;
        enqueue(line);
    } else if (type == EventType::BidAccepted) {
        const std::int64_t amount = p.value(QStringLiteral("amount_gwei")).toInteger(0);
        const std::int64_t previous = m_leaderGwei.value(auction, 0);
        const QString previousId = m_leaderBidderId.value(auction);
        const QString bidderId = p.value(QStringLiteral("bidder_id")).toString();
        m_leaderGwei.insert(auction, amount);
        m_leaderBidderId.insert(auction, bidderId);
        if (previous <= 0)
            line.kind = HostLineKind::FirstBid;
        else if (amount / m_settings.jumpFactor >= previous)
            line.kind = HostLineKind::BigJump;
        else if (!previousId.isEmpty() && previousId != bidderId)
            line.kind = HostLineKind::Outbid;
        else
            line.kind = HostLineKind::NewLeader;
        line.values = lotValues(m_openAuction == auction ? m_openLot : lot);
        line.values.insert(QStringLiteral("bidder"),
                           safeHandle(p.value(QStringLiteral("bidder")).toString()));
        line.values.insert(QStringLiteral("amount"), spokenAmount(p, QStringLiteral("amount"),
                                                                  QStringLiteral("amount_gwei")));
        enqueueLeader(line);
    } else if (type == EventType::AuctionLeader) {
        if (!p.value(QStringLiteral("recomputed")).toBool())
            return; // the bid.accepted beside it said it
        // An invalidated bid: whatever was queued about the lead is no longer true.
        m_leaderGwei.insert(auction, p.value(QStringLiteral("amount_gwei")).toInteger(0));
        m_leaderBidderId.insert(auction, p.value(QStringLiteral("bidder_id")).toString());
        m_queue.removeIf([&](const Pending& q) {
            const bool drop =
                q.auction == auction && priorityOf(q.kind) == HostLinePriority::Leader;
            if (drop)
                emit lineDropped(q.kind, QStringLiteral("superseded"));
            return drop;
        });
    } else if (type == EventType::AuctionExtended) {
        m_endUtcMs = utcMs(p, QStringLiteral("end_utc"));
        m_queue.removeIf([&](const Pending& q) {
            return q.kind == HostLineKind::LastMinute || q.kind == HostLineKind::Extension;
        });
        line.kind = HostLineKind::Extension;
        line.values = lotValues(lot);
        line.targetUtcMs = m_endUtcMs;
        enqueue(line);
    } else if (type == EventType::DayPaused || type == EventType::DayResumed) {
        line.kind = type == EventType::DayPaused ? HostLineKind::Paused : HostLineKind::Resumed;
        line.values = lotValues(lot);
        enqueue(line);
    } else if (type == EventType::DayClosing) {
        m_openAuction = -1;
    } else if (type == EventType::AuctionWinner) {
        m_openAuction = -1;
        dropPending(auction, HostLinePriority::Winner, QStringLiteral("superseded by the winner"));
        if (p.value(QStringLiteral("catch_up")).toBool())
            return;
        line.kind = HostLineKind::Winner;
        line.values = lotValues(lot);
        line.values.insert(QStringLiteral("bidder"),
                           safeHandle(p.value(QStringLiteral("bidder")).toString()));
        line.values.insert(QStringLiteral("amount"), spokenAmount(p, QStringLiteral("amount"),
                                                                  QStringLiteral("amount_gwei")));
        enqueue(line);
    } else if (type == EventType::DayScheduled) {
        line.kind = HostLineKind::BetweenAuctions;
        line.values = lotValues(lot);
        line.targetUtcMs = utcMs(p, QStringLiteral("start_utc"));
        if (line.targetUtcMs > nowMs)
            enqueue(line);
    } else if (type == QLatin1String("settlement.payment_seen") ||
               type == QLatin1String("settlement.mint_confirmed")) {
        // Either is the news "paid"; whichever comes first is said, once per auction.
        const int key = auction >= 0 ? auction : event.day.value_or(-1);
        if (m_settlementSaid.value(key))
            return;
        m_settlementSaid.insert(key, true);
        line.kind = HostLineKind::SettlementPaid;
        line.values = lotValues(lot > 0 ? lot : event.day.value_or(0));
        enqueue(line);
    }
}

void LineDirector::enqueue(Pending pending)
{
    if (m_muted && pending.kind != HostLineKind::Operator) {
        emit lineDropped(pending.kind, QStringLiteral("muted"));
        return;
    }
    if (m_eventIsOld) {
        emit lineDropped(pending.kind, QStringLiteral("stale"));
        return;
    }
    m_queue.append(std::move(pending));
}

void LineDirector::enqueueLeader(Pending pending)
{
    // Bids that came while a leader line waited merge into one line about the newest leader.
    if (m_eventIsOld || m_muted) {
        enqueue(std::move(pending)); // says why it is not queued
        return;
    }
    int merged = 0;
    m_queue.removeIf([&](const Pending& q) {
        if (priorityOf(q.kind) != HostLinePriority::Leader || q.auction != pending.auction)
            return false;
        merged += q.bids;
        return true;
    });
    if (merged > 0) {
        pending.bids += merged;
        pending.kind = HostLineKind::Burst;
        pending.values.insert(QStringLiteral("count"), countWord(pending.bids));
    }
    enqueue(std::move(pending));
}

void LineDirector::dropPending(int auction, HostLinePriority below, const QString& why)
{
    m_queue.removeIf([&](const Pending& q) {
        const bool drop = priorityOf(q.kind) < below && q.kind != HostLineKind::SettlementPaid &&
                          (auction < 0 || q.auction == auction);
        if (drop)
            emit lineDropped(q.kind, why);
        return drop;
    });
}

void LineDirector::tick(std::int64_t nowMs)
{
    if (!m_muted && m_openAuction >= 0 && m_endUtcMs > 0) {
        if (nowMs < m_endUtcMs && nowMs >= m_endUtcMs - m_settings.lastMinuteMs &&
            m_lastMinuteForEndMs != m_endUtcMs) {
            m_lastMinuteForEndMs = m_endUtcMs;
            Pending line;
            line.kind = HostLineKind::LastMinute;
            line.auction = m_openAuction;
            line.createdMs = nowMs;
            line.targetUtcMs = m_endUtcMs;
            line.values.insert(QStringLiteral("lot"), QString::number(m_openLot));
            enqueue(line);
        }
        const std::int64_t quietSince = std::max(m_lastActivityMs, m_lastSpokenMs);
        if (m_queue.isEmpty() && nowMs - quietSince >= m_settings.idleMs) {
            Pending line;
            line.kind = HostLineKind::Idle;
            line.auction = m_openAuction;
            line.createdMs = nowMs;
            line.targetUtcMs = m_endUtcMs;
            line.values.insert(QStringLiteral("lot"), QString::number(m_openLot));
            enqueue(line);
        }
    }
    while (!m_queue.isEmpty()) {
        // The highest priority first; among equals, the oldest.
        const auto best = std::max_element(m_queue.begin(), m_queue.end(),
                                           [](const Pending& a, const Pending& b) {
                                               if (priorityOf(a.kind) != priorityOf(b.kind))
                                                   return priorityOf(a.kind) < priorityOf(b.kind);
                                               return a.createdMs > b.createdMs;
                                           });
        const bool operatorLine = best->kind == HostLineKind::Operator;
        if (!operatorLine && (nowMs < m_nextAllowedMs || (m_voiceBusy && m_voiceBusy())))
            return;
        const Pending pending = *best;
        m_queue.erase(best);
        if (!operatorLine && nowMs - pending.createdMs > m_settings.staleMs) {
            emit lineDropped(pending.kind, QStringLiteral("stale"));
            continue;
        }
        HostLineFacts facts;
        const QString text = render(pending, nowMs, &facts);
        m_current =
            HostLine{text, pending.kind, priorityOf(pending.kind), pending.createdMs, facts};
        m_nextAllowedMs = nowMs + m_settings.minGapMs;
        m_lastSpokenMs = nowMs;
        emit lineReady(m_current);
        return;
    }
}

void LineDirector::setOpenAuction(int auction, int lot, std::int64_t endUtcMs, std::int64_t nowMs)
{
    m_openAuction = auction;
    m_openLot = lot;
    m_endUtcMs = auction >= 0 ? endUtcMs : 0;
    m_lastActivityMs = nowMs;
}

void LineDirector::setMuted(bool muted)
{
    m_muted = muted;
    if (muted)
        dropPending(-1, HostLinePriority::Operator, QStringLiteral("muted"));
}

void LineDirector::skip(std::int64_t nowMs)
{
    if (!m_current.text.isEmpty())
        emit lineSkipped(std::exchange(m_current, HostLine{}));
    m_nextAllowedMs = nowMs;
    tick(nowMs);
}

LineDirector::OperatorLineResult LineDirector::sayOperatorLine(const QString& text,
                                                               std::int64_t nowMs)
{
    const QString line = text.simplified();
    if (line.isEmpty())
        return {false, tr("The line is empty.")};
    if (line.size() > m_settings.maxOperatorChars)
        return {false,
                tr("The line is longer than %1 characters.").arg(m_settings.maxOperatorChars)};
    if (const QString term = m_filter.blockedTerm(line); !term.isEmpty())
        return {false, tr("The line contains \"%1\", which is on the blocklist.").arg(term)};
    Pending pending;
    pending.kind = HostLineKind::Operator;
    pending.createdMs = nowMs;
    pending.operatorText = line;
    enqueue(pending);
    tick(nowMs);
    return {true, {}};
}

QList<HostLineKind> LineDirector::pendingKinds() const
{
    QList<Pending> order = m_queue;
    std::stable_sort(order.begin(), order.end(), [](const Pending& a, const Pending& b) {
        if (priorityOf(a.kind) != priorityOf(b.kind))
            return priorityOf(a.kind) > priorityOf(b.kind);
        return a.createdMs < b.createdMs;
    });
    QList<HostLineKind> kinds;
    for (const Pending& p : order)
        kinds.append(p.kind);
    return kinds;
}

} // namespace sb::studio
