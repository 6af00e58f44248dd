// Names, grouping, ids and loads for `liftlog import` (docs/import.md).
#include "liftlog/import.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

#include "liftlog/text.hpp"

namespace liftlog {

namespace {

bool is_ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : text) {
        if (c == ' ' || c == '\t') {
            if (!word.empty()) words.push_back(std::move(word));
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

std::string join_words(const std::vector<std::string>& words) {
    std::string joined;
    for (const auto& word : words) {
        if (!joined.empty()) joined += ' ';
        joined += word;
    }
    return joined;
}

bool uses(const Exercise& exercise, std::string_view equipment) {
    return std::find(exercise.equipment.begin(), exercise.equipment.end(), equipment) !=
           exercise.equipment.end();
}

// Whether the bare name's exercise is the one the app means by "Name
// (Equipment)". "Assisted", "Smith Machine" and anything unknown never are:
// a Smith machine squat is not the barbell squat, and liftlog cannot store
// an assisted (negative) load.
bool equipment_fits(const Exercise& exercise, std::string_view equipment) {
    if (equipment == "barbell" || equipment == "dumbbell" || equipment == "kettlebell")
        return uses(exercise, equipment);
    if (equipment == "cable") return uses(exercise, "cable-machine");
    if (equipment == "band") return uses(exercise, "resistance-band");
    if (equipment == "machine")
        return std::any_of(exercise.equipment.begin(), exercise.equipment.end(),
                           [](const std::string& e) { return e.ends_with("machine"); });
    if (equipment == "bodyweight" || equipment == "weighted")
        return exercise.loading == Loading::bodyweight;
    return false;
}

void hash_field(std::string& key, std::string_view value) {
    key += value;
    key += '\x1f';
}

std::string hex16(std::uint64_t value) {
    return fmt::format("{:016x}", value);
}

Load load_for(const SourceSet& set, Loading loading) {
    if (!set.weight || *set.weight == 0) return Load::bodyweight();
    return loading == Loading::bodyweight ? Load::added(*set.weight, set.unit)
                                          : Load::external(*set.weight, set.unit);
}

}  // namespace

std::string normalise_source_name(std::string_view name) {
    return to_lower(join_words(words_of(name)));
}

std::string exercise_slug(std::string_view name) {
    std::string slug;
    bool pending_hyphen = false;
    for (const char c : name) {
        if (is_ascii_alnum(c)) {
            if (pending_hyphen && !slug.empty()) slug += '-';
            pending_hyphen = false;
            slug += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        } else if (c == '\'' || static_cast<unsigned char>(c) >= 0x80) {
            // "Farmer's Walk" -> farmers-walk; non-ASCII letters are left out
            // ("Bankdrücken" -> bankdrcken) rather than splitting the word.
        } else {
            pending_hyphen = true;
        }
    }
    const std::string hash = hex16(fnv1a64(name)).substr(0, 8);
    if (slug.empty()) return "custom-" + hash;
    // A file name has a limit; a long name keeps its start and a hash of the whole.
    constexpr std::size_t kLongestSlug = 64;
    if (slug.size() > kLongestSlug) {
        slug.resize(kLongestSlug - hash.size() - 1);
        while (!slug.empty() && slug.back() == '-') slug.pop_back();
        slug += '-' + hash;
    }
    return slug;
}

const Exercise* match_exercise_name(const Library& library, std::string_view name) {
    const std::string whole = join_words(words_of(name));
    if (whole.empty()) return nullptr;
    if (const auto* found = library.find_exercise(whole)) return found;
    const auto open = whole.rfind(" (");
    if (whole.back() == ')' && open != std::string::npos && open > 0) {
        const std::string bare = whole.substr(0, open);
        std::string equipment = to_lower(whole.substr(open + 2, whole.size() - open - 3));
        // "(Cable - Straight Bar)": the equipment comes before the attachment.
        if (const auto dash = equipment.find(" - "); dash != std::string::npos)
            equipment.resize(dash);
        const auto words = words_of(bare);
        // "Bench Press (Dumbbell)": "dumbbell bench press", "bench dumbbell press".
        for (std::size_t at = 0; at < words.size(); ++at) {
            auto with = words;
            with.insert(with.begin() + static_cast<std::ptrdiff_t>(at), equipment);
            if (const auto* found = library.find_exercise(join_words(with))) return found;
        }
        if (const auto* found = library.find_exercise(bare);
            found != nullptr && equipment_fits(*found, equipment))
            return found;
    }
    // "Machine Triceps Pushdown": an equipment word in front of a library name.
    const auto words = words_of(whole);
    if (words.size() > 1) {
        auto rest = words;
        rest.erase(rest.begin());
        if (const auto* found = library.find_exercise(join_words(rest));
            found != nullptr && equipment_fits(*found, to_lower(words.front())))
            return found;
    }
    return library.find_exercise(exercise_slug(whole));
}

std::map<std::string, std::string> parse_name_map(std::string_view json_text,
                                                  const Library& library) {
    nlohmann::json map;
    try {
        map = nlohmann::json::parse(json_text);
    } catch (const nlohmann::json::exception& error) {
        throw ImportError(0, fmt::format("not valid JSON ({}); write an object like "
                                         "{{\"Bench Press (Barbell)\": \"bench-press\"}}",
                                         error.what()));
    }
    if (!map.is_object())
        throw ImportError(
            0, "must be a JSON object like {\"Bench Press (Barbell)\": \"bench-press\"}");
    std::vector<std::string> ids;
    for (const auto& [id, exercise] : library.exercises()) ids.push_back(id);
    std::map<std::string, std::string> names;
    for (const auto& [name, value] : map.items()) {
        if (!value.is_string())
            throw ImportError(
                0, fmt::format("\"{}\": the value must be an exercise id in quotes", name));
        const auto target = value.get<std::string>();
        const Exercise* exercise = library.find_exercise(target);
        if (exercise == nullptr) {
            const std::string hint = did_you_mean(closest_matches(target, ids));
            throw ImportError(0, fmt::format("\"{}\" maps to '{}', which is not in the library{} "
                                             "Use an exercise id that 'liftlog list' shows.",
                                             name, target, hint.empty() ? "." : hint));
        }
        names[normalise_source_name(name)] = exercise->id;
    }
    return names;
}

std::string_view match_kind_name(MatchKind kind) {
    switch (kind) {
        case MatchKind::library:
            return "library";
        case MatchKind::user_map:
            return "map";
        case MatchKind::custom:
            return "custom";
        case MatchKind::new_custom:
            break;
    }
    return "new custom";
}

SharedText TextPool::text(std::string_view text) {
    auto found = texts_.find(text);
    if (found == texts_.end()) found = texts_.emplace(text).first;
    return SharedText(&*found);
}

void SetNotes::add(TextPool& pool, std::string_view note) {
    if (note.empty()) return;
    if (notes_[0].empty())
        notes_[0] = pool.text(note);
    else if (notes_[1].empty())
        notes_[1] = pool.text(note);
    else
        notes_[1] = pool.text(fmt::format("{}; {}", notes_[1].str(), note));
}

void SourceSets::push_back(SourceSet set) {
    if (size_ == chunks_.size() * kChunk) chunks_.push_back(std::make_unique<SourceSet[]>(kChunk));
    (*this)[size_++] = std::move(set);
}

void SourceSets::drop_from(std::size_t n) {
    for (std::size_t i = n; i < size_; ++i) (*this)[i] = SourceSet{};
    size_ = std::min(size_, n);
    chunks_.resize((size_ + kChunk - 1) / kChunk);
}

void SourceSets::release() {
    chunks_.clear();
    chunks_.shrink_to_fit();
    size_ = 0;
}

namespace {

// Where a group comes from in the source: one exercise of one workout.
std::string slot_key(ImportFormat format, const SourceSet& first) {
    std::string key = "liftlog-import-1\x1f";
    hash_field(key, import_format_name(format));
    hash_field(key, format_date(first.date));
    hash_field(key, first.workout);
    hash_field(key, first.exercise);
    return key;
}

// Everything that identifies a group in the source, without its occurrence.
std::string group_key(ImportFormat format, SetGroup group) {
    std::string key = slot_key(format, *group.front());
    for (const SourceSet* set : group) {
        // A unit the file did not state is left out, so a second import with
        // another --unit still finds the same records.
        hash_field(key, fmt::format("{}|{}|{}|{}", set->reps, set_type_name(set->type),
                                    set->weight ? std::to_string(*set->weight) : "-",
                                    set->unit_stated ? unit_name(set->unit) : "?"));
    }
    return key;
}

constexpr std::size_t kSlotIdLength = 16;
constexpr std::size_t kRecordIdLength = 32;

std::string slot_id(ImportFormat format, const SourceSet& first) {
    return hex16(fnv1a64(slot_key(format, first)));
}

}  // namespace

std::string import_content_id(ImportFormat format, SetGroup group, std::size_t occurrence) {
    std::string key = group_key(format, group);
    hash_field(key, std::to_string(occurrence));
    return hex16(fnv1a64(key));
}

std::string import_record_id(ImportFormat format, SetGroup group, std::size_t occurrence) {
    return slot_id(format, *group.front()) + import_content_id(format, group, occurrence);
}

namespace {

// The sets of each record, in order of the record's first set: one array of
// pointers cut into groups, so 80,000 records cost two allocations, not
// 80,000.
class Groups {
  public:
    explicit Groups(const SourceSets& sets);
    std::size_t size() const { return starts_.size() - 1; }
    SetGroup operator[](std::size_t i) const {
        return SetGroup(sets_).subspan(starts_[i], starts_[i + 1] - starts_[i]);
    }

  private:
    std::vector<const SourceSet*> sets_;
    std::vector<std::size_t> starts_;
};

Groups::Groups(const SourceSets& sets) {
    // Which group each set is in, groups numbered in order of first appearance.
    std::vector<std::size_t> group_of;
    group_of.reserve(sets.size());
    std::vector<std::size_t> counts;
    {
        std::map<std::tuple<Date, SharedText, SharedText>, std::size_t> index;
        for (const auto& set : sets) {
            auto [it, inserted] = index.try_emplace(
                std::make_tuple(set.date, set.workout, set.exercise), counts.size());
            if (inserted) counts.push_back(0);
            ++counts[it->second];
            group_of.push_back(it->second);
        }
    }
    starts_.assign(counts.size() + 1, 0);
    for (std::size_t g = 0; g < counts.size(); ++g) starts_[g + 1] = starts_[g] + counts[g];
    std::vector<std::size_t> next(starts_.begin(), starts_.end() - 1);
    sets_.resize(sets.size());
    std::size_t i = 0;
    for (const auto& set : sets) sets_[next[group_of[i++]]++] = &set;
}

// How one app name is mapped, before any record is counted.
struct Resolved {
    std::string id;
    MatchKind kind = MatchKind::library;
    Loading loading = Loading::external;
};

// A name's sets decide a new custom exercise's loading: body weight when no
// set has a weight, external otherwise.
Loading guess_loading(const ParsedImport& parsed, const std::string& name) {
    for (const auto& set : parsed.sets)
        if (set.exercise == name && set.weight && *set.weight > 0) return Loading::external;
    return Loading::bodyweight;
}

std::optional<double> highest_rpe(SetGroup sets) {
    std::optional<double> rpe;
    for (const SourceSet* set : sets)
        if (set->rpe && valid_rpe(*set->rpe) && (!rpe || *set->rpe > *rpe)) rpe = set->rpe;
    return rpe;
}

std::optional<std::string> joined_notes(SetGroup sets) {
    std::vector<std::string> notes;
    for (const SourceSet* set : sets)
        for (const std::string& note : set->notes)
            if (std::find(notes.begin(), notes.end(), note) == notes.end()) notes.push_back(note);
    if (notes.empty()) return std::nullopt;
    std::string joined;
    for (const auto& note : notes) {
        if (!joined.empty()) joined += "; ";
        joined += note;
    }
    return joined;
}

// The earlier imports still standing in the log, by slot id: the records a
// new import of the same slot with other sets replaces.
std::unordered_map<std::string, std::vector<std::string>> live_imports_by_slot(
    const LogContents* existing) {
    std::unordered_map<std::string, std::vector<std::string>> by_slot;
    if (!existing) return by_slot;
    for (const auto& id : existing->ids)
        if (id.size() == kRecordIdLength &&
            id.find_first_not_of("0123456789abcdef") == std::string::npos &&
            !existing->withdrawn.count(id))
            by_slot[id.substr(0, kSlotIdLength)].push_back(id);
    for (auto& [slot, ids] : by_slot) std::sort(ids.begin(), ids.end());
    return by_slot;
}

bool already_imported(const LogContents* existing, const std::string& id) {
    return existing && (existing->ids.count(id) || existing->ids.count(id.substr(kSlotIdLength)));
}

// Its id depends only on what it withdraws and for what, so an import run
// again after a crash writes the same void.
Record void_for_replacement(const std::string& earlier, const std::string& replacement,
                            const std::string& time) {
    Record withdrawal;
    withdrawal.id = hex16(fnv1a64("liftlog-import-void\x1f" + earlier + "\x1f" + replacement));
    withdrawal.time = time;
    withdrawal.voids = earlier;
    return withdrawal;
}

}  // namespace

ImportPlan plan_import(const ParsedImport& parsed, const ImportContext& context) {
    const Library& library = *context.library;
    ImportPlan plan;

    const Groups groups(parsed.sets);

    // Names, in order of first appearance, cleaned once each: ids still hash
    // the file's own text, so the same file gives the same ids as before.
    std::map<std::string, std::string> clean_names;  // the file's name -> the name kept
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const std::string& raw = groups[g].front()->exercise;
        if (clean_names.count(raw)) continue;
        const CleanedText clean = clean_free_text(raw, kMaxExerciseNameBytes, FreeText::name);
        plan.cleaned_names += clean.removed ? 1 : 0;
        plan.truncated_names += clean.truncated ? 1 : 0;
        // A name of invisible characters alone still needs a name to show.
        const bool blank = join_words(words_of(clean.text)).empty();
        clean_names[raw] = blank ? exercise_slug(raw) : clean.text;
    }
    std::map<std::string, Resolved> resolved;
    std::map<std::string, std::size_t> mapping_index;
    std::map<std::string, std::size_t> custom_by_slug;  // slug -> index into plan.customs
    std::vector<CustomExercise> pending_customs;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const std::string& raw = groups[g].front()->exercise;
        const std::string& name = clean_names.at(raw);
        if (resolved.count(name)) continue;
        Resolved r;
        const auto mapped = context.user_map ? context.user_map->find(normalise_source_name(name))
                                             : std::map<std::string, std::string>::const_iterator();
        if (context.user_map && mapped != context.user_map->end()) {
            r = {mapped->second, MatchKind::user_map,
                 library.exercises().at(mapped->second).loading};
        } else if (const Exercise* exercise = match_exercise_name(library, name)) {
            r = {exercise->id, exercise->custom ? MatchKind::custom : MatchKind::library,
                 exercise->loading};
        } else {
            const std::string slug = exercise_slug(name);
            auto [it, inserted] = custom_by_slug.try_emplace(slug, pending_customs.size());
            if (inserted)
                pending_customs.push_back(
                    {slug, join_words(words_of(name)), guess_loading(parsed, raw), parsed.format});
            r = {slug, MatchKind::new_custom, pending_customs[it->second].loading};
        }
        resolved[name] = r;
        mapping_index[name] = plan.mapping.size();
        plan.mapping.push_back({name, r.id, r.kind, 0, 0, 0});
    }

    const auto live_by_slot = live_imports_by_slot(context.existing);
    // Keyed by a hash of the group key: 64 bits tell 80,000 groups apart.
    std::unordered_map<std::uint64_t, std::size_t> occurrences;
    std::map<std::string, bool> custom_needed;
    plan.records.reserve(groups.size());
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const SetGroup group = groups[g];
        const std::string& name = clean_names.at(group.front()->exercise);
        const Resolved& r = resolved.at(name);
        NameMapping& mapping = plan.mapping[mapping_index.at(name)];
        const std::size_t occurrence = occurrences[fnv1a64(group_key(parsed.format, group))]++;
        Record record;
        record.id = import_record_id(parsed.format, group, occurrence);
        if (already_imported(context.existing, record.id)) {
            ++plan.duplicates;
            ++mapping.duplicates;
            continue;
        }
        if (const auto earlier = live_by_slot.find(record.id.substr(0, kSlotIdLength));
            earlier != live_by_slot.end()) {
            for (const auto& id : earlier->second)
                plan.voids.push_back(void_for_replacement(id, record.id, context.time));
            mapping.replaced += earlier->second.size();
        }
        record.time = context.time;
        record.date = group.front()->date;
        record.exercise = r.id;
        record.sets.reserve(group.size());
        for (const SourceSet* set : group)
            record.sets.push_back(
                {set->reps, load_for(*set, r.loading), set->type == SetType::warmup});
        record.rpe = highest_rpe(group);
        if (const auto note = joined_notes(group)) {
            CleanedText clean = clean_free_text(*note, kMaxNoteBytes, FreeText::note);
            plan.cleaned_notes += clean.removed ? 1 : 0;
            plan.truncated_notes += clean.truncated ? 1 : 0;
            if (!clean.text.empty()) record.note = std::move(clean.text);
        }
        ++mapping.records;
        mapping.sets += record.sets.size();
        plan.sets += record.sets.size();
        if (r.kind == MatchKind::new_custom) custom_needed[r.id] = true;
        plan.records.push_back(std::move(record));
    }
    for (auto& custom : pending_customs)
        if (custom_needed.count(custom.id)) plan.customs.push_back(std::move(custom));
    return plan;
}

std::string custom_exercise_json(const CustomExercise& custom) {
    nlohmann::ordered_json definition = {
        {"id", custom.id},
        {"name", custom.name},
        {"custom", true},
        {"aliases", nlohmann::ordered_json::array()},
        {"description",
         fmt::format("Imported from {} as \"{}\". Edit this file to describe the exercise, or map "
                     "the name to a library exercise with liftlog import --map.",
                     import_format_title(custom.from), custom.name)},
        {"loading", loading_name(custom.loading)}};
    return definition.dump(2) + "\n";
}

}  // namespace liftlog
