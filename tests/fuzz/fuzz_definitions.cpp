// libFuzzer target: exercise and plan definition files.
// The built-in library plus the input as one user exercise file, then plus the
// input as one user plan file. Anything but a DefinitionError is a bug; a
// library that builds must answer lookups and convert every exercise to JSON.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "liftlog/error.hpp"
#include "liftlog/exercise.hpp"
#include "liftlog/library.hpp"
#include "liftlog/library_loader.hpp"

namespace {

void exercise_library(const liftlog::Library& library, std::string_view input) {
    const std::string_view query = input.substr(0, 40);
    if (const liftlog::Exercise* found = library.find_exercise(query))
        (void)liftlog::exercise_to_json(*found).dump();
    try {
        (void)library.exercise(query);
    } catch (const liftlog::UsageError&) {
    }
    try {
        (void)library.plan(query);
    } catch (const liftlog::UsageError&) {
    }
    if (const liftlog::Exercise* x = library.find_exercise("x"))
        (void)liftlog::exercise_to_json(*x).dump();
    for (const auto& [id, exercise] : library.exercises()) {
        (void)liftlog::exercise_to_json(exercise).dump();
        (void)library.origin_of(id, liftlog::DefinitionKind::exercise);
    }
    for (const auto& [id, plan] : library.plans())
        (void)library.origin_of(id, liftlog::DefinitionKind::plan);
}

void build_with(const std::string& origin, liftlog::DefinitionKind kind, std::string_view input,
                bool with_builtin) {
    static const std::vector<liftlog::DefinitionSource> builtin = liftlog::builtin_sources();
    std::vector<liftlog::DefinitionSource> sources;
    if (with_builtin) sources = builtin;
    sources.push_back({origin, kind, std::string(input)});
    try {
        const liftlog::Library library = liftlog::Library::build(sources);
        exercise_library(library, input);
    } catch (const liftlog::DefinitionError&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 65536) return -1;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    // Parsing the ~17 built-in files dominates the time of a run, and most
    // mutations are not JSON at all: those fail on the input whatever comes
    // before it, so they are tried alone (the same error path, many times faster).
    const bool is_json = nlohmann::json::accept(input);
    build_with("/fuzz/x.json", liftlog::DefinitionKind::exercise, input, is_json);
    build_with("/fuzz/plans/x.json", liftlog::DefinitionKind::plan, input, is_json);
    return 0;
}
