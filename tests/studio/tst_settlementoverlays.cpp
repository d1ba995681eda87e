// Settlement on Shape on screen: once the token is minted the SOLD banner adds "Paid ✓ — token #N
// minted to 0xAB…CD" (green, inside the panel), and between windows the schedule card says how the
// last day settled (paid ✓ / awaiting payment / unsold). AuctionSnapshot::build reads both from a
// real engine whose settlement goes from the winner to the confirmed mint.

#include "AuctionSnapshot.h"
#include "EngineFixture.h"
#include "ScheduleCardOverlay.h"
#include "SoldBannerOverlay.h"

#include <QImage>
#include <QPainter>
#include <QTest>

using namespace sb::auction;
using namespace sb::auction::test;
using namespace sb::studio;
using namespace Qt::StringLiterals;

namespace {

constexpr std::int64_t kNow = 1'700'000'000'000;
const QString kAliceWallet = u"0x70997970C51812dc3A010C7d01b50e0d17dc79C8"_s;
const QColor kGreen(0x2e, 0xcc, 0x71);

QImage render(const Overlay& overlay, const AuctionSnapshot& s)
{
    const QSize size = overlay.style().geometry.size();
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    overlay.paint(painter, size, s);
    painter.end();
    return image;
}

int pixelsNear(const QImage& image, const QRect& rect, const QColor& color, int tolerance = 40)
{
    const QImage x = image.convertToFormat(QImage::Format_ARGB32);
    int count = 0;
    const QRect r = rect.intersected(x.rect());
    for (int j = r.top(); j <= r.bottom(); ++j)
        for (int i = r.left(); i <= r.right(); ++i) {
            const QRgb p = x.pixel(i, j);
            if (qAlpha(p) > 200 && std::abs(qRed(p) - color.red()) <= tolerance &&
                std::abs(qGreen(p) - color.green()) <= tolerance &&
                std::abs(qBlue(p) - color.blue()) <= tolerance)
                ++count;
        }
    return count;
}

AuctionSnapshot soldSnapshot()
{
    AuctionSnapshot s;
    s.nowUtcMs = kNow + 5000;
    s.hasMarathon = true;
    s.hasAuction = true;
    s.auctionIndex = 2;
    s.dayNumber = 3;
    s.dayCount = 30;
    s.dayState = DayState::Processing;
    s.winnerDeclared = true;
    s.winnerName = u"@alice"_s;
    s.winningBid = Gwei::fromGwei(1'250'000'000);
    s.winnerDeclaredUtcMs = kNow;
    return s;
}

AuctionSnapshot betweenWindows()
{
    AuctionSnapshot s;
    s.nowUtcMs = kNow;
    s.hasMarathon = true;
    s.hasAuction = true;
    s.auctionIndex = 3;
    s.dayNumber = 4;
    s.dayCount = 30;
    s.lotNumber = 4;
    s.dayState = DayState::Pending;
    s.startUtcMs = kNow + 3 * 3600'000LL;
    s.nextStartUtcMs = s.startUtcMs;
    return s;
}

} // namespace

class TestSettlementOverlays : public QObject
{
    Q_OBJECT

private slots:
    void soldBannerSaysPaidOnceMinted()
    {
        const SoldBannerOverlay banner;
        AuctionSnapshot s = soldSnapshot();
        QVERIFY(SoldBannerOverlay::paidText(s).isEmpty());
        const QImage unpaid = render(banner, s);
        const SoldBannerOverlay::Layout l = banner.layout(unpaid.size());
        QVERIFY(l.panel.contains(l.paid));
        QVERIFY(l.paid.top() >= l.amount.bottom() - 2);
        QCOMPARE(pixelsNear(unpaid, l.paid, kGreen), 0);

        s.settlementPaid = true;
        s.mintedTokenId = 3;
        s.mintedTo = kAliceWallet;
        QCOMPARE(SoldBannerOverlay::paidText(s), u"Paid ✓ — token #3 minted to 0x70…C8"_s);
        const QImage paid = render(banner, s);
        QVERIFY2(pixelsNear(paid, l.paid, kGreen) > 60,
                 qPrintable(QString::number(pixelsNear(paid, l.paid, kGreen))));
        // The rest of the banner is as it was.
        QCOMPARE(pixelsNear(paid, l.sold, banner.style().accent),
                 pixelsNear(unpaid, l.sold, banner.style().accent));
    }

    void scheduleCardSaysHowTheLastDaySettled()
    {
        const ScheduleCardOverlay card;
        AuctionSnapshot s = betweenWindows();
        QVERIFY(s.isBetweenWindows());
        QVERIFY(ScheduleCardOverlay::lastSaleText(s).isEmpty());
        const QImage none = render(card, s);
        const ScheduleCardOverlay::Layout l = card.layout(none.size());
        QVERIFY(l.panel.contains(l.lastSale));
        QVERIFY(l.lastSale.top() >= l.lot.bottom() - 2);

        s.lastSaleDayNumber = 3;
        s.lastSale = AuctionSnapshot::LastSale::AwaitingPayment;
        QCOMPARE(ScheduleCardOverlay::lastSaleText(s), u"Day 3: awaiting payment"_s);
        s.lastSale = AuctionSnapshot::LastSale::Unsold;
        QCOMPARE(ScheduleCardOverlay::lastSaleText(s), u"Day 3: unsold"_s);
        const QImage unsold = render(card, s);
        QCOMPARE(pixelsNear(unsold, l.lastSale, kGreen), 0);
        QVERIFY(unsold != none); // said, in the muted colour

        s.lastSale = AuctionSnapshot::LastSale::Paid;
        QCOMPARE(ScheduleCardOverlay::lastSaleText(s), u"Day 3: paid ✓"_s);
        const QImage paid = render(card, s);
        QVERIFY(pixelsNear(paid, l.lastSale, kGreen) > 30);
        QCOMPARE(pixelsNear(none, l.lastSale, kGreen), 0);
    }

    void snapshotFollowsTheSettlement()
    {
        MarathonConfig config = simpleConfig(2);
        for (int i = 0; i < 2; ++i) {
            Lot lot;
            lot.title = u"Lot %1"_s.arg(i + 1);
            lot.tokenUri = u"ipfs://lot/%1.json"_s.arg(i + 1);
            config.lots.append(lot);
        }
        EngineFixture fx(config);
        SettlementOptions options;
        options.enabled = true;
        options.deadlineMs = kDay;
        options.contractAddress = u"0x5FbDB2315678afecb367f032d93F642f64180aa3"_s;
        options.chainId = 31337;
        QVERIFY(fx.engine->setSettlementOptions(options).ok);
        fx.at(kDay1Open + 10 * kMinute);
        fx.bid(u"alice"_s, u"0.5 ETH"_s);
        QVERIFY(fx.engine
                    ->linkWallet(
                        WalletLink{u"alice"_s, u"alice"_s, kAliceWallet, u"x"_s, u"w-alice"_s, 0})
                    .ok);
        fx.at(kDay1Close + 21 * kSecond);

        // Won, not paid: the sold auction shows no "Paid", the card (next day) says awaiting.
        AuctionSnapshot sold = AuctionSnapshot::build(*fx.engine, false, 0);
        QVERIFY(sold.winnerDeclared);
        QVERIFY(!sold.settlementPaid);
        AuctionSnapshot next = AuctionSnapshot::build(*fx.engine, false, 1);
        QCOMPARE(next.lastSale, AuctionSnapshot::LastSale::AwaitingPayment);
        QCOMPARE(next.lastSaleDayNumber, 1);

        // Reserved on chain, claimed, minted.
        ChainTransaction tx;
        tx.auctionIndex = 0;
        tx.step = QString(SettlementStep::Reserve);
        tx.chainId = 31337;
        tx.fromAddress = u"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"_s;
        tx.toAddress = options.contractAddress;
        tx.raw = QByteArray::fromHex("02f8") + QByteArray(40, 'a');
        tx.hash = QByteArray(32, 'a');
        QVERIFY(fx.engine->storeSettlementTransaction(tx).ok);
        tx.state = ChainTxState::Included;
        tx.blockNumber = 10;
        tx.blockHash = QByteArray(32, 'b');
        QVERIFY(fx.engine->updateSettlementTransaction(tx).ok);
        const ActionResult claimed =
            fx.engine->recordClaim(ClaimSeen{0, kAliceWallet, Gwei::fromGwei(500'000'000),
                                             QByteArray(32, 'c'), 12, QByteArray(32, 'd')});
        QVERIFY2(claimed.ok, qPrintable(claimed.error));
        next = AuctionSnapshot::build(*fx.engine, false, 1);
        QCOMPARE(next.lastSale, AuctionSnapshot::LastSale::Paid);
        QVERIFY(!AuctionSnapshot::build(*fx.engine, false, 0).settlementPaid); // not minted yet
        const ActionResult minted = fx.engine->confirmMint(0);
        QVERIFY2(minted.ok, qPrintable(minted.error));
        sold = AuctionSnapshot::build(*fx.engine, false, 0);
        QVERIFY(sold.settlementPaid);
        QCOMPARE(sold.mintedTokenId, 1u);
        QCOMPARE(sold.mintedTo, kAliceWallet);
        QCOMPARE(SoldBannerOverlay::paidText(sold), u"Paid ✓ — token #1 minted to 0x70…C8"_s);
    }
};

QTEST_MAIN(TestSettlementOverlays)
#include "tst_settlementoverlays.moc"
