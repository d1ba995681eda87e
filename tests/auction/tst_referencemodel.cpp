// Thousands of random bid streams (amounts near every boundary, arrival out of order, late
// arrivals, invalidations) run through the engine and through a small reference model that
// restates DESIGN.md's rules as plainly as possible. Every verdict, the end time and the winner
// must agree. A failure prints the seed and the step, so it can be replayed.

#include "EngineFixture.h"

#include <QFileInfo>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <optional>
#include <vector>

using namespace sb::auction;
using namespace sb::auction::test;

namespace {

struct Step
{
    bool invalidate = false;
    std::int64_t arrivesMs = 0;
    // A bid:
    QString sourceId;
    QString bidder;
    std::int64_t amountGwei = 0;
    std::int64_t postedMs = 0;
    // An invalidation picks the n-th still-valid accepted bid (modulo their count).
    int pick = 0;
};

// The rules of one auction, written to be obviously right rather than fast.
class ReferenceAuction
{
public:
    struct Bid
    {
        QString sourceId;
        std::int64_t amountGwei;
        std::int64_t postedMs;
        bool valid = true;
    };

    ReferenceAuction(const MarathonConfig& c, std::int64_t start, std::int64_t end)
        : m_config(c), m_start(start), m_end(end)
    {}

    std::int64_t end() const { return m_end; }

    std::optional<Bid> best() const
    {
        std::optional<Bid> best;
        for (const Bid& b : m_accepted) {
            if (!b.valid)
                continue;
            if (!best || b.amountGwei > best->amountGwei ||
                (b.amountGwei == best->amountGwei &&
                 (b.postedMs < best->postedMs ||
                  (b.postedMs == best->postedMs &&
                   BidRules::sourceIdLess(b.sourceId, best->sourceId)))))
                best = b;
        }
        return best;
    }

    // Called before each step at its arrival time: the winner is declared at end + grace.
    void advanceTo(std::int64_t now)
    {
        if (!m_declared && now >= m_end + m_config.graceMs) {
            m_declared = true;
            m_completed = !best().has_value();
        }
    }

    QString judge(const Step& s)
    {
        if (m_declared || s.postedMs >= m_end)
            return QStringLiteral("closed");
        if (s.postedMs < m_start)
            return QStringLiteral("not_open");
        const auto leader = best();
        if (!leader) {
            if (s.amountGwei < m_config.reserve.gwei())
                return QStringLiteral("below_reserve");
        } else {
            const std::int64_t percent = (leader->amountGwei * m_config.minRaisePercent + 99) / 100;
            const std::int64_t minimum =
                leader->amountGwei + std::max(percent, m_config.minRaiseAbsolute.gwei());
            const bool earlierTie = s.amountGwei == leader->amountGwei &&
                                    (s.postedMs < leader->postedMs ||
                                     (s.postedMs == leader->postedMs &&
                                      BidRules::sourceIdLess(s.sourceId, leader->sourceId)));
            if (s.amountGwei < minimum && !earlierTie)
                return QStringLiteral("below_increment");
        }
        m_accepted.push_back({s.sourceId, s.amountGwei, s.postedMs});
        if (m_end - s.postedMs < m_config.timeBufferMs)
            m_end = std::max(m_end, s.postedMs + m_config.timeBufferMs);
        return {};
    }

    // Returns the bid to invalidate, or nullopt when the auction is over and its bids final.
    std::optional<QString> invalidate(int pick)
    {
        std::vector<Bid*> valid;
        for (Bid& b : m_accepted) {
            if (b.valid)
                valid.push_back(&b);
        }
        if (valid.empty() || m_completed)
            return std::nullopt;
        Bid* target = valid[std::size_t(pick) % valid.size()];
        target->valid = false;
        if (m_declared && !best())
            m_completed = true;
        return target->sourceId;
    }

private:
    MarathonConfig m_config;
    std::int64_t m_start;
    std::int64_t m_end;
    std::vector<Bid> m_accepted;
    bool m_declared = false;
    bool m_completed = false;
};

std::vector<Step> randomStream(QRandomGenerator& rng, const MarathonConfig& c, int length)
{
    std::vector<Step> steps;
    // Amounts are drawn around a running guess of the leader so that boundaries get hit often.
    std::int64_t guess = c.reserve.gwei();
    for (int i = 0; i < length; ++i) {
        Step s;
        if (i > 3 && rng.bounded(100) < 8) {
            s.invalidate = true;
            s.pick = int(rng.bounded(1000));
        } else {
            s.sourceId = QString::number(1000 + rng.bounded(100000));
            s.sourceId += QStringLiteral("-%1").arg(i); // unique, yet ordered by the random part
            if (rng.bounded(100) < 10)
                s.sourceId = QString::number(i); // numeric ids exercise the numeric tie order
            s.bidder = QStringLiteral("b%1").arg(rng.bounded(6));
            const std::int64_t raise = std::max<std::int64_t>(guess * 5 / 100, 1'000'000);
            switch (rng.bounded(7)) {
            case 0:
                s.amountGwei = guess + raise;
                break; // about the minimum raise
            case 1:
                s.amountGwei = guess + raise - 1;
                break; // a gwei short of it
            case 2:
                s.amountGwei = guess;
                break; // a tie
            case 3:
                s.amountGwei = guess + raise + rng.bounded(1, 1000) * 1'000'000;
                break;
            case 4:
                s.amountGwei = c.reserve.gwei() - rng.bounded(0, 2);
                break;
            case 5:
                s.amountGwei = guess + std::int64_t(rng.bounded(0, 30)) * guess / 100;
                break;
            default:
                s.amountGwei = rng.bounded(1, 100) * 1'000'000;
                break;
            }
            s.amountGwei = std::max<std::int64_t>(1, s.amountGwei);
            guess = std::max(guess, s.amountGwei);
            // Mostly the last minutes, where sniping, extensions and late arrivals happen.
            const std::int64_t open = kDay1Open, close = kDay1Close;
            switch (rng.bounded(10)) {
            case 0:
                s.postedMs = open - rng.bounded(1, 120) * kSecond;
                break;
            case 1:
                s.postedMs = close + rng.bounded(0, 600) * kSecond;
                break;
            case 2:
                s.postedMs = open + std::int64_t(rng.bounded(0, 3600)) * kSecond;
                break;
            default:
                s.postedMs = close - std::int64_t(rng.bounded(0, 600)) * kSecond;
                break;
            }
            if (rng.bounded(100) < 30)
                s.postedMs += std::int64_t(rng.bounded(0, 1000)); // sub-second, so ties are rarer
        }
        const int delay = int(rng.bounded(100));
        const std::int64_t base =
            s.invalidate ? kDay1Close - 600 * kSecond + std::int64_t(rng.bounded(0, 900)) * kSecond
                         : s.postedMs;
        s.arrivesMs = base + (delay < 50   ? 0
                              : delay < 90 ? std::int64_t(rng.bounded(0, 25'000))
                                           : std::int64_t(rng.bounded(0, 300'000)));
        steps.push_back(s);
    }
    std::stable_sort(steps.begin(), steps.end(),
                     [](const Step& a, const Step& b) { return a.arrivesMs < b.arrivesMs; });
    return steps;
}

QString tempTemplate()
{
    // The model runs tens of thousands of commits; on tmpfs fsync is free and the logic the same.
    if (QFileInfo(QStringLiteral("/dev/shm")).isWritable())
        return QStringLiteral("/dev/shm/sb-reference-XXXXXX");
    return {};
}

} // namespace

class TestReferenceModel : public QObject
{
    Q_OBJECT

private slots:
    void randomStreamsAgreeWithTheModel();
};

void TestReferenceModel::randomStreamsAgreeWithTheModel()
{
    const int streams = qEnvironmentVariableIntValue("SB_REFERENCE_STREAMS") > 0
                            ? qEnvironmentVariableIntValue("SB_REFERENCE_STREAMS")
                            : 2000;
    const quint32 firstSeed = quint32(qEnvironmentVariableIntValue("SB_REFERENCE_SEED"));
    MarathonConfig config = simpleConfig(1);
    config.reviewMultiple = 0; // review is an operator decision, covered by its own suite
    int bids = 0, accepted = 0, invalidations = 0, extended = 0, lateAccepted = 0;
    for (int n = 0; n < streams; ++n) {
        const quint32 seed = firstSeed + quint32(n);
        QRandomGenerator rng(seed);
        EngineFixture f(config, kDay1Open - kHour, tempTemplate());
        ReferenceAuction model(config, kDay1Open, kDay1Close);
        const std::vector<Step> steps = randomStream(rng, config, int(rng.bounded(10, 40)));
        for (std::size_t i = 0; i < steps.size(); ++i) {
            const Step& s = steps[i];
            const QByteArray where = QStringLiteral("seed %1 step %2").arg(seed).arg(i).toUtf8();
            f.clock.setNow(s.arrivesMs);
            model.advanceTo(s.arrivesMs);
            if (s.invalidate) {
                const auto target = model.invalidate(s.pick);
                if (!target)
                    continue;
                const auto bid = f.store->bidBySource(QStringLiteral("test"), *target).value();
                QVERIFY2(bid, where.constData());
                const ActionResult r = f.engine->invalidateBid(bid->id, QStringLiteral("test"), {});
                QVERIFY2(r.ok, (where + ' ' + r.error.toUtf8()).constData());
                ++invalidations;
                continue;
            }
            const BidOutcome o =
                f.bid(s.bidder,
                      QStringLiteral("bid %1").arg(Gwei::fromGwei(s.amountGwei).toDecimalString()),
                      s.postedMs, s.sourceId);
            const QString expected = model.judge(s);
            const QString actual = o.rejection ? rejectionCodeName(o.rejection->code) : QString();
            QVERIFY2(actual == expected, (where + " engine said '" + actual.toUtf8() +
                                          "', model says '" + expected.toUtf8() + "'")
                                             .constData());
            QCOMPARE(f.engine->auctions()[0].endUtcMs, model.end());
            ++bids;
            if (expected.isEmpty()) {
                ++accepted;
                lateAccepted += s.arrivesMs > kDay1Close ? 1 : 0;
            }
        }
        f.at(model.end() + config.graceMs + kHour);
        model.advanceTo(model.end() + config.graceMs + kHour);
        const auto best = model.best();
        const auto winnerId = f.engine->auctions()[0].winnerBidId;
        QCOMPARE(winnerId.has_value(), best.has_value());
        if (best)
            QCOMPARE(f.store->bid(*winnerId).value()->sourceId, best->sourceId);
        extended += model.end() != kDay1Close ? 1 : 0;
    }
    qInfo("%d streams, %d bids (%d accepted, %d accepted after the scheduled end), %d "
          "invalidations, %d streams extended",
          streams, bids, accepted, lateAccepted, invalidations, extended);
    // The generator must reach the interesting cases, or the comparison proves little.
    QVERIFY(accepted > bids / 10);
    QVERIFY(invalidations > streams / 2);
    QVERIFY(extended > streams / 4);
    QVERIFY(lateAccepted > 0);
}

QTEST_GUILESS_MAIN(TestReferenceModel)
#include "tst_referencemodel.moc"
