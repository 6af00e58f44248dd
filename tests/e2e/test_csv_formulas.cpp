// `history` and `progress` CSV opened in a spreadsheet: free text that would
// run as a formula is shown as text (a quote in front, OWASP's advice), numbers
// are never touched, --raw-csv gives the cells exactly, and JSON stays exact.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "harness.hpp"
#include "support.hpp"

using e2e::contains;
using e2e::kToday;
using e2e::parse_json;

namespace {

// Each as a note, and the first also as an exercise id and a record id.
const std::vector<std::string> kFormulas = {R"csv(=HYPERLINK("http://example.com/x","click"))csv",
                                            "+cmd|' /C calc'!A0",
                                            "-2+3+cmd|' /C calc'!A0",
                                            "@SUM(1+1)*cmd|' /C calc'!A0",
                                            "\t=1+1",
                                            "\r=1+1",
                                            "  =1+1"};

std::string json_string(const std::string& text) {
    return nlohmann::json(text).dump();
}

// The field as RFC 4180 quotes it, with OWASP's single quote in front.
std::string neutralised(const std::string& text) {
    std::string field = "\"'";
    for (char c : text) {
        if (c == '"') field += '"';
        field += c;
    }
    return field + '"';
}

void seed_formula_log(const e2e::Sandbox& sandbox) {
    std::string log;
    for (std::size_t i = 0; i < kFormulas.size(); ++i)
        log += e2e::record_line("000000000000000" + std::to_string(i + 1),
                                "2026-11-1" + std::to_string(i), "deadlift",
                                e2e::external_sets(1, 5, 95),
                                R"(,"note":)" + json_string(kFormulas[i])) +
               "\n";
    log += e2e::record_line("=2+2", "2026-11-18", "=1+1", e2e::external_sets(1, 5, 50)) + "\n";
    sandbox.write_file("data/liftlog/log.jsonl", log);
}

std::size_t neutralised_count(const std::string& csv) {
    std::size_t count = 0;
    for (const auto& formula : kFormulas) count += contains(csv, neutralised(formula)) ? 1 : 0;
    return count;
}

}  // namespace

TEST_CASE("history CSV: every formula in a note is shown as text", "[e2e][csv][formulas]") {
    e2e::Sandbox sandbox;
    seed_formula_log(sandbox);
    const auto result = sandbox.run({"history", "-O", "csv", "--today", kToday});
    REQUIRE(result.status == 0);
    CHECK(neutralised_count(result.out) == kFormulas.size());
    const auto lines = e2e::split_lines(result.out);
    // The exercise and the record id of the hand-written line, too; the
    // numbers beside them are as they were.
    CHECK(contains(
        result.out,
        "2026-11-18,\"'=1+1\",1,5,50,external,kg,false,,false,,\"'=2+2\",false,,,,normal,,\n"));
    CHECK(contains(result.out, "2026-11-10,deadlift,1,5,95,external,kg,false,,false,"));
}

TEST_CASE("history CSV: --raw-csv keeps every cell as stored", "[e2e][csv][formulas]") {
    e2e::Sandbox sandbox;
    seed_formula_log(sandbox);
    const auto raw = sandbox.run({"history", "-O", "csv", "--raw-csv", "--today", kToday});
    REQUIRE(raw.status == 0);
    CHECK(neutralised_count(raw.out) == 0);
    CHECK(contains(raw.out, R"csv(,"=HYPERLINK(""http://example.com/x"",""click"")",)csv"));
    CHECK(contains(raw.out,
                   "2026-11-18,=1+1,1,5,50,external,kg,false,,false,,=2+2,false,,,,normal,,\n"));
    const auto text = sandbox.run({"history", "--raw-csv", "--today", kToday});
    CHECK(text.status == 2);
    CHECK(e2e::is_single_error(text.err));
    CHECK(contains(text.err, "--raw-csv: only changes CSV; add --format csv"));
}

TEST_CASE("history JSON lines keep formulas exactly, for scripts", "[e2e][csv][formulas]") {
    e2e::Sandbox sandbox;
    seed_formula_log(sandbox);
    const auto result = sandbox.run({"history", "-O", "jsonl", "--today", kToday});
    REQUIRE(result.status == 0);
    const auto lines = e2e::split_lines(result.out);
    REQUIRE(lines.size() == kFormulas.size() + 1);
    for (std::size_t i = 0; i < kFormulas.size(); ++i)
        CHECK(parse_json(lines[i])["note"] == kFormulas[i]);
}

TEST_CASE("progress CSV: exercise ids and names that read as formulas are shown as text",
          "[e2e][csv][formulas]") {
    e2e::Sandbox sandbox;
    seed_formula_log(sandbox);
    sandbox.write_file("extra/sum-row.json",
                       e2e::exercise_definition("sum-row", "@SUM(1+1)*cmd|' /C calc'!A0"));
    std::string log = sandbox.read_log();
    log += e2e::record_line("0000000000000009", "2026-11-19", "sum-row",
                            e2e::external_sets(1, 8, 30)) +
           "\n";
    sandbox.write_file("data/liftlog/log.jsonl", log);
    const std::string extra = (sandbox.dir() / "extra").string();
    const auto result =
        sandbox.run({"progress", "-O", "csv", "--exercises", extra, "--today", kToday});
    REQUIRE(result.status == 0);
    CHECK(contains(result.out, "\n\"'=1+1\",\"'=1+1\",1,"));
    CHECK(contains(result.out, "\nsum-row,\"'@SUM(1+1)*cmd|' /C calc'!A0\",1,"));
    const auto raw = sandbox.run(
        {"progress", "-O", "csv", "--raw-csv", "--exercises", extra, "--today", kToday});
    CHECK(contains(raw.out, "\nsum-row,@SUM(1+1)*cmd|' /C calc'!A0,1,"));
}
