#pragma once
// One file per subcommand. Each add_*_command registers its options and a
// callback that takes only the services that command needs.
namespace CLI {
class App;
}

namespace liftlog::cli {

class Services;

void add_list_command(CLI::App& app, Services& services);
void add_show_command(CLI::App& app, Services& services);
void add_plan_command(CLI::App& app, Services& services);
void add_log_command(CLI::App& app, Services& services);
void add_progress_command(CLI::App& app, Services& services);
void add_undo_command(CLI::App& app, Services& services);
void add_check_command(CLI::App& app, Services& services);
void add_history_command(CLI::App& app, Services& services);
void add_import_command(CLI::App& app, Services& services);
void add_completion_command(CLI::App& app, Services& services);

}  // namespace liftlog::cli
