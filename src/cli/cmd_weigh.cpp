// liftlog weigh [WEIGHT]: append a body weight, or show the latest one.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <ostream>

#include "commands.hpp"
#include "invocation.hpp"
#include "liftlog/error.hpp"
#include "liftlog/text.hpp"
#include "output.hpp"

namespace liftlog::cli {

namespace {

// Wide enough for any adult lifter; a weight outside is a typing slip
// (82.5 typed as 8.25 or 825) that would skew every bodyweight number.
constexpr double kLightestKilograms = 20.0;
constexpr double kHeaviestKilograms = 400.0;
constexpr const char* kWeighExample = "liftlog weigh 82.5kg";

[[noreturn]] void refuse_weight(const std::string& token, const std::string& why) {
    throw UsageError(
        fmt::format("WEIGHT '{}': {}; write the weight with at most two decimals and "
                    "an optional unit, for example `{}`",
                    escape_for_terminal(token.substr(0, 40)), why, kWeighExample));
}

BodyWeight parse_weight(const std::string& token, Unit default_unit) {
    std::string_view text = token;
    Unit unit = default_unit;
    for (const Unit candidate : {Unit::kg, Unit::lb}) {
        if (text.ends_with(unit_name(candidate))) {
            unit = candidate;
            text.remove_suffix(unit_name(candidate).size());
            break;
        }
    }
    const auto hundredths = parse_amount(text);
    if (!hundredths) refuse_weight(token, "not a weight");
    const BodyWeight weight{*hundredths, unit};
    const double kilograms = body_weight_kilograms(weight);
    if (kilograms <= kLightestKilograms || kilograms > kHeaviestKilograms + 1e-9)
        refuse_weight(token,
                      fmt::format("a body weight must be above {} kg and at most {} kg (881.84 lb)",
                                  kLightestKilograms, kHeaviestKilograms));
    return weight;
}

std::string weight_text(const BodyWeight& weight) {
    return fmt::format("{} {}", format_amount(weight.hundredths), unit_name(weight.unit));
}

Date weigh_date(const WeighArguments& args, Date today) {
    if (!args.date_given) return today;
    const auto date = parse_date(args.date);
    if (!date) throw UsageError(fmt::format("--date {}: {}", args.date, not_a_date_hint(today)));
    if (*date > today)
        throw UsageError(
            fmt::format("--date {}: that is after today ({}); weigh in once it is done", args.date,
                        format_date(today)));
    return *date;
}

// Everything is checked before the log is touched, so a refused weighing
// leaves the file byte-identical.
Record build_weighing(const WeighArguments& args, const Settings& settings) {
    Record record;
    record.time = settings.clock.timestamp();
    record.body_weight = parse_weight(args.weight, settings.unit.value_or(Unit::kg));
    record.date = weigh_date(args, settings.today());
    if (!is_valid_utf8(args.note))
        throw UsageError("--note: not valid UTF-8 text; check your terminal's encoding");
    if (args.note.size() > kMaxNoteBytes)
        throw UsageError(fmt::format("--note: {} bytes is too long; a note holds at most {} bytes",
                                     args.note.size(), kMaxNoteBytes));
    if (args.note_given) record.note = args.note;
    record.id = settings.clock.new_record_id();
    return record;
}

void show_latest(Log& log, const Output& output) {
    const auto latest = log.body_weights().latest();
    if (output.format() == OutputFormat::json) {
        nlohmann::ordered_json result = {{"bodyweight", nullptr}};
        if (latest)
            result["bodyweight"] = {{"date", format_date(latest->date)},
                                    {"value", static_cast<double>(latest->weight.hundredths) / 100},
                                    {"unit", unit_name(latest->weight.unit)}};
        return print_json(output.out(), result);
    }
    if (!latest) {
        output.out() << fmt::format("No body weight logged yet; `{}` adds one\n", kWeighExample);
        return;
    }
    output.out() << fmt::format("Body weight: {} on {}\n", weight_text(latest->weight),
                                format_date(latest->date));
}

}  // namespace

void run_weigh(const WeighArguments& args, Log& log, const Settings& settings,
               const Output& output) {
    if (args.weight.empty()) return show_latest(log, output);
    const Record record = build_weighing(args, settings);
    log.append(record);
    if (output.format() == OutputFormat::json)
        return print_json(output.out(),
                          {{"record", nlohmann::ordered_json::parse(serialize_record(record))}});
    output.out() << fmt::format("Weighed {} on {} (id {})\n", weight_text(*record.body_weight),
                                format_date(record.date), record.id);
}

Runner add_weigh_command(CLI::App& app) {
    auto args = std::make_shared<WeighArguments>();
    CLI::App* command = app.add_subcommand("weigh", "Log your body weight, or show the latest one");
    command->add_option("weight", args->weight,
                        "Body weight: 82.5kg, 181lb, or a number in the default unit");
    command->add_option("-d,--date", args->date, "Day weighed, YYYY-MM-DD (default: today)")
        ->each([args](const std::string&) { args->date_given = true; });
    command->add_option("-n,--note", args->note, "A note to keep with the weight")
        ->each([args](const std::string&) { args->note_given = true; });
    command->footer(
        "Bodyweight exercises count the latest body weight on or before each session\n"
        "in their volume and e1RM.\n"
        "Examples:\n"
        "  liftlog weigh 82.5kg\n"
        "  liftlog weigh 181lb --date 2026-11-20\n"
        "  liftlog weigh");
    return [args](Invocation& run) { run_weigh(*args, run.log(), run.settings(), run.output()); };
}

}  // namespace liftlog::cli
