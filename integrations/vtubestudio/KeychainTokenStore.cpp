#include "SecretStore.h"
#include "VtsTokenStore.h"

namespace sb::integrations::vtubestudio {

namespace {

QString key()
{
    return QString::fromLatin1(KeychainTokenStore::kKey);
}

} // namespace

void KeychainTokenStore::startLoad(QObject* context, LoadDone done)
{
    m_secrets.startRead(key(), context, [done = std::move(done)](const SecretStore::Result& r) {
        done(r.ok() ? r.secret : std::nullopt, r.error);
    });
}

void KeychainTokenStore::startSave(const QString& token, QObject* context, Done done)
{
    m_secrets.startWrite(key(), token, context,
                         [done = std::move(done)](const SecretStore::Result& r) { done(r.error); });
}

void KeychainTokenStore::startForget(QObject* context, Done done)
{
    m_secrets.startRemove(
        key(), context, [done = std::move(done)](const SecretStore::Result& r) { done(r.error); });
}

} // namespace sb::integrations::vtubestudio
