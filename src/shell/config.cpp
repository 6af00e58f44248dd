#include "liftlog/config.hpp"

#include <sys/stat.h>

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <toml++/toml.h>

#include "liftlog/error.hpp"
#include "liftlog/files.hpp"
#include "liftlog/text.hpp"

namespace liftlog {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kKnownKeys = {"color", "exercises", "log", "unit"};

std::string where(const fs::path& file, const toml::source_region& source) {
    return fmt::format("{}:{}:{}", file.string(), source.begin.line, source.begin.column);
}

[[noreturn]] void fail(const fs::path& file, const toml::node& node, const std::string& what) {
    throw UsageError(fmt::format("{}: {}", where(file, node.source()), what));
}

fs::path expand_path(const std::string& text, const fs::path& file, const Environment& env) {
    if (text == "~" || text.starts_with("~/")) {
        const auto home = env("HOME");
        if (!home || home->empty())
            throw UsageError(
                fmt::format("{}: '{}' starts with ~ but HOME is not set; write the full path",
                            file.string(), text));
        return fs::path(*home) / text.substr(text.size() > 1 ? 2 : 1);
    }
    const fs::path path(text);
    if (path.is_absolute()) return path;
    return file.parent_path() / path;
}

std::string string_value(const fs::path& file, const std::string& key, const toml::node& node) {
    if (const auto* value = node.as_string(); value && !value->get().empty()) return value->get();
    fail(file, node,
         fmt::format("'{}' must be a non-empty string, like {} = \"{}\"", key, key,
                     key == "unit"    ? "kg"
                     : key == "color" ? "never"
                                      : "..."));
}

std::vector<fs::path> directories(const fs::path& file, const toml::node& node,
                                  const Environment& env) {
    std::vector<fs::path> dirs;
    if (node.is_string()) {
        dirs.push_back(expand_path(string_value(file, "exercises", node), file, env));
        return dirs;
    }
    const auto* list = node.as_array();
    if (list == nullptr)
        fail(file, node,
             "'exercises' must be a directory or a list of them, like "
             "exercises = [\"~/lifts\"]");
    for (const auto& item : *list)
        dirs.push_back(expand_path(string_value(file, "exercises", item), file, env));
    return dirs;
}

void check_choice(const fs::path& file, const toml::node& node, const std::string& key,
                  const std::string& value, const std::vector<std::string>& choices) {
    for (const auto& choice : choices)
        if (value == choice) return;
    fail(file, node,
         fmt::format("{} = \"{}\" is not one of: {}", key, value,
                     fmt::format("{}", fmt::join(choices, ", "))));
}

// Finds where keys, tables and arrays nest deeper than kMaxConfigDepth,
// reading the text as TOML reads it: strings and comments are skipped, a
// dotted key counts a level a dot, and so do [ and { in values. It only has
// to be right for text that nests; anything else the parser judges.
class DepthScan {
  public:
    explicit DepthScan(std::string_view text) : text_(text) {}

    // The 1-based line and column where the depth first passes the limit.
    std::optional<std::pair<std::size_t, std::size_t>> too_deep() {
        for (at_ = 0; at_ < text_.size(); ++at_)
            if (step()) return std::pair{line_, at_ - line_start_ + 1};
        return std::nullopt;
    }

  private:
    bool step() {
        const char c = text_[at_];
        switch (c) {
            case '\n':
                ++line_;
                line_start_ = at_ + 1;
                if (open_.empty()) start_key(true);
                return false;
            case '#':
                skip_until_line_end();
                return false;
            case '"':
            case '\'':
                skip_string(c);
                return false;
            case '=':
                in_key_ = false;
                return false;
            case '.':
                if (!in_key_) return false;  // a decimal point or a date in a value
                ++dots_;
                return too_many();
            case ',':
                if (!open_.empty() && open_.back() == '{') start_key(false);
                return false;
            case '[':
                if (in_key_ && at_line_start_ && open_.empty()) {
                    // A [table] or [[array]] header: its key is dotted like any other.
                    if (at_ + 1 < text_.size() && text_[at_ + 1] == '[') ++at_;
                    at_line_start_ = false;
                    return false;
                }
                open_.push_back('[');
                in_key_ = false;
                return too_many();
            case '{':
                open_.push_back('{');
                start_key(false);
                return too_many();
            case ']':
            case '}':
                if (!open_.empty()) open_.pop_back();
                if (open_.empty()) in_key_ = false;  // what follows a header is no key
                return false;
            default:
                if (c != ' ' && c != '\t' && c != '\r') at_line_start_ = false;
                return false;
        }
    }

    void start_key(bool line_start) {
        in_key_ = true;
        at_line_start_ = line_start;
        dots_ = 0;
    }

    bool too_many() const { return open_.size() + dots_ > kMaxConfigDepth; }

    void skip_until_line_end() {
        while (at_ + 1 < text_.size() && text_[at_ + 1] != '\n') ++at_;
    }

    // From the opening quote to the closing one (of a multi-line string too).
    void skip_string(char quote) {
        at_line_start_ = false;
        const std::string triple(3, quote);
        const bool multiline = text_.substr(at_, 3) == triple;
        for (std::size_t i = at_ + (multiline ? 3 : 1); i < text_.size(); ++i) {
            const char c = text_[i];
            if (c == '\\' && quote == '"') {
                ++i;
            } else if (c == '\n' && !multiline) {
                at_ = i - 1;  // unclosed: the parser says so
                return;
            } else if (c == '\n') {
                ++line_;
                line_start_ = i + 1;
            } else if (c == quote && (!multiline || text_.substr(i, 3) == triple)) {
                at_ = multiline ? i + 2 : i;
                return;
            }
        }
        at_ = text_.size();
    }

    std::string_view text_;
    std::size_t at_ = 0;
    std::size_t line_ = 1;
    std::size_t line_start_ = 0;
    std::vector<char> open_;  // the [ and { not yet closed
    bool in_key_ = true;
    bool at_line_start_ = true;
    std::size_t dots_ = 0;
};

void refuse_deep_nesting(std::string_view text, const fs::path& file) {
    if (const auto where = DepthScan(text).too_deep())
        throw UsageError(fmt::format(
            "{}:{}:{}: keys, tables or arrays nested more than {} deep; liftlog's settings do "
            "not nest: fix the TOML or remove the file",
            file.string(), where->first, where->second, kMaxConfigDepth));
}

}  // namespace

std::optional<fs::path> config_file_path(const std::string& flag, const Environment& env) {
    if (!flag.empty()) return fs::path(flag);
    if (auto named = env("LIFTLOG_CONFIG"); named && !named->empty()) return fs::path(*named);
    if (auto config = env("XDG_CONFIG_HOME"); config && !config->empty())
        return fs::path(*config) / "liftlog" / "config.toml";
    if (auto home = env("HOME"); home && !home->empty())
        return fs::path(*home) / ".config" / "liftlog" / "config.toml";
    return std::nullopt;
}

Config parse_config(const std::string& text, const fs::path& file, const Environment& env) {
    refuse_deep_nesting(text, file);
    toml::table table;
    try {
        table = toml::parse(text, std::string_view(file.string()));
    } catch (const toml::parse_error& error) {
        throw UsageError(fmt::format("{}: {}; fix the TOML or remove the file",
                                     where(file, error.source()), error.description()));
    }
    Config config;
    config.file = file;
    for (const auto& [key, node] : table) {
        const std::string name(key.str());
        if (name == "unit") {
            config.unit = string_value(file, name, node);
            check_choice(file, node, name, *config.unit, {"kg", "lb"});
        } else if (name == "color") {
            config.color = string_value(file, name, node);
            check_choice(file, node, name, *config.color, {"auto", "always", "never"});
        } else if (name == "log") {
            config.log = expand_path(string_value(file, name, node), file, env);
        } else if (name == "exercises") {
            config.exercise_dirs = directories(file, node, env);
        } else {
            fail(file, node,
                 fmt::format("unknown setting '{}'{} (the settings are {})", name,
                             did_you_mean(closest_matches(name, kKnownKeys)),
                             fmt::format("{}", fmt::join(kKnownKeys, ", "))));
        }
    }
    return config;
}

// LIFTLOG_CONFIG=/dev/null is the usual way to say "no config" (the build
// writes the completion scripts so); it never blocks, so it is let through.
bool is_dev_null(const fs::path& file) {
    struct stat named {
    }, null{};
    return ::stat(file.c_str(), &named) == 0 && ::stat("/dev/null", &null) == 0 &&
           S_ISCHR(named.st_mode) && named.st_rdev == null.st_rdev;
}

Config load_config(const fs::path& file, ConfigOrigin origin, const Environment& env) {
    const auto kinds = origin == ConfigOrigin::command_line || is_dev_null(file)
                           ? FileKinds::readable_streams
                           : FileKinds::regular_only;
    const FileRead read = read_file_bounded(file, kMaxConfigBytes, kinds);
    switch (read.problem) {
        case FileRead::Problem::none:
            return parse_config(read.content, file, env);
        case FileRead::Problem::missing:
            if (origin == ConfigOrigin::default_location) return {};
            break;
        case FileRead::Problem::directory:
            throw UsageError(fmt::format("{}: is a directory; name the config file itself, like {}",
                                         file.string(), (file / "config.toml").string()));
        case FileRead::Problem::not_regular:
            throw UsageError(fmt::format(
                "{}: not a regular file (a FIFO, device or socket); put a config file there or "
                "remove it (only --config may name a pipe, like --config /dev/stdin)",
                file.string()));
        case FileRead::Problem::too_large:
            throw UsageError(
                fmt::format("{}: larger than {} MiB, so not a config file; name the "
                            "config file itself or remove this one",
                            file.string(), kMaxConfigBytes >> 20));
        case FileRead::Problem::unreadable:
            break;
    }
    throw UsageError(fmt::format(
        "{}: cannot read the config file; check the path and its permissions", file.string()));
}

}  // namespace liftlog
