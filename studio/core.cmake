list(APPEND SB_STUDIO_SOURCES
    AuctionStateModel.cpp AuctionStateModel.h
    OverlayFactory.cpp
    SceneBuilder.cpp SceneBuilder.h
    SceneCollection.cpp SceneCollection.h
    ShowScene.cpp ShowScene.h
    StudioController.cpp StudioController.h
)
