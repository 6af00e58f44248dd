// liftlog completion bash|zsh|fish: a completion script for the shell, made
// from the command line as it is, so it names every command and option.
#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>

#include "commands.hpp"
#include "completion.hpp"
#include "invocation.hpp"
#include "liftlog/error.hpp"

namespace liftlog::cli {

namespace {

struct CompletionArguments {
    std::string shell;
    std::string ids;  // exercises or plans: what the scripts ask for at TAB time
};

}  // namespace

void run_completion_ids(const std::string& kind, const Library& library, const Output& output) {
    if (kind == "plans") {
        for (const auto& [id, plan] : library.plans()) output.out() << id << '\n';
        return;
    }
    for (const auto& [id, exercise] : library.exercises()) output.out() << id << '\n';
}

void run_completion_script(const std::string& shell, const CLI::App& root, const Output& output) {
    const completion::Cli cli = completion::describe(root);
    if (shell == "bash") output.out() << completion::bash_script(cli);
    if (shell == "zsh") output.out() << completion::zsh_script(cli);
    if (shell == "fish") output.out() << completion::fish_script(cli);
}

Runner add_completion_command(CLI::App& app) {
    auto args = std::make_shared<CompletionArguments>();
    CLI::App* command =
        app.add_subcommand("completion", "Print a shell completion script for bash, zsh or fish");
    command->add_option("shell", args->shell, "The shell: bash, zsh or fish")
        ->check(CLI::IsMember({"bash", "zsh", "fish"}));
    // Hidden: the scripts call it to complete ids, including your own exercises.
    command->add_option("--ids", args->ids, "Print exercise or plan ids, one a line")
        ->check(CLI::IsMember({"exercises", "plans"}))
        ->group("");
    command->footer(
        "Examples:\n"
        "  source <(liftlog completion bash)                     in ~/.bashrc\n"
        "  liftlog completion zsh > ~/.zfunc/_liftlog            with ~/.zfunc on $fpath\n"
        "  liftlog completion fish > ~/.config/fish/completions/liftlog.fish\n"
        "Exercise and plan ids are completed from the library liftlog loads, so your\n"
        "own definitions are included. 'cmake --install' installs all three scripts.");
    return [&app, args](Invocation& run) {
        if (!args->ids.empty()) return run_completion_ids(args->ids, run.library(), run.output());
        if (args->shell.empty()) throw UsageError("completion: name the shell: bash, zsh or fish");
        run_completion_script(args->shell, app, run.output());
    };
}

}  // namespace liftlog::cli
