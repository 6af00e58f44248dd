// liftlog import FILE: each app's export, idempotency, bad rows, dry runs,
// custom exercises and the user's name mapping.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <set>

#include "../common/shared_samples.hpp"
#include "harness.hpp"
#include "support.hpp"

using e2e::contains;
using e2e::kToday;
using e2e::parse_json;
using e2e::split_lines;

namespace {

namespace fs = std::filesystem;

// Real exports, read from ../shared/samples/imports/ (never copied in).
const std::set<std::string> kSharedSamples = {"fitnotes-android-export-kgs.csv",
                                              "fitnotes-android-export-lbs-edge-cases.csv",
                                              "stronglifts-export-kg.csv"};

std::string fixture(const std::string& name) {
    if (kSharedSamples.contains(name)) {
        const auto text = liftlog::testing::read_shared_sample(LIFTLOG_SOURCE_DIR, "imports", name);
        REQUIRE(text);
        return *text;
    }
    return e2e::read_file(fs::path(LIFTLOG_SOURCE_DIR) / "tests" / "data" / "imports" / name);
}

bool sample_missing(const std::string& name) {
    return kSharedSamples.contains(name) &&
           !liftlog::testing::read_shared_sample(LIFTLOG_SOURCE_DIR, "imports", name);
}

// Leaves the test case, saying why, when a real export is not beside the checkout.
#define SKIP_WITHOUT_SAMPLE(name)                                                            \
    if (sample_missing(name)) {                                                              \
        WARN(liftlog::testing::missing_sample_message(LIFTLOG_SOURCE_DIR, "imports", name)); \
        return;                                                                              \
    }

// Copies a fixture into the sandbox and imports it.
e2e::RunResult import_fixture(const e2e::Sandbox& sandbox, const std::string& name,
                              std::vector<std::string> extra = {}) {
    sandbox.write_file(name, fixture(name));
    std::vector<std::string> args{"import", name, "--today", kToday};
    args.insert(args.end(), extra.begin(), extra.end());
    return sandbox.run(args);
}

nlohmann::ordered_json import_json(const e2e::Sandbox& sandbox, const std::string& name,
                                   std::vector<std::string> extra = {}) {
    extra.insert(extra.end(), {"--format", "json"});
    const auto result = import_fixture(sandbox, name, extra);
    INFO(result.err);
    REQUIRE(result.status == 0);
    return parse_json(result.out);
}

// progress --format json as a map from exercise id to its summary.
std::map<std::string, nlohmann::ordered_json> progress(const e2e::Sandbox& sandbox) {
    const auto result = sandbox.run({"progress", "--today", kToday, "--format", "json"});
    INFO(result.err);
    REQUIRE(result.status == 0);
    CHECK(result.err.empty());
    std::map<std::string, nlohmann::ordered_json> by_id;
    for (const auto& item : parse_json(result.out)) by_id[item["exercise"]] = item;
    return by_id;
}

fs::path custom_file(const e2e::Sandbox& sandbox, const std::string& id) {
    return sandbox.dir() / "config" / "liftlog" / "exercises" / (id + ".json");
}

const char* kFitNotesHeader =
    "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment\n";

}  // namespace

TEST_CASE("import a Strong export: mapping table and summary in text", "[e2e][import]") {
    e2e::Sandbox sandbox;
    const auto result = import_fixture(sandbox, "strong-comma.csv");
    INFO(result.err);
    CHECK(result.status == 0);
    CHECK(result.err.empty());
    const auto lines = split_lines(result.out);
    REQUIRE(lines.size() > 12);
    CHECK(lines[0] == "Importing strong-comma.csv (Strong export, 20 rows)");
    CHECK(lines[1] ==
          "Weights without a unit in the file were read as kg (--unit or LIFTLOG_UNIT sets this).");
    CHECK(std::regex_search(result.out, std::regex("\nBench Press \\(Barbell\\) +bench-press +"
                                                   "library +1 +4 +0\n")));
    CHECK(std::regex_search(result.out, std::regex("\nBench Press \\(Dumbbell\\) +"
                                                   "dumbbell-bench-press +library")));
    CHECK(std::regex_search(result.out,
                            std::regex("\nCable Crunch +cable-crunch +new custom +1 +1")));
    CHECK(contains(result.out, "Added 8 records (16 sets) to " + sandbox.log().string() + "."));
    CHECK(contains(result.out, "Already in the log: 0 records"));
    CHECK(contains(result.out, "  1 rest timer row (line 4)\n"));
    CHECK(contains(result.out, "  2 cardio or timed rows (lines 12, 13)\n"));
    CHECK(contains(result.out, "  1 missed set (line 18)\n"));
    CHECK(contains(result.out, "1 custom exercise written: cable-crunch"));
    CHECK(split_lines(sandbox.read_log()).size() == 8);

    const auto summary = progress(sandbox);
    CHECK(summary.size() == 8);
    CHECK(summary.at("bench-press")["sessions"] == 1);
    CHECK(summary.at("bench-press")["last"] == "2026-03-02");
    CHECK(summary.at("deadlift")["best_set"]["load"] ==
          parse_json(R"({"kind":"external","value":140,"unit":"kg"})"));
    CHECK(summary.at("pull-up")["best_set"]["load"]["kind"] == "added");
    CHECK(summary.at("cable-crunch")["name"] == "Cable Crunch");
}

TEST_CASE("import writes records the log reads back exactly", "[e2e][import]") {
    e2e::Sandbox sandbox;
    REQUIRE(import_fixture(sandbox, "strong-comma.csv").status == 0);
    const auto lines = split_lines(sandbox.read_log());
    REQUIRE(lines.size() == 8);
    const auto bench = parse_json(lines[0]);
    CHECK(std::regex_match(bench["id"].get<std::string>(), std::regex("[0-9a-f]{32}")));
    CHECK(bench["date"] == "2026-03-02");
    CHECK(bench["exercise"] == "bench-press");
    CHECK(bench["sets"][0] ==
          parse_json(
              R"({"reps":10,"load":{"kind":"external","value":40,"unit":"kg"},"warmup":true})"));
    CHECK(bench["sets"][2]["load"]["value"] == 82.5);
    CHECK(bench["rpe"] == 9.5);
    CHECK(bench["note"] == "Slept well, felt \"strong\"; Paused, 1s");
    // `time` is when it was imported.
    CHECK(std::regex_match(bench["time"].get<std::string>(),
                           std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00)")));
    const auto check = sandbox.run({"check", "--today", kToday});
    INFO(check.out << check.err);
    CHECK(check.status == 0);
}

TEST_CASE("importing the same file twice adds nothing the second time", "[e2e][import]") {
    const auto name =
        GENERATE(as<std::string>{}, "strong-comma.csv", "strong-semicolon-kg.csv", "hevy-kg.csv",
                 "hevy-lbs.csv", "fitnotes-android-export-kgs.csv",
                 "fitnotes-android-export-lbs-edge-cases.csv", "stronglifts-export-kg.csv");
    INFO(name);
    SKIP_WITHOUT_SAMPLE(name);
    e2e::Sandbox sandbox;
    const auto first = import_json(sandbox, name);
    CHECK(first["added"]["records"].get<int>() > 0);
    CHECK(first["duplicates"] == 0);
    const std::string log = sandbox.read_log();
    const auto customs = first["custom_exercises"].size();
    const auto second = import_json(sandbox, name);
    CHECK(second["added"]["records"] == 0);
    CHECK(second["added"]["sets"] == 0);
    CHECK(second["duplicates"] == first["added"]["records"]);
    CHECK(second["custom_exercises"].empty());
    CHECK(sandbox.read_log() == log);
    // The custom exercises written the first time are now known ones.
    std::size_t known_customs = 0;
    for (const auto& row : second["mapping"]) {
        CHECK(row["match"] != "new custom");
        if (row["match"] == "custom") ++known_customs;
    }
    CHECK(known_customs == customs);
}

TEST_CASE("import the FitNotes samples", "[e2e][import]") {
    SKIP_WITHOUT_SAMPLE("fitnotes-android-export-kgs.csv");
    SKIP_WITHOUT_SAMPLE("fitnotes-android-export-lbs-edge-cases.csv");
    e2e::Sandbox sandbox;
    const auto kgs = import_json(sandbox, "fitnotes-android-export-kgs.csv");
    CHECK(kgs["format"] == "fitnotes");
    CHECK(kgs["rows"] == 38);
    CHECK(kgs["added"] == parse_json(R"({"records":8,"sets":38})"));
    CHECK(kgs["skipped"]["rows"].empty());
    CHECK(kgs["custom_exercises"].size() == 5);
    CHECK(kgs["assumed_unit"] == nullptr);
    CHECK(kgs["mapping"][0] ==
          parse_json(R"({"name":"Lat Pulldown","exercise":"lat-pulldown","match":"library",)"
                     R"("records":1,"sets":6,"duplicates":0,"replaced":0})"));

    // The lb export of the same workouts is other records (other weights), and
    // its custom exercises are the ones the kg import wrote.
    const auto lbs = import_json(sandbox, "fitnotes-android-export-lbs-edge-cases.csv");
    CHECK(lbs["rows"] == 46);
    CHECK(lbs["added"] == parse_json(R"({"records":8,"sets":38})"));
    CHECK(lbs["custom_exercises"].empty());
    CHECK(lbs["skipped"]["counts"] == parse_json(R"({"cardio":7,"no-reps":1})"));
    const auto& skipped = lbs["skipped"]["rows"];
    REQUIRE(skipped.size() == 8);
    CHECK(skipped[0]["line"] == 40);
    CHECK(skipped[0]["exercise"] == "Cycling");
    CHECK(skipped[0]["kind"] == "cardio");
    CHECK(skipped[7]["line"] == 47);
    CHECK(skipped[7]["kind"] == "no-reps");

    const auto summary = progress(sandbox);
    CHECK(summary.at("lat-pulldown")["sessions"] == 1);
    CHECK(summary.at("hip-thrust")["best_set"]["load"] ==
          parse_json(R"({"kind":"external","value":352.74,"unit":"lb"})"));
    CHECK(summary.at("hammer-strength-row")["name"] == "Hammer Strength Row");
    CHECK(summary.at("smith-machine-shoulder-press")["last"] == "2026-08-05");
}

TEST_CASE("import the StrongLifts sample", "[e2e][import]") {
    SKIP_WITHOUT_SAMPLE("stronglifts-export-kg.csv");
    e2e::Sandbox sandbox;
    const auto result = import_json(sandbox, "stronglifts-export-kg.csv");
    CHECK(result["format"] == "stronglifts");
    CHECK(result["rows"] == 15);
    CHECK(result["added"] == parse_json(R"({"records":15,"sets":52})"));
    CHECK(result["skipped"]["counts"] == parse_json(R"({"missed":17})"));
    CHECK(result["custom_exercises"].empty());
    for (const auto& row : result["mapping"]) CHECK(row["match"] == "library");
    const auto summary = progress(sandbox);
    CHECK(summary.size() == 8);
    CHECK(summary.at("squat")["sessions"] == 2);  // two workouts a day, two days
    CHECK(summary.at("squat")["first"] == "2026-08-11");
    CHECK(summary.at("squat")["last"] == "2026-08-13");
    CHECK(summary.at("front-squat")["best_set"]["load"]["value"] == 43.1);
    CHECK(summary.at("romanian-deadlift")["total_reps"] == 25);
}

TEST_CASE("import text: missed sets counted per set, each line named once", "[e2e][import]") {
    SKIP_WITHOUT_SAMPLE("stronglifts-export-kg.csv");
    e2e::Sandbox sandbox;
    const auto result = import_fixture(sandbox, "stronglifts-export-kg.csv");
    REQUIRE(result.status == 0);
    CHECK(contains(result.out,
                   "  17 missed sets (lines 2, 3, 5, 6, 8, 9, 10, 11, 12, 15 and 1 more)\n"));
}

TEST_CASE("import Strong's semicolon export and Hevy exports", "[e2e][import]") {
    e2e::Sandbox sandbox;
    const auto semicolon = import_json(sandbox, "strong-semicolon-kg.csv");
    CHECK(semicolon["added"] == parse_json(R"({"records":4,"sets":7})"));
    CHECK(semicolon["rounded_weights"] == 1);
    CHECK(semicolon["skipped"]["counts"] == parse_json(R"({"rest-timer":1,"cardio":1})"));
    const auto hevy = import_json(sandbox, "hevy-kg.csv");
    CHECK(hevy["format"] == "hevy");
    CHECK(hevy["added"] == parse_json(R"({"records":6,"sets":10})"));
    const auto lbs = import_json(sandbox, "hevy-lbs.csv");
    CHECK(lbs["added"] == parse_json(R"({"records":5,"sets":7})"));
    CHECK(lbs["custom_exercises"].size() == 2);
    const auto summary = progress(sandbox);
    CHECK(summary.at("leg-press")["best_set"]["load"] ==
          parse_json(R"({"kind":"external","value":182.25,"unit":"kg"})"));
    CHECK(summary.at("hip-thrust")["sessions"] == 2);
    CHECK(summary.at("squat")["sessions"] == 2);
    CHECK(summary.at("pull-up")["sessions"] == 1);  // "Pull Up" and "Pull Up (Weighted)"
    CHECK(summary.at("squat-smith-machine")["name"] == "Squat (Smith Machine)");
}

TEST_CASE("a bad row imports nothing and names FILE:LINE", "[e2e][import]") {
    e2e::Sandbox sandbox;
    e2e::seed_log(sandbox);
    const std::string before = sandbox.read_log();
    sandbox.write_file("bad.csv", std::string(kFitNotesHeader) +
                                      "2026-08-04,Lat Pulldown,Back,35.0,kgs,10,,,,\n"
                                      "2026-08-04,Lat Pulldown,Back,heavy,kgs,8,,,,\n"
                                      "2026-08-04,Mystery Lift,Back,35.0,kgs,8,,,,\n");
    const auto result = sandbox.run({"import", "bad.csv", "--today", kToday});
    CHECK(result.status == 1);
    CHECK(result.out.empty());
    CHECK(e2e::is_single_error(result.err));
    CHECK(contains(result.err, "bad.csv: 1 row cannot be read, so nothing was imported:"));
    CHECK(contains(result.err,
                   "\nbad.csv:3: the weight 'heavy' is not a number; write it like "
                   "102.5\n"));
    CHECK(contains(result.err, "--skip-bad"));
    CHECK(sandbox.read_log() == before);
    CHECK_FALSE(fs::exists(custom_file(sandbox, "mystery-lift")));
}

TEST_CASE("a bad row in a new log leaves no log", "[e2e][import]") {
    e2e::Sandbox sandbox;
    sandbox.write_file("bad.csv", std::string(kFitNotesHeader) +
                                      "2026-08-04,Lat Pulldown,Back,35.0,kgs,10,,,,\n"
                                      "04/08/2026,Lat Pulldown,Back,35.0,kgs,8,,,,\n");
    const auto result = sandbox.run({"import", "bad.csv", "--today", kToday});
    CHECK(result.status == 1);
    CHECK(contains(result.err, "bad.csv:3: '04/08/2026' is not a date"));
    CHECK_FALSE(fs::exists(sandbox.log()));
}

TEST_CASE("import --skip-bad imports the rest and lists the skipped rows on stderr",
          "[e2e][import]") {
    e2e::Sandbox sandbox;
    sandbox.write_file("bad.csv", std::string(kFitNotesHeader) +
                                      "2026-08-04,Lat Pulldown,Back,35.0,kgs,10,,,,\n"
                                      "2026-08-04,Lat Pulldown,Back,heavy,kgs,8,,,,\n"
                                      "2026-08-04,Lat Pulldown,Back,40,kgs,8,,,,\n");
    const auto result = sandbox.run({"import", "bad.csv", "--skip-bad", "--today", kToday});
    CHECK(result.status == 0);
    CHECK(result.err ==
          "liftlog: warning: bad.csv:3: skipped: the weight 'heavy' is not a number; write it "
          "like 102.5\n");
    CHECK(contains(result.out, "Added 1 record (2 sets)"));
    CHECK(contains(result.out, "  1 bad row (line 3)\n"));
    const auto lines = split_lines(sandbox.read_log());
    REQUIRE(lines.size() == 1);
    CHECK(parse_json(lines[0])["sets"].size() == 2);
}

TEST_CASE("import --dry-run shows what would be added and writes nothing", "[e2e][import]") {
    e2e::Sandbox sandbox;
    const auto text = import_fixture(sandbox, "hevy-lbs.csv", {"--dry-run"});
    CHECK(text.status == 0);
    CHECK(contains(text.out, "Would add 5 records (7 sets) to " + sandbox.log().string() +
                                 "; this was a dry run, nothing was written."));
    CHECK(contains(text.out, "  2026-11-03  squat  5w@135lb 2x5@225lb\n"));
    CHECK(contains(text.out,
                   "2 custom exercises would be written: squat-smith-machine, "
                   "walking-lunge-dumbbell"));
    CHECK_FALSE(fs::exists(sandbox.log()));
    CHECK_FALSE(fs::exists(custom_file(sandbox, "squat-smith-machine")));

    const auto json = import_json(sandbox, "hevy-lbs.csv", {"--dry-run"});
    CHECK(json["dry_run"] == true);
    REQUIRE(json["records"].size() == 5);
    CHECK(json["records"][0]["exercise"] == "squat");
    CHECK(json["records"][0]["sets"][1]["load"] ==
          parse_json(R"({"kind":"external","value":225,"unit":"lb"})"));
    CHECK(json["records"][0]["rpe"] == 8.5);
    CHECK_FALSE(fs::exists(sandbox.log()));
    CHECK_FALSE(fs::exists(sandbox.dir() / "config"));

    // Without --dry-run, the same records (the ids do not depend on the run).
    const auto real = import_json(sandbox, "hevy-lbs.csv");
    const auto lines = split_lines(sandbox.read_log());
    REQUIRE(lines.size() == 5);
    CHECK(parse_json(lines[0])["id"] == json["records"][0]["id"]);
    CHECK(real["added"]["records"] == 5);
}

TEST_CASE("an unknown exercise becomes a custom definition that show and log know",
          "[e2e][import]") {
    e2e::Sandbox sandbox;
    REQUIRE(import_fixture(sandbox, "hevy-lbs.csv").status == 0);
    const fs::path file = custom_file(sandbox, "walking-lunge-dumbbell");
    REQUIRE(fs::exists(file));
    const auto definition = parse_json(e2e::read_file(file));
    CHECK(definition["id"] == "walking-lunge-dumbbell");
    CHECK(definition["name"] == "Walking Lunge (Dumbbell)");
    CHECK(definition["custom"] == true);
    CHECK(definition["loading"] == "external");

    const auto show = sandbox.run({"show", "walking-lunge-dumbbell", "--today", kToday});
    INFO(show.err);
    CHECK(show.status == 0);
    CHECK(e2e::starts_with(show.out, "Walking Lunge (Dumbbell) (walking-lunge-dumbbell)\n"));
    CHECK(contains(show.out, "Imported from Hevy"));
    CHECK(contains(show.out, "Your history: 1 session"));
    // By its original name too, and it can be logged.
    CHECK(sandbox.run({"show", "Walking Lunge (Dumbbell)", "--today", kToday}).status == 0);
    const auto logged =
        sandbox.run({"log", "walking-lunge-dumbbell", "3x12@40lb", "--today", kToday});
    CHECK(logged.status == 0);
    CHECK(progress(sandbox).at("walking-lunge-dumbbell")["sessions"] == 2);
}

TEST_CASE("import --map overrides the automatic mapping", "[e2e][import]") {
    e2e::Sandbox sandbox;
    sandbox.write_file(
        "names.json",
        R"j({"Walking Lunge (Dumbbell)": "squat", "Squat (Smith Machine)": "squat"})j");
    const auto result = import_json(sandbox, "hevy-lbs.csv", {"--map", "names.json"});
    CHECK(result["custom_exercises"].empty());
    for (const auto& row : result["mapping"])
        if (row["name"] != "Squat (Barbell)" && row["name"] != "Leg Press (Machine)" &&
            row["name"] != "Hip Thrust (Barbell)") {
            CHECK(row["exercise"] == "squat");
            CHECK(row["match"] == "map");
        }
    CHECK_FALSE(fs::exists(custom_file(sandbox, "walking-lunge-dumbbell")));
    CHECK(progress(sandbox).count("walking-lunge-dumbbell") == 0);
}

TEST_CASE("the default mapping file is read from the config directory", "[e2e][import]") {
    e2e::Sandbox sandbox;
    sandbox.write_file("config/liftlog/import-names.json", R"({"cable crunch": "back-extension"})");
    const auto result = import_json(sandbox, "strong-comma.csv");
    bool mapped = false;
    for (const auto& row : result["mapping"])
        if (row["name"] == "Cable Crunch") {
            CHECK(row["exercise"] == "back-extension");
            CHECK(row["match"] == "map");
            mapped = true;
        }
    CHECK(mapped);
    CHECK(result["custom_exercises"].empty());
}

TEST_CASE("a mapping to an unknown id is an error with a suggestion", "[e2e][import]") {
    e2e::Sandbox sandbox;
    sandbox.write_file("names.json", R"({"Cable Crunch": "dedlift"})");
    sandbox.write_file("strong.csv", fixture("strong-comma.csv"));
    const auto result =
        sandbox.run({"import", "strong.csv", "--map", "names.json", "--today", kToday});
    CHECK(result.status == 1);
    CHECK(e2e::is_single_error(result.err));
    CHECK(contains(result.err,
                   "names.json: \"Cable Crunch\" maps to 'dedlift', which is not in "
                   "the library; did you mean 'deadlift'? Use an exercise id"));
    CHECK_FALSE(fs::exists(sandbox.log()));
}

TEST_CASE("import refuses what it cannot read, with how to fix it", "[e2e][import]") {
    e2e::Sandbox sandbox;
    const auto missing = sandbox.run({"import", "nope.csv", "--today", kToday});
    CHECK(missing.status == 2);
    CHECK(contains(missing.err, "nope.csv: cannot read it: No such file or directory"));
    sandbox.write_file("other.csv", "when,what\n2026-01-01,squat\n");
    const auto unknown = sandbox.run({"import", "other.csv", "--today", kToday});
    CHECK(unknown.status == 1);
    CHECK(contains(unknown.err, "other.csv:1: the header does not match"));
    const auto bad_from =
        sandbox.run({"import", "other.csv", "--from", "jefit", "--today", kToday});
    CHECK(bad_from.status == 2);
    CHECK(contains(bad_from.err, "--from jefit: unknown format"));
    sandbox.write_file("quote.csv", std::string(kFitNotesHeader) + "2026-08-04,\"Squat,x\n");
    const auto quote = sandbox.run({"import", "quote.csv", "--today", kToday});
    CHECK(quote.status == 1);
    CHECK(contains(quote.err, "quote.csv:2: not a CSV file here: a quoted field"));
    CHECK_FALSE(fs::exists(sandbox.log()));
}

TEST_CASE("import --from reads a file whose header was not recognised", "[e2e][import]") {
    e2e::Sandbox sandbox;
    // A FitNotes export with its columns renamed in a spreadsheet is still refused
    // for the missing column, by name.
    sandbox.write_file("renamed.csv", "Day,Exercise,Weight,Weight Unit,Reps\n");
    const auto result =
        sandbox.run({"import", "renamed.csv", "--from", "fitnotes", "--today", kToday});
    CHECK(result.status == 1);
    CHECK(contains(result.err, "renamed.csv:1: the header has no 'date' column"));
}

TEST_CASE("a record the user withdrew is not imported again", "[e2e][import]") {
    SKIP_WITHOUT_SAMPLE("stronglifts-export-kg.csv");
    e2e::Sandbox sandbox;
    REQUIRE(import_fixture(sandbox, "stronglifts-export-kg.csv").status == 0);
    const auto undo = sandbox.run({"undo", "--today", kToday});
    REQUIRE(undo.status == 0);
    const std::string log = sandbox.read_log();
    const auto again = import_json(sandbox, "stronglifts-export-kg.csv");
    CHECK(again["added"]["records"] == 0);
    CHECK(again["duplicates"] == 15);
    CHECK(sandbox.read_log() == log);
}

TEST_CASE("import --unit sets the unit of a plain Weight column", "[e2e][import]") {
    e2e::Sandbox sandbox;
    const auto result = import_fixture(sandbox, "strong-comma.csv", {"--unit", "lb"});
    CHECK(result.status == 0);
    CHECK(contains(result.out, "read as lb"));
    CHECK(parse_json(split_lines(sandbox.read_log())[0])["sets"][1]["load"]["unit"] == "lb");
}

TEST_CASE("import --help leads with examples", "[e2e][import]") {
    e2e::Sandbox sandbox;
    const auto result = sandbox.run({"import", "--help"});
    CHECK(result.status == 0);
    CHECK(contains(result.out, "Examples:\n  liftlog import strong_workouts.csv --dry-run"));
    for (const char* option : {"--from", "--map", "--skip-bad", "--dry-run"})
        CHECK(contains(result.out, option));
}
