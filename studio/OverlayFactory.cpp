// The overlay kinds a scene collection can name, and how each is made.

#include "AuctionBarOverlay.h"
#include "BidFeedOverlay.h"
#include "HostOverlay.h"
#include "HowToBidOverlay.h"
#include "LeaderboardOverlay.h"
#include "LotCardOverlay.h"
#include "Overlay.h"
#include "PausedCardOverlay.h"
#include "ScheduleCardOverlay.h"
#include "SoldBannerOverlay.h"

#include <QStringList>

namespace sb::studio {

std::unique_ptr<Overlay> createOverlay(const QString& kind)
{
    if (kind == QLatin1String("auction_bar"))
        return std::make_unique<AuctionBarOverlay>();
    if (kind == QLatin1String("lot_card"))
        return std::make_unique<LotCardOverlay>();
    if (kind == QLatin1String("bid_feed"))
        return std::make_unique<BidFeedOverlay>();
    if (kind == QLatin1String("leaderboard"))
        return std::make_unique<LeaderboardOverlay>();
    if (kind == QLatin1String("schedule_card"))
        return std::make_unique<ScheduleCardOverlay>();
    if (kind == QLatin1String("sold_banner"))
        return std::make_unique<SoldBannerOverlay>();
    if (kind == QLatin1String("paused_card"))
        return std::make_unique<PausedCardOverlay>();
    if (kind == QLatin1String("how_to_bid"))
        return std::make_unique<HowToBidOverlay>();
    if (kind == QLatin1String("host"))
        return std::make_unique<HostOverlay>();
    return nullptr;
}

QStringList overlayKinds()
{
    return {QStringLiteral("auction_bar"),   QStringLiteral("lot_card"),
            QStringLiteral("bid_feed"),      QStringLiteral("leaderboard"),
            QStringLiteral("schedule_card"), QStringLiteral("sold_banner"),
            QStringLiteral("paused_card"),   QStringLiteral("how_to_bid"),
            QStringLiteral("host")};
}

} // namespace sb::studio
