#pragma once
// What SettlementDriver's three source files share (SettlementDriver.cpp: the passes and the
// stored transactions; SettlementDriverSteps.cpp: signing a new step; SettlementDriverClaims.cpp:
// the claims on chain). Private to them.

#include "Hex.h"
#include "SettlementDriver.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSettlementDriver)

namespace sb::auction {
struct ActionResult;
class MarathonSession;
} // namespace sb::auction

namespace sb::integrations::shape {

// The engine's names the three files use, spelled once.
using sb::auction::ActionResult;
using sb::auction::ChainTransaction;
using sb::auction::ChainTxState;
using sb::auction::ClaimSeen;
using sb::auction::MarathonSession;
using sb::auction::Settlement;
using sb::auction::SettlementStage;
namespace SettlementStep = sb::auction::SettlementStep;

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

using driverparts::nowUtcMs;
using driverparts::shortHash;

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
