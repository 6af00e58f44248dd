#pragma once
#include <filesystem>
#include <vector>

#include "liftlog/library.hpp"

namespace liftlog {

// The built-in definitions, then those in each directory in order (later ones
// override earlier ones with the same id). A directory holds exercise files
// (*.json) and plan files (plans/*.json), the layout of the repository's
// exercises/. Directories that do not exist are skipped; a bad file is a Failure
// naming it.
Library load_library(const std::vector<std::filesystem::path>& user_dirs);

// The built-in definitions, then every file in `user_dirs`, in override order.
std::vector<DefinitionSource> gather_sources(const std::vector<std::filesystem::path>& user_dirs);

// The built-in definitions only.
std::vector<DefinitionSource> builtin_sources();

}  // namespace liftlog
