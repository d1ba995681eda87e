list(APPEND SB_APP_SOURCES
    window/AuctionDock.cpp window/AuctionDock.h
    window/CongestionSquares.cpp window/CongestionSquares.h
    window/HostDock.cpp window/HostDock.h
    window/MainWindow.cpp window/MainWindow.h
    window/PlainTextLabels.cpp window/PlainTextLabels.h
    window/PreviewWidget.cpp window/PreviewWidget.h
    window/StatsDock.cpp window/StatsDock.h
)
