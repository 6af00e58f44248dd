#pragma once
// Which records count: the one rule that every reader of the log, `undo` and
// `check` share. A training record counts in reports unless a void record
// withdraws it (wherever that void record stands in the file) or it is dated
// after today, so a report pinned with --today is the same whenever it runs.
#include <algorithm>
#include <bitset>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_set>

#include "liftlog/record.hpp"

namespace liftlog {

// The ids that void records withdraw. Nearly every record is not one of them;
// a filter over a cheap hash of the id turns those away before the set (which
// hashes the whole id) is consulted. `ids` must outlive this object.
class WithdrawnIds {
  public:
    explicit WithdrawnIds(const std::unordered_set<std::string>& ids) : ids_(ids) {
        for (const auto& id : ids) filter_.set(slot(id));
    }
    bool contains(const std::string& id) const {
        return !ids_.empty() && filter_.test(slot(id)) && ids_.contains(id);
    }

  private:
    static constexpr std::size_t kFilterBits = std::size_t{1} << 16;
    // The last (up to) 8 bytes and the length, mixed: ids differ at the end.
    static std::size_t slot(std::string_view id) {
        std::uint64_t tail = 0;
        const std::size_t length = std::min<std::size_t>(id.size(), sizeof tail);
        std::memcpy(&tail, id.data() + id.size() - length, length);
        const std::uint64_t mixed = (tail ^ id.size()) * 0x9E3779B97F4A7C15ULL;
        return static_cast<std::size_t>(mixed >> 48);
    }
    const std::unordered_set<std::string>& ids_;
    std::bitset<kFilterBits> filter_;
};

enum class RecordStatus {
    counts,
    void_record,  // withdraws another record; never counts itself
    withdrawn,    // a void record names it
    after_today,  // counts from its date on
};

// In this order: a void record, then a withdrawn one, then a future one.
inline RecordStatus record_status(const Record& record, Date today, const WithdrawnIds& withdrawn) {
    if (is_void(record)) return RecordStatus::void_record;
    if (withdrawn.contains(record.id)) return RecordStatus::withdrawn;
    if (record.date > today) return RecordStatus::after_today;
    return RecordStatus::counts;
}

inline bool record_counts(const Record& record, Date today, const WithdrawnIds& withdrawn) {
    return record_status(record, today, withdrawn) == RecordStatus::counts;
}

}  // namespace liftlog
