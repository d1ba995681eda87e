# The operator's docks: bids and the event log (with dead letters).
list(APPEND SB_APP_SOURCES
    docks/BidsDock.cpp docks/BidsDock.h
    docks/EventLogDock.cpp docks/EventLogDock.h
)
