#include <iostream>

#include "app.hpp"

int main(int argc, char** argv) {
    return liftlog::cli::run(argc, argv, std::cout, std::cerr, liftlog::process_environment(),
                             liftlog::probe_terminal());
}
