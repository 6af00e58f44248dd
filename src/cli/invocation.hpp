#pragma once
// One run of liftlog: the settings and output resolved for it, and the
// library and the log, each made on first use and only for a command whose
// row in the command table (app.cpp) says it uses them.
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "liftlog/library.hpp"
#include "liftlog/log.hpp"
#include "liftlog/settings.hpp"
#include "output.hpp"

namespace liftlog::cli {

// A command's row in the table: what it prints and what it needs.
struct CommandTraits {
    std::string_view name;
    std::vector<OutputFormat> formats;
    bool uses_library = false;
    bool uses_log = false;
};

class Invocation {
  public:
    Invocation(const CommandTraits& traits, const Settings& settings, const Output& output)
        : traits_(traits), settings_(settings), output_(output) {}

    const Settings& settings() const { return settings_; }
    const Output& output() const { return output_; }
    // The built-in definitions and the user's (loaded once).
    const Library& library();
    Log& log();

  private:
    const CommandTraits& traits_;
    const Settings& settings_;
    const Output& output_;
    std::optional<Library> library_;
    std::optional<Log> log_;
    // Unreadable lines already reported: advice may read the log a second
    // time (pain on another exercise), and a line is named only once.
    std::set<std::string> warned_;
};

}  // namespace liftlog::cli
