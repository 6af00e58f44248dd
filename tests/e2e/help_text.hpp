#pragma once
// What `liftlog --help` says: the commands and long options the binary has,
// for tests that check completion and the man page against it.
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "harness.hpp"
#include "support.hpp"

namespace e2e {

// The commands `liftlog --help` lists under "Subcommands:".
inline std::vector<std::string> help_commands(const Sandbox& sandbox) {
    const auto help = sandbox.run({"--help"}).out;
    const std::string heading = "\nSubcommands:\n";
    const auto start = help.find(heading);
    if (start == std::string::npos) return {};
    std::vector<std::string> commands;
    for (const auto& line : split_lines(help.substr(start + heading.size()))) {
        if (line.size() < 3 || line[0] != ' ' || line[2] == ' ') break;
        commands.push_back(line.substr(2, line.find(' ', 2) - 2));
    }
    return commands;
}

// The long options in the first column of `liftlog [COMMAND] --help`.
inline std::set<std::string> help_long_options(const Sandbox& sandbox,
                                               const std::vector<std::string>& command) {
    std::vector<std::string> args = command;
    args.push_back("--help");
    std::set<std::string> options;
    static const std::regex name("--[a-z][a-z-]*");
    for (const auto& line : split_lines(sandbox.run(args).out)) {
        if (!starts_with(line, "  -")) continue;
        const std::string names = line.substr(2, line.find(' ', 2) - 2);
        for (std::sregex_iterator it(names.begin(), names.end(), name), end; it != end; ++it)
            options.insert(it->str());
    }
    return options;
}

}  // namespace e2e
