#pragma once
// Writes bids.csv and results.csv (RFC 4180) for accountants and for the operator's records.
// Cells that a spreadsheet would run as a formula are defused, since bidder names are user text.

#include "AuctionStore.h"

#include <QString>

namespace sb::auction {

class CsvExporter
{
public:
    // Writes <dir>/bids.csv and <dir>/results.csv, atomically each (a short write or a failed
    // read leaves the previous files as they were and says why).
    [[nodiscard]] static bool exportAll(const AuctionStore& store, const QString& directory,
                                        QString* error);
    static QString escapeCell(const QString& cell);
};

} // namespace sb::auction
