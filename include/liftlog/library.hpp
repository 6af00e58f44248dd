#pragma once
// The exercises and plans in use: the built-in ones, overridden by the user's.
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "liftlog/exercise.hpp"
#include "liftlog/plan.hpp"

namespace liftlog {

enum class DefinitionKind { exercise, plan };

// The text of one definition file and where it came from (for messages).
struct DefinitionSource {
    std::string origin;  // a path, or "built-in:exercises/x.json"
    DefinitionKind kind;
    std::string content;
};

class Library {
  public:
    // Parses every source in order; a later source with the same id replaces an
    // earlier one. Throws DefinitionError prefixed with the origin of the bad file.
    static Library build(std::span<const DefinitionSource> sources);

    // Every problem in `sources` rather than the first: each file on its own,
    // then the references between the files that are sound. Each message starts
    // with the origin of the file at fault.
    static std::vector<std::string> problems(std::span<const DefinitionSource> sources);

    const std::map<std::string, Exercise>& exercises() const { return exercises_; }
    const std::map<std::string, Plan>& plans() const { return plans_; }

    // Looks an exercise up by id, name or alias, ignoring case, and treating
    // spaces and underscores as hyphens. nullptr when nothing matches.
    const Exercise* find_exercise(std::string_view query) const;
    // As find_exercise, but throws UsageError with "did you mean" hints.
    const Exercise& exercise(std::string_view query) const;
    const Plan& plan(std::string_view id) const;

    // Where a definition came from, for messages.
    const std::string& origin_of(const std::string& id, DefinitionKind kind) const;

  private:
    void add(const DefinitionSource& source);
    void check_references_and_index();
    std::vector<std::string> exercise_names() const;

    std::map<std::string, Exercise> exercises_;
    std::map<std::string, Plan> plans_;
    std::map<std::string, std::string> exercise_origins_;
    std::map<std::string, std::string> plan_origins_;
    std::map<std::string, std::string> lookup_;
    // Ids in the order their (final) definitions were added, so a name clash
    // blames the later file, which is the user's rather than the built-in one.
    std::vector<std::string> exercise_order_;  // normalised id/name/alias -> id
};

}  // namespace liftlog
