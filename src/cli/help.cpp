#include "help.hpp"

#include <CLI/CLI.hpp>

#include <memory>
#include <sstream>

namespace liftlog::cli {

namespace {

struct FooterParts {
    std::string examples;  // "Examples:" and the indented lines after it
    std::string rest;
};

bool is_indented(const std::string& line) {
    return !line.empty() && (line.front() == ' ' || line.front() == '\t');
}

FooterParts split_footer(const std::string& footer) {
    FooterParts parts;
    std::istringstream lines(footer);
    bool in_examples = false;
    for (std::string line; std::getline(lines, line);) {
        if (line == "Examples:")
            in_examples = true;
        else if (!is_indented(line))
            in_examples = false;
        (in_examples ? parts.examples : parts.rest) += line + '\n';
    }
    return parts;
}

class ExamplesFirstFormatter : public CLI::Formatter {
  public:
    std::string make_help(const CLI::App* app, std::string name,
                          CLI::AppFormatMode mode) const override {
        if (mode == CLI::AppFormatMode::Sub) return make_expanded(app);
        const FooterParts footer = split_footer(app->get_footer());
        std::ostringstream out;
        out << make_description(app) << make_usage(app, std::move(name));
        if (!footer.examples.empty()) out << '\n' << footer.examples;
        out << make_positionals(app) << make_groups(app, mode) << make_subcommands(app, mode);
        // CLI11 ends some sections with a newline and some without: one blank line before the rest.
        std::string help = out.str();
        help.erase(help.find_last_not_of('\n') + 1);
        help += '\n';
        if (!footer.rest.empty()) help += '\n' + footer.rest;
        return help;
    }
};

}  // namespace

void use_examples_first_help(CLI::App& app) {
    app.formatter(std::make_shared<ExamplesFirstFormatter>());
}

}  // namespace liftlog::cli
