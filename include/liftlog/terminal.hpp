#pragma once
// What liftlog knows about the terminal its output goes to.
#include <optional>

namespace liftlog {

struct Terminal {
    bool stdout_is_terminal = false;
    std::optional<int> columns;  // the window's width, when stdout is a terminal
};

// Asks the terminal behind standard output, if there is one.
Terminal probe_terminal();

}  // namespace liftlog
