// liftlog check: validate the log and every exercise and plan definition in use.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <map>
#include <ostream>
#include <set>
#include <unordered_set>

#include "commands.hpp"
#include "invocation.hpp"
#include "liftlog/error.hpp"
#include "liftlog/library_loader.hpp"
#include "liftlog/record_status.hpp"
#include "liftlog/text.hpp"
#include "output.hpp"

namespace liftlog::cli {

namespace {

struct Problem {
    std::string file;
    std::size_t line = 0;  // 0 when the problem is the whole file
    std::string message;
    std::string fix;
};

std::string fix_for_bad_line(const std::string& reason, bool complete) {
    if (!complete)
        return "harmless: an interrupted write left it; the next entry starts on a new line";
    if (reason.find("newer than this liftlog") != std::string::npos)
        return "upgrade liftlog to read it; until then reports skip it";
    return "reports skip this line; restore it from a backup or edit it by hand if you know "
           "what it held";
}

// Checks that need the whole log: duplicate ids, voids of unknown entries,
// exercises the library does not define, dates after today.
const std::unordered_set<std::string> kNoIds;
const WithdrawnIds kNoneWithdrawn(kNoIds);

class LogChecker {
  public:
    LogChecker(std::string file, const Library& library, Date today)
        : file_(std::move(file)), library_(library), today_(today) {}

    void check_line(std::size_t number, std::string_view line, bool complete) {
        try {
            check_record(number, parse_record(line));
        } catch (const RecordError& error) {
            const std::string reason = complete ? error.what() : std::string(kTornLine);
            add(number, reason, fix_for_bad_line(error.what(), complete));
        }
    }

    std::vector<Problem> finish() {
        std::map<std::string, std::size_t> first_void;
        for (const auto& [target, line] : voids_) {
            if (!ids_.contains(target))
                add(line, fmt::format("voids '{}', which no entry has", target),
                    "harmless: it withdraws nothing");
            else if (const auto [it, first] = first_void.emplace(target, line); !first)
                add(line,
                    fmt::format("voids '{}' again; line {} withdrew it already", target,
                                it->second),
                    "harmless: the entry counts once as withdrawn; if you meant to undo "
                    "another entry, run 'liftlog undo' for it");
        }
        return std::move(problems_);
    }

    std::size_t records() const { return records_; }
    std::vector<Problem> take_notes() { return std::move(notes_); }

  private:
    void check_record(std::size_t number, const Record& record) {
        ++records_;
        const std::uint64_t fingerprint = record_fingerprint(record);
        if (const auto [it, inserted] = ids_.try_emplace(record.id, number, fingerprint);
            !inserted) {
            const std::size_t first = it->second.first;
            if (it->second.second == fingerprint) {
                notes_.push_back({file_, number,
                                  fmt::format("exact copy of line {} (id '{}')", first, record.id),
                                  "harmless: every report counts it once; 'liftlog merge' leaves "
                                  "such copies out"});
            } else {
                add(number,
                    fmt::format("id '{}' is also used on line {} by a different record; reports "
                                "count only line {}",
                                record.id, first, first),
                    fmt::format("keep one of the two: remove the line you do not want with an "
                                "editor (make a backup first); 'liftlog undo' cannot choose, it "
                                "would withdraw both"));
            }
            return;  // a later copy counts for nothing, so it is judged no further
        }
        // Withdrawn entries are checked like any other: they stay in the file.
        const RecordStatus status = record_status(record, today_, kNoneWithdrawn);
        if (status == RecordStatus::void_record) {
            voids_.emplace_back(*record.voids, number);
            return;
        }
        if (!is_body_weight(record) && !library_.exercises().contains(record.exercise)) {
            std::vector<std::string> ids;
            for (const auto& [id, exercise] : library_.exercises()) ids.push_back(id);
            add(number,
                fmt::format("unknown exercise '{}'{}", record.exercise,
                            did_you_mean(closest_matches(record.exercise, ids))),
                "add its definition to $XDG_CONFIG_HOME/liftlog/exercises/, or withdraw the "
                "entry with 'liftlog undo " +
                    record.id + "'");
        }
        if (status == RecordStatus::after_today)
            add(number,
                fmt::format("dated {}, after today ({})", format_date(record.date),
                            format_date(today_)),
                "reports skip it until that day; withdraw it with 'liftlog undo " + record.id +
                    "' if the date is wrong");
    }

    void add(std::size_t line, std::string message, std::string fix) {
        problems_.push_back({file_, line, std::move(message), std::move(fix)});
    }

    std::string file_;
    const Library& library_;
    Date today_;
    std::size_t records_ = 0;
    std::map<std::string, std::pair<std::size_t, std::uint64_t>> ids_;  // first line, fingerprint
    std::vector<Problem> notes_;                                        // information, not problems
    std::vector<std::pair<std::string, std::size_t>> voids_;
    std::vector<Problem> problems_;
};

// "FILE: message" from Library::problems, split back into its parts.
Problem definition_problem(const std::string& text) {
    const auto colon = text.find(": ");
    if (colon == std::string::npos) return {"", 0, text, ""};
    return {text.substr(0, colon), 0, text.substr(colon + 2),
            "fix the file or move it out of the way; every command needs the library"};
}

nlohmann::ordered_json problems_json(const std::vector<Problem>& problems) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& p : problems)
        list.push_back({{"file", p.file},
                        {"line", p.line == 0 ? nlohmann::ordered_json(nullptr)
                                             : nlohmann::ordered_json(p.line)},
                        {"message", p.message},
                        {"fix", p.fix}});
    return list;
}

void print_problems(const std::vector<Problem>& problems, const std::vector<Problem>& notes,
                    std::size_t records, std::size_t definitions, const Output& output) {
    std::ostream& out = output.out();
    if (output.format() == OutputFormat::json) {
        return print_json(out, {{"ok", problems.empty()},
                                {"records", records},
                                {"definitions", definitions},
                                {"problems", problems_json(problems)},
                                {"notes", problems_json(notes)}});
    }
    for (const auto& p : problems) {
        out << (p.line == 0 ? fmt::format("{}: {}\n", p.file, p.message)
                            : fmt::format("{}:{}: {}\n", p.file, p.line, p.message));
        if (!p.fix.empty()) out << "  fix: " << p.fix << '\n';
    }
    for (const auto& n : notes)
        out << fmt::format("{}:{}: note: {}\n  {}\n", n.file, n.line, n.message, n.fix);
    out << fmt::format("{} problem{}; {} log entries and {} definitions checked\n", problems.size(),
                       problems.size() == 1 ? "" : "s", records, definitions);
}

}  // namespace

int run_check(Log& log, const Settings& settings, const Output& output) {
    const auto sources = gather_sources(settings.definition_dirs);
    std::vector<Problem> problems;
    for (const auto& text : Library::problems(sources))
        problems.push_back(definition_problem(text));
    std::size_t records = 0;
    std::vector<Problem> notes;
    if (problems.empty()) {
        // Taken first, so that reading the log does not also warn of them.
        for (const auto& exposure : log.take_exposure())
            problems.push_back({exposure.subject.string(), 0, exposure.problem, exposure.fix});
        const Library library = Library::build(sources);
        LogChecker checker(log.path().string(), library, settings.today());
        log.for_each_raw_line([&](std::size_t number, std::string_view line, bool complete) {
            checker.check_line(number, line, complete);
        });
        auto log_problems = checker.finish();
        problems.insert(problems.end(), log_problems.begin(), log_problems.end());
        records = checker.records();
        notes = checker.take_notes();
    }
    print_problems(problems, notes, records, sources.size(), output);
    return problems.empty() ? 0 : 1;
}

Runner add_check_command(CLI::App& app) {
    CLI::App* command = app.add_subcommand(
        "check", "Check the log and the exercise and plan definitions for problems");
    command->footer(
        "Prints each problem as FILE:LINE: message, with a suggested fix.\n"
        "Exit status: 0 when everything is sound, 1 when there are problems.\n"
        "Examples:\n  liftlog check\n  liftlog check --format json | jq '.problems[]'");
    return [](Invocation& run) {
        if (run_check(run.log(), run.settings(), run.output()) != 0) throw ReportedFailure();
    };
}

}  // namespace liftlog::cli
