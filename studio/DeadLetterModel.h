#pragma once
// The deliveries that gave up after their retries, for the operator to read and re-drive.
// Re-driving goes through the EventDispatcher on the engine's thread, which removes the letter on
// success; the list and the answer come back by queued call.

#include "AuctionStore.h"

#include <QAbstractTableModel>
#include <QList>

namespace sb::auction {
class EngineThread;
}

namespace sb::studio {

class DeadLetterModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        SubscriberColumn,
        SeqColumn,
        ErrorColumn,
        AttemptsColumn,
        TimeColumn,
        ColumnCount
    };
    enum Role
    {
        DeadLetterIdRole = Qt::UserRole,
    };

    // Follows the dispatcher's deadLettered; call refresh() after anything else changes the list.
    explicit DeadLetterModel(sb::auction::EngineThread& engine, QObject* parent = nullptr);

    // Reads the list again on the engine's thread; the rows change when it is back.
    void refresh();
    // Delivers the row's event again. False with *error when there is no such row; otherwise the
    // answer comes as redriven() or redriveFailed(), and the list is refreshed either way.
    bool redrive(int row, QString* error);
    qint64 deadLetterId(int row) const; // 0 outside the rows
    sb::auction::DeadLetter letterAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void redriven(const QString& subscriber, qint64 seq);
    void redriveFailed(const QString& subscriber, qint64 seq, const QString& error);
    void loaded(); // the rows a refresh asked for are shown

private:
    sb::auction::EngineThread& m_engine;
    std::uint64_t m_generation = 0;
    QList<sb::auction::DeadLetter> m_letters;
};

} // namespace sb::studio
