#include "liftlog/library_loader.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "liftlog/embedded.hpp"
#include "liftlog/error.hpp"
#include "liftlog/files.hpp"

namespace liftlog {

namespace fs = std::filesystem;

namespace {

// A definition is a few kilobytes; a file far larger is not one.
constexpr std::size_t kMostDefinitionBytes = std::size_t{16} << 20;

std::string read_definition(const fs::path& path) {
    FileRead read = read_file_bounded(path, kMostDefinitionBytes);
    if (read.problem == FileRead::Problem::too_large)
        throw Failure(fmt::format("{}: larger than {} MiB; this is not a definition file",
                                  path.string(), kMostDefinitionBytes >> 20));
    // A FIFO is opened without waiting and refused, like a device: each
    // command reads every definition, so none may block or run on forever.
    if (read.problem == FileRead::Problem::not_regular)
        throw Failure(
            fmt::format("{}: not a regular file (a FIFO, device or socket); definition "
                        "files must be regular files: move it out of the way",
                        path.string()));
    if (!read.ok())
        throw Failure(fmt::format("{}: cannot read this definition file", path.string()));
    return std::move(read.content);
}

void add_json_files(const fs::path& dir, DefinitionKind kind, std::vector<DefinitionSource>& out) {
    std::error_code error;
    if (!fs::is_directory(dir, error)) return;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, error))
        if (entry.path().extension() == ".json" && !entry.is_directory())
            files.push_back(entry.path());
    if (error)
        throw Failure(
            fmt::format("{}: cannot list this directory: {}", dir.string(), error.message()));
    std::sort(files.begin(), files.end());
    for (const auto& file : files) out.push_back({file.string(), kind, read_definition(file)});
}

}  // namespace

std::vector<DefinitionSource> builtin_sources() {
    std::vector<DefinitionSource> sources;
    for (const auto& file : embedded_files()) {
        const std::string_view path = file.path;
        const auto kind =
            path.starts_with("exercises/plans/") ? DefinitionKind::plan : DefinitionKind::exercise;
        sources.push_back({fmt::format("built-in {}", path), kind, file.content});
    }
    return sources;
}

std::vector<DefinitionSource> gather_sources(const std::vector<fs::path>& user_dirs) {
    std::vector<DefinitionSource> sources = builtin_sources();
    for (const auto& dir : user_dirs) {
        add_json_files(dir, DefinitionKind::exercise, sources);
        add_json_files(dir / "plans", DefinitionKind::plan, sources);
    }
    return sources;
}

Library load_library(const std::vector<fs::path>& user_dirs) {
    try {
        return Library::build(gather_sources(user_dirs));
    } catch (const DefinitionError& error) {
        throw Failure(fmt::format("{}\nFix the file or move it out of the way.", error.what()));
    }
}

}  // namespace liftlog
