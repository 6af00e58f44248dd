#pragma once
#include <span>

namespace liftlog {

// A built-in definition file; `path` is relative to the repository, such as
// "exercises/deadlift.json" or "exercises/plans/back-workout.json".
struct EmbeddedFile {
    const char* path;
    const char* content;
};

std::span<const EmbeddedFile> embedded_files();

}  // namespace liftlog
