#pragma once
#include <iosfwd>
#include <optional>

#include "liftlog/clock.hpp"
#include "liftlog/environment.hpp"
#include "liftlog/terminal.hpp"

namespace liftlog::cli {

// Parses the command line, runs the command and returns the exit status:
// 0 success, 1 failure, 2 usage error. Every error is printed here, once, as
// "liftlog: error: ..." on `err`. The system clock is read once, unless
// `clock` is given (tests pin it).
int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err, Environment env,
        Terminal terminal = {}, std::optional<Clock> clock = std::nullopt);

}  // namespace liftlog::cli
