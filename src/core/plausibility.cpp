#include "liftlog/plausibility.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace liftlog {

namespace {

// The heaviest loaded working set of `record`, if it has one.
const SetEntry* heaviest_set(const Record& record) {
    const SetEntry* heaviest = nullptr;
    for (const auto& set : record.sets)
        if (record_rules::is_loaded_work(set) &&
            (!heaviest ||
             record_rules::kilograms(set.load) > record_rules::kilograms(heaviest->load)))
            heaviest = &set;
    return heaviest;
}

std::optional<std::string> load_doubt(const Record& record, const PersonalRecords& records) {
    const SetEntry* set = heaviest_set(record);
    if (!set) return std::nullopt;
    // Without history there is nothing to compare with: a first entry is
    // whatever the lifter can do.
    const auto before = heaviest_of_other_records(records, record.id);
    if (!before) return std::nullopt;
    // A factor of assistance says nothing: less help is the way up.
    if (!carries_volume(set->load) || !carries_volume(before->set.load)) return std::nullopt;
    const double best = record_rules::kilograms(before->set.load);
    if (!(record_rules::kilograms(set->load) > kImplausibleLoadFactor * best)) return std::nullopt;
    return fmt::format("{} is more than {}x the heaviest logged before ({} on {})",
                       describe_load(set->load), kImplausibleLoadFactor,
                       describe_load(before->set.load), format_date(before->date));
}

std::optional<std::string> sets_doubt(const Exercise& exercise, const Record& record) {
    const auto working = std::count_if(record.sets.begin(), record.sets.end(),
                                       [](const SetEntry& set) { return !set.warmup; });
    const int most = exercise.prescription.sets.max;
    if (most < 1 || working <= kImplausibleSetsFactor * most) return std::nullopt;
    return fmt::format("{} working sets is more than {}x the {} prescribed at most", working,
                       kImplausibleSetsFactor, most);
}

}  // namespace

std::vector<std::string> implausible_entry_doubts(const Exercise& exercise, const Record& record,
                                                  const PersonalRecords& records) {
    std::vector<std::string> doubts;
    if (auto doubt = load_doubt(record, records)) doubts.push_back(*doubt);
    if (auto doubt = sets_doubt(exercise, record)) doubts.push_back(*doubt);
    return doubts;
}

}  // namespace liftlog
