// Bad invocations: each is refused with one "liftlog: error:" message, the
// right exit status, nothing on stdout, and the log left byte for byte as it was.
#include <catch2/catch.hpp>

#include "harness.hpp"
#include "support.hpp"

using e2e::kToday;

namespace {

struct BadInvocation {
    std::vector<std::string> args;
    int status;
    std::string message;  // a piece the error message must contain
};

std::string describe(const std::vector<std::string>& args) {
    std::string text;
    for (const auto& arg : args) text += (text.empty() ? "" : " ") + ("'" + arg + "'");
    return text;
}

}  // namespace

TEST_CASE("bad invocations are refused and leave the log byte-identical", "[e2e][errors]") {
    const std::string long_note(5000, 'a');
    const std::vector<BadInvocation> cases = {
        // Malformed set notation.
        {{"log", "deadlift", "3x"}, 2, "bad set notation '3x'"},
        {{"log", "deadlift", "x5"}, 2, "bad set notation 'x5'"},
        {{"log", "back-extension", "12,,12"}, 2, "bad set notation '12,,12'"},
        {{"log", "back-extension", "12,"}, 2, "bad set notation '12,'"},
        {{"log", "deadlift", "3x5@"}, 2, "bad set notation '3x5@'"},
        {{"log", "deadlift", "3x5@100st"}, 2, "unknown unit 'st'"},
        {{"log", "deadlift", "3x5@-5kg"}, 2, "deadlift is loaded with an external weight"},
        {{"log", "deadlift", "3x5@0kg"}, 2, "bad set notation '3x5@0kg'"},
        {{"log", "deadlift", "3x5@1001kg"}, 2, "at most 1000 kg"},
        {{"log", "deadlift", "3x5@100.125kg"}, 2, "at most two decimals"},
        {{"log", "back-extension", "-1"}, 2, "bad set notation '-1'"},
        {{"log", "back-extension", "99999"}, 2, "bad set notation '99999'"},
        {{"log", "back-extension", "501"}, 2, "reps must be from 0 to 500"},
        {{"log", "back-extension", "0x5"}, 2, "bad set notation '0x5'"},
        {{"log", "back-extension", "101x5"}, 2, "sets must be from 1 to 100"},
        {{"log", "back-extension", "abc"}, 2, "bad set notation 'abc'"},
        {{"log", "back-extension", ""}, 2, "bad set notation ''"},
        {{"log", "back-extension", "12 12"}, 2, "bad set notation '12 12'"},
        {{"log", "deadlift", "@100kg"}, 2, "has no sets before it"},
        {{"log", "deadlift", "5", "@100kg", "@110kg"}, 2, "'@110kg' has no sets before it"},
        {{"log", "deadlift"}, 2, "sets"},
        {{"log"}, 2, "exercise"},
        // Load that does not fit the exercise.
        {{"log", "deadlift", "3x5"}, 2, "liftlog log deadlift 3x5@100kg"},
        {{"log", "deadlift", "3x5@bw"}, 2, "deadlift is loaded with an external weight"},
        {{"log", "deadlift", "3x5@+10kg"}, 2, "deadlift is loaded with an external weight"},
        {{"log", "back-extension", "3x12@100kg"}, 2, "back-extension is a bodyweight exercise"},
        // Unknown exercise.
        {{"log", "dedlift", "3x5@100kg"},
         2,
         "unknown exercise 'dedlift'; did you mean 'deadlift'?"},
        {{"log", "squat-of-doom", "3x5@100kg"}, 2, "unknown exercise 'squat-of-doom'"},
        // Hostile names and numbers: control characters and bad bytes are shown escaped.
        {{"log", "dead\x1b[31mlift", "3x5@100kg"}, 2, "unknown exercise 'dead\\x1b[31mlift'"},
        {{"log", "\xff\xfe", "3x5@100kg"}, 2, "unknown exercise '\\xff\\xfe'"},
        {{"log", "", "3x5@100kg"}, 2, "unknown exercise ''"},
        {{"log", "dead\nlift", "3x5@100kg"}, 2, "unknown exercise 'dead\\nlift'"},
        {{"log", "deadlift", "3x5@99999999999999999999kg"}, 2, "bad set notation"},
        {{"log", "deadlift", "99999999999999999999x5@100kg"}, 2, "sets must be from 1 to 100"},
        {{"log", "deadlift", "3x5@1e3kg"}, 2, "bad set notation"},
        {{"log", "deadlift", "3x5@nankg"}, 2, "bad set notation"},
        {{"log", "deadlift", "3x5@infkg"}, 2, "bad set notation"},
        {{"log", "deadlift", "3x5\x07@100kg"}, 2, "'3x5\\x07@100kg'"},
        {{"log", "deadlift", "3x5@100kg", "--rpe", "-1"}, 2, "--rpe"},
        {{"log", "deadlift", "3x5@100kg", "--rpe", "1e309"}, 2, "--rpe"},
        {{"plan", "back\x1bworkout"}, 2, "unknown plan 'back\\x1bworkout'"},
        {{"frob\x1bnicate"}, 2, "unknown command 'frob\\x1bnicate'"},
        // Dates.
        {{"log", "deadlift", "3x5@100kg", "--date", "2026-02-30"}, 2, "--date 2026-02-30"},
        {{"log", "deadlift", "3x5@100kg", "--date", "tomorrow"}, 2, "--date tomorrow"},
        {{"log", "deadlift", "3x5@100kg", "--date", "2026-11-21"}, 2, "after today"},
        {{"log", "deadlift", "3x5@100kg", "--date", "20261120"}, 2, "--date 20261120"},
        {{"log", "deadlift", "3x5@100kg", "--date", ""}, 2, "--date"},
        // Optional fields.
        {{"log", "deadlift", "3x5@100kg", "--rpe", "11"}, 2, "--rpe 11"},
        {{"log", "deadlift", "3x5@100kg", "--rpe", "0"}, 2, "--rpe"},
        {{"log", "deadlift", "3x5@100kg", "--rpe", "nan"}, 2, "--rpe"},
        {{"log", "deadlift", "3x5@100kg", "--rpe", "inf"}, 2, "--rpe"},
        {{"log", "deadlift", "3x5@100kg", "--rpe", "eight"}, 2, "--rpe"},
        {{"log", "deadlift", "3x5@100kg", "--note", "\xff\xfe"}, 2, "--note: not valid UTF-8"},
        {{"log", "deadlift", "3x5@100kg", "--note", "caf\xc3"}, 2, "--note: not valid UTF-8"},
        {{"log", "deadlift", "3x5@100kg", "--note", "\xed\xa0\x80 surrogate"},
         2,
         "--note: not valid UTF-8"},
        {{"log", "deadlift", "3x5@100kg", "--note", long_note}, 2, "--note"},
        // Global options.
        {{"log", "deadlift", "3x5@100kg", "--unit", "stone"}, 2, "--unit stone"},
        {{"log", "deadlift", "3x5@100kg", "--format", "xml"}, 2, "--format"},
        {{"log", "deadlift", "3x5@100kg", "--bogus"}, 2, "--bogus"},
        {{"--bogus", "log", "deadlift", "3x5@100kg"}, 2, "--bogus"},
        {{"log", "deadlift", "3x5@100kg", "--exercises", "no-such-dir"},
         2,
         "--exercises no-such-dir"},
        {{"frobnicate"}, 2, "frobnicate"},
        // Other commands.
        {{"show", "dedlift"}, 2, "unknown exercise 'dedlift'"},
        {{"plan", "no-such-plan"}, 2, "unknown plan 'no-such-plan'"},
        {{"progress", "dedlift"}, 2, "unknown exercise 'dedlift'"},
        {{"list", "--muscle", "elbows"}, 2, "--muscle elbows"},
    };
    REQUIRE(cases.size() >= 25);

    e2e::Sandbox sandbox;
    e2e::seed_log(sandbox);
    const std::string before = sandbox.read_log();
    REQUIRE(e2e::split_lines(before).size() == 2);

    for (const auto& c : cases) {
        for (const char* format : {"text", "json"}) {
            std::vector<std::string> args = c.args;
            // Pin today, except where the case is about a broken global option.
            if (c.message.rfind("--format", 0) != 0) args.insert(args.end(), {"--format", format});
            args.insert(args.end(), {"--today", kToday});
            INFO("args: " << describe(args));
            const auto result = sandbox.run(args);
            INFO("stderr: " << result.err);
            CHECK(result.status == c.status);
            CHECK(result.out.empty());
            CHECK(e2e::is_single_error(result.err));
            CHECK(e2e::contains(result.err, c.message));
            CHECK(sandbox.read_log() == before);
            // Put the log back so one wrongly accepted case does not fail the rest.
            if (sandbox.read_log() != before) sandbox.write_file("data/liftlog/log.jsonl", before);
        }
    }
}

TEST_CASE("a rep count out of range names the real per-set limit", "[e2e][errors]") {
    // A set holds 1 to 500 reps (docs/user-guide.md); the message must not
    // quote a larger limit that would then be refused anyway.
    e2e::Sandbox sandbox;
    for (const char* sets : {"99999", "501", "12,501", "3x501"}) {
        INFO("sets: " << sets);
        const auto result = sandbox.run({"log", "back-extension", sets, "--today", kToday});
        CHECK(result.status == 2);
        CHECK(e2e::contains(result.err, "reps must be from 0 to 500\n"));
        CHECK_FALSE(e2e::contains(result.err, "50000"));
    }
}

TEST_CASE("set notation errors point at the offending character", "[e2e][errors]") {
    e2e::Sandbox sandbox;
    const auto result = sandbox.run({"log", "back-extension", "12,,12", "--today", kToday});
    CHECK(result.status == 2);
    CHECK(e2e::contains(result.err, "\n  12,,12\n     ^\n"));
    CHECK(e2e::contains(result.err, "examples: "));
    const auto unit = sandbox.run({"log", "deadlift", "3x5@100st", "--today", kToday});
    CHECK(e2e::contains(unit.err, "\n  3x5@100st\n         ^\n"));
}

TEST_CASE("a refused entry does not create a missing log", "[e2e][errors]") {
    e2e::Sandbox sandbox;
    const auto result = sandbox.run({"log", "deadlift", "3x5", "--today", kToday});
    CHECK(result.status == 2);
    CHECK_FALSE(std::filesystem::exists(sandbox.log()));
    CHECK_FALSE(std::filesystem::exists(sandbox.log().parent_path()));
}

TEST_CASE("a log that cannot be written fails with exit 1 and says so once", "[e2e][errors]") {
    e2e::Sandbox sandbox;
    std::filesystem::create_directories(sandbox.log());  // a directory where the file should be
    for (const char* format : {"text", "json"}) {
        const auto result =
            sandbox.run({"log", "deadlift", "3x5@100kg", "--today", kToday, "--format", format});
        CHECK(result.status == 1);
        CHECK(result.out.empty());
        CHECK(e2e::is_single_error(result.err));
        CHECK(e2e::contains(result.err, sandbox.log().string()));
    }
}

TEST_CASE("a broken definition file stops every library command with exit 1 naming the file",
          "[e2e][errors][definitions]") {
    e2e::Sandbox sandbox;
    e2e::seed_log(sandbox);
    const std::string before = sandbox.read_log();
    const auto config_file = sandbox.dir() / "config" / "liftlog" / "exercises" / "broken.json";
    sandbox.write_file("config/liftlog/exercises/broken.json", "{ this is not json");
    const std::vector<std::vector<std::string>> commands = {{"list"},
                                                            {"show", "deadlift"},
                                                            {"plan"},
                                                            {"plan", "back-workout"},
                                                            {"log", "deadlift", "3x5@100kg"},
                                                            {"progress"},
                                                            {"progress", "deadlift"}};
    for (const auto& command : commands) {
        std::vector<std::string> args = command;
        args.insert(args.end(), {"--today", kToday});
        INFO("args: " << describe(args));
        const auto result = sandbox.run(args);
        CHECK(result.status == 1);
        CHECK(result.out.empty());
        CHECK(e2e::is_single_error(result.err));
        CHECK(e2e::contains(result.err, config_file.string()));
        CHECK(sandbox.read_log() == before);
    }
}

TEST_CASE("invalid definitions in --exercises fail with exit 1 naming the file",
          "[e2e][errors][definitions]") {
    struct Broken {
        std::string file;
        std::string content;
        std::string message;
    };
    const std::vector<Broken> cases = {
        {"wrong-name.json", e2e::exercise_definition("other-id", "Other"),
         "does not match the file name"},
        {"bad-loading.json", e2e::exercise_definition("bad-loading", "Bad", "weird"), "loading"},
        {"plans/bad-plan.json",
         R"({"id":"bad-plan","name":"Bad","items":[{"exercise":"nope","sets":3,"reps":5}]})",
         "'nope'"},
        {"clash.json", e2e::exercise_definition("clash", "Clash", "external", R"(["rdl"])"), "rdl"},
        {"not-object.json", "[1, 2, 3]", "not-object.json"},
    };
    for (const auto& c : cases) {
        e2e::Sandbox sandbox;
        sandbox.write_file("extra/" + c.file, c.content);
        const auto path = sandbox.dir() / "extra" / c.file;
        INFO("file: " << c.file);
        const auto result =
            sandbox.run({"list", "--exercises", (sandbox.dir() / "extra").string()});
        CHECK(result.status == 1);
        CHECK(result.out.empty());
        CHECK(e2e::is_single_error(result.err));
        CHECK(e2e::contains(result.err, path.string()));
        CHECK(e2e::contains(result.err, c.message));
    }
}
