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

// The command has already printed what went wrong (as `check` prints its
// problems); exit 1 without another message.
class ReportedFailure : public std::exception {
  public:
    const char* what() const noexcept override { return "problems were reported"; }
};

}  // namespace liftlog
