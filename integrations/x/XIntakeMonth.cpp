// XIntake's month of reads from X: the figures kept in the marathon database (read once a
// month starts, written with the cursors) and each page counted against the budget.

#include "XIntake.h"

#include "EngineThread.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcXIntake)

namespace sb::integrations::x {

using sb::auction::MarathonSession;
using sb::auction::Result;

void XIntake::followMonth(std::int64_t nowMs)
{
    const QString month = XReadBudget::monthOf(nowMs);
    if (month == m_budget.month().key)
        return;
    if (!m_budget.month().key.isEmpty())
        saveMonth(); // the last month's final figures
    m_budget.startMonth(month);
    m_monthRead = false;
    m_monthReadFailed = false;
    readMonth();
    applyBudgetLevel();
}

void XIntake::readMonth()
{
    const QString month = m_budget.month().key;
    if (m_monthRead || m_monthReading == month || !m_session.isOpen())
        return;
    m_monthReading = month;
    m_session.post(
        [keys = XReadBudget::metaKeys(month)](MarathonSession& s) -> Result<QStringList> {
            QStringList values;
            for (const QString& key : keys) {
                Result<QString> value = s.store().meta(key);
                if (!value)
                    return Result<QStringList>::failure(value.error());
                values.append(*value);
            }
            return values;
        },
        this,
        [this, month](Result<QStringList> read) {
            if (m_monthReading == month)
                m_monthReading.clear();
            if (month != m_budget.month().key || m_monthRead)
                return; // a month that is over meanwhile
            if (!read) {
                if (!std::exchange(m_monthReadFailed, true))
                    emit problem(tr("This month's reads from X could not be read (%1): they are "
                                    "counted from now on until they can.")
                                     .arg(read.error()));
                return;
            }
            const XReadBudget::Month stored = XReadBudget::fromMeta(month, *read);
            m_budget.restore(stored); // with what was read while the figures were on their way
            m_savedMonth = stored;
            m_monthRead = true;
            m_monthReadFailed = false;
            applyBudgetLevel();
            emit stateChanged();
        });
}

void XIntake::saveMonth()
{
    if (!m_monthRead) {
        readMonth(); // after a failed read: written once the stored figures are in
        return;
    }
    if (m_budget.month() == m_savedMonth || !m_session.isOpen())
        return;
    m_savedMonth = m_budget.month();
    m_session.post(
        [values = XReadBudget::metaValues(m_savedMonth)](MarathonSession& s) {
            QString error;
            for (const auto& [key, value] : values) {
                if (!s.store().setMeta(key, QString::number(value), &error))
                    return error;
            }
            return QString();
        },
        this,
        [this](const QString& error) {
            if (error.isEmpty())
                return;
            qCWarning(lcXIntake).noquote() << error;
            m_savedMonth = {}; // written again with the next cursor
        });
}

void XIntake::countRead(XReadBudget::Source source, const QList<XPost>& posts)
{
    const std::int64_t now = wallNowMs();
    followMonth(now);
    QStringList ids;
    ids.reserve(posts.size());
    for (const XPost& post : posts)
        ids.append(post.id);
    m_budget.count(source, ids, now);
    applyBudgetLevel();
}

} // namespace sb::integrations::x
