#include "OperatorKey.h"

#include "Hex.h"
#include "SecretStore.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <array>
#include <memory>

namespace sb::integrations::shape {

namespace {

QString keychainFailure(const QString& why)
{
    return QCoreApplication::translate("OperatorKey",
                                       "The operator key could not be kept in the keychain: %1")
        .arg(why);
}

QString alreadyStored()
{
    return QCoreApplication::translate(
        "OperatorKey",
        "An operator key is already in the keychain; replacing it would lose that key "
        "and whatever its address holds. Replace it on purpose (--replace).");
}

// The key of `hex` (already normalized), or why not.
Result<Secp256k1Key> keyOf(const QString& hex)
{
    return Secp256k1Key::fromHex(hex);
}

} // namespace

void wipeSecretText(QString& text)
{
    // detach() first, so the characters overwritten are this string's own and not a shared copy.
    text.detach();
    volatile char16_t* chars = reinterpret_cast<char16_t*>(text.data());
    for (qsizetype i = 0; i < text.size(); ++i)
        chars[i] = u'0';
    text.clear();
}

QString OperatorKey::keychainEntry()
{
    return QStringLiteral("shape/operator_key");
}

QString OperatorKey::generateHex()
{
    // Candidates outside 1..n-1 are astronomically rare; drawn again if ever.
    for (;;) {
        std::array<quint32, 8> words{};
        QRandomGenerator::system()->fillRange(words.data(), words.size());
        QString hex;
        hex.reserve(64);
        for (quint32 word : words)
            for (int shift = 28; shift >= 0; shift -= 4)
                hex.append(QLatin1Char("0123456789abcdef"[(word >> shift) & 0xf]));
        words.fill(0);
        if (Secp256k1Key::fromHex(hex).ok())
            return hex;
        wipeSecretText(hex);
    }
}

Result<QString> OperatorKey::normalizedHex(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    const bool prefixed = trimmed.startsWith(u"0x") || trimmed.startsWith(u"0X");
    const QStringView digits = prefixed ? trimmed.mid(2) : trimmed;
    if (digits.isEmpty())
        return Result<QString>::failure(QCoreApplication::translate(
            "OperatorKey", "No key given: an operator key is 64 hex digits, "
                           "with or without 0x."));
    bool allHex = true;
    for (QChar c : digits)
        allHex = allHex && hexDigitValue(c) >= 0;
    if (!allHex || digits.size() != 2 * Secp256k1Key::kSecretSize)
        return Result<QString>::failure(QCoreApplication::translate(
            "OperatorKey",
            "That is not a private key: an operator key is 64 hex digits (0-9, a-f), with or "
            "without 0x; an address (40 digits) or a seed phrase will not do."));
    QString hex = digits.toString().toLower();
    if (const auto key = keyOf(hex); !key) {
        wipeSecretText(hex);
        return Result<QString>::failure(QCoreApplication::translate(
            "OperatorKey",
            "That is not a usable private key: it is zero or not below the secp256k1 curve "
            "order."));
    }
    return hex;
}

Result<Address> OperatorKey::store(QString hex, bool replace)
{
    auto key = keyOf(hex);
    if (!key) {
        wipeSecretText(hex);
        return Result<Address>::failure(key.error());
    }
    const Address address = key->address();
    QString error;
    if (!replace) {
        std::optional<QString> existing = m_secrets.read(keychainEntry(), &error);
        if (existing) {
            const bool same = *existing == hex;
            wipeSecretText(*existing);
            if (!same) {
                wipeSecretText(hex);
                return Result<Address>::failure(alreadyStored());
            }
        } else if (!error.isEmpty()) {
            wipeSecretText(hex);
            return Result<Address>::failure(keychainFailure(error));
        }
    }
    const bool written = m_secrets.write(keychainEntry(), hex, &error);
    wipeSecretText(hex);
    if (!written)
        return Result<Address>::failure(keychainFailure(error));
    return address;
}

Result<Address> OperatorKey::generate(bool replace)
{
    return store(generateHex(), replace);
}

Result<Address> OperatorKey::import(QStringView text, bool replace)
{
    auto hex = normalizedHex(text);
    if (!hex)
        return Result<Address>::failure(hex.error());
    return store(std::move(hex).value(), replace);
}

Result<std::optional<Secp256k1Key>> OperatorKey::load()
{
    using R = Result<std::optional<Secp256k1Key>>;
    QString error;
    std::optional<QString> hex = m_secrets.read(keychainEntry(), &error);
    if (!hex) {
        if (!error.isEmpty())
            return R::failure(
                QCoreApplication::translate(
                    "OperatorKey", "The operator key could not be read from the keychain: %1")
                    .arg(error));
        return std::optional<Secp256k1Key>();
    }
    auto key = keyOf(*hex);
    wipeSecretText(*hex);
    if (!key)
        return R::failure(
            QCoreApplication::translate(
                "OperatorKey", "The keychain's operator key is damaged (%1); import it again.")
                .arg(key.error()));
    return std::optional<Secp256k1Key>(std::move(key).value());
}

Result<std::optional<Address>> OperatorKey::address()
{
    using R = Result<std::optional<Address>>;
    auto key = load();
    if (!key)
        return R::failure(key.error());
    if (!key->has_value())
        return std::optional<Address>();
    return std::optional<Address>((*key)->address());
}

Result<bool> OperatorKey::remove()
{
    QString error;
    if (!m_secrets.remove(keychainEntry(), &error))
        return Result<bool>::failure(
            QCoreApplication::translate(
                "OperatorKey", "The operator key could not be removed from the keychain: %1")
                .arg(error));
    return true;
}

void OperatorKey::startLoad(QObject* context, KeyDone done)
{
    m_secrets.startRead(
        keychainEntry(), context, [done = std::move(done)](const SecretStore::Result& result) {
            using R = Result<std::optional<Secp256k1Key>>;
            if (!result.ok()) {
                done(R::failure(
                    QCoreApplication::translate(
                        "OperatorKey", "The operator key could not be read from the keychain: %1")
                        .arg(result.error)));
                return;
            }
            if (!result.secret) {
                done(std::optional<Secp256k1Key>());
                return;
            }
            QString hex = *result.secret;
            auto key = keyOf(hex);
            wipeSecretText(hex);
            if (!key) {
                done(R::failure(QCoreApplication::translate(
                                    "OperatorKey", "The keychain's operator key is damaged (%1); "
                                                   "import it again.")
                                    .arg(key.error())));
                return;
            }
            done(std::optional<Secp256k1Key>(std::move(key).value()));
        });
}

void OperatorKey::startAddress(QObject* context, AddressDone done)
{
    startLoad(context, [done = std::move(done)](Result<std::optional<Secp256k1Key>> key) {
        using R = Result<std::optional<Address>>;
        if (!key)
            done(R::failure(key.error()));
        else if (!key->has_value())
            done(std::optional<Address>());
        else
            done(std::optional<Address>((*key)->address()));
    });
}

void OperatorKey::startStore(QString hex, bool replace, QObject* context, AddressDone done)
{
    using R = Result<std::optional<Address>>;
    auto key = keyOf(hex);
    if (!key) {
        wipeSecretText(hex);
        const QString why = key.error();
        QMetaObject::invokeMethod(
            context, [done, why] { done(R::failure(why)); }, Qt::QueuedConnection);
        return;
    }
    const Address address = key->address();
    auto secret = std::make_shared<QString>(std::move(hex));
    SecretStore* secrets = &m_secrets;
    const auto write = [secrets, secret, address, context, done] {
        secrets->startWrite(keychainEntry(), *secret, context,
                            [secret, address, done](const SecretStore::Result& result) {
                                wipeSecretText(*secret);
                                if (!result.ok())
                                    done(R::failure(keychainFailure(result.error)));
                                else
                                    done(std::optional<Address>(address));
                            });
    };
    if (replace) {
        write();
        return;
    }
    m_secrets.startRead(keychainEntry(), context,
                        [secret, write, done](const SecretStore::Result& result) {
                            if (!result.ok()) {
                                wipeSecretText(*secret);
                                done(R::failure(keychainFailure(result.error)));
                                return;
                            }
                            if (result.secret && *result.secret != *secret) {
                                wipeSecretText(*secret);
                                done(R::failure(alreadyStored()));
                                return;
                            }
                            write();
                        });
}

void OperatorKey::startGenerate(bool replace, QObject* context, AddressDone done)
{
    startStore(generateHex(), replace, context, std::move(done));
}

void OperatorKey::startImport(QStringView text, bool replace, QObject* context, AddressDone done)
{
    auto hex = normalizedHex(text);
    if (!hex) {
        const QString why = hex.error();
        QMetaObject::invokeMethod(
            context, [done, why] { done(Result<std::optional<Address>>::failure(why)); },
            Qt::QueuedConnection);
        return;
    }
    startStore(std::move(hex).value(), replace, context, std::move(done));
}

} // namespace sb::integrations::shape
