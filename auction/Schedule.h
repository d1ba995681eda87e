#pragma once
// Turns a marathon's local-time rules into exact UTC windows, one per auction (day × lot).
// DST: a local time that does not exist (spring forward) moves forward by the gap; an ambiguous
// one (fall back) takes the first occurrence. Windows may cross local midnight.

#include "MarathonConfig.h"

#include <QDateTime>
#include <QList>
#include <QTimeZone>

#include <cstdint>
#include <optional>

namespace sb::auction {

struct AuctionWindow
{
    int index = 0;     // 0-based over the whole marathon: (dayNumber - 1) × lotsPerDay + lot
    int dayNumber = 1; // 1-based
    int lot = 0;       // 0-based within the day
    QDate localDate;   // the day's local date (of the window's start)
    std::int64_t startUtcMs = 0;
    std::int64_t endUtcMs = 0;
    bool startMovedByGap = false; // the configured local start did not exist that day
    bool endMovedByGap = false;

    QDateTime startUtc() const;
    QDateTime endUtc() const;
    friend bool operator==(const AuctionWindow&, const AuctionWindow&) = default;
};

class Schedule
{
public:
    // nullopt with *error when the zone is unknown or the config cannot be scheduled.
    static std::optional<QList<AuctionWindow>> compute(const MarathonConfig& config,
                                                       QString* error = nullptr);

    // Local wall time -> UTC milliseconds under the DST rules above.
    static std::int64_t resolveLocal(QDate date, QTime time, const QTimeZone& zone,
                                     bool* movedByGap = nullptr);
};

} // namespace sb::auction
