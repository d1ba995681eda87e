# The auction overlays: QPainter pictures of the auction state, one class per overlay, and the
# drawing helpers they share.
list(APPEND SB_STUDIO_SOURCES
    overlays/OverlayPainting.cpp overlays/OverlayPainting.h
    overlays/AuctionBarOverlay.cpp overlays/AuctionBarOverlay.h
    overlays/LotCardOverlay.cpp overlays/LotCardOverlay.h
    overlays/BidFeedOverlay.cpp overlays/BidFeedOverlay.h
    overlays/LeaderboardOverlay.cpp overlays/LeaderboardOverlay.h
    overlays/ScheduleCardOverlay.cpp overlays/ScheduleCardOverlay.h
    overlays/SoldBannerOverlay.cpp overlays/SoldBannerOverlay.h
    overlays/PausedCardOverlay.cpp overlays/PausedCardOverlay.h
    overlays/HowToBidOverlay.cpp overlays/HowToBidOverlay.h
)
