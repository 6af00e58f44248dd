#pragma once
#include <iosfwd>

#include "liftlog/paths.hpp"
#include "liftlog/terminal.hpp"

namespace liftlog::cli {

// Parses the command line, runs the command and returns the exit status:
// 0 success, 1 failure, 2 usage error. Every error is printed here, once, as
// "liftlog: error: ..." on `err`.
int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err, Environment env,
        Terminal terminal = {});

}  // namespace liftlog::cli
