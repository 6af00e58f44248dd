#include "liftlog/history_cache.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "liftlog/error.hpp"
#include "liftlog/files.hpp"
#include "liftlog/history_state.hpp"
#include "liftlog/record_reader.hpp"
#include "liftlog/text.hpp"

namespace liftlog {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Lines of the cache file: a header, the voided ids, then one per exercise.
constexpr std::string_view kVoidedStart = R"({"voided":)";
constexpr std::string_view kBodyWeightsStart = R"({"bodyweights":)";

// One entry of the body-weight line, [date, hundredths, unit], as a record
// the timeline folds; anything else is a damaged cache.
Record body_weight_from_state(const json& entry) {
    Record record;
    const auto date = parse_date(entry.at(0).get<std::string>());
    const auto unit = parse_unit(entry.at(2).get<std::string>());
    const auto hundredths = entry.at(1).get<std::int64_t>();
    if (!date || !unit || hundredths <= 0) throw std::invalid_argument("bad body weight");
    record.date = *date;
    record.body_weight = BodyWeight{hundredths, *unit};
    return record;
}
constexpr std::string_view kExerciseStart = R"({"exercise":")";

std::string absolute_text(const fs::path& path) {
    std::error_code error;
    const fs::path absolute = fs::absolute(path, error);
    return (error ? path : absolute).lexically_normal().string();
}

json identity_json(const FileIdentity& identity) {
    return json::array({identity.device, identity.inode, identity.size, identity.modified_ns,
                        identity.changed_ns});
}

// A checksum of the header's other fields and everything after the header, so
// that a cache cut short or damaged is never mistaken for a whole one.
std::string checksum(const json& header_without_checksum, std::string_view body) {
    const std::string covered = header_without_checksum.dump() + '\n' + std::string(body);
    return fmt::format("{:016x}", std::hash<std::string_view>{}(covered));
}

json header_json(const fs::path& log, const FileIdentity& identity, const LogSummary& summary) {
    json bad_lines = json::array();
    for (const auto& bad : summary.bad_lines) bad_lines.push_back({bad.line, bad.reason});
    return {{"cache", kHistoryCacheFormat},
            {"liftlog", LIFTLOG_VERSION},
            {"log", absolute_text(log)},
            {"identity", identity_json(identity)},
            {"lines", summary.lines},
            {"last_date", summary.last_date ? json(format_date(*summary.last_date)) : json()},
            {"bad_line_count", summary.bad_line_count},
            {"bad_lines", std::move(bad_lines)}};
}

// Fills `summary` from the header; false when the cache is for another log,
// another state of it, or another build.
bool read_header(json header, const fs::path& log, const FileIdentity& log_now,
                 std::string_view body, LogSummary& summary) {
    const std::string stored_checksum = header.at("checksum").get<std::string>();
    header.erase("checksum");
    if (stored_checksum != checksum(header, body)) return false;
    if (header.at("cache") != kHistoryCacheFormat || header.at("liftlog") != LIFTLOG_VERSION ||
        header.at("log") != absolute_text(log) || header.at("identity") != identity_json(log_now))
        return false;
    summary.lines = header.at("lines").get<std::size_t>();
    if (!header.at("last_date").is_null()) {
        const auto date = parse_date(header.at("last_date").get<std::string>());
        if (!date) return false;
        summary.last_date = *date;
    }
    summary.bad_line_count = header.at("bad_line_count").get<std::size_t>();
    for (const auto& bad : header.at("bad_lines"))
        summary.bad_lines.push_back({bad.at(0).get<std::size_t>(), bad.at(1).get<std::string>()});
    return true;
}

// The cache is a few lines per exercise; anything far larger is not ours.
constexpr std::size_t kMostCacheBytes = std::size_t{1} << 30;

// The id in an exercise line, which starts {"exercise":"ID", as written below.
std::optional<std::string_view> exercise_of(std::string_view line) {
    if (!line.starts_with(kExerciseStart)) return std::nullopt;
    const auto end = line.find('"', kExerciseStart.size());
    if (end == std::string_view::npos) return std::nullopt;
    return line.substr(kExerciseStart.size(), end - kExerciseStart.size());
}

bool usable_for(const LogSummary& summary, const HistoryQuery& query) {
    return !summary.last_date || *summary.last_date <= query.today;
}

// Every record, whatever its date: the cache must serve any `today` from the
// last record's date on.
HistoryQuery everything() {
    return HistoryQuery{Date::max(), std::nullopt, ExerciseHistory::kRecentSessions};
}

Histories answer(LogSummary& summary, const HistoryQuery& query, const LineIssueSink& on_issue,
                 BodyWeightTimeline* body_weights = nullptr) {
    name_bad_lines(summary, on_issue);
    if (body_weights) *body_weights = summary.body_weights;
    if (!query.exercise) return std::move(summary.histories);
    Histories only;
    if (auto found = summary.histories.find(*query.exercise); found != summary.histories.end())
        only.insert(std::move(*found));
    return only;
}

bool cacheable(const HistoryQuery& query, const HistoryCache* cache) {
    return cache && query.kept_sessions == ExerciseHistory::kRecentSessions;
}

constexpr std::string_view kCacheFilePrefix = "histories-";

// Failing to write the cache is silent: it is only ever a shortcut.
void write_cache_file(HistoryCache& cache, const std::string& content) {
    const int dir = cache.directory(true);
    if (dir < 0) return;
    remove_orphaned_temporaries(dir, kCacheFilePrefix, kOrphanedTemporarySeconds);
    try {
        write_file_atomically_at(dir, cache.file(), cache.file().filename().string(), content,
                                 Durability::disposable);
    } catch (const Failure&) {
        // Without a cache the next command reads the log.
    }
}

}  // namespace

fs::path history_cache_file(const fs::path& cache_dir, const fs::path& log) {
    return cache_dir /
           fmt::format("{}{:016x}.jsonl", kCacheFilePrefix, fnv1a64(absolute_text(log)));
}

HistoryCache::HistoryCache(fs::path file, Warn warn)
    : file_(std::move(file)), warn_(std::move(warn)) {}

int HistoryCache::directory(bool create) {
    if (dir_.valid() || distrusted_) return dir_.get();
    PrivateDirectory opened = open_private_directory(file_.parent_path(), create);
    if (opened.fd.valid()) {
        dir_ = std::move(opened.fd);
    } else if (!opened.distrust.empty()) {
        distrusted_ = true;
        if (warn_) warn_("not using the history cache: " + opened.distrust);
    }
    return dir_.get();
}

namespace {

// A loaded cache. Exercise lines that were not asked for stay as text, so that
// `log` can rewrite the cache without parsing and re-writing every exercise.
struct CacheContents {
    LogSummary summary;
    std::vector<std::string> unparsed_lines;
};

// `wanted` says which exercises to parse; nullptr means all of them.
std::optional<CacheContents> load_contents(HistoryCache& cache, const fs::path& log,
                                           const FileIdentity& log_now,
                                           const std::set<std::string, std::less<>>* wanted,
                                           bool with_voided) {
    const int dir = cache.directory(false);
    if (dir < 0) return std::nullopt;
    // A cache file someone else could have written is not ours to believe.
    const FileRead read =
        read_private_file_at(dir, cache.file().filename().string(), kMostCacheBytes);
    if (!read.ok()) return std::nullopt;
    try {
        std::string_view rest = read.content;
        CacheContents contents;
        bool header_read = false;
        while (!rest.empty()) {
            const auto newline = rest.find('\n');
            if (newline == std::string_view::npos) return std::nullopt;  // torn: not ours
            const std::string_view line = rest.substr(0, newline);
            rest.remove_prefix(newline + 1);
            if (!header_read) {
                if (!read_header(json::parse(line), log, log_now, rest, contents.summary))
                    return std::nullopt;
                header_read = true;
            } else if (line.starts_with(kVoidedStart)) {
                if (!with_voided) continue;
                const json voided = json::parse(line);
                for (const auto& id : voided.at("voided"))
                    contents.summary.voided.insert(id.get<std::string>());
            } else if (line.starts_with(kBodyWeightsStart)) {
                const json body_weights = json::parse(line);
                for (const auto& entry : body_weights.at("bodyweights"))
                    contents.summary.body_weights.add(body_weight_from_state(entry));
            } else if (const auto id = exercise_of(line)) {
                // An id with an escape is parsed to learn what it really is.
                if (wanted && !wanted->contains(*id) && id->find('\\') == std::string_view::npos) {
                    contents.unparsed_lines.emplace_back(line);
                    continue;
                }
                const json entry = json::parse(line);
                std::string exercise = entry.at("exercise").get<std::string>();
                if (wanted && !wanted->contains(exercise)) {
                    contents.unparsed_lines.emplace_back(line);
                    continue;
                }
                contents.summary.histories.emplace(std::move(exercise),
                                                   history_from_state(entry.at("history")));
            } else {
                return std::nullopt;
            }
        }
        if (!header_read) return std::nullopt;
        return contents;
    } catch (const std::exception&) {
        return std::nullopt;  // damaged or from another build: read the log instead
    }
}

void store_contents(HistoryCache& cache, const fs::path& log, const FileIdentity& identity,
                    const CacheContents& contents) try {
    const LogSummary& summary = contents.summary;
    std::vector<std::string> voided(summary.voided.begin(), summary.voided.end());
    std::sort(voided.begin(), voided.end());
    std::string body = json{{"voided", voided}}.dump() + '\n';
    json body_weights = json::array();
    for (const auto& [date, weight] : summary.body_weights.entries())
        body_weights.push_back({format_date(date), weight.hundredths, unit_name(weight.unit)});
    body += json{{"bodyweights", body_weights}}.dump() + '\n';
    for (const auto& [id, history] : summary.histories)
        body += nlohmann::ordered_json{{"exercise", id}, {"history", history_to_state(history)}}
                    .dump() +
                '\n';
    for (const auto& line : contents.unparsed_lines) body += line + '\n';
    json header = header_json(log, identity, summary);
    header["checksum"] = checksum(header, body);
    const std::string content = header.dump() + '\n' + body;
    write_cache_file(cache, content);
} catch (const std::exception&) {
    // Best effort: without a cache the next command reads the log.
}

// The exercises of the records in `tail`, when every line there is a plain
// training record (no void, nothing unreadable) whose exercise id needs no
// escaping in JSON; otherwise nullopt, and the log is read whole instead.
std::optional<std::set<std::string, std::less<>>> plain_tail_exercises(const fs::path& log,
                                                                       LogPart tail) {
    std::set<std::string, std::less<>> exercises;
    bool plain = true;
    Record record;
    for_each_line_in(log, tail, 1, [&](std::size_t, std::string_view line, bool complete) {
        try {
            parse_record_into(line, record);
        } catch (const RecordError&) {
            plain = false;
            return;
        }
        const bool simple_id =
            std::all_of(record.exercise.begin(), record.exercise.end(),
                        [](char c) { return c >= 0x20 && c < 0x7f && c != '"' && c != '\\'; });
        if (!complete || is_void(record) || is_body_weight(record) || !simple_id) plain = false;
        exercises.insert(record.exercise);
    });
    if (!plain || exercises.empty()) return std::nullopt;
    return exercises;
}

}  // namespace

std::optional<LogSummary> load_history_cache(const fs::path& cache_file, const fs::path& log,
                                             const FileIdentity& log_now,
                                             const std::optional<std::string>& only_exercise,
                                             bool with_voided) {
    std::set<std::string, std::less<>> wanted;
    if (only_exercise) wanted.insert(*only_exercise);
    HistoryCache cache(cache_file);
    auto contents =
        load_contents(cache, log, log_now, only_exercise ? &wanted : nullptr, with_voided);
    if (!contents) return std::nullopt;
    return std::move(contents->summary);
}

void store_history_cache(const fs::path& cache_file, const fs::path& log,
                         const FileIdentity& identity, const LogSummary& summary) {
    HistoryCache cache(cache_file);
    store_contents(cache, log, identity, CacheContents{summary, {}});
}

namespace {

std::optional<LogSummary> load_summary(HistoryCache& cache, const fs::path& log,
                                       const FileIdentity& log_now,
                                       const std::optional<std::string>& only_exercise) {
    std::set<std::string, std::less<>> wanted;
    if (only_exercise) wanted.insert(*only_exercise);
    auto contents = load_contents(cache, log, log_now, only_exercise ? &wanted : nullptr, false);
    if (!contents) return std::nullopt;
    return std::move(contents->summary);
}

}  // namespace

Histories read_histories_cached(const fs::path& log, const HistoryQuery& query,
                                const LineIssueSink& on_issue, HistoryCache* cache,
                                BodyWeightTimeline* body_weights) {
    const auto before = identify_file(log);
    if (!cacheable(query, cache) || !before)
        return read_histories(log, query, on_issue, body_weights);
    if (auto cached = load_summary(*cache, log, *before, query.exercise)) {
        // A current cache that a pinned --today cannot use: read the log for
        // this query alone, rather than rebuild the cache and then read again.
        if (!usable_for(*cached, query)) return read_histories(log, query, on_issue, body_weights);
        return answer(*cached, query, on_issue, body_weights);
    }
    LogSummary summary = summarize_log(log, everything());
    // Stored only when nothing changed while the log was read.
    if (identify_file(log) == before && !summary.ends_in_torn_line)
        store_contents(*cache, log, *before, CacheContents{summary, {}});
    if (!usable_for(summary, query)) return read_histories(log, query, on_issue, body_weights);
    return answer(summary, query, on_issue, body_weights);
}

Histories read_histories_after_append(const fs::path& log, const HistoryQuery& query,
                                      const LineIssueSink& on_issue, HistoryCache* cache,
                                      const AppendResult& appended) {
    const LogPart tail{appended.before.size, appended.after.size};
    if (cacheable(query, cache) && tail.end > tail.begin) {
        const auto touched = plain_tail_exercises(log, tail);
        auto cached =
            touched ? load_contents(*cache, log, appended.before, &*touched, true) : std::nullopt;
        if (cached && extend_summary(cached->summary, log, tail, everything()) &&
            !cached->summary.ends_in_torn_line) {
            store_contents(*cache, log, appended.after, *cached);
            if (usable_for(cached->summary, query)) return answer(cached->summary, query, on_issue);
        }
    }
    return read_histories_cached(log, query, on_issue, cache);
}

}  // namespace liftlog
