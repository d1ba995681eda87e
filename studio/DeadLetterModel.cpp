#include "DeadLetterModel.h"

#include "EngineThread.h"
#include "UtcTime.h"

#include <QDateTime>

namespace sb::studio {

using sb::auction::DeadLetter;

DeadLetterModel::DeadLetterModel(sb::auction::EngineThread& engine, QObject* parent)
    : QAbstractTableModel(parent), m_engine(engine)
{
    connect(&m_engine, &sb::auction::EngineThread::deadLettered, this, &DeadLetterModel::refresh);
    refresh();
}

void DeadLetterModel::refresh()
{
    const std::uint64_t generation = ++m_generation;
    m_engine.post(
        [](sb::auction::MarathonSession& session) { return session.dispatcher().deadLetters(); },
        this,
        [this, generation](sb::auction::Result<QList<DeadLetter>> letters) {
            if (generation != m_generation)
                return;
            beginResetModel();
            m_letters = letters ? std::move(*letters) : QList<DeadLetter>();
            endResetModel();
            emit loaded();
        });
}

bool DeadLetterModel::redrive(int row, QString* error)
{
    if (row < 0 || row >= m_letters.size()) {
        if (error)
            *error = tr("Select a dead letter to re-drive.");
        return false;
    }
    const DeadLetter letter = m_letters.at(row);
    m_engine.post(
        [id = letter.id](sb::auction::MarathonSession& session) {
            QString why;
            const bool ok = session.dispatcher().redrive(id, &why);
            return std::pair(ok, why);
        },
        this,
        [this, letter](std::pair<bool, QString> answer) {
            refresh();
            if (answer.first)
                emit redriven(letter.subscriber, letter.seq);
            else
                emit redriveFailed(letter.subscriber, letter.seq, answer.second);
        });
    return true;
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
