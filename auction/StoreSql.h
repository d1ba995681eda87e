#pragma once
// Small helpers the store's translation units share: how a failed statement is put in words, and
// how text columns are bound.

#include "AuctionResult.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <cstdint>
#include <optional>

namespace sb::auction::storesql {

inline QString describe(const QString& what, const QSqlError& error)
{
    return QStringLiteral("%1: %2").arg(what, error.text());
}

inline bool fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}

// A read that could not be done (or stopped part way: a damaged page ends next() with an error).
inline AuctionError readError(const QString& what, const QSqlQuery& q)
{
    return {describe(what, q.lastError())};
}

inline bool stoppedEarly(const QSqlQuery& q)
{
    return q.lastError().type() != QSqlError::NoError;
}

// QtSql binds a null QString as SQL NULL; text columns hold '' instead.
inline QString text(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

// Nullable integer columns: an absent value binds as SQL NULL and reads back as absent.
inline QVariant optionalInt(const std::optional<std::int64_t>& value)
{
    return value ? QVariant(qint64(*value)) : QVariant(QMetaType(QMetaType::LongLong));
}

inline std::optional<std::int64_t> toOptionalInt(const QVariant& value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

} // namespace sb::auction::storesql
