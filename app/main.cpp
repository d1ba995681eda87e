// SothebAIs Studio's entry point: the operator's command-line tools and the headless runner.
// (The studio window arrives with its issue; until then the run command starts the headless demo.)

#include "CliCommands.h"
#include "HeadlessBroadcast.h"
#include "HeadlessRunner.h"
#include "SignalWatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QLocale>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTranslator>

#include <cstdio>
#include <functional>
#include <map>

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Main", text);
}

void installTranslator(QCoreApplication& app)
{
    auto* translator = new QTranslator(&app);
    if (translator->load(QLocale(), QStringLiteral("sothebais"), QStringLiteral("_"),
                         QStringLiteral(":/i18n")))
        app.installTranslator(translator);
}

QString commandsHelp()
{
    return tr("Commands:\n"
              "  check-bid \"TEXT\"                 How the bid grammar reads a post (JSON).\n"
              "  schedule --config FILE [--json]  Each auction's window in local time and UTC.\n"
              "  export --db PATH --csv DIR       Write bids.csv and results.csv.\n"
              "  backup --db PATH [--dir DIR]     Take a consistent snapshot now.\n"
              "  restore --db PATH --from FILE    Replace a (stopped) database with a snapshot.\n"
              "  journal --db PATH [--after SEQ]  Print the event journal as JSON lines.\n"
              "  dead-letters --db PATH           Events a subscriber gave up on (JSON lines).\n");
}

int runHeadless(QCoreApplication& app, const QCommandLineParser& parser)
{
    sb::app::HeadlessOptions options;
    options.demo = parser.isSet(QStringLiteral("demo"));
    options.dbPath = parser.value(QStringLiteral("db"));
    options.configPath = parser.value(QStringLiteral("config"));
    options.backupDir = parser.value(QStringLiteral("backup-dir"));
    bool ok = true;
    const auto intOption = [&](const QString& name, int min, int max, int* target) {
        if (!parser.isSet(name))
            return;
        bool numeric = false;
        const int value = parser.value(name).toInt(&numeric);
        if (!numeric || value < min || value > max) {
            sb::app::usageError(
                tr("--%1 takes a whole number from %2 to %3.").arg(name).arg(min).arg(max));
            ok = false;
            return;
        }
        *target = value;
    };
    intOption(QStringLiteral("speed"), 1, 100000, &options.speed);
    intOption(QStringLiteral("days"), 1, 366, &options.demoDays);
    intOption(QStringLiteral("window-minutes"), 1, 1380, &options.demoWindowMinutes);
    int seed = 0;
    intOption(QStringLiteral("seed"), 0, 2147483647, &seed);
    options.seed = quint32(seed);
    if (parser.isSet(QStringLiteral("bid-rate"))) {
        bool numeric = false;
        options.bidRate = parser.value(QStringLiteral("bid-rate")).toDouble(&numeric);
        if (!numeric || options.bidRate <= 0 || options.bidRate > 10000) {
            sb::app::usageError(tr("--bid-rate takes a number of bids per second up to 10000."));
            ok = false;
        }
    }

    sb::app::BroadcastOptions broadcast;
    broadcast.scenePath = parser.value(QStringLiteral("scene"));
    broadcast.streams = parser.values(QStringLiteral("stream"));
    broadcast.recordPath = parser.value(QStringLiteral("record"));
    broadcast.printStats = parser.isSet(QStringLiteral("stats"));
    if (parser.isSet(QStringLiteral("encoder")))
        broadcast.encoder = parser.value(QStringLiteral("encoder"));
    intOption(QStringLiteral("duration"), 1, 7 * 24 * 3600, &broadcast.durationS);
    intOption(QStringLiteral("fps"), 1, 60, &broadcast.fps);
    intOption(QStringLiteral("bitrate"), 200, 50000, &broadcast.bitrateKbps);
    if (parser.isSet(QStringLiteral("size"))) {
        const auto match = QRegularExpression(QStringLiteral("^(\\d{2,4})x(\\d{2,4})$"))
                               .match(parser.value(QStringLiteral("size")));
        const int w = match.captured(1).toInt(), h = match.captured(2).toInt();
        if (!match.hasMatch() || w % 2 || h % 2 || w < 16 || h < 16 || w > 1920 || h > 1080) {
            sb::app::usageError(tr("--size takes WIDTHxHEIGHT with even sides up to 1920x1080."));
            ok = false;
        }
        broadcast.size = QSize(w, h);
    }
    if (!ok)
        return 2;
    const bool marathon = options.demo || !options.dbPath.isEmpty();
    if (!marathon && !broadcast.wanted())
        return sb::app::usageError(
            tr("--headless needs --demo, --db PATH of a marathon, or something to broadcast "
               "(--stream, --record, --scene)."));

    sb::app::SignalWatcher signalWatcher;
    std::unique_ptr<sb::app::HeadlessRunner> runner;
    std::unique_ptr<sb::app::HeadlessBroadcast> broadcaster;
    QString error;
    if (marathon) {
        runner = std::make_unique<sb::app::HeadlessRunner>(options);
        if (!runner->start(&error)) {
            std::fprintf(stderr, "sothebais-studio: %s\n", qPrintable(error));
            return 1;
        }
    }
    if (broadcast.wanted()) {
        broadcaster = std::make_unique<sb::app::HeadlessBroadcast>(
            broadcast, runner ? runner->engine() : nullptr);
        if (!broadcaster->start(&error)) {
            std::fprintf(stderr, "sothebais-studio: %s\n", qPrintable(error));
            if (runner)
                runner->stop(0);
            return 1;
        }
    }
    // Whatever ends first (a signal, --duration, the end of the marathon) ends both, the
    // broadcast first so recordings are finalized before the process exits.
    const auto finish = [&](int code, int signalNumber) {
        if (broadcaster)
            broadcaster->stop();
        if (runner)
            runner->stop(signalNumber);
        else if (signalNumber > 0)
            std::fprintf(stderr, "%s\n", qPrintable(tr("Stopped on signal %1.").arg(signalNumber)));
        app.exit(code);
    };
    QObject::connect(&signalWatcher, &sb::app::SignalWatcher::stopRequested, &app,
                     [&](int number) { finish(0, number); });
    if (runner)
        QObject::connect(runner.get(), &sb::app::HeadlessRunner::finished, &app,
                         [&](int code) { finish(code, 0); });
    if (broadcaster) {
        QObject::connect(broadcaster.get(), &sb::app::HeadlessBroadcast::durationReached, &app,
                         [&] { finish(0, 0); });
        QObject::connect(broadcaster.get(), &sb::app::HeadlessBroadcast::failed, &app,
                         [&] { finish(1, 0); });
    }
    return app.exec();
}

bool wantsBroadcast(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        for (const char* flag : {"--stream", "--record", "--scene"}) {
            if (arg == flag || arg.startsWith(QByteArray(flag) + '='))
                return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char* argv[])
{
    // Broadcasting composes with OpenGL, which needs a display connection (a desktop session,
    // or Xvfb on a server); everything else runs without one.
    const bool broadcasting = wantsBroadcast(argc, argv);
    if (broadcasting && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        std::fprintf(stderr, "sothebais-studio: broadcasting needs OpenGL and so a display; on a "
                             "server run it under Xvfb: xvfb-run -a sothebais-studio ...\n");
        return 1;
    }
    std::unique_ptr<QCoreApplication> application =
        broadcasting ? std::make_unique<QGuiApplication>(argc, argv)
                     : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication& app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("sothebais-studio"));
    QCoreApplication::setOrganizationName(QStringLiteral("SothebAIs"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SB_VERSION));
    installTranslator(app);

    const QStringList args = app.arguments().mid(1);
    const std::map<QString, std::function<int(const QStringList&)>> commands = {
        {QStringLiteral("check-bid"), sb::app::runCheckBid},
        {QStringLiteral("schedule"), sb::app::runSchedule},
        {QStringLiteral("export"), sb::app::runExport},
        {QStringLiteral("backup"), sb::app::runBackup},
        {QStringLiteral("restore"), sb::app::runRestore},
        {QStringLiteral("journal"), sb::app::runJournal},
        {QStringLiteral("dead-letters"), sb::app::runDeadLetters},
    };
    if (!args.isEmpty()) {
        if (const auto command = commands.find(args.first()); command != commands.end()) {
            // A tool's answer is its output and, on bad input, one line on stderr; the modules'
            // diagnostics would repeat that line. QT_LOGGING_RULES still turns them back on.
            QLoggingCategory::setFilterRules(
                QStringLiteral("sb.*.debug=false\nsb.*.info=false\nsb.*.warning=false"));
            return command->second(args.mid(1));
        }
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("SothebAIs Studio: a broadcast studio for daily NFT auction marathons.") +
        QStringLiteral("\n\n") + commandsHelp());
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("headless"), tr("Run without a window; print events as JSON lines.")},
        {QStringLiteral("demo"), tr("Run a demo marathon with simulated bidders.")},
        {QStringLiteral("speed"), tr("Demo clock speed (virtual seconds per second, default 30)."),
         tr("N")},
        {QStringLiteral("bid-rate"), tr("Demo bids per second (default 2)."), tr("N")},
        {QStringLiteral("seed"), tr("Demo random seed."), tr("N")},
        {QStringLiteral("days"), tr("Demo marathon length in days (default 3)."), tr("N")},
        {QStringLiteral("window-minutes"), tr("Demo window length in minutes (default 10)."),
         tr("N")},
        {QStringLiteral("db"), tr("Marathon database file."), tr("path")},
        {QStringLiteral("config"), tr("Marathon config to create in an empty database."),
         tr("file")},
        {QStringLiteral("backup-dir"), tr("Folder for hourly backups (default <db>.backups)."),
         tr("dir")},
        {QStringLiteral("scene"), tr("Scene to broadcast (JSON)."), tr("file")},
        {QStringLiteral("stream"), tr("RTMP/RTMPS destination, key included (repeatable)."),
         tr("url")},
        {QStringLiteral("record"), tr("Record to this file (.mkv; .mp4 is remuxed at the end)."),
         tr("file")},
        {QStringLiteral("duration"), tr("Stop after this many seconds."), tr("s")},
        {QStringLiteral("size"), tr("Canvas size (default 1280x720)."), tr("WxH")},
        {QStringLiteral("fps"), tr("Frame rate (default 30)."), tr("N")},
        {QStringLiteral("bitrate"), tr("Video bitrate in kbps (default 2500)."), tr("kbps")},
        {QStringLiteral("encoder"), tr("Video encoder: auto (default), libx264, h264_nvenc, ..."),
         tr("name")},
        {QStringLiteral("stats"), tr("Print broadcast stats once a second as JSON lines.")},
    });
    if (!parser.parse(app.arguments()))
        return sb::app::usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("sothebais-studio %s\n", SB_VERSION);
        return 0;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(parser.helpText()));
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return sb::app::usageError(
            tr("Unknown command \"%1\"; see --help.").arg(parser.positionalArguments().first()));
    if (parser.isSet(QStringLiteral("headless")))
        return runHeadless(app, parser);
    return sb::app::usageError(
        tr("The studio window is not built yet; run with --headless --demo, or see --help."));
}
