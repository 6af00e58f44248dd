#pragma once
// Real exports that people published live outside this repository, in
// ../shared/samples/ beside the checkout; they are read from there and never
// copied in. A clone elsewhere has no such folder: the tests that need one
// say so and skip instead of failing.
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

namespace liftlog::testing {

inline std::filesystem::path shared_samples_dir(const std::filesystem::path& source_dir) {
    return source_dir.parent_path() / "shared" / "samples";
}

// The file's bytes, or nullopt when ../shared/samples/FOLDER/NAME is absent.
inline std::optional<std::string> read_shared_sample(const std::filesystem::path& source_dir,
                                                     const std::string& folder,
                                                     const std::string& name) {
    std::ifstream in(shared_samples_dir(source_dir) / folder / name, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

inline std::string missing_sample_message(const std::filesystem::path& source_dir,
                                          const std::string& folder, const std::string& name) {
    return "skipped: " + (shared_samples_dir(source_dir) / folder / name).string() +
           " is not here (real exports are read from ../shared, never copied into the "
           "repository)";
}

}  // namespace liftlog::testing

// Declares `variable` as the sample's text, or warns and leaves the test case.
#define LIFTLOG_SHARED_SAMPLE(variable, source_dir, folder, name)                                  \
    const auto variable##_read = ::liftlog::testing::read_shared_sample(source_dir, folder, name); \
    if (!variable##_read) {                                                                        \
        WARN(::liftlog::testing::missing_sample_message(source_dir, folder, name));                \
        return;                                                                                    \
    }                                                                                              \
    const std::string& variable = *variable##_read
