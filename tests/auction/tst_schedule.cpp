// The marathon schedule in exact UTC instants: daylight-saving gaps and overlaps, windows that
// cross midnight, lots sharing a window, and zones on both sides of the equator.

#include "Schedule.h"

#include <QTest>

using namespace sb::auction;
using namespace Qt::StringLiterals;

namespace {

const QString kNewYork = u"America/New_York"_s;

QDateTime utc(int year, int month, int day, int hour, int minute)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), Qt::UTC);
}

constexpr std::int64_t hoursMs(double hours)
{
    return std::int64_t(hours * 60 * 60 * 1000);
}

MarathonConfig makeConfig(QDate firstDay, int days, QTime start, QTime end,
                          const QString& zone = kNewYork, int lotsPerDay = 1)
{
    MarathonConfig config;
    config.name = u"Test marathon"_s;
    config.firstDay = firstDay;
    config.days = days;
    config.windowStart = start;
    config.windowEnd = end;
    config.timeZone = zone;
    config.lotsPerDay = lotsPerDay;
    return config;
}

QList<AuctionWindow> computeOrFail(const MarathonConfig& config)
{
    QString error;
    const std::optional<QList<AuctionWindow>> windows = Schedule::compute(config, &error);
    if (!windows) {
        qWarning().noquote() << "compute failed:" << error;
        return {};
    }
    return *windows;
}

int offsetHoursAt(const QString& zone, const QDateTime& instant)
{
    return QTimeZone(zone.toUtf8()).offsetFromUtc(instant) / 3600;
}

} // namespace

class TestSchedule : public QObject
{
    Q_OBJECT

private slots:
    void resolveLocal_data();
    void resolveLocal();

    void springForwardOffsets();
    void startInSpringForwardGap();
    void fallBackTakesFirstOccurrence();
    void crossesMidnight();
    void crossesMidnightAcrossFallBack();
    void crossesMidnightAcrossSpringForward();
    void lotsSplitTheWindow();
    void lotsSplitUnevenly();
    void lotsSplitAWindowSpanningFallBack();
    void londonSpringForward();
    void sydneyLocalDateIsAheadOfUtc();
    void windowsNeverOverlapOverAYear();

    void unknownZone();
    void unschedulable_data();
    void unschedulable();
};

void TestSchedule::resolveLocal_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QTime>("time");
    QTest::addColumn<QDateTime>("expected");
    QTest::addColumn<bool>("movedByGap");

    const QDate springNy(2026, 3, 8);
    const QDate fallNy(2026, 11, 1);
    QTest::addRow("new york winter")
        << kNewYork << QDate(2026, 1, 15) << QTime(12, 0) << utc(2026, 1, 15, 17, 0) << false;
    QTest::addRow("new york summer")
        << kNewYork << QDate(2026, 7, 15) << QTime(12, 0) << utc(2026, 7, 15, 16, 0) << false;
    QTest::addRow("new york just before spring forward")
        << kNewYork << springNy << QTime(1, 59) << utc(2026, 3, 8, 6, 59) << false;
    QTest::addRow("new york gap starts")
        << kNewYork << springNy << QTime(2, 0) << utc(2026, 3, 8, 7, 0) << true;
    QTest::addRow("new york 02:30 in the gap becomes 03:30 EDT")
        << kNewYork << springNy << QTime(2, 30) << utc(2026, 3, 8, 7, 30) << true;
    QTest::addRow("new york 03:00 after the gap")
        << kNewYork << springNy << QTime(3, 0) << utc(2026, 3, 8, 7, 0) << false;
    QTest::addRow("new york before fall back")
        << kNewYork << fallNy << QTime(0, 59) << utc(2026, 11, 1, 4, 59) << false;
    QTest::addRow("new york 01:00 twice, first is EDT")
        << kNewYork << fallNy << QTime(1, 0) << utc(2026, 11, 1, 5, 0) << false;
    QTest::addRow("new york 01:30 twice, first is EDT")
        << kNewYork << fallNy << QTime(1, 30) << utc(2026, 11, 1, 5, 30) << false;
    QTest::addRow("new york 02:00 once, EST")
        << kNewYork << fallNy << QTime(2, 0) << utc(2026, 11, 1, 7, 0) << false;
    QTest::addRow("london gap") << u"Europe/London"_s << QDate(2026, 3, 29) << QTime(1, 30)
                                << utc(2026, 3, 29, 1, 30) << true;
    QTest::addRow("london twice, first is BST")
        << u"Europe/London"_s << QDate(2026, 10, 25) << QTime(1, 30) << utc(2026, 10, 25, 0, 30)
        << false;
    QTest::addRow("sydney gap") << u"Australia/Sydney"_s << QDate(2026, 10, 4) << QTime(2, 30)
                                << utc(2026, 10, 3, 16, 30) << true;
    QTest::addRow("sydney twice, first is AEDT")
        << u"Australia/Sydney"_s << QDate(2026, 4, 5) << QTime(2, 30) << utc(2026, 4, 4, 15, 30)
        << false;
    QTest::addRow("lord howe half-hour gap") << u"Australia/Lord_Howe"_s << QDate(2026, 10, 4)
                                             << QTime(2, 15) << utc(2026, 10, 3, 15, 45) << true;
    QTest::addRow("lord howe half-hour overlap")
        << u"Australia/Lord_Howe"_s << QDate(2026, 4, 5) << QTime(1, 45) << utc(2026, 4, 4, 14, 45)
        << false;
    QTest::addRow("utc has no gaps")
        << u"UTC"_s << springNy << QTime(2, 30) << utc(2026, 3, 8, 2, 30) << false;
}

void TestSchedule::resolveLocal()
{
    QFETCH(QString, zone);
    QFETCH(QDate, date);
    QFETCH(QTime, time);
    QFETCH(QDateTime, expected);
    QFETCH(bool, movedByGap);

    const QTimeZone timeZone(zone.toUtf8());
    QVERIFY(timeZone.isValid());
    bool moved = !movedByGap; // must be overwritten either way
    const std::int64_t ms = Schedule::resolveLocal(date, time, timeZone, &moved);
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC), expected);
    QCOMPARE(moved, movedByGap);
}

void TestSchedule::springForwardOffsets()
{
    // Noon to 20:00 around 2026-03-08: the same local window is an hour earlier in UTC after.
    const QList<AuctionWindow> windows =
        computeOrFail(makeConfig(QDate(2026, 3, 7), 3, QTime(12, 0), QTime(20, 0)));
    QCOMPARE(windows.size(), 3);

    QCOMPARE(windows[0].localDate, QDate(2026, 3, 7));
    QCOMPARE(windows[0].startUtc(), utc(2026, 3, 7, 17, 0));
    QCOMPARE(windows[0].endUtc(), utc(2026, 3, 8, 1, 0));
    QCOMPARE(offsetHoursAt(kNewYork, windows[0].startUtc()), -5);

    QCOMPARE(windows[1].localDate, QDate(2026, 3, 8));
    QCOMPARE(windows[1].startUtc(), utc(2026, 3, 8, 16, 0));
    QCOMPARE(windows[1].endUtc(), utc(2026, 3, 9, 0, 0));
    QCOMPARE(offsetHoursAt(kNewYork, windows[1].startUtc()), -4);

    QCOMPARE(windows[2].startUtc(), utc(2026, 3, 9, 16, 0));
    QCOMPARE(windows[2].endUtc(), utc(2026, 3, 10, 0, 0));
    for (const AuctionWindow& window : windows) {
        QVERIFY(!window.startMovedByGap);
        QVERIFY(!window.endMovedByGap);
        QCOMPARE(window.startUtc().timeSpec(), Qt::UTC);
    }
}

void TestSchedule::startInSpringForwardGap()
{
    // 02:30 does not exist on 2026-03-08: that day's auction opens at 03:30 EDT instead.
    const QList<AuctionWindow> windows =
        computeOrFail(makeConfig(QDate(2026, 3, 7), 3, QTime(2, 30), QTime(10, 0)));
    QCOMPARE(windows.size(), 3);

    QCOMPARE(windows[0].startUtc(), utc(2026, 3, 7, 7, 30)); // 02:30 EST
    QCOMPARE(windows[0].endUtc(), utc(2026, 3, 7, 15, 0));
    QVERIFY(!windows[0].startMovedByGap);

    QCOMPARE(windows[1].startUtc(), utc(2026, 3, 8, 7, 30)); // 03:30 EDT
    QCOMPARE(windows[1].endUtc(), utc(2026, 3, 8, 14, 0));   // 10:00 EDT
    QVERIFY(windows[1].startMovedByGap);
    QVERIFY(!windows[1].endMovedByGap);
    QCOMPARE(windows[1].endUtcMs - windows[1].startUtcMs, hoursMs(6.5));

    QCOMPARE(windows[2].startUtc(), utc(2026, 3, 9, 6, 30)); // 02:30 EDT
    QCOMPARE(windows[2].endUtc(), utc(2026, 3, 9, 14, 0));
    QVERIFY(!windows[2].startMovedByGap);
}

void TestSchedule::fallBackTakesFirstOccurrence()
{
    // 01:30 happens twice on 2026-11-01; the auction opens at the first (EDT), and the window that
    // spans the change lasts an hour longer in real time.
    const QList<AuctionWindow> windows =
        computeOrFail(makeConfig(QDate(2026, 10, 31), 3, QTime(1, 30), QTime(3, 30)));
    QCOMPARE(windows.size(), 3);

    QCOMPARE(windows[0].startUtc(), utc(2026, 10, 31, 5, 30));
    QCOMPARE(windows[0].endUtc(), utc(2026, 10, 31, 7, 30));
    QCOMPARE(windows[0].endUtcMs - windows[0].startUtcMs, hoursMs(2));

    QCOMPARE(windows[1].startUtc(), utc(2026, 11, 1, 5, 30)); // 01:30 EDT, not 06:30 (EST)
    QCOMPARE(windows[1].endUtc(), utc(2026, 11, 1, 8, 30));   // 03:30 EST
    QCOMPARE(windows[1].endUtcMs - windows[1].startUtcMs, hoursMs(3));
    QCOMPARE(offsetHoursAt(kNewYork, windows[1].startUtc()), -4);
    QCOMPARE(offsetHoursAt(kNewYork, windows[1].endUtc()), -5);

    QCOMPARE(windows[2].startUtc(), utc(2026, 11, 2, 6, 30));
    QCOMPARE(windows[2].endUtc(), utc(2026, 11, 2, 8, 30));
    for (const AuctionWindow& window : windows)
        QVERIFY(!window.startMovedByGap && !window.endMovedByGap);
}

void TestSchedule::crossesMidnight()
{
    const QList<AuctionWindow> windows =
        computeOrFail(makeConfig(QDate(2026, 1, 10), 2, QTime(22, 0), QTime(2, 0)));
    QCOMPARE(windows.size(), 2);
    QCOMPARE(windows[0].localDate, QDate(2026, 1, 10)); // the date of the start, not the end
    QCOMPARE(windows[0].startUtc(), utc(2026, 1, 11, 3, 0));
    QCOMPARE(windows[0].endUtc(), utc(2026, 1, 11, 7, 0));
    QCOMPARE(windows[1].localDate, QDate(2026, 1, 11));
    QCOMPARE(windows[1].startUtc(), utc(2026, 1, 12, 3, 0));
    QCOMPARE(windows[1].endUtc(), utc(2026, 1, 12, 7, 0));
}

void TestSchedule::crossesMidnightAcrossFallBack()
{
    // 22:00 on Oct 31 to 02:00 on Nov 1 is five real hours: 01:00-02:00 is lived twice.
    const QList<AuctionWindow> windows =
        computeOrFail(makeConfig(QDate(2026, 10, 31), 2, QTime(22, 0), QTime(2, 0)));
    QCOMPARE(windows.size(), 2);
    QCOMPARE(windows[0].startUtc(), utc(2026, 11, 1, 2, 0)); // 22:00 EDT
    QCOMPARE(windows[0].endUtc(), utc(2026, 11, 1, 7, 0));   // 02:00 EST
    QCOMPARE(windows[0].endUtcMs - windows[0].startUtcMs, hoursMs(5));
    QCOMPARE(windows[1].startUtc(), utc(2026, 11, 2, 3, 0)); // 22:00 EST
    QCOMPARE(windows[1].endUtc(), utc(2026, 11, 2, 7, 0));
    QCOMPARE(windows[1].endUtcMs - windows[1].startUtcMs, hoursMs(4));
}

void TestSchedule::crossesMidnightAcrossSpringForward()
{
    // 22:00 on Mar 7 to 04:00 on Mar 8 is five real hours: 02:00-03:00 never happens.
    const QList<AuctionWindow> windows =
        computeOrFail(makeConfig(QDate(2026, 3, 7), 2, QTime(22, 0), QTime(4, 0)));
    QCOMPARE(windows.size(), 2);
    QCOMPARE(windows[0].startUtc(), utc(2026, 3, 8, 3, 0)); // 22:00 EST
    QCOMPARE(windows[0].endUtc(), utc(2026, 3, 8, 8, 0));   // 04:00 EDT
    QCOMPARE(windows[0].endUtcMs - windows[0].startUtcMs, hoursMs(5));
    QCOMPARE(windows[1].startUtc(), utc(2026, 3, 9, 2, 0)); // 22:00 EDT
    QCOMPARE(windows[1].endUtcMs - windows[1].startUtcMs, hoursMs(6));

    // An end inside the gap moves forward too: 02:30 becomes 03:30 EDT.
    const QList<AuctionWindow> gapEnd =
        computeOrFail(makeConfig(QDate(2026, 3, 7), 1, QTime(22, 0), QTime(2, 30)));
    QCOMPARE(gapEnd.size(), 1);
    QCOMPARE(gapEnd[0].endUtc(), utc(2026, 3, 8, 7, 30));
    QVERIFY(gapEnd[0].endMovedByGap);
    QVERIFY(!gapEnd[0].startMovedByGap);
}

void TestSchedule::lotsSplitTheWindow()
{
    const QList<AuctionWindow> windows =
        computeOrFail(makeConfig(QDate(2026, 1, 10), 2, QTime(12, 0), QTime(20, 0), kNewYork, 4));
    QCOMPARE(windows.size(), 8);
    for (int i = 0; i < windows.size(); ++i) {
        const AuctionWindow& window = windows[i];
        QCOMPARE(window.index, i);
        QCOMPARE(window.dayNumber, i / 4 + 1);
        QCOMPARE(window.lot, i % 4);
        QCOMPARE(window.localDate, QDate(2026, 1, 10).addDays(i / 4));
        QCOMPARE(window.endUtcMs - window.startUtcMs, hoursMs(2));
        if (window.lot > 0)
            QCOMPARE(window.startUtcMs, windows[i - 1].endUtcMs); // back to back
    }
    QCOMPARE(windows[0].startUtc(), utc(2026, 1, 10, 17, 0));
    QCOMPARE(windows[1].startUtc(), utc(2026, 1, 10, 19, 0));
    QCOMPARE(windows[3].endUtc(), utc(2026, 1, 11, 1, 0));
    QCOMPARE(windows[4].startUtc(), utc(2026, 1, 11, 17, 0));
    QCOMPARE(windows[7].endUtc(), utc(2026, 1, 12, 1, 0));
}

void TestSchedule::lotsSplitUnevenly()
{
    // 60,000 ms over 7 lots: six of 8,571 ms and a last one that ends exactly on the minute.
    const QList<AuctionWindow> windows =
        computeOrFail(makeConfig(QDate(2026, 1, 10), 1, QTime(12, 0), QTime(12, 1), kNewYork, 7));
    QCOMPARE(windows.size(), 7);
    for (int i = 0; i < 6; ++i) {
        QCOMPARE(windows[i].endUtcMs - windows[i].startUtcMs, std::int64_t(8571));
        QCOMPARE(windows[i + 1].startUtcMs, windows[i].endUtcMs);
    }
    QCOMPARE(windows[0].startUtc(), utc(2026, 1, 10, 17, 0));
    QCOMPARE(windows[6].endUtc(), utc(2026, 1, 10, 17, 1));
    QCOMPARE(windows[6].endUtcMs - windows[6].startUtcMs, std::int64_t(8574));
}

void TestSchedule::lotsSplitAWindowSpanningFallBack()
{
    // Midnight to 04:00 on Nov 1 is five real hours, so two lots get 2.5 h each.
    const QList<AuctionWindow> windows =
        computeOrFail(makeConfig(QDate(2026, 11, 1), 1, QTime(0, 0), QTime(4, 0), kNewYork, 2));
    QCOMPARE(windows.size(), 2);
    QCOMPARE(windows[0].startUtc(), utc(2026, 11, 1, 4, 0));
    QCOMPARE(windows[0].endUtc(), utc(2026, 11, 1, 6, 30));
    QCOMPARE(windows[1].startUtc(), utc(2026, 11, 1, 6, 30));
    QCOMPARE(windows[1].endUtc(), utc(2026, 11, 1, 9, 0));
}

void TestSchedule::londonSpringForward()
{
    // Europe/London moves 01:00 GMT -> 02:00 BST on 2026-03-29.
    const QString london = u"Europe/London"_s;
    const QList<AuctionWindow> windows =
        computeOrFail(makeConfig(QDate(2026, 3, 28), 3, QTime(1, 30), QTime(9, 0), london));
    QCOMPARE(windows.size(), 3);
    QCOMPARE(windows[0].startUtc(), utc(2026, 3, 28, 1, 30));
    QCOMPARE(windows[0].endUtc(), utc(2026, 3, 28, 9, 0));
    QCOMPARE(windows[1].startUtc(), utc(2026, 3, 29, 1, 30)); // 02:30 BST
    QVERIFY(windows[1].startMovedByGap);
    QCOMPARE(windows[1].endUtc(), utc(2026, 3, 29, 8, 0));
    QCOMPARE(offsetHoursAt(london, windows[1].endUtc()), 1);
    QCOMPARE(windows[2].startUtc(), utc(2026, 3, 30, 0, 30));
    QCOMPARE(windows[2].endUtc(), utc(2026, 3, 30, 8, 0));
}

void TestSchedule::sydneyLocalDateIsAheadOfUtc()
{
    // Australia/Sydney leaves AEDT (+11) for AEST (+10) at 03:00 on 2026-04-05: an evening
    // window in Sydney starts on the previous UTC date.
    const QString sydney = u"Australia/Sydney"_s;
    const QList<AuctionWindow> windows =
        computeOrFail(makeConfig(QDate(2026, 4, 4), 2, QTime(8, 0), QTime(23, 0), sydney));
    QCOMPARE(windows.size(), 2);
    QCOMPARE(windows[0].localDate, QDate(2026, 4, 4));
    QCOMPARE(windows[0].startUtc(), utc(2026, 4, 3, 21, 0));
    QCOMPARE(windows[0].endUtc(), utc(2026, 4, 4, 12, 0));
    QCOMPARE(windows[1].localDate, QDate(2026, 4, 5));
    QCOMPARE(windows[1].startUtc(), utc(2026, 4, 4, 22, 0));
    QCOMPARE(windows[1].endUtc(), utc(2026, 4, 5, 13, 0));
    QCOMPARE(offsetHoursAt(sydney, windows[0].startUtc()), 11);
    QCOMPARE(offsetHoursAt(sydney, windows[1].startUtc()), 10);
}

void TestSchedule::windowsNeverOverlapOverAYear()
{
    // An overnight window through both of a year's changes: always in order, never touching the
    // next day's, and never more than an hour off its local length.
    const QList<AuctionWindow> windows =
        computeOrFail(makeConfig(QDate(2026, 1, 1), 366, QTime(20, 0), QTime(4, 0)));
    QCOMPARE(windows.size(), 366);
    int longer = 0;
    int shorter = 0;
    for (int i = 0; i < windows.size(); ++i) {
        const std::int64_t length = windows[i].endUtcMs - windows[i].startUtcMs;
        QVERIFY(length == hoursMs(8) || length == hoursMs(7) || length == hoursMs(9));
        longer += length == hoursMs(9);
        shorter += length == hoursMs(7);
        if (i > 0)
            QVERIFY(windows[i].startUtcMs > windows[i - 1].endUtcMs);
    }
    QCOMPARE(longer, 1);
    QCOMPARE(shorter, 1);
}

void TestSchedule::unknownZone()
{
    QString error;
    const auto windows = Schedule::compute(
        makeConfig(QDate(2026, 3, 7), 3, QTime(12, 0), QTime(20, 0), u"Mars/Olympus"_s), &error);
    QVERIFY(!windows);
    QCOMPARE(error,
             u"Unknown time zone \"Mars/Olympus\": use an IANA id such as America/New_York."_s);
}

void TestSchedule::unschedulable_data()
{
    QTest::addColumn<MarathonConfig>("config");
    QTest::addColumn<QString>("expectedError");

    const QDate march7(2026, 3, 7);
    QTest::addRow("no first day") << makeConfig(QDate(), 3, QTime(12, 0), QTime(20, 0))
                                  << u"The marathon needs a first day."_s;
    QTest::addRow("no days") << makeConfig(march7, 0, QTime(12, 0), QTime(20, 0))
                             << u"Days must be between 1 and 366."_s;
    QTest::addRow("no lots per day")
        << makeConfig(march7, 3, QTime(12, 0), QTime(20, 0), kNewYork, 0)
        << u"Lots per day must be between 1 and 24."_s;
    QTest::addRow("no start time")
        << makeConfig(march7, 3, QTime(), QTime(20, 0))
        << u"The window needs a valid start time and a valid end time."_s;
    QTest::addRow("same start and end") << makeConfig(march7, 3, QTime(12, 0), QTime(12, 0))
                                        << u"The window cannot start and end at the same time."_s;
    QTest::addRow("empty zone") << makeConfig(march7, 3, QTime(12, 0), QTime(20, 0), QString())
                                << u"Unknown time zone \"\": use an IANA id such as "
                                   "America/New_York."_s;
    // 03:00 -> 02:30 the next day: on Mar 8 02:30 becomes 03:30 EDT, after Mar 8's 03:00 EDT start.
    QTest::addRow("gap pushes the end past the next start")
        << makeConfig(march7, 3, QTime(3, 0), QTime(2, 30))
        << u"On 2026-03-08 the window would start before the previous day's window ends because "
           "the clocks change; shorten the window."_s;
    // 02:30 -> 03:15 on Mar 8 would be 03:30 EDT -> 03:15 EDT.
    QTest::addRow("gap leaves nothing of the window")
        << makeConfig(march7, 3, QTime(2, 30), QTime(3, 15))
        << u"On 2026-03-08 the window would last less than a minute because the clocks change "
           "that night; move the window's start or end away from the change."_s;
}

void TestSchedule::unschedulable()
{
    QFETCH(MarathonConfig, config);
    QFETCH(QString, expectedError);
    QString error;
    QVERIFY(!Schedule::compute(config, &error));
    QCOMPARE(error, expectedError);
    QVERIFY(!Schedule::compute(config)); // no error out-parameter is fine too
}

QTEST_GUILESS_MAIN(TestSchedule)
#include "tst_schedule.moc"
