// Bids from X, end to end, with the studio's own pieces: a server that speaks X API v2 on
// loopback (the tests' FakeXServer, no indexing delay), the libcurl client, XIntake with its
// default cadence and rate-limit scheduling, and the marathon session on its own thread with the
// store in its production settings. Prints:
//   - throughput: N replies already posted, read and judged (verdicts committed) per second;
//   - latency: replies posted at a steady rate, from the moment a reply is visible on X to the
//     moment its verdict reaches the main thread (where the window shows it), p50/p99/max, against
//     the goal p99 <= one poll interval + 100 ms;
//   - the monthly read cost the default cadence implies under pay-per-use.
//
//   bench_x_intake [--replies 10000] [--rate 20] [--seconds 30]
//
// Prints figures; asserts nothing.

#include "BenchMarathon.h"
#include "EngineThread.h"
#include "FakeXServer.h"
#include "HttpClient.h"
#include "XIntake.h"
#include "XOutbox.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace sb::auction;
using namespace sb::integrations;
using namespace sb::integrations::x;
using sb::test::FakeXServer;

namespace {


double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(p / 100.0 * double(v.size())))];
}

struct World
{
    explicit World(const QString& dbPath)
    {
        server.searchDelayMs = 0;
        for (auto endpoint : {FakeXServer::Endpoint::Mentions, FakeXServer::Endpoint::Search,
                              FakeXServer::Endpoint::Lookup})
            server.setWindow(endpoint, {100'000, 100'000, 0});
        if (!server.start())
            qFatal("cannot listen on loopback");
        for (int i = 0; i < 100; ++i)
            server.addUser({QString::number(1000 + i), QStringLiteral("bidder%1").arg(i),
                            QDateTime::currentMSecsSinceEpoch() - 400LL * 86'400'000});
        MarathonSessionOptions options;
        options.dbPath = dbPath;
        session = std::make_unique<EngineThread>(options);
        QString error;
        if (!session->open(
                [](AuctionStore&, QString*) { return std::make_unique<SystemClock>(); },
                [](const Clock&, QString*) { return std::optional(benchMarathonConfig()); },
                nullptr, &error))
            qFatal("%s", qPrintable(error));
        session->start();
        // The auction's post, made by the account (replies in its thread answer it).
        FakeXServer::Post auctionPost;
        auctionPost.authorId = server.accountId;
        auctionPost.text = QStringLiteral("Lot 1 is open. Reply: bid 0.1 ETH");
        auctionPost.createdMs = QDateTime::currentMSecsSinceEpoch() - 60'000;
        auctionPost.mentionsAccount = false;
        thread = server.addPost(auctionPost);
        const ActionResult set = session->wait([this](MarathonSession& s) {
            return s.engine().setThreadId(0, thread, QStringLiteral("operator"));
        });
        if (!set.ok)
            qFatal("%s", qPrintable(set.error));
        XIntakeOptions o; // the product's defaults: cadence, lags, pages
        o.apiBaseUrl = server.baseUrl();
        o.accountUserId = server.accountId;
        intake = std::make_unique<XIntake>(
            *session, http, [this] { return server.token; }, o);
        QObject::connect(
            session.get(), &EngineThread::eventsCommitted,
            [this](const QList<AuctionEvent>& events) {
                const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
                for (const AuctionEvent& e : events) {
                    if (e.type == EventType::BidAccepted || e.type == EventType::BidRejected ||
                        e.type == EventType::BidReview) {
                        ++verdicts;
                        // The post's created_at, as X gave it: when it was visible.
                        const QDateTime posted = QDateTime::fromString(
                            e.payload.value(QStringLiteral("source_time_utc")).toString(),
                            Qt::ISODateWithMs);
                        heardMs.push_back({posted.toMSecsSinceEpoch(), now});
                    }
                }
            });
    }

    // A reply posted now (visible at once: no indexing delay).
    void reply(int n, std::int64_t amountGwei)
    {
        FakeXServer::Post p;
        p.conversationId = thread;
        p.authorId = QString::number(1000 + n % 100);
        p.createdMs = QDateTime::currentMSecsSinceEpoch();
        p.text = QStringLiteral("@sothebais bid %1 gwei").arg(amountGwei);
        server.addPost(p);
    }

    FakeXServer server;
    HttpClient http;
    QString thread;
    std::unique_ptr<EngineThread> session;
    std::unique_ptr<XIntake> intake;
    int verdicts = 0;
    std::vector<std::pair<std::int64_t, std::int64_t>> heardMs; // posted, verdict on this thread
};

void waitFor(const std::function<bool()>& done, int limitMs)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < limitMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    int replies = 10'000;
    int rate = 20;
    int seconds = 30;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--replies"))
            replies = std::max(1, args[i + 1].toInt());
        else if (args[i] == QLatin1String("--rate"))
            rate = std::max(1, args[i + 1].toInt());
        else if (args[i] == QLatin1String("--seconds"))
            seconds = std::max(1, args[i + 1].toInt());
    }
    QTemporaryDir dir;
    std::printf("SothebAIs Studio X intake benchmark (FakeXServer on loopback, default cadence)\n");

    {
        World w(dir.filePath(QStringLiteral("throughput.db")));
        for (int i = 0; i < replies; ++i)
            w.reply(i, 1'000'000'000LL + i);
        QElapsedTimer t;
        t.start();
        w.intake->start();
        waitFor([&] { return w.verdicts >= replies; }, 600'000);
        const double s = double(t.elapsed()) / 1000.0;
        std::printf("Throughput: %d replies waiting, read and judged\n", replies);
        std::printf("  verdicts committed    %d in %.2f s: %.0f replies/s\n", w.verdicts, s,
                    w.verdicts / s);
        std::printf("  requests              mentions %d, search %d (100 posts a page)\n",
                    w.server.requests(FakeXServer::Endpoint::Mentions),
                    w.server.requests(FakeXServer::Endpoint::Search));
        w.intake.reset();
        w.session->stop();
    }
    {
        World w(dir.filePath(QStringLiteral("latency.db")));
        w.intake->start();
        int posted = 0;
        QTimer poster;
        poster.setInterval(1000 / rate);
        QObject::connect(&poster, &QTimer::timeout, [&] {
            w.reply(posted, 1'000'000'000LL + posted);
            ++posted;
        });
        QElapsedTimer t;
        t.start();
        poster.start();
        waitFor([&] { return t.elapsed() >= seconds * 1000LL; }, seconds * 1000 + 1000);
        poster.stop();
        waitFor([&] { return int(w.heardMs.size()) >= posted; }, 60'000);
        std::vector<double> latencies;
        for (const auto& [postedMs, heard] : w.heardMs)
            latencies.push_back(double(heard - postedMs));
        const XPollCadence cadence;
        std::printf("Latency: %d replies/s for %d s, reply visible on X -> verdict on the main "
                    "thread\n",
                    rate, seconds);
        std::printf("  verdicts heard        %zu of %d\n", latencies.size(), posted);
        std::printf("  p50 %.0f ms, p99 %.0f ms, max %.0f ms (goal p99 <= poll interval %lld ms "
                    "+ 100 ms, while the auction is open)\n",
                    percentile(latencies, 50), percentile(latencies, 99),
                    percentile(latencies, 100), qlonglong(cadence.openMs));
        const int unique = posted;
        std::printf("  posts read            %d for %d replies (both sources, re-reads inside the "
                    "lag)\n",
                    w.intake->postsRead(), unique);
        w.intake.reset();
        w.session->stop();
    }

    {
        // Posting: the verdict replies the outbox makes with the product's defaults (two posts a
        // second at most, X's 100 per 15 minutes, 3 kept for the open and the winner).
        World w(dir.filePath(QStringLiteral("posting.db")));
        const ActionResult on =
            w.session->wait([](MarathonSession& s) { return s.engine().setPosting(true); });
        if (!on.ok)
            qFatal("%s", qPrintable(on.error));
        XOutboxOptions o;
        o.apiBaseUrl = w.server.baseUrl();
        o.accountUserId = w.server.accountId;
        o.accountUsername = w.server.accountUsername;
        XOutbox outbox(*w.session, w.http, [&w] { return w.server.token; }, o);
        QHash<QString, std::int64_t> verdictMs; // source id -> when its verdict was committed
        QObject::connect(w.session.get(), &EngineThread::eventsCommitted,
                         [&](const QList<AuctionEvent>& events) {
                             for (const AuctionEvent& e : events) {
                                 if (e.type == EventType::BidAccepted ||
                                     e.type == EventType::BidRejected)
                                     verdictMs.insert(
                                         e.payload.value(QStringLiteral("source_id")).toString(),
                                         e.timeUtcMs);
                             }
                         });
        w.intake->start();
        outbox.start();
        const int steady = 30;
        for (int i = 0; i < steady; ++i) {
            w.reply(i, 1'000'000'000LL + i * 100'000'000LL);
            waitFor([] { return false; }, 1000);
        }
        waitFor([&] { return int(w.server.created().size()) >= steady; }, 120'000);
        std::vector<double> latencies;
        for (const FakeXServer::Created& c : w.server.created()) {
            if (verdictMs.contains(c.inReplyTo))
                latencies.push_back(double(c.createdMs - verdictMs.value(c.inReplyTo)));
        }
        std::printf("Posting: 1 reply/s for %d s, verdict committed -> its reply made on X\n",
                    steady);
        std::printf("  replies made          %zu of %d\n", latencies.size(), steady);
        const auto& made = w.server.created();
        if (made.size() > 1)
            std::printf("  between posts         %.0f ms on average (the sender's pace: two a "
                        "second at most)\n",
                        double(made.last().createdMs - made.first().createdMs) /
                            double(made.size() - 1));
        std::printf("  p50 %.0f ms, p99 %.0f ms, max %.0f ms\n", percentile(latencies, 50),
                    percentile(latencies, 99), percentile(latencies, 100));
        const auto before = w.server.created().size();
        const int burst = 200;
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < burst; ++i)
            w.reply(steady + i, 10'000'000'000LL + i * 1'000'000'000LL);
        waitFor(
            [&] {
                return int(verdictMs.size()) >= steady + burst &&
                       outbox.status().collapsed + int(w.server.created().size() - before) >=
                           burst;
            },
            120'000);
        waitFor([&] { return w.server.created().size() > before; }, 30'000); // the summary
        std::printf("  a burst of %d replies: %lld posts made, %d replies folded into summaries "
                    "(X's window: %d left)\n",
                    burst, qlonglong(w.server.created().size() - before),
                    outbox.status().collapsed, outbox.status().remaining.value_or(-1));
        outbox.stop();
        w.intake.reset();
        w.session->stop();
    }

    // The month's bill under pay-per-use (DESIGN.md): a post returned costs ~$0.005 from search
    // and ~$0.001 from the account's own mentions, each post billed once per UTC day however
    // often it is read again; requests that return nothing cost nothing.
    constexpr int kDays = 30;
    constexpr int kBidsPerDay = 200;
    constexpr double kSearch = 0.005;
    constexpr double kMentions = 0.001;
    const double perDay = kBidsPerDay * (kSearch + kMentions);
    std::printf("Monthly read cost, 30 days x 8-hour windows x 200 replies a day: $%.2f a day, "
                "$%.2f a month (each reply read by search and by mentions once a day; the empty "
                "polls of the cadence bill nothing)\n",
                perDay, perDay * kDays);
    // Posting at ~$0.015 a post: the auction's post, a verdict reply per bid, the winner and
    // how to settle (extensions and last minutes aside).
    constexpr double kPost = 0.015;
    const double postsPerDay = 1 + kBidsPerDay + 2;
    std::printf("Monthly posting cost, same marathon: %.0f posts a day, $%.2f a day, $%.2f a month "
                "(summaries under load make fewer)\n",
                postsPerDay, postsPerDay * kPost, postsPerDay * kPost * kDays);
    return 0;
}
