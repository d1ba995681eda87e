// SothebAIs Studio's entry point: the operator's command-line tools and the headless runner.
// (The studio window arrives with its issue; until then the run command starts the headless demo.)

#include "CliCommands.h"
#include "HeadlessRunner.h"
#include "SignalWatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLocale>
#include <QLoggingCategory>
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
    if (!ok)
        return 2;
    if (!options.demo && options.dbPath.isEmpty())
        return sb::app::usageError(tr("--headless needs --demo, or --db PATH of a marathon."));

    sb::app::HeadlessRunner runner(options);
    sb::app::SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &sb::app::SignalWatcher::stopRequested, &runner,
                     &sb::app::HeadlessRunner::stop);
    QObject::connect(&runner, &sb::app::HeadlessRunner::finished, &app, &QCoreApplication::exit);
    QString error;
    if (!runner.start(&error)) {
        std::fprintf(stderr, "sothebais-studio: %s\n", qPrintable(error));
        return 1;
    }
    return app.exec();
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
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
