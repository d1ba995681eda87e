// The engine's bookkeeping about where bids come from: the watermarks of the sources that read
// posts late (X search), which the winner waits for, and the wallets bidders linked through them.

#include "AuctionEngine.h"

#include <QJsonObject>

namespace sb::auction {

ActionResult AuctionEngine::linkWallet(const WalletLink& link)
{
    if (!m_loaded)
        return ActionResult::failure(notLoadedReason());
    if (link.bidderId.isEmpty() || link.address.isEmpty())
        return ActionResult::failure(tr("A wallet link needs a bidder and an address."));
    const auto known = m_wallets.constFind(link.bidderId);
    if (known != m_wallets.cend() && known->source == link.source &&
        known->sourceId == link.sourceId)
        return ActionResult::success(); // the same post read again
    WalletLink stored = link;
    stored.linkedUtcMs = m_clock.nowUtcMs();
    return transaction([&](QString* error) {
        // In memory before the commit publishes it (a failed commit reloads what is durable).
        m_wallets.insert(stored.bidderId, stored);
        return m_store.saveWalletLink(stored, error) &&
               journal(EventType::WalletLinked, std::nullopt,
                       {{QStringLiteral("bidder_id"), stored.bidderId},
                        {QStringLiteral("bidder"), stored.bidderName},
                        {QStringLiteral("address"), stored.address},
                        {QStringLiteral("source"), stored.source},
                        {QStringLiteral("source_id"), stored.sourceId}},
                       error) &&
               settlementWalletLinked(stored, error); // a buyer waiting for it goes on
    });
}

std::optional<WalletLink> AuctionEngine::walletOf(const QString& bidderId) const
{
    const auto found = m_wallets.constFind(bidderId);
    return found == m_wallets.cend() ? std::nullopt : std::optional(*found);
}

bool AuctionEngine::winnerDue(const AuctionDay& a, std::int64_t now) const
{
    if (a.state != DayState::Processing || a.winnerDeclared ||
        now < a.endUtcMs + m_config.graceMs || m_pendingReviews.value(a.index) > 0)
        return false;
    // No winner before the bids are in: a source that has not read up to the end yet is waited
    // for, but not forever.
    return sourcesBehind(a.endUtcMs).isEmpty() ||
           now >= a.endUtcMs + m_config.graceMs + m_maxWinnerWaitMs;
}

void AuctionEngine::requireSource(const QString& source)
{
    if (!m_watermarks.contains(source))
        m_watermarks.insert(source, 0);
}

void AuctionEngine::releaseSource(const QString& source)
{
    m_watermarks.remove(source);
}

void AuctionEngine::setWatermark(const QString& source, std::int64_t seenUpToMs)
{
    const auto found = m_watermarks.find(source);
    if (found != m_watermarks.end())
        *found = std::max(*found, seenUpToMs);
}

QStringList AuctionEngine::sourcesBehind(std::int64_t endUtcMs) const
{
    QStringList behind;
    for (auto it = m_watermarks.cbegin(); it != m_watermarks.cend(); ++it) {
        if (it.value() < endUtcMs)
            behind.append(it.key());
    }
    behind.sort();
    return behind;
}

} // namespace sb::auction
