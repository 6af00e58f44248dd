// Text from files (an imported export, a definition, a hand-edited log line,
// a file name) must never reach the terminal as a control sequence, whichever
// command prints it. Each test plants the same payloads and looks for them,
// raw, in stdout and stderr.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "harness.hpp"
#include "support.hpp"

using e2e::contains;
using e2e::kToday;
using e2e::parse_json;

namespace {

// OSC 52 (a clipboard write), clear-screen, the one-byte C1 CSI (U+009B),
// a right-to-left override (U+202E), a left-to-right isolate (U+2066) and a
// zero-width space (U+200B).
const std::string kOsc52 = "\x1b]52;c;aGk=\x07";
const std::string kClear = "\x1b[2J";
const std::string kC1Csi =
    "\xc2\x9b"
    "2J";
const std::string kRlo = "\xe2\x80\xae";
const std::string kIsolate = "\xe2\x81\xa6";
const std::string kZeroWidth = "\xe2\x80\x8b";
const std::string kPayload =
    kOsc52 + "|" + kClear + "|" + kC1Csi + "|" + kRlo + "|" + kIsolate + "|" + kZeroWidth;
// The same, as a JSON string holds it.
const std::string kJsonPayload =
    R"(\u001b]52;c;aGk=\u0007|\u001b[2J|\u009b2J|\u202e|\u2066|\u200b)";
// What a definition file may hold: the controls are refused there.
const std::string kInvisible = kRlo + kIsolate + kZeroWidth;

// The bytes that must not appear raw. Text output may hold the colour codes
// liftlog itself writes with --color always; they are taken out first.
const std::vector<std::string> kRawBytes = {"\x1b", "\x07", "\xc2\x9b", kRlo, kIsolate, kZeroWidth};

std::string without_style_codes(std::string text) {
    for (const std::string code :
         {"\x1b[0m", "\x1b[1m", "\x1b[2m", "\x1b[32m", "\x1b[33m", "\x1b[36m"})
        for (auto at = text.find(code); at != std::string::npos; at = text.find(code))
            text.erase(at, code.size());
    return text;
}

std::size_t raw_payload_bytes(const std::string& text) {
    const std::string plain = without_style_codes(text);
    std::size_t found = 0;
    for (const auto& bytes : kRawBytes) found += e2e::count_of(plain, bytes);
    return found;
}

void require_clean(const e2e::RunResult& result) {
    INFO("stdout: " << result.out);
    INFO("stderr: " << result.err);
    CHECK(raw_payload_bytes(result.out) == 0);
    CHECK(raw_payload_bytes(result.err) == 0);
}

// A deadlift entry whose note and id carry the payload, and an entry of an
// exercise whose id is the payload (a log line written by hand).
void seed_hostile_log(const e2e::Sandbox& sandbox) {
    sandbox.write_file(
        "data/liftlog/log.jsonl",
        e2e::record_line("id-" + kJsonPayload, "2026-11-13", "deadlift",
                         e2e::external_sets(3, 5, 95), R"(,"note":")" + kJsonPayload + R"(")") +
            "\n" +
            e2e::record_line("0000000000000002", "2026-11-16", "x" + kJsonPayload,
                             e2e::external_sets(1, 5, 50), R"(,"note":")" + kJsonPayload + R"(")") +
            "\n");
}

// An exercise and a plan whose texts hold the characters that reorder or hide
// text, with a session of the exercise in the log.
std::string seed_invisible_definitions(const e2e::Sandbox& sandbox) {
    std::string exercise = e2e::exercise_definition("band-pull", "Band" + kInvisible + " Pull");
    exercise.replace(exercise.find("A test exercise."), 16, "Pull" + kInvisible + " apart.");
    exercise.replace(exercise.find("Do it."), 6, "Step" + kInvisible + ".");
    sandbox.write_file("extra/band-pull.json", exercise);
    sandbox.write_file("extra/plans/my-plan.json",
                       R"({"id":"my-plan","name":"My)" + kInvisible + R"( Plan","description":")" +
                           kInvisible +
                           R"(","items":[{"exercise":"band-pull","sets":2,"reps":15}]})");
    sandbox.write_file("data/liftlog/log.jsonl",
                       e2e::record_line("0000000000000003", "2026-11-13", "band-pull",
                                        e2e::external_sets(3, 10, 20)) +
                           "\n" +
                           e2e::record_line("0000000000000004", "2026-11-16", "band-pull",
                                            e2e::external_sets(3, 10, 22)) +
                           "\n");
    return (sandbox.dir() / "extra").string();
}

std::string strong_export(const std::string& name, const std::string& note) {
    return "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
           "Notes,Workout Notes,RPE\n"
           "2026-11-02 07:45:00,Push,1h,\"" +
           name + "\",1,80,5,0,0,\"" + note + "\",,\n";
}

}  // namespace

TEST_CASE("hostile text: import neither prints nor stores the payload", "[e2e][hostile][import]") {
    e2e::Sandbox sandbox;
    const std::string file = "export" + kClear + kRlo + ".csv";
    sandbox.write_file(file, strong_export("Row" + kPayload, "felt" + kPayload));
    for (const std::string format : {"text", "json"}) {
        const auto dry =
            sandbox.run({"import", file, "--dry-run", "--today", kToday, "-O", format});
        CHECK(dry.status == 0);
        if (format == "text") require_clean(dry);
        CHECK(contains(dry.err,
                       "removed control or invisible characters from 1 exercise name "
                       "and 1 note"));
    }
    const auto result = sandbox.run({"import", file, "--today", kToday});
    REQUIRE(result.status == 0);
    require_clean(result);
    const std::string log = sandbox.read_log();
    CHECK(raw_payload_bytes(log) == 0);
    for (const std::string escaped : {"\\u001b", "\\u0007", "\\u009b"})
        CHECK_FALSE(contains(log, escaped));
    const auto record = parse_json(e2e::split_lines(log).at(0));
    CHECK(record["note"] == "felt]52;c;aGk=|[2J|2J|||");
    const std::string custom = e2e::read_file(sandbox.dir() / "config/liftlog/exercises" /
                                              (record["exercise"].get<std::string>() + ".json"));
    CHECK(parse_json(custom)["name"] == "Row]52;c;aGk=|[2J|2J|||");
    // The custom definition it wrote is one the library accepts.
    CHECK(sandbox.run({"show", record["exercise"], "--today", kToday}).status == 0);
}

TEST_CASE("hostile text: show, list and plan escape what definitions hold",
          "[e2e][hostile][definitions]") {
    e2e::Sandbox sandbox;
    const std::string extra = seed_invisible_definitions(sandbox);
    for (const std::string color : {"never", "always"}) {
        INFO("--color " << color);
        const std::vector<std::vector<std::string>> commands = {
            {"show", "band-pull"}, {"list"},
            {"list", "band"},      {"plan"},
            {"plan", "my-plan"},   {"progress", "band-pull", "--chart"}};
        for (auto args : commands) {
            INFO(args.front());
            for (const std::string& more : std::vector<std::string>{"--exercises", extra, "--today",
                                                                    kToday, "--color", color})
                args.push_back(more);
            const auto result = sandbox.run(args);
            CHECK(result.status == 0);
            require_clean(result);
        }
    }
    const auto show = sandbox.run({"show", "band-pull", "--exercises", extra, "--today", kToday});
    CHECK(contains(show.out, "Band\\u202e\\u2066\\u200b Pull (band-pull)"));
    // JSON is for programs: it keeps the text exactly.
    const auto json =
        sandbox.run({"show", "band-pull", "--exercises", extra, "--today", kToday, "-O", "json"});
    CHECK(parse_json(json.out)["name"] == "Band" + kInvisible + " Pull");
}

TEST_CASE("hostile text: reports over a hand-edited log escape notes, names and ids",
          "[e2e][hostile][log]") {
    e2e::Sandbox sandbox;
    seed_hostile_log(sandbox);
    const std::vector<std::vector<std::string>> commands = {
        {"progress"}, {"progress", "deadlift"},         {"progress", "--weekly"},
        {"history"},  {"history", "--color", "always"}, {"show", "deadlift"},
        {"check"}};
    for (auto args : commands) {
        INFO(args.front());
        args.push_back("--today");
        args.push_back(kToday);
        const auto result = sandbox.run(args);
        CHECK(result.status == (args.front() == "check" ? 1 : 0));
        require_clean(result);
    }
    const auto history = sandbox.run({"history", "--today", kToday});
    CHECK(
        contains(history.out, "x\\x1b]52;c;aGk=\\x07|\\x1b[2J|\\u009b2J|\\u202e|\\u2066|\\u200b"));
    const auto jsonl = sandbox.run({"history", "--today", kToday, "-O", "jsonl"});
    CHECK(parse_json(e2e::split_lines(jsonl.out).at(0))["note"] == kPayload);
}

TEST_CASE("hostile text: undo escapes the entry it withdraws", "[e2e][hostile][undo]") {
    e2e::Sandbox sandbox;
    seed_hostile_log(sandbox);
    const auto last = sandbox.run({"undo", "--today", kToday});
    CHECK(last.status == 0);
    require_clean(last);
    const auto by_prefix = sandbox.run({"undo", "id-" + kPayload.substr(0, 1), "--today", kToday});
    CHECK(by_prefix.status == 0);
    require_clean(by_prefix);
}

TEST_CASE("hostile text: errors, warnings and hints escape what they quote",
          "[e2e][hostile][errors]") {
    e2e::Sandbox sandbox;
    seed_hostile_log(sandbox);
    const std::string odd_log = "data/odd" + kClear + kRlo + ".jsonl";
    sandbox.write_file(odd_log, "{\"v\":1,\"id\":\"" + kJsonPayload + "\",\"date\":\"nope\"}\n" +
                                    "not json " + kPayload + "\n");
    sandbox.write_file("config/weird" + kOsc52 + ".toml",
                       "\"unit" + kJsonPayload + "\" = \"kg\"\n");
    const std::string weird_config = (sandbox.dir() / ("config/weird" + kOsc52 + ".toml")).string();
    const std::vector<std::vector<std::string>> commands = {
        {"show", "dead" + kPayload},                         // unknown exercise, did you mean
        {"log", "dead" + kPayload, "5"},                     // the same through log
        {"log", "deadlift", "5@100kg", "--note", kPayload},  // a note is stored as typed
        {"progress", "--log", (sandbox.dir() / odd_log).string()},  // warnings name the log
        {"history", "--log", (sandbox.dir() / odd_log).string()},
        {"check", "--log", (sandbox.dir() / odd_log).string()},
        {"list", "--config", weird_config},               // a config error quotes the key
        {"list", "--config", weird_config + kZeroWidth},  // a missing config file
        {"import", "missing" + kPayload + ".csv"},        // a file that is not there
        {"history", "--since", kPayload},                 // a bad date
        {"undo", "zz" + kPayload},                        // no such entry
        {"frobnicate" + kPayload}};                       // not a command
    for (auto args : commands) {
        INFO(args.front());
        args.push_back("--today");
        args.push_back(kToday);
        const auto result = sandbox.run(args);
        require_clean(result);
    }
}

TEST_CASE("hostile text: import --skip-bad warnings escape the rows they name",
          "[e2e][hostile][import]") {
    e2e::Sandbox sandbox;
    sandbox.write_file("bad.csv", strong_export("Row", "ok") + "not-a-date" + kPayload +
                                      ",Push,1h,\"Row" + kPayload + "\",1,80,5,0,0,,,\n");
    const auto refused = sandbox.run({"import", "bad.csv", "--today", kToday});
    CHECK(refused.status == 1);
    require_clean(refused);
    const auto skipped = sandbox.run({"import", "bad.csv", "--skip-bad", "--today", kToday});
    CHECK(skipped.status == 0);
    require_clean(skipped);
}

TEST_CASE("definition files with control characters are refused, naming the file and field",
          "[e2e][hostile][definitions]") {
    e2e::Sandbox sandbox;
    sandbox.write_file("extra/band-pull.json",
                       e2e::exercise_definition("band-pull", R"(Band\u001b[2J Pull)"));
    sandbox.write_file("plans-only/plans/my-plan.json",
                       R"({"id":"my-plan","name":"My Plan","description":"\u009b2J",)"
                       R"("items":[{"exercise":"deadlift","sets":2,"reps":15}]})");
    const std::string extra = (sandbox.dir() / "extra").string();
    const auto list = sandbox.run({"list", "--exercises", extra});
    CHECK(list.status == 1);
    CHECK(list.out.empty());
    CHECK(e2e::is_single_error(list.err));
    CHECK(contains(list.err, "band-pull.json: 'name' holds the control character U+001B"));
    require_clean(list);
    const auto plan = sandbox.run({"plan", "--exercises", (sandbox.dir() / "plans-only").string()});
    CHECK(plan.status == 1);
    CHECK(contains(plan.err, "my-plan.json: 'description' holds the control character U+009B"));
    const auto check = sandbox.run({"check", "--exercises", extra, "--today", kToday});
    CHECK(check.status == 1);
    CHECK(contains(check.out, "'name' holds the control character U+001B"));
    require_clean(check);
}

TEST_CASE("import cuts a 60 KB name and a long note, with one warning counting them",
          "[e2e][import][limits]") {
    e2e::Sandbox sandbox;
    // Just under the 64 KiB field limit (a 20 MB name is refused: test_bounds.cpp).
    const std::string huge_name = "Row " + std::string(60'000, 'x');
    const std::string long_note(5000, 'n');
    sandbox.write_file("big.csv", strong_export(huge_name, long_note) +
                                      "2026-11-03 07:45:00,Push,1h,\"" + huge_name +
                                      "\",1,80,5,0,0,,,\n");
    const auto result = sandbox.run({"import", "big.csv", "--today", kToday});
    REQUIRE(result.status == 0);
    CHECK(e2e::count_of(result.err, "liftlog: warning:") == 1);
    CHECK(contains(result.err,
                   "big.csv: cut 1 exercise name to 200 bytes and 1 note to 2000 "
                   "bytes, the longest liftlog keeps"));
    CHECK(result.out.size() < 4000);  // the mapping table shows the cut name
    const auto lines = e2e::split_lines(sandbox.read_log());
    REQUIRE(lines.size() == 2);
    CHECK(parse_json(lines[0])["note"].get<std::string>().size() == 2000);
    CHECK(lines[1].size() < 400);
    const std::string exercise = parse_json(lines[0])["exercise"];
    const auto custom = parse_json(
        e2e::read_file(sandbox.dir() / "config/liftlog/exercises" / (exercise + ".json")));
    CHECK(custom["name"].get<std::string>().size() == 200);
    const auto json = sandbox.run({"import", "big.csv", "--today", kToday, "-O", "json"});
    CHECK(parse_json(json.out)["truncated"] == parse_json(R"({"names":1,"notes":0})"));
}
