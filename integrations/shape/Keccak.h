#pragma once
// Ethereum's hash. Keccak-256 is the original submission's padding (0x01), not NIST SHA3-256
// (0x06): the two disagree on every input, and only Keccak gives the addresses, selectors and
// transaction hashes the chain knows.

#include <QByteArray>
#include <QByteArrayView>

namespace sb::integrations::shape {

// The 32-byte Keccak-256 of `data`.
QByteArray keccak256(QByteArrayView data);

} // namespace sb::integrations::shape
