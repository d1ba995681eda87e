#pragma once
// The deliveries that gave up after their retries, for the operator to read and re-drive.
// Re-driving goes through the EventDispatcher, which removes the letter on success.

#include "EventDispatcher.h"

#include <QAbstractTableModel>
#include <QList>

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

    // Follows dispatcher.deadLettered; call refresh() after anything else changes the list.
    explicit DeadLetterModel(sb::auction::EventDispatcher& dispatcher, QObject* parent = nullptr);

    void refresh();
    // Delivers the row's event again now. False with *error (the subscriber's answer, or why it
    // could not be tried); the list is refreshed either way.
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

private:
    sb::auction::EventDispatcher& m_dispatcher;
    QList<sb::auction::DeadLetter> m_letters;
};

} // namespace sb::studio
