# Table models behind the operator's docks: bids, the live event journal, dead letters.
list(APPEND SB_STUDIO_SOURCES
    BidsTableModel.cpp BidsTableModel.h
    EventLogModel.cpp EventLogModel.h
    DeadLetterModel.cpp DeadLetterModel.h
)
# The Settlement dock's table: each auction's settlement on Shape and its transactions.
list(APPEND SB_STUDIO_SOURCES SettlementModel.cpp SettlementModel.h)
