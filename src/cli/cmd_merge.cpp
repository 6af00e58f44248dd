// liftlog merge FILE...: add the records of other liftlog logs (the same
// history kept on another device, a sync tool's conflict copy) that this log
// lacks, in one locked append. Ids say what is already here, so merging again
// adds nothing.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cerrno>
#include <cstring>
#include <ostream>

#include "commands.hpp"
#include "invocation.hpp"
#include "liftlog/error.hpp"
#include "output.hpp"

namespace liftlog::cli {

namespace {

struct FileTally {
    std::string file;
    std::size_t records = 0;
    std::size_t voids = 0;
    std::size_t already = 0;
    std::size_t conflicts = 0;
};

std::string plural(std::size_t count, std::string_view noun) {
    return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
}

// Refuses a source that is a directory or cannot be read, naming it as
// merge's argument (the reader's own errors speak of "the log" and --log).
// A missing file is left to the reader, which says so.
void check_readable(const std::string& file) {
    // O_NONBLOCK: a FIFO is not waited on here.
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        if (errno == ENOENT) return;
        throw Failure(
            fmt::format("cannot read {}: {}; nothing was merged", file, std::strerror(errno)));
    }
    struct stat status {};
    const bool directory = ::fstat(fd, &status) == 0 && S_ISDIR(status.st_mode);
    ::close(fd);
    if (directory)
        throw UsageError(fmt::format("{}: it is a directory; give a liftlog log to merge", file));
}

// The records of one file that neither this log nor an earlier file holds.
// Lines are re-serialized, as every append writes them: fields this liftlog
// does not know are kept by the parser, and the fast reader reads the result.
FileTally take_new_records(const std::string& file, Log& log,
                           std::unordered_map<std::string, std::uint64_t>& known,
                           std::vector<Record>& to_append, const Output& output) {
    FileTally tally{file};
    check_readable(file);
    bool first_line = true;
    log.for_each_line_of_other(file, [&](std::size_t number, std::string_view line, bool complete) {
        Record record;
        try {
            record = parse_record(line);
        } catch (const RecordError& error) {
            if (first_line)
                throw UsageError(fmt::format(
                    "{}: not a liftlog log (line {}: {}); to add an export from another app, "
                    "use 'liftlog import {}'",
                    file, number, error.what(), file));
            output.warn(complete ? fmt::format("{}:{}: skipped: {}", file, number, error.what())
                                 : fmt::format("{}:{}: skipped: {}", file, number, kTornLine));
            return;
        }
        first_line = false;
        const std::uint64_t fingerprint = record_fingerprint(record);
        const auto [at, is_new] = known.try_emplace(record.id, fingerprint);
        if (!is_new) {
            if (at->second == fingerprint) {
                ++tally.already;
            } else {
                ++tally.conflicts;
                output.warn(fmt::format(
                    "{}:{}: not merged: the log already has a different record with id {}; "
                    "'liftlog check' shows both",
                    file, number, record.id));
            }
            return;
        }
        ++(record.voids ? tally.voids : tally.records);
        to_append.push_back(std::move(record));
    });
    if (first_line)
        throw UsageError(
            fmt::format("{}: not a liftlog log (it holds no record); to add an "
                        "export from another app, use 'liftlog import {}'",
                        file, file));
    return tally;
}

void print_tallies(const std::vector<FileTally>& tallies, const Log& log, bool dry_run,
                   const Output& output) {
    if (output.format() == OutputFormat::json) {
        nlohmann::ordered_json files = nlohmann::ordered_json::array();
        for (const auto& t : tallies)
            files.push_back({{"file", t.file},
                             {"records", t.records},
                             {"voids", t.voids},
                             {"already_here", t.already},
                             {"conflicts", t.conflicts}});
        return print_json(
            output.out(),
            {{"log", log.path().string()}, {"dry_run", dry_run}, {"files", std::move(files)}});
    }
    for (const auto& t : tallies) {
        output.out() << fmt::format("{} {} and {} from {}; {} already here",
                                    dry_run ? "Would merge" : "Merged", plural(t.records, "record"),
                                    plural(t.voids, "void"), t.file, t.already);
        if (t.conflicts > 0)
            output.out() << fmt::format("; {} not merged (conflicting ids)", t.conflicts);
        output.out() << ".\n";
    }
    if (dry_run) output.out() << "This was a dry run; nothing was written.\n";
}

}  // namespace

void run_merge(const MergeArguments& args, Log& log, const Output& output) {
    Log::Fingerprints present = log.fingerprints();
    std::vector<Record> to_append;
    std::vector<FileTally> tallies;
    // Every file is read and judged before the log is touched.
    for (const auto& file : args.files)
        tallies.push_back(take_new_records(file, log, present.by_id, to_append, output));
    if (!args.dry_run) log.append_all(std::span<const Record>(to_append), present.size_read);
    print_tallies(tallies, log, args.dry_run, output);
    std::size_t conflicts = 0;
    for (const auto& t : tallies) conflicts += t.conflicts;
    if (conflicts > 0)
        throw Failure(fmt::format(
            "{} with an id this log holds with other contents {} not merged; keep one copy "
            "of each (see 'liftlog check' and docs/your-data.md)",
            plural(conflicts, "record"), conflicts == 1 ? "was" : "were"));
}

Runner add_merge_command(CLI::App& app) {
    auto args = std::make_shared<MergeArguments>();
    CLI::App* command = app.add_subcommand(
        "merge",
        "Add the entries of other liftlog logs (another device's copy) that this log lacks");
    command->add_option("files", args->files, "Other liftlog logs (JSON lines)")->required();
    command->add_flag("--dry-run", args->dry_run, "Show what would be added; write nothing");
    command->footer(
        "Examples:\n"
        "  liftlog merge phone.jsonl                        add what the phone's log has\n"
        "  liftlog merge 'log.sync-conflict-20261204.jsonl' recover a sync conflict copy\n"
        "  liftlog merge phone.jsonl laptop.jsonl --dry-run\n"
        "Records are matched by id: merging again adds nothing.\n"
        "Exit status: 1 when a record has the id of a different one in the log (not merged).\n"
        "Details: docs/your-data.md");
    return [args](Invocation& run) { run_merge(*args, run.log(), run.output()); };
}

}  // namespace liftlog::cli
