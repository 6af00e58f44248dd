#pragma once
// What a reused Record may hold from an earlier line: every field set, none
// matching any real line. The fast-path tests read into it to show that no
// stale value survives a parse.
#include <chrono>

#include "liftlog/record.hpp"

namespace liftlog::testing {

inline const Record& dirty_record() {
    static const Record dirty = [] {
        Record record;
        record.version = 99;
        record.id = "dirty-id";
        record.time = "dirty-time";
        record.date = Date{std::chrono::year{2001} / 2 / 3};
        record.exercise = "dirty-exercise";
        record.sets = {{7, Load::added(123, Unit::lb), true}, {3, Load::external(4567, Unit::kg)}};
        record.rpe = 9.5;
        record.note = "dirty note";
        record.pain = true;
        record.voids = "dirty-voids";
        record.body_weight = BodyWeight{8888, Unit::lb};
        record.unknown_fields = {{"dirty", 1}};
        return record;
    }();
    return dirty;
}

}  // namespace liftlog::testing
