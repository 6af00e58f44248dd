#pragma once
// Runs the built liftlog binary in a fresh temporary directory and captures
// its stdout, stderr and exit status.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace e2e {

struct RunResult {
    int status = -1;
    std::string out;
    std::string err;
};

class Sandbox {
  public:
    Sandbox();
    ~Sandbox();
    Sandbox(const Sandbox&) = delete;
    Sandbox& operator=(const Sandbox&) = delete;

    const std::filesystem::path& dir() const { return dir_; }
    // The default log path inside the sandbox ($XDG_DATA_HOME/liftlog/log.jsonl).
    std::filesystem::path log() const;
    std::string read_log() const;
    void write_file(const std::filesystem::path& relative, const std::string& content) const;

    // Environment overrides for the next runs; an empty value unsets it.
    void set_env(const std::string& name, const std::string& value) { env_[name] = value; }

    RunResult run(const std::vector<std::string>& args) const;

  private:
    std::filesystem::path dir_;
    std::map<std::string, std::string> env_;
};

std::string read_file(const std::filesystem::path& path);

}  // namespace e2e
