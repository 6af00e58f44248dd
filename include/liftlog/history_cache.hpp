#pragma once
// A cache of the log's folded histories, so that commands on a large log need
// not read all of it. It is derived from the log alone, can be deleted at any
// time, and is used only when the log is exactly the file it was made from
// (same device, inode, size, modification and change times); otherwise the
// log is read again and the cache rebuilt. docs/design.md explains why this
// cannot give an answer different from reading the log.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "liftlog/files.hpp"

#include "liftlog/log_file.hpp"
#include "liftlog/log_queries.hpp"

namespace liftlog {

// Bumped whenever what the cache holds, or how histories fold, changes
// (2: personal records; 3: a flagged e1RM never replaces one within Epley's range;
// 4: sessions marked light; 5: assistance, failed, timed and distance sets;
// 6: bodyweight days and the body-weight timeline; 7: each record id counted once;
// 8: time and distance totals and records, timed and distance best sets;
// 9: a pause at the top of a rep).
inline constexpr int kHistoryCacheFormat = 9;

// The cache file for `log` inside `cache_dir`, named after the log's path.
std::filesystem::path history_cache_file(const std::filesystem::path& cache_dir,
                                         const std::filesystem::path& log);

// One log's cache file and the directory that holds it. The directory is
// used only when nobody but the user can change it (open_private_directory):
// another user who could write it could plant a cache that answers for the
// log, or a symlink that turns a cache write against the user's own files.
// The file inside is reached through the directory's descriptor alone, and
// read only when it is a regular file of the user's with mode 0600.
class HistoryCache {
  public:
    using Warn = std::function<void(const std::string& message)>;
    // `warn` hears, once, why a directory that is there cannot be trusted;
    // the command then runs without the cache.
    explicit HistoryCache(std::filesystem::path file, Warn warn = {});

    const std::filesystem::path& file() const { return file_; }
    // The directory's descriptor, or -1 when it cannot be used (or, without
    // `create`, is not there yet).
    int directory(bool create);

  private:
    std::filesystem::path file_;
    Warn warn_;
    UniqueFd dir_;
    bool distrusted_ = false;
};

// How old a temporary file of the cache must be before a write takes it for
// one that a killed run left behind, and removes it.
inline constexpr long kOrphanedTemporarySeconds = 60;

// Histories for `query`: from the cache when it describes the log as it is
// now, else by reading the log, which refreshes the cache. No cache (nullptr)
// means no caching.
// `body_weights`, when given, receives the body-weight timeline of the same read.
Histories read_histories_cached(const std::filesystem::path& log, const HistoryQuery& query,
                                const LineIssueSink& on_issue, HistoryCache* cache,
                                BodyWeightTimeline* body_weights = nullptr);

// The same after `liftlog log` appended a record: when the cache described the
// log as it was just before the append, only the appended bytes are read.
Histories read_histories_after_append(const std::filesystem::path& log, const HistoryQuery& query,
                                      const LineIssueSink& on_issue, HistoryCache* cache,
                                      const AppendResult& appended);

// The parts of the cache, exposed for tests.
std::optional<LogSummary> load_history_cache(const std::filesystem::path& cache_file,
                                             const std::filesystem::path& log,
                                             const FileIdentity& log_now,
                                             const std::optional<std::string>& only_exercise,
                                             bool with_voided);
void store_history_cache(const std::filesystem::path& cache_file, const std::filesystem::path& log,
                         const FileIdentity& identity, const LogSummary& summary);

}  // namespace liftlog
