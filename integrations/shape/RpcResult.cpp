#include "RpcResult.h"

namespace sb::integrations::shape {

QString RpcError::sentence() const
{
    switch (kind) {
    case Kind::Transport:
        return QStringLiteral("Shape's RPC could not be reached for %1: %2.").arg(method, message);
    case Kind::HttpStatus:
        return QStringLiteral("Shape's RPC answered %1 with HTTP %2%3.")
            .arg(method)
            .arg(httpStatus)
            .arg(message.isEmpty() ? QString() : QStringLiteral(": ") + message);
    case Kind::JsonRpc:
        return QStringLiteral("Shape's RPC refused %1: %2 (code %3).")
            .arg(method, message)
            .arg(code);
    case Kind::Garbage:
        return QStringLiteral("Shape's RPC answered %1 with something that is not a valid answer: "
                              "%2.")
            .arg(method, message);
    case Kind::Refused:
        return message;
    }
    return message;
}

} // namespace sb::integrations::shape
