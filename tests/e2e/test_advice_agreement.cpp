// Every command that shows the next session shows the same one (issue 12):
// random histories of the back workout's exercises and one more are written
// into the log, then `progress`, `show` and `plan`, with the history cache and
// without it, must give the same suggestion for the same --today. The seed is
// fixed, so a failure names a log that can be replayed.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <random>
#include <sstream>

#include "harness.hpp"
#include "support.hpp"

using e2e::parse_json;
using nlohmann::ordered_json;

namespace {

constexpr std::uint32_t kSeed = 20261205;
constexpr int kLogs = 40;

// What the generator needs to know of an exercise to log it as a lifter would.
struct Lift {
    std::string id;
    bool bodyweight = false;
    int fewest_sets = 3;
    int most_sets = 4;
    int fewest_reps = 8;  // reps are drawn around these
    int most_reps = 12;
    int kg_step = 250;  // hundredths
    int lb_step = 500;
    int start_kg = 60;
};

const std::vector<Lift> kPlanLifts = {
    {"deadlift", false, 3, 5, 3, 5, 250, 500, 120},
    {"pull-up", true, 3, 4, 6, 13, 250, 500, 10},
    {"dumbbell-row", false, 3, 4, 8, 12, 250, 500, 30},
    {"back-extension", true, 2, 3, 10, 13, 250, 500, 10},
    {"reverse-dumbbell-fly", false, 3, 4, 12, 15, 100, 250, 8},
};

const std::vector<Lift> kOtherLifts = {
    {"squat", false, 3, 5, 5, 8, 250, 500, 100},
    {"biceps-curl", false, 2, 4, 8, 12, 100, 250, 12},
    {"kettlebell-swing", false, 3, 5, 12, 20, 400, 500, 16},
    {"good-morning", false, 2, 4, 8, 12, 250, 500, 40},
    {"reverse-back-extension", true, 2, 3, 10, 13, 250, 500, 10},
    {"glute-ham-raise", true, 2, 4, 5, 11, 250, 500, 10},
};

struct Load {
    std::string kind = "bw";  // "bw", "added" or "external"
    std::int64_t hundredths = 0;
    std::string unit = "kg";
};

struct Set {
    int reps = 0;
    Load load;
    bool warmup = false;
};

struct Entry {
    std::string date;
    std::string exercise;
    std::vector<Set> sets;
    bool pain = false;
};

std::string amount_text(std::int64_t hundredths) {
    std::string text = std::to_string(hundredths / 100);
    const auto cents = hundredths % 100;
    if (cents == 0) return text;
    text += '.' + std::to_string(cents / 10);
    if (cents % 10 != 0) text += std::to_string(cents % 10);
    return text;
}

std::string load_json(const Load& load) {
    if (load.kind == "bw") return R"({"kind":"bw"})";
    return R"({"kind":")" + load.kind + R"(","value":)" + amount_text(load.hundredths) +
           R"(,"unit":")" + load.unit + R"("})";
}

std::string sets_json(const std::vector<Set>& sets) {
    std::string json = "[";
    for (const auto& set : sets) {
        if (json.size() > 1) json += ',';
        json += R"({"reps":)" + std::to_string(set.reps) + R"(,"load":)" + load_json(set.load) +
                (set.warmup ? R"(,"warmup":true})" : "}");
    }
    return json + "]";
}

std::string date_text(std::chrono::sys_days day) {
    const std::chrono::year_month_day ymd{day};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return text;
}

// Sessions as lifters log them: a working load that drifts, top singles over
// back-offs, ramps, warm-ups, light days, uneven reps, too many or too few
// sets, pain, breaks, kg and lb mixed.
class LogMaker {
  public:
    explicit LogMaker(std::uint32_t seed) : random_(seed) {}

    int uniform(int low, int high) {
        return std::uniform_int_distribution<int>(low, high)(random_);
    }
    bool chance(double p) { return std::bernoulli_distribution(p)(random_); }

    // Sessions of `lift` up to `today`: the latest of them a few days before
    // it, or further back after a break.
    std::vector<Entry> history(const Lift& lift, std::chrono::sys_days today) {
        lift_ = &lift;
        added_ = !lift.bodyweight || chance(0.35);
        kilograms_ = lift.start_kg * (0.7 + 0.1 * uniform(0, 6));
        std::vector<int> gaps{days_before_today()};
        for (int i = uniform(1, 10); i > 1; --i) gaps.push_back(days_between_sessions());
        auto day = today;
        for (const int gap : gaps) day -= std::chrono::days{gap};
        std::vector<Entry> entries;
        for (auto gap = gaps.rbegin(); gap != gaps.rend(); ++gap) {
            add_session(entries, date_text(day));
            day += std::chrono::days{*gap};
        }
        return entries;
    }

    // The next session of `lift`, for logging with `log`: its notation.
    std::string notation(const Lift& lift) {
        const int reps = uniform(lift.fewest_reps, lift.most_reps);
        const int sets = uniform(lift.fewest_sets, lift.most_sets);
        std::string text = std::to_string(sets) + "x" + std::to_string(reps);
        if (!lift.bodyweight) text += "@" + amount_text(lift.start_kg * 100) + "kg";
        return text;
    }

  private:
    int days_before_today() {
        const int kind = uniform(0, 9);
        return kind < 6 ? uniform(0, 6) : kind < 9 ? uniform(7, 13) : uniform(14, 40);
    }

    int days_between_sessions() {
        const int kind = uniform(0, 9);
        return kind < 7 ? uniform(1, 4) : kind < 9 ? uniform(5, 13) : uniform(14, 40);
    }

    int reps() { return std::max(1, uniform(lift_->fewest_reps - 3, lift_->most_reps + 1)); }

    int set_count() {
        const int kind = uniform(0, 9);
        if (kind == 0) return uniform(1, std::max(1, lift_->fewest_sets - 1));
        if (kind == 1) return uniform(lift_->most_sets + 1, lift_->most_sets + 2);
        return uniform(lift_->fewest_sets, lift_->most_sets);
    }

    Load load_of(double kilograms) {
        if (!added_) return {};
        const bool pounds = chance(0.3);
        const double amount = pounds ? kilograms / 0.45359237 : kilograms;
        const int step = pounds ? lift_->lb_step : lift_->kg_step;
        const auto steps = std::max<std::int64_t>(1, std::llround(amount * 100 / step));
        return {lift_->bodyweight ? "added" : "external", steps * step, pounds ? "lb" : "kg"};
    }

    void add_sets(std::vector<Set>& sets, int count, const Load& load, bool warmup = false) {
        const bool uneven = chance(0.5);
        int current = reps();
        for (int i = 0; i < count; ++i) {
            sets.push_back({std::max(1, current), load, warmup});
            if (uneven) current -= uniform(0, 2);
        }
    }

    void add_session(std::vector<Entry>& entries, const std::string& date) {
        kilograms_ = std::max(1.0, kilograms_ * (1.0 + 0.01 * uniform(-6, 7)));
        Entry entry{date, lift_->id, {}, chance(0.12)};
        const Load working = load_of(kilograms_);
        switch (uniform(0, 7)) {
            case 0:
                add_sets(entry.sets, uniform(1, 2), load_of(kilograms_ * 0.5), true);
                add_sets(entry.sets, set_count(), working);
                break;
            case 1:
                entry.sets.push_back({1, load_of(kilograms_ * 1.2), false});
                add_sets(entry.sets, set_count(), working);
                break;
            case 2:
                for (int i = set_count(); i > 0; --i)
                    entry.sets.push_back({reps(), load_of(kilograms_ * (1.0 - 0.05 * i)), false});
                break;
            case 3:
                add_sets(entry.sets, set_count(), load_of(kilograms_ * 0.6));
                break;
            case 4: {
                // A second entry the same day, without pain.
                add_sets(entry.sets, set_count(), working);
                Entry more{date, lift_->id, {}, false};
                add_sets(more.sets, uniform(1, 2), load_of(kilograms_ * 0.8));
                entries.push_back(entry);
                entries.push_back(more);
                return;
            }
            default:
                add_sets(entry.sets, set_count(), working);
        }
        entries.push_back(entry);
    }

    std::mt19937 random_;
    const Lift* lift_ = nullptr;
    bool added_ = true;
    double kilograms_ = 0;
};

std::string log_text(std::vector<Entry> entries) {
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry& a, const Entry& b) { return a.date < b.date; });
    std::string text;
    int id = 0;
    for (const auto& entry : entries) {
        char record_id[17];
        std::snprintf(record_id, sizeof record_id, "%016x", ++id);
        text += e2e::record_line(record_id, entry.date, entry.exercise, sets_json(entry.sets),
                                 entry.pain ? R"(,"pain":true)" : "") +
                "\n";
    }
    return text;
}

// One random log: every exercise of the back workout and one more.
struct RandomLog {
    std::vector<std::string> exercises;
    std::string text;
    std::string today;
    std::vector<std::string> unit;  // global options: none, or --unit kg / lb
};

RandomLog random_log(LogMaker& maker) {
    RandomLog log;
    std::vector<Entry> entries;
    const auto today = std::chrono::sys_days{std::chrono::year{2026} / 6 / 1} +
                       std::chrono::days{maker.uniform(0, 120)};
    log.today = date_text(today);
    std::vector<Lift> lifts = kPlanLifts;
    lifts.push_back(kOtherLifts[static_cast<std::size_t>(
        maker.uniform(0, static_cast<int>(kOtherLifts.size()) - 1))]);
    for (const auto& lift : lifts) {
        const auto history = maker.history(lift, today);
        entries.insert(entries.end(), history.begin(), history.end());
        log.exercises.push_back(lift.id);
    }
    log.text = log_text(entries);
    const int unit = maker.uniform(0, 3);
    if (unit == 1) log.unit = {"--unit", "kg"};
    if (unit == 2) log.unit = {"--unit", "lb"};
    return log;
}

class Commands {
  public:
    Commands(const e2e::Sandbox& sandbox, const RandomLog& log) : sandbox_(sandbox), log_(log) {}

    // `args` with the log's --today and --unit, with the cache or without.
    e2e::RunResult run(std::vector<std::string> args, bool cached = true) const {
        std::vector<std::string> line = log_.unit;
        if (!cached) line.insert(line.begin(), "--no-cache");
        line.insert(line.end(), {"--today", log_.today});
        line.insert(line.end(), args.begin(), args.end());
        auto result = sandbox_.run(line);
        INFO(join(line) << "\n" << result.err);
        REQUIRE(result.status == 0);
        return result;
    }

    ordered_json json(std::vector<std::string> args, bool cached = true) const {
        args.insert(args.end(), {"--format", "json"});
        return parse_json(run(args, cached).out);
    }

  private:
    static std::string join(const std::vector<std::string>& args) {
        std::string text = "liftlog";
        for (const auto& arg : args) text += " " + arg;
        return text;
    }

    const e2e::Sandbox& sandbox_;
    const RandomLog& log_;
};

// The "Next time:" line `progress` and `show` print for a suggestion.
std::string next_time_line(const ordered_json& suggestion) {
    std::string next = suggestion["next"]["notation"].get<std::string>();
    if (suggestion["next"]["load"].is_null()) next += " with a light load";
    const std::string action = suggestion["action"].get<std::string>();
    const auto& not_before = suggestion["not_before"];
    if (action == "rest" && !not_before.is_null())
        return "Next time: rest until " + not_before.get<std::string>() + ", then " + next;
    if (!not_before.is_null())
        return "Next time: " + action + " " + next + " (from " + not_before.get<std::string>() +
               ")";
    return "Next time: " + action + " " + next;
}

std::string line_starting(const std::string& text, const std::string& start) {
    for (const auto& line : e2e::split_lines(text))
        if (e2e::starts_with(line, start)) return line;
    return "";
}

std::vector<std::string> words(const std::string& line) {
    std::vector<std::string> found;
    std::istringstream stream(line);
    for (std::string word; stream >> word;) found.push_back(word);
    return found;
}

bool in_plan(const std::string& exercise) {
    return std::any_of(kPlanLifts.begin(), kPlanLifts.end(),
                       [&](const Lift& lift) { return lift.id == exercise; });
}

struct Tally {
    std::map<std::string, int> actions;
    int exercises = 0;
    int plan_items = 0;
    int appended = 0;
};

// `progress EXERCISE`'s suggestion, which every other view must repeat.
ordered_json check_one_exercise(const Commands& commands, const std::string& exercise,
                                const ordered_json& overview, const ordered_json& plan,
                                const std::string& plan_text) {
    INFO(exercise);
    const auto progress = commands.json({"progress", exercise}).at(0)["suggestion"];
    CHECK(commands.json({"progress", exercise}, false).at(0)["suggestion"] == progress);
    CHECK(commands.json({"show", exercise})["suggestion"] == progress);
    CHECK(commands.json({"show", exercise}, false)["suggestion"] == progress);
    const std::string expected_line = next_time_line(progress);
    CHECK(line_starting(commands.run({"show", exercise}).out, "Next time:") == expected_line);
    CHECK(line_starting(commands.run({"progress", exercise}).out, "Next time:") == expected_line);
    for (const auto& entry : overview)
        if (entry["exercise"] == exercise) CHECK(entry["suggestion"] == progress);
    if (!in_plan(exercise)) return progress;
    for (const auto& item : plan["items"])
        if (item["exercise"] == exercise) CHECK(item["suggestion"] == progress);
    // The plan's text row: the exercise, then the engine's notation, then its action.
    const auto row = words(line_starting(plan_text, exercise + " "));
    REQUIRE(row.size() >= 3);
    CHECK(row[1] == progress["next"]["notation"].get<std::string>());
    CHECK(std::find(row.begin(), row.end(), progress["action"].get<std::string>()) != row.end());
    return progress;
}

std::string actions_text(const std::map<std::string, int>& actions) {
    std::string text;
    for (const auto& [action, count] : actions)
        text += (text.empty() ? "" : ", ") + action + " " + std::to_string(count);
    return text;
}

void check_log(const e2e::Sandbox& sandbox, const RandomLog& log, Tally& tally) {
    const Commands commands(sandbox, log);
    // The first run writes the cache; every cached run after it reads it.
    const auto plan = commands.json({"plan", "back-workout"});
    REQUIRE_FALSE(std::filesystem::is_empty(sandbox.dir() / "cache" / "liftlog"));
    CHECK(commands.json({"plan", "back-workout"}, false) == plan);
    const auto plan_text = commands.run({"plan", "back-workout"}).out;
    const auto overview = commands.json({"progress"});
    CHECK(commands.json({"progress"}, false) == overview);
    for (const auto& exercise : log.exercises) {
        const auto suggestion = check_one_exercise(commands, exercise, overview, plan, plan_text);
        ++tally.actions[suggestion["action"].get<std::string>()];
        ++tally.exercises;
        if (in_plan(exercise)) ++tally.plan_items;
    }
}

// `log` appends to a log the cache describes, so the cache is updated from
// the appended bytes alone: the answers must still be those of the whole log.
void check_after_append(const e2e::Sandbox& sandbox, RandomLog log, LogMaker& maker, Tally& tally) {
    const Lift& lift = kPlanLifts[static_cast<std::size_t>(maker.uniform(0, 4))];
    const auto logged = sandbox.run(
        {"log", lift.id, maker.notation(lift), "--date", log.today, "--today", log.today});
    INFO(logged.err);
    REQUIRE(logged.status == 0);
    const Commands commands(sandbox, log);
    const auto plan = commands.json({"plan", "back-workout"});
    CHECK(commands.json({"plan", "back-workout"}, false) == plan);
    const auto progress = commands.json({"progress", lift.id}).at(0)["suggestion"];
    CHECK(commands.json({"progress", lift.id}, false).at(0)["suggestion"] == progress);
    for (const auto& item : plan["items"])
        if (item["exercise"] == lift.id) CHECK(item["suggestion"] == progress);
    ++tally.appended;
}

}  // namespace

TEST_CASE("progress, show, plan and the cache give the same next session for random histories",
          "[e2e][advice][invariants]") {
    LogMaker maker(kSeed);
    Tally tally;
    for (int i = 0; i < kLogs; ++i) {
        const RandomLog log = random_log(maker);
        e2e::Sandbox sandbox;
        sandbox.set_env("XDG_CACHE_HOME", (sandbox.dir() / "cache").string());
        sandbox.write_file("data/liftlog/log.jsonl", log.text);
        INFO("seed " << kSeed << ", log " << i << ", today " << log.today
                     << (log.unit.empty() ? "" : " " + log.unit[0] + " " + log.unit[1]) << ":\n"
                     << log.text);
        check_log(sandbox, log, tally);
        if (i % 4 == 0) check_after_append(sandbox, log, maker, tally);
    }
    CHECK(tally.exercises == kLogs * 6);
    // Every kind of advice was compared, not just the common ones.
    for (const char* action : {"add_reps", "add_weight", "keep", "deload", "rest"}) {
        INFO(action);
        CHECK(tally.actions[action] >= 5);
    }
    CHECK(tally.plan_items == kLogs * 5);
    WARN("compared " << tally.exercises << " exercises in " << kLogs << " logs ("
                     << tally.plan_items << " in the plan), " << tally.appended
                     << " after a log; actions " << actions_text(tally.actions));
}
