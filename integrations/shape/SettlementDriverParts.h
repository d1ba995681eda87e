#pragma once
// What SettlementDriver's three source files share (SettlementDriver.cpp: the passes and the
// stored transactions; SettlementDriverSteps.cpp: signing a new step; SettlementDriverClaims.cpp:
// the claims on chain). Private to them.

#include "Hex.h"
#include "SettlementDriver.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSettlementDriver)

namespace sb::integrations::shape {

namespace driverparts {

inline std::int64_t nowUtcMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// A transaction's hash as the log shows it: its first bytes.
inline QString shortHash(const QByteArray& hash)
{
    return toHex(hash).left(10) + QStringLiteral("…");
}

} // namespace driverparts

// What one pass reads from the engine, in one piece of work on its thread.
struct SettlementDriver::Snapshot
{
    QList<sb::auction::Settlement> settlements;
    QList<sb::auction::ChainTransaction> unfinished;
    std::uint64_t cursor = 0;
    bool hasCursor = false;
    QString error;
    std::uint64_t head = 0;

    const sb::auction::Settlement* settlement(int auctionIndex) const
    {
        for (const sb::auction::Settlement& s : settlements) {
            if (s.auctionIndex == auctionIndex)
                return &s;
        }
        return nullptr;
    }
};

} // namespace sb::integrations::shape
