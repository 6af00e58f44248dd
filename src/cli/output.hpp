#pragma once
// Text tables and JSON printing shared by the commands.
#include <iosfwd>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "liftlog/progression.hpp"

namespace liftlog::cli {

// Left-aligned columns separated by two spaces; headers in capitals.
class Table {
  public:
    explicit Table(std::vector<std::string> headers);
    void add_row(std::vector<std::string> cells);
    void print(std::ostream& out) const;
    bool empty() const { return rows_.size() <= 1; }  // the header is not a row

  private:
    std::vector<std::vector<std::string>> rows_;
};

void print_json(std::ostream& out, const nlohmann::ordered_json& value);

// "add_weight 3x10@+2.5kg", "rest until 2026-11-30, then 3x5@105kg".
std::string suggestion_summary(const Suggestion& suggestion);

// "Next time: ..." and the reason, indented, for the text outputs.
void print_suggestion(std::ostream& out, const Suggestion& suggestion);

}  // namespace liftlog::cli
