// Sparklines, charts and colour through pipes: what scripts and redirections see.
#include <catch2/catch.hpp>

#include "harness.hpp"
#include "pictures_support.hpp"
#include "support.hpp"

using e2e::contains;
using e2e::kToday;
using e2e::split_lines;
using pictures::has_escape;
using pictures::strip_escapes;

namespace {

e2e::RunResult run_ok(const e2e::Sandbox& sandbox, std::vector<std::string> args) {
    args.insert(args.end(), {"--today", kToday});
    auto result = sandbox.run(args);
    INFO(result.err);
    REQUIRE(result.status == 0);
    return result;
}

std::string repeat(const std::string& piece, std::size_t times) {
    std::string result;
    for (std::size_t i = 0; i < times; ++i) result += piece;
    return result;
}

std::string line_starting(const std::string& text, const std::string& prefix) {
    for (const auto& line : split_lines(text))
        if (e2e::starts_with(line, prefix)) return line;
    return {};
}

}  // namespace

TEST_CASE("progress TREND: the top set of the last 8 sessions as a sparkline", "[e2e][pictures]") {
    e2e::Sandbox sandbox;
    pictures::seed_trend_log(sandbox);
    const auto result = run_ok(sandbox, {"progress"});
    CHECK(result.err.empty());
    const auto lines = split_lines(result.out);
    REQUIRE(lines.size() >= 3);
    CHECK(contains(lines[0], "  TREND  "));
    // Deadlift 60..100 kg (the 50 kg session is the ninth from the end).
    CHECK(contains(line_starting(result.out, "deadlift "), "  ▁▃▅▅▆▇██  "));
    // Back extension at body weight: best reps 10, 12, 13.
    CHECK(contains(line_starting(result.out, "back-extension "), "  ▁▆█  "));
    // The column lines up: TREND starts at the same column on every row.
    const auto header_at = pictures::columns(lines[0].substr(0, lines[0].find("TREND")));
    const std::string deadlift = line_starting(result.out, "deadlift ");
    CHECK(pictures::columns(deadlift.substr(0, deadlift.find("▁▃"))) == header_at);
}

TEST_CASE("progress TREND: no glyphs in JSON or CSV", "[e2e][pictures]") {
    e2e::Sandbox sandbox;
    pictures::seed_trend_log(sandbox);
    for (const char* format : {"json", "csv"}) {
        const auto result = run_ok(sandbox, {"progress", "--format", format});
        CHECK(pictures::is_ascii(result.out));
        CHECK_FALSE(contains(result.out, "TREND"));
    }
}

TEST_CASE("no escape codes through a pipe by default", "[e2e][pictures][color]") {
    e2e::Sandbox sandbox;
    pictures::seed_trend_log(sandbox);
    for (const std::vector<std::string>& args : {std::vector<std::string>{"progress"},
                                                 {"progress", "deadlift"},
                                                 {"progress", "deadlift", "--chart"},
                                                 {"list"},
                                                 {"plan"},
                                                 {"plan", "back-workout"}}) {
        const auto result = run_ok(sandbox, args);
        INFO(args[0]);
        CHECK_FALSE(result.out.empty());
        CHECK_FALSE(has_escape(result.out));
        CHECK_FALSE(has_escape(result.err));
    }
    // TERM says nothing when stdout is not a terminal.
    sandbox.set_env("TERM", "xterm-256color");
    CHECK_FALSE(has_escape(run_ok(sandbox, {"progress"}).out));
}

TEST_CASE("colour: --color always colours table headers and keeps the columns aligned",
          "[e2e][pictures][color]") {
    e2e::Sandbox sandbox;
    pictures::seed_trend_log(sandbox);
    for (const std::vector<std::string>& args : {std::vector<std::string>{"progress"},
                                                 {"progress", "deadlift"},
                                                 {"list"},
                                                 {"plan"},
                                                 {"plan", "back-workout"}}) {
        INFO(args.back());
        const auto plain = run_ok(sandbox, args);
        auto coloured_args = args;
        coloured_args.insert(coloured_args.end(), {"--color", "always"});
        const auto coloured = run_ok(sandbox, coloured_args);
        CHECK(contains(coloured.out, "\x1b[1m"));
        CHECK(strip_escapes(coloured.out) == plain.out);
        CHECK_FALSE(has_escape(coloured.err));
    }
}

TEST_CASE("the chart in colour: bars, dim axes, a green gain", "[e2e][pictures][color]") {
    e2e::Sandbox sandbox;
    pictures::seed_trend_log(sandbox);
    const auto plain = run_ok(sandbox, {"progress", "deadlift", "--chart"});
    const auto coloured = run_ok(sandbox, {"progress", "deadlift", "--chart", "--color", "always"});
    CHECK(contains(coloured.out, "\x1b[36m█"));
    CHECK(contains(coloured.out, "\x1b[2m"));
    CHECK(contains(coloured.out, "(\x1b[32m+50 kg\x1b[0m)"));
    CHECK(strip_escapes(coloured.out) == plain.out);
}

TEST_CASE("NO_COLOR and --color never suppress colour, --color always beats NO_COLOR",
          "[e2e][pictures][color]") {
    e2e::Sandbox sandbox;
    pictures::seed_trend_log(sandbox);
    sandbox.write_file("config/liftlog/config.toml", "color = \"always\"\n");
    CHECK(has_escape(run_ok(sandbox, {"progress"}).out));  // the config asks for it
    CHECK_FALSE(has_escape(run_ok(sandbox, {"progress", "--color", "never"}).out));
    CHECK_FALSE(
        has_escape(run_ok(sandbox, {"progress", "deadlift", "--chart", "--color=never"}).out));
    sandbox.set_env("NO_COLOR", "1");
    CHECK_FALSE(has_escape(run_ok(sandbox, {"progress"}).out));
    CHECK_FALSE(has_escape(run_ok(sandbox, {"progress", "deadlift", "--chart"}).out));
    CHECK(has_escape(run_ok(sandbox, {"progress", "--color", "always"}).out));
}

TEST_CASE("JSON never carries escape codes, even with --color always", "[e2e][pictures][color]") {
    e2e::Sandbox sandbox;
    pictures::seed_trend_log(sandbox);
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"progress"}, {"progress", "deadlift", "--chart"}, {"list"}}) {
        auto full = args;
        full.insert(full.end(), {"--color", "always", "--format", "json"});
        const auto result = run_ok(sandbox, full);
        CHECK_FALSE(has_escape(result.out));
        CHECK_NOTHROW(e2e::parse_json(result.out));
    }
}

TEST_CASE("progress --chart: every session's top set, as wide as COLUMNS",
          "[e2e][pictures][chart]") {
    e2e::Sandbox sandbox;
    pictures::seed_trend_log(sandbox);
    sandbox.set_env("COLUMNS", "60");
    const auto result = run_ok(sandbox, {"progress", "deadlift", "--chart"});
    CHECK(result.err.empty());
    const auto lines = split_lines(result.out);
    REQUIRE(lines.size() == 14);  // title, 10 rows of bars, axis, dates, summary
    CHECK(lines[0] == "Deadlift - top set per session (kg)");
    // Nine sessions in 52 columns: 5 each. 95 kg is 1/8 row into the top row.
    CHECK(lines[1] == "100 kg ┤" + std::string(30, ' ') + repeat("▁", 5) + repeat("█", 10));
    CHECK(lines[10] == " 50 kg ┤" + repeat("█", 45));
    CHECK(lines[11] == "       └" + repeat("─", 45));
    CHECK(lines[12] == "        2026-09-24" + std::string(25, ' ') + "2026-11-19");
    CHECK(lines[13] == "9 sessions: 50 kg → 100 kg (+50 kg)");
    CHECK(pictures::widest_line(result.out) <= 60);
}

TEST_CASE("progress --chart follows COLUMNS, narrow or wide", "[e2e][pictures][chart]") {
    e2e::Sandbox sandbox;
    pictures::seed_trend_log(sandbox);
    for (int width : {30, 45, 80, 137}) {
        INFO("COLUMNS=" << width);
        sandbox.set_env("COLUMNS", std::to_string(width));
        for (const char* metric : {"top", "e1rm", "volume"}) {
            const auto result = run_ok(sandbox, {"progress", "deadlift", "--chart", metric});
            CHECK(pictures::widest_line(result.out) <= static_cast<std::size_t>(width));
            // The bars use the width: less than one column short per session.
            const std::size_t axis = pictures::columns(pictures::axis_line(result.out));
            CHECK(axis + 8 >= static_cast<std::size_t>(width));
            CHECK(axis <= static_cast<std::size_t>(width));
        }
    }
    // Without COLUMNS and without a terminal: 80 columns.
    sandbox.set_env("COLUMNS", "");
    const auto result = run_ok(sandbox, {"progress", "deadlift", "--chart"});
    CHECK(pictures::widest_line(result.out) <= 80);
    CHECK(pictures::columns(pictures::axis_line(result.out)) == 7 + 1 + 72);
}

TEST_CASE("progress --chart e1rm and volume, and --unit lb", "[e2e][pictures][chart]") {
    e2e::Sandbox sandbox;
    pictures::seed_trend_log(sandbox);
    const auto e1rm = run_ok(sandbox, {"progress", "deadlift", "--chart", "e1rm"});
    CHECK(split_lines(e1rm.out)[0] == "Deadlift - estimated 1RM (Epley) per session (kg)");
    CHECK(e2e::starts_with(split_lines(e1rm.out)[1], "116.67 kg ┤"));   // 5 x 100 kg
    CHECK(e2e::starts_with(split_lines(e1rm.out)[10], " 58.33 kg ┤"));  // 5 x 50 kg
    const auto volume = run_ok(sandbox, {"progress", "deadlift", "--chart", "volume"});
    CHECK(e2e::starts_with(split_lines(volume.out)[1], "1500 kg ┤"));  // 3 x 5 x 100 kg
    CHECK(e2e::starts_with(split_lines(volume.out)[10], " 750 kg ┤"));
    const auto pounds = run_ok(sandbox, {"progress", "deadlift", "--chart", "--unit", "lb"});
    CHECK(e2e::starts_with(split_lines(pounds.out)[1], "220.46 lb ┤"));
    // Body weight alone: the most reps in a set.
    const auto reps = run_ok(sandbox, {"progress", "back-extension", "--chart"});
    CHECK(split_lines(reps.out)[0] == "Back Extension - most reps in a set per session (reps)");
    CHECK(e2e::starts_with(split_lines(reps.out)[1], "13 reps ┤"));
}

TEST_CASE("progress --chart in JSON gives the series, not the picture",
          "[e2e][pictures][chart][json]") {
    e2e::Sandbox sandbox;
    pictures::seed_trend_log(sandbox);
    const auto result = run_ok(sandbox, {"progress", "deadlift", "--chart", "--format", "json"});
    const auto json = e2e::parse_json(result.out);
    CHECK(json["exercise"] == "deadlift");
    CHECK(json["name"] == "Deadlift");
    CHECK(json["chart"] == "top");
    CHECK(json["unit"] == "kg");
    REQUIRE(json["points"].size() == 9);
    CHECK(json["points"][0]["date"] == "2026-09-24");
    CHECK(json["points"][0]["value"] == 50.0);
    CHECK(json["points"][8]["value"] == 100.0);
    const auto e1rm = e2e::parse_json(
        run_ok(sandbox, {"progress", "deadlift", "--chart", "e1rm", "--format", "json"}).out);
    CHECK(e1rm["chart"] == "e1rm");
    CHECK(e1rm["points"][8]["value"] == Approx(116.67));
}

TEST_CASE("progress --chart before the exercise, bad uses are usage errors",
          "[e2e][pictures][chart]") {
    e2e::Sandbox sandbox;
    pictures::seed_trend_log(sandbox);
    CHECK(run_ok(sandbox, {"progress", "--chart", "deadlift"}).out ==
          run_ok(sandbox, {"progress", "deadlift", "--chart"}).out);
    for (const std::vector<std::string>& args : {std::vector<std::string>{"progress", "--chart"},
                                                 {"progress", "deadlift", "--chart", "weight"},
                                                 {"progress", "deadlift", "--chart", "--weekly"}}) {
        auto full = args;
        full.insert(full.end(), {"--today", kToday});
        const auto result = sandbox.run(full);
        INFO(result.err);
        CHECK(result.status == 2);
        CHECK(e2e::is_single_error(result.err));
        CHECK(result.out.empty());
    }
}

TEST_CASE("progress --chart with nothing to draw says why on stderr", "[e2e][pictures][chart]") {
    e2e::Sandbox sandbox;
    pictures::seed_trend_log(sandbox);
    const auto e1rm = run_ok(sandbox, {"progress", "back-extension", "--chart", "e1rm"});
    CHECK(e1rm.out.empty());
    CHECK(contains(e1rm.err, "--chart top"));
    const auto none = run_ok(sandbox, {"progress", "pull-up", "--chart"});
    CHECK(none.out.empty());
    CHECK(contains(none.err, "liftlog log pull-up"));
}

TEST_CASE("more sessions than columns: each column is the best of its sessions",
          "[e2e][pictures][chart]") {
    e2e::Sandbox sandbox;
    pictures::seed_trend_log(sandbox);
    sandbox.set_env("COLUMNS", "20");  // 12 columns of bars for 9 sessions
    const auto result = run_ok(sandbox, {"progress", "deadlift", "--chart"});
    CHECK(pictures::widest_line(result.out) <= 20);
    // 9 sessions fit 12 columns: no sharing yet.
    CHECK_FALSE(contains(result.out, "Each column"));
    sandbox.set_env("COLUMNS", "16");  // the narrowest with labels: 8 columns of bars
    const auto shared = run_ok(sandbox, {"progress", "deadlift", "--chart"});
    CHECK(pictures::widest_line(shared.out) <= 16);
    CHECK(contains(shared.out, "Each column"));
    CHECK(contains(shared.out, "100 kg ┤"));
    sandbox.set_env("COLUMNS", "12");  // too narrow for labels: 11 columns of bars
    const auto unlabelled = run_ok(sandbox, {"progress", "deadlift", "--chart"});
    CHECK(pictures::widest_line(unlabelled.out) <= 12);
    CHECK_FALSE(contains(unlabelled.out, "100 kg"));
    CHECK_FALSE(contains(unlabelled.out, "Each column"));
}

TEST_CASE("ASCII when the locale is not UTF-8, or with --ascii", "[e2e][pictures][ascii]") {
    e2e::Sandbox sandbox;
    pictures::seed_trend_log(sandbox);
    sandbox.set_env("LC_ALL", "");
    sandbox.set_env("LANG", "C");
    const auto overview = run_ok(sandbox, {"progress"});
    CHECK(pictures::is_ascii(overview.out));
    CHECK(contains(line_starting(overview.out, "deadlift "), "  _.--=^^^  "));
    CHECK(contains(line_starting(overview.out, "back-extension "), "  _=^  "));
    const auto chart = run_ok(sandbox, {"progress", "deadlift", "--chart"});
    CHECK(pictures::is_ascii(chart.out));
    CHECK(contains(chart.out, "100 kg +"));
    CHECK(contains(chart.out, "##########"));
    CHECK(contains(chart.out, "50 kg -> 100 kg"));

    // LC_CTYPE is asked before LANG, and "utf8" counts as UTF-8.
    sandbox.set_env("LC_CTYPE", "en_US.utf8");
    CHECK(contains(run_ok(sandbox, {"progress"}).out, "▁▃▅▅▆▇██"));
    // LC_ALL overrides both.
    sandbox.set_env("LC_ALL", "POSIX");
    CHECK(pictures::is_ascii(run_ok(sandbox, {"progress"}).out));

    e2e::Sandbox utf8;  // LC_ALL=C.UTF-8, as every test runs
    pictures::seed_trend_log(utf8);
    CHECK_FALSE(pictures::is_ascii(run_ok(utf8, {"progress"}).out));
    CHECK(pictures::is_ascii(run_ok(utf8, {"progress", "--ascii"}).out));
    CHECK(pictures::is_ascii(run_ok(utf8, {"progress", "deadlift", "--chart", "--ascii"}).out));
}

TEST_CASE("a new record is green with --color always, plain by default", "[e2e][pictures][color]") {
    e2e::Sandbox sandbox;
    pictures::seed_trend_log(sandbox);
    const std::vector<std::string> heavier{"log", "deadlift", "3x5@110kg", "--today", kToday};
    const auto plain = sandbox.run(heavier);
    REQUIRE(plain.status == 0);
    CHECK(contains(plain.out, "\nNew record: "));
    CHECK_FALSE(has_escape(plain.out));
    auto coloured_args = heavier;
    coloured_args[2] = "3x5@115kg";
    coloured_args.insert(coloured_args.end(), {"--color", "always"});
    const auto coloured = sandbox.run(coloured_args);
    REQUIRE(coloured.status == 0);
    CHECK(contains(coloured.out, "\n\x1b[32mNew record:\x1b[0m "));
}

TEST_CASE("progress --chart: COLUMNS past any screen is read as 1000, garbage as unset",
          "[e2e][pictures][chart]") {
    e2e::Sandbox sandbox;
    pictures::seed_trend_log(sandbox);
    // 2^31-1 once sized the chart's rows and ended in bad_alloc.
    for (const char* huge : {"2147483647", "99999999999999999999", "1001"}) {
        INFO("COLUMNS=" << huge);
        sandbox.set_env("COLUMNS", huge);
        const auto result = run_ok(sandbox, {"progress", "deadlift", "--chart"});
        CHECK(result.err.empty());
        CHECK(pictures::widest_line(result.out) <= 1000);
        CHECK(pictures::columns(pictures::axis_line(result.out)) + 8 >= 1000);
    }
    for (const char* garbage : {"-5", "0", "wide", "80x", ""}) {
        INFO("COLUMNS=" << garbage);
        sandbox.set_env("COLUMNS", garbage);
        const auto result = run_ok(sandbox, {"progress", "deadlift", "--chart"});
        CHECK(pictures::columns(pictures::axis_line(result.out)) == 7 + 1 + 72);
    }
}
