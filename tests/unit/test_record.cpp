#include <catch2/catch.hpp>

#include "liftlog/record.hpp"
#include "liftlog/record_reader.hpp"

using namespace liftlog;

namespace {

Record sample_record() {
    Record record;
    record.id = "0123456789abcdef";
    record.time = "2026-11-23T18:30:00+01:00";
    record.date = *parse_date("2026-11-23");
    record.exercise = "deadlift";
    record.sets = {{5, Load::external(6000, Unit::kg), true},
                   {5, Load::external(10250, Unit::kg), false},
                   {3, Load::external(22500, Unit::lb), false}};
    record.rpe = 8.5;
    record.note = "grip \"slipped\" \\ on set 3\nnext line 💪 שלום";
    record.pain = true;
    record.light = true;
    return record;
}

void check_same(const Record& a, const Record& b) {
    CHECK(a.version == b.version);
    CHECK(a.id == b.id);
    CHECK(a.time == b.time);
    CHECK(a.date == b.date);
    CHECK(a.exercise == b.exercise);
    CHECK(a.sets == b.sets);
    CHECK(a.rpe == b.rpe);
    CHECK(a.note == b.note);
    CHECK(a.pain == b.pain);
    CHECK(a.light == b.light);
    CHECK(a.unknown_fields == b.unknown_fields);
}

}  // namespace

TEST_CASE("a record survives a write and a read unchanged", "[record]") {
    const Record record = sample_record();
    const std::string line = serialize_record(record);
    CHECK(line.find('\n') == std::string::npos);
    check_same(parse_record(line), record);
}

TEST_CASE("the line has the documented shape", "[record]") {
    Record record;
    record.id = "ab";
    record.time = "2026-11-23T08:00:00+00:00";
    record.date = *parse_date("2026-11-22");
    record.exercise = "back-extension";
    record.sets = {{12, Load::bodyweight(), false}, {10, Load::added(250, Unit::kg), false}};
    CHECK(serialize_record(record) ==
          R"({"v":1,"id":"ab","time":"2026-11-23T08:00:00+00:00","date":"2026-11-22",)"
          R"("exercise":"back-extension","sets":[{"reps":12,"load":{"kind":"bw"}},)"
          R"({"reps":10,"load":{"kind":"added","value":2.5,"unit":"kg"}}]})");
}

TEST_CASE("unknown fields are kept through a round trip", "[record]") {
    const std::string line =
        R"({"v":1,"id":"x","time":"t","date":"2026-01-02","exercise":"pull-up",)"
        R"("sets":[{"reps":8,"load":{"kind":"bw"}}],"device":{"name":"watch"}})";
    const Record record = parse_record(line);
    CHECK(record.unknown_fields["device"]["name"] == "watch");
    CHECK(serialize_record(record).find(R"("device":{"name":"watch"})") != std::string::npos);
}

TEST_CASE("lines that are not usable records say why", "[record]") {
    const auto reason = [](const std::string& line) {
        try {
            parse_record(line);
        } catch (const RecordError& error) {
            return std::string(error.what());
        }
        return std::string("accepted");
    };
    const std::string sets = R"("sets":[{"reps":5,"load":{"kind":"bw"}}])";
    const std::string head = R"({"v":1,"id":"x","time":"t","date":"2026-01-02","exercise":"e",)";
    CHECK_THAT(reason("not json"), Catch::Contains("not valid JSON"));
    CHECK_THAT(reason("[1,2]"), Catch::Contains("JSON object"));
    CHECK_THAT(reason(R"({"id":"x"})"), Catch::Contains("missing field 'v'"));
    CHECK_THAT(reason(R"({"v":3,"id":"x"})"), Catch::Contains("newer than this liftlog"));
    CHECK_THAT(reason(R"({"v":"1"})"), Catch::Contains("'v'"));
    CHECK_THAT(reason(head + R"("sets":[]})"), Catch::Contains("non-empty array"));
    CHECK_THAT(reason(head + R"("sets":[{"reps":-1,"load":{"kind":"bw"}}]})"),
               Catch::Contains("reps"));
    CHECK_THAT(reason(head + R"("sets":[{"load":{"kind":"bw"}}]})"),
               Catch::Contains("missing field 'reps'"));
    CHECK_THAT(reason(head + R"("sets":[{"reps":5,"seconds":60,"load":{"kind":"bw"}}]})"),
               Catch::Contains("no 'reps'"));
    CHECK_THAT(reason(head + R"("sets":[{"seconds":0,"load":{"kind":"bw"}}]})"),
               Catch::Contains("'seconds'"));
    CHECK_THAT(
        reason(head +
               R"("sets":[{"distance":{"value":40,"unit":"parsec"},"load":{"kind":"bw"}}]})"),
        Catch::Contains("m, km, yd, ft or mi"));
    CHECK_THAT(reason(head + R"("sets":[{"reps":5,"type":"warmup","load":{"kind":"bw"}}]})"),
               Catch::Contains("drop or failure"));
    CHECK_THAT(reason(head + R"("sets":[{"reps":5,"rpe":11,"load":{"kind":"bw"}}]})"),
               Catch::Contains("set 'rpe'"));
    CHECK_THAT(reason(head + R"("sets":[{"reps":5,"load":{"kind":"moon"}}]})"),
               Catch::Contains("unknown load kind"));
    CHECK_THAT(
        reason(head + R"("sets":[{"reps":5,"load":{"kind":"external","value":-1,"unit":"kg"}}]})"),
        Catch::Contains("positive"));
    CHECK_THAT(
        reason(head + R"("sets":[{"reps":5,"load":{"kind":"external","value":5,"unit":"st"}}]})"),
        Catch::Contains("kg or lb"));
    CHECK_THAT(reason(head + sets + R"(,"rpe":11})"), Catch::Contains("rpe"));
    CHECK_THAT(reason(head + sets + R"(,"pain":"yes"})"), Catch::Contains("pain"));
    CHECK_THAT(reason(head + sets + R"(,"light":1})"),
               Catch::Contains("'light' must be true or false"));
    CHECK_THAT(
        reason(R"({"v":1,"id":"x","time":"t","date":"2026-02-30","exercise":"e",)" + sets + "}"),
        Catch::Contains("calendar date"));
    CHECK_THAT(reason(head + sets + ",\"note\":\"\xff\"}"), Catch::Contains("not valid JSON"));
    CHECK(reason(head + sets + "}") == "accepted");
}

TEST_CASE("a pause at the top is version 2 and read the same by both readers",
          "[record][record-model]") {
    Record record = sample_record();
    record.exercise = "back-extension";
    SetEntry paused(12, Load::bodyweight());
    paused.pause_seconds = 3;
    record.sets = {paused, SetEntry(10, Load::added(500, Unit::kg))};
    record.note = "plain";  // the fast reader leaves escaped text to the full parser
    CHECK(required_version(record) == 2);
    const std::string line = serialize_record(record);
    CHECK(line.starts_with(R"({"v":2,)"));
    CHECK(line.find(R"({"reps":12,"load":{"kind":"bw"},"pause":3})") != std::string::npos);
    check_same(parse_record(line), record);
    Record fast;
    REQUIRE(parse_canonical_record(line, fast));
    CHECK(fast.sets == record.sets);

    auto with_pause = [&](const std::string& pause) {
        std::string changed = line;
        changed.replace(changed.find(R"("pause":3)"), 9, R"("pause":)" + pause);
        return changed;
    };
    for (const char* bad : {"0", "61", "2.5", "\"3\"", "-1"}) {
        INFO(bad);
        CHECK_THROWS_WITH(parse_record(with_pause(bad)), Catch::Contains("'pause'"));
        Record ignored;
        CHECK_FALSE(parse_canonical_record(with_pause(bad), ignored));
    }
    const std::string timed =
        R"({"v":2,"id":"t","time":"2026-11-23T08:00:00+00:00","date":"2026-11-22",)"
        R"("exercise":"plank","sets":[{"seconds":60,"load":{"kind":"bw"},"pause":3}]})";
    CHECK_THROWS_WITH(parse_record(timed),
                      Catch::Contains("a timed or distance set has no 'pause'"));
    Record ignored;
    CHECK_FALSE(parse_canonical_record(timed, ignored));
}
