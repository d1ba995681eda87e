// The auction overlays painted into images, checked for what a viewer would notice: the right
// amount and time in the bar, the countdown ticking, the badge, the SOLD banner, the bid feed's
// colours and order, the schedule card, the artwork. Text is checked by drawing the expected
// string with the same font into the same rect of a reference image and comparing pixels.
// With SB_ARTIFACTS_DIR set, every overlay and a composed default scene are written there as PNG.

#include "AuctionBarOverlay.h"
#include "BidFeedOverlay.h"
#include "LeaderboardOverlay.h"
#include "LotCardOverlay.h"
#include "OverlayPainting.h"
#include "PausedCardOverlay.h"
#include "ScheduleCardOverlay.h"
#include "SoldBannerOverlay.h"

#include <QDir>
#include <QImage>
#include <QJsonObject>
#include <QLinearGradient>
#include <QPainter>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <cmath>

using namespace sb::studio;
using sb::auction::BidStatus;
using sb::auction::DayState;
using sb::auction::Gwei;

namespace {

constexpr std::int64_t kNow = 1'700'000'000'000; // a fixed instant: the tests never read a clock

Gwei eth(double amount)
{
    // Test data only: amounts written as ETH with at most 9 decimals.
    return Gwei::fromGwei(std::llround(amount * 1e9));
}

// A live auction: 0.25 ETH by @alice, 4 min 07 s left, day 3 of 30.
AuctionSnapshot liveSnapshot()
{
    AuctionSnapshot s;
    s.nowUtcMs = kNow;
    s.hasMarathon = true;
    s.marathonName = QStringLiteral("Thirty Days of Light");
    s.hasAuction = true;
    s.auctionIndex = 2;
    s.dayNumber = 3;
    s.dayCount = 30;
    s.lotNumber = 3;
    s.lot.title = QStringLiteral("Dawn over the Estuary");
    s.lot.artist = QStringLiteral("Mara Lindqvist");
    s.lot.tokenId = QStringLiteral("3");
    s.dayState = DayState::Active;
    s.startUtcMs = kNow - 3'600'000;
    s.endUtcMs = kNow + 247'000;
    s.scheduledEndUtcMs = s.endUtcMs;
    s.currentBid = eth(0.25);
    s.leaderName = QStringLiteral("@alice");
    s.minimumNextBid = eth(0.27);
    return s;
}

FeedEntry feedEntry(const QString& name, double amount, BidStatus status, std::int64_t receivedMs,
                    const QString& reason = {}, bool leader = false)
{
    FeedEntry e;
    e.bidderName = name;
    e.amount = eth(amount);
    e.status = status;
    e.reason = reason;
    e.isLeader = leader;
    e.receivedUtcMs = receivedMs;
    return e;
}

QImage render(const Overlay& overlay, const AuctionSnapshot& s, QSize size = {})
{
    if (size.isEmpty())
        size = overlay.style().geometry.size();
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    overlay.paint(painter, size, s);
    painter.end();
    return image;
}

// `text` drawn alone, as the overlays draw a value, on a transparent image of `size`.
QImage textReference(QSize size, const QRect& rect, const QString& text, const QFont& font,
                     const QColor& color, int flags)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.setFont(font);
    painter.setPen(color);
    painter.drawText(rect, flags, text);
    painter.end();
    return image;
}

// Pixels of `rect` that differ by more than a rounding error in some channel (or, with
// `alphaOnly`, in coverage: the ink's shape whatever its colour).
int mismatches(const QImage& a, const QImage& b, const QRect& rect, bool alphaOnly = false)
{
    const QImage x = a.convertToFormat(QImage::Format_ARGB32);
    const QImage y = b.convertToFormat(QImage::Format_ARGB32);
    int count = 0;
    const QRect r = rect.intersected(x.rect());
    for (int j = r.top(); j <= r.bottom(); ++j) {
        for (int i = r.left(); i <= r.right(); ++i) {
            const QRgb p = x.pixel(i, j);
            const QRgb q = y.pixel(i, j);
            const int tolerance = 40;
            bool differs = std::abs(qAlpha(p) - qAlpha(q)) > tolerance;
            if (!alphaOnly && qAlpha(p) > 40 && qAlpha(q) > 40)
                differs = differs || std::abs(qRed(p) - qRed(q)) > tolerance ||
                          std::abs(qGreen(p) - qGreen(q)) > tolerance ||
                          std::abs(qBlue(p) - qBlue(q)) > tolerance;
            count += differs ? 1 : 0;
        }
    }
    return count;
}

bool sameText(const QImage& a, const QImage& b, const QRect& rect, bool alphaOnly = false)
{
    return mismatches(a, b, rect, alphaOnly) <= std::max(3, rect.width() * rect.height() / 500);
}

// Opaque-ish pixels of `rect` within `tolerance` of `color`.
int pixelsNear(const QImage& image, const QRect& rect, const QColor& color, int tolerance = 30)
{
    const QImage x = image.convertToFormat(QImage::Format_ARGB32);
    int count = 0;
    const QRect r = rect.intersected(x.rect());
    for (int j = r.top(); j <= r.bottom(); ++j) {
        for (int i = r.left(); i <= r.right(); ++i) {
            const QRgb p = x.pixel(i, j);
            if (qAlpha(p) > 200 && std::abs(qRed(p) - color.red()) <= tolerance &&
                std::abs(qGreen(p) - color.green()) <= tolerance &&
                std::abs(qBlue(p) - color.blue()) <= tolerance)
                ++count;
        }
    }
    return count;
}

int paintedPixels(const QImage& image, const QRect& rect = {})
{
    const QImage x = image.convertToFormat(QImage::Format_ARGB32);
    const QRect r = rect.isNull() ? x.rect() : rect.intersected(x.rect());
    int count = 0;
    for (int j = r.top(); j <= r.bottom(); ++j) {
        for (int i = r.left(); i <= r.right(); ++i)
            count += qAlpha(x.pixel(i, j)) > 0 ? 1 : 0;
    }
    return count;
}

// A style with a clear background: text is then the only thing in its rect.
template <typename T> void clearBackground(T& overlay)
{
    OverlayStyle style = overlay.defaultStyle();
    style.background = Qt::transparent;
    overlay.setStyle(style);
}

void saveArtifact(const QImage& image, const QString& name)
{
    const QString dir = qEnvironmentVariable("SB_ARTIFACTS_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QVERIFY(image.save(QDir(dir).filePath(name + QStringLiteral(".png"))));
}

} // namespace

class TestOverlays : public QObject
{
    Q_OBJECT

private slots:
    void kindsAndDefaultGeometry();
    void auctionBarShowsAmountTimeAndDay();
    void auctionBarWithoutBidsShowsTheMinimum();
    void timeLeftTicksAndFreezesWhenPaused();
    void extendedBadgeOnlyWhenExtended();
    void soldBannerAnimatesInAfterAWinner();
    void bidFeedEmphasisesTheLeader();
    void bidFeedShowsRejectionReasons();
    void bidFeedNewestAtTop();
    void bidFeedEntriesSlideIn();
    void leaderboardRanksBidders();
    void scheduleCardOnlyBetweenWindows();
    void pausedCardOnlyWhenPaused();
    void lotCardPlaceholderWhenImageMissing();
    void lotCardShowsTheArtwork();
    void styleRoundTripAndRestyling();
    void defaultSceneArtifact();
};

void TestOverlays::kindsAndDefaultGeometry()
{
    const AuctionBarOverlay bar;
    const LotCardOverlay lot;
    const BidFeedOverlay feed;
    const LeaderboardOverlay board;
    const ScheduleCardOverlay schedule;
    const SoldBannerOverlay sold;
    const PausedCardOverlay paused;
    const QList<const Overlay*> all{&bar, &lot, &feed, &board, &schedule, &sold, &paused};
    const QStringList expected{QStringLiteral("auction_bar"),   QStringLiteral("lot_card"),
                               QStringLiteral("bid_feed"),      QStringLiteral("leaderboard"),
                               QStringLiteral("schedule_card"), QStringLiteral("sold_banner"),
                               QStringLiteral("paused_card")};
    const QRect canvas(0, 0, 1280, 720);
    for (qsizetype i = 0; i < all.size(); ++i) {
        QCOMPARE(all[i]->kind(), expected[i]);
        QVERIFY(!all[i]->displayName().isEmpty());
        const QRect g = all[i]->defaultStyle().geometry;
        QVERIFY2(canvas.contains(g), qPrintable(expected[i]));
        QCOMPARE(all[i]->style(), all[i]->defaultStyle());
    }
    // The default scene of DESIGN.md: the bar along the bottom, the artwork on the left ~70%,
    // the feed on the right.
    QCOMPARE(bar.defaultStyle().geometry.bottom(), canvas.bottom());
    QCOMPARE(bar.defaultStyle().geometry.width(), 1280);
    QCOMPARE(lot.defaultStyle().geometry.width(), 896);
    QVERIFY(feed.defaultStyle().geometry.left() >= 896);
    QVERIFY(bar.ticksEverySecond());
    QVERIFY(schedule.ticksEverySecond());
    QVERIFY(!lot.ticksEverySecond());
}

void TestOverlays::auctionBarShowsAmountTimeAndDay()
{
    AuctionBarOverlay bar;
    clearBackground(bar);
    const AuctionSnapshot s = liveSnapshot();
    QCOMPARE(AuctionBarOverlay::amountText(s), QStringLiteral("0.25 ETH"));
    QCOMPARE(AuctionBarOverlay::timeLeftText(s), QStringLiteral("4 min 07 s"));
    QCOMPARE(AuctionBarOverlay::dayText(s), QStringLiteral("Day 3 of 30"));
    QCOMPARE(AuctionBarOverlay::leaderText(s), QStringLiteral("@alice"));

    const QSize size = bar.style().geometry.size();
    const AuctionBarOverlay::Layout l = bar.layout(size);
    const QImage image = render(bar, s);
    const OverlayStyle st = bar.style();
    const int flags = Qt::AlignLeft | Qt::AlignVCenter;
    const auto expectText = [&](const QRect& rect, const QString& text, const QColor& color) {
        return textReference(size, rect, text, bar.valueFont(text, rect.width()), color, flags);
    };

    QVERIFY(paintedPixels(image, l.amount) > 0);
    QVERIFY(sameText(image, expectText(l.amount, QStringLiteral("0.25 ETH"), st.accent), l.amount));
    QVERIFY(
        sameText(image, expectText(l.timeLeft, QStringLiteral("4 min 07 s"), st.text), l.timeLeft));
    QVERIFY(sameText(image, expectText(l.day, QStringLiteral("Day 3 of 30"), st.text), l.day));
    QVERIFY(sameText(image, expectText(l.leader, QStringLiteral("@alice"), st.text), l.leader));

    // The comparison can fail: another amount, another time, another colour do not match.
    QVERIFY(
        !sameText(image, expectText(l.amount, QStringLiteral("0.35 ETH"), st.accent), l.amount));
    QVERIFY(!sameText(image, expectText(l.timeLeft, QStringLiteral("4 min 08 s"), st.text),
                      l.timeLeft));
    QVERIFY(!sameText(image, expectText(l.amount, QStringLiteral("0.25 ETH"), QColor(Qt::blue)),
                      l.amount));
    // And each value is in its own rect, not anywhere in the bar.
    QVERIFY(
        !sameText(image, expectText(l.leader, QStringLiteral("0.25 ETH"), st.accent), l.leader));
    saveArtifact(render(AuctionBarOverlay(), s), QStringLiteral("auction_bar"));
}

void TestOverlays::auctionBarWithoutBidsShowsTheMinimum()
{
    AuctionSnapshot s = liveSnapshot();
    s.currentBid.reset();
    s.leaderName.clear();
    s.minimumNextBid = eth(0.05);
    s.demo = true;
    QCOMPARE(AuctionBarOverlay::amountText(s), QStringLiteral("No bids yet"));
    QCOMPARE(AuctionBarOverlay::leaderText(s), QStringLiteral("0.05 ETH"));

    AuctionBarOverlay bar;
    clearBackground(bar);
    const QSize size = bar.style().geometry.size();
    const AuctionBarOverlay::Layout l = bar.layout(size);
    const QImage image = render(bar, s);
    const QString text = QStringLiteral("No bids yet");
    QVERIFY(sameText(image,
                     textReference(size, l.amount, text, bar.valueFont(text, l.amount.width()),
                                   bar.style().text, Qt::AlignLeft | Qt::AlignVCenter),
                     l.amount));
    // The DEMO tag is drawn in the badge column.
    QVERIFY(paintedPixels(image, l.badge) > 50);
    saveArtifact(render(AuctionBarOverlay(), s), QStringLiteral("auction_bar_no_bids_demo"));
}

void TestOverlays::timeLeftTicksAndFreezesWhenPaused()
{
    AuctionBarOverlay bar;
    const AuctionBarOverlay::Layout l = bar.layout(bar.style().geometry.size());
    AuctionSnapshot s = liveSnapshot();
    const QImage before = render(bar, s);
    s.nowUtcMs += 1000;
    QCOMPARE(AuctionBarOverlay::timeLeftText(s), QStringLiteral("4 min 06 s"));
    const QImage after = render(bar, s);
    QVERIFY(mismatches(before, after, l.timeLeft) > 20);
    QCOMPARE(mismatches(before, after, l.amount), 0); // only the time moved

    // Paused: the countdown is frozen at the pause, however long the pause lasts.
    AuctionSnapshot p = liveSnapshot();
    p.dayState = DayState::Paused;
    p.paused = true;
    p.pausedSinceUtcMs = kNow;
    p.endUtcMs = kNow + 247'000;
    p.nowUtcMs = kNow + 1000;
    const QImage paused1 = render(bar, p);
    p.nowUtcMs = kNow + 65'000;
    const QImage paused2 = render(bar, p);
    QCOMPARE(AuctionBarOverlay::timeLeftText(p), QStringLiteral("4 min 07 s"));
    QCOMPARE(mismatches(paused1, paused2, l.timeLeft), 0);
    QCOMPARE(mismatches(paused1, paused2, QRect(QPoint(), paused1.size())), 0);
    // And the state says so where the time's caption was.
    QVERIFY(mismatches(before, paused1, l.timeLeft.translated(0, -l.timeLeft.height() / 2)) > 20);
    saveArtifact(paused1, QStringLiteral("auction_bar_paused"));
}

void TestOverlays::extendedBadgeOnlyWhenExtended()
{
    const AuctionBarOverlay bar;
    const AuctionBarOverlay::Layout l = bar.layout(bar.style().geometry.size());
    const QColor accent = bar.style().accent;
    AuctionSnapshot s = liveSnapshot();
    QCOMPARE(pixelsNear(render(bar, s), l.badge, accent), 0);
    s.demo = true; // the demo tag alone is not the badge
    QCOMPARE(pixelsNear(render(bar, s), l.badge, accent), 0);
    s.demo = false;
    s.extended = true;
    const QImage extended = render(bar, s);
    QVERIFY2(pixelsNear(extended, l.badge, accent) > 300,
             qPrintable(QString::number(pixelsNear(extended, l.badge, accent))));
    saveArtifact(extended, QStringLiteral("auction_bar_extended"));
}

void TestOverlays::soldBannerAnimatesInAfterAWinner()
{
    const SoldBannerOverlay banner;
    AuctionSnapshot s = liveSnapshot();
    s.dayState = DayState::Completed;
    QCOMPARE(paintedPixels(render(banner, s)), 0);
    QVERIFY(!banner.isAnimating(s));

    s.winnerDeclared = true;
    s.winnerName = QStringLiteral("@alice");
    s.winningBid = eth(1.25);
    s.winnerDeclaredUtcMs = kNow;
    QCOMPARE(SoldBannerOverlay::amountText(s), QStringLiteral("for 1.25 ETH"));
    s.nowUtcMs = kNow + 500;
    QVERIFY(banner.isAnimating(s));
    const QImage midway = render(banner, s);
    QVERIFY(paintedPixels(midway) > 1000);

    s.nowUtcMs = kNow + 5000;
    QVERIFY(!banner.isAnimating(s));
    const QImage settled = render(banner, s);
    const QRect all(QPoint(), settled.size());
    QVERIFY(mismatches(midway, settled, all) > 500); // the picture really moves

    // An unknown declaration time shows the settled banner at once.
    s.winnerDeclaredUtcMs = 0;
    QVERIFY(!banner.isAnimating(s));
    QCOMPARE(mismatches(render(banner, s), settled, all), 0);

    const SoldBannerOverlay::Layout l = banner.layout(settled.size());
    QVERIFY(pixelsNear(settled, l.sold, banner.style().accent) > 500);
    saveArtifact(midway, QStringLiteral("sold_banner_midway"));
    saveArtifact(settled, QStringLiteral("sold_banner"));
}

void TestOverlays::bidFeedEmphasisesTheLeader()
{
    const BidFeedOverlay feed;
    AuctionSnapshot s = liveSnapshot();
    s.feed = {feedEntry(QStringLiteral("@bob"), 0.40, BidStatus::Accepted, kNow - 5000, {}, true),
              feedEntry(QStringLiteral("@alice"), 0.25, BidStatus::Accepted, kNow - 20'000)};
    const QSize size = feed.style().geometry.size();
    const QImage image = render(feed, s);
    const QColor accent = feed.style().accent;
    const QRect leaderRow = feed.rowLayout(size, 0, false).row;
    const QRect otherRow = feed.rowLayout(size, 1, false).row;
    QVERIFY(pixelsNear(image, leaderRow, accent) > 100);
    QCOMPARE(pixelsNear(image, otherRow, accent), 0);
    QVERIFY(paintedPixels(image, feed.rowLayout(size, 1, false).name) > 50);
    saveArtifact(image, QStringLiteral("bid_feed_leader"));
}

void TestOverlays::bidFeedShowsRejectionReasons()
{
    BidFeedOverlay feed;
    clearBackground(feed);
    AuctionSnapshot s = liveSnapshot();
    const QString reason = shortRejectionReason(sb::auction::RejectionCode::BelowReserve);
    s.feed = {
        feedEntry(QStringLiteral("@mallory"), 0.01, BidStatus::Rejected, kNow - 3000, reason),
        feedEntry(QStringLiteral("@alice"), 0.25, BidStatus::Accepted, kNow - 9000, {}, true)};
    QCOMPARE(BidFeedOverlay::reasonText(s.feed.at(0)), reason);
    QVERIFY(BidFeedOverlay::reasonText(s.feed.at(1)).isEmpty());

    const QSize size = feed.style().geometry.size();
    const BidFeedOverlay::RowLayout row = feed.rowLayout(size, 0, true);
    QVERIFY(!row.reason.isEmpty());
    const QImage image = render(feed, s);
    const int flags = Qt::AlignLeft | Qt::AlignVCenter;
    // Compared by coverage: the reason is greyed, whatever grey the style makes.
    QVERIFY(sameText(image,
                     textReference(size, row.reason, reason, feed.reasonFont(), Qt::white, flags),
                     row.reason, true));
    QVERIFY(!sameText(image,
                      textReference(size, row.reason, QStringLiteral("raise too small"),
                                    feed.reasonFont(), Qt::white, flags),
                      row.reason, true));
    // Greyed: the rejected row has no accent and no full-strength text colour.
    QCOMPARE(pixelsNear(image, row.row, feed.style().accent), 0);
    QCOMPARE(pixelsNear(image, row.name, feed.style().text, 12), 0);
    saveArtifact(render(BidFeedOverlay(), s), QStringLiteral("bid_feed_rejected"));
}

void TestOverlays::bidFeedNewestAtTop()
{
    BidFeedOverlay feed;
    clearBackground(feed);
    AuctionSnapshot s = liveSnapshot();
    s.feed = {feedEntry(QStringLiteral("@carol"), 0.30, BidStatus::Accepted, kNow - 2000),
              feedEntry(QStringLiteral("@bob"), 0.28, BidStatus::Accepted, kNow - 8000),
              feedEntry(QStringLiteral("@alice"), 0.25, BidStatus::Accepted, kNow - 15'000)};
    const QSize size = feed.style().geometry.size();
    const QImage image = render(feed, s);
    const int flags = Qt::AlignLeft | Qt::AlignVCenter;
    const auto nameAt = [&](int index, const QString& name) {
        const QRect rect = feed.rowLayout(size, index, false).name;
        return sameText(image,
                        textReference(size, rect, name, feed.nameFont(false), Qt::white, flags),
                        rect, true);
    };
    QVERIFY(nameAt(0, QStringLiteral("@carol")));
    QVERIFY(nameAt(1, QStringLiteral("@bob")));
    QVERIFY(nameAt(2, QStringLiteral("@alice")));
    QVERIFY(!nameAt(0, QStringLiteral("@alice")));

    const QRect amount = feed.rowLayout(size, 0, false).amount;
    const QString text = BidFeedOverlay::amountText(s.feed.at(0));
    QCOMPARE(text, QStringLiteral("0.30 ETH"));
    QVERIFY(sameText(image,
                     textReference(size, amount, text, feed.amountFont(false), Qt::white,
                                   Qt::AlignRight | Qt::AlignVCenter),
                     amount, true));
}

void TestOverlays::bidFeedEntriesSlideIn()
{
    const BidFeedOverlay feed;
    AuctionSnapshot s = liveSnapshot();
    s.feed = {feedEntry(QStringLiteral("@bob"), 0.40, BidStatus::Accepted, kNow - 100, {}, true),
              feedEntry(QStringLiteral("@alice"), 0.25, BidStatus::Accepted, kNow - 20'000)};
    QVERIFY(feed.isAnimating(s));
    const QImage sliding = render(feed, s);
    s.nowUtcMs = kNow + 1000;
    QVERIFY(!feed.isAnimating(s));
    const QImage settled = render(feed, s);
    const QRect firstRow = feed.rowLayout(feed.style().geometry.size(), 0, false).row;
    QVERIFY(mismatches(sliding, settled, firstRow) > 100);
    // Settled means settled: later frames are the same picture.
    s.nowUtcMs = kNow + 60'000;
    QCOMPARE(mismatches(render(feed, s), settled, QRect(QPoint(), settled.size())), 0);

    AuctionSnapshot empty = liveSnapshot();
    QVERIFY(!feed.isAnimating(empty));
    QVERIFY(paintedPixels(render(feed, empty)) > 0);
    saveArtifact(sliding, QStringLiteral("bid_feed_sliding"));
}

void TestOverlays::leaderboardRanksBidders()
{
    const LeaderboardOverlay board;
    AuctionSnapshot s = liveSnapshot();
    s.leaderboard = {{QStringLiteral("@alice"), eth(2.5), 2},
                     {QStringLiteral("@bob"), eth(1.1), 1},
                     {QStringLiteral("@carol"), eth(0.4), 0}};
    QCOMPARE(LeaderboardOverlay::winsText(s.leaderboard.at(0)), QStringLiteral("2 wins"));
    QCOMPARE(LeaderboardOverlay::winsText(s.leaderboard.at(1)), QStringLiteral("1 win"));
    QVERIFY(LeaderboardOverlay::winsText(s.leaderboard.at(2)).isEmpty());
    const QSize size = board.style().geometry.size();
    const QImage image = render(board, s);
    QVERIFY(pixelsNear(image, board.rowRect(size, 0), board.style().accent) > 100);
    QCOMPARE(pixelsNear(image, board.rowRect(size, 1), board.style().accent), 0);
    QVERIFY(paintedPixels(render(board, liveSnapshot())) > 0);
    saveArtifact(image, QStringLiteral("leaderboard"));
}

void TestOverlays::scheduleCardOnlyBetweenWindows()
{
    ScheduleCardOverlay card;
    QCOMPARE(paintedPixels(render(card, liveSnapshot())), 0);

    AuctionSnapshot s = liveSnapshot();
    s.dayState = DayState::Pending;
    s.currentBid.reset();
    s.dayNumber = 4;
    s.lotNumber = 4;
    s.startUtcMs = kNow + (3 * 3600 + 12 * 60) * 1000LL;
    s.nextStartUtcMs = s.startUtcMs;
    QVERIFY(s.isBetweenWindows());
    QCOMPARE(ScheduleCardOverlay::countdownText(s), QStringLiteral("3 h 12 min"));
    QCOMPARE(ScheduleCardOverlay::detailsText(s), QStringLiteral("Day 4 of 30 · Lot 4"));
    saveArtifact(render(card, s), QStringLiteral("schedule_card"));

    clearBackground(card);
    const QSize size = card.style().geometry.size();
    const ScheduleCardOverlay::Layout l = card.layout(size);
    const QImage image = render(card, s);
    const auto countdown = [&](const QString& text) {
        return textReference(size, l.countdown, text, card.countdownFont(text, l.countdown.width()),
                             card.style().accent, Qt::AlignCenter);
    };
    QVERIFY(sameText(image, countdown(QStringLiteral("3 h 12 min")), l.countdown));
    QVERIFY(!sameText(image, countdown(QStringLiteral("3 h 13 min")), l.countdown));

    // No auction left: nothing to announce.
    s.nextStartUtcMs = 0;
    QCOMPARE(paintedPixels(render(card, s)), 0);
}

void TestOverlays::pausedCardOnlyWhenPaused()
{
    const PausedCardOverlay card;
    QCOMPARE(paintedPixels(render(card, liveSnapshot())), 0);
    AuctionSnapshot s = liveSnapshot();
    s.dayState = DayState::Paused;
    s.paused = true;
    s.pausedSinceUtcMs = kNow;
    QCOMPARE(PausedCardOverlay::timeLeftText(s), QStringLiteral("Time left: 4 min 07 s"));
    const QImage first = render(card, s);
    QVERIFY(paintedPixels(first) > 1000);
    s.nowUtcMs += 30'000;
    QCOMPARE(mismatches(first, render(card, s), QRect(QPoint(), first.size())), 0);
    saveArtifact(first, QStringLiteral("paused_card"));
}

void TestOverlays::lotCardPlaceholderWhenImageMissing()
{
    const LotCardOverlay card;
    AuctionSnapshot s = liveSnapshot();
    s.lot.imagePath = QStringLiteral("/nonexistent/artwork.png");
    const QImage image = render(card, s);
    const LotCardOverlay::Layout l = card.layout(image.size());
    // The framed placeholder: accent lines in the artwork area, and the title is still there.
    QVERIFY(pixelsNear(image, l.artwork, card.style().accent, 40) > 200);
    QVERIFY(paintedPixels(image, l.title) > 100);
    // A remote URL and an empty path are placeholders too, not errors.
    s.lot.imagePath = QStringLiteral("https://example.invalid/art.png");
    QVERIFY(paintedPixels(render(card, s), l.artwork) > 0);
    s.lot.imagePath.clear();
    QCOMPARE(mismatches(render(card, s), image, QRect(QPoint(), image.size())), 0);
    saveArtifact(image, QStringLiteral("lot_card_placeholder"));
}

void TestOverlays::lotCardShowsTheArtwork()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QColor red(208, 32, 48);
    QImage art(300, 200, QImage::Format_RGB32);
    art.fill(red);
    {
        // A band of blue at the top: the image is drawn the right way up.
        QPainter p(&art);
        p.fillRect(QRect(0, 0, 300, 40), QColor(30, 60, 220));
    }
    const QString path = dir.filePath(QStringLiteral("lot.png"));
    QVERIFY(art.save(path));

    const LotCardOverlay card;
    AuctionSnapshot s = liveSnapshot();
    s.lot.imagePath = path;
    const QImage image = render(card, s);
    const LotCardOverlay::Layout l = card.layout(image.size());
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    const QColor centre = argb.pixelColor(l.artwork.center());
    QVERIFY2(std::abs(centre.red() - red.red()) < 6 && std::abs(centre.green() - red.green()) < 6 &&
                 std::abs(centre.blue() - red.blue()) < 6,
             qPrintable(centre.name()));
    QVERIFY(pixelsNear(image, l.artwork, QColor(30, 60, 220), 8) > 1000);
    QVERIFY(pixelsNear(image, l.artwork.adjusted(0, l.artwork.height() / 2, 0, 0),
                       QColor(30, 60, 220), 8) == 0);
    // The same image through a file:// URL, and again from the cache.
    s.lot.imagePath = QUrl::fromLocalFile(path).toString();
    QCOMPARE(mismatches(render(card, s), image, QRect(QPoint(), image.size())), 0);
    saveArtifact(image, QStringLiteral("lot_card"));
}

void TestOverlays::styleRoundTripAndRestyling()
{
    OverlayStyle style = AuctionBarOverlay().defaultStyle();
    style.fontFamily = QStringLiteral("DejaVu Serif");
    style.fontPixelSize = 22;
    style.background = QColor(10, 40, 30, 200);
    style.text = QColor(250, 240, 230);
    style.accent = QColor(40, 200, 255);
    style.geometry = QRect(160, 650, 960, 60);
    const QJsonObject json = style.toJson();
    QCOMPARE(OverlayStyle::fromJson(json, AuctionBarOverlay().defaultStyle()), style);
    QCOMPARE(OverlayStyle::fromJson(QJsonObject(), style), style);

    AuctionBarOverlay bar;
    const AuctionSnapshot s = liveSnapshot();
    const QColor oldAccent = bar.style().accent;
    const QImage before = render(bar, s);
    bar.setStyle(OverlayStyle::fromJson(json, bar.defaultStyle()));
    QCOMPARE(bar.style(), style);
    const QImage after = render(bar, s);
    QCOMPARE(after.size(), QSize(960, 60));
    const AuctionBarOverlay::Layout l = bar.layout(after.size());
    QVERIFY(l.amount != AuctionBarOverlay().layout(before.size()).amount);
    QVERIFY(pixelsNear(after, l.amount, style.accent, 40) > 30);
    QCOMPARE(pixelsNear(after, l.amount, oldAccent, 40), 0);
    QVERIFY(pixelsNear(after, l.panel.adjusted(4, 4, -4, -4), style.background, 20) > 1000);
    saveArtifact(after, QStringLiteral("auction_bar_restyled"));
}

void TestOverlays::defaultSceneArtifact()
{
    if (qEnvironmentVariableIsEmpty("SB_ARTIFACTS_DIR"))
        QSKIP("SB_ARTIFACTS_DIR not set");
    // The default scene as a viewer sees it, over a stand-in for the host panel.
    QImage canvas(1280, 720, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&canvas);
    QLinearGradient backdrop(0, 0, 1280, 720);
    backdrop.setColorAt(0, QColor(36, 30, 52));
    backdrop.setColorAt(1, QColor(12, 10, 18));
    painter.fillRect(canvas.rect(), backdrop);

    QTemporaryDir dir;
    QImage art(512, 512, QImage::Format_RGB32);
    {
        QPainter p(&art);
        QLinearGradient g(0, 0, 512, 512);
        g.setColorAt(0, QColor(240, 120, 60));
        g.setColorAt(1, QColor(60, 30, 120));
        p.fillRect(art.rect(), g);
        p.setBrush(QColor(255, 220, 140));
        p.setPen(Qt::NoPen);
        p.drawEllipse(QPointF(330, 200), 70, 70);
    }
    const QString path = dir.filePath(QStringLiteral("art.png"));
    QVERIFY(art.save(path));

    AuctionSnapshot s = liveSnapshot();
    s.lot.imagePath = path;
    s.extended = true;
    s.demo = true;
    s.currentBid = eth(0.4);
    s.leaderName = QStringLiteral("@bob");
    s.feed = {feedEntry(QStringLiteral("@bob"), 0.40, BidStatus::Accepted, kNow - 5000, {}, true),
              feedEntry(QStringLiteral("@mallory"), 0.01, BidStatus::Rejected, kNow - 9000,
                        shortRejectionReason(sb::auction::RejectionCode::BelowReserve)),
              feedEntry(QStringLiteral("@carol"), 0.30, BidStatus::Accepted, kNow - 20'000),
              feedEntry(QStringLiteral("@alice"), 0.25, BidStatus::Accepted, kNow - 40'000),
              feedEntry(QStringLiteral("@dave"), 0.20, BidStatus::PendingReview, kNow - 60'000)};

    const LotCardOverlay lot;
    const BidFeedOverlay feed;
    const AuctionBarOverlay bar;
    for (const Overlay* overlay : std::initializer_list<const Overlay*>{&lot, &feed, &bar}) {
        const QRect g = overlay->style().geometry;
        painter.save();
        painter.translate(g.topLeft());
        painter.setClipRect(QRect(QPoint(), g.size()));
        overlay->paint(painter, g.size(), s);
        painter.restore();
    }
    painter.end();
    saveArtifact(canvas, QStringLiteral("default_scene"));

    // The same scene after the hammer, with the banner on the artwork.
    QImage sold = canvas.copy();
    QPainter soldPainter(&sold);
    AuctionSnapshot w = s;
    w.winnerDeclared = true;
    w.winnerName = QStringLiteral("@bob");
    w.winningBid = eth(0.4);
    const SoldBannerOverlay banner;
    soldPainter.translate(banner.style().geometry.topLeft());
    banner.paint(soldPainter, banner.style().geometry.size(), w);
    soldPainter.end();
    saveArtifact(sold, QStringLiteral("default_scene_sold"));
}

QTEST_MAIN(TestOverlays)
#include "tst_overlays.moc"
