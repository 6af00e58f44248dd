// liftlog progress --weekly / --monthly: totals per ISO week or month in every
// format, with filters; and the overview as CSV.
#include <sys/wait.h>
#include <catch2/catch.hpp>

#include <cstdio>

#include "harness.hpp"
#include "support.hpp"

using e2e::contains;
using e2e::kToday;
using e2e::parse_json;
using e2e::split_lines;
using e2e::starts_with;

namespace {

// Weeks 44, 45 and 47 of 2026 (46 is empty), a backdated squat in October, a
// voided and a future record, a bad line; kg, lb, added load and body weight.
void seed_periods(const e2e::Sandbox& sandbox) {
    const std::string deadlift_sets =
        R"([{"reps":5,"load":{"kind":"external","value":60,"unit":"kg"},"warmup":true},)"
        R"({"reps":5,"load":{"kind":"external","value":100,"unit":"kg"}},)"
        R"({"reps":5,"load":{"kind":"external","value":100,"unit":"kg"}},)"
        R"({"reps":5,"load":{"kind":"external","value":100,"unit":"kg"}}])";
    const std::string pull_up_sets =
        R"([{"reps":8,"load":{"kind":"bw"}},{"reps":8,"load":{"kind":"bw"}},)"
        R"({"reps":6,"load":{"kind":"added","value":5,"unit":"kg"}}])";
    const std::string pound_sets =
        R"([{"reps":3,"load":{"kind":"external","value":225,"unit":"lb"}},)"
        R"({"reps":3,"load":{"kind":"external","value":225,"unit":"lb"}}])";
    const auto line = [](const std::string& id, const std::string& date,
                         const std::string& exercise, const std::string& sets) {
        return e2e::record_line("00000000000000" + id, date, exercise, sets) + "\n";
    };
    sandbox.write_file(
        "data/liftlog/log.jsonl",
        line("a1", "2026-11-02", "deadlift", deadlift_sets) +
            line("a2", "2026-11-04", "pull-up", pull_up_sets) +
            line("a3", "2026-11-04", "deadlift", pound_sets) +
            line("a4", "2026-11-17", "back-extension", e2e::bodyweight_sets({12, 12})) +
            line("a5", "2026-11-18", "deadlift", e2e::external_sets(1, 5, 100)) +
            R"({"v":1,"id":"00000000000000f9","time":"2026-11-18T11:00:00+00:00","voids":"00000000000000a5"})"
            "\n" +
            line("a6", "2026-11-26", "deadlift", e2e::external_sets(3, 5, 200)) +
            line("a7", "2026-10-30", "squat", e2e::external_sets(3, 5, 80)) + "garbage\n");
}

e2e::RunResult progress(const e2e::Sandbox& sandbox, std::vector<std::string> extra,
                        const std::string& format, const std::string& today = kToday) {
    std::vector<std::string> args{"progress"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.insert(args.end(), {"--today", today, "--format", format});
    return sandbox.run(args);
}

nlohmann::ordered_json periods_json(const e2e::Sandbox& sandbox, std::vector<std::string> extra,
                                    const std::string& today = kToday) {
    const auto result = progress(sandbox, std::move(extra), "json", today);
    REQUIRE(result.status == 0);
    return parse_json(result.out);
}

std::vector<std::string> labels(const nlohmann::ordered_json& periods) {
    std::vector<std::string> list;
    for (const auto& period : periods) list.push_back(period["period"].get<std::string>());
    return list;
}

}  // namespace

TEST_CASE("progress --weekly in JSON: ISO weeks, empty ones included", "[e2e][periods][json]") {
    e2e::Sandbox sandbox;
    seed_periods(sandbox);
    const auto result = progress(sandbox, {"--weekly"}, "json");
    CHECK(result.status == 0);
    CHECK(starts_with(result.err,
                      "liftlog: warning: " + sandbox.log().string() + ":9: "));  // the bad line
    const auto weeks = parse_json(result.out);
    CHECK(labels(weeks) ==
          std::vector<std::string>{"2026-W44", "2026-W45", "2026-W46", "2026-W47"});
    std::vector<std::string> keys;
    for (const auto& [key, value] : weeks[1].items()) keys.push_back(key);
    CHECK(keys == std::vector<std::string>{"period", "start", "end", "training_days", "sessions",
                                           "working_sets", "reps", "volume", "bodyweight_sets",
                                           "bodyweight_reps", "warmup_sets", "muscle_sets",
                                           "bodyweight_sets_without_body_weight", "timed_sets",
                                           "seconds", "distance_sets", "metres"});
    const auto& w45 = weeks[1];
    CHECK(w45["start"] == "2026-11-02");
    CHECK(w45["end"] == "2026-11-08");
    CHECK(w45["training_days"] == 2);
    CHECK(w45["sessions"] == 3);
    CHECK(w45["working_sets"] == 8);
    CHECK(w45["warmup_sets"] == 1);
    CHECK(w45["reps"] == 15 + 22 + 6);
    // 1500 kg + 30 kg added + 1350 lb (612.3496995 kg), converted exactly.
    CHECK(w45["volume"] == parse_json(R"({"value":2142.35,"unit":"kg"})"));
    CHECK(w45["bodyweight_sets"] == 2);
    CHECK(w45["bodyweight_reps"] == 16);
    const auto& muscles = w45["muscle_sets"];
    CHECK(muscles["glutes"] == 5);
    CHECK(muscles["lower-back"] == 5);
    CHECK(muscles["hamstrings"] == 5);
    CHECK(muscles["lats"] == 3);
    CHECK(muscles["upper-back"] == 3);
    CHECK(muscles["quads"] == 0);            // every primary muscle of the library is listed
    CHECK(muscles.value("biceps", 0) == 0);  // a pull-up's secondary muscle: not counted
    const auto& empty = weeks[2];
    CHECK(empty["start"] == "2026-11-09");
    CHECK(empty["training_days"] == 0);
    CHECK(empty["working_sets"] == 0);
    CHECK(empty["volume"]["value"] == 0);
    const auto& w47 = weeks[3];
    CHECK(w47["working_sets"] == 2);
    CHECK(w47["bodyweight_reps"] == 24);
    CHECK(w47["volume"]["value"] == 0);  // no body weight logged: body weight alone adds nothing
    CHECK(w47["bodyweight_sets_without_body_weight"] == 2);
    CHECK(w47["muscle_sets"]["lower-back"] == 2);
    CHECK(weeks[0]["muscle_sets"]["quads"] == 3);  // the backdated squat
}

TEST_CASE("progress --monthly, --unit and --today", "[e2e][periods]") {
    e2e::Sandbox sandbox;
    seed_periods(sandbox);
    const auto months = periods_json(sandbox, {"--monthly"});
    REQUIRE(labels(months) == std::vector<std::string>{"2026-10", "2026-11"});
    CHECK(months[0]["start"] == "2026-10-01");
    CHECK(months[0]["end"] == "2026-10-31");
    CHECK(months[0]["volume"]["value"] == 1200);
    CHECK(months[1]["training_days"] == 3);
    CHECK(months[1]["sessions"] == 4);
    CHECK(months[1]["working_sets"] == 10);
    CHECK(months[1]["reps"] == 67);
    CHECK(months[1]["bodyweight_sets"] == 4);
    const auto pounds = periods_json(sandbox, {"--monthly", "--unit", "lb"});
    CHECK(pounds[1]["volume"] == parse_json(R"({"value":4723.07,"unit":"lb"})"));
    CHECK(pounds[0]["volume"]["value"] == 2645.55);
    // The future deadlift counts from its day on; the voided one never.
    const auto later = periods_json(sandbox, {"--monthly"}, "2026-11-26");
    CHECK(later[1]["working_sets"] == 13);
    CHECK(later[1]["reps"] == 82);
}

TEST_CASE("progress --weekly filters by exercise, muscle and dates", "[e2e][periods]") {
    e2e::Sandbox sandbox;
    seed_periods(sandbox);
    const auto deadlift = periods_json(sandbox, {"--weekly", "Barbell Deadlift"});
    REQUIRE(labels(deadlift) == std::vector<std::string>{"2026-W45"});
    CHECK(deadlift[0]["working_sets"] == 5);
    CHECK(deadlift[0]["sessions"] == 2);
    CHECK(deadlift[0]["volume"]["value"] == 2112.35);
    // The weeks that hold the bounds, whole, with only records within them;
    // never past today's week, since nothing later counts.
    const auto november =
        periods_json(sandbox, {"--weekly", "--since", "2026-11-01", "--until", "2026-11-30"});
    CHECK(labels(november) ==
          std::vector<std::string>{"2026-W44", "2026-W45", "2026-W46", "2026-W47"});
    const auto to_the_end = periods_json(
        sandbox, {"--weekly", "--since", "2026-11-01", "--until", "2026-11-30"}, "2026-12-31");
    CHECK(labels(to_the_end).back() == "2026-W49");
    CHECK(to_the_end[4]["working_sets"] == 3);  // the deadlift of 2026-11-26
    CHECK(november[0]["working_sets"] == 0);    // the squat of 2026-10-30 is before --since
    const auto backs = periods_json(sandbox, {"--monthly", "-m", "lower-back", "-b", "2026-11-03"});
    REQUIRE(backs.size() == 1);
    CHECK(backs[0]["working_sets"] == 4);  // the pound deadlifts and the back extensions
    const auto refused = progress(sandbox, {"--weekly", "--muscle", "bicep"}, "json");
    CHECK(refused.status == 2);
    CHECK(e2e::is_single_error(refused.err));
    CHECK(contains(refused.err, "did you mean 'biceps'?"));
    const auto unknown = progress(sandbox, {"--weekly", "dedlift"}, "text");
    CHECK(unknown.status == 2);
    CHECK(contains(unknown.err, "did you mean 'deadlift'?"));
}

TEST_CASE("progress --weekly in text, CSV and JSON lines", "[e2e][periods]") {
    e2e::Sandbox sandbox;
    seed_periods(sandbox);
    const auto text = progress(sandbox, {"--weekly"}, "text");
    CHECK(text.status == 0);
    const auto lines = split_lines(text.out);
    REQUIRE(lines.size() == 7);
    CHECK(starts_with(lines[0], "PERIOD    START       DAYS  SESSIONS  SETS  REPS  VOLUME"));
    CHECK(lines[5].empty());
    CHECK(starts_with(lines[6], "5 bodyweight sets have no body weight on or before their day"));
    CHECK(contains(lines[0], "BW SETS  BW REPS  SETS PER MUSCLE"));
    CHECK(starts_with(lines[2], "2026-W45  2026-11-02  2     3         8     43    2142.35 kg"));
    CHECK(contains(lines[2], "glutes 5, hamstrings 5, lower-back 5, lats 3, upper-back 3"));
    CHECK(contains(lines[3], "0 kg"));

    const auto csv = progress(sandbox, {"--weekly"}, "csv");
    CHECK(csv.status == 0);
    const auto rows = split_lines(csv.out);
    REQUIRE(rows.size() == 5);
    CHECK(starts_with(rows[0],
                      "period,start,end,training_days,sessions,working_sets,reps,volume,"
                      "volume_unit,bodyweight_sets,bodyweight_reps,warmup_sets,sets_"));
    CHECK(contains(rows[0], ",sets_lower_back,"));
    CHECK(starts_with(rows[2], "2026-W45,2026-11-02,2026-11-08,2,3,8,43,2142.35,kg,2,16,1,"));
    CHECK(e2e::count_of(rows[0], ",") == e2e::count_of(rows[2], ","));

    const auto jsonl = progress(sandbox, {"--weekly"}, "jsonl");
    CHECK(jsonl.status == 0);
    const auto objects = split_lines(jsonl.out);
    const auto array = periods_json(sandbox, {"--weekly"});
    REQUIRE(objects.size() == array.size());
    for (std::size_t i = 0; i < objects.size(); ++i) CHECK(parse_json(objects[i]) == array[i]);
}

TEST_CASE("progress --weekly with no log lists nothing", "[e2e][periods]") {
    e2e::Sandbox sandbox;
    CHECK(periods_json(sandbox, {"--weekly"}) == nlohmann::ordered_json::array());
    const auto text = progress(sandbox, {"--weekly"}, "text");
    CHECK(text.status == 0);
    CHECK(text.out.empty());
    CHECK(contains(text.err, "liftlog log"));
    const auto csv = progress(sandbox, {"--monthly"}, "csv");
    CHECK(split_lines(csv.out).size() == 1);
}

TEST_CASE("progress refuses formats and filters a report does not take", "[e2e][periods][errors]") {
    e2e::Sandbox sandbox;
    seed_periods(sandbox);
    const auto refused = [&](std::vector<std::string> args, const std::string& format,
                             const std::string& message) {
        const auto result = progress(sandbox, std::move(args), format);
        CHECK(result.status == 2);
        CHECK(result.out.empty());
        CHECK(e2e::is_single_error(result.err));
        CHECK(contains(result.err, message));
    };
    refused({"deadlift"}, "csv", "--format csv: 'progress deadlift' prints text or json");
    refused({}, "jsonl", "--format jsonl: 'progress' prints text, json or csv");
    refused({"--since", "2026-11-01"}, "text", "go with --weekly or --monthly");
    refused({"--weekly", "--monthly"}, "text", "--weekly excludes --monthly");
}

TEST_CASE("progress --format csv: the overview's data with stable columns", "[e2e][periods]") {
    e2e::Sandbox sandbox;
    seed_periods(sandbox);
    const auto result = progress(sandbox, {}, "csv");
    CHECK(result.status == 0);
    const auto rows = split_lines(result.out);
    REQUIRE(rows.size() == 5);
    CHECK(rows[0] ==
          "exercise,name,sessions,first,last,best_reps,best_load,best_load_kind,best_unit,"
          "best_date,total_reps,volume,volume_unit,next_action,next,next_not_before");
    CHECK(starts_with(rows[1],
                      "back-extension,Back Extension,1,2026-11-17,2026-11-17,12,,bw,,"
                      "2026-11-17,24,0,kg,"));
    CHECK(starts_with(rows[2],
                      "deadlift,Deadlift,2,2026-11-02,2026-11-04,3,225,external,lb,"
                      "2026-11-04,21,2112.35,kg,"));
    CHECK(starts_with(rows[3], "pull-up,Pull-Up,1,2026-11-04,2026-11-04,6,5,added,kg,"));
    CHECK(starts_with(rows[4], "squat,"));
}

namespace {

bool ends_with(const std::string& text, std::string_view suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

e2e::RunResult run_on(const e2e::Sandbox& sandbox, std::vector<std::string> args,
                      const std::string& today = kToday) {
    args.insert(args.end(), {"--today", today});
    const auto result = sandbox.run(args);
    REQUIRE(result.status == 0);
    return result;
}

}  // namespace

TEST_CASE("progress --weekly counts bodyweight sets at the body weight of their day",
          "[e2e][periods][bodyweight]") {
    e2e::Sandbox sandbox;
    run_on(sandbox, {"log", "pull-up", "3x8@+10kg"}, "2026-11-17");
    run_on(sandbox, {"log", "back-extension", "2x12"}, "2026-11-10");

    // No weighing yet: the added load alone, and the text says so.
    const auto unweighed = periods_json(sandbox, {"--weekly"});
    REQUIRE(labels(unweighed) == std::vector<std::string>{"2026-W46", "2026-W47"});
    CHECK(unweighed[1]["volume"] == parse_json(R"({"value":240,"unit":"kg"})"));
    CHECK(unweighed[1]["bodyweight_sets_without_body_weight"] == 3);
    CHECK(unweighed[0]["bodyweight_sets_without_body_weight"] == 2);
    const auto text = progress(sandbox, {"--weekly"}, "text");
    CHECK(text.status == 0);
    CHECK(text.err.empty());
    CHECK(contains(text.out,
                   "\n5 bodyweight sets have no body weight on or before their day, so their "
                   "volume counts the added load alone; log one with: liftlog weigh"));

    // 80 kg from the week of the pull-ups on: (80 + 10) x 24 = 2160 kg.
    run_on(sandbox, {"weigh", "80kg"}, "2026-11-16");
    const auto weighed = periods_json(sandbox, {"--weekly"});
    CHECK(weighed[1]["volume"] == parse_json(R"({"value":2160,"unit":"kg"})"));
    CHECK(weighed[1]["bodyweight_sets_without_body_weight"] == 0);
    CHECK(weighed[0]["volume"]["value"] == 0);  // the 80 kg came after 2026-11-10
    const auto one_left = progress(sandbox, {"--weekly"}, "text");
    CHECK(contains(one_left.out, "\n2 bodyweight sets have no body weight"));

    // A weighing logged now for an earlier day counts for the sets before it.
    run_on(sandbox, {"weigh", "75kg", "--date", "2026-11-09"});
    const auto backdated = periods_json(sandbox, {"--weekly"});
    CHECK(backdated[0]["volume"]["value"] == 1800);  // 75 x 24
    CHECK(backdated[0]["bodyweight_sets_without_body_weight"] == 0);
    CHECK(backdated[1]["volume"]["value"] == 2160);  // still the 80 kg of its own week
    const auto all_weighed = progress(sandbox, {"--weekly"}, "text");
    CHECK(all_weighed.status == 0);
    CHECK_FALSE(contains(all_weighed.out, "no body weight"));
    const auto lines = split_lines(all_weighed.out);
    REQUIRE(lines.size() == 3);
    CHECK(starts_with(lines[2], "2026-W47  2026-11-16  1     1         3     24    2160 kg"));
    // In pounds, converted once: 3960 kg = 8730.31 lb.
    const auto pounds = periods_json(sandbox, {"--monthly", "--unit", "lb"});
    REQUIRE(pounds.size() == 1);
    CHECK(pounds[0]["volume"] == parse_json(R"({"value":8730.31,"unit":"lb"})"));
    // --since leaves out records, not the weighings they are counted with.
    const auto since = periods_json(sandbox, {"--weekly", "--since", "2026-11-16"});
    REQUIRE(since.size() == 1);
    CHECK(since[0]["volume"]["value"] == 2160);
}

TEST_CASE("progress --weekly counts assistance off the body weight", "[e2e][periods][bodyweight]") {
    e2e::Sandbox sandbox;
    run_on(sandbox, {"weigh", "80kg"}, "2026-11-16");
    run_on(sandbox, {"log", "pull-up", "3x5@-20kg"}, "2026-11-17");
    // A lighter weighing logged later for an earlier day leaves less than the
    // help: the set counts 0, not less.
    run_on(sandbox, {"log", "pull-up", "2x4@-30kg"}, "2026-11-19");
    run_on(sandbox, {"weigh", "25kg", "--date", "2026-11-18"});
    const auto weeks = periods_json(sandbox, {"--weekly"});
    REQUIRE(weeks.size() == 1);
    CHECK(weeks[0]["volume"]["value"] == 900);  // (80 - 20) x 15 + 0
    CHECK(weeks[0]["reps"] == 23);
    CHECK(weeks[0]["bodyweight_sets"] == 0);  // assisted, not body weight alone
}

TEST_CASE("progress --weekly counts timed sets in seconds and carries in metres",
          "[e2e][periods][timed]") {
    e2e::Sandbox sandbox;
    run_on(sandbox, {"log", "plank", "3x60s"}, "2026-11-17");
    run_on(sandbox, {"log", "farmers-walk", "2x40m@32kg"}, "2026-11-18");
    run_on(sandbox, {"log", "deadlift", "3x5@100kg"}, "2026-11-18");
    run_on(sandbox, {"log", "plank", "1x45s"}, "2026-11-05");

    const auto weeks = periods_json(sandbox, {"--weekly"});
    REQUIRE(labels(weeks) == std::vector<std::string>{"2026-W45", "2026-W46", "2026-W47"});
    const auto& week = weeks[2];
    CHECK(week["timed_sets"] == 3);
    CHECK(week["seconds"] == 180);
    CHECK(week["distance_sets"] == 2);
    CHECK(week["metres"] == 80);
    CHECK(week["working_sets"] == 8);
    CHECK(week["volume"]["value"] == 1500);  // the deadlifts alone: the 32 kg carried is not x reps
    CHECK(week["bodyweight_sets_without_body_weight"] == 0);  // a plank needs no body weight
    CHECK(weeks[0]["seconds"] == 45);
    CHECK(weeks[1]["seconds"] == 0);

    const auto text = progress(sandbox, {"--weekly"}, "text");
    CHECK(text.status == 0);
    CHECK(text.err.empty());
    const auto lines = split_lines(text.out);
    REQUIRE(lines.size() == 4);
    CHECK(contains(lines[0], "  BW REPS  TIME  DISTANCE  SETS PER MUSCLE"));
    CHECK(contains(lines[3], "  3:00  80 m  "));
    CHECK(contains(lines[1], "  0:45  0 m  "));

    const auto csv = progress(sandbox, {"--weekly"}, "csv");
    CHECK(csv.status == 0);
    const auto rows = split_lines(csv.out);
    REQUIRE(rows.size() == 4);
    CHECK(ends_with(rows[0],
                    ",sets_upper_back,bodyweight_sets_without_body_weight,timed_sets,seconds,"
                    "distance_sets,metres"));
    CHECK(ends_with(rows[3], ",0,3,180,2,80"));
    CHECK(e2e::count_of(rows[0], ",") == e2e::count_of(rows[3], ","));
}

TEST_CASE("progress --weekly leaves TIME and DISTANCE out of a log of lifts alone",
          "[e2e][periods][timed]") {
    e2e::Sandbox sandbox;
    seed_periods(sandbox);
    const auto text = progress(sandbox, {"--weekly"}, "text");
    REQUIRE(text.status == 0);
    CHECK_FALSE(contains(text.out, "TIME"));
    CHECK_FALSE(contains(text.out, "DISTANCE"));
    CHECK(contains(split_lines(text.out)[0], "BW REPS  SETS PER MUSCLE"));
}

TEST_CASE("progress --weekly over a piped log counts its weighings too", "[e2e][periods][pipes]") {
    e2e::Sandbox sandbox;
    run_on(sandbox, {"weigh", "80kg"}, "2026-11-16");
    run_on(sandbox, {"log", "pull-up", "3x8@+10kg"}, "2026-11-17");
    // A pipe can be read once: the weighings must come from the same read.
    const std::string dir = sandbox.dir().string();
    const std::string command =
        "cd '" + dir + "' && env -i HOME='" + dir + "/home' XDG_DATA_HOME='" + dir +
        "/data' XDG_CONFIG_HOME='" + dir + "/config' TZ=UTC LC_ALL=C.UTF-8 cat '" +
        sandbox.log().string() + "' | " + LIFTLOG_BINARY +
        " --log /dev/stdin progress --weekly --format csv --today " + kToday + " 2>&1";
    std::FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string out;
    char buffer[4096];
    while (const std::size_t got = std::fread(buffer, 1, sizeof buffer, pipe))
        out.append(buffer, got);
    const int status = ::pclose(pipe);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    const auto rows = split_lines(out);
    REQUIRE(rows.size() == 2);
    CHECK(starts_with(rows[1], "2026-W47,2026-11-16,2026-11-22,1,1,3,24,2160,kg,"));
    CHECK(ends_with(rows[1], ",0,0,0,0,0"));  // every set had its body weight
}
