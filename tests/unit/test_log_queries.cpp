// The parallel, single-read fold must give exactly what the plain definition
// gives: collect every voided id, then fold each record that counts, in order.
#include <catch2/catch.hpp>

#include "liftlog/history_state.hpp"

#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <thread>

#include <unistd.h>

#include "liftlog/history_cache.hpp"
#include "liftlog/log_queries.hpp"

#include "temp_dir.hpp"

using namespace liftlog;
namespace fs = std::filesystem;

namespace {

// A log with everything that makes folding hard: dates out of order, several
// records a day, voids near and far from their targets, a void that comes
// before its target, repeated ids, bad and empty lines.
std::string random_log(std::mt19937& random, int records, bool torn_tail, bool repeat_ids = true) {
    const std::vector<std::string> exercises = {"deadlift", "pull-up", "back-extension"};
    std::vector<std::string> ids;
    std::string log;
    const auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
    for (int i = 0; i < records; ++i) {
        const int kind = pick(100);
        if (kind < 6 && !ids.empty()) {
            Record void_record;
            void_record.id = "v" + std::to_string(i);
            void_record.time = "2026-01-01T08:00:00+00:00";
            const int back = kind < 4 ? 1 + pick(3) : 1 + pick(static_cast<int>(ids.size()));
            void_record.voids = ids[ids.size() - std::min<std::size_t>(back, ids.size())];
            if (kind == 5)
                void_record.voids = "r" + std::to_string(i + 3);  // a target still to come
            log += serialize_record(void_record) + "\n";
            continue;
        }
        if (kind < 9) {
            log += kind == 6   ? "not json\n"
                   : kind == 7 ? "\n"
                               : R"({"v":1,"id":"x"})"
                                 "\n";
            continue;
        }
        Record record;
        record.id = repeat_ids && kind < 11 && !ids.empty()
                        ? ids[pick(static_cast<int>(ids.size()))]
                        : "r" + std::to_string(i);
        record.time = "2026-01-01T08:00:00+00:00";
        record.date =
            *parse_date("2026-01-01") + std::chrono::days{i / 3 - pick(5) * (kind % 7 == 0)};
        record.exercise = exercises[pick(3)];
        for (int s = 0, sets = 1 + pick(3); s < sets; ++s) {
            const Unit unit = pick(2) ? Unit::kg : Unit::lb;
            const Load load = pick(3) == 0 ? Load::bodyweight()
                                           : Load::external(250 * (1 + pick(80)) + pick(3), unit);
            record.sets.push_back({1 + pick(15), load, pick(6) == 0});
        }
        if (pick(4) == 0) record.rpe = 6 + pick(9) * 0.5;
        if (pick(5) == 0)
            record.note = pick(2) ? "easy" : "caf\u00e9";  // non-ASCII takes the slow path
        record.pain = pick(20) == 0;
        ids.push_back(record.id);
        log += serialize_record(record) + "\n";
    }
    if (torn_tail) log += R"({"v":1,"id":"torn","time":"2026)";
    return log;
}

// The definition, with the reference parser and no parts: of each id only the
// first record that reads counts, training record or void.
LogSummary reference_summary(const fs::path& log, const HistoryQuery& query) {
    LogSummary summary;
    std::set<std::string> seen;
    read_log(
        log,
        [&](Record&& record) {
            if (seen.insert(record.id).second && record.voids) summary.voided.insert(*record.voids);
        },
        [](std::size_t, const std::string&) {});
    seen.clear();
    const ReadSummary read = read_log(
        log,
        [&](Record&& record) {
            if (!seen.insert(record.id).second) return;
            if (is_void(record) || record.date > query.today || summary.voided.contains(record.id))
                return;
            if (query.exercise && record.exercise != *query.exercise) return;
            summary.histories.try_emplace(record.exercise, query.kept_sessions)
                .first->second.add(record);
        },
        [&](std::size_t line, const std::string& reason) {
            ++summary.bad_line_count;
            if (summary.bad_lines.size() <= kReportedBadLines)
                summary.bad_lines.push_back({line, reason});
        });
    (void)read;
    return summary;
}

void check_same(const LogSummary& actual, const LogSummary& expected) {
    REQUIRE(actual.histories.size() == expected.histories.size());
    for (const auto& [id, history] : expected.histories) {
        INFO("exercise " << id);
        REQUIRE(actual.histories.contains(id));
        CHECK(history_to_state(actual.histories.at(id)) == history_to_state(history));
        // The state holds the personal records; compared again as values, so
        // that a field left out of the state could not hide a difference.
        CHECK(actual.histories.at(id).records() == history.records());
    }
    CHECK(actual.bad_line_count == expected.bad_line_count);
    CHECK(actual.bad_lines == expected.bad_lines);
}

}  // namespace

// Whether the random logs reach what makes records hard to merge: runner-ups,
// and more distinct loads than the most-reps table keeps.
struct RecordCoverage {
    bool runner_up = false;
    bool table_full = false;

    void note(const LogSummary& summary) {
        for (const auto& [id, history] : summary.histories) {
            const PersonalRecords& records = history.records();
            table_full =
                table_full || records.most_reps_by_load().size() == PersonalRecords::kTrackedLoads;
            runner_up = runner_up || (records.best_e1rm() && records.best_e1rm()->runner_up);
        }
    }
};

TEST_CASE("the fold in parts equals folding the whole log in order", "[queries]") {
    TempDir dir;
    const fs::path log = dir.path / "log.jsonl";
    std::mt19937 random(20261123);
    RecordCoverage coverage;
    for (int round = 0; round < 40; ++round) {
        const bool torn = round % 4 == 3;
        std::ofstream(log, std::ios::binary) << random_log(random, 60 + round * 25, torn);
        const Date today = *parse_date(round % 3 == 0 ? "2026-01-20" : "2030-01-01");
        for (const std::size_t kept :
             {ExerciseHistory::kRecentSessions, ExerciseHistory::kAllSessions}) {
            const std::optional<std::string> only =
                round % 5 == 0 ? std::optional<std::string>("deadlift") : std::nullopt;
            const HistoryQuery query{today, only, kept};
            const LogSummary expected = reference_summary(log, query);
            coverage.note(expected);
            for (std::size_t parts = 1; parts <= 7; ++parts) {
                INFO("round " << round << ", " << parts << " parts, kept " << kept);
                const LogSummary actual = summarize_log(log, query, parts);
                check_same(actual, expected);
                CHECK(actual.ends_in_torn_line == torn);
            }
        }
    }
    CHECK(coverage.runner_up);
    CHECK(coverage.table_full);
}

TEST_CASE("every copy of a record id after the first is ignored", "[queries]") {
    TempDir dir;
    const fs::path single = dir.path / "single.jsonl";
    const fs::path doubled = dir.path / "doubled.jsonl";
    std::mt19937 random(13);
    const std::string content = random_log(random, 300, false, false);
    std::ofstream(single, std::ios::binary) << content;
    std::ofstream(doubled, std::ios::binary) << content << content;
    const HistoryQuery query{Date::max(), std::nullopt, ExerciseHistory::kAllSessions};
    const LogSummary expected = summarize_log(single, query);
    for (std::size_t parts = 1; parts <= 5; ++parts) {
        INFO(parts << " parts");
        const LogSummary actual = summarize_log(doubled, query, parts);
        REQUIRE(actual.histories.size() == expected.histories.size());
        for (const auto& [id, history] : expected.histories)
            CHECK(history_to_state(actual.histories.at(id)) == history_to_state(history));
        CHECK(actual.voided == expected.voided);
    }
    std::size_t single_count = 0;
    std::size_t doubled_count = 0;
    for_each_counted_record(single, Date::max(), [&](const Record&) { ++single_count; });
    for_each_counted_record(doubled, Date::max(), [&](const Record&) { ++doubled_count; });
    CHECK(single_count > 0);
    CHECK(doubled_count == single_count);
    std::size_t by_date = 0;
    for_each_counted_record_by_date(
        doubled, Date::max(), [](const Record&) { return true; }, [&](const Record&) { ++by_date; },
        64);
    CHECK(by_date == single_count);
}

TEST_CASE("the first copy of an id counts, whatever the later copies hold", "[queries]") {
    TempDir dir;
    const fs::path log = dir.path / "log.jsonl";
    Record first;
    first.id = "00000000000000aa";
    first.time = "2026-01-01T08:00:00+00:00";
    first.date = *parse_date("2026-01-01");
    first.exercise = "deadlift";
    first.sets = {{5, Load::external(10000, Unit::kg), false}};
    Record conflicting = first;
    conflicting.sets = {{5, Load::external(20000, Unit::kg), false}};
    Record void_copy;
    void_copy.id = first.id;  // a void that reuses the id withdraws nothing
    void_copy.time = first.time;
    void_copy.voids = first.id;
    std::ofstream(log, std::ios::binary) << serialize_record(first) << "\n"
                                         << serialize_record(conflicting) << "\n"
                                         << serialize_record(void_copy) << "\n";
    const LogSummary summary = summarize_log(log, {Date::max(), std::nullopt});
    REQUIRE(summary.histories.contains("deadlift"));
    CHECK(summary.voided.empty());
    std::vector<Record> counted;
    for_each_counted_record(log, Date::max(), [&](const Record& r) { counted.push_back(r); });
    REQUIRE(counted.size() == 1);
    CHECK(counted.front().sets == first.sets);
    CHECK(record_id_key("00000000000000aa") == 0xaa);
    CHECK(record_id_key("not-hex-at-all!!") != record_id_key("not-hex-at-all!?"));
}

TEST_CASE("bad lines beyond the reported ones are counted, in line order", "[queries]") {
    TempDir dir;
    const fs::path log = dir.path / "log.jsonl";
    std::string content;
    for (int i = 0; i < 50; ++i) content += "garbage " + std::to_string(i) + "\n";
    std::ofstream(log, std::ios::binary) << content;
    const LogSummary summary = summarize_log(log, {*parse_date("2026-01-01"), std::nullopt}, 4);
    CHECK(summary.bad_line_count == 50);
    REQUIRE(summary.bad_lines.size() == kReportedBadLines + 1);
    for (std::size_t i = 0; i < summary.bad_lines.size(); ++i)
        CHECK(summary.bad_lines[i].line == i + 1);
    std::vector<std::string> reported;
    name_bad_lines(summary, [&](std::size_t line, const std::string& reason) {
        reported.push_back(std::to_string(line) + ": " + reason);
    });
    REQUIRE(reported.size() == kReportedBadLines + 1);
    CHECK(reported.back() ==
          "21: and 30 more lines that could not be read; 'liftlog check' lists them all");
}

TEST_CASE("extending a summary with the lines appended equals reading the whole log", "[queries]") {
    TempDir dir;
    const fs::path log = dir.path / "log.jsonl";
    std::mt19937 random(7);
    // Appended lines are new records, so their ids are new too.
    const std::string content = random_log(random, 400, false, false);
    const HistoryQuery everything{Date::max(), std::nullopt};
    for (std::size_t cut = content.find('\n', content.size() / 2) + 1; cut < content.size();
         cut = content.find('\n', cut + 400) + 1) {
        if (cut == 0) break;
        std::ofstream(log, std::ios::binary) << content.substr(0, cut);
        LogSummary summary = summarize_log(log, everything);
        std::ofstream(log, std::ios::binary) << content;
        const std::string tail = content.substr(cut);
        const bool extended = extend_summary(summary, log, {cut, content.size()}, everything);
        INFO("cut at byte " << cut);
        CHECK(extended == (tail.find("\"voids\"") == std::string::npos));
        if (extended) {
            check_same(summary, summarize_log(log, everything));
            CHECK(summary.lines == summarize_log(log, everything).lines);
        }
    }
}

TEST_CASE("a history's state survives the cache's round trip", "[queries]") {
    TempDir dir;
    const fs::path log = dir.path / "log.jsonl";
    std::mt19937 random(99);
    std::ofstream(log, std::ios::binary) << random_log(random, 500, false);
    const HistoryQuery everything{Date::max(), std::nullopt};
    const LogSummary summary = summarize_log(log, everything);
    const auto identity = identify_file(log);
    REQUIRE(identity);
    const fs::path cache = history_cache_file(dir.path / "cache", log);
    store_history_cache(cache, log, *identity, summary);

    const auto loaded = load_history_cache(cache, log, *identity, std::nullopt, true);
    REQUIRE(loaded);
    check_same(*loaded, summary);
    CHECK(loaded->voided == summary.voided);
    CHECK(loaded->lines == summary.lines);
    CHECK(loaded->last_date == summary.last_date);
    for (const auto& [id, history] : summary.histories) {
        const ExerciseHistory& copy = loaded->histories.at(id);
        CHECK(copy.session_count() == history.session_count());
        CHECK(copy.volume_kg() == history.volume_kg());
        CHECK(copy.best_set() == history.best_set());
        CHECK(copy.records() == history.records());
        CHECK(copy.recent_sessions().size() == history.recent_sessions().size());
    }

    const auto one = load_history_cache(cache, log, *identity, "pull-up", false);
    REQUIRE(one);
    CHECK(one->histories.size() == 1);
    CHECK(one->voided.empty());

    FileIdentity changed = *identity;
    changed.changed_ns += 1;
    CHECK_FALSE(load_history_cache(cache, log, changed, std::nullopt, true));
    CHECK_FALSE(load_history_cache(cache, dir.path / "other.jsonl", *identity, std::nullopt, true));
}

// A pipe whose other end a thread fills with `content`, named by a path.
class PipeFeed {
  public:
    explicit PipeFeed(const std::string& content) {
        REQUIRE(::pipe(ends_) == 0);
        writer_ = std::thread([this, content] {
            std::size_t written = 0;
            while (written < content.size()) {
                const ssize_t got =
                    ::write(ends_[1], content.data() + written, content.size() - written);
                if (got <= 0) break;
                written += static_cast<std::size_t>(got);
            }
            ::close(ends_[1]);
        });
    }
    ~PipeFeed() {
        writer_.join();
        ::close(ends_[0]);
    }
    fs::path path() const { return "/proc/self/fd/" + std::to_string(ends_[0]); }

  private:
    int ends_[2] = {-1, -1};
    std::thread writer_;
};

TEST_CASE("a log that can be read only once, like a pipe, is read whole", "[queries]") {
    TempDir dir;
    const fs::path log = dir.path / "log.jsonl";
    std::mt19937 random(5);
    const std::string content = random_log(random, 300, false);
    std::ofstream(log, std::ios::binary) << content;
    const HistoryQuery query{*parse_date("2030-01-01"), std::nullopt};
    const LogSummary expected = reference_summary(log, query);

    PipeFeed pipe(content);
    CHECK(is_stream(pipe.path()));
    const LogSummary actual = summarize_log(pipe.path(), query, 3);
    check_same(actual, expected);
    CHECK(actual.lines == summarize_log(log, query).lines);
}

TEST_CASE("a single pass over a pipe, as check makes, sees every line", "[queries]") {
    TempDir dir;
    const fs::path log = dir.path / "log.jsonl";
    std::mt19937 random(6);
    const std::string content = random_log(random, 200, true);
    std::ofstream(log, std::ios::binary) << content;
    std::vector<std::string> from_file;
    for_each_line(log, [&](std::size_t number, std::string_view line, bool complete) {
        from_file.push_back(std::to_string(number) + (complete ? " " : " torn ") +
                            std::string(line));
    });
    REQUIRE(from_file.size() > 150);
    PipeFeed pipe(content);
    std::vector<std::string> from_pipe;
    CHECK(for_each_line(pipe.path(), [&](std::size_t number, std::string_view line, bool complete) {
        from_pipe.push_back(std::to_string(number) + (complete ? " " : " torn ") +
                            std::string(line));
    }));
    CHECK(from_pipe == from_file);
}

TEST_CASE("a void record whose key is spelled with an escape still withdraws its entry",
          "[queries]") {
    TempDir dir;
    const fs::path log = dir.path / "log.jsonl";
    Record record;
    record.id = "aaaa000000000001";
    record.time = "2026-01-01T08:00:00+00:00";
    record.date = *parse_date("2026-01-01");
    record.exercise = "deadlift";
    record.sets = {{5, Load::external(10000, Unit::kg), false}};
    std::ofstream(log, std::ios::binary)
        << serialize_record(record) << "\n"
        << R"({"v":1,"id":"zz","time":"t","vo\u0069ds":"aaaa000000000001"})"
        << "\n";
    const LogSummary summary = summarize_log(log, {*parse_date("2026-01-02"), std::nullopt});
    CHECK(summary.voided.contains("aaaa000000000001"));
    CHECK(summary.histories.empty());
    CHECK(read_voided_ids(log).contains("aaaa000000000001"));
}

TEST_CASE("a cache whose header was changed is not used", "[queries]") {
    TempDir dir;
    const fs::path log = dir.path / "log.jsonl";
    std::mt19937 random(11);
    std::ofstream(log, std::ios::binary) << random_log(random, 100, false);
    const LogSummary summary = summarize_log(log, {Date::max(), std::nullopt});
    const auto identity = identify_file(log);
    REQUIRE(identity);
    REQUIRE(summary.last_date);
    const fs::path cache = history_cache_file(dir.path / "cache", log);
    store_history_cache(cache, log, *identity, summary);
    REQUIRE(load_history_cache(cache, log, *identity, std::nullopt, true));

    std::ifstream in(cache, std::ios::binary);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string last = "\"last_date\":\"" + format_date(*summary.last_date) + "\"";
    const auto at = content.find(last);
    REQUIRE(at != std::string::npos);
    content.replace(at, last.size(), "\"last_date\":\"1999-01-01\"");
    std::ofstream(cache, std::ios::binary | std::ios::trunc) << content;
    CHECK_FALSE(load_history_cache(cache, log, *identity, std::nullopt, true));
}

TEST_CASE("a history state no fold could produce is refused", "[queries]") {
    ExerciseHistory history;
    Record record;
    record.id = "a";
    record.date = *parse_date("2026-01-01");
    record.exercise = "deadlift";
    record.sets = {{5, Load::bodyweight(), false}};
    history.add(record);
    const nlohmann::json good = history_to_state(history);
    CHECK(history_to_state(history_from_state(good)) == good);
    for (const auto& [key, value] :
         std::vector<std::pair<std::string, nlohmann::json>>{{"kept", 0},
                                                             {"days", {20000, 0}},
                                                             {"reps", -1},
                                                             {"kg_volume", std::string(40, '9')}}) {
        nlohmann::json bad = good;
        bad[key] = value;
        INFO(key);
        CHECK_THROWS(history_from_state(bad));
    }
}
