#include "Keccak.h"

#include <QCryptographicHash>

namespace sb::integrations::shape {

QByteArray keccak256(QByteArrayView data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Keccak_256);
}

} // namespace sb::integrations::shape
