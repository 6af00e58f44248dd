// Inputs found by the fuzz targets in tests/fuzz, kept as regression tests.
// Each input is also in the target's seed corpus under tests/fuzz/corpus/.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "liftlog/exercise.hpp"
#include "liftlog/library.hpp"
#include "liftlog/library_loader.hpp"
#include "liftlog/log_file.hpp"
#include "liftlog/record.hpp"

using namespace liftlog;
namespace fs = std::filesystem;

namespace {

const std::string kGoodLine =
    R"({"v":1,"id":"0123456789abcdef","time":"2026-11-23T08:00:00+00:00","date":"2026-11-23",)"
    R"("exercise":"deadlift","sets":[{"reps":5,"load":{"kind":"bw"}}]})";

}  // namespace

// fuzz_log_reader: nlohmann::json throws out_of_range, not parse_error, for a
// number too large for a double, and it escaped parse_record, so one such line
// stopped every report instead of being skipped as a bad line.
TEST_CASE("fuzz: a number out of double range is a bad record, not a crash", "[fuzz]") {
    CHECK_THROWS_AS(parse_record("1e999"), RecordError);
    CHECK_THROWS_AS(parse_record(R"({"v":1,"rpe":-1e999})"), RecordError);
    CHECK_THROWS_WITH(parse_record(R"({"v":1,"x":1e999})"),
                      Catch::Contains("not valid JSON") && Catch::Contains("1e999"));

    std::string pattern = (fs::temp_directory_path() / "liftlog-fuzz-XXXXXX").string();
    const fs::path dir = ::mkdtemp(pattern.data());
    const fs::path log = dir / "log.jsonl";
    std::ofstream(log, std::ios::binary) << kGoodLine << "\n{\"v\":1e999}\n" << kGoodLine << "\n";
    std::vector<std::size_t> bad_lines;
    const ReadSummary summary = read_log(
        log, [](Record&&) {},
        [&](std::size_t line, const std::string&) { bad_lines.push_back(line); });
    fs::remove_all(dir);
    CHECK(summary.records == 2);
    CHECK(bad_lines == std::vector<std::size_t>{2});
}

// fuzz_definitions: the same exception escaped Library::build for a definition
// file, so liftlog failed with a raw nlohmann message instead of naming the file.
TEST_CASE("fuzz: a number out of double range in a definition is a DefinitionError", "[fuzz]") {
    std::vector<DefinitionSource> sources = builtin_sources();
    sources.push_back({"/fuzz/x.json", DefinitionKind::exercise, R"({"id":"x","sets":-1e999})"});
    CHECK_THROWS_WITH(Library::build(sources), Catch::StartsWith("/fuzz/x.json: not valid JSON") &&
                                                   Catch::Contains("1e999"));
    sources.back() = {"/fuzz/plans/x.json", DefinitionKind::plan, "[1e999]"};
    CHECK_THROWS_AS(Library::build(sources), DefinitionError);
}
