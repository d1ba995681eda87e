#pragma once
// The live journal for the Event log dock: the last events from the store at start, then every
// committed event as it happens, each with a one-line summary and a level, filtered in place by
// type prefix, minimum level and free text. Capped, so a 30-day marathon does not grow it forever.
//
// Levels (what an operator should look at):
//   Error   - a failure: a type ending in ".failed" or ".error", or a payload with an "error" key.
//   Warning - needs the operator's attention or records their hand: bid.rejected, bid.review,
//             bid.invalidated, operator.action, day.paused, day.cancelled, and dead letters
//             (appended with appendDeadLetter, not from the journal).
//   Info    - everything else (bids accepted, leaders, extensions, day transitions, winners).

#include "AuctionEvent.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

namespace sb::auction {
class EngineThread;
}

namespace sb::studio {

class EventLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Level
    {
        Info,
        Warning,
        Error
    };
    Q_ENUM(Level)

    enum Column
    {
        SeqColumn,
        TimeColumn,
        LevelColumn,
        TypeColumn,
        DayColumn,
        SummaryColumn,
        ColumnCount
    };
    enum Role
    {
        LevelRole = Qt::UserRole, // int(Level)
        TypeRole,
        SeqRole,
    };

    static constexpr int kDefaultCapacity = 2000;

    // Loads the last `capacity` events of the engine's store and follows eventsCommitted.
    explicit EventLogModel(sb::auction::EngineThread& engine, int capacity = kDefaultCapacity,
                           QObject* parent = nullptr);

    // Reads the journal's tail again on the engine's thread; loaded() says when it is shown.
    void reload();
    int capacity() const { return m_capacity; }
    int totalCount() const { return int(m_entries.size()); } // held, filtered or not

    // Filters: a type prefix such as "bid." (empty: all), a minimum level, text in the summary.
    void setTypePrefix(const QString& prefix);
    void setMinimumLevel(Level level);
    void setSearchText(const QString& text);
    QString typePrefix() const { return m_typePrefix; }
    Level minimumLevel() const { return m_minimumLevel; }
    QString searchText() const { return m_searchText; }

    // A delivery that gave up (EventDispatcher::deadLettered): shown as a warning, not journaled.
    void appendDeadLetter(const QString& subscriber, qint64 seq, const QString& error);

    static Level levelOf(const sb::auction::AuctionEvent& event);
    static QString summaryOf(const sb::auction::AuctionEvent& event);
    static QString levelName(Level level);
    // The prefixes the dock offers, in order: "marathon.", "day.", "bid.", "auction.", ...
    static QStringList knownTypePrefixes();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void loaded(); // the journal a reload asked for is shown

private:
    struct Entry
    {
        qint64 seq = 0; // 0: a notice that is not in the journal
        qint64 timeUtcMs = 0;
        QString type;
        int day = 0; // 0: none
        QString summary;
        Level level = Level::Info;
    };

    void onEventsCommitted(const QList<sb::auction::AuctionEvent>& events);
    void append(QList<Entry> entries);
    bool matches(const Entry& entry) const;
    void refilter();
    const Entry& visibleEntry(int row) const;
    static Entry entryOf(const sb::auction::AuctionEvent& event);

    sb::auction::EngineThread& m_engine;
    int m_capacity;
    // A reload is on its way: the events that arrive before it are in what it read.
    std::uint64_t m_reloading = 0;
    std::uint64_t m_generation = 0;
    QList<Entry> m_entries;   // oldest first
    qint64 m_firstNumber = 0; // running number of m_entries.first(), survives trimming
    QList<qint64> m_visible;  // running numbers of the entries that pass the filters
    QString m_typePrefix;
    Level m_minimumLevel = Level::Info;
    QString m_searchText;
};

} // namespace sb::studio
