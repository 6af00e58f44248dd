#include "app.hpp"

#include <CLI/CLI.hpp>

#include <ostream>

#include <fmt/format.h>
#include "commands.hpp"
#include "help.hpp"

#include "liftlog/date.hpp"
#include "liftlog/error.hpp"
#include "liftlog/load.hpp"
#include "liftlog/text.hpp"
#include "services.hpp"

namespace liftlog::cli {

namespace {

constexpr const char* kExamples = R"(Examples:
  liftlog plan back-workout           today's workout with suggested loads
  liftlog log back-extension 12,12,12 log three sets at bodyweight
  liftlog log deadlift 3x5@100kg      log three sets of five at 100 kg
  liftlog progress                    records and next steps per exercise
  liftlog show "reverse hyper"        how to do an exercise
  liftlog progress squat --chart      the trend of one lift, drawn to fit
  liftlog history -O csv > sets.csv   every set, one row each, for a spreadsheet
  liftlog import strong.csv           bring in a Strong, Hevy, FitNotes or StrongLifts export
Files:
  log      --log FILE, else $LIFTLOG_LOG, else $XDG_DATA_HOME/liftlog/log.jsonl
  library  built in, plus $XDG_CONFIG_HOME/liftlog/exercises/ and --exercises DIR)";

void add_global_options(CLI::App& app, GlobalOptions& options) {
    app.add_option("--log", options.log_path,
                   "Log file (default: $LIFTLOG_LOG, then XDG data dir)");
    app.add_option("-O,--format", options.format,
                   "Output format: text, json, csv or jsonl (each command says which it prints)")
        ->check(CLI::IsMember({"text", "json", "csv", "jsonl"}));
    app.add_option("--color", options.color,
                   "Colour: auto (on a terminal, unless NO_COLOR is set), always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    app.add_option(
        "--config", options.config_path,
        "Config file (default: $LIFTLOG_CONFIG, else $XDG_CONFIG_HOME/liftlog/config.toml)");
    app.add_option("--unit", options.unit,
                   "Unit for loads without one and for suggestions: kg or lb");
    app.add_option("--today", options.today,
                   "Pin today's date, YYYY-MM-DD, for reproducible reports");
    app.add_option("--exercises", options.exercises_dir,
                   "Extra exercise definitions (DIR/*.json, DIR/plans/*.json)");
    app.add_flag("--no-cache", options.no_cache,
                 "Read the whole log, without the history cache (also: LIFTLOG_NO_CACHE=1)");
    app.set_version_flag("-V,--version", std::string("liftlog ") + LIFTLOG_VERSION);
}

// "frobnicate" where a command belongs gets a "did you mean" like any name.
std::string unknown_command_message(const CLI::App& app, const CLI::ExtrasError& error, int argc,
                                    const char* const* argv) {
    if (!app.get_subcommands().empty() || argc < 2 || argv[1][0] == '-') return error.what();
    std::vector<std::string> names;
    for (const auto* command : app.get_subcommands({})) names.push_back(command->get_name());
    return fmt::format("unknown command '{}'{}", argv[1],
                       did_you_mean(closest_matches(argv[1], names)));
}

// Messages quote what was typed; escaping each line keeps control characters
// from an argument away from the terminal.
int report(std::ostream& err, const std::string& message, int status) {
    std::string safe;
    std::size_t start = 0;
    while (start <= message.size()) {
        const auto end = std::min(message.find('\n', start), message.size());
        if (start > 0) safe += '\n';
        safe += escape_for_terminal(std::string_view(message).substr(start, end - start));
        start = end + 1;
    }
    err << "liftlog: error: " << safe << '\n';
    return status;
}

}  // namespace

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err, Environment env,
        Terminal terminal) {
    CLI::App app("liftlog: a strength-training log for the terminal", "liftlog");
    // Before any subcommand is added: each takes its formatter from the app.
    use_examples_first_help(app);
    app.footer(kExamples);
    // Global options are accepted after the subcommand as well as before it.
    app.fallthrough();
    // A repeated option takes its last value, so aliases and scripts can override.
    app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    app.require_subcommand(0, 1);
    GlobalOptions options;
    add_global_options(app, options);
    Services services(options, std::move(env), terminal, out, err);
    // Global options are checked before any command runs, even one that ignores them.
    app.parse_complete_callback([&services, &app] {
        const auto chosen = app.get_subcommands();
        services.check_options(chosen.empty() ? std::string() : chosen.front()->get_name());
    });
    add_list_command(app, services);
    add_show_command(app, services);
    add_plan_command(app, services);
    add_log_command(app, services);
    add_progress_command(app, services);
    add_undo_command(app, services);
    add_check_command(app, services);
    add_history_command(app, services);
    add_import_command(app, services);
    add_completion_command(app, services);
    try {
        app.parse(argc, argv);
        if (app.get_subcommands().empty()) out << app.help();
        return 0;
    } catch (const CLI::Success& success) {
        return app.exit(success, out, err);
    } catch (const CLI::ExtrasError& error) {
        return report(
            err,
            unknown_command_message(app, error, argc, argv) + "\nRun 'liftlog --help' for usage.",
            2);
    } catch (const CLI::ParseError& error) {
        return report(err, std::string(error.what()) + "\nRun 'liftlog --help' for usage.", 2);
    } catch (const UsageError& error) {
        return report(err, error.what(), 2);
    } catch (const ReportedFailure&) {
        return 1;
    } catch (const Failure& error) {
        return report(err, error.what(), 1);
    } catch (const std::exception& error) {
        return report(err, error.what(), 1);
    }
}

}  // namespace liftlog::cli
