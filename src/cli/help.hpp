#pragma once
// Help that leads with examples: most people read the first screen only.
namespace CLI {
class App;
}

namespace liftlog::cli {

// Makes `app` and the subcommands added after this call print the
// "Examples:" block of their footer right after the usage line, before the
// option lists; the rest of the footer stays at the end.
void use_examples_first_help(CLI::App& app);

}  // namespace liftlog::cli
