#include "DeadLetterModel.h"

#include "UtcTime.h"

#include <QDateTime>

namespace sb::studio {

using sb::auction::DeadLetter;

DeadLetterModel::DeadLetterModel(sb::auction::EventDispatcher& dispatcher, QObject* parent)
    : QAbstractTableModel(parent), m_dispatcher(dispatcher)
{
    connect(&m_dispatcher, &sb::auction::EventDispatcher::deadLettered, this,
            &DeadLetterModel::refresh);
    refresh();
}

void DeadLetterModel::refresh()
{
    beginResetModel();
    sb::auction::Result<QList<sb::auction::DeadLetter>> letters = m_dispatcher.deadLetters();
    m_letters = letters ? std::move(*letters) : QList<sb::auction::DeadLetter>();
    endResetModel();
}

bool DeadLetterModel::redrive(int row, QString* error)
{
    if (row < 0 || row >= m_letters.size()) {
        if (error)
            *error = tr("Select a dead letter to re-drive.");
        return false;
    }
    const DeadLetter letter = m_letters.at(row);
    QString why;
    const bool ok = m_dispatcher.redrive(letter.id, &why);
    refresh();
    if (ok)
        emit redriven(letter.subscriber, letter.seq);
    else if (error)
        *error = why;
    return ok;
}

qint64 DeadLetterModel::deadLetterId(int row) const
{
    return row >= 0 && row < m_letters.size() ? m_letters.at(row).id : 0;
}

DeadLetter DeadLetterModel::letterAt(int row) const
{
    return row >= 0 && row < m_letters.size() ? m_letters.at(row) : DeadLetter();
}

int DeadLetterModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_letters.size());
}

int DeadLetterModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeadLetterModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_letters.size())
        return {};
    const DeadLetter& letter = m_letters.at(index.row());
    if (role == DeadLetterIdRole)
        return qint64(letter.id);
    if (role == Qt::ToolTipRole) {
        if (index.column() == TimeColumn)
            return sb::auction::isoUtc(letter.failedUtcMs);
        if (index.column() == ErrorColumn)
            return letter.error;
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case SubscriberColumn:
        return letter.subscriber;
    case SeqColumn:
        return qint64(letter.seq);
    case ErrorColumn:
        return letter.error;
    case AttemptsColumn:
        return letter.attempts;
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(letter.failedUtcMs)
            .toLocalTime()
            .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    default:
        return {};
    }
}

QVariant DeadLetterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SubscriberColumn:
        return tr("Subscriber");
    case SeqColumn:
        return tr("Event");
    case ErrorColumn:
        return tr("Error");
    case AttemptsColumn:
        return tr("Attempts");
    case TimeColumn:
        return tr("Failed at");
    default:
        return {};
    }
}

} // namespace sb::studio
