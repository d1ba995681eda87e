#pragma once
// The marathon the bid benchmarks run: one 4-hour window on the real clock that opened a minute
// ago, no age or review rule, and 1 gwei raises, so bids that arrive in order are accepted (the
// heavy path: leader, outbid) and those that lose a race are rejected, as in a busy auction.

#include "MarathonConfig.h"

#include <QDateTime>

inline sb::auction::MarathonConfig benchMarathonConfig()
{
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-60);
    sb::auction::MarathonConfig c;
    c.name = QStringLiteral("bench");
    c.timeZone = QStringLiteral("UTC");
    c.firstDay = start.date();
    c.days = 1;
    c.windowStart = QTime(start.time().hour(), start.time().minute());
    c.windowEnd = c.windowStart.addSecs(4 * 3600);
    c.minAccountAgeDays = 0;
    c.reviewMultiple = 0;
    c.minRaisePercent = 0;
    c.minRaiseAbsolute = sb::auction::Gwei::fromGwei(1);
    return c;
}
