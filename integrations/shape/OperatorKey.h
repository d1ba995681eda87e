#pragma once
// The operator's hot key on Shape (DESIGN.md, "Shape L2 and settlement"): the key that signs the
// auction house's reserve, reassign and cancel. It is made here from the OS's CSPRNG or imported
// from hex, and kept ONLY in the OS keychain (SecretStore, entry "shape/operator_key"); what may
// be shown and written to settings is its EIP-55 address. The secret's text is never returned,
// logged or quoted in an error: callers get the address, or a Secp256k1Key that signs.
// The owner (treasury) key is a different role and never needed by the studio.

#include "Address.h"
#include "AuctionResult.h"
#include "Secp256k1Key.h"

#include <QObject>
#include <QString>
#include <QStringView>

#include <functional>
#include <optional>

namespace sb::integrations {
class SecretStore;
}

namespace sb::integrations::shape {

class OperatorKey
{
public:
    // The keychain entry the key's 64 hex digits are filed under.
    static QString keychainEntry();

    // A new key from the system's CSPRNG (QRandomGenerator::system()), as the 64 hex digits the
    // keychain keeps. Never stored anywhere by this call.
    static QString generateHex();
    // `text` as the keychain keeps it (64 lower-case hex digits, no 0x), or a sentence saying
    // why it is not a key (never quoting it). Takes "0x" or not, either case, surrounding blanks.
    static Result<QString> normalizedHex(QStringView text);

    explicit OperatorKey(SecretStore& secrets) : m_secrets(secrets) {}

    // Blocking forms for the command line and tests (SecretStore's blocking calls: a local event
    // loop). `replace` false refuses to overwrite a key already in the keychain: a funded key
    // lost that way cannot be recovered.
    Result<Address> generate(bool replace = false);
    Result<Address> import(QStringView text, bool replace = false);
    // The key in the keychain; nullopt when none is stored.
    Result<std::optional<Secp256k1Key>> load();
    Result<std::optional<Address>> address();
    Result<bool> remove();

    // Asynchronous forms for the window: `done` runs later on `context`'s thread.
    using AddressDone = std::function<void(const Result<std::optional<Address>>&)>;
    void startGenerate(bool replace, QObject* context, AddressDone done);
    void startImport(QStringView text, bool replace, QObject* context, AddressDone done);
    void startAddress(QObject* context, AddressDone done);
    using KeyDone = std::function<void(Result<std::optional<Secp256k1Key>>)>;
    void startLoad(QObject* context, KeyDone done);

private:
    Result<Address> store(QString hex, bool replace);
    void startStore(QString hex, bool replace, QObject* context, AddressDone done);

    SecretStore& m_secrets;
};

// Overwrites a string that held a secret before it is released.
void wipeSecretText(QString& text);

} // namespace sb::integrations::shape
