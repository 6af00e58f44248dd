#pragma once
// The process environment, read through a function so that tests can hand
// liftlog any environment without touching the real one.
#include <functional>
#include <optional>
#include <string>

namespace liftlog {

using Environment = std::function<std::optional<std::string>(const char* name)>;

Environment process_environment();

}  // namespace liftlog
