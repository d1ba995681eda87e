#include "Secp256k1Key.h"

#include "Hex.h"

#include <QRandomGenerator>

#include <secp256k1.h>
#include <secp256k1_recovery.h>

#include <memory>

namespace sb::integrations::shape {

namespace {

struct ContextDeleter
{
    void operator()(secp256k1_context* context) const { secp256k1_context_destroy(context); }
};

// One context for the process: signing and recovery only read it, so threads may share it.
// Randomized once (blinding against timing and power side channels while signing).
const secp256k1_context* context()
{
    static const std::unique_ptr<secp256k1_context, ContextDeleter> shared = [] {
        std::unique_ptr<secp256k1_context, ContextDeleter> created(
            secp256k1_context_create(SECP256K1_CONTEXT_NONE));
        std::array<quint32, 8> seed;
        QRandomGenerator::system()->fillRange(seed.data(), seed.size());
        const int randomized = secp256k1_context_randomize(
            created.get(), reinterpret_cast<const unsigned char*>(seed.data()));
        Q_ASSERT(randomized == 1);
        Q_UNUSED(randomized);
        return created;
    }();
    return shared.get();
}

// n / 2, rounded down: EIP-2 refuses any S above it (S and n - S both verify).
const U256& halfCurveOrder()
{
    static const U256 half =
        *U256::fromHex(u"0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0");
    return half;
}

const unsigned char* uchars(QByteArrayView bytes)
{
    return reinterpret_cast<const unsigned char*>(bytes.data());
}

} // namespace

Result<Secp256k1Key> Secp256k1Key::fromSecret(QByteArrayView secret)
{
    if (secret.size() != kSecretSize)
        return Result<Secp256k1Key>::failure(
            QStringLiteral("A signing key is 32 bytes; this one has %1.").arg(secret.size()));
    Secp256k1Key key;
    std::copy(secret.begin(), secret.end(), key.m_secret.begin());
    if (secp256k1_ec_seckey_verify(context(), key.m_secret.data()) != 1)
        return Result<Secp256k1Key>::failure(
            QStringLiteral("Not a secp256k1 signing key (zero, or not below the curve order)."));
    secp256k1_pubkey publicKey;
    if (secp256k1_ec_pubkey_create(context(), &publicKey, key.m_secret.data()) != 1)
        return Result<Secp256k1Key>::failure(
            QStringLiteral("The signing key's public key could not be computed."));
    std::array<unsigned char, 65> serialized{};
    size_t serializedSize = serialized.size();
    secp256k1_ec_pubkey_serialize(context(), serialized.data(), &serializedSize, &publicKey,
                                  SECP256K1_EC_UNCOMPRESSED);
    key.m_address = *Address::fromPublicKey(QByteArrayView(
        reinterpret_cast<const char*>(serialized.data()), qsizetype(serializedSize)));
    return key;
}

Result<Secp256k1Key> Secp256k1Key::fromHex(QStringView text)
{
    // Parsed straight into the key's own storage: no QByteArray copy of the secret is left on the
    // heap, and no error message repeats any of it.
    const QStringView trimmed = text.trimmed();
    const bool prefixed = trimmed.startsWith(u"0x") || trimmed.startsWith(u"0X");
    const QStringView digits = prefixed ? trimmed.mid(2) : trimmed;
    if (digits.size() != 2 * kSecretSize)
        return Result<Secp256k1Key>::failure(
            QStringLiteral("A signing key is written as 0x and 64 hex digits."));
    Secp256k1Key parsed;
    for (qsizetype i = 0; i < kSecretSize; ++i) {
        const int high = hexDigitValue(digits.at(2 * i));
        const int low = hexDigitValue(digits.at(2 * i + 1));
        if (high < 0 || low < 0)
            return Result<Secp256k1Key>::failure(
                QStringLiteral("A signing key is written as 0x and 64 hex digits."));
        parsed.m_secret[i] = std::uint8_t(high << 4 | low);
    }
    return fromSecret(
        QByteArrayView(reinterpret_cast<const char*>(parsed.m_secret.data()), kSecretSize));
}

Secp256k1Key::Secp256k1Key(Secp256k1Key&& other) noexcept
    : m_secret(other.m_secret), m_address(other.m_address)
{
    other.wipe();
}

Secp256k1Key& Secp256k1Key::operator=(Secp256k1Key&& other) noexcept
{
    if (this != &other) {
        m_secret = other.m_secret;
        m_address = other.m_address;
        other.wipe();
    }
    return *this;
}

Secp256k1Key::~Secp256k1Key()
{
    wipe();
}

void Secp256k1Key::wipe() noexcept
{
    // Through a volatile pointer: stores to memory that is about to die are otherwise removed.
    volatile std::uint8_t* bytes = m_secret.data();
    for (qsizetype i = 0; i < kSecretSize; ++i)
        bytes[i] = 0;
    m_address = Address();
}

Result<Signature> Secp256k1Key::sign(QByteArrayView hash32) const
{
    if (hash32.size() != 32)
        return Result<Signature>::failure(
            QStringLiteral("Only a 32-byte hash is signed; this has %1 bytes.").arg(hash32.size()));
    secp256k1_ecdsa_recoverable_signature recoverable;
    // nullptr nonce function: RFC 6979, so the same transaction always gets the same signature.
    if (secp256k1_ecdsa_sign_recoverable(context(), &recoverable, uchars(hash32), m_secret.data(),
                                         nullptr, nullptr) != 1)
        return Result<Signature>::failure(QStringLiteral("libsecp256k1 could not sign."));
    std::array<unsigned char, 64> compact{};
    int recoveryId = 0;
    secp256k1_ecdsa_recoverable_signature_serialize_compact(context(), compact.data(), &recoveryId,
                                                            &recoverable);
    // libsecp256k1 already signs with low S; normalizing again costs nothing and keeps EIP-2 true
    // whatever the library version. Negating S flips which point signed.
    secp256k1_ecdsa_signature plain;
    secp256k1_ecdsa_recoverable_signature_convert(context(), &plain, &recoverable);
    if (secp256k1_ecdsa_signature_normalize(context(), &plain, &plain) == 1) {
        secp256k1_ecdsa_signature_serialize_compact(context(), compact.data(), &plain);
        recoveryId ^= 1;
    }
    // 2 and 3 mean r overflowed the order (odds about 2^-127); a type-2 transaction cannot say so.
    if (recoveryId != 0 && recoveryId != 1)
        return Result<Signature>::failure(
            QStringLiteral("The signature's recovery id is %1, which Ethereum cannot carry.")
                .arg(recoveryId));
    const QByteArrayView bytes(reinterpret_cast<const char*>(compact.data()), 64);
    return Signature{*U256::fromBigEndian(bytes.first(32)), *U256::fromBigEndian(bytes.sliced(32)),
                     std::uint8_t(recoveryId)};
}

Result<Address> Secp256k1Key::recoverAddress(QByteArrayView hash32, const Signature& signature)
{
    if (hash32.size() != 32)
        return Result<Address>::failure(QStringLiteral("A signed hash has 32 bytes."));
    if (signature.yParity > 1)
        return Result<Address>::failure(
            QStringLiteral("A signature's yParity is 0 or 1, not %1.").arg(signature.yParity));
    if (signature.r.isZero() || signature.s.isZero())
        return Result<Address>::failure(QStringLiteral("A signature with r or s zero."));
    if (signature.s > halfCurveOrder())
        return Result<Address>::failure(
            QStringLiteral("A signature with a high S, which the chain refuses (EIP-2)."));
    const QByteArray compact = signature.r.toWord() + signature.s.toWord();
    secp256k1_ecdsa_recoverable_signature recoverable;
    if (secp256k1_ecdsa_recoverable_signature_parse_compact(
            context(), &recoverable, uchars(compact), signature.yParity) != 1)
        return Result<Address>::failure(
            QStringLiteral("A signature whose r is not below the curve order."));
    secp256k1_pubkey publicKey;
    if (secp256k1_ecdsa_recover(context(), &publicKey, &recoverable, uchars(hash32)) != 1)
        return Result<Address>::failure(
            QStringLiteral("No public key matches this signature and hash."));
    std::array<unsigned char, 65> serialized{};
    size_t serializedSize = serialized.size();
    secp256k1_ec_pubkey_serialize(context(), serialized.data(), &serializedSize, &publicKey,
                                  SECP256K1_EC_UNCOMPRESSED);
    return *Address::fromPublicKey(QByteArrayView(reinterpret_cast<const char*>(serialized.data()),
                                                  qsizetype(serializedSize)));
}

} // namespace sb::integrations::shape
