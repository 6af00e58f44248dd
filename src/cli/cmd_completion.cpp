// liftlog completion bash|zsh|fish: a completion script for the shell, made
// from the command line as it is, so it names every command and option.
#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>

#include "commands.hpp"
#include "completion.hpp"
#include "liftlog/error.hpp"
#include "services.hpp"

namespace liftlog::cli {

namespace {

struct CompletionArguments {
    std::string shell;
    std::string ids;  // exercises or plans: what the scripts ask for at TAB time
};

void print_ids(Services& services, const std::string& kind) {
    const Library& library = services.library();
    if (kind == "plans") {
        for (const auto& [id, plan] : library.plans()) services.out() << id << '\n';
        return;
    }
    for (const auto& [id, exercise] : library.exercises()) services.out() << id << '\n';
}

void print_script(const CLI::App& root, const std::string& shell, std::ostream& out) {
    const completion::Cli cli = completion::describe(root);
    if (shell == "bash") out << completion::bash_script(cli);
    if (shell == "zsh") out << completion::zsh_script(cli);
    if (shell == "fish") out << completion::fish_script(cli);
}

}  // namespace

void add_completion_command(CLI::App& app, Services& services) {
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
    services.declare_formats("completion", {OutputFormat::text});
    command->callback([&services, &app, args] {
        if (!args->ids.empty()) return print_ids(services, args->ids);
        if (args->shell.empty()) throw UsageError("completion: name the shell: bash, zsh or fish");
        print_script(app, args->shell, services.out());
    });
}

}  // namespace liftlog::cli
