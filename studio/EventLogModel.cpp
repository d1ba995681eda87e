#include "EventLogModel.h"

#include "EngineThread.h"
#include "UtcTime.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QJsonDocument>

#include <algorithm>

namespace sb::studio {

using sb::auction::AuctionEvent;
namespace EventType = sb::auction::EventType;

namespace {

// Trimming one entry at a time would shift every row on every event once the log is full.
constexpr int kTrimSlackPercent = 10;
constexpr int kMaxSummaryLength = 200;

QString str(const QJsonObject& payload, const char* key)
{
    return payload.value(QLatin1String(key)).toString();
}

QString durationText(qint64 ms)
{
    const qint64 seconds = ms / 1000;
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

EventLogModel::EventLogModel(sb::auction::EngineThread& engine, int capacity, QObject* parent)
    : QAbstractTableModel(parent), m_engine(engine), m_capacity(std::max(1, capacity))
{
    connect(&m_engine, &sb::auction::EngineThread::eventsCommitted, this,
            &EventLogModel::onEventsCommitted);
    reload();
}

void EventLogModel::reload()
{
    const std::uint64_t generation = ++m_generation;
    m_reloading = generation;
    const int capacity = m_capacity;
    m_engine.post(
        [capacity](sb::auction::MarathonSession& session) {
            const sb::auction::Result<std::int64_t> last = session.store().lastSeq();
            if (!last)
                return sb::auction::Result<QList<AuctionEvent>>::failure(last.error());
            return session.store().events(std::max<qint64>(0, *last - capacity), capacity);
        },
        this,
        [this, generation](sb::auction::Result<QList<AuctionEvent>> tail) {
            if (generation != m_generation)
                return;
            m_reloading = 0;
            beginResetModel();
            m_firstNumber += m_entries.size();
            m_entries.clear();
            m_visible.clear();
            endResetModel();
            if (tail) {
                QList<Entry> entries;
                entries.reserve(tail->size());
                for (const AuctionEvent& event : *tail)
                    entries.append(entryOf(event));
                append(std::move(entries));
            }
            emit loaded();
        });
}

void EventLogModel::onEventsCommitted(const QList<AuctionEvent>& events)
{
    if (m_reloading)
        return; // committed before the reload read the journal: it brings them
    QList<Entry> entries;
    entries.reserve(events.size());
    for (const AuctionEvent& event : events)
        entries.append(entryOf(event));
    append(std::move(entries));
}

void EventLogModel::appendDeadLetter(const QString& subscriber, qint64 seq, const QString& error)
{
    Entry entry;
    entry.timeUtcMs = m_engine.clock().nowUtcMs();
    entry.type = QStringLiteral("dispatcher.dead_letter");
    entry.level = Level::Warning;
    entry.summary = tr("%1 gave up on event %2: %3").arg(subscriber, QString::number(seq), error);
    append({entry});
}

void EventLogModel::append(QList<Entry> entries)
{
    if (entries.isEmpty())
        return;
    const qint64 firstNew = m_firstNumber + m_entries.size();
    QList<qint64> newVisible;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (matches(entries.at(i)))
            newVisible.append(firstNew + i);
    }
    m_entries.append(std::move(entries));
    if (!newVisible.isEmpty()) {
        const int first = int(m_visible.size());
        beginInsertRows({}, first, first + int(newVisible.size()) - 1);
        m_visible.append(newVisible);
        endInsertRows();
    }

    const qsizetype limit = m_capacity + m_capacity * kTrimSlackPercent / 100;
    if (m_entries.size() <= limit)
        return;
    const qsizetype drop = m_entries.size() - m_capacity;
    const qint64 newFirst = m_firstNumber + drop;
    int hidden = 0;
    while (hidden < m_visible.size() && m_visible.at(hidden) < newFirst)
        ++hidden;
    if (hidden > 0) {
        beginRemoveRows({}, 0, hidden - 1);
        m_visible.remove(0, hidden);
        endRemoveRows();
    }
    m_entries.remove(0, drop);
    m_firstNumber = newFirst;
}

bool EventLogModel::matches(const Entry& entry) const
{
    if (int(entry.level) < int(m_minimumLevel))
        return false;
    if (!m_typePrefix.isEmpty() && !entry.type.startsWith(m_typePrefix))
        return false;
    return m_searchText.isEmpty() || entry.summary.contains(m_searchText, Qt::CaseInsensitive);
}

void EventLogModel::refilter()
{
    beginResetModel();
    m_visible.clear();
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (matches(m_entries.at(i)))
            m_visible.append(m_firstNumber + i);
    }
    endResetModel();
}

void EventLogModel::setTypePrefix(const QString& prefix)
{
    if (prefix == m_typePrefix)
        return;
    m_typePrefix = prefix;
    refilter();
}

void EventLogModel::setMinimumLevel(Level level)
{
    if (level == m_minimumLevel)
        return;
    m_minimumLevel = level;
    refilter();
}

void EventLogModel::setSearchText(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_searchText)
        return;
    m_searchText = trimmed;
    refilter();
}

const EventLogModel::Entry& EventLogModel::visibleEntry(int row) const
{
    return m_entries.at(m_visible.at(row) - m_firstNumber);
}

EventLogModel::Entry EventLogModel::entryOf(const AuctionEvent& event)
{
    Entry entry;
    entry.seq = event.seq;
    entry.timeUtcMs = event.timeUtcMs;
    entry.type = event.type;
    entry.day = event.day.value_or(0);
    entry.summary = summaryOf(event);
    entry.level = levelOf(event);
    return entry;
}

EventLogModel::Level EventLogModel::levelOf(const AuctionEvent& event)
{
    if (event.type.endsWith(QLatin1String(".failed")) ||
        event.type.endsWith(QLatin1String(".error")) ||
        event.payload.contains(QLatin1String("error")))
        return Level::Error;
    if (event.type == EventType::BidRejected || event.type == EventType::BidReview ||
        event.type == EventType::BidInvalidated || event.type == EventType::OperatorAction ||
        event.type == EventType::DayPaused || event.type == EventType::DayCancelled ||
        event.type.endsWith(QLatin1String(".dead_letter")))
        return Level::Warning;
    return Level::Info;
}

QString EventLogModel::summaryOf(const AuctionEvent& event)
{
    const QJsonObject& p = event.payload;
    const QString& type = event.type;
    if (type == EventType::BidAccepted)
        return tr("%1 bid %2: accepted").arg(str(p, "bidder"), str(p, "amount"));
    if (type == EventType::BidRejected)
        return tr("%1 bid %2: rejected (%3)")
            .arg(str(p, "bidder"), str(p, "amount"), str(p, "reason"));
    if (type == EventType::BidReview)
        return tr("%1 bid %2: waits for review").arg(str(p, "bidder"), str(p, "amount"));
    if (type == EventType::BidInvalidated)
        return tr("%1 bid %2: invalidated (%3)")
            .arg(str(p, "bidder"), str(p, "amount"), str(p, "reason"));
    if (type == EventType::AuctionLeader) {
        if (p.value(QLatin1String("bid_id")).isNull())
            return tr("No leader");
        return tr("%1 leads with %2").arg(str(p, "bidder"), str(p, "amount"));
    }
    if (type == EventType::AuctionOutbid)
        return tr("%1 (%2) outbid by %3")
            .arg(str(p, "bidder"), str(p, "amount"), str(p, "by_bidder"));
    if (type == EventType::AuctionExtended)
        return tr("End extended by %1 to %2")
            .arg(durationText(p.value(QLatin1String("by_ms")).toInteger()), str(p, "end_utc"));
    if (type == EventType::AuctionWinner)
        return tr("%1 wins with %2").arg(str(p, "bidder"), str(p, "amount"));
    if (type == EventType::OperatorAction) {
        QJsonObject details = p;
        details.remove(QLatin1String("action"));
        details.remove(QLatin1String("actor"));
        const QString rest =
            QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact));
        return tr("%1: %2 %3").arg(str(p, "actor"), str(p, "action"), rest);
    }
    if (type == EventType::MarathonStarted || type == EventType::MarathonFinished)
        return str(p, "name");
    if (type == EventType::WalletLinked)
        return tr("%1 linked the wallet %2").arg(str(p, "bidder"), str(p, "address"));
    if (type.startsWith(QLatin1String("day."))) {
        const QString title = str(p, "title");
        const QString lot = tr("Lot %1").arg(p.value(QLatin1String("lot")).toInt());
        return tr("%1 %2: %3, %4 to %5")
            .arg(lot, title.isEmpty() ? QString() : QStringLiteral("\u201c%1\u201d").arg(title),
                 str(p, "state"), str(p, "start_utc"), str(p, "end_utc"))
            .simplified();
    }
    QString json = QString::fromUtf8(QJsonDocument(p).toJson(QJsonDocument::Compact));
    if (json.size() > kMaxSummaryLength)
        json = json.left(kMaxSummaryLength - 1) + QChar(0x2026);
    return json;
}

QString EventLogModel::levelName(Level level)
{
    switch (level) {
    case Level::Info:
        return tr("Info");
    case Level::Warning:
        return tr("Warning");
    case Level::Error:
        return tr("Error");
    }
    return {};
}

QStringList EventLogModel::knownTypePrefixes()
{
    return {QStringLiteral("marathon."), QStringLiteral("day."),
            QStringLiteral("bid."),      QStringLiteral("auction."),
            QStringLiteral("operator."), QStringLiteral("dispatcher.")};
}

int EventLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

int EventLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventLogModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_visible.size())
        return {};
    const Entry& entry = visibleEntry(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeqColumn:
            return entry.seq > 0 ? QVariant(entry.seq) : QVariant();
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(entry.timeUtcMs)
                .toLocalTime()
                .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case LevelColumn:
            return levelName(entry.level);
        case TypeColumn:
            return entry.type;
        case DayColumn:
            return entry.day > 0 ? QVariant(entry.day) : QVariant();
        case SummaryColumn:
            return entry.summary;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return sb::auction::isoUtc(entry.timeUtcMs);
        if (index.column() == SummaryColumn)
            return entry.summary;
        return {};
    case Qt::ForegroundRole:
        if (entry.level == Level::Error)
            return QBrush(QColor(0xc6, 0x28, 0x28));
        if (entry.level == Level::Warning)
            return QBrush(QColor(0xb2, 0x6a, 0x00));
        return {};
    case LevelRole:
        return int(entry.level);
    case TypeRole:
        return entry.type;
    case SeqRole:
        return entry.seq;
    default:
        return {};
    }
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeqColumn:
        return tr("Seq");
    case TimeColumn:
        return tr("Time");
    case LevelColumn:
        return tr("Level");
    case TypeColumn:
        return tr("Type");
    case DayColumn:
        return tr("Day");
    case SummaryColumn:
        return tr("Summary");
    default:
        return {};
    }
}

} // namespace sb::studio
