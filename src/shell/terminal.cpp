#include "liftlog/terminal.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

namespace liftlog {

Terminal probe_terminal() {
    Terminal terminal;
    terminal.stdout_is_terminal = isatty(STDOUT_FILENO) == 1;
    winsize size{};
    if (terminal.stdout_is_terminal && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 &&
        size.ws_col > 0)
        terminal.columns = size.ws_col;
    return terminal;
}

}  // namespace liftlog
