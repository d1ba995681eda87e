#pragma once
// The auction as the overlays see it: rebuilt from the engine after every committed batch of
// events and re-stamped with the clock's time as it passes, published as an immutable snapshot
// that the render thread reads while the GUI thread makes the next one.

#include "AuctionSnapshot.h"

#include <QHash>
#include <QObject>

#include <memory>
#include <mutex>
#include <optional>

namespace sb::auction {
class AuctionEngine;
struct AuctionEvent;
} // namespace sb::auction

namespace sb::studio {

class AuctionStateModel : public QObject
{
    Q_OBJECT

public:
    AuctionStateModel(sb::auction::AuctionEngine& engine, bool demo, QObject* parent = nullptr);

    // Thread-safe; never null.
    std::shared_ptr<const AuctionSnapshot> snapshot() const;

    // Follows another engine (the demo replaced by a real marathon); the overlays stay bound.
    void setEngine(sb::auction::AuctionEngine& engine, bool demo);
    // Rebuilds from the engine (GUI thread). Called on every committed batch.
    void refresh();
    // Moves the snapshot's clock to the engine's now without reading the store (GUI thread).
    // Returns true when the displayed second changed.
    bool advanceClock();
    void setDemo(bool demo);

    // How long the sold auction stays on screen (with its banner) before the schedule card.
    static constexpr std::int64_t kSoldHoldMs = 20'000;

signals:
    void changed(); // the auction changed (not emitted for clock ticks)

private:
    void onEvents(const QList<sb::auction::AuctionEvent>& events);
    void publish(AuctionSnapshot snapshot);

    void seedFromJournal();

    sb::auction::AuctionEngine* m_engine;
    bool m_demo = false;
    // Kept up to date from the events, so a bid never costs a read of the whole marathon.
    LeaderboardTally m_leaderboard;
    QHash<int, bool> m_extended;             // auction index -> auction.extended seen
    QHash<int, std::int64_t> m_winnerSeenMs; // auction index -> when auction.winner came
    bool m_showingSold = false;
    int m_lastSold = -1; // the auction whose SOLD banner may be up
    std::optional<int> soldAuctionOnScreen(std::int64_t nowMs) const;
    mutable std::mutex m_mutex;
    std::shared_ptr<const AuctionSnapshot> m_snapshot;
};

} // namespace sb::studio
