#include "app.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <ostream>

#include <fmt/format.h>
#include "commands.hpp"
#include "help.hpp"

#include "invocation.hpp"
#include "liftlog/date.hpp"
#include "liftlog/diagnostics.hpp"
#include "liftlog/error.hpp"
#include "liftlog/load.hpp"
#include "liftlog/text.hpp"

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

void add_global_options(CLI::App& app, GlobalFlags& options) {
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
    app.add_flag("--raw-csv", options.raw_csv,
                 "CSV cells exactly as stored: no quote before text a spreadsheet would run as a "
                 "formula");
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

int report(std::ostream& err, const std::string& message, int status) {
    err << error_text(message);
    return status;
}

struct Command {
    CommandTraits traits;
    Runner (*add)(CLI::App&);
};

using F = OutputFormat;

// Every command, in the order help lists them: the formats it prints, and
// whether it uses the library and the log.
const std::vector<Command>& command_table() {
    static const std::vector<Command> table = {
        {{"list", {F::text, F::json}, true, false}, add_list_command},
        {{"show", {F::text, F::json}, true, true}, add_show_command},
        {{"plan", {F::text, F::json}, true, true}, add_plan_command},
        {{"log", {F::text, F::json}, true, true}, add_log_command},
        {{"weigh", {F::text, F::json}, false, true}, add_weigh_command},
        {{"progress", {F::text, F::json, F::csv, F::jsonl}, true, true}, add_progress_command},
        {{"undo", {F::text, F::json}, false, true}, add_undo_command},
        {{"check", {F::text, F::json}, false, true}, add_check_command},
        {{"history", {F::text, F::json, F::csv, F::jsonl}, true, true}, add_history_command},
        {{"import", {F::text, F::json}, true, true}, add_import_command},
        {{"merge", {F::text, F::json}, false, true}, add_merge_command},
        {{"completion", {F::text}, true, false}, add_completion_command},
    };
    return table;
}

std::string format_list(const std::vector<OutputFormat>& formats) {
    std::string list;
    for (std::size_t i = 0; i < formats.size(); ++i) {
        if (i > 0) list += i + 1 == formats.size() ? " or " : ", ";
        list += format_name(formats[i]);
    }
    return list;
}

// Refused before the command runs, so that `log --format csv` writes nothing.
void check_format(const CommandTraits& command, OutputFormat asked) {
    const auto& formats = command.formats;
    if (std::find(formats.begin(), formats.end(), asked) == formats.end())
        throw UsageError(fmt::format("--format {}: '{}' prints {}; pick one of those",
                                     format_name(asked), command.name, format_list(formats)));
}

struct Registered {
    const CommandTraits* traits;
    Runner runner;
};

void run_chosen(const CLI::App& app, const std::vector<Registered>& registered,
                const Settings& settings, std::ostream& out, std::ostream& err) {
    const auto chosen = app.get_subcommands();
    if (chosen.empty()) {
        out << app.help();
        return;
    }
    for (const auto& command : registered) {
        if (command.traits->name != chosen.front()->get_name()) continue;
        check_format(*command.traits, settings.presentation.format);
        const Output output(out, err, settings.presentation);
        Invocation invocation(*command.traits, settings, output);
        return command.runner(invocation);
    }
}

}  // namespace

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err, Environment env,
        Terminal terminal, std::optional<Clock> clock) {
    CLI::App app("liftlog: a strength-training log for the terminal", "liftlog");
    // Before any subcommand is added: each takes its formatter from the app.
    use_examples_first_help(app);
    app.footer(kExamples);
    // Global options are accepted after the subcommand as well as before it.
    app.fallthrough();
    // A repeated option takes its last value, so aliases and scripts can override.
    app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    app.require_subcommand(0, 1);
    GlobalFlags flags;
    add_global_options(app, flags);
    std::vector<Registered> registered;
    for (const auto& command : command_table())
        registered.push_back({&command.traits, command.add(app)});
    try {
        app.parse(argc, argv);
        // Settings are resolved, and checked, before any command runs.
        const Settings settings =
            resolve_settings(flags, env, terminal, clock ? *clock : Clock::system(env("TZ")));
        run_chosen(app, registered, settings, out, err);
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
