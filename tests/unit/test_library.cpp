#include <catch2/catch.hpp>

#include <filesystem>

#include "liftlog/error.hpp"
#include "liftlog/library_loader.hpp"

using namespace liftlog;
namespace fs = std::filesystem;

namespace {

const Library& builtin() {
    static const Library library = Library::build(builtin_sources());
    return library;
}

std::string minimal_exercise(const std::string& id, const std::string& extra = "") {
    return R"({"id":")" + id + R"(","name":"My )" + id + R"(","aliases":[],"description":"d",)" +
           R"("primary_muscles":["glutes"],"secondary_muscles":[],"equipment":["none"],)" +
           R"("loading":"bodyweight","steps":["s"],"tips":[],"variations":[],"alternatives":[],)" +
           R"("prescription":{"sets":[2,3],"reps":[10,12],"per_week":[1,2]},)" +
           R"("progression":{"rep_range":[10,12]})" + extra + "}";
}

}  // namespace

TEST_CASE("every built-in definition parses and every reference resolves", "[library]") {
    const Library& library = builtin();
    for (const char* id :
         {"back-extension", "roman-chair-back-extension", "floor-back-extension",
          "reverse-back-extension", "good-morning", "deadlift", "trap-bar-deadlift",
          "romanian-deadlift", "kettlebell-swing", "machine-lumbar-extension", "glute-ham-raise",
          "pull-up", "lat-pulldown", "dumbbell-row", "reverse-dumbbell-fly"}) {
        INFO(id);
        CHECK(library.exercises().contains(id));
    }
    for (const auto& [id, exercise] : library.exercises())
        for (const auto& alternative : exercise.alternatives)
            CHECK(library.exercises().contains(alternative));
    CHECK(library.plans().contains("back-workout"));
    CHECK(library.plans().contains("lower-back"));
}

TEST_CASE("every file in exercises/ is compiled into the binary", "[library]") {
    std::size_t on_disk = 0;
    for (const auto& dir : {fs::path(LIFTLOG_SOURCE_DIR) / "exercises",
                            fs::path(LIFTLOG_SOURCE_DIR) / "exercises" / "plans"})
        for (const auto& entry : fs::directory_iterator(dir))
            on_disk += entry.path().extension() == ".json" ? 1 : 0;
    CHECK(builtin_sources().size() == on_disk);
}

TEST_CASE("the back workout is the one the seed article describes", "[library]") {
    const Plan& plan = builtin().plan("back-workout");
    REQUIRE(plan.items.size() == 5);
    const std::vector<std::tuple<std::string, int, int>> expected = {
        {"deadlift", 3, 5},
        {"pull-up", 3, 8},
        {"dumbbell-row", 3, 10},
        {"back-extension", 3, 12},
        {"reverse-dumbbell-fly", 3, 15}};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CHECK(plan.items[i].exercise == std::get<0>(expected[i]));
        CHECK(plan.items[i].sets == std::get<1>(expected[i]));
        CHECK(plan.items[i].reps == std::get<2>(expected[i]));
    }
    CHECK(plan.items[1].alternatives == std::vector<std::string>{"lat-pulldown"});
}

TEST_CASE("back extension carries the seed's guidance", "[library]") {
    const Exercise& e = builtin().exercise("back-extension");
    CHECK(e.loading == Loading::bodyweight);
    CHECK(e.prescription.sets.min == 2);
    CHECK(e.prescription.sets.max == 3);
    CHECK(e.prescription.reps.min == 10);
    CHECK(e.prescription.reps.max == 12);
    CHECK(e.prescription.per_week.min == 1);
    CHECK(e.prescription.per_week.max == 2);
    CHECK(e.progression.bodyweight_threshold == 12);
    CHECK_FALSE(e.progression.added_load.empty());
}

TEST_CASE("lookup by id, name or alias ignores case and spacing", "[library]") {
    CHECK(builtin().exercise("reverse hyper").id == "reverse-back-extension");
    CHECK(builtin().exercise("Reverse Back Extension").id == "reverse-back-extension");
    CHECK(builtin().exercise("RDL").id == "romanian-deadlift");
    CHECK(builtin().exercise("back_extension").id == "back-extension");
    CHECK(builtin().find_exercise("nothing") == nullptr);
}

TEST_CASE("unknown names suggest the closest ones", "[library]") {
    CHECK_THROWS_WITH(builtin().exercise("dedlift"), Catch::Contains("did you mean 'deadlift'"));
    CHECK_THROWS_AS(builtin().exercise("zzzzzz"), UsageError);
    CHECK_THROWS_WITH(builtin().plan("back-wrkout"),
                      Catch::Contains("did you mean 'back-workout'"));
}

TEST_CASE("a later definition with the same id overrides an earlier one", "[library]") {
    auto sources = builtin_sources();
    sources.push_back(
        {"/user/deadlift.json", DefinitionKind::exercise, minimal_exercise("deadlift")});
    const Library library = Library::build(sources);
    CHECK(library.exercise("deadlift").name == "My deadlift");
    CHECK(library.origin_of("deadlift", DefinitionKind::exercise) == "/user/deadlift.json");
}

TEST_CASE("broken definitions name the file and the problem", "[library]") {
    const auto fails_with = [](const std::string& origin, const std::string& content) {
        auto sources = builtin_sources();
        sources.push_back({origin, DefinitionKind::exercise, content});
        try {
            Library::build(sources);
        } catch (const DefinitionError& error) {
            return std::string(error.what());
        }
        return std::string("accepted");
    };
    CHECK_THAT(fails_with("/u/x.json", "{"), Catch::StartsWith("/u/x.json: not valid JSON"));
    CHECK_THAT(fails_with("/u/x.json", minimal_exercise("y")),
               Catch::Contains("does not match the file name"));
    CHECK_THAT(fails_with("/u/Bad_Id.json", minimal_exercise("Bad_Id")),
               Catch::Contains("kebab-case"));
    CHECK_THAT(fails_with("/u/x.json", R"({"id":"x"})"), Catch::Contains("missing field 'name'"));
    CHECK_THAT(fails_with("/u/x.json", minimal_exercise("x", R"(,"alternatives2":[])")),
               Catch::Contains("unknown field 'alternatives2'"));
    auto with_alternative = minimal_exercise("x");
    const std::string empty_alternatives = R"("alternatives":[])";
    with_alternative.replace(with_alternative.find(empty_alternatives), empty_alternatives.size(),
                             R"("alternatives":["nope"])");
    CHECK_THAT(fails_with("/u/x.json", with_alternative), Catch::Contains("alternative 'nope'"));
    auto backwards = minimal_exercise("x");
    backwards.replace(backwards.find("[2,3]"), 5, "[3,2]");
    CHECK_THAT(fails_with("/u/x.json", backwards), Catch::Contains("min <= max"));
    auto wrapping = minimal_exercise("x");
    wrapping.replace(wrapping.find("[2,3]"), 5, "[1,4294967298]");
    CHECK_THAT(fails_with("/u/x.json", wrapping), Catch::Contains("<= 1000"));
    auto tiny_increment = minimal_exercise("x");
    const std::string progression = R"("progression":{)";
    tiny_increment.replace(tiny_increment.find(progression), progression.size(),
                           progression + R"("increment":{"kg":0.001,"lb":5},)");
    CHECK_THAT(fails_with("/u/x.json", tiny_increment), Catch::Contains("0.01 to 1000"));
    CHECK(fails_with("/u/x.json", minimal_exercise("x")) == "accepted");
}

// The importers map other apps' exercise names to these ids and aliases, so
// renaming one must break a test.
TEST_CASE("the staple barbell dumbbell and cable lifts are built in", "[library]") {
    const std::vector<std::tuple<std::string, std::string, std::vector<std::string>>> staples = {
        {"squat", "Back Squat", {"squat", "back squat", "barbell squat", "barbell back squat"}},
        {"front-squat", "Front Squat", {"front squat"}},
        {"bench-press", "Bench Press", {"barbell bench press", "flat bench press", "bench"}},
        {"incline-bench-press", "Incline Bench Press", {"incline barbell bench press"}},
        {"dumbbell-bench-press", "Dumbbell Bench Press", {"dumbbell press", "db bench press"}},
        {"incline-dumbbell-press", "Incline Dumbbell Press", {"incline dumbbell bench press"}},
        {"overhead-press",
         "Overhead Press",
         {"ohp", "military press", "standing press", "shoulder press", "barbell overhead press",
          "press"}},
        {"barbell-row",
         "Barbell Row",
         {"bent-over row", "bent over row", "barbell bent over row", "pendlay row"}},
        {"hip-thrust", "Hip Thrust", {"barbell hip thrust"}},
        {"triceps-pushdown",
         "Triceps Pushdown",
         {"tricep pushdown", "cable pushdown", "triceps pushdown", "rope pushdown"}},
        {"leg-press", "Leg Press", {"leg press"}},
        {"lateral-raise",
         "Lateral Raise",
         {"dumbbell lateral raise", "side raise", "lateral raises"}},
        {"biceps-curl", "Biceps Curl", {"bicep curl", "barbell curl", "dumbbell curl", "curl"}}};
    const Library& library = builtin();
    for (const auto& [id, name, aliases] : staples) {
        INFO(id);
        REQUIRE(library.exercises().contains(id));
        const Exercise& exercise = library.exercises().at(id);
        CHECK(exercise.name == name);
        CHECK(exercise.loading == Loading::external);
        for (const auto& alias : aliases) {
            INFO(alias);
            const Exercise* found = library.find_exercise(alias);
            REQUIRE(found != nullptr);
            CHECK(found->id == id);
        }
    }
    // A glute bridge is a different movement, so it is a variation, not an alias.
    CHECK(library.find_exercise("glute bridge") == nullptr);
}

TEST_CASE("an easier alternative must be one of the exercise's alternatives", "[library]") {
    CHECK(builtin().exercise("pull-up").progression.easier_alternative == "lat-pulldown");
    CHECK(builtin().exercise("back-extension").progression.easier_alternative ==
          "floor-back-extension");
    auto definition = minimal_exercise("x");
    const std::string rules = R"("progression":{"rep_range":[10,12]})";
    definition.replace(definition.find(rules), rules.size(),
                       R"("progression":{"rep_range":[10,12],"easier_alternative":"pull-up"})");
    auto sources = builtin_sources();
    sources.push_back({"/u/x.json", DefinitionKind::exercise, definition});
    CHECK_THROWS_WITH(Library::build(sources),
                      Catch::Contains("'easier_alternative' 'pull-up' is not one of the"));
}

// A plan asks for what the engine works towards: sets inside the prescription,
// reps inside the rep range the exercise progresses in (at the top of it for a
// linear lift, since every set aims there; no higher than the bodyweight
// threshold, past which the engine adds load instead of reps).
TEST_CASE("every plan item lies inside its exercise's prescription", "[library]") {
    const Library& library = builtin();
    REQUIRE(!library.plans().empty());
    for (const auto& [id, plan] : library.plans()) {
        for (const auto& item : plan.items) {
            INFO(id << ": " << item.exercise << " " << item.sets << "x" << item.reps);
            const Exercise& exercise = library.exercise(item.exercise);
            const auto& prescription = exercise.prescription;
            const auto& range = exercise.progression.rep_range;
            CHECK(item.sets >= prescription.sets.min);
            CHECK(item.sets <= prescription.sets.max);
            CHECK(item.reps >= range.min);
            CHECK(item.reps <= range.max);
            CHECK(item.reps >= prescription.reps.min);
            CHECK(item.reps <= prescription.reps.max);
            if (exercise.progression.scheme == Scheme::linear) CHECK(item.reps == range.max);
            if (exercise.loading == Loading::bodyweight)
                CHECK(item.reps <= exercise.progression.bodyweight_threshold);
        }
    }
}

TEST_CASE("the deadlift progresses linearly at the back workout's 3x5", "[library]") {
    const Exercise& deadlift = builtin().exercise("deadlift");
    CHECK(deadlift.progression.scheme == Scheme::linear);
    CHECK(deadlift.progression.rep_range.max == 5);
    CHECK(builtin().exercise("dumbbell-row").progression.scheme == Scheme::double_progression);
    CHECK(builtin().exercise("reverse-back-extension").progression.bodyweight_threshold == 12);
}

TEST_CASE("timed and distance exercises declare their measure and ranges", "[library]") {
    const Library& library = builtin();
    for (const char* id : {"plank", "side-plank", "dead-hang", "back-extension-hold"}) {
        INFO(id);
        const Exercise& exercise = library.exercise(id);
        CHECK(exercise.measure == Measure::time);
        CHECK(exercise.loading == Loading::bodyweight);
        CHECK(exercise.prescription.seconds.min > 0);
        CHECK(exercise.progression.time_range.min < exercise.progression.time_range.max);
        CHECK(exercise.progression.time_step == 5);
        CHECK_FALSE(exercise.progression.added_load.empty());
    }
    const Exercise& plank = library.exercise("forearm plank");
    CHECK(plank.prescription.seconds.min == 30);
    CHECK(plank.prescription.seconds.max == 90);
    const Exercise& walk = library.exercise("farmer's walk");
    CHECK(walk.id == "farmers-walk");
    CHECK(walk.measure == Measure::distance);
    CHECK(walk.loading == Loading::external);
    CHECK(walk.prescription.metres.min == 20);
    CHECK(walk.prescription.metres.max == 40);
    CHECK(walk.progression.distance_range.max == 40);
    CHECK(walk.progression.distance_step == 5);
    CHECK(library.exercise("bar hang").id == "dead-hang");
    CHECK(library.exercise("back-extension").measure == Measure::reps);
    CHECK(exercise_to_json(plank)["prescription"]["seconds"] == nlohmann::json::array({30, 90}));
    CHECK(exercise_to_json(plank)["measure"] == "time");
}

namespace {

// A user's timed exercise, with `prescription` and `progression` as given.
std::string timed_exercise(const std::string& prescription, const std::string& progression,
                           const std::string& measure = "time") {
    return R"({"id":"x","name":"My hold","aliases":[],"description":"d",)"
           R"("primary_muscles":["core"],"secondary_muscles":[],"equipment":["none"],)"
           R"("loading":"bodyweight","measure":")" +
           measure + R"(","steps":["s"],"tips":[],"variations":[],"alternatives":[],)" +
           R"("prescription":)" + prescription + R"(,"progression":)" + progression + "}";
}

std::string build_error(const std::string& content) {
    auto sources = builtin_sources();
    sources.push_back({"/u/x.json", DefinitionKind::exercise, content});
    try {
        Library::build(sources);
    } catch (const DefinitionError& error) {
        return error.what();
    }
    return "accepted";
}

}  // namespace

TEST_CASE("a user's timed exercise loads and its new fields are checked", "[library]") {
    const std::string seconds = R"({"sets":[2,3],"seconds":[30,90],"per_week":[1,2]})";
    const std::string climb = R"({"time_range":[30,90],"time_step":10})";
    REQUIRE(build_error(timed_exercise(seconds, climb)) == "accepted");
    auto sources = builtin_sources();
    sources.push_back({"/u/x.json", DefinitionKind::exercise, timed_exercise(seconds, "{}")});
    const Library library = Library::build(sources);
    const Exercise& hold = library.exercise("x");
    CHECK(hold.measure == Measure::time);
    CHECK(hold.progression.time_range.max == 90);  // from the prescription
    CHECK(hold.progression.time_step == 5);

    CHECK_THAT(build_error(timed_exercise(R"({"sets":[2,3],"per_week":[1,2]})", climb)),
               Catch::StartsWith("/u/x.json:") && Catch::Contains("missing field 'seconds'"));
    CHECK_THAT(build_error(timed_exercise(
                   R"({"sets":[2,3],"reps":[8,12],"seconds":[30,90],"per_week":[1,2]})", climb)),
               Catch::Contains("'reps' does not apply to a timed exercise"));
    CHECK_THAT(build_error(timed_exercise(seconds, R"({"rep_range":[8,12]})")),
               Catch::Contains("'rep_range' does not apply") && Catch::Contains("'time_range'"));
    CHECK_THAT(build_error(timed_exercise(seconds, R"({"time_range":[60,30]})")),
               Catch::Contains("'time_range' must have 1 <= min <= max <= 3600"));
    CHECK_THAT(build_error(timed_exercise(seconds, R"({"time_range":[30,30]})")),
               Catch::Contains("'time_range' must have min < max"));
    CHECK_THAT(build_error(timed_exercise(seconds, R"({"time_range":[30,4000]})")),
               Catch::Contains("<= 3600"));
    CHECK_THAT(build_error(timed_exercise(seconds, R"({"time_step":0})")),
               Catch::Contains("'time_step' must be a whole number of seconds from 1 to 60"));
    CHECK_THAT(build_error(timed_exercise(seconds, R"({"time_step":61})")),
               Catch::Contains("'time_step'"));
    CHECK_THAT(build_error(timed_exercise(seconds, R"({"bodyweight_threshold":12})")),
               Catch::Contains("'bodyweight_threshold' does not apply"));
    CHECK_THAT(build_error(timed_exercise(seconds, "{}", "minutes")),
               Catch::Contains("'measure' is 'minutes'"));
}

TEST_CASE("distance fields are checked, and belong to distance exercises only", "[library]") {
    const std::string metres = R"({"sets":[2,3],"metres":[20,40],"per_week":[1,2]})";
    const auto distance = [&](const std::string& progression) {
        return build_error(timed_exercise(metres, progression, "distance"));
    };
    CHECK(distance(R"({"distance_range":[20,40],"distance_step":10})") == "accepted");
    CHECK_THAT(distance(R"({"distance_range":[20,20000]})"), Catch::Contains("<= 10000"));
    CHECK_THAT(distance(R"({"distance_step":101})"),
               Catch::Contains("'distance_step' must be a whole number of metres from 1 to 100"));
    CHECK_THAT(distance(R"({"time_step":5})"),
               Catch::Contains("'time_step' does not apply to a distance exercise"));
    CHECK_THAT(build_error(timed_exercise(metres, "{}", "time")),
               Catch::Contains("'metres' does not apply to a timed exercise"));
    CHECK_THAT(build_error(minimal_exercise("x", R"(,"measure":"reps")")),
               Catch::Equals("accepted"));
    auto with_seconds = minimal_exercise("x");
    with_seconds.replace(with_seconds.find(R"("per_week")"), 10, R"("seconds":[20,60],"per_week")");
    CHECK_THAT(build_error(with_seconds),
               Catch::Contains("'seconds' does not apply to an exercise counted in reps"));
}
