// liftlog undo [ID]: withdraw a mistaken entry by appending a void record.
// The log is never edited: the entry stays in the file, and reports skip it.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <ostream>

#include "commands.hpp"
#include "invocation.hpp"
#include "liftlog/error.hpp"
#include "liftlog/set_notation.hpp"
#include "output.hpp"

namespace liftlog::cli {

namespace {

constexpr std::size_t kShortestIdPrefix = 4;
// Another liftlog writing between the choice of entry and the void is rare;
// several in a row mean the log is busy, and the user is told to try again.
constexpr int kUndoAttempts = 3;

// The entry to withdraw: the one whose id starts with `prefix`, or without a
// prefix the last entry in the log that is not already withdrawn.
Record find_target(const Log& log, std::vector<Log::Entry>& matches, const std::string& prefix) {
    if (matches.empty() && prefix.empty())
        throw Failure(fmt::format("nothing to undo: {} has no entries that are not already undone",
                                  log.path().string()));
    if (matches.empty())
        throw UsageError(
            fmt::format("no entry has an id starting with '{}'; the ids are shown by "
                        "'liftlog progress EXERCISE'",
                        prefix));
    if (matches.size() > 1)
        throw UsageError(
            fmt::format("'{}' matches {} entries; give more of the id", prefix, matches.size()));
    if (matches.front().withdrawn)
        throw UsageError(fmt::format("entry {} was already undone", matches.front().record.id));
    return std::move(matches.front().record);
}

// Appends a void for the chosen entry only if the log is as it was when the
// entry was chosen, so two undos at once never withdraw the same entry twice.
std::pair<Record, Record> withdraw(Log& log, const std::string& prefix, const Settings& settings) {
    for (int attempt = 1;; ++attempt) {
        auto matches = log.entries_with_id_prefix(prefix);
        Record target = find_target(log, matches.entries, prefix);
        Record undo;
        undo.id = settings.clock.new_record_id();
        undo.time = settings.clock.timestamp();
        undo.voids = target.id;
        try {
            log.append_all(std::span<const Record>(&undo, 1), matches.size_read);
            return {std::move(target), std::move(undo)};
        } catch (const LogChangedWhileReading&) {
            if (attempt == kUndoAttempts) throw;
        }
    }
}

}  // namespace

void run_undo(const std::string& prefix, Log& log, const Settings& settings, const Output& output) {
    if (!prefix.empty() && prefix.size() < kShortestIdPrefix)
        throw UsageError(fmt::format("id '{}' is too short; give at least {} characters", prefix,
                                     kShortestIdPrefix));
    const auto [target, undo] = withdraw(log, prefix, settings);
    if (output.format() == OutputFormat::json)
        return print_json(output.out(),
                          {{"undone", nlohmann::ordered_json::parse(serialize_record(target))},
                           {"record", nlohmann::ordered_json::parse(serialize_record(undo))}});
    const std::string what = target.body_weight
                                 ? fmt::format("body weight on {}: {} {}", format_date(target.date),
                                               format_amount(target.body_weight->hundredths),
                                               unit_name(target.body_weight->unit))
                                 : fmt::format("{} on {}: {}", target.exercise,
                                               format_date(target.date), format_sets(target.sets));
    output.out() << fmt::format(
        "Undid {} (id {}).\nThe entry stays in the log; reports now skip it.\n", what, target.id);
}

Runner add_undo_command(CLI::App& app) {
    auto prefix = std::make_shared<std::string>();
    CLI::App* command = app.add_subcommand(
        "undo", "Withdraw an entry (the last one by default) without editing the log");
    command->add_option("id", *prefix, "The entry's id, or its first 4 or more characters");
    command->footer(
        "Examples:\n  liftlog undo              withdraw the last entry\n"
        "  liftlog undo 9f2c4b1e     withdraw the entry with this id");
    return
        [prefix](Invocation& run) { run_undo(*prefix, run.log(), run.settings(), run.output()); };
}

}  // namespace liftlog::cli
