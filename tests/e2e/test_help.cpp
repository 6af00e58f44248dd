// Help and the man page follow the binary: every command's --help leads with
// examples, and docs/liftlog.1 documents every command and option it has.
#include <catch2/catch.hpp>

#include <cstdio>
#include <regex>
#include <set>

#include "harness.hpp"
#include "help_text.hpp"
#include "support.hpp"

using e2e::contains;
using e2e::help_commands;
using e2e::help_long_options;

namespace fs = std::filesystem;

namespace {

const fs::path kManPage = fs::path(LIFTLOG_SOURCE_DIR) / "docs" / "liftlog.1";

// The man page's text with roff's escapes for dashes and fonts undone.
std::string man_page_text() {
    std::string text = e2e::read_file(kManPage);
    text = std::regex_replace(text, std::regex(R"(\\f[BIRP])"), "");
    text = std::regex_replace(text, std::regex(R"(\\-)"), "-");
    return text;
}

// The section of the man page about `command`: from its .SS heading to the next heading.
std::string man_section(const std::string& text, const std::string& command) {
    const std::string heading = "\n.SS " + command + "\n";
    const auto start = text.find(heading);
    if (start == std::string::npos) return {};
    const auto end = text.find("\n.S", start + heading.size());
    return text.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// True when a .TP paragraph's term (the line after .TP) names `option`.
bool has_term(const std::string& text, const std::string& option) {
    const auto lines = e2e::split_lines(text);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i)
        if (lines[i] == ".TP" && contains(lines[i + 1], option)) return true;
    return false;
}

struct CommandOutput {
    int status = -1;
    std::string out;
    std::string err;
};

CommandOutput capture(const e2e::Sandbox& sandbox, const std::string& command) {
    CommandOutput result;
    const fs::path err_file = sandbox.dir() / "command.err";
    FILE* pipe = ::popen((command + " 2>'" + err_file.string() + "'").c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
        result.out.append(buffer, n);
    const int status = ::pclose(pipe);
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.err = e2e::read_file(err_file);
    return result;
}

}  // namespace

TEST_CASE("every command's --help shows its examples before the option lists", "[e2e][help]") {
    e2e::Sandbox sandbox;
    const auto commands = help_commands(sandbox);
    REQUIRE(commands.size() >= 10);
    for (const auto& command : commands) {
        INFO("liftlog " << command << " --help");
        const auto result = sandbox.run({command, "--help"});
        CHECK(result.status == 0);
        CHECK(result.err.empty());
        const auto usage = result.out.find("Usage: liftlog " + command);
        const auto examples = result.out.find("\nExamples:\n");
        const auto options = result.out.find("\nOptions:\n");
        REQUIRE(usage != std::string::npos);
        REQUIRE(examples != std::string::npos);
        REQUIRE(options != std::string::npos);
        CHECK(usage < examples);
        CHECK(examples < options);
        CHECK(examples < result.out.find("\nPositionals:\n"));  // npos when there are none
        // The examples run this very command.
        const std::string block = result.out.substr(examples, options - examples);
        CHECK(contains(block, "\n  "));
        CHECK(contains(block, "liftlog " + command));
        CHECK(contains(result.out, "--help"));
    }
}

TEST_CASE("the top-level help leads with examples and keeps the rest of its footer",
          "[e2e][help]") {
    e2e::Sandbox sandbox;
    const auto help = sandbox.run({"--help"}).out;
    const auto examples = help.find("\nExamples:\n");
    const auto options = help.find("\nOptions:\n");
    const auto subcommands = help.find("\nSubcommands:\n");
    const auto files = help.find("\nFiles:\n");
    REQUIRE(examples != std::string::npos);
    CHECK(examples < options);
    CHECK(options < subcommands);
    // The footer's other sections stay at the end.
    CHECK(subcommands < files);
    CHECK(files != std::string::npos);
    // log --help: its set notation stays after the options.
    const auto log_help = sandbox.run({"log", "--help"}).out;
    CHECK(log_help.find("\nExamples:\n") < log_help.find("\nOptions:\n"));
    CHECK(log_help.find("\nOptions:\n") < log_help.find("\nSet notation:\n"));
    CHECK(log_help.find("\nSet notation:\n") != std::string::npos);
}

TEST_CASE("the man page documents every command and option the binary has", "[e2e][man]") {
    e2e::Sandbox sandbox;
    REQUIRE(fs::exists(kManPage));
    const std::string text = man_page_text();
    const auto globals = help_long_options(sandbox, {});
    for (const auto& option : globals) {
        INFO("global option " << option);
        CHECK(has_term(text, option));
    }
    for (const auto& command : help_commands(sandbox)) {
        INFO("command " << command);
        const std::string section = man_section(text, command);
        CHECK_FALSE(section.empty());
        for (const auto& option : help_long_options(sandbox, {command})) {
            if (globals.contains(option)) continue;
            INFO("option " << option);
            CHECK(contains(section, option));
        }
    }
    for (const char* variable :
         {"LIFTLOG_LOG", "LIFTLOG_UNIT", "LIFTLOG_CONFIG", "LIFTLOG_NO_CACHE", "NO_COLOR",
          "COLUMNS", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"}) {
        INFO(variable);
        CHECK(contains(text, std::string("\n.B ") + variable + "\n"));
    }
    for (const char* section : {".SH SYNOPSIS", ".SH COMMANDS", ".SH OPTIONS", ".SH ENVIRONMENT",
                                ".SH FILES", ".SH EXIT STATUS", ".SH EXAMPLES"}) {
        INFO(section);
        CHECK(contains(text, std::string("\n") + section + "\n"));
    }
}

TEST_CASE("the man page renders without warnings", "[e2e][man]") {
    if (!fs::exists("/usr/bin/groff")) {
        WARN("groff is not installed: the man page was not rendered");
        return;
    }
    e2e::Sandbox sandbox;
    const std::string page = "'" + kManPage.string() + "'";
    const auto rendered = capture(sandbox, "groff -man -Tutf8 -ww -b -z " + page);
    CHECK(rendered.status == 0);
    CHECK(rendered.err.empty());
    const auto text = capture(sandbox, "groff -man -Tascii -P-c -P-b -P-u " + page);
    CHECK(text.status == 0);
    CHECK(contains(text.out, "liftlog - a strength-training log for the terminal"));
    CHECK(contains(text.out, "EXIT STATUS"));
}
