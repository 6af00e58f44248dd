#pragma once
// Shell completion scripts, written from the command line as CLI11 knows it,
// so a new command or option is completed without anyone touching the scripts.
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace liftlog::cli::completion {

// What the value of an option, or a positional argument, completes to.
enum class Values { flag, free_text, words, exercises, plans, files, directories };

struct Argument {
    std::vector<std::string> names;  // "-O", "--format"; for a positional, its name
    std::string help;
    Values values = Values::flag;
    std::vector<std::string> words;  // the choices, when values is Values::words
    bool repeats = false;            // may be given any number of times
};

struct Command {
    std::string name;
    std::string help;
    std::vector<Argument> options;  // its own, without the global ones
    std::vector<Argument> positionals;
};

struct Cli {
    std::string program;
    std::vector<Argument> global_options;
    std::vector<Command> commands;
};

// The visible commands and options of `root`, in the order they were added.
Cli describe(const CLI::App& root);

std::string bash_script(const Cli& cli);
std::string zsh_script(const Cli& cli);
std::string fish_script(const Cli& cli);

}  // namespace liftlog::cli::completion
