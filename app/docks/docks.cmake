# The operator's docks: bids, the event log (with dead letters), and X.
list(APPEND SB_APP_SOURCES
    docks/BidsDock.cpp docks/BidsDock.h
    docks/EventLogDock.cpp docks/EventLogDock.h
    docks/XDock.cpp docks/XDock.h
    docks/XOutboxView.cpp docks/XOutboxView.h
    docks/SettlementDock.cpp docks/SettlementDock.h
)
