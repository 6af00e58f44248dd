// liftlog list: the library as a table or JSON, filters, and user definitions.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "harness.hpp"
#include "support.hpp"

using e2e::parse_json;
using e2e::split_lines;

namespace {

const std::vector<std::string> kBuiltinIds = {"back-extension",
                                              "back-extension-hold",
                                              "barbell-row",
                                              "bench-press",
                                              "biceps-curl",
                                              "dead-hang",
                                              "deadlift",
                                              "dumbbell-bench-press",
                                              "dumbbell-row",
                                              "farmers-walk",
                                              "floor-back-extension",
                                              "front-squat",
                                              "glute-ham-raise",
                                              "good-morning",
                                              "hip-thrust",
                                              "incline-bench-press",
                                              "incline-dumbbell-press",
                                              "kettlebell-swing",
                                              "lat-pulldown",
                                              "lateral-raise",
                                              "leg-press",
                                              "machine-lumbar-extension",
                                              "overhead-press",
                                              "plank",
                                              "pull-up",
                                              "reverse-back-extension",
                                              "reverse-dumbbell-fly",
                                              "roman-chair-back-extension",
                                              "romanian-deadlift",
                                              "side-plank",
                                              "squat",
                                              "trap-bar-deadlift",
                                              "triceps-pushdown"};

std::vector<std::string> ids_of(const nlohmann::ordered_json& list) {
    std::vector<std::string> ids;
    for (const auto& item : list) ids.push_back(item["id"].get<std::string>());
    return ids;
}

// The first cell of every table row after the header.
std::vector<std::string> first_column(const std::string& out) {
    std::vector<std::string> cells;
    const auto lines = split_lines(out);
    for (std::size_t i = 1; i < lines.size(); ++i)
        cells.push_back(lines[i].substr(0, lines[i].find(' ')));
    return cells;
}

nlohmann::ordered_json list_json(const e2e::Sandbox& sandbox, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"list", "--format", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto result = sandbox.run(args);
    REQUIRE(result.status == 0);
    CHECK(result.err.empty());
    return parse_json(result.out);
}

}  // namespace

TEST_CASE("list prints every built-in exercise as a table sorted by id", "[e2e][list]") {
    e2e::Sandbox sandbox;
    const auto result = sandbox.run({"list"});
    CHECK(result.status == 0);
    CHECK(result.err.empty());
    const auto lines = split_lines(result.out);
    REQUIRE(lines.size() == kBuiltinIds.size() + 1);
    CHECK(e2e::starts_with(lines[0], "ID "));
    for (const char* header : {"NAME", "PRIMARY", "SECONDARY", "EQUIPMENT"})
        CHECK(e2e::contains(lines[0], header));
    CHECK(first_column(result.out) == kBuiltinIds);
    // Columns line up: the NAME column starts at the same offset on every line.
    const auto name_column = lines[0].find("NAME");
    for (const auto& line : lines) CHECK(line.at(name_column - 1) == ' ');
    const auto deadlift = std::find_if(lines.begin(), lines.end(), [](const std::string& l) {
        return e2e::starts_with(l, "deadlift ");
    });
    REQUIRE(deadlift != lines.end());
    CHECK(deadlift->substr(name_column, 8) == "Deadlift");
    CHECK(e2e::contains(*deadlift, "glutes,lower-back,hamstrings"));
    CHECK(e2e::contains(*deadlift, "barbell,weight-plate"));
}

TEST_CASE("list in JSON gives the documented fields for each exercise", "[e2e][list][json]") {
    e2e::Sandbox sandbox;
    const auto list = list_json(sandbox);
    REQUIRE(list.is_array());
    CHECK(ids_of(list) == kBuiltinIds);
    for (const auto& item : list) {
        std::vector<std::string> keys;
        for (const auto& [key, value] : item.items()) keys.push_back(key);
        CHECK(keys == std::vector<std::string>{"id", "name", "aliases", "primary_muscles",
                                               "secondary_muscles", "equipment", "loading",
                                               "measure"});
        CHECK((item["loading"] == "bodyweight" || item["loading"] == "external"));
        CHECK((item["measure"] == "reps" || item["measure"] == "reps_with_pause" ||
               item["measure"] == "time" || item["measure"] == "distance"));
        CHECK_FALSE(item["primary_muscles"].empty());
        CHECK_FALSE(item["equipment"].empty());
    }
    const auto deadlift = list[6];
    CHECK(deadlift["id"] == "deadlift");
    CHECK(deadlift["name"] == "Deadlift");
    CHECK(deadlift["aliases"] == parse_json(R"(["conventional deadlift","barbell deadlift"])"));
    CHECK(deadlift["loading"] == "external");
    CHECK(list[0]["loading"] == "bodyweight");
}

TEST_CASE("list filters by muscle equipment and search word", "[e2e][list]") {
    e2e::Sandbox sandbox;
    const auto glutes = list_json(sandbox, {"--muscle", "glutes"});
    CHECK(glutes.size() >= 5);
    CHECK(glutes.size() < kBuiltinIds.size());
    for (const auto& item : glutes) {
        const auto& p = item["primary_muscles"];
        const auto& s = item["secondary_muscles"];
        CHECK((std::find(p.begin(), p.end(), "glutes") != p.end() ||
               std::find(s.begin(), s.end(), "glutes") != s.end()));
    }
    CHECK(ids_of(list_json(sandbox, {"-e", "barbell"})) ==
          std::vector<std::string>{"barbell-row", "bench-press", "biceps-curl", "deadlift",
                                   "front-squat", "good-morning", "hip-thrust",
                                   "incline-bench-press", "overhead-press", "romanian-deadlift",
                                   "squat"});
    CHECK(ids_of(list_json(sandbox, {"deadlift"})) ==
          std::vector<std::string>{"deadlift", "romanian-deadlift", "trap-bar-deadlift"});
    // Search is case-insensitive and looks at aliases too.
    CHECK(ids_of(list_json(sandbox, {"REVERSE HYPER"})) ==
          std::vector<std::string>{"reverse-back-extension"});
    // Filters combine.
    CHECK(ids_of(list_json(sandbox, {"deadlift", "--equipment", "trap-bar"})) ==
          std::vector<std::string>{"trap-bar-deadlift"});
    // Filter values are case-insensitive.
    CHECK(list_json(sandbox, {"--muscle", "GLUTES"}) == glutes);

    const auto text = sandbox.run({"list", "--equipment", "barbell"});
    CHECK(text.status == 0);
    CHECK(first_column(text.out) ==
          std::vector<std::string>{"barbell-row", "bench-press", "biceps-curl", "deadlift",
                                   "front-squat", "good-morning", "hip-thrust",
                                   "incline-bench-press", "overhead-press", "romanian-deadlift",
                                   "squat"});
}

TEST_CASE("list with no match prints nothing on stdout and a note on stderr", "[e2e][list]") {
    e2e::Sandbox sandbox;
    const auto text = sandbox.run({"list", "zzzz-nothing"});
    CHECK(text.status == 0);
    CHECK(text.out.empty());
    CHECK_FALSE(text.err.empty());
    CHECK_FALSE(e2e::contains(text.err, "error"));
    const auto json = sandbox.run({"list", "zzzz-nothing", "--format", "json"});
    CHECK(json.status == 0);
    CHECK(parse_json(json.out) == nlohmann::ordered_json::array());
}

TEST_CASE("list refuses an unknown muscle or equipment with a suggestion", "[e2e][list][errors]") {
    e2e::Sandbox sandbox;
    const auto muscle = sandbox.run({"list", "--muscle", "glute"});
    CHECK(muscle.status == 2);
    CHECK(muscle.out.empty());
    CHECK(e2e::is_single_error(muscle.err));
    CHECK(e2e::contains(muscle.err, "--muscle glute"));
    CHECK(e2e::contains(muscle.err, "did you mean 'glutes'?"));
    CHECK(e2e::contains(muscle.err, "Known values: "));
    const auto equipment = sandbox.run({"list", "--equipment", "barbel", "--format", "json"});
    CHECK(equipment.status == 2);
    CHECK(equipment.out.empty());
    CHECK(e2e::is_single_error(equipment.err));
    CHECK(e2e::contains(equipment.err, "did you mean 'barbell'?"));
}

TEST_CASE("list does not read the log", "[e2e][list]") {
    e2e::Sandbox sandbox;
    std::filesystem::create_directories(sandbox.dir() / "a-directory");
    const auto result = sandbox.run({"list", "--log", (sandbox.dir() / "a-directory").string()});
    CHECK(result.status == 0);
    CHECK(result.err.empty());
    CHECK(split_lines(result.out).size() == kBuiltinIds.size() + 1);
}

TEST_CASE("user exercises from the config directory and --exercises show up in list",
          "[e2e][list][definitions]") {
    e2e::Sandbox sandbox;
    sandbox.write_file("config/liftlog/exercises/my-move.json",
                       e2e::exercise_definition("my-move", "My Move", "external", R"(["mm"])"));
    sandbox.write_file("extra/band-pull.json",
                       e2e::exercise_definition("band-pull", "Band Pull", "bodyweight"));
    const std::string extra = (sandbox.dir() / "extra").string();

    const auto config_only = list_json(sandbox);
    CHECK(config_only.size() == kBuiltinIds.size() + 1);
    const auto ids = ids_of(config_only);
    CHECK(std::find(ids.begin(), ids.end(), "my-move") != ids.end());
    CHECK(std::find(ids.begin(), ids.end(), "band-pull") == ids.end());

    const auto both = list_json(sandbox, {"--exercises", extra});
    CHECK(both.size() == kBuiltinIds.size() + 2);
    const auto all_ids = ids_of(both);
    CHECK(std::is_sorted(all_ids.begin(), all_ids.end()));
    const auto my_move =
        std::find_if(both.begin(), both.end(), [](const auto& e) { return e["id"] == "my-move"; });
    REQUIRE(my_move != both.end());
    CHECK((*my_move)["name"] == "My Move");
    CHECK((*my_move)["aliases"] == parse_json(R"(["mm"])"));
    CHECK((*my_move)["loading"] == "external");
    const auto band = std::find_if(both.begin(), both.end(),
                                   [](const auto& e) { return e["id"] == "band-pull"; });
    REQUIRE(band != both.end());
    CHECK((*band)["loading"] == "bodyweight");

    const auto text = sandbox.run({"list", "--exercises", extra});
    CHECK(text.status == 0);
    CHECK(e2e::contains(text.out, "\nmy-move "));
    CHECK(e2e::contains(text.out, "\nband-pull "));

    // The custom exercises are usable by name and alias elsewhere too.
    const auto logged = sandbox.run({"log", "MM", "3x10@40kg", "--today", e2e::kToday});
    CHECK(logged.status == 0);
    CHECK(e2e::starts_with(logged.out, "Logged my-move on 2026-11-20: 3x10@40kg"));
    const auto shown = sandbox.run({"show", "band pull", "--exercises", extra});
    CHECK(shown.status == 0);
    CHECK(e2e::starts_with(shown.out, "Band Pull (band-pull)\n"));
}

TEST_CASE("a user exercise with a built-in id replaces the built-in", "[e2e][list][definitions]") {
    e2e::Sandbox sandbox;
    sandbox.write_file(
        "config/liftlog/exercises/deadlift.json",
        e2e::exercise_definition("deadlift", "Custom Deadlift", "external", R"(["my dl"])", "10"));
    const auto list = list_json(sandbox);
    CHECK(list.size() == kBuiltinIds.size());
    CHECK(ids_of(list) == kBuiltinIds);
    CHECK(list[6]["name"] == "Custom Deadlift");
    CHECK(list[6]["aliases"] == parse_json(R"(["my dl"])"));

    const auto text = sandbox.run({"list", "deadlift"});
    CHECK(e2e::contains(text.out, "Custom Deadlift"));

    // The replacement's progression rules are the ones used.
    const auto logged =
        sandbox.run({"log", "my dl", "3x10@100kg", "--today", e2e::kToday, "--format", "json"});
    REQUIRE(logged.status == 0);
    const auto suggestion = parse_json(logged.out)["suggestion"];
    CHECK(suggestion["action"] == "add_weight");
    CHECK(suggestion["next"]["load"]["value"] == 110);
    // The built-in aliases are gone with the built-in definition.
    CHECK(sandbox.run({"show", "conventional deadlift"}).status == 2);
}

TEST_CASE("the --exercises DIR wins over the config directory for the same id",
          "[e2e][list][definitions]") {
    e2e::Sandbox sandbox;
    sandbox.write_file("config/liftlog/exercises/my-move.json",
                       e2e::exercise_definition("my-move", "From Config"));
    sandbox.write_file("extra/my-move.json", e2e::exercise_definition("my-move", "From Flag"));
    const auto list = list_json(sandbox, {"--exercises", (sandbox.dir() / "extra").string()});
    const auto it =
        std::find_if(list.begin(), list.end(), [](const auto& e) { return e["id"] == "my-move"; });
    REQUIRE(it != list.end());
    CHECK((*it)["name"] == "From Flag");
    CHECK(list.size() == kBuiltinIds.size() + 1);
}

TEST_CASE("a broken definition file makes list fail with exit 1 naming the file",
          "[e2e][list][definitions][errors]") {
    e2e::Sandbox sandbox;
    const auto broken = sandbox.dir() / "config" / "liftlog" / "exercises" / "my-move.json";
    sandbox.write_file("config/liftlog/exercises/my-move.json", R"({"id": "my-move", "name": )");
    for (const char* format : {"text", "json"}) {
        const auto result = sandbox.run({"list", "--format", format});
        CHECK(result.status == 1);
        CHECK(result.out.empty());
        CHECK(e2e::is_single_error(result.err));
        CHECK(e2e::contains(result.err, broken.string()));
    }
}

TEST_CASE("list shows the timed and distance exercises with their measure", "[e2e][list]") {
    e2e::Sandbox sandbox;
    const auto table = sandbox.run({"list", "plank"});
    CHECK(table.status == 0);
    CHECK(first_column(table.out) == std::vector<std::string>{"plank", "side-plank"});
    const auto list = list_json(sandbox);
    for (const auto& item : list) {
        if (item["id"] == "plank") CHECK(item["measure"] == "time");
        if (item["id"] == "farmers-walk") CHECK(item["measure"] == "distance");
        if (item["id"] == "deadlift") CHECK(item["measure"] == "reps");
        if (item["id"] == "hip-thrust") CHECK(item["measure"] == "reps_with_pause");
    }
}
