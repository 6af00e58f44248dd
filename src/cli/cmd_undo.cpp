// liftlog undo [ID]: withdraw a mistaken entry by appending a void record.
// The log is never edited: the entry stays in the file, and reports skip it.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <ostream>

#include "commands.hpp"
#include "liftlog/clock.hpp"
#include "liftlog/error.hpp"
#include "liftlog/log_file.hpp"
#include "liftlog/log_queries.hpp"
#include "liftlog/set_notation.hpp"
#include "output.hpp"
#include "services.hpp"

namespace liftlog::cli {

namespace {

constexpr std::size_t kShortestIdPrefix = 4;

// The entry to withdraw: the one whose id starts with `prefix`, or without a
// prefix the last entry in the log that is not already withdrawn.
Record find_target(const std::filesystem::path& log, const std::string& prefix,
                   const LineIssueSink& on_issue) {
    const auto voided = read_voided_ids(log);
    std::vector<Record> matches;
    read_log(
        log,
        [&](Record&& record) {
            if (is_void(record)) return;
            if (prefix.empty()) {
                if (!voided.contains(record.id)) matches.assign(1, std::move(record));
            } else if (record.id.starts_with(prefix)) {
                matches.push_back(std::move(record));
            }
        },
        on_issue);
    if (matches.empty() && prefix.empty())
        throw Failure(fmt::format("nothing to undo: {} has no entries that are not already undone",
                                  log.string()));
    if (matches.empty())
        throw UsageError(
            fmt::format("no entry has an id starting with '{}'; the ids are shown by "
                        "'liftlog progress EXERCISE'",
                        prefix));
    if (matches.size() > 1)
        throw UsageError(
            fmt::format("'{}' matches {} entries; give more of the id", prefix, matches.size()));
    if (voided.contains(matches.front().id))
        throw UsageError(fmt::format("entry {} was already undone", matches.front().id));
    return matches.front();
}

void run_undo(Services& services, const std::string& prefix) {
    if (!prefix.empty() && prefix.size() < kShortestIdPrefix)
        throw UsageError(fmt::format("id '{}' is too short; give at least {} characters", prefix,
                                     kShortestIdPrefix));
    const auto log = services.log_path();
    const Record target = find_target(log, prefix, services.issue_reporter());
    Record undo;
    undo.id = make_record_id();
    undo.time = local_now().timestamp;
    undo.voids = target.id;
    const std::string line = serialize_record(undo);
    append_line(log, line);
    if (services.format() == OutputFormat::json)
        return print_json(services.out(),
                          {{"undone", nlohmann::ordered_json::parse(serialize_record(target))},
                           {"record", nlohmann::ordered_json::parse(line)}});
    services.out() << fmt::format(
        "Undid {} on {}: {} (id {}).\nThe entry stays in the log; reports now skip it.\n",
        target.exercise, format_date(target.date), format_sets(target.sets), target.id);
}

}  // namespace

void add_undo_command(CLI::App& app, Services& services) {
    auto prefix = std::make_shared<std::string>();
    CLI::App* command = app.add_subcommand(
        "undo", "Withdraw an entry (the last one by default) without editing the log");
    command->add_option("id", *prefix, "The entry's id, or its first 4 or more characters");
    command->footer(
        "Examples:\n  liftlog undo              withdraw the last entry\n"
        "  liftlog undo 9f2c4b1e     withdraw the entry with this id");
    command->callback([&services, prefix] { run_undo(services, *prefix); });
}

}  // namespace liftlog::cli
