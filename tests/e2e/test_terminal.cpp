// liftlog on a real terminal: a detached tmux session of a fixed size runs it,
// and capture-pane shows what a user would see, colours included.
// Tagged [tmux]: exclude with `liftlog_e2e_tests '~[tmux]'` or `ctest -E tmux`.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "harness.hpp"
#include "pictures_support.hpp"
#include "support.hpp"

namespace {

std::string shell_quoted(const std::string& text) {
    std::string result = "'";
    for (char c : text) result += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return result + "'";
}

// Runs a shell command and returns its standard output.
std::string output_of(const std::string& command) {
    std::string output;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) return output;
    char buffer[4096];
    std::size_t read = 0;
    while ((read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, read);
    ::pclose(pipe);
    return output;
}

bool tmux_installed() {
    return std::system("command -v tmux >/dev/null 2>&1") == 0;
}

constexpr const char* kDone = "__liftlog_done__";

// One tmux server of its own (a socket in the sandbox), with one window of a
// fixed size running liftlog in a clean environment, killed on destruction.
class TmuxRun {
  public:
    TmuxRun(const e2e::Sandbox& sandbox, int width, int height,
            const std::vector<std::string>& args, const std::string& extra_env = "")
        : socket_((sandbox.dir() / "tmux.sock").string()) {
        const std::string home = sandbox.dir().string();
        std::string command = "env -i HOME=" + shell_quoted(home + "/home") +
                              " XDG_DATA_HOME=" + shell_quoted(home + "/data") +
                              " XDG_CONFIG_HOME=" + shell_quoted(home + "/config") +
                              " TZ=UTC PATH=/usr/bin:/bin TERM=xterm-256color LANG=C.UTF-8 " +
                              extra_env + " " + shell_quoted(LIFTLOG_BINARY);
        for (const auto& arg : args) command += " " + shell_quoted(arg);
        // The marker says liftlog is done; the sleep keeps the pane to capture.
        command += "; echo " + std::string(kDone) + "; sleep 60";
        started_ = std::system((tmux() + " new-session -d -s pictures -x " + std::to_string(width) +
                                " -y " + std::to_string(height) + " " + shell_quoted(command))
                                   .c_str()) == 0;
    }
    ~TmuxRun() { std::system((tmux() + " kill-server >/dev/null 2>&1").c_str()); }
    TmuxRun(const TmuxRun&) = delete;
    TmuxRun& operator=(const TmuxRun&) = delete;

    bool started() const { return started_; }

    // The pane with its colours (-e), wrapped lines joined (-J) so that a line
    // too wide for the window shows as one long line; waits up to 10 s for
    // liftlog to finish.
    std::string finished_screen() const {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        std::string screen;
        while (std::chrono::steady_clock::now() < deadline) {
            screen = output_of(tmux() + " capture-pane -p -e -J -t pictures 2>/dev/null");
            if (e2e::contains(screen, kDone)) return screen.substr(0, screen.find(kDone));
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        FAIL("liftlog did not finish in tmux within 10 s; the pane shows:\n" << screen);
        return screen;
    }

    std::string window_size() const {
        return output_of(tmux() +
                         " display-message -p -t pictures '#{window_width}x#{window_height}'");
    }

  private:
    std::string tmux() const { return "env -u TMUX tmux -f /dev/null -S " + shell_quoted(socket_); }
    std::string socket_;
    bool started_ = false;
};

std::vector<std::string> chart_args() {
    return {"progress", "deadlift", "--chart", "--today", e2e::kToday};
}

// Runs `args` in a width x height terminal and returns the screen.
std::string screen_of(const e2e::Sandbox& sandbox, int width, int height,
                      const std::vector<std::string>& args, const std::string& extra_env = "") {
    REQUIRE(tmux_installed());
    TmuxRun run(sandbox, width, height, args, extra_env);
    REQUIRE(run.started());
    CHECK(run.window_size() == std::to_string(width) + "x" + std::to_string(height) + "\n");
    return run.finished_screen();
}

}  // namespace

TEST_CASE("tmux: on a terminal, tables and sparklines come in colour", "[e2e][tmux]") {
    e2e::Sandbox sandbox;
    pictures::seed_trend_log(sandbox);
    const std::string screen = screen_of(sandbox, 100, 30, {"progress", "--today", e2e::kToday});
    INFO(screen);
    CHECK(e2e::contains(screen, "\x1b[1m"));  // the bold header
    const std::string plain = pictures::strip_escapes(screen);
    CHECK(e2e::contains(plain, "TREND"));
    CHECK(e2e::contains(plain, "▁▃▅▅▆▇██"));
}

TEST_CASE("tmux: NO_COLOR keeps a terminal plain", "[e2e][tmux]") {
    e2e::Sandbox sandbox;
    pictures::seed_trend_log(sandbox);
    const std::string screen =
        screen_of(sandbox, 100, 30, {"progress", "--today", e2e::kToday}, "NO_COLOR=1");
    INFO(screen);
    CHECK(e2e::contains(screen, "TREND"));
    CHECK_FALSE(pictures::has_escape(screen));
}

TEST_CASE("tmux: the chart fills a 100-column window and fits it", "[e2e][tmux]") {
    e2e::Sandbox sandbox;
    pictures::seed_trend_log(sandbox);
    const std::string screen = screen_of(sandbox, 100, 30, chart_args());
    INFO(screen);
    CHECK(e2e::contains(screen, "\x1b[36m"));  // the bars
    CHECK(pictures::widest_line(screen) <= 100);
    // 92 columns for bars, 10 for each of the 9 sessions: no COLUMNS, so the
    // window's width was asked for.
    CHECK(pictures::columns(pictures::axis_line(screen)) == 7 + 1 + 90);
}

TEST_CASE("tmux: the chart fits a 60-column window", "[e2e][tmux]") {
    e2e::Sandbox sandbox;
    pictures::seed_trend_log(sandbox);
    const std::string screen = screen_of(sandbox, 60, 30, chart_args());
    INFO(screen);
    CHECK(pictures::widest_line(screen) <= 60);
    CHECK(pictures::columns(pictures::axis_line(screen)) == 7 + 1 + 45);
    CHECK(e2e::contains(pictures::strip_escapes(screen), "9 sessions: 50 kg → 100 kg"));
}
