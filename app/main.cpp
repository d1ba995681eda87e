// SothebAIs Studio's entry point: the studio window, the headless runner, and the operator's
// command-line tools.

#include "AuctionStateModel.h"
#include "CliCommands.h"
#include "HeadlessBroadcast.h"
#include "HeadlessRunner.h"
#include "LineComposer.h"
#include "MainWindow.h"
#include "PersonaPosts.h"
#include "PlainTextLabels.h"
#include "PreviewWidget.h"
#include "RenderContext.h"
#include "SettlementRunner.h"
#include "ShapeCommands.h"
#include "ShowScene.h"
#include "SignalWatcher.h"
#include "StudioController.h"
#include "StudioSettings.h"
#include "VtsBridge.h"
#include "XCommands.h"
#include "XConnection.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QSurfaceFormat>
#include <QTimer>
#include <QTranslator>

#include <chrono>
#include <cstdio>
#include <functional>
#include <map>

namespace {

// language: "" follows the system, else "en", "es", ...
void installTranslator(QCoreApplication& app, const QString& language = {})
{
    auto* translator = new QTranslator(&app);
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    if (translator->load(locale, QStringLiteral("sothebais"), QStringLiteral("_"),
                         QStringLiteral(":/i18n")))
        app.installTranslator(translator);
    // Qt's own words (dialog buttons, file dialogs), where the system has them.
    auto* qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qtTranslator);
}

// Says, in the operator's language, that what was asked for needs a display, and gives exit code 1.
// A plain QCoreApplication needs none, so the translator can be loaded to say it.
int refuseWithoutDisplay(int& argc, char** argv, const char* message)
{
    QCoreApplication app(argc, argv);
    installTranslator(app);
    std::fprintf(stderr, "sothebais-studio: %s\n",
                 qPrintable(QCoreApplication::translate("Main", message)));
    return 1;
}

// The studio window. SB_STARTUP_PROBE=1 prints when the first preview frame was shown (the
// startup benchmark) and quits.
int runWindow(QApplication& app, const QString& dataDir)
{
    QElapsedTimer sinceLaunch;
    sinceLaunch.start();
    sb::app::PlainTextLabels::install(); // before any message box, as well as the window's
    sb::studio::StudioSettings settings;
    installTranslator(app, settings.language());
    sb::studio::StudioController studio(
        dataDir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                          : dataDir);
    QString error;
    if (!studio.open(&error)) {
        std::fprintf(stderr, "sothebais-studio: %s\n", qPrintable(error));
        QMessageBox::critical(nullptr, QCoreApplication::translate("Main", "SothebAIs Studio"),
                              error);
        return 1;
    }
    sb::app::MainWindow window(studio, settings);
    window.show();
    if (!window.startProgram(&error)) {
        std::fprintf(stderr, "sothebais-studio: %s\n", qPrintable(error));
        QMessageBox::critical(
            &window, QCoreApplication::translate("Main", "SothebAIs Studio"),
            QCoreApplication::translate("Main", "The program cannot be rendered: %1").arg(error));
    }
    if (!settings.firstStartDone()) {
        settings.setFirstStartDone(true);
        settings.save();
    }
    sb::app::SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &sb::app::SignalWatcher::stopRequested, &window,
                     [&](int) { window.close(); });
    if (qEnvironmentVariableIsSet("SB_STARTUP_PROBE")) {
        auto* probe = new QTimer(&window);
        QObject::connect(probe, &QTimer::timeout, &window, [&, probe] {
            if (window.preview()->framesShown() > 0) {
                probe->stop();
                std::printf("first preview frame after %lld ms\n",
                            qlonglong(sinceLaunch.elapsed()));
                std::fflush(stdout);
                window.close();
            }
        });
        probe->start(1);
    }
    return app.exec();
}

QString commandsHelp()
{
    return QCoreApplication::translate(
        "Main",
        "Commands:\n"
        "  check-bid \"TEXT\"                 How the bid grammar reads a post (JSON).\n"
        "  schedule --config FILE [--json]  Each auction's window in local time and UTC.\n"
        "  export --db PATH --csv DIR       Write bids.csv and results.csv.\n"
        "  backup --db PATH [--dir DIR]     Take a consistent snapshot now.\n"
        "  restore --db PATH --from FILE    Replace a (stopped) database with a snapshot.\n"
        "  journal --db PATH [--after SEQ]  Print the event journal as JSON lines.\n"
        "  dead-letters --db PATH           Events a subscriber gave up on (JSON lines).\n"
        "  x login|status|logout            Sign in to X (bids from replies), or say the state.\n"
        "  wallet new|import|address        The operator key on Shape (kept in the keychain).\n"
        "  shape deploy --rpc URL|--rpc-file FILE --treasury ADDRESS [--chain-id N] [--dry-run]\n"
        "                                   Deploy the auction house with the operator key.\n"
        "  shape status --db PATH [--json]  Each auction's settlement on Shape (read-only).\n");
}

int runHeadless(QCoreApplication& app, const QCommandLineParser& parser)
{
    sb::app::HeadlessOptions options;
    options.demo = parser.isSet(QStringLiteral("demo"));
    options.dbPath = parser.value(QStringLiteral("db"));
    options.configPath = parser.value(QStringLiteral("config"));
    options.backupDir = parser.value(QStringLiteral("backup-dir"));
    options.createNew = parser.isSet(QStringLiteral("new"));
    options.allowPastStart = parser.isSet(QStringLiteral("allow-past-start"));
    bool ok = true;
    const auto intOption = [&](const QString& name, int min, int max, int* target) {
        if (!parser.isSet(name))
            return;
        bool numeric = false;
        const int value = parser.value(name).toInt(&numeric);
        if (!numeric || value < min || value > max) {
            sb::app::usageError(
                QCoreApplication::translate("Main", "--%1 takes a whole number from %2 to %3.")
                    .arg(name)
                    .arg(min)
                    .arg(max));
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
            sb::app::usageError(QCoreApplication::translate(
                "Main", "--bid-rate takes a number of bids per second up to 10000."));
            ok = false;
        }
    }

    sb::app::BroadcastOptions broadcast;
    broadcast.scenePath = parser.value(QStringLiteral("scene"));
    broadcast.scenesPath = parser.value(QStringLiteral("scenes"));
    broadcast.dataDir = parser.isSet(QStringLiteral("data-dir"))
                            ? parser.value(QStringLiteral("data-dir"))
                            : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    broadcast.demoMarathon = options.demo;
    if (!broadcast.scenePath.isEmpty() && !broadcast.scenesPath.isEmpty()) {
        sb::app::usageError(QCoreApplication::translate(
            "Main",
            "--scene (a plain scene) and --scenes (a scene collection) exclude each other."));
        ok = false;
    }
    broadcast.streams = parser.values(QStringLiteral("stream"));
    broadcast.streamKeyFiles = parser.values(QStringLiteral("stream-key-file"));
    if (QString keyError; !sb::app::HeadlessBroadcast::readStreamKeys(&broadcast, &keyError)) {
        sb::app::usageError(keyError);
        ok = false;
    }
    broadcast.recordPath = parser.value(QStringLiteral("record"));
    broadcast.musicPath = parser.value(QStringLiteral("music"));
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
            sb::app::usageError(QCoreApplication::translate(
                "Main", "--size takes WIDTHxHEIGHT with even sides up to 1920x1080."));
            ok = false;
        }
        broadcast.size = QSize(w, h);
    }
    if (!ok)
        return 2;
    const bool marathon = options.demo || !options.dbPath.isEmpty();
    if (!marathon && !broadcast.scenesPath.isEmpty())
        return sb::app::usageError(QCoreApplication::translate(
            "Main", "--scenes shows a marathon's overlays: give --demo or --db PATH too."));
    if (!marathon && !broadcast.wanted())
        return sb::app::usageError(QCoreApplication::translate(
            "Main", "--headless needs --demo, --db PATH of a marathon, or something to broadcast "
                    "(--stream, --record, --scene)."));

    // --x-post LOT=POST: the auction's post on X (its URL or id), whose replies are its bids.
    QList<std::pair<int, QString>> xPosts;
    for (const QString& value : parser.values(QStringLiteral("x-post"))) {
        const auto match =
            QRegularExpression(QStringLiteral("^(\\d+)=(?:https?://\\S+/status/)?(\\d{1,20})\\S*$"))
                .match(value.trimmed());
        if (!match.hasMatch() || match.captured(1).toInt() < 1) {
            sb::app::usageError(QCoreApplication::translate(
                "Main", "--x-post takes LOT=URL or LOT=ID, e.g. 1=https://x.com/you/status/1850…"));
            ok = false;
            break;
        }
        xPosts.append({match.captured(1).toInt() - 1, match.captured(2)});
    }
    const bool useX = parser.isSet(QStringLiteral("x"));
    if (!ok)
        return 2;
    if ((useX || !xPosts.isEmpty()) && !marathon)
        return sb::app::usageError(QCoreApplication::translate(
            "Main", "--x reads bids into a marathon: give --db PATH or --demo too."));

    sb::app::SignalWatcher signalWatcher;
    std::unique_ptr<sb::app::HeadlessRunner> runner;
    std::unique_ptr<sb::app::HeadlessBroadcast> broadcaster;
    std::unique_ptr<sb::integrations::x::XConnection> x;
    QString error;
    if (marathon) {
        runner = std::make_unique<sb::app::HeadlessRunner>(options);
        if (!runner->start(&error)) {
            std::fprintf(stderr, "sothebais-studio: %s\n", qPrintable(error));
            return 1;
        }
        for (const auto& [lot, post] : xPosts) {
            const auto set = runner->session()->wait([lot, post](sb::auction::MarathonSession& s) {
                return s.engine().setThreadId(lot, post, QStringLiteral("operator"));
            });
            if (!set.ok) {
                std::fprintf(stderr, "sothebais-studio: %s\n", qPrintable(set.error));
                runner->stop(0);
                return 1;
            }
        }
    }
    if (useX) {
        QString settingsProblem;
        QStringList personaProblems;
        x = std::make_unique<sb::integrations::x::XConnection>(
            *runner->session(),
            sb::app::withPersonaPosts(sb::integrations::x::XSettings::load({}, &settingsProblem),
                                      sb::studio::StudioSettings().host(), &personaProblems));
        if (!settingsProblem.isEmpty())
            std::fprintf(stderr, "X: %s\n", qPrintable(settingsProblem));
        for (const QString& left : personaProblems)
            std::fprintf(stderr, "X: the persona's post %s\n", qPrintable(left));
        QObject::connect(
            x.get(), &sb::integrations::x::XConnection::problem, &app,
            [](const QString& message) { std::fprintf(stderr, "X: %s\n", qPrintable(message)); });
        auto said = std::make_shared<int>(-1);
        QObject::connect(
            x.get(), &sb::integrations::x::XConnection::stateChanged, &app, [xc = x.get(), said] {
                const auto state = xc->auth().state();
                if (int(state) == *said || state == sb::integrations::x::XAuth::State::Unknown)
                    return;
                *said = int(state);
                const QString line =
                    xc->auth().isSignedIn()
                        ? QCoreApplication::translate("Main",
                                                      "X: signed in as @%1; replies to each "
                                                      "auction's post are read as bids.")
                              .arg(xc->auth().username())
                        : QCoreApplication::translate(
                              "Main", "X: not signed in (sothebais-studio x login); "
                                      "no bids are read from X. %1")
                              .arg(xc->auth().signInNeeded());
                std::fprintf(stderr, "%s\n", qPrintable(line.trimmed()));
            });
        x->start();
    }
    // Settlement on Shape as Settings → Shape says (studio.ini), with the operator key from
    // --operator-key-file or the keychain.
    std::unique_ptr<sb::app::SettlementRunner> settlement;
    const sb::studio::ShapeSettings shape = sb::studio::StudioSettings().shape();
    if (runner && (shape.settlementEnabled || parser.isSet(QStringLiteral("operator-key-file")))) {
        settlement = std::make_unique<sb::app::SettlementRunner>(*runner->session());
        const auto say = [](const QString& line) {
            std::fprintf(stderr, "Shape: %s\n", qPrintable(line));
        };
        QObject::connect(settlement.get(), &sb::app::SettlementRunner::statusChanged, &app, say);
        QObject::connect(settlement.get(), &sb::app::SettlementRunner::problem, &app, say);
        std::optional<sb::integrations::shape::Secp256k1Key> key;
        if (shape.isConfigured()) {
            auto loaded =
                sb::app::loadOperatorKey(parser.value(QStringLiteral("operator-key-file")));
            if (loaded)
                key = std::move(loaded).value();
            else
                say(loaded.error());
        }
        settlement->apply(shape, std::move(key));
        say(settlement->statusText());
    }
    if (broadcast.wanted()) {
        // The show (overlays, host) is bound to the same marathon session the runner runs.
        sb::auction::EngineThread* session = runner ? runner->session() : nullptr;
        broadcaster = std::make_unique<sb::app::HeadlessBroadcast>(broadcast, session);
        if (!broadcaster->start(&error)) {
            std::fprintf(stderr, "sothebais-studio: %s\n", qPrintable(error));
            if (runner)
                runner->stop(0);
            return 1;
        }
    }
    if (x && broadcaster && broadcaster->show()) {
        // The show's "How to bid" names the account viewers reply to.
        sb::studio::ShowScene* show = broadcaster->show();
        const auto name = [show, xc = x.get()] {
            const sb::integrations::x::XAuth& auth = xc->auth();
            if (auth.state() != sb::integrations::x::XAuth::State::Unknown)
                show->state().setXHandle(auth.isSignedIn() ? auth.username() : QString());
        };
        QObject::connect(x.get(), &sb::integrations::x::XConnection::stateChanged, &app, name);
        name();
    }
    if (broadcaster && broadcaster->show()) {
        // The host as Settings → Host says (studio.ini): persona, voice, lines, the LLM and
        // VTube Studio, with their secrets from the keychain.
        sb::studio::ShowScene* show = broadcaster->show();
        sb::studio::HostSettings host = sb::studio::StudioSettings().host();
        if (!broadcast.musicPath.isEmpty()) { // --music wins over the music bed in studio.ini
            host.musicFile = broadcast.musicPath;
            host.musicLevelDb = sb::app::BroadcastOptions::kMusicLevelDb;
        }
        for (const QString& problem : show->applyHostSettings(host, nullptr))
            std::fprintf(stderr, "Host: %s\n", qPrintable(problem));
        // What became of the LLM's lines and where VTube Studio is, as the Host dock says them.
        QObject::connect(&show->composer(), &sb::studio::LineComposer::llmResultChanged, &app,
                         [](const QString& words) {
                             if (!words.isEmpty())
                                 std::fprintf(stderr, "Host: LLM: %s\n", qPrintable(words));
                         });
        if (auto* vts = show->vtubeStudio())
            QObject::connect(vts, &sb::integrations::vtubestudio::VtsBridge::stateChanged, &app,
                             [](auto, const QString& text) {
                                 std::fprintf(stderr, "Host: VTube Studio: %s\n", qPrintable(text));
                             });
    }
    // Whatever ends first (a signal, --duration, the end of the marathon) ends both, the
    // broadcast first so recordings are finalized before the process exits.
    const auto finish = [&](int code, int signalNumber) {
        x.reset();          // reads nothing more; the engine stops waiting for it
        settlement.reset(); // sends nothing more; what is stored goes on at the next start
        if (broadcaster) {
            broadcaster->stop();
            if (code == 0 && broadcaster->recordingFailed())
                code = 1;
        }
        if (runner)
            runner->stop(signalNumber);
        else if (signalNumber > 0)
            std::fprintf(stderr, "%s\n",
                         qPrintable(QCoreApplication::translate("Main", "Stopped on signal %1.")
                                        .arg(signalNumber)));
        app.exit(code);
    };
    QObject::connect(&signalWatcher, &sb::app::SignalWatcher::stopRequested, &app,
                     [&](int number) { finish(0, number); });
    if (runner)
        QObject::connect(runner.get(), &sb::app::HeadlessRunner::finished, &app,
                         [&](int code) { finish(code, 0); });
    // Without a broadcast --duration is the marathon's run, by the clock.
    QTimer duration;
    if (!broadcaster && broadcast.durationS > 0) {
        duration.setSingleShot(true);
        QObject::connect(&duration, &QTimer::timeout, &app, [&] { finish(0, 0); });
        duration.start(std::chrono::seconds(broadcast.durationS));
    }
    if (broadcaster) {
        QObject::connect(broadcaster.get(), &sb::app::HeadlessBroadcast::durationReached, &app,
                         [&] { finish(0, 0); });
        QObject::connect(broadcaster.get(), &sb::app::HeadlessBroadcast::failed, &app,
                         [&] { finish(1, 0); });
    }
    return app.exec();
}

bool hasArgument(int argc, char* argv[], const char* wanted)
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], wanted) == 0)
            return true;
    }
    return false;
}

bool wantsBroadcast(int argc, char* argv[])
{
    if (!hasArgument(argc, argv, "--headless"))
        return false; // the options below without --headless are refused once parsed
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        for (const char* flag : {"--stream", "--record", "--scene", "--scenes"}) {
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
    // The window is what runs unless the command line asks for the headless runner, a tool, or
    // help: it needs a display, and shares OpenGL between the preview and the render thread.
    // Only the window's own option (--data-dir) means the window; anything else is parsed (and
    // refused when wrong) without opening one.
    bool window = true;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--data-dir" && i + 1 < argc)
            ++i;
        else if (!arg.startsWith("--data-dir="))
            window = false;
    }
    if (window && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        return refuseWithoutDisplay(
            argc, argv,
            QT_TRANSLATE_NOOP("Main", "the studio window needs a display. Without one, run the "
                                      "headless demo: sothebais-studio --headless --demo"));
    }
    if (window || broadcasting)
        sb::render::RenderContext::prepareProcess();
    if (window) {
        QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
        QSurfaceFormat format;
        format.setVersion(3, 3);
        format.setProfile(QSurfaceFormat::CoreProfile);
        QSurfaceFormat::setDefaultFormat(format);
    }
    if (broadcasting && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        return refuseWithoutDisplay(
            argc, argv,
            QT_TRANSLATE_NOOP("Main", "broadcasting needs OpenGL and so a display; on a server run "
                                      "it under Xvfb: xvfb-run -a sothebais-studio ..."));
    }
    std::unique_ptr<QCoreApplication> application =
        window         ? std::make_unique<QApplication>(argc, argv)
        : broadcasting ? std::make_unique<QGuiApplication>(argc, argv)
                       : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication& app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("sothebais-studio"));
    QCoreApplication::setOrganizationName(QStringLiteral("SothebAIs"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SB_VERSION));
    if (!window)
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
        {QStringLiteral("x"), sb::app::runX},
        {QStringLiteral("wallet"), sb::app::runWallet},
        {QStringLiteral("shape"), sb::app::runShape},
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
        QCoreApplication::translate(
            "Main", "SothebAIs Studio: a broadcast studio for daily NFT auction marathons.") +
        QStringLiteral("\n\n") + commandsHelp());
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("headless"),
         QCoreApplication::translate("Main", "Run without a window; print events as JSON lines.")},
        {QStringLiteral("demo"),
         QCoreApplication::translate("Main", "Run a demo marathon with simulated bidders.")},
        {QStringLiteral("speed"),
         QCoreApplication::translate("Main",
                                     "Demo clock speed (virtual seconds per second, default 30)."),
         QCoreApplication::translate("Main", "N")},
        {QStringLiteral("bid-rate"),
         QCoreApplication::translate("Main", "Demo bids per second (default 2)."),
         QCoreApplication::translate("Main", "N")},
        {QStringLiteral("seed"), QCoreApplication::translate("Main", "Demo random seed."),
         QCoreApplication::translate("Main", "N")},
        {QStringLiteral("days"),
         QCoreApplication::translate("Main", "Demo marathon length in days (default 3)."),
         QCoreApplication::translate("Main", "N")},
        {QStringLiteral("window-minutes"),
         QCoreApplication::translate("Main", "Demo window length in minutes (default 10)."),
         QCoreApplication::translate("Main", "N")},
        {QStringLiteral("db"), QCoreApplication::translate("Main", "Marathon database file."),
         QCoreApplication::translate("Main", "path")},
        {QStringLiteral("config"),
         QCoreApplication::translate("Main", "Marathon config to create in an empty database."),
         QCoreApplication::translate("Main", "file")},
        {QStringLiteral("backup-dir"),
         QCoreApplication::translate("Main", "Folder for hourly backups (default <db>.backups)."),
         QCoreApplication::translate("Main", "dir")},
        {QStringLiteral("new"),
         QCoreApplication::translate("Main", "Create a new marathon from --config even though "
                                             "backups of a missing database exist.")},
        {QStringLiteral("allow-past-start"),
         QCoreApplication::translate("Main", "Create a marathon whose first day is past.")},
        {QStringLiteral("scene"),
         QCoreApplication::translate("Main",
                                     "Plain scene to broadcast (JSON) instead of the show."),
         QCoreApplication::translate("Main", "file")},
        {QStringLiteral("scenes"),
         QCoreApplication::translate("Main", "Scene collection to broadcast with the marathon "
                                             "(default: the data folder's scenes/default.json)."),
         QCoreApplication::translate("Main", "file")},
        {QStringLiteral("stream"),
         QCoreApplication::translate("Main", "RTMP/RTMPS destination, key included (repeatable)."),
         QCoreApplication::translate("Main", "url")},
        {QStringLiteral("stream-key-file"),
         QCoreApplication::translate("Main",
                                     "File holding the stream key of the --stream of the same "
                                     "rank; that URL then ends before the key (repeatable)."),
         QCoreApplication::translate("Main", "file")},
        {QStringLiteral("record"),
         QCoreApplication::translate("Main",
                                     "Record to this file (.mkv; .mp4 is remuxed at the end)."),
         QCoreApplication::translate("Main", "file")},
        {QStringLiteral("music"),
         QCoreApplication::translate("Main", "Music bed under the show (any audio file, looped; "
                                             "lowered while the host speaks)."),
         QCoreApplication::translate("Main", "file")},
        {QStringLiteral("duration"),
         QCoreApplication::translate("Main", "Stop after this many seconds."),
         QCoreApplication::translate("Main", "s")},
        {QStringLiteral("size"),
         QCoreApplication::translate("Main", "Canvas size (default 1280x720)."),
         QCoreApplication::translate("Main", "WxH")},
        {QStringLiteral("fps"), QCoreApplication::translate("Main", "Frame rate (default 30)."),
         QCoreApplication::translate("Main", "N")},
        {QStringLiteral("bitrate"),
         QCoreApplication::translate("Main", "Video bitrate in kbps (default 2500)."),
         QCoreApplication::translate("Main", "kbps")},
        {QStringLiteral("encoder"),
         QCoreApplication::translate("Main",
                                     "Video encoder: auto (default), libx264, h264_nvenc, ..."),
         QCoreApplication::translate("Main", "name")},
        {QStringLiteral("stats"),
         QCoreApplication::translate("Main", "Print broadcast stats once a second as JSON lines.")},
        {QStringLiteral("x"),
         QCoreApplication::translate("Main", "Read bids from replies on X with the signed-in "
                                             "account (sothebais-studio x login).")},
        {QStringLiteral("operator-key-file"),
         QCoreApplication::translate("Main", "Settlement on Shape: read the operator key from this "
                                             "file instead of the keychain."),
         QCoreApplication::translate("Main", "file")},
        {QStringLiteral("x-post"),
         QCoreApplication::translate("Main", "The post on X whose replies bid on lot N "
                                             "(repeatable)."),
         QCoreApplication::translate("Main", "N=url")},
        {QStringLiteral("data-dir"),
         QCoreApplication::translate(
             "Main",
             "The studio's data folder (marathon, demo, scenes); default: the app data folder."),
         QCoreApplication::translate("Main", "dir")},
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
            QCoreApplication::translate("Main", "Unknown command \"%1\"; see --help.")
                .arg(parser.positionalArguments().first()));
    if (parser.isSet(QStringLiteral("headless")))
        return runHeadless(app, parser);
    // The window takes only --data-dir; the runner's options without --headless would otherwise
    // open a window the operator did not ask for, or none at all.
    if (!qobject_cast<QApplication*>(&app))
        return sb::app::usageError(QCoreApplication::translate(
            "Main", "these options are the headless runner's: add --headless (e.g. "
                    "sothebais-studio --headless --demo); the window takes only --data-dir."));
    return runWindow(static_cast<QApplication&>(app), parser.value(QStringLiteral("data-dir")));
}
