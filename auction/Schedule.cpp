#include "Schedule.h"

#include <QCoreApplication>

#include <utility>

namespace sb::auction {

namespace {

constexpr std::int64_t kMsPerSecond = 1000;
constexpr std::int64_t kMsPerDay = 24LL * 60 * 60 * kMsPerSecond;
constexpr std::int64_t kMinWindowMs = 60 * kMsPerSecond;
// The same bounds as MarathonConfig::validate(); repeated here so that an unvalidated config can
// never make compute() allocate or loop without bound.
constexpr int kMaxDays = 366;
constexpr int kMaxLotsPerDay = 24;

QDateTime utcFromMs(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

int offsetSecondsAt(const QTimeZone& zone, std::int64_t utcMs)
{
    return zone.offsetFromUtc(utcFromMs(utcMs));
}

} // namespace

QDateTime AuctionWindow::startUtc() const
{
    return utcFromMs(startUtcMs);
}

QDateTime AuctionWindow::endUtc() const
{
    return utcFromMs(endUtcMs);
}

std::int64_t Schedule::resolveLocal(QDate date, QTime time, const QTimeZone& zone, bool* movedByGap)
{
    if (movedByGap)
        *movedByGap = false;

    // The wall time read as if it were UTC; a real instant is this minus the offset in force then.
    const std::int64_t wallMs = QDateTime(date, time, Qt::UTC).toMSecsSinceEpoch();

    // Every offset that can apply to this wall time is in force within a day of it (no zone moves
    // by more than a day), so collecting those a day either side and those of the transitions in
    // between finds them all, including zones with two changes close together.
    QList<int> offsets{offsetSecondsAt(zone, wallMs - kMsPerDay), offsetSecondsAt(zone, wallMs),
                       offsetSecondsAt(zone, wallMs + kMsPerDay)};
    QTimeZone::OffsetDataList transitions;
    if (zone.hasTransitions()) {
        transitions =
            zone.transitions(utcFromMs(wallMs - 2 * kMsPerDay), utcFromMs(wallMs + 2 * kMsPerDay));
        for (const QTimeZone::OffsetData& transition : std::as_const(transitions))
            offsets.append(transition.offsetFromUtc);
    }

    // A candidate is real when the zone agrees it is in force at the instant it gives. Two real
    // candidates mean the wall time happens twice (fall back): the earlier is the first occurrence.
    std::optional<std::int64_t> earliest;
    for (int offsetSeconds : std::as_const(offsets)) {
        const std::int64_t utcMs = wallMs - offsetSeconds * kMsPerSecond;
        if (offsetSecondsAt(zone, utcMs) == offsetSeconds && (!earliest || utcMs < *earliest))
            earliest = utcMs;
    }
    if (earliest)
        return *earliest;

    // No candidate: the wall time is skipped by a spring-forward gap. Reading it with the offset
    // in force before the change moves it forward by the gap (02:30 EST -> 03:30 EDT).
    if (movedByGap)
        *movedByGap = true;
    for (const QTimeZone::OffsetData& transition : std::as_const(transitions)) {
        const std::int64_t atMs = transition.atUtc.toMSecsSinceEpoch();
        const std::int64_t beforeMs = offsetSecondsAt(zone, atMs - 1) * kMsPerSecond;
        const std::int64_t afterMs = std::int64_t(transition.offsetFromUtc) * kMsPerSecond;
        if (wallMs >= atMs + beforeMs && wallMs < atMs + afterMs)
            return wallMs - beforeMs;
    }
    // Without transition data, the offset of a day earlier is the one in force before the gap.
    return wallMs - offsetSecondsAt(zone, wallMs - kMsPerDay) * kMsPerSecond;
}

std::optional<QList<AuctionWindow>> Schedule::compute(const MarathonConfig& config, QString* error)
{
    const auto fail = [error](const QString& message) -> std::optional<QList<AuctionWindow>> {
        if (error)
            *error = message;
        return std::nullopt;
    };

    if (!config.firstDay.isValid())
        return fail(QCoreApplication::translate("Schedule", "The marathon needs a first day."));
    if (config.days < 1 || config.days > kMaxDays)
        return fail(QCoreApplication::translate("Schedule", "Days must be between 1 and %1.")
                        .arg(kMaxDays));
    if (config.lotsPerDay < 1 || config.lotsPerDay > kMaxLotsPerDay)
        return fail(
            QCoreApplication::translate("Schedule", "Lots per day must be between 1 and %1.")
                .arg(kMaxLotsPerDay));
    if (!config.windowStart.isValid() || !config.windowEnd.isValid())
        return fail(QCoreApplication::translate(
            "Schedule", "The window needs a valid start time and a valid end time."));
    if (config.windowStart == config.windowEnd)
        return fail(QCoreApplication::translate(
            "Schedule", "The window cannot start and end at the same time."));
    const QTimeZone zone(config.timeZone.toUtf8());
    if (config.timeZone.isEmpty() || !zone.isValid())
        return fail(
            QCoreApplication::translate(
                "Schedule", "Unknown time zone \"%1\": use an IANA id such as America/New_York.")
                .arg(config.timeZone));

    // An end at or before the start is on the next local day: the window crosses midnight.
    const bool crossesMidnight = config.windowEnd <= config.windowStart;
    QList<AuctionWindow> windows;
    windows.reserve(qsizetype(config.days) * config.lotsPerDay);
    std::int64_t previousEndMs = 0;
    for (int dayNumber = 1; dayNumber <= config.days; ++dayNumber) {
        const QDate date = config.firstDay.addDays(dayNumber - 1);
        bool startMoved = false;
        bool endMoved = false;
        const std::int64_t startMs = resolveLocal(date, config.windowStart, zone, &startMoved);
        const std::int64_t endMs = resolveLocal(crossesMidnight ? date.addDays(1) : date,
                                                config.windowEnd, zone, &endMoved);

        // Local times are at least a minute apart and less than a day, but a spring-forward gap
        // can still squeeze a window to nothing or push its end past the next day's start.
        if (endMs - startMs < kMinWindowMs)
            return fail(QCoreApplication::translate(
                            "Schedule",
                            "On %1 the window would last less than a minute because the clocks "
                            "change that night; move the window's start or end away from the "
                            "change.")
                            .arg(date.toString(Qt::ISODate)));
        if (dayNumber > 1 && startMs < previousEndMs)
            return fail(QCoreApplication::translate(
                            "Schedule",
                            "On %1 the window would start before the previous day's window ends "
                            "because the clocks change; shorten the window.")
                            .arg(date.toString(Qt::ISODate)));

        // Equal parts in whole milliseconds; the last part absorbs the remainder so the day's
        // final auction ends exactly when the window does.
        const std::int64_t partMs = (endMs - startMs) / config.lotsPerDay;
        for (int lot = 0; lot < config.lotsPerDay; ++lot) {
            const bool last = lot == config.lotsPerDay - 1;
            AuctionWindow window;
            window.index = (dayNumber - 1) * config.lotsPerDay + lot;
            window.dayNumber = dayNumber;
            window.lot = lot;
            window.localDate = date;
            window.startUtcMs = startMs + lot * partMs;
            window.endUtcMs = last ? endMs : startMs + (lot + 1) * partMs;
            window.startMovedByGap = lot == 0 && startMoved;
            window.endMovedByGap = last && endMoved;
            windows.append(window);
        }
        previousEndMs = endMs;
    }
    return windows;
}

} // namespace sb::auction
