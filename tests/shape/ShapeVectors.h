#pragma once
// Published values the Shape suites share: anvil's (and hardhat's) well-known dev accounts, which
// are test keys printed by every local node and never funded on a real chain, and issue 10's
// type-2 transfer.

#include "Address.h"
#include "Eip1559Transaction.h"
#include "Secp256k1Key.h"
#include "U256.h"

#include <QByteArray>
#include <QString>

namespace shapetest {

using namespace sb::integrations::shape;

inline constexpr auto kDevKey0 =
    "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
inline constexpr auto kDevAddress0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
inline constexpr auto kDevKey1 =
    "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
inline constexpr auto kDevAddress1 = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
inline constexpr auto kDevKey2 =
    "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a";
inline constexpr auto kDevAddress2 = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
inline constexpr auto kDevKey3 =
    "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6";
inline constexpr auto kDevAddress3 = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";

inline QByteArray hex(const char* digits)
{
    return QByteArray::fromHex(digits);
}

inline Secp256k1Key devKey(const char* secret)
{
    Result<Secp256k1Key> key = Secp256k1Key::fromHex(QString::fromLatin1(secret));
    if (!key)
        qFatal("dev key refused: %s", qUtf8Printable(key.error()));
    return std::move(key).value();
}

inline Address address(const char* text)
{
    return Address::fromString(QString::fromLatin1(text)).value();
}

inline U256 u256(const char* decimal)
{
    return U256::fromDecimal(QString::fromLatin1(decimal)).value();
}

// Issue 10's vector: chain 31337, nonce 0, tip 1 gwei, max fee 3 gwei, 21000 gas, 12345 wei from
// dev account 0 to dev account 1, no data.
inline Eip1559Transaction issue10Transfer()
{
    Eip1559Transaction tx;
    tx.chainId = 31337;
    tx.nonce = 0;
    tx.maxPriorityFeePerGas = *U256::weiFromGwei(1);
    tx.maxFeePerGas = *U256::weiFromGwei(3);
    tx.gasLimit = 21000;
    tx.to = address(kDevAddress1);
    tx.value = U256::fromUint64(12345);
    return tx;
}

} // namespace shapetest

// QCOMPARE prints these on failure (found by argument-dependent lookup).
namespace sb::integrations::shape {
inline char* toString(const U256& value)
{
    return qstrdup(qPrintable(value.toDecimal()));
}
inline char* toString(const Address& value)
{
    return qstrdup(qPrintable(value.toChecksummed()));
}
} // namespace sb::integrations::shape
