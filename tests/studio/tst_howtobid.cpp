// The "How to bid" card, as a viewer and the operator meet it: it is in the default scene, clear
// of the artwork, the host, the feed and the bar, and can be hidden and moved like any source;
// a collection saved before it existed loads as it was; while an auction takes bids it names the
// X account, the hashtag and a reply with the next minimum, and follows accepted bids; it is
// repainted only when what it says changes; hostile handles and hashtags stay inside their box.
// With SB_ARTIFACTS_DIR set, the default scene as the builder composes it is written there.

#include "AuctionStateModel.h"
#include "HowToBidOverlay.h"
#include "PaintedSource.h"
#include "Scene.h"
#include "SceneBuilder.h"
#include "SceneCollection.h"
#include "SessionFixture.h"
#include "ShowScene.h"

#include <QDir>
#include <QFile>
#include <QFontMetrics>
#include <QJsonDocument>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>

using namespace sb::auction;
using namespace sb::auction::test;
using namespace sb::studio;

namespace {

const QString kAuctionScene = QStringLiteral("Auction");
const QString kCard = QStringLiteral("how_to_bid");

MarathonConfig configWithHashtag()
{
    MarathonConfig c = simpleConfig();
    c.hashtag = QStringLiteral("#SothebAIs");
    return c;
}

BidInput manualBid(const QString& who, const char* amount)
{
    BidInput input;
    input.source = QStringLiteral("manual");
    input.bidderId = who;
    input.bidderName = who;
    input.amount = eth(amount);
    return input;
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

// Opaque-ish pixels of `rect` within `tolerance` of `color`.
int pixelsNear(const QImage& image, const QRect& rect, const QColor& color, int tolerance = 40)
{
    const QImage x = image.convertToFormat(QImage::Format_ARGB32);
    int count = 0;
    const QRect r = rect.intersected(x.rect());
    for (int j = r.top(); j <= r.bottom(); ++j) {
        for (int i = r.left(); i <= r.right(); ++i) {
            const QRgb p = x.pixel(i, j);
            count += qAlpha(p) > 200 && std::abs(qRed(p) - color.red()) <= tolerance &&
                             std::abs(qGreen(p) - color.green()) <= tolerance &&
                             std::abs(qBlue(p) - color.blue()) <= tolerance
                         ? 1
                         : 0;
        }
    }
    return count;
}

// Painted pixels outside every one of `allowed`.
int inkOutside(const QImage& image, const QList<QRect>& allowed)
{
    const QImage x = image.convertToFormat(QImage::Format_ARGB32);
    int count = 0;
    for (int j = 0; j < x.height(); ++j) {
        for (int i = 0; i < x.width(); ++i) {
            if (qAlpha(x.pixel(i, j)) == 0)
                continue;
            const bool inside = std::any_of(allowed.cbegin(), allowed.cend(),
                                            [i, j](const QRect& r) { return r.contains(i, j); });
            count += inside ? 0 : 1;
        }
    }
    return count;
}

void saveArtifact(const QImage& image, const QString& name)
{
    const QString dir = qEnvironmentVariable("SB_ARTIFACTS_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QVERIFY(image.save(QDir(dir).filePath(name + QStringLiteral(".png"))));
}

sb::render::PaintedSource* paintedLayer(const sb::render::Scene& scene, const QString& id)
{
    const sb::render::Layer* layer = scene.findLayer(id);
    return layer ? dynamic_cast<sb::render::PaintedSource*>(layer->source.get()) : nullptr;
}

// A live auction as the card reads it, without an engine.
AuctionSnapshot liveSnapshot()
{
    AuctionSnapshot s;
    s.nowUtcMs = kDay1Open + kMinute;
    s.hasMarathon = true;
    s.hasAuction = true;
    s.dayNumber = 1;
    s.dayCount = 3;
    s.dayState = DayState::Active;
    s.startUtcMs = kDay1Open;
    s.endUtcMs = kDay1Close;
    s.currentBid = eth("0.5");
    s.minimumNextBid = eth("0.525");
    s.xHandle = QStringLiteral("sothebais");
    s.hashtag = QStringLiteral("#SothebAIs");
    return s;
}

} // namespace

class TestHowToBid : public QObject
{
    Q_OBJECT

private slots:
    void defaultSceneHasTheCardClearOfTheShow();
    void anOldCollectionLoadsUnchanged();
    void cardNamesTheAccountHashtagAndNextMinimum();
    void repaintsOnlyWhenWhatItSaysChanges();
    void hostileHandlesAndHashtagsStayInTheBox();
    void defaultSceneArtifact();
};

void TestHowToBid::defaultSceneHasTheCardClearOfTheShow()
{
    SessionFixture f;
    AuctionStateModel model(*f.session, false);
    SceneCollection c;
    QCOMPARE(c.current().name, kAuctionScene);
    const int index = c.current().indexOf(kCard);
    QVERIFY(index >= 0);
    QCOMPARE(c.current().sources.at(index).kind, QStringLiteral("how_to_bid"));
    QVERIFY(c.current().sources.at(index).visible);

    SceneBuilder builder(model, QDir::temp());
    QStringList problems;
    const auto scene = builder.build(c.current(), &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    const sb::render::Layer* layer = scene->findLayer(kCard);
    QVERIFY(layer && layer->visible);
    QCOMPARE(layer->kind, sb::render::LayerKind::Painted);

    const auto rectOf = [&](const char* id) {
        return builder.overlay(kAuctionScene, QLatin1String(id))->style().geometry;
    };
    const QRect card = rectOf("how_to_bid");
    QVERIFY(QRect(0, 0, 1280, 720).contains(card));
    QCOMPARE(QPoint(int(layer->transform.x), int(layer->transform.y)), card.topLeft());
    for (const char* id : {"lot", "host", "feed", "bar"})
        QVERIFY2(!card.intersects(rectOf(id)), id);
    // The artwork is still the main area: the left ~70 %, most of the height.
    QCOMPARE(rectOf("lot").width(), 896);
    QVERIFY(rectOf("lot").height() >= 540);
    QVERIFY(card.width() >= 800 && card.bottom() < rectOf("bar").top());

    // The operator hides and moves it like any other source.
    QVERIFY(c.setSourceVisible(0, kCard, false));
    QVERIFY(!builder.build(c.current(), &problems)->findLayer(kCard)->visible);
    QVERIFY(c.setSourceVisible(0, kCard, true));
    OverlayStyle moved = builder.overlay(kAuctionScene, kCard)->style();
    moved.geometry.moveTo(40, 24);
    QVERIFY(c.setSourceSettings(0, kCard, moved.toJson()));
    const auto again = builder.build(c.current(), &problems);
    QCOMPARE(again->findLayer(kCard)->transform.x, 40.0);
    QCOMPARE(again->findLayer(kCard)->transform.y, 24.0);
}

void TestHowToBid::anOldCollectionLoadsUnchanged()
{
    // A collection saved before the card existed: the full-height artwork and no card.
    const QByteArray saved = R"({"format": 1, "name": "Mine",
        "canvas": {"width": 1280, "height": 720}, "current_scene": "Auction",
        "scenes": [{"name": "Auction", "background": "#140c1c", "sources": [
            {"id": "lot", "kind": "lot_card", "name": "Artwork", "visible": true,
             "locked": false, "opacity": 1, "settings": {}},
            {"id": "host", "kind": "host", "name": "Host", "visible": true, "locked": false,
             "opacity": 1, "settings": {}},
            {"id": "feed", "kind": "bid_feed", "name": "Bid feed", "visible": true,
             "locked": false, "opacity": 1, "settings": {}},
            {"id": "bar", "kind": "auction_bar", "name": "Auction bar", "visible": true,
             "locked": true, "opacity": 0.9, "settings": {"font_size": 24}}]}]})";
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("mine.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(saved);
    file.close();

    SceneCollection c;
    QString error;
    QVERIFY2(c.load(path, &error), qPrintable(error));
    QCOMPARE(c.sceneCount(), 1);
    QCOMPARE(c.current().indexOf(kCard), -1);
    QCOMPARE(c.toJson(), QJsonDocument::fromJson(saved).object());

    SessionFixture f;
    AuctionStateModel model(*f.session, false);
    SceneBuilder builder(model, dir.path());
    QStringList problems;
    const auto scene = builder.build(c.current(), &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QVERIFY(!scene->findLayer(kCard));
    QCOMPARE(builder.overlay(kAuctionScene, QStringLiteral("lot"))->style().geometry,
             QRect(0, 0, 896, 640));
}

void TestHowToBid::cardNamesTheAccountHashtagAndNextMinimum()
{
    SessionFixture f(configWithHashtag());
    AuctionStateModel model(*f.session, false);
    HowToBidOverlay card;
    QVERIFY(!HowToBidOverlay::content(*model.snapshot()).visible); // before the window opens

    f.at(kDay1Open + kMinute);
    HowToBidOverlay::Content c = HowToBidOverlay::content(*model.snapshot());
    QVERIFY(c.visible);
    // No account signed in yet, no bid yet: the reserve, and the post to reply to.
    QCOMPARE(HowToBidOverlay::replyLine(c),
             QStringLiteral("Reply to the auction post on X: bid 0.01 ETH #SothebAIs"));
    QCOMPARE(c.minimumAmount, QStringLiteral("0.01 ETH"));

    // The window's X connection signs in: the handle, without its "@" or hidden controls.
    QSignalSpy changed(&model, &AuctionStateModel::changed);
    model.setXHandle(QStringLiteral("\u202E@sothebais\u200B"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.snapshot()->xHandle, QStringLiteral("sothebais"));
    model.setXHandle(QStringLiteral("@sothebais"));
    QCOMPARE(changed.count(), 1); // the same account: nothing to redraw
    c = HowToBidOverlay::content(*model.snapshot());
    QCOMPARE(c.replyTo, QStringLiteral("Reply to @sothebais's auction post:"));

    // A bid is accepted: the minimum moves to 0.5 + 5 %, in the example too.
    QCOMPARE(f.onEngine([](AuctionEngine& e) {
                  return e.submitBid(manualBid(QStringLiteral("alice"), "0.5"));
              }).kind,
             BidOutcome::Kind::Accepted);
    const auto s = model.snapshot();
    QCOMPARE(s->xHandle, QStringLiteral("sothebais")); // kept over the engine's rebuilds
    c = HowToBidOverlay::content(*s);
    QCOMPARE(c.example, QStringLiteral("bid 0.525 ETH #SothebAIs"));
    QCOMPARE(c.minimumLabel, QStringLiteral("Next minimum"));
    QCOMPARE(c.minimumAmount, QStringLiteral("0.525 ETH"));
    // The example is a reply the engine takes as exactly that bid.
    QCOMPARE(f.bid(QStringLiteral("bob"), c.example).kind, BidOutcome::Kind::Accepted);
    QCOMPARE(*model.snapshot()->currentBid, eth("0.525"));

    // On screen: the panel, the accent amount in its place, the handle in the text colour.
    const QImage image = render(card, *s);
    const HowToBidOverlay::Layout l = card.layout(image.size(), c);
    QVERIFY(!l.stacked);
    QVERIFY(pixelsNear(image, l.panel.adjusted(4, 4, -4, -4), card.style().background, 24) >
            l.panel.width() * l.panel.height() / 3);
    QVERIFY(pixelsNear(image, l.minimumAmount.rect, card.style().accent) > 30);
    QVERIFY(pixelsNear(image, l.replyTo.rect, card.style().text) > 30);
    QVERIFY(pixelsNear(image, l.example.rect, card.style().accent) > 30);

    // Sold, or between windows: nothing that would invite a bid that cannot count.
    f.at(kDay1Close + kMinute);
    QVERIFY(!HowToBidOverlay::content(*model.snapshot()).visible);
    QCOMPARE(render(card, *model.snapshot()), [&] {
        QImage empty(image.size(), QImage::Format_ARGB32_Premultiplied);
        empty.fill(Qt::transparent);
        return empty;
    }());
}

void TestHowToBid::repaintsOnlyWhenWhatItSaysChanges()
{
    SessionFixture f(configWithHashtag());
    ShowScene show(*f.session, false, QDir::temp());
    SceneCollection c;
    QStringList problems;
    const auto scene = show.build(c.current(), &problems);
    sb::render::PaintedSource* card = paintedLayer(*scene, kCard);
    sb::render::PaintedSource* feed = paintedLayer(*scene, QStringLiteral("feed"));
    QVERIFY(card && feed);
    const auto frame = [&] {
        show.tick();
        card->advanceTo(0);
        feed->advanceTo(0);
    };
    f.at(kDay1Open + kMinute);
    frame();
    const int painted = card->paintCount();

    // Frames pass, seconds tick: the same picture, not painted again.
    for (int i = 0; i < 60; ++i) {
        f.clock.advance(500);
        frame();
    }
    QCOMPARE(card->paintCount(), painted);

    // A rejected bid reaches the feed, and leaves the card as it was.
    const int feedPainted = feed->paintCount();
    QCOMPARE(f.onEngine([](AuctionEngine& e) {
                  return e.submitBid(manualBid(QStringLiteral("mallory"), "0.001"));
              }).kind,
             BidOutcome::Kind::Rejected);
    frame();
    QVERIFY(feed->paintCount() > feedPainted);
    QCOMPARE(card->paintCount(), painted);

    // An accepted bid moves the minimum; the account signing in names it: painted each time.
    QCOMPARE(f.onEngine([](AuctionEngine& e) {
                  return e.submitBid(manualBid(QStringLiteral("alice"), "0.5"));
              }).kind,
             BidOutcome::Kind::Accepted);
    frame();
    QCOMPARE(card->paintCount(), painted + 1);
    show.state().setXHandle(QStringLiteral("sothebais"));
    frame();
    QCOMPARE(card->paintCount(), painted + 2);
    QVERIFY(pixelsNear(card->image(), QRect(QPoint(), card->size()),
                       show.builder().overlay(kAuctionScene, kCard)->style().accent) > 100);
}

void TestHowToBid::hostileHandlesAndHashtagsStayInTheBox()
{
    HowToBidOverlay card;
    OverlayStyle clear = card.defaultStyle();
    clear.background = Qt::transparent; // the ink is then only the text and the pill
    card.setStyle(clear);

    struct Case
    {
        const char* name;
        QString handle;
        QString hashtag;
        const char* minimum;
    };
    const QString longTag = QStringLiteral("#") + QString(120, u'W');
    const QString rtlTag =
        QStringLiteral("#\u05DE\u05DB\u05E8\u05D6\u0645\u0632\u0627\u062F") + QString(40, u'M');
    const QList<Case> cases{
        {"longest handle X allows", QStringLiteral("WWWWWWWWWWWWWWW"),
         QStringLiteral("#SothebAIsMarathon2026"), "1000.525"},
        {"very long hashtag", QStringLiteral("sothebais"), longTag, "0.525"},
        {"rtl script and marks", QStringLiteral("\u05D0\u05D1\u05D2\u05D3\u05D4abcdefghij"), rtlTag,
         "250.123456789"},
        {"everything long", QString(200, u'W'), longTag + rtlTag, "1000.000000001"},
    };
    const QList<QSize> boxes{card.defaultStyle().geometry.size(), QSize(1280, 60), QSize(384, 160),
                             QSize(260, 140), QSize(420, 70)};
    for (const Case& test : cases) {
        AuctionSnapshot s = liveSnapshot();
        s.xHandle = test.handle;
        s.hashtag = test.hashtag;
        s.minimumNextBid = *Gwei::parseEth(QString::fromLatin1(test.minimum)).amount;
        const HowToBidOverlay::Content c = HowToBidOverlay::content(s);
        for (const QSize& box : boxes) {
            const QByteArray what = QByteArray(test.name) + " in " +
                                    QByteArray::number(box.width()) + "x" +
                                    QByteArray::number(box.height());
            const HowToBidOverlay::Layout l = card.layout(box, c);
            const QList<const HowToBidOverlay::Piece*> pieces{&l.heading, &l.replyTo, &l.example,
                                                              &l.minimumLabel, &l.minimumAmount};
            QList<QRect> allowed{l.examplePill.adjusted(-2, -2, 2, 2),
                                 l.divider.adjusted(-1, -1, 1, 1)};
            for (const HowToBidOverlay::Piece* piece : pieces) {
                QVERIFY2(QFontMetrics(piece->font).horizontalAdvance(piece->text) <=
                             piece->rect.width(),
                         (what + ": " + piece->text.toUtf8() + " in " +
                          QByteArray::number(piece->rect.width()))
                             .constData());
                QVERIFY2(l.panel.contains(piece->rect) || piece->rect.isEmpty(), what.constData());
                allowed.append(piece->rect.adjusted(-1, -1, 1, 1));
            }
            QVERIFY2(l.panel.contains(l.examplePill), what.constData());
            // The reply, its example and the minimum never run into each other.
            if (l.stacked)
                QVERIFY2(l.replyTo.rect.bottom() < l.examplePill.top() &&
                             l.examplePill.bottom() < l.minimumAmount.rect.top(),
                         what.constData());
            else
                QVERIFY2(l.replyTo.rect.right() < l.examplePill.left() &&
                             l.examplePill.right() < l.divider.left() &&
                             l.divider.left() < l.minimumAmount.rect.left(),
                         what.constData());
            // Shrunk, never to nothing: the amount reads in full in every box.
            QCOMPARE(l.minimumAmount.text, c.minimumAmount);
            QCOMPARE(inkOutside(render(card, s, box), allowed), 0);
        }
    }
    // How the worst of them looks on its panel, in the default strip and in a narrow box.
    card.setStyle(card.defaultStyle());
    AuctionSnapshot worst = liveSnapshot();
    worst.xHandle = cases.last().handle;
    worst.hashtag = cases.last().hashtag;
    saveArtifact(render(card, worst), QStringLiteral("how_to_bid_hostile"));
    saveArtifact(render(card, worst, QSize(384, 160)), QStringLiteral("how_to_bid_hostile_narrow"));
    worst.xHandle.clear();
    worst.hashtag.clear();
    saveArtifact(render(card, worst, QSize(384, 160)), QStringLiteral("how_to_bid_narrow"));
}

void TestHowToBid::defaultSceneArtifact()
{
    const QString artifacts = qEnvironmentVariable("SB_ARTIFACTS_DIR");
    if (artifacts.isEmpty())
        QSKIP("SB_ARTIFACTS_DIR not set");
    // The default collection's Auction scene as the builder makes it, a bid in and the account
    // signed in, every painted layer composed where the compositor would put it.
    QTemporaryDir dir;
    QImage art(640, 640, QImage::Format_RGB32);
    {
        QPainter p(&art);
        QLinearGradient g(0, 0, 640, 640);
        g.setColorAt(0, QColor(240, 120, 60));
        g.setColorAt(1, QColor(60, 30, 120));
        p.fillRect(art.rect(), g);
        p.setBrush(QColor(255, 220, 140));
        p.setPen(Qt::NoPen);
        p.drawEllipse(QPointF(410, 250), 90, 90);
    }
    const QString artPath = dir.filePath(QStringLiteral("art.png"));
    QVERIFY(art.save(artPath));
    MarathonConfig config = configWithHashtag();
    config.name = QStringLiteral("Thirty Days of Light");
    for (int day = 1; day <= config.days; ++day)
        config.lots.append(Lot{QStringLiteral("Dawn over the Estuary"),
                               QStringLiteral("Mara Lindqvist"),
                               QString::number(day),
                               artPath,
                               {},
                               {}});
    SessionFixture f(config);
    ShowScene show(*f.session, false, dir.path());
    f.at(kDay1Open + 20 * kMinute);
    for (const auto& [who, amount] : {std::pair("@alice", "0.25"), std::pair("@bob", "0.5")})
        QVERIFY(f.onEngine([who, amount](AuctionEngine& e) {
                     return e.submitBid(manualBid(QLatin1String(who), amount));
                 }).leads);
    show.state().setXHandle(QStringLiteral("sothebais"));
    f.clock.advance(5 * kSecond); // the feed's entries have slid in
    show.tick();

    SceneCollection c;
    QStringList problems;
    const auto scene = show.build(c.current(), &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QImage canvas(1280, 720, QImage::Format_ARGB32_Premultiplied);
    canvas.fill(c.current().background);
    QPainter painter(&canvas);
    for (const sb::render::Layer& layer : scene->layers()) {
        if (!layer.visible || !layer.source)
            continue;
        layer.source->advanceTo(0);
        painter.setOpacity(layer.opacity);
        painter.drawImage(QPointF(layer.transform.x, layer.transform.y), layer.source->image());
    }
    painter.end();
    QDir().mkpath(artifacts);
    QVERIFY(canvas.save(QDir(artifacts).filePath(QStringLiteral("default_scene_how_to_bid.png"))));
}

QTEST_MAIN(TestHowToBid)
#include "tst_howtobid.moc"
