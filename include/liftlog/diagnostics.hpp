#pragma once
// The two shapes every message to the user's terminal takes, in one place:
//   liftlog: error: WHAT (once, for the failure that ends the command)
//   liftlog: warning: WHAT (for anything skipped or assumed on the way)
// Messages quote what was typed and what the files hold, so each line is
// escaped: control characters cannot reach the terminal.
#include <string>
#include <string_view>

namespace liftlog {

// "liftlog: error: ...\n"; a multi-line message keeps its lines.
std::string error_text(std::string_view message);

// "liftlog: warning: ...\n".
std::string warning_text(std::string_view message);

// A hint for a person, "...\n", without a prefix but escaped the same way.
std::string hint_text(std::string_view message);

}  // namespace liftlog
