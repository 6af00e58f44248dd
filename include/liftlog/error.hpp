#pragma once
// Errors carry the exit status the top-level handler should use: a usage error
// (bad arguments, exit 2) or a failure (the command could not do its job, exit 1).
#include <stdexcept>
#include <string>

namespace liftlog {

class UsageError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class Failure : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

}  // namespace liftlog
