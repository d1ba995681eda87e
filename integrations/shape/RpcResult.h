#pragma once
// What a JSON-RPC call to the chain's node gives back: its value, or an RpcError that says by its
// meaning what went wrong (the node could not be reached, answered with an HTTP error, refused the
// call with a JSON-RPC error, or answered something that is not a JSON-RPC answer). A caller that
// only shows the failure uses sentence(); one that acts on it (a send's "nonce too low") reads the
// kind and the node's message.

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <utility>
#include <variant>

namespace sb::integrations::shape {

struct RpcError
{
    enum class Kind
    {
        Transport,  // no HTTP answer: refused, timed out, name not resolved
        HttpStatus, // an HTTP answer that is not 2xx (429, 502, ...)
        JsonRpc,    // the node's {"error": {code, message}}
        Garbage,    // not JSON, not JSON-RPC 2.0, another id, or a result of the wrong shape
        Refused,    // the answer was fine but the studio refuses it (a wrong chain id)
    };

    Kind kind = Kind::Transport;
    QString method;     // "eth_sendRawTransaction"
    int httpStatus = 0; // for HttpStatus
    qint64 code = 0;    // the JSON-RPC error code, for JsonRpc
    QString message;    // the node's or the transport's words, or what was wrong with the answer
    // For JsonRpc: the error's "data" when it is hex bytes (a revert's encoded custom error, which
    // AuctionHouse::decodeError turns into words); empty otherwise.
    QByteArray data;

    // One sentence for the operator and the log: what was asked, of what, and what went wrong.
    QString sentence() const;
};

template <class T> class [[nodiscard]] RpcResult
{
public:
    RpcResult(T value) : m_value(std::in_place_index<0>, std::move(value)) {}
    RpcResult(RpcError error) : m_value(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_value.index() == 0; }
    explicit operator bool() const { return ok(); }
    // Reading the value of a failed result (or the error of a good one) is a programming error.
    const T& value() const
    {
        if (!ok())
            qFatal("RpcResult::value() of a failed call: %s", qUtf8Printable(error().sentence()));
        return std::get<0>(m_value);
    }
    const RpcError& error() const
    {
        if (ok())
            qFatal("RpcResult::error() of a call that succeeded");
        return std::get<1>(m_value);
    }
    const T& operator*() const { return value(); }
    const T* operator->() const { return &value(); }

private:
    std::variant<T, RpcError> m_value;
};

} // namespace sb::integrations::shape
