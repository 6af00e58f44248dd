#include "invocation.hpp"

#include <stdexcept>
#include <string>

#include "liftlog/library_loader.hpp"

namespace liftlog::cli {

namespace {

[[noreturn]] void undeclared(std::string_view command, const char* what) {
    throw std::logic_error(std::string(command) + " uses the " + what +
                           ", but its row in the command table says it does not");
}

}  // namespace

const Library& Invocation::library() {
    if (!traits_.uses_library) undeclared(traits_.name, "library");
    if (!library_) library_ = load_library(settings_.definition_dirs);
    return *library_;
}

Log& Invocation::log() {
    if (!traits_.uses_log) undeclared(traits_.name, "log");
    if (!log_)
        log_.emplace(settings_.log, settings_.cache_file, settings_.today(),
                     [this](const std::string& message) {
                         if (warned_.insert(message).second) output_.warn(message);
                     });
    return *log_;
}

}  // namespace liftlog::cli
