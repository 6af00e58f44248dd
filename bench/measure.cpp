// Runs a command several times and prints its median wall time and peak memory:
//   liftlog_bench_measure RUNS -- COMMAND [ARGS...]
// prints one line, "MEDIAN_MS MAX_RSS_KB" (milliseconds with two decimals; the
// largest ru_maxrss of any run, in KiB, as wait4 reports it for the child and
// the descendants it waited for).
//
// Each run starts the command with posix_spawnp (the environment is passed on;
// stdin, stdout and stderr are /dev/null) and is timed with CLOCK_MONOTONIC
// from just before the spawn to just after wait4 returns, so the figure is the
// command's own wall time, process start-up and exit included, with no shell
// or time(1) wrapper around it. The runs are sequential.
//
// Exit status: 0 if every run exited with status 0; 1 if any run failed (each
// failure is reported on stderr with its exit status or signal; the line is
// still printed); 2 for a usage error; 127 if the command could not be started.
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

extern char** environ;

namespace {

struct Run {
    double ms = 0;
    long max_rss_kb = 0;
    int status = 0;  // as wait4 returns it
};

double now_ms() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// Returns false if the command could not be started (errno-style code in *error).
bool run_once(char** argv, Run& run, int& error) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const double start = now_ms();
    error = posix_spawnp(&pid, argv[0], &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    if (error != 0) return false;
    rusage usage{};
    int status = 0;
    while (wait4(pid, &status, 0, &usage) < 0) {
        if (errno != EINTR) {
            error = errno;
            return false;
        }
    }
    run.ms = now_ms() - start;
    run.max_rss_kb = usage.ru_maxrss;
    run.status = status;
    return true;
}

std::string describe(int status) {
    if (WIFEXITED(status)) return "exit status " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) {
        return "killed by signal " + std::to_string(WTERMSIG(status)) + " (" +
               strsignal(WTERMSIG(status)) + ")";
    }
    return "status " + std::to_string(status);
}

int usage(const char* self) {
    std::fprintf(stderr, "usage: %s RUNS -- COMMAND [ARGS...]\n", self);
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4 || std::strcmp(argv[2], "--") != 0) return usage(argv[0]);
    char* end = nullptr;
    errno = 0;
    const long runs = std::strtol(argv[1], &end, 10);
    if (errno != 0 || end == argv[1] || *end != '\0' || runs < 1 || runs > 100000)
        return usage(argv[0]);
    char** command = argv + 3;

    std::vector<Run> results;
    results.reserve(static_cast<std::size_t>(runs));
    bool failed = false;
    for (long i = 0; i < runs; ++i) {
        Run run;
        int error = 0;
        if (!run_once(command, run, error)) {
            std::fprintf(stderr, "measure: cannot run %s: %s\n", command[0], std::strerror(error));
            return 127;
        }
        if (run.status != 0) {
            std::fprintf(stderr, "measure: run %ld of %ld: %s failed: %s\n", i + 1, runs,
                         command[0], describe(run.status).c_str());
            failed = true;
        }
        results.push_back(run);
    }

    std::vector<double> times;
    long max_rss_kb = 0;
    for (const Run& run : results) {
        times.push_back(run.ms);
        max_rss_kb = std::max(max_rss_kb, run.max_rss_kb);
    }
    std::sort(times.begin(), times.end());
    const std::size_t n = times.size();
    const double median = n % 2 == 1 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
    std::printf("%.2f %ld\n", median, max_rss_kb);
    return failed ? 1 : 0;
}
