// `liftlog completion`: each shell's script is loaded into that shell and asked
// to complete real command lines; the answers must follow the binary's own
// --help (every command, every option) and its library (exercise and plan ids).
#include <catch2/catch.hpp>

#include <algorithm>
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

using Words = std::set<std::string>;

bool shell_installed(const std::string& shell) {
    return fs::exists("/usr/bin/" + shell) || fs::exists("/bin/" + shell);
}

std::string single_quoted(const std::string& text) {
    std::string quoted = "'";
    for (const char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

struct ShellResult {
    int status = -1;
    std::string out;
};

// Runs `shell ARGS...` in the sandbox's environment, with the liftlog under
// test first on PATH, as it would be when a user presses TAB.
ShellResult run_shell(const e2e::Sandbox& sandbox, const std::string& shell,
                      const std::vector<std::string>& args) {
    const fs::path bin = fs::path(LIFTLOG_BINARY).parent_path();
    const fs::path dir = sandbox.dir();
    std::string command = "cd " + single_quoted(dir.string()) + " && timeout 60 env -i" +
                          " HOME=" + single_quoted((dir / "home").string()) +
                          " XDG_CONFIG_HOME=" + single_quoted((dir / "config").string()) +
                          " XDG_DATA_HOME=" + single_quoted((dir / "data").string()) +
                          " PATH=" + single_quoted(bin.string() + ":/usr/bin:/bin") +
                          " TZ=UTC LC_ALL=C.UTF-8 " + shell;
    for (const auto& arg : args) command += " " + single_quoted(arg);
    command += " 2>&1";
    ShellResult result;
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
        result.out.append(buffer, n);
    const int status = ::pclose(pipe);
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

fs::path write_script(const e2e::Sandbox& sandbox, const std::string& shell,
                      const fs::path& relative) {
    const auto result = sandbox.run({"completion", shell});
    REQUIRE(result.status == 0);
    REQUIRE(result.err.empty());
    sandbox.write_file(relative, result.out);
    return sandbox.dir() / relative;
}

Words lines_of(const std::string& text) {
    const auto lines = e2e::split_lines(text);
    return {lines.begin(), lines.end()};
}

// What bash's completion function puts in COMPREPLY for `words`, the last
// of which is the word being completed.
Words bash_complete(const e2e::Sandbox& sandbox, const std::vector<std::string>& words) {
    const fs::path script = write_script(sandbox, "bash", "liftlog.bash");
    std::string line;
    for (const auto& word : words) line += " " + single_quoted(word);
    sandbox.write_file("drive.bash",
                       "source " + single_quoted(script.string()) + "\nCOMP_WORDS=(" + line +
                           ")\nCOMP_CWORD=$((${#COMP_WORDS[@]} - 1))\nCOMPREPLY=()\n_liftlog\n"
                           "printf '%s\\n' \"${COMPREPLY[@]}\"\n");
    const auto result = run_shell(sandbox, "bash", {"--norc", "--noprofile", "drive.bash"});
    REQUIRE(result.status == 0);
    Words reply = lines_of(result.out);
    reply.erase("");
    return reply;
}

// zsh completes only in its line editor: a zsh on a pseudo-terminal (zpty)
// types the line and TAB, and every match is echoed as MATCH:word.
constexpr const char* kZshDriver = R"zsh(zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "PS1=''; autoload -Uz compinit; compinit -u -D"
zpty -w z "fpath=($1 \$fpath); autoload -Uz _liftlog"
zpty -w z "compadd() { local -a hits; builtin compadd -O hits \"\$@\"; print -rl -- \${hits/#/\${:-MA}TCH:}; builtin compadd \"\$@\" }"
zpty -w z "_liftlog_traced() { _liftlog \"\$@\"; print \${:-COMPLETION}-DONE }; compdef _liftlog_traced liftlog"
zpty -n -w z "$2"$'\t'
zpty -r z out '*COMPLETION-DONE*'
print -r -- "$out"
zpty -d z
)zsh";

Words zsh_complete(const e2e::Sandbox& sandbox, const std::string& line) {
    write_script(sandbox, "zsh", "zsh-functions/_liftlog");
    sandbox.write_file("drive.zsh", kZshDriver);
    const auto result = run_shell(
        sandbox, "zsh", {"-f", "drive.zsh", (sandbox.dir() / "zsh-functions").string(), line});
    REQUIRE(result.status == 0);
    Words matches;
    static const std::regex match("MATCH:([A-Za-z0-9_./+-]+)");
    for (std::sregex_iterator it(result.out.begin(), result.out.end(), match), end; it != end; ++it)
        matches.insert((*it)[1]);
    return matches;
}

// fish answers `complete -C LINE` with one "match<TAB>description" a line.
Words fish_complete(const e2e::Sandbox& sandbox, const std::string& line) {
    const fs::path script = write_script(sandbox, "fish", "liftlog.fish");
    const auto result = run_shell(
        sandbox, "fish",
        {"--no-config", "-c",
         "source " + single_quoted(script.string()) + "; complete -C " + single_quoted(line)});
    REQUIRE(result.status == 0);
    Words matches;
    for (const auto& entry : e2e::split_lines(result.out))
        if (!entry.empty()) matches.insert(entry.substr(0, entry.find('\t')));
    return matches;
}

Words exercise_ids(const e2e::Sandbox& sandbox) {
    Words ids;
    for (const auto& exercise : e2e::parse_json(sandbox.run({"list", "--format", "json"}).out))
        ids.insert(exercise["id"].get<std::string>());
    return ids;
}

Words starting_with(const Words& words, const std::string& prefix) {
    Words matching;
    for (const auto& word : words)
        if (e2e::starts_with(word, prefix)) matching.insert(word);
    return matching;
}

void add_user_exercise(const e2e::Sandbox& sandbox) {
    sandbox.write_file("config/liftlog/exercises/zercher-squat.json",
                       e2e::exercise_definition("zercher-squat", "Zercher Squat"));
}

const Words kPlans = {"back-workout", "lower-back"};

}  // namespace

TEST_CASE("completion --ids prints the library's ids, the user's own included",
          "[e2e][completion]") {
    e2e::Sandbox sandbox;
    add_user_exercise(sandbox);
    const auto exercises = sandbox.run({"completion", "--ids", "exercises"});
    CHECK(exercises.status == 0);
    CHECK(lines_of(exercises.out) == exercise_ids(sandbox));
    CHECK(lines_of(exercises.out).contains("zercher-squat"));
    const auto plans = sandbox.run({"completion", "--ids", "plans"});
    CHECK(plans.status == 0);
    CHECK(lines_of(plans.out) == kPlans);
    // Hidden: it is for the scripts, not for people.
    CHECK_FALSE(contains(sandbox.run({"completion", "--help"}).out, "--ids"));
}

TEST_CASE("completion refuses an unknown or missing shell", "[e2e][completion]") {
    e2e::Sandbox sandbox;
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"completion"}, {"completion", "tcsh"}, {"completion", "--ids", "muscles"}}) {
        const auto result = sandbox.run(args);
        CHECK(result.status == 2);
        CHECK(result.out.empty());
        CHECK(e2e::is_single_error(result.err));
    }
}

TEST_CASE("bash completes every command and every option --help lists", "[e2e][completion]") {
    e2e::Sandbox sandbox;
    const auto commands = help_commands(sandbox);
    REQUIRE(commands.size() >= 10);
    CHECK(bash_complete(sandbox, {"liftlog", ""}) == Words(commands.begin(), commands.end()));
    CHECK(bash_complete(sandbox, {"liftlog", "pr"}) == Words{"progress"});
    CHECK(bash_complete(sandbox, {"liftlog", "mer"}) == Words{"merge"});
    const Words globals = help_long_options(sandbox, {});
    CHECK(globals.contains("--format"));
    CHECK(starting_with(bash_complete(sandbox, {"liftlog", "--"}), "--") == globals);
    for (const auto& command : commands) {
        INFO("liftlog " << command);
        Words expected = help_long_options(sandbox, {command});
        expected.insert(globals.begin(), globals.end());
        CHECK(starting_with(bash_complete(sandbox, {"liftlog", command, "--"}), "--") == expected);
    }
}

TEST_CASE("bash completes exercise and plan ids from the library", "[e2e][completion]") {
    e2e::Sandbox sandbox;
    add_user_exercise(sandbox);
    const Words all = exercise_ids(sandbox);
    CHECK(bash_complete(sandbox, {"liftlog", "show", "deadl"}) == Words{"deadlift"});
    CHECK(bash_complete(sandbox, {"liftlog", "show", ""}) == all);
    CHECK(bash_complete(sandbox, {"liftlog", "log", "zer"}) == Words{"zercher-squat"});
    CHECK(bash_complete(sandbox, {"liftlog", "progress", "romanian"}) ==
          Words{"romanian-deadlift"});
    CHECK(bash_complete(sandbox, {"liftlog", "--today", "2026-11-20", "plan", ""}) == kPlans);
    // history takes any number of exercises, and --exercise too.
    CHECK(bash_complete(sandbox, {"liftlog", "history", "deadlift", "rom"}) ==
          starting_with(all, "rom"));
    CHECK(bash_complete(sandbox, {"liftlog", "history", "--exercise", "deadl"}) ==
          Words{"deadlift"});
    // After log's exercise come sets, which are not ids.
    CHECK(bash_complete(sandbox, {"liftlog", "log", "deadlift", ""}).empty());
}

TEST_CASE("bash passes --exercises from the line to the id lookup", "[e2e][completion]") {
    e2e::Sandbox sandbox;
    sandbox.write_file("mine/landmine-press.json",
                       e2e::exercise_definition("landmine-press", "Landmine Press"));
    CHECK(bash_complete(sandbox, {"liftlog", "show", "land"}).empty());
    CHECK(bash_complete(sandbox, {"liftlog", "--exercises", "mine", "show", "land"}) ==
          Words{"landmine-press"});
}

TEST_CASE("bash completes the values of options with a fixed set", "[e2e][completion]") {
    e2e::Sandbox sandbox;
    CHECK(bash_complete(sandbox, {"liftlog", "--format", ""}) ==
          Words{"text", "json", "csv", "jsonl"});
    CHECK(bash_complete(sandbox, {"liftlog", "-O", "js"}) == Words{"json", "jsonl"});
    // bash splits --format=js into --format, = and js.
    CHECK(bash_complete(sandbox, {"liftlog", "--format", "=", "js"}) == Words{"json", "jsonl"});
    CHECK(bash_complete(sandbox, {"liftlog", "--format", "="}) ==
          Words{"text", "json", "csv", "jsonl"});
    CHECK(bash_complete(sandbox, {"liftlog", "list", "--color", ""}) ==
          Words{"auto", "always", "never"});
    CHECK(bash_complete(sandbox, {"liftlog", "--unit", ""}) == Words{"kg", "lb"});
    CHECK(bash_complete(sandbox, {"liftlog", "completion", ""}) == Words{"bash", "zsh", "fish"});
    CHECK(bash_complete(sandbox, {"liftlog", "import", "--from", "strong"}) ==
          Words{"strong", "stronglifts"});
    // A value is not taken for the command.
    CHECK(bash_complete(sandbox, {"liftlog", "--format", "json", "sh"}) == Words{"show"});
    CHECK(bash_complete(sandbox, {"liftlog", "--no-cache", "sh"}) == Words{"show"});
}

TEST_CASE("bash completes file names for --log and import's file", "[e2e][completion]") {
    e2e::Sandbox sandbox;
    sandbox.write_file("strong-export.csv", "");
    CHECK(bash_complete(sandbox, {"liftlog", "--log", "strong-"}) == Words{"strong-export.csv"});
    CHECK(bash_complete(sandbox, {"liftlog", "import", "strong-"}) == Words{"strong-export.csv"});
    sandbox.write_file("phone-log.jsonl", "");
    CHECK(bash_complete(sandbox, {"liftlog", "merge", "phone-"}) == Words{"phone-log.jsonl"});
}

TEST_CASE("the zsh script declares every command and passes zsh -n", "[e2e][completion]") {
    e2e::Sandbox sandbox;
    const fs::path script = write_script(sandbox, "zsh", "zsh-functions/_liftlog");
    const std::string text = e2e::read_file(script);
    CHECK(e2e::starts_with(text, "#compdef liftlog\n"));
    for (const auto& command : help_commands(sandbox)) {
        INFO(command);
        CHECK(contains(text, "\n        '" + command + ":"));
        CHECK(contains(text, "\n                " + command + ")\n"));
    }
    if (!shell_installed("zsh")) {
        WARN("zsh is not installed: only the script's text was checked");
        return;
    }
    const auto syntax = run_shell(sandbox, "zsh", {"-n", script.string()});
    CHECK(syntax.status == 0);
    CHECK(syntax.out.empty());
}

TEST_CASE("zsh completes commands, ids and option values", "[e2e][completion]") {
    if (!shell_installed("zsh")) {
        WARN("zsh is not installed: skipped");
        return;
    }
    e2e::Sandbox sandbox;
    add_user_exercise(sandbox);
    CHECK(zsh_complete(sandbox, "liftlog sh") == Words{"show"});
    CHECK(zsh_complete(sandbox, "liftlog show deadl") == Words{"deadlift"});
    CHECK(zsh_complete(sandbox, "liftlog log zer") == Words{"zercher-squat"});
    CHECK(zsh_complete(sandbox, "liftlog plan ") == kPlans);
    CHECK(zsh_complete(sandbox, "liftlog history --exercise deadl") == Words{"deadlift"});
    CHECK(zsh_complete(sandbox, "liftlog --format=") == Words{"text", "json", "csv", "jsonl"});
    CHECK(zsh_complete(sandbox, "liftlog completion ") == Words{"bash", "zsh", "fish"});
    CHECK(zsh_complete(sandbox, "liftlog log deadlift 3x5 --rp") == Words{"--rpe"});
}

TEST_CASE("the fish script declares every command and passes fish -n", "[e2e][completion]") {
    e2e::Sandbox sandbox;
    const fs::path script = write_script(sandbox, "fish", "liftlog.fish");
    const std::string text = e2e::read_file(script);
    for (const auto& command : help_commands(sandbox)) {
        INFO(command);
        CHECK(contains(text, "-n '__liftlog_at -' -a " + command + " "));
    }
    if (!shell_installed("fish")) {
        WARN("fish is not installed: only the script's text was checked");
        return;
    }
    const auto syntax = run_shell(sandbox, "fish", {"--no-config", "-n", script.string()});
    CHECK(syntax.status == 0);
    CHECK(syntax.out.empty());
}

TEST_CASE("fish completes commands, options, ids and option values", "[e2e][completion]") {
    if (!shell_installed("fish")) {
        WARN("fish is not installed: skipped");
        return;
    }
    e2e::Sandbox sandbox;
    add_user_exercise(sandbox);
    const auto commands = help_commands(sandbox);
    CHECK(fish_complete(sandbox, "liftlog ") == Words(commands.begin(), commands.end()));
    CHECK(fish_complete(sandbox, "liftlog show deadl") == Words{"deadlift"});
    CHECK(fish_complete(sandbox, "liftlog log zer") == Words{"zercher-squat"});
    CHECK(fish_complete(sandbox, "liftlog log deadlift ").empty());
    CHECK(fish_complete(sandbox, "liftlog plan ") == kPlans);
    CHECK(fish_complete(sandbox, "liftlog history --exercise deadl") == Words{"deadlift"});
    CHECK(fish_complete(sandbox, "liftlog --format ") == Words{"text", "json", "csv", "jsonl"});
    CHECK(fish_complete(sandbox, "liftlog -O json pro") == Words{"progress"});
    CHECK(fish_complete(sandbox, "liftlog completion ") == Words{"bash", "zsh", "fish"});
    Words expected = help_long_options(sandbox, {"import"});
    const Words globals = help_long_options(sandbox, {});
    expected.insert(globals.begin(), globals.end());
    CHECK(starting_with(fish_complete(sandbox, "liftlog import --"), "--") == expected);
}
