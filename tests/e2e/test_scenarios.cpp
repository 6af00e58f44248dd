// The advice scenarios of tests/data/advice-scenarios.txt (issue 12): each
// scenario logs a multi-week history with the command line, then checks the
// suggestion progress, show or plan gives on a pinned day. The file's header
// describes its line format.
#include <catch2/catch.hpp>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "harness.hpp"
#include "support.hpp"

namespace {

namespace fs = std::filesystem;

// The suite must not shrink without someone noticing.
constexpr std::size_t kFewestScenarios = 60;

struct Line {
    int number = 0;
    std::string keyword;
    std::vector<std::string> words;  // the arguments, split at spaces
    std::string rest;                // everything after the keyword, as written
};

struct Scenario {
    std::string title;
    int number = 0;
    std::vector<Line> lines;
};

// Splits at spaces; "double quotes" keep a note with spaces in one argument.
std::vector<std::string> split_words(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    bool quoted = false;
    bool pending = false;
    for (const char c : text) {
        if (c == '"') {
            quoted = !quoted;
            pending = true;
        } else if (c == ' ' && !quoted) {
            if (pending) words.push_back(word);
            word.clear();
            pending = false;
        } else {
            word += c;
            pending = true;
        }
    }
    REQUIRE_FALSE(quoted);
    if (pending) words.push_back(word);
    return words;
}

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string::npos) return "";
    const auto last = text.find_last_not_of(" \t\r");
    return text.substr(first, last - first + 1);
}

// The fewest arguments each keyword takes; checks of text need some text.
std::size_t fewest_words(const std::string& keyword) {
    if (keyword == "log") return 3;
    if (keyword == "undo" || keyword == "not_before") return 1;
    if (keyword == "expect" || keyword == "show") return 4;
    if (keyword == "plan") return 5;
    if (keyword == "text") return 2;
    if (keyword == "reason") return 1;
    if (keyword == "out" || keyword == "err") return 2;
    return 0;
}

bool is_keyword(const std::string& keyword) {
    return fewest_words(keyword) > 0;
}

bool is_check(const std::string& keyword) {
    return keyword == "expect" || keyword == "show" || keyword == "plan" || keyword == "out" ||
           keyword == "err";
}

std::vector<Scenario> read_scenarios(const fs::path& path) {
    std::ifstream stream(path);
    REQUIRE(stream.good());
    std::vector<Scenario> scenarios;
    std::string raw;
    int number = 0;
    while (std::getline(stream, raw)) {
        ++number;
        const std::string text = trimmed(raw);
        if (text.empty() || text[0] == '#') continue;
        const auto space = text.find(' ');
        Line line{number,
                  text.substr(0, space),
                  {},
                  space == std::string::npos ? "" : trimmed(text.substr(space + 1))};
        INFO(path.string() << ":" << number << ": " << text);
        if (line.keyword == "scenario") {
            REQUIRE_FALSE(line.rest.empty());
            // Sections are told apart by their titles.
            for (const auto& earlier : scenarios) REQUIRE(earlier.title != line.rest);
            scenarios.push_back({line.rest, number, {}});
            continue;
        }
        REQUIRE(is_keyword(line.keyword));
        REQUIRE_FALSE(scenarios.empty());
        line.words = split_words(line.rest);
        REQUIRE(line.words.size() >= fewest_words(line.keyword));
        scenarios.back().lines.push_back(line);
    }
    for (const auto& scenario : scenarios) {
        INFO(path.string() << ":" << scenario.number << ": scenario " << scenario.title
                           << " checks nothing");
        bool checks = false;
        for (const auto& line : scenario.lines) checks = checks || is_check(line.keyword);
        REQUIRE(checks);
    }
    return scenarios;
}

// What the last command printed, and the suggestion it gave if it gave one.
struct Outcome {
    e2e::RunResult result;
    nlohmann::ordered_json suggestion;
};

std::vector<std::string> tail(const std::vector<std::string>& words, std::size_t from) {
    return {words.begin() + static_cast<std::ptrdiff_t>(from), words.end()};
}

std::vector<std::string> joined(std::vector<std::string> front,
                                const std::vector<std::string>& back) {
    front.insert(front.end(), back.begin(), back.end());
    return front;
}

e2e::RunResult run_ok(const e2e::Sandbox& sandbox, const std::vector<std::string>& args) {
    auto result = sandbox.run(args);
    INFO("liftlog exited " << result.status << ": " << result.err);
    REQUIRE(result.status == 0);
    return result;
}

nlohmann::ordered_json plan_suggestion(const nlohmann::ordered_json& plan,
                                       const std::string& exercise) {
    for (const auto& item : plan["items"])
        if (item["exercise"] == exercise) return item["suggestion"];
    FAIL("the plan has no item for " << exercise);
    return {};
}

// Runs progress, show or plan in JSON; the action and notation are checked by the caller.
Outcome ask(const e2e::Sandbox& sandbox, const Line& line) {
    const auto& w = line.words;
    const std::vector<std::string> json{"--format", "json"};
    if (line.keyword == "plan") {
        auto result =
            run_ok(sandbox, joined({"plan", w[1], "--today", w[0]}, joined(json, tail(w, 5))));
        return {result, plan_suggestion(e2e::parse_json(result.out), w[2])};
    }
    if (line.keyword == "show") {
        auto result =
            run_ok(sandbox, joined({"show", w[1], "--today", w[0]}, joined(json, tail(w, 4))));
        return {result, e2e::parse_json(result.out)["suggestion"]};
    }
    auto result =
        run_ok(sandbox, joined({"progress", w[1], "--today", w[0]}, joined(json, tail(w, 4))));
    return {result, e2e::parse_json(result.out).at(0)["suggestion"]};
}

std::string text_of(const nlohmann::ordered_json& value) {
    return value.is_string() ? value.get<std::string>() : value.dump();
}

void check_suggestion(const Line& line, const Outcome& outcome) {
    const bool in_plan = line.keyword == "plan";
    const std::string& action = line.words[in_plan ? 3 : 2];
    const std::string& notation = line.words[in_plan ? 4 : 3];
    const auto& suggestion = outcome.suggestion;
    INFO("reason: " << text_of(suggestion["reason"]));
    CHECK(text_of(suggestion["action"]) == action);
    CHECK(text_of(suggestion["next"]["notation"]) == notation);
}

void check_detail(const Line& line, const Outcome& last) {
    if (line.keyword == "reason") {
        REQUIRE(last.suggestion.is_object());
        const std::string reason = text_of(last.suggestion["reason"]);
        INFO("expected the reason to contain: " << line.rest << "\nreason: " << reason);
        CHECK(e2e::contains(reason, line.rest));
    } else if (line.keyword == "not_before") {
        REQUIRE(last.suggestion.is_object());
        const auto& due = last.suggestion["not_before"];
        CHECK((due.is_null() ? std::string("none") : text_of(due)) == line.rest);
    } else {
        REQUIRE((line.words[0] == "has" || line.words[0] == "lacks"));
        const std::string& printed = line.keyword == "out" ? last.result.out : last.result.err;
        const std::string wanted = trimmed(line.rest.substr(line.words[0].size()));
        INFO(line.keyword << " printed:\n" << printed);
        CHECK(e2e::contains(printed, wanted) == (line.words[0] == "has"));
    }
}

void run_scenario(const Scenario& scenario) {
    e2e::Sandbox sandbox;
    Outcome last;
    for (const auto& line : scenario.lines) {
        INFO("scenario: " << scenario.title << " (line " << line.number << ": " << line.keyword
                          << " " << line.rest << ")");
        const auto& w = line.words;
        if (line.keyword == "log") {
            last = {run_ok(sandbox,
                           joined(joined({"log"}, tail(w, 1)), {"--date", w[0], "--today", w[0]})),
                    {}};
        } else if (line.keyword == "undo") {
            last = {run_ok(sandbox, joined({"undo", "--today", w[0]}, tail(w, 1))), {}};
        } else if (line.keyword == "text") {
            last = {run_ok(sandbox, joined(tail(w, 1), {"--today", w[0]})), {}};
        } else if (line.keyword == "expect" || line.keyword == "show" || line.keyword == "plan") {
            last = ask(sandbox, line);
            check_suggestion(line, last);
        } else {
            check_detail(line, last);
        }
    }
}

}  // namespace

TEST_CASE("the advice scenarios give the advice a coach would sign", "[e2e][advice][scenarios]") {
    const fs::path path = fs::path(LIFTLOG_SOURCE_DIR) / "tests" / "data" / "advice-scenarios.txt";
    // Catch runs the test case once per section: read the file only once.
    static const auto scenarios = read_scenarios(path);
    REQUIRE(scenarios.size() >= kFewestScenarios);
    for (const auto& scenario : scenarios) {
        DYNAMIC_SECTION(scenario.title) {
            run_scenario(scenario);
        }
    }
}
