#include "completion.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace liftlog::cli::completion {

namespace {

// Choices of options that CLI11 does not check against a set, because their
// own error messages explain a bad value better than "not in {...}".
const std::map<std::string, std::vector<std::string>> kUncheckedChoices = {
    {"--unit", {"kg", "lb"}},
    {"--from", {"strong", "hevy", "fitnotes", "stronglifts"}},
    {"--chart", {"top", "e1rm", "volume", "time", "distance"}},
};
// Which arguments name exercises, plans, files or directories, by name: the
// same name means the same thing in every command.
const std::set<std::string> kExerciseArguments = {"--exercise", "exercise"};
const std::set<std::string> kPlanArguments = {"--plan", "plan"};
const std::set<std::string> kFileArguments = {"--log", "--config", "--map", "file", "files"};
const std::set<std::string> kDirectoryArguments = {"--exercises"};

// "TEXT:{text,json,csv}" gives text, json and csv: the set an IsMember check
// shows in the help.
std::vector<std::string> checked_choices(const std::string& type_name) {
    const auto open = type_name.find(":{");
    if (open == std::string::npos) return {};
    const auto close = type_name.find('}', open);
    if (close == std::string::npos) return {};
    std::vector<std::string> choices;
    std::istringstream list(type_name.substr(open + 2, close - open - 2));
    for (std::string choice; std::getline(list, choice, ',');) choices.push_back(choice);
    return choices;
}

bool has_any_name(const Argument& argument, const std::set<std::string>& names) {
    return std::any_of(argument.names.begin(), argument.names.end(),
                       [&names](const std::string& name) { return names.contains(name); });
}

void classify_values(Argument& argument, const CLI::Option& option) {
    if (option.get_items_expected_max() == 0) {
        argument.values = Values::flag;
        return;
    }
    argument.words = checked_choices(option.get_type_name());
    for (const auto& name : argument.names)
        if (const auto known = kUncheckedChoices.find(name);
            argument.words.empty() && known != kUncheckedChoices.end())
            argument.words = known->second;
    argument.values = !argument.words.empty()                       ? Values::words
                      : has_any_name(argument, kExerciseArguments)  ? Values::exercises
                      : has_any_name(argument, kPlanArguments)      ? Values::plans
                      : has_any_name(argument, kFileArguments)      ? Values::files
                      : has_any_name(argument, kDirectoryArguments) ? Values::directories
                                                                    : Values::free_text;
}

bool is_positional(const CLI::Option& option) {
    return option.get_snames().empty() && option.get_lnames().empty();
}

Argument describe_option(const CLI::Option& option) {
    Argument argument;
    if (is_positional(option)) {
        argument.names.push_back(option.get_name(true));
    } else {
        for (const auto& name : option.get_snames()) argument.names.push_back("-" + name);
        for (const auto& name : option.get_lnames()) argument.names.push_back("--" + name);
    }
    argument.help = option.get_description();
    argument.repeats = option.get_items_expected_max() > 1;
    classify_values(argument, option);
    return argument;
}

// Hidden options (an empty group) are for scripts such as these, not for people.
std::vector<const CLI::Option*> visible_options(const CLI::App& app) {
    return app.get_options([](const CLI::Option* option) { return !option->get_group().empty(); });
}

bool is_global(const Argument& option, const std::vector<Argument>& globals) {
    return std::any_of(globals.begin(), globals.end(),
                       [&option](const Argument& global) { return global.names == option.names; });
}

Command describe_command(const CLI::App& app, const std::vector<Argument>& globals) {
    Command command{app.get_name(), app.get_description(), {}, {}};
    for (const CLI::Option* option : visible_options(app)) {
        Argument argument = describe_option(*option);
        if (is_positional(*option))
            command.positionals.push_back(std::move(argument));
        else if (!is_global(argument, globals))
            command.options.push_back(std::move(argument));
    }
    return command;
}

std::vector<std::string> all_names(const std::vector<Argument>& arguments) {
    std::vector<std::string> names;
    for (const auto& argument : arguments)
        names.insert(names.end(), argument.names.begin(), argument.names.end());
    return names;
}

std::string value_kind(const Argument& argument) {
    switch (argument.values) {
        case Values::flag:
            return "flag";
        case Values::free_text:
            return "none";
        case Values::words:
            return fmt::format("words {}", fmt::join(argument.words, " "));
        case Values::exercises:
            return "exercises";
        case Values::plans:
            return "plans";
        case Values::files:
            return "files";
        case Values::directories:
            return "dirs";
    }
    return "none";
}

}  // namespace

Cli describe(const CLI::App& root) {
    Cli cli;
    cli.program = root.get_name();
    for (const CLI::Option* option : visible_options(root))
        if (!is_positional(*option)) cli.global_options.push_back(describe_option(*option));
    for (const CLI::App* command : root.get_subcommands({}))
        if (!command->get_name().empty() && !command->get_group().empty())
            cli.commands.push_back(describe_command(*command, cli.global_options));
    return cli;
}

// ---------------------------------------------------------------------------
// bash

namespace {

// The case arm that tells the bash script what an option's value is.
std::string bash_option_arms(const std::vector<Argument>& options, const std::string& command) {
    std::string arms;
    for (const auto& option : options) {
        std::vector<std::string> patterns;
        for (const auto& name : option.names)
            patterns.push_back(command.empty() ? name : fmt::format("\"{} {}\"", command, name));
        arms += fmt::format("        {}) echo {}; return ;;\n", fmt::join(patterns, " | "),
                            value_kind(option));
    }
    return arms;
}

// Positional arguments by index; a repeating one matches every later index.
std::string bash_positional_arms(const Command& command) {
    std::string arms;
    for (std::size_t index = 0; index < command.positionals.size(); ++index) {
        const Argument& positional = command.positionals[index];
        const std::string pattern = positional.repeats
                                        ? fmt::format("\"{} \"*", command.name)
                                        : fmt::format("\"{} {}\"", command.name, index);
        const std::string kind =
            positional.values == Values::free_text ? "none" : value_kind(positional);
        arms += fmt::format("        {}) echo {} ;;\n", pattern, kind);
    }
    return arms;
}

std::string bash_command_option_arms(const Cli& cli) {
    std::string arms;
    for (const auto& command : cli.commands)
        if (!command.options.empty())
            arms += fmt::format("        {}) echo {} ;;\n", command.name,
                                fmt::join(all_names(command.options), " "));
    return arms;
}

std::vector<std::string> command_names(const Cli& cli) {
    std::vector<std::string> names;
    for (const auto& command : cli.commands) names.push_back(command.name);
    return names;
}

constexpr const char* kBashTemplate =
    R"script(# bash completion for {program}; generated by `{program} completion bash`.
# Install: save it as ~/.local/share/bash-completion/completions/{program},
# or add `source <({program} completion bash)` to ~/.bashrc.

# Exercise or plan ids ($1), from the library {program} itself loads, so your
# own definitions are completed too; --exercises and --config on the line
# being completed are passed on.
_{program}_ids() {{
    local -a context=()
    local i
    for ((i = 1; i + 1 < COMP_CWORD; i++)); do
        case ${{COMP_WORDS[i]}} in
            --exercises | --config) context+=("${{COMP_WORDS[i]}}" "${{COMP_WORDS[i + 1]/#\~/$HOME}}") ;;
        esac
    done
    "${{COMP_WORDS[0]/#\~/$HOME}}" "${{context[@]}}" completion --ids "$1" 2>/dev/null
}}

# What the value of option $2 of command $1 is: flag (no value), none (free
# text), words WORD..., exercises, plans, files or dirs.
_{program}_option() {{
    case "$1 $2" in
{command_option_arms}    esac
    case $2 in
{global_option_arms}        *) echo flag ;;
    esac
}}

# What positional argument $2 (from 0) of command $1 is.
_{program}_positional() {{
    case "$1 $2" in
{positional_arms}        *) echo none ;;
    esac
}}

# The options command $1 accepts: its own, then the global ones.
_{program}_options() {{
    case $1 in
{options_arms}    esac
    echo {global_options}
}}

# COMPREPLY for the word $1, from a kind as _{program}_option prints it.
_{program}_reply() {{
    local cur=$1 kind=$2
    shift 2
    case $kind in
        words) mapfile -t COMPREPLY < <(compgen -W "$*" -- "$cur") ;;
        exercises | plans) mapfile -t COMPREPLY < <(compgen -W "$(_{program}_ids "$kind")" -- "$cur") ;;
        files)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            ;;
        dirs)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -d -- "$cur")
            ;;
        *) COMPREPLY=() ;;
    esac
}}

_{program}() {{
    local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD - 1]}}
    local command= word kind option= i
    local -i arguments=0
    # The command is the first word that is neither an option nor its value.
    # bash splits --option=value at the =, so a lone = belongs to the option.
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${{COMP_WORDS[i]}}
        case $word in
            -*=*) ;;
            -*)
                if [[ $(_{program}_option "$command" "$word") != flag ]]; then
                    ((i++))
                    [[ ${{COMP_WORDS[i]}} == = ]] && ((i++))
                fi
                ;;
            *) if [[ -z $command ]]; then command=$word; else arguments+=1; fi ;;
        esac
    done
    if [[ $cur == = ]]; then
        option=$prev
        cur=
    elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
        option=${{COMP_WORDS[COMP_CWORD - 2]}}
    elif [[ $prev == -* ]]; then
        option=$prev
    fi
    if [[ -n $option ]]; then
        kind=$(_{program}_option "$command" "$option")
        if [[ $kind != flag ]]; then
            _{program}_reply "$cur" $kind
            return
        fi
    fi
    if [[ $cur == -* ]]; then
        _{program}_reply "$cur" words $(_{program}_options "$command")
    elif [[ -z $command ]]; then
        _{program}_reply "$cur" words {commands}
    else
        _{program}_reply "$cur" $(_{program}_positional "$command" "$arguments")
    fi
}}

complete -F _{program} {program}
)script";

}  // namespace

std::string bash_script(const Cli& cli) {
    std::string command_option_arms;
    std::string positional_arms;
    for (const auto& command : cli.commands) {
        command_option_arms += bash_option_arms(command.options, command.name);
        positional_arms += bash_positional_arms(command);
    }
    return fmt::format(kBashTemplate, fmt::arg("program", cli.program),
                       fmt::arg("command_option_arms", command_option_arms),
                       fmt::arg("global_option_arms", bash_option_arms(cli.global_options, "")),
                       fmt::arg("positional_arms", positional_arms),
                       fmt::arg("options_arms", bash_command_option_arms(cli)),
                       fmt::arg("global_options", fmt::join(all_names(cli.global_options), " ")),
                       fmt::arg("commands", fmt::join(command_names(cli), " ")));
}

// ---------------------------------------------------------------------------
// zsh

namespace {

// Text for inside single quotes in a zsh _arguments spec, where brackets and
// colons have meanings of their own.
std::string zsh_text(const std::string& text) {
    std::string quoted;
    for (const char c : text) {
        if (c == '\'')
            quoted += "'\\''";
        else if (c == '[' || c == ']' || c == ':' || c == '\\')
            quoted += std::string("\\") + c;
        else
            quoted += c;
    }
    return quoted;
}

std::string zsh_action(const Argument& argument, const std::string& program) {
    switch (argument.values) {
        case Values::words:
            return fmt::format("({})", fmt::join(argument.words, " "));
        // In braces: _arguments would put its own options before a command's arguments.
        case Values::exercises:
            return fmt::format("{{_{}_ids exercises}}", program);
        case Values::plans:
            return fmt::format("{{_{}_ids plans}}", program);
        case Values::files:
            return "_files";
        case Values::directories:
            return "_files -/";
        case Values::flag:
        case Values::free_text:
            break;
    }
    return " ";
}

std::string zsh_value_name(const Argument& argument) {
    std::string name = argument.names.back();
    name.erase(0, name.find_first_not_of('-'));
    return name;
}

// One _arguments spec, such as '(-O --format)'{-O+,--format=}'[...]:format:(text json)'.
std::string zsh_option_spec(const Argument& option, const std::string& program) {
    const bool takes_value = option.values != Values::flag;
    std::vector<std::string> forms;
    for (const auto& name : option.names)
        forms.push_back(!takes_value ? name : name.starts_with("--") ? name + "=" : name + "+");
    const std::string exclusions =
        option.repeats ? "'*'" : fmt::format("'({})'", fmt::join(option.names, " "));
    const std::string names =
        forms.size() == 1 ? forms.front() : fmt::format("{{{}}}", fmt::join(forms, ","));
    std::string spec = fmt::format("{}{}'[{}]", exclusions, names, zsh_text(option.help));
    if (takes_value)
        spec += fmt::format(":{}:{}", zsh_value_name(option), zsh_action(option, program));
    return spec + "'";
}

std::string zsh_positional_spec(const Argument& positional, std::size_t index,
                                const std::string& program) {
    const std::string position = positional.repeats ? "*" : std::to_string(index + 1);
    return fmt::format("'{}:{}:{}'", position, zsh_text(positional.names.front()),
                       zsh_action(positional, program));
}

std::string zsh_global_specs(const Cli& cli) {
    std::string lines;
    for (const auto& option : cli.global_options)
        lines += "        " + zsh_option_spec(option, cli.program) + "\n";
    return lines;
}

// The case arm that completes one command's own options and arguments.
std::string zsh_command_arm(const Command& command, const std::string& program) {
    std::vector<std::string> specs = {"\"${globals[@]}\""};
    for (const auto& option : command.options) specs.push_back(zsh_option_spec(option, program));
    for (std::size_t i = 0; i < command.positionals.size(); ++i)
        specs.push_back(zsh_positional_spec(command.positionals[i], i, program));
    return fmt::format(
        "                {})\n                    _arguments {}\n                    ;;\n",
        command.name, fmt::join(specs, " \\\n                        "));
}

std::string zsh_command_list(const Cli& cli) {
    std::string lines;
    for (const auto& command : cli.commands)
        lines += fmt::format("        '{}:{}'\n", command.name, zsh_text(command.help));
    return lines;
}

constexpr const char* kZshTemplate = R"script(#compdef {program}
# zsh completion for {program}; generated by `{program} completion zsh`.
# Install: save it as _{program} in a directory on $fpath, or add
# `source <({program} completion zsh)` to ~/.zshrc after compinit.

# Exercise or plan ids ($1), from the library {program} itself loads, so your
# own definitions are completed too; --exercises and --config on the line
# being completed are passed on.
_{program}_ids() {{
    local -a context ids
    local i
    for ((i = 2; i < ${{#_{program}_line}}; i++)); do
        case ${{_{program}_line[i]}} in
            --exercises | --config) context+=(${{_{program}_line[i]}} ${{_{program}_line[i + 1]/#\~/$HOME}}) ;;
        esac
    done
    ids=(${{(f)"$(${{_{program}_line[1]/#\~/$HOME}} $context completion --ids $1 2>/dev/null)"}})
    _wanted $1 expl ${{1%s}} compadd -a ids
}}

_{program}_commands() {{
    local -a commands=(
{command_list}    )
    _describe -t commands '{program} command' commands
}}

_{program}() {{
    # The whole line, before _arguments narrows $words to the command's part.
    local -a _{program}_line=("${{words[@]}}")
    local curcontext=$curcontext state state_descr line
    typeset -A opt_args
    local -a globals=(
{global_specs}    )
    _arguments -C "${{globals[@]}}" '1: :_{program}_commands' '*:: :->command' && return
    case $state in
        command)
            curcontext=${{curcontext%:*:*}}:{program}-$words[1]:
            case $words[1] in
{command_arms}            esac
            ;;
    esac
}}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
    _{program} "$@"
else
    compdef _{program} {program}
fi
)script";

}  // namespace

std::string zsh_script(const Cli& cli) {
    std::string command_arms;
    for (const auto& command : cli.commands) command_arms += zsh_command_arm(command, cli.program);
    return fmt::format(kZshTemplate, fmt::arg("program", cli.program),
                       fmt::arg("command_list", zsh_command_list(cli)),
                       fmt::arg("global_specs", zsh_global_specs(cli)),
                       fmt::arg("command_arms", command_arms));
}

// ---------------------------------------------------------------------------
// fish

namespace {

std::string fish_quote(const std::string& text) {
    std::string quoted = "'";
    for (const char c : text) {
        if (c == '\'' || c == '\\') quoted += '\\';
        quoted += c;
    }
    return quoted + "'";
}

// The flags of a `complete` line that say what follows an option or fills a position.
std::string fish_value_flags(const Argument& argument, const std::string& program) {
    switch (argument.values) {
        case Values::flag:
            return "";
        case Values::free_text:
            return " -x";
        case Values::words:
            return " -x -a " + fish_quote(fmt::format("{}", fmt::join(argument.words, " ")));
        case Values::exercises:
            return fmt::format(" -x -a '(__{}_ids exercises)'", program);
        case Values::plans:
            return fmt::format(" -x -a '(__{}_ids plans)'", program);
        case Values::files:
            return " -r -F";
        case Values::directories:
            return " -x -a '(__fish_complete_directories)'";
    }
    return "";
}

std::string fish_option_line(const Argument& option, const std::string& program,
                             const std::string& condition) {
    std::string line = "complete -c " + program;
    if (!condition.empty()) line += " -n " + fish_quote(condition);
    for (const auto& name : option.names)
        line += name.starts_with("--") ? " -l " + name.substr(2) : " -s " + name.substr(1);
    return line + fish_value_flags(option, program) + " -d " + fish_quote(option.help) + "\n";
}

std::string fish_positional_line(const Argument& positional, std::size_t index,
                                 const std::string& command, const std::string& program) {
    const std::string at =
        fmt::format("__{}_at {} {}{}", program, command, index, positional.repeats ? "+" : "");
    return fmt::format("complete -c {} -n {}{} -d {}\n", program, fish_quote(at),
                       fish_value_flags(positional, program), fish_quote(positional.help));
}

std::string fish_command_lines(const Cli& cli) {
    std::string lines;
    for (const auto& command : cli.commands)
        lines += fmt::format("complete -c {0} -n '__{0}_at -' -a {1} -d {2}\n", cli.program,
                             command.name, fish_quote(command.help));
    for (const auto& command : cli.commands) {
        const std::string condition = fmt::format("__{}_at {}", cli.program, command.name);
        for (const auto& option : command.options)
            lines += fish_option_line(option, cli.program, condition);
        for (std::size_t i = 0; i < command.positionals.size(); ++i)
            if (command.positionals[i].values != Values::free_text)
                lines += fish_positional_line(command.positionals[i], i, command.name, cli.program);
    }
    return lines;
}

// Every option that takes a value, so that a value is not taken for a command.
std::vector<std::string> options_with_values(const Cli& cli) {
    std::set<std::string> names;
    auto add = [&names](const std::vector<Argument>& options) {
        for (const auto& option : options)
            if (option.values != Values::flag)
                names.insert(option.names.begin(), option.names.end());
    };
    add(cli.global_options);
    for (const auto& command : cli.commands) add(command.options);
    return {names.begin(), names.end()};
}

constexpr const char* kFishTemplate =
    R"script(# fish completion for {program}; generated by `{program} completion fish`.
# Install: save it as ~/.config/fish/completions/{program}.fish, or run
# `{program} completion fish | source`.

# The command on the line (- when there is none yet), then how many of its
# positional arguments come before the one being completed.
function __{program}_state
    set -l words (commandline -opc)
    set -l valued {valued}
    set -l command -
    set -l arguments 0
    set -l skip 0
    for word in $words[2..-1]
        if test $skip = 1
            set skip 0
            continue
        end
        switch $word
            case '--*=*'
            case '-*'
                contains -- $word $valued; and set skip 1
            case '*'
                if test $command = -
                    set command $word
                else
                    set arguments (math $arguments + 1)
                end
        end
    end
    echo $command
    echo $arguments
end

# True when the command is $argv[1] (- for none) and, if given, the argument
# being completed is at index $argv[2] (from 0; N+ for N or later).
function __{program}_at
    set -l state (__{program}_state)
    test "$state[1]" = "$argv[1]"; or return 1
    set -q argv[2]; or return 0
    set -l index (string replace '+' '' -- $argv[2])
    if string match -q '*+' -- $argv[2]
        test $state[2] -ge $index
    else
        test $state[2] -eq $index
    end
end

# Exercise or plan ids ($argv[1]), from the library {program} itself loads, so
# your own definitions are completed too; --exercises and --config on the line
# being completed are passed on.
function __{program}_ids
    set -l words (commandline -opc)
    set -l context
    for i in (seq 2 (math (count $words) - 1))
        if contains -- $words[$i] --exercises --config
            set -a context $words[$i] (string replace -r '^~' $HOME -- $words[(math $i + 1)])
        end
    end
    set -l program (string replace -r '^~' $HOME -- $words[1])
    $program $context completion --ids $argv[1] 2>/dev/null
end

complete -c {program} -f
{global_lines}{command_lines})script";

}  // namespace

std::string fish_script(const Cli& cli) {
    std::string global_lines;
    for (const auto& option : cli.global_options)
        global_lines += fish_option_line(option, cli.program, "");
    return fmt::format(kFishTemplate, fmt::arg("program", cli.program),
                       fmt::arg("valued", fmt::join(options_with_values(cli), " ")),
                       fmt::arg("global_lines", global_lines),
                       fmt::arg("command_lines", fish_command_lines(cli)));
}

}  // namespace liftlog::cli::completion
