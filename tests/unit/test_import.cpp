// `liftlog import`: formats, numbers, names, grouping, ids and custom
// definitions, all pure functions (src/core/import*.cpp).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../common/shared_samples.hpp"
#include "liftlog/import.hpp"
#include "liftlog/import_stream.hpp"
#include "liftlog/library_loader.hpp"
#include "liftlog/text.hpp"

using namespace liftlog;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> texts(const SetNotes& notes) {
    return {notes.begin(), notes.end()};
}

const Library& builtin() {
    static const Library library = Library::build(builtin_sources());
    return library;
}

std::string fixture(const std::string& name) {
    std::ifstream in(fs::path(LIFTLOG_SOURCE_DIR) / "tests" / "data" / "imports" / name,
                     std::ios::binary);
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// A real export from ../shared/samples/imports/, or the test case is skipped.
#define IMPORT_SAMPLE(variable, name) \
    LIFTLOG_SHARED_SAMPLE(variable, fs::path(LIFTLOG_SOURCE_DIR), "imports", name)

const Date kToday = *parse_date("2026-11-20");

ParsedImport parse(const std::string& text, std::optional<ImportFormat> format = std::nullopt,
                   Unit unit = Unit::kg) {
    ImportOptions options;
    options.format = format;
    options.default_unit = unit;
    options.today = kToday;
    return parse_import(text, options);
}

ImportPlan plan(const ParsedImport& parsed, const LogContents* existing = nullptr,
                const std::map<std::string, std::string>* map = nullptr) {
    ImportContext context;
    context.library = &builtin();
    context.existing = existing;
    context.user_map = map;
    context.time = "2026-11-20T10:00:00+00:00";
    return plan_import(parsed, context);
}

std::size_t count_kind(const ParsedImport& parsed, SkipKind kind) {
    return static_cast<std::size_t>(
        std::count_if(parsed.skipped.begin(), parsed.skipped.end(),
                      [kind](const auto& s) { return s.kind == kind; }));
}

std::vector<std::size_t> lines_of_kind(const ParsedImport& parsed, SkipKind kind) {
    std::vector<std::size_t> lines;
    for (const auto& s : parsed.skipped)
        if (s.kind == kind) lines.push_back(s.line);
    return lines;
}

const NameMapping& mapping_for(const ImportPlan& p, const std::string& name) {
    const auto it = std::find_if(p.mapping.begin(), p.mapping.end(),
                                 [&](const NameMapping& m) { return m.name == name; });
    REQUIRE(it != p.mapping.end());
    return *it;
}

std::vector<std::string> split_header(const std::string& line) {
    std::vector<std::string> fields;
    std::stringstream stream(line);
    std::string field;
    while (std::getline(stream, field, ',')) fields.push_back(field);
    return fields;
}

}  // namespace

// ------------------------------------------------------------------ numbers

TEST_CASE("import: decimals are read as text into exact hundredths", "[import]") {
    CHECK(parse_decimal("102.5")->hundredths == 10250);
    CHECK(parse_decimal("20.40")->hundredths == 2040);
    CHECK(parse_decimal("0")->hundredths == 0);
    CHECK(parse_decimal("0.0")->hundredths == 0);
    CHECK(parse_decimal(".5")->hundredths == 50);
    CHECK(parse_decimal("5.")->hundredths == 500);
    CHECK(parse_decimal("242.51")->hundredths == 24251);
    CHECK_FALSE(parse_decimal("102.5")->rounded);
    // 1.005 is 1.00499999... as a double; read as text it rounds up.
    CHECK(parse_decimal("1.005")->hundredths == 101);
    CHECK(parse_decimal("1.005")->rounded);
    CHECK(parse_decimal("100.125")->hundredths == 10013);
    CHECK(parse_decimal("100.124")->hundredths == 10012);
    CHECK(parse_decimal("100.1200")->hundredths == 10012);
    CHECK_FALSE(parse_decimal("100.1200")->rounded);
}

TEST_CASE("import: decimal commas only where the file uses them", "[import]") {
    CHECK(parse_decimal("102,5", true)->hundredths == 10250);
    CHECK(parse_decimal("182,25", true)->hundredths == 18225);
    CHECK(parse_decimal("102.5", true)->hundredths == 10250);
    CHECK_FALSE(parse_decimal("102,5", false));
    CHECK_FALSE(parse_decimal("1,234.5", true));
}

TEST_CASE("import: what is not a plain decimal is refused", "[import]") {
    for (const char* text :
         {"", "-1", "+1", "1e3", "abc", "1.2.3", ".", "12 kg", "0x10", "1234567890123"})
        CHECK_FALSE(parse_decimal(text));
}

// ------------------------------------------------------------------ formats

TEST_CASE("import: each app's header is recognised", "[import]") {
    CHECK(detect_import_format(split_header(
              "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
              "Notes,Workout Notes,RPE")) == ImportFormat::strong);
    CHECK(detect_import_format(split_header(
              "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,"
              "set_index,set_type,weight_lbs,reps,distance_miles,duration_seconds,rpe")) ==
          ImportFormat::hevy);
    CHECK(detect_import_format(split_header("Date,Exercise,Category,Weight,Weight Unit,Reps,"
                                            "Distance,Distance Unit,Time,Comment")) ==
          ImportFormat::fitnotes);
    CHECK(detect_import_format(split_header("Date (yyyy/mm/dd),Workout,Exercise,Set 1 (Reps),"
                                            "Set 1 (KG)")) == ImportFormat::stronglifts);
    CHECK_FALSE(detect_import_format(split_header("date,exercise,sets")));
    CHECK(parse_import_format("Hevy") == ImportFormat::hevy);
    CHECK_FALSE(parse_import_format("jefit"));
}

TEST_CASE("import: an unknown header is refused unless --from names the format", "[import]") {
    try {
        parse("when,what\n2026-01-01,squat\n");
        FAIL("expected ImportError");
    } catch (const ImportError& error) {
        CHECK(error.line() == 1);
        CHECK(std::string(error.what()).find("--from") != std::string::npos);
    }
    // Named, the format's required columns are what is missing.
    try {
        parse("when,what\n2026-01-01,squat\n", ImportFormat::fitnotes);
        FAIL("expected ImportError");
    } catch (const ImportError& error) {
        CHECK(std::string(error.what()).find("'date'") != std::string::npos);
    }
}

TEST_CASE("import: Strong rows, set orders, rest timers, cardio and missed sets", "[import]") {
    const auto parsed = parse(fixture("strong-comma.csv"));
    CHECK(parsed.format == ImportFormat::strong);
    CHECK(parsed.rows == 20);
    CHECK(parsed.bad.empty());
    CHECK(parsed.sets.size() == 16);
    CHECK(count_kind(parsed, SkipKind::rest_timer) == 1);
    CHECK(count_kind(parsed, SkipKind::cardio) == 2);
    CHECK(count_kind(parsed, SkipKind::missed) == 1);
    CHECK(lines_of_kind(parsed, SkipKind::rest_timer) == std::vector<std::size_t>{4});
    CHECK(lines_of_kind(parsed, SkipKind::cardio) == std::vector<std::size_t>{12, 13});
    // Each row of the second workout holds a line break in its note: two lines a row.
    CHECK(lines_of_kind(parsed, SkipKind::missed) == std::vector<std::size_t>{18});
    REQUIRE(parsed.assumed_unit);
    CHECK(*parsed.assumed_unit == Unit::kg);
    const auto& warmup = parsed.sets[0];
    CHECK(warmup.type == SetType::warmup);
    CHECK(warmup.weight == 4000);
    CHECK_FALSE(warmup.unit_stated);
    CHECK(texts(warmup.notes) == std::vector<std::string>{"Slept well, felt \"strong\""});
    CHECK(parsed.sets[2].rpe == 8.5);
    CHECK(texts(parsed.sets[2].notes) ==
          std::vector<std::string>{"Slept well, felt \"strong\"", "Paused, 1s"});
    CHECK(parsed.sets[7].type == SetType::drop);
    CHECK(parsed.sets[8].type == SetType::failure);
    CHECK(format_date(parsed.sets[9].date) == "2026-03-04");
    CHECK(parsed.sets[9].notes.front() == "Gym busy\nhad to wait for the rack");
}

TEST_CASE("import: a plain Strong weight column takes the --unit", "[import]") {
    const auto parsed = parse(fixture("strong-comma.csv"), std::nullopt, Unit::lb);
    CHECK(parsed.assumed_unit == Unit::lb);
    CHECK(parsed.sets[1].unit == Unit::lb);
    CHECK(parsed.sets[1].weight == 8000);
}

TEST_CASE("import: Strong's semicolon export with decimal commas, BOM and CRLF", "[import]") {
    const auto parsed = parse(fixture("strong-semicolon-kg.csv"));
    CHECK(parsed.format == ImportFormat::strong);
    CHECK(parsed.separator == ';');
    CHECK(parsed.bad.empty());
    CHECK(parsed.sets.size() == 7);
    CHECK_FALSE(parsed.assumed_unit);
    CHECK(parsed.sets[1].weight == 10250);
    CHECK(parsed.sets[1].unit == Unit::kg);
    CHECK(parsed.sets[1].unit_stated);
    CHECK(parsed.sets[1].rpe == 8.5);
    CHECK(parsed.sets[4].weight == 18225);
    CHECK(parsed.sets[5].weight == 10013);  // 100,125 rounded to hundredths
    CHECK(parsed.rounded_weights == 1);
    CHECK(texts(parsed.sets[2].notes) ==
          std::vector<std::string>{"Gürtel; Schuhe", "Knie ok; tief"});
    CHECK(count_kind(parsed, SkipKind::rest_timer) == 1);
    CHECK(count_kind(parsed, SkipKind::cardio) == 1);
}

TEST_CASE("import: Hevy in kg and in lb", "[import]") {
    const auto kg = parse(fixture("hevy-kg.csv"));
    CHECK(kg.format == ImportFormat::hevy);
    CHECK(kg.bad.empty());
    CHECK(kg.sets.size() == 10);
    CHECK(count_kind(kg, SkipKind::cardio) == 2);
    CHECK(format_date(kg.sets[0].date) == "2026-10-22");
    CHECK(kg.sets[0].type == SetType::warmup);
    CHECK(kg.sets[3].type == SetType::drop);
    CHECK(kg.sets[4].exercise == "Pull Up");
    CHECK_FALSE(kg.sets[4].weight);  // blank: body weight
    CHECK(texts(kg.sets[0].notes) ==
          std::vector<std::string>{"Morning session, \"deload\" week", "Elbows tucked"});
    CHECK(format_date(kg.sets.back().date) == "2026-10-24");

    const auto lb = parse(fixture("hevy-lbs.csv"));
    CHECK(lb.sets.size() == 7);
    CHECK(lb.sets[1].unit == Unit::lb);
    CHECK(lb.sets[1].weight == 22500);
    CHECK(lb.sets[5].weight == 18550);
    CHECK(count_kind(lb, SkipKind::cardio) == 1);
}

TEST_CASE("import: FitNotes, unit per row, cardio rows mixed in", "[import]") {
    IMPORT_SAMPLE(fitnotes_kgs, "fitnotes-android-export-kgs.csv");
    IMPORT_SAMPLE(fitnotes_lbs, "fitnotes-android-export-lbs-edge-cases.csv");
    const auto kgs = parse(fitnotes_kgs);
    CHECK(kgs.format == ImportFormat::fitnotes);
    CHECK(kgs.rows == 38);
    CHECK(kgs.sets.size() == 38);
    CHECK(kgs.skipped.empty());
    CHECK(kgs.sets[0].weight == 3500);
    CHECK(texts(kgs.sets[11].notes) == std::vector<std::string>{"testing note 1"});

    const auto lbs = parse(fitnotes_lbs);
    CHECK(lbs.rows == 46);
    CHECK(lbs.sets.size() == 38);
    CHECK(lbs.sets[0].unit == Unit::lb);
    CHECK(lbs.sets[0].weight == 7716);
    CHECK(lines_of_kind(lbs, SkipKind::cardio) ==
          std::vector<std::size_t>{40, 41, 42, 43, 44, 45, 46});
    CHECK(lines_of_kind(lbs, SkipKind::no_reps) == std::vector<std::size_t>{47});
    CHECK(lbs.bad.empty());
}

TEST_CASE("import: StrongLifts, sets spread over columns, missed sets", "[import]") {
    IMPORT_SAMPLE(stronglifts, "stronglifts-export-kg.csv");
    const auto parsed = parse(stronglifts);
    CHECK(parsed.format == ImportFormat::stronglifts);
    CHECK(parsed.rows == 15);
    CHECK(parsed.bad.empty());
    CHECK(parsed.sets.size() == 52);
    CHECK(count_kind(parsed, SkipKind::missed) == 17);
    CHECK(parsed.sets[0].exercise == "Squat");
    CHECK(format_date(parsed.sets[0].date) == "2026-08-11");
    CHECK(parsed.sets[0].weight == 5500);
    CHECK(parsed.skipped[0].reason.find("set 5") != std::string::npos);
    // 20.4 stays 20.40 kg exactly.
    const auto it = std::find_if(parsed.sets.begin(), parsed.sets.end(),
                                 [](const SourceSet& s) { return s.weight == 2040; });
    CHECK(it != parsed.sets.end());
}

TEST_CASE("import: bad rows are collected with their line and a fix", "[import]") {
    const std::string text =
        "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment\n"
        "2026-08-04,Lat Pulldown,Back,35.0,kgs,10,,,,\n"
        "2026-13-04,Lat Pulldown,Back,35.0,kgs,10,,,,\n"
        "2026-08-04,Lat Pulldown,Back,heavy,kgs,10,,,,\n"
        "2026-08-04,Lat Pulldown,Back,35.0,stone,10,,,,\n"
        "2026-08-04,Lat Pulldown,Back,35.0,kgs,ten,,,,\n"
        "2026-08-04,Lat Pulldown,Back,-20,kgs,10,,,,\n"
        "2027-01-01,Lat Pulldown,Back,35.0,kgs,10,,,,\n";
    const auto parsed = parse(text);
    CHECK(parsed.sets.size() == 1);
    REQUIRE(parsed.bad.size() == 6);
    CHECK(parsed.bad[0].line == 3);
    CHECK(parsed.bad[0].reason.find("'2026-13-04' is not a date") != std::string::npos);
    CHECK(parsed.bad[1].reason.find("'heavy' is not a number") != std::string::npos);
    CHECK(parsed.bad[2].reason.find("unknown weight unit 'stone'") != std::string::npos);
    CHECK(parsed.bad[3].reason.find("'ten' are not a whole number") != std::string::npos);
    CHECK(parsed.bad[4].reason.find("negative") != std::string::npos);
    CHECK(parsed.bad[5].reason.find("after today") != std::string::npos);
    CHECK(parsed.bad[5].line == 8);
}

TEST_CASE("import: unknown set types and bad RPE are bad rows", "[import]") {
    const std::string strong =
        "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,RPE\n"
        "2026-03-02 07:45:00,A,Deadlift,X,100,5,\n"
        "2026-03-02 07:45:00,A,Deadlift,1,100,5,11\n";
    const auto parsed = parse(strong);
    REQUIRE(parsed.bad.size() == 2);
    CHECK(parsed.bad[0].reason.find("unknown Set Order 'X'") != std::string::npos);
    CHECK(parsed.bad[1].reason.find("RPE '11'") != std::string::npos);
    const std::string hevy =
        "title,start_time,exercise_title,set_type,weight_kg,reps\n"
        "A,\"22 Dec 2025, 08:00\",Deadlift,superset,100,5\n";
    const auto bad_type = parse(hevy);
    REQUIRE(bad_type.bad.size() == 1);
    CHECK(bad_type.bad[0].reason.find("unknown set_type 'superset'") != std::string::npos);
}

TEST_CASE("import: a bad StrongLifts row adds none of its sets", "[import]") {
    const std::string text =
        "Date (yyyy/mm/dd),Workout,Exercise,Set 1 (Reps),Set 1 (KG),Set 2 (Reps),Set 2 (KG)\n"
        "2026/08/11,1,Squat,5,60,5,sixty\n";
    const auto parsed = parse(text);
    CHECK(parsed.sets.empty());
    CHECK(parsed.skipped.empty());
    CHECK(parsed.bad.size() == 1);
}

TEST_CASE("import: a bad row's rounded weight is not counted", "[import]") {
    const std::string text =
        "Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n"
        "2026-01-01 08:00:00,A,Deadlift,1,100.125,abc\n"
        "2026-01-01 08:00:00,A,Deadlift,2,100,5\n";
    const auto parsed = parse(text);
    CHECK(parsed.bad.size() == 1);
    CHECK(parsed.rounded_weights == 0);
}

TEST_CASE("import: only dates the log can hold (years 1900 to 9999)", "[import]") {
    const std::string text =
        "Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n"
        "1899-12-31 08:00:00,A,Deadlift,1,100,5\n"
        "0001-01-01 08:00:00,A,Deadlift,1,100,5\n"
        "1900-01-01 08:00:00,A,Deadlift,1,100,5\n";
    const auto parsed = parse(text);
    REQUIRE(parsed.bad.size() == 2);
    CHECK(parsed.bad[0].line == 2);
    CHECK(parsed.bad[1].line == 3);
    CHECK(parsed.sets.size() == 1);
}

TEST_CASE("import: a file that is not CSV names the line", "[import]") {
    try {
        parse("Date,Exercise,Category,Weight,Weight Unit,Reps\n2026-08-04,\"Squat,x,1,kgs,5\n");
        FAIL("expected ImportError");
    } catch (const ImportError& error) {
        CHECK(error.line() == 2);
    }
    CHECK_THROWS_AS(parse(""), ImportError);
    CHECK_THROWS_AS(
        parse("Date,Exercise,Category,Weight,Weight Unit,Reps\n2026-08-04,\xff,x,1,kgs,5\n"),
        ImportError);
}

// ------------------------------------------------------------------ names

TEST_CASE("import: slugs for custom exercises", "[import]") {
    CHECK(exercise_slug("Hammer Strength Row") == "hammer-strength-row");
    CHECK(exercise_slug("Fly (Cable)") == "fly-cable");
    CHECK(exercise_slug("Farmer's Walk") == "farmers-walk");
    CHECK(exercise_slug("  21s -- Curl!! ") == "21s-curl");
    const std::string other = exercise_slug("\xe6\x97\xa5\xe6\x9c\xac");
    CHECK(other.rfind("custom-", 0) == 0);
    CHECK(other.size() == 15);
    CHECK(is_kebab_case(exercise_slug("Bigger Incline Dumbbell Bench Press")));
    CHECK(exercise_slug("Bankdr\xc3\xbc"
                        "cken (Langhantel)") == "bankdrcken-langhantel");
    const std::string long_slug = exercise_slug(std::string(300, 'a') + " press");
    CHECK(long_slug.size() == 64);
    CHECK(is_kebab_case(long_slug));
    CHECK(long_slug != exercise_slug(std::string(300, 'a') + " row"));
}

TEST_CASE("import: the apps' \"Name (Equipment)\" convention", "[import]") {
    const auto id = [](std::string_view name) -> std::string {
        const Exercise* found = match_exercise_name(builtin(), name);
        return found ? found->id : "(none)";
    };
    CHECK(id("Deadlift") == "deadlift");
    CHECK(id("Pull Up") == "pull-up");
    CHECK(id("Bench Press (Barbell)") == "bench-press");
    CHECK(id("Bench Press (Dumbbell)") == "dumbbell-bench-press");
    CHECK(id("Incline Bench Press (Dumbbell)") == "incline-dumbbell-press");
    CHECK(id("Reverse Fly (Dumbbell)") == "reverse-dumbbell-fly");
    CHECK(id("Lat Pulldown (Cable)") == "lat-pulldown");
    CHECK(id("Deadlift (Barbell)") == "deadlift");
    CHECK(id("Lateral Raise (Dumbbell)") == "lateral-raise");
    CHECK(id("Triceps Pushdown (Cable - Straight Bar)") == "triceps-pushdown");
    CHECK(id("Pull Up (Weighted)") == "pull-up");
    CHECK(id("Machine Triceps Pushdown") == "triceps-pushdown");
    // The bare name is used only when that exercise takes the equipment.
    CHECK(id("Romanian Deadlift (Dumbbell)") == "(none)");
    CHECK(id("Squat (Smith Machine)") == "(none)");
    CHECK(id("Pull Up (Assisted)") == "(none)");
    CHECK(id("Lat Pulldown (Kettlebell)") == "(none)");
    CHECK(id("Hammer Strength Row") == "(none)");
    CHECK(id("Smith Machine Shoulder Press") == "(none)");
    CHECK(id("") == "(none)");
}

TEST_CASE("import: a user mapping resolves to library ids", "[import]") {
    const auto map = parse_name_map(
        R"({"Hammer Strength Row": "dumbbell-row", "  Cable  CRUNCH ": "Back Extension"})",
        builtin());
    CHECK(map.at("hammer strength row") == "dumbbell-row");
    CHECK(map.at("cable crunch") == "back-extension");
}

TEST_CASE("import: a mapping to an unknown id suggests one", "[import]") {
    const std::string map = R"j({"Deadlift (Barbell)": "dedlift"})j";
    try {
        parse_name_map(map, builtin());
        FAIL("expected ImportError");
    } catch (const ImportError& error) {
        const std::string message = error.what();
        CHECK(message.find("'dedlift', which is not in the library") != std::string::npos);
        CHECK(message.find("did you mean 'deadlift'") != std::string::npos);
    }
    CHECK_THROWS_AS(parse_name_map("[1,2]", builtin()), ImportError);
    CHECK_THROWS_AS(parse_name_map(R"({"a": 3})", builtin()), ImportError);
    CHECK_THROWS_AS(parse_name_map("{", builtin()), ImportError);
}

// ------------------------------------------------------------------ plans

TEST_CASE("import: records group one exercise of one workout, loads follow the library",
          "[import]") {
    const auto p = plan(parse(fixture("strong-comma.csv")));
    REQUIRE(p.records.size() == 8);
    CHECK(p.sets == 16);
    const Record& bench = p.records[0];
    CHECK(bench.exercise == "bench-press");
    CHECK(format_date(bench.date) == "2026-03-02");
    REQUIRE(bench.sets.size() == 4);
    CHECK(bench.sets[0] == SetEntry{10, Load::external(4000, Unit::kg), true});
    CHECK(bench.sets[2] == SetEntry{5, Load::external(8250, Unit::kg), false});
    CHECK(bench.rpe == 9.5);
    CHECK(bench.note == "Slept well, felt \"strong\"; Paused, 1s");
    CHECK(bench.time == "2026-11-20T10:00:00+00:00");
    CHECK(p.records[2].exercise == "triceps-pushdown");
    CHECK(p.records[2].rpe == 10);
    const Record& deadlift = p.records[3];
    CHECK(deadlift.sets.size() == 2);  // the missed set is not a set
    // Pull-up is a bodyweight exercise: 0 is body weight, 10 is added.
    const Record& pull_up = p.records[4];
    CHECK(pull_up.exercise == "pull-up");
    CHECK(pull_up.sets[0].load == Load::bodyweight());
    CHECK(pull_up.sets[1].load == Load::added(1000, Unit::kg));
    CHECK(pull_up.note == "Gym busy\nhad to wait for the rack; belt");
    CHECK_FALSE(p.records[6].rpe);
    CHECK(p.records[7].exercise == "cable-crunch");
    // Every record is valid for the log.
    for (const auto& record : p.records) CHECK(parse_record(serialize_record(record)) == record);
}

TEST_CASE("import: the mapping says where each name went", "[import]") {
    IMPORT_SAMPLE(fitnotes_kgs, "fitnotes-android-export-kgs.csv");
    const auto p = plan(parse(fitnotes_kgs));
    CHECK(p.records.size() == 8);
    CHECK(p.sets == 38);
    CHECK(mapping_for(p, "Lat Pulldown").exercise == "lat-pulldown");
    CHECK(mapping_for(p, "Lat Pulldown").kind == MatchKind::library);
    CHECK(mapping_for(p, "Machine Triceps Pushdown").exercise == "triceps-pushdown");
    CHECK(mapping_for(p, "Hip Thrust").exercise == "hip-thrust");
    const auto& row = mapping_for(p, "Hammer Strength Row");
    CHECK(row.exercise == "hammer-strength-row");
    CHECK(row.kind == MatchKind::new_custom);
    CHECK(row.sets == 4);
    CHECK(p.customs.size() == 5);
    // Smith Machine Shoulder Press 0.0 kg is body weight; the rest are loaded.
    const auto smith = std::find_if(p.records.begin(), p.records.end(), [](const Record& r) {
        return r.exercise == "smith-machine-shoulder-press";
    });
    REQUIRE(smith != p.records.end());
    CHECK(smith->sets.size() == 3);  // two runs of rows on the same day: one record
    CHECK(smith->sets[0].load == Load::bodyweight());
    CHECK(smith->sets[1].load == Load::external(3000, Unit::kg));
}

TEST_CASE("import: a custom exercise's loading is guessed from its sets", "[import]") {
    const std::string text =
        "title,start_time,exercise_title,set_type,weight_kg,reps\n"
        "A,\"22 Oct 2026, 08:00\",Ring Dip,normal,,10\n"
        "A,\"22 Oct 2026, 08:00\",Ring Dip,normal,0,8\n"
        "A,\"22 Oct 2026, 08:00\",Sled Row,normal,40,10\n";
    const auto p = plan(parse(text));
    REQUIRE(p.customs.size() == 2);
    CHECK(p.customs[0].id == "ring-dip");
    CHECK(p.customs[0].loading == Loading::bodyweight);
    CHECK(p.customs[1].loading == Loading::external);
    CHECK(p.records[0].sets[0].load == Load::bodyweight());
}

TEST_CASE("import: the user's mapping overrides the automatic one", "[import]") {
    IMPORT_SAMPLE(fitnotes_kgs, "fitnotes-android-export-kgs.csv");
    const std::map<std::string, std::string> map = {{"hammer strength row", "dumbbell-row"},
                                                    {"lat pulldown", "pull-up"}};
    const auto p = plan(parse(fitnotes_kgs), nullptr, &map);
    CHECK(mapping_for(p, "Hammer Strength Row").exercise == "dumbbell-row");
    CHECK(mapping_for(p, "Hammer Strength Row").kind == MatchKind::user_map);
    // Mapped to a bodyweight exercise, weights become added load.
    CHECK(p.records[0].exercise == "pull-up");
    CHECK(p.records[0].sets[0].load == Load::added(3500, Unit::kg));
    CHECK(p.customs.size() == 4);
}

TEST_CASE("import: ids are 32 hex digits and the same on every import", "[import]") {
    IMPORT_SAMPLE(stronglifts, "stronglifts-export-kg.csv");
    const auto first = plan(parse(stronglifts));
    const auto second = plan(parse(stronglifts));
    REQUIRE(first.records.size() == 15);
    std::unordered_set<std::string> ids;
    for (std::size_t i = 0; i < first.records.size(); ++i) {
        CHECK(first.records[i].id == second.records[i].id);
        CHECK(first.records[i].id.size() == 32);
        CHECK(first.records[i].id.find_first_not_of("0123456789abcdef") == std::string::npos);
        ids.insert(first.records[i].id);
    }
    CHECK(ids.size() == 15);
}

TEST_CASE("import: ids do not depend on row numbers, so a longer export adds only the new",
          "[import]") {
    const std::string full = fixture("hevy-kg.csv");
    // An older export: the header and the first workout only, in another order of lines.
    const auto lines_end = full.find("\"Lower B\"");
    REQUIRE(lines_end != std::string::npos);
    const auto older = plan(parse(full.substr(0, lines_end)));
    LogContents existing;
    for (const auto& record : older.records) existing.ids.insert(record.id);
    const auto newer = plan(parse(full), &existing);
    CHECK(newer.duplicates == older.records.size());
    REQUIRE(newer.records.size() == 1);
    CHECK(newer.records[0].exercise == "deadlift");
    // A newer workout added at the top of the file does not change the old ids.
    const auto header_end = full.find('\n') + 1;
    const std::string shifted = full.substr(0, header_end) +
                                "\"Extra\",\"1 Nov 2026, 08:00\",\"\",\"\",\"Deadlift (Barbell)\","
                                ",\"\",0,\"normal\",100,5,,,\n" +
                                full.substr(header_end);
    const auto with_extra = plan(parse(shifted), &existing);
    CHECK(with_extra.duplicates == older.records.size());
    CHECK(with_extra.records.size() == 2);
}

TEST_CASE("import: identical groups get distinct ids through their occurrence", "[import]") {
    TextPool pool;
    SourceSet set;
    set.date = kToday;
    set.exercise = pool.text("Deadlift");
    set.reps = 5;
    const std::vector<const SourceSet*> group{&set};
    CHECK(import_record_id(ImportFormat::fitnotes, group, 0) !=
          import_record_id(ImportFormat::fitnotes, group, 1));
    CHECK(import_record_id(ImportFormat::fitnotes, group, 0) !=
          import_record_id(ImportFormat::strong, group, 0));
    CHECK(import_record_id(ImportFormat::fitnotes, group, 0) ==
          import_record_id(ImportFormat::fitnotes, group, 0));
    // Two Strong workouts with the same start and name and the same sets.
    const std::string strong =
        "Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n"
        "2026-03-02 07:45:00,A,Deadlift,1,100,5\n"
        "2026-03-02 07:45:00,A,Squat,1,100,5\n"
        "2026-03-02 07:45:00,A,Deadlift,1,100,5\n";
    const auto p = plan(parse(strong));
    // The two Deadlift rows are one workout's exercise: one record with two sets.
    REQUIRE(p.records.size() == 2);
    CHECK(p.records[0].sets.size() == 2);
    CHECK(fnv1a64("") == 0xcbf29ce484222325ULL);
    CHECK(fnv1a64("a") == 0xaf63dc4c8601ec8cULL);
}

TEST_CASE("import: an assumed unit does not change the ids", "[import]") {
    const auto kg = plan(parse(fixture("strong-comma.csv"), std::nullopt, Unit::kg));
    const auto lb = plan(parse(fixture("strong-comma.csv"), std::nullopt, Unit::lb));
    REQUIRE(kg.records.size() == lb.records.size());
    for (std::size_t i = 0; i < kg.records.size(); ++i) CHECK(kg.records[i].id == lb.records[i].id);
    CHECK(kg.records[0].sets[1].load.unit == Unit::kg);
    CHECK(lb.records[0].sets[1].load.unit == Unit::lb);
}

TEST_CASE("import: records already in the log are left out, custom definitions with them",
          "[import]") {
    const auto parsed = parse(fixture("hevy-lbs.csv"));
    const auto all = plan(parsed);
    REQUIRE(all.records.size() == 5);
    CHECK(all.customs.size() == 2);
    LogContents existing;
    for (const auto& record : all.records) existing.ids.insert(record.id);
    const auto again = plan(parsed, &existing);
    CHECK(again.records.empty());
    CHECK(again.duplicates == 5);
    CHECK(again.customs.empty());
    CHECK(mapping_for(again, "Squat (Barbell)").duplicates == 1);
}

// ------------------------------------------------------------------ custom definitions

TEST_CASE("import: a custom definition needs only id, name and loading", "[import][exercise]") {
    const CustomExercise custom{"hammer-strength-row", "Hammer Strength Row", Loading::external,
                                ImportFormat::fitnotes};
    const std::string text = custom_exercise_json(custom);
    const Exercise exercise = parse_exercise(nlohmann::json::parse(text));
    CHECK(exercise.custom);
    CHECK(exercise.id == "hammer-strength-row");
    CHECK(exercise.name == "Hammer Strength Row");
    CHECK(exercise.loading == Loading::external);
    CHECK(exercise.description.find("Imported from FitNotes") != std::string::npos);
    CHECK(exercise.primary_muscles.empty());
    CHECK(exercise.prescription.reps.min == 8);
    CHECK(exercise.prescription.reps.max == 12);
    CHECK(exercise.progression.rep_range.max == 12);
    CHECK(exercise_to_json(exercise)["custom"] == true);
    // The library takes it alongside the built-in exercises.
    auto sources = builtin_sources();
    sources.push_back({"/config/hammer-strength-row.json", DefinitionKind::exercise, text});
    const Library library = Library::build(sources);
    const Exercise* found = library.find_exercise("hammer strength row");
    REQUIRE(found != nullptr);
    CHECK(found->custom);
}

TEST_CASE("import: without custom, the full set of fields is still required",
          "[import][exercise]") {
    CHECK_THROWS_AS(parse_exercise(nlohmann::json::parse(
                        R"({"id":"x","name":"X","aliases":[],"loading":"external"})")),
                    DefinitionError);
    CHECK_THROWS_AS(parse_exercise(nlohmann::json::parse(
                        R"({"id":"x","name":"X","custom":"yes","loading":"external"})")),
                    DefinitionError);
    CHECK_THROWS_AS(parse_exercise(nlohmann::json::parse(R"({"id":"x","name":"X","custom":true})")),
                    DefinitionError);
    // Fields a custom definition gives are checked as usual.
    CHECK_THROWS_AS(parse_exercise(nlohmann::json::parse(
                        R"({"id":"x","name":"X","custom":true,"loading":"external","steps":[]})")),
                    DefinitionError);
    const auto bodyweight = parse_exercise(nlohmann::json::parse(
        R"({"id":"x","name":"X","custom":true,"loading":"bodyweight","equipment":["none"]})"));
    CHECK(bodyweight.loading == Loading::bodyweight);
    CHECK(bodyweight.equipment == std::vector<std::string>{"none"});
}

TEST_CASE("import: the date forms the apps write", "[import]") {
    const auto date_of = [](const std::string& start) {
        const auto parsed = parse("title,start_time,exercise_title,set_type,weight_kg,reps\nA,\"" +
                                  start + "\",Deadlift,normal,100,5\n");
        return parsed.sets.empty() ? std::string("(bad)") : format_date(parsed.sets[0].date);
    };
    CHECK(date_of("22 Dec 2025, 08:00") == "2025-12-22");
    CHECK(date_of("2 December 2025, 18:30") == "2025-12-02");
    CHECK(date_of("2025-12-22T08:00:00Z") == "2025-12-22");
    CHECK(date_of("2025-12-22 08:00:00") == "2025-12-22");
    CHECK(date_of("2025/12/22") == "2025-12-22");
    CHECK(date_of("32 Dec 2025, 08:00") == "(bad)");
    CHECK(date_of("29 Feb 2025") == "(bad)");
    CHECK(date_of("22 Foo 2025, 08:00") == "(bad)");
    CHECK(date_of("12/22/2025") == "(bad)");
    CHECK(date_of("2025-12-22x") == "(bad)");
}

// ------------------------------------------------------------ names and notes

TEST_CASE("import: control and invisible characters never reach the records or definitions",
          "[import][text]") {
    const std::string payload =
        "\x1b]52;c;aGk=\x07\xc2\x9b"
        "2J\xe2\x80\xae\xe2\x81\xa6\xe2\x80\x8b";
    const std::string csv =
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
        "Workout Notes,RPE\n"
        "2026-11-02 07:45:00,Push,1h,\"Zercher" +
        payload + " Row\",1,80,5,0,0,\"felt" + payload +
        "\",,\n"
        "2026-11-02 07:45:00,Push,1h,Deadlift,1,100,5,0,0,,,\n";
    const ParsedImport parsed = parse(csv);
    const ImportPlan p = plan(parsed);
    REQUIRE(p.records.size() == 2);
    CHECK(p.records[0].note == "felt]52;c;aGk=2J");
    CHECK(p.customs.at(0).name == "Zercher]52;c;aGk=2J Row");
    CHECK(p.mapping.at(0).name == "Zercher]52;c;aGk=2J Row");
    CHECK(p.cleaned_names == 1);
    CHECK(p.cleaned_notes == 1);
    CHECK(p.truncated_names == 0);
    const auto definition = nlohmann::json::parse(custom_exercise_json(p.customs.at(0)));
    CHECK_FALSE(first_control_character(definition["name"].get<std::string>()));
    CHECK_FALSE(first_control_character(definition["description"].get<std::string>()));
    // The ids still come from the file's own text, so an import from before
    // this rule is still recognised as the same records.
    std::vector<const SourceSet*> group = {&parsed.sets[0]};
    CHECK(p.records[0].id == import_record_id(parsed.format, group, 0));
}

TEST_CASE("import: names over 200 bytes and notes over 2000 bytes are cut and counted",
          "[import][text]") {
    const std::string long_name = "Row " + std::string(20000, 'x');
    std::string long_note;
    for (int i = 0; i < 1000; ++i) long_note += "\xc3\xbc";  // 2000 bytes
    long_note += "!";
    const std::string csv =
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
        "Workout Notes,RPE\n"
        "2026-11-02 07:45:00,Push,1h," +
        long_name + ",1,80,5,0,0," + long_note +
        ",,\n"
        "2026-11-03 07:45:00,Push,1h," +
        long_name + ",1,80,5,0,0,short,,\n";
    const ImportPlan p = plan(parse(csv));
    REQUIRE(p.records.size() == 2);
    CHECK(p.customs.at(0).name.size() == kMaxExerciseNameBytes);
    CHECK(p.records[0].note->size() == kMaxNoteBytes);
    CHECK(p.records[1].note == "short");
    CHECK(p.truncated_names == 1);  // one name, however many rows
    CHECK(p.truncated_notes == 1);
    CHECK(p.cleaned_names == 0);
}

TEST_CASE("import: a set keeps two notes and joins a third to the second", "[import]") {
    TextPool pool;
    SetNotes notes;
    CHECK(notes.empty());
    notes.add(pool, "");
    CHECK(notes.size() == 0);
    notes.add(pool, "workout");
    notes.add(pool, "exercise");
    notes.add(pool, "set");
    CHECK(texts(notes) == std::vector<std::string>{"workout", "exercise; set"});
}

TEST_CASE("import: equal texts from a pool are one text", "[import]") {
    TextPool pool;
    const SharedText a = pool.text("Bench Press (Barbell)");
    const SharedText b = pool.text(std::string("Bench Press (Barbell)"));
    CHECK(&a.str() == &b.str());
    CHECK(a == std::string_view("Bench Press (Barbell)"));
    CHECK(pool.text("Squat") != a);
    CHECK(SharedText().str().empty());
    CHECK(sizeof(SharedText) == sizeof(void*));
}

TEST_CASE("import: the chunked set store keeps order across chunks and drops a tail", "[import]") {
    SourceSets sets;
    const std::size_t total = SourceSets::kChunk * 2 + 5;
    for (std::size_t i = 0; i < total; ++i) {
        SourceSet set;
        set.line = i + 2;
        sets.push_back(std::move(set));
    }
    CHECK(sets.size() == total);
    const SourceSet* first = &sets[0];
    std::size_t expected = 2;
    bool in_order = true;
    for (const auto& set : sets) in_order = in_order && set.line == expected++;
    CHECK(in_order);
    CHECK(expected == total + 2);
    CHECK(&sets[0] == first);  // growing never moved a set
    sets.drop_from(SourceSets::kChunk + 1);
    CHECK(sets.size() == SourceSets::kChunk + 1);
    CHECK(sets.back().line == SourceSets::kChunk + 2);
    SourceSet again;
    again.line = 99;
    sets.push_back(std::move(again));
    CHECK(sets.back().line == 99);
    CHECK(sets[SourceSets::kChunk + 1].line == 99);
    sets.release();
    CHECK(sets.empty());
    CHECK(sets.begin() == sets.end());
}

TEST_CASE("import: record ids stay what earlier versions wrote", "[import]") {
    // Pinned: a re-import finds earlier records only if the same file still
    // gives the same ids.
    const std::string text =
        "Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n"
        "2026-03-02 07:45:00,A,Deadlift (Barbell),W,60,5\n"
        "2026-03-02 07:45:00,A,Deadlift (Barbell),1,100,5\n";
    const ParsedImport parsed = parse_import(text, {std::nullopt, Unit::kg, kToday});
    REQUIRE(parsed.sets.size() == 2);
    const std::vector<const SourceSet*> group{&parsed.sets[0], &parsed.sets[1]};
    CHECK(import_record_id(ImportFormat::strong, group, 0) == "09e979d3edd6c12e1b5bd3b92acf0011");
}

TEST_CASE("import: an export fed in chunks of any size reads as the whole file does") {
    ImportOptions options;
    options.today = kToday;
    for (const char* name :
         {"strong-comma.csv", "strong-semicolon-kg.csv", "hevy-kg.csv", "hevy-lbs.csv"}) {
        const std::string text = fixture(name);
        const ParsedImport whole = parse_import(text, options);
        for (const std::size_t size : {std::size_t{1}, std::size_t{2}, std::size_t{3},
                                       std::size_t{7}, std::size_t{64}, std::size_t{1000}}) {
            INFO(name << " in chunks of " << size);
            ImportStream stream(options);
            for (std::size_t at = 0; at < text.size(); at += size)
                stream.feed(std::string_view(text).substr(at, size));
            const ParsedImport chunked = stream.finish();
            CHECK(chunked.format == whole.format);
            CHECK(chunked.separator == whole.separator);
            CHECK(chunked.rows == whole.rows);
            REQUIRE(chunked.sets.size() == whole.sets.size());
            for (std::size_t i = 0; i < whole.sets.size(); ++i) {
                CHECK(chunked.sets[i].line == whole.sets[i].line);
                CHECK(chunked.sets[i].exercise == whole.sets[i].exercise);
                CHECK(chunked.sets[i].weight == whole.sets[i].weight);
                CHECK(texts(chunked.sets[i].notes) == texts(whole.sets[i].notes));
            }
            CHECK(chunked.skipped.size() == whole.skipped.size());
            CHECK(chunked.bad.size() == whole.bad.size());
        }
    }
}

TEST_CASE("import: past 1000 bad rows only their lines are kept, and all are counted") {
    std::string text =
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
        "Workout Notes,RPE\n";
    for (int i = 0; i < 1200; ++i) text += "someday,Push,1h,Row,1,80,5,0,0,,,\n";
    const auto parsed = parse(text);
    CHECK(parsed.bad.size() == kMaxBadRowsListed);
    CHECK(parsed.bad_rows() == 1200);
    REQUIRE(parsed.unlisted_bad_lines.size() == 200);
    CHECK(parsed.unlisted_bad_lines.front() == 1002);
    CHECK(parsed.unlisted_bad_lines.back() == 1201);
}
