#pragma once
// The one way auction/ says that something could not be done: a value, or a sentence a user can
// read saying why not. [[nodiscard]]: a read of the store that failed must not be mistaken for an
// empty one (no bids is not "the bids could not be read"), so the caller has to look.

#include <QString>
#include <QtGlobal>

#include <optional>
#include <utility>

namespace sb::auction {

struct AuctionError
{
    QString message;
};

template <class T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(AuctionError error) : m_error(std::move(error.message)) {}
    static Result failure(QString message) { return Result(AuctionError{std::move(message)}); }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    // The error sentence; empty when ok().
    const QString& error() const { return m_error; }

    // Reading the value of a failed result is a programming error: it stops the process rather
    // than act on data that was never read.
    const T& value() const&
    {
        requireValue();
        return *m_value;
    }
    T& value() &
    {
        requireValue();
        return *m_value;
    }
    // By value: `for (x : store.bids().value())` must not hold a reference into a temporary.
    T value() &&
    {
        requireValue();
        return std::move(*m_value);
    }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }
    T operator*() && { return std::move(*this).value(); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }

private:
    void requireValue() const
    {
        if (!m_value)
            qFatal("Result::value() of a failed result: %s", qUtf8Printable(m_error));
    }

    std::optional<T> m_value;
    QString m_error;
};

} // namespace sb::auction
