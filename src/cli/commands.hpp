#pragma once
// The commands of liftlog, one block each: the arguments as typed, the run
// function that does the work, and the registration that adds the options to
// the command line and hands back the run function bound to them. A run
// function's parameters name exactly what it uses; app.cpp's table says
// which commands use the library and the log, and the formats each prints.
#include <functional>
#include <string>
#include <vector>

#include "liftlog/library.hpp"
#include "liftlog/log.hpp"
#include "liftlog/settings.hpp"
#include "output.hpp"
#include "progress/progress.hpp"
#include "record_filters.hpp"

namespace CLI {
class App;
}

namespace liftlog::cli {

class Invocation;
// A command's run function, bound to its parsed arguments.
using Runner = std::function<void(Invocation&)>;

// liftlog list [WORD] [-m MUSCLE] [-e EQUIPMENT]
struct ListArguments {
    std::string search;
    std::string muscle;
    std::string equipment;
};
void run_list(const ListArguments& args, const Library& library, const Output& output);
Runner add_list_command(CLI::App& app);

// liftlog show EXERCISE
void run_show(const std::string& exercise, const Library& library, Log& log,
              const Settings& settings, const Output& output);
Runner add_show_command(CLI::App& app);

// liftlog plan [PLAN]
void run_plan_list(const Library& library, const Output& output);
void run_plan(const std::string& plan, const Library& library, Log& log, const Settings& settings,
              const Output& output);
Runner add_plan_command(CLI::App& app);

// liftlog log EXERCISE SETS... [--date D] [--rpe N] [--note T] [--pain] [--light]
struct LogArguments {
    std::string exercise;
    std::vector<std::string> sets;
    std::string date;
    bool date_given = false;
    std::optional<double> rpe;
    std::string note;
    bool note_given = false;
    bool pain = false;
    bool light = false;
};
void run_log(const LogArguments& args, const Library& library, Log& log, const Settings& settings,
             const Output& output);
Runner add_log_command(CLI::App& app);

// liftlog progress [EXERCISE] [--weekly|--monthly] [--chart [METRIC]]: src/cli/progress/
void run_progress(const ProgressArguments& args, const Library& library, Log& log,
                  const Settings& settings, const Output& output);
Runner add_progress_command(CLI::App& app);

// liftlog history [EXERCISE...] [-x EXERCISE] [-m MUSCLE] [-b DATE] [-e DATE]
void run_history(const FilterOptions& filters, const Library& library, Log& log,
                 const Settings& settings, const Output& output);
Runner add_history_command(CLI::App& app);

// liftlog import FILE [--from APP] [--map FILE] [--skip-bad] [--dry-run]
struct ImportArguments {
    std::string file;
    std::string from;
    std::string map;
    bool skip_bad = false;
    bool dry_run = false;
};
void run_import(const ImportArguments& args, const Library& library, Log& log,
                const Settings& settings, const Output& output);
Runner add_import_command(CLI::App& app);

// liftlog weigh [WEIGHT] [--date D] [--note T]
struct WeighArguments {
    std::string weight;  // empty: show the latest body weight
    std::string date;
    bool date_given = false;
    std::string note;
    bool note_given = false;
};
void run_weigh(const WeighArguments& args, Log& log, const Settings& settings,
               const Output& output);
Runner add_weigh_command(CLI::App& app);

// liftlog merge FILE... [--dry-run]
struct MergeArguments {
    std::vector<std::string> files;
    bool dry_run = false;
};
void run_merge(const MergeArguments& args, Log& log, const Output& output);
Runner add_merge_command(CLI::App& app);

// liftlog undo [ID]
void run_undo(const std::string& id_prefix, Log& log, const Settings& settings,
              const Output& output);
Runner add_undo_command(CLI::App& app);

// liftlog check: returns 0 when the log and every definition are sound, else 1.
int run_check(Log& log, const Settings& settings, const Output& output);
Runner add_check_command(CLI::App& app);

// liftlog completion bash|zsh|fish, and the ids the scripts ask for at TAB time.
void run_completion_script(const std::string& shell, const CLI::App& root, const Output& output);
void run_completion_ids(const std::string& kind, const Library& library, const Output& output);
Runner add_completion_command(CLI::App& app);

}  // namespace liftlog::cli
