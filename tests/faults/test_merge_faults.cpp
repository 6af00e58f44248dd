// liftlog merge when things go wrong: a full disk, a write that stops
// half-way, a failing fsync, the log locked by another process, a source that
// cannot be read or is gone. Each leaves the log byte-identical (or, when the
// cut back is refused, says what remains), exits 1 with one error, and a
// merge run again afterwards adds exactly what is missing.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "fault_support.hpp"
#include "harness.hpp"
#include "support.hpp"

namespace {

namespace fs = std::filesystem;

const std::string kToday = "2026-11-23";

// The laptop's log: two records of its own and one the phone has too.
std::string laptop_log() {
    return faults::record_line("00000000000000a1", "2026-11-10", "deadlift", 5) + "\n" +
           faults::record_line("00000000000000a2", "2026-11-12", "back-extension", 12) + "\n";
}

// The phone's: the shared record, and the new shapes of issue 13.
std::string phone_log() {
    return faults::record_line("00000000000000a1", "2026-11-10", "deadlift", 5) + "\n" +
           R"({"v":2,"id":"00000000000000b1","time":"2026-11-14T10:00:00+00:00","date":"2026-11-14","exercise":"plank","sets":[{"seconds":60,"load":{"kind":"bw"}},{"seconds":60,"load":{"kind":"bw"}}]})"
           "\n"
           R"({"v":1,"id":"00000000000000b2","time":"2026-11-15T10:00:00+00:00","date":"2026-11-15","exercise":"squat","sets":[{"reps":5,"load":{"kind":"external","value":100,"unit":"kg"}}]})"
           "\n"
           R"({"v":1,"id":"00000000000000b3","time":"2026-11-16T10:00:00+00:00","voids":"00000000000000b2"})"
           "\n";
}

constexpr std::size_t kMissing = 3;  // phone records the laptop lacks

struct MergeBox {
    e2e::Sandbox sandbox;
    fs::path phone = sandbox.dir() / "phone.jsonl";
    MergeBox() {
        sandbox.write_file(sandbox.log(), laptop_log());
        sandbox.write_file("phone.jsonl", phone_log());
    }
    e2e::RunResult merge(const std::vector<std::string>& extra = {}) const {
        std::vector<std::string> args{"merge", phone.string()};
        args.insert(args.end(), extra.begin(), extra.end());
        return sandbox.run(args);
    }
};

void check_failed(const e2e::RunResult& result) {
    INFO("stdout: " << result.out << "\nstderr: " << result.err);
    CHECK(result.status == 1);
    CHECK(result.out.empty());
    CHECK(e2e::is_single_error(result.err));
    CHECK(e2e::count_of(result.err, "\n") == 1);
}

// A merge after the fault adds the missing records, each once, after `before`;
// a second adds nothing.
void check_rerun_completes(const MergeBox& box, const std::string& before) {
    const auto retry = box.merge();
    INFO("retry stderr: " << retry.err);
    CHECK(retry.status == 0);
    CHECK(e2e::contains(retry.out, "Merged 2 records and 1 void from"));
    CHECK(e2e::contains(retry.out, "1 already here"));
    const std::string after = box.sandbox.read_log();
    REQUIRE(after.size() > before.size());
    CHECK(after.substr(0, before.size()) == before);
    CHECK(e2e::count_of(after.substr(before.size()), "\n") == kMissing);
    const auto again = box.merge();
    CHECK(again.status == 0);
    CHECK(e2e::contains(again.out, "Merged 0 records and 0 voids"));
    CHECK(box.sandbox.read_log() == after);
    const auto check = box.sandbox.run({"check", "--today", kToday});
    INFO("check: " << check.out << check.err);
    CHECK(check.status == 0);
}

// Whether `pid` waits for a lock in /proc/locks (a line "N: -> FLOCK ... PID ...").
bool waits_for_lock(pid_t pid) {
    std::ifstream locks("/proc/locks");
    std::string line;
    const std::string needle = " " + std::to_string(pid) + " ";
    while (std::getline(locks, line))
        if (line.find("->") != std::string::npos && line.find(needle) != std::string::npos)
            return true;
    return false;
}

}  // namespace

TEST_CASE("a merge whose write fails leaves the log byte-identical, and completes when run again",
          "[faults][write][merge]") {
    const auto variant = GENERATE(as<std::string>{}, "LIFTLOG_SHIM_SHORT_WRITE",
                                  "LIFTLOG_SHIM_ENOSPC", "LIFTLOG_SHIM_FSYNC_EIO");
    const auto cause = variant == "LIFTLOG_SHIM_SHORT_WRITE"
                           ? std::string("only part of the record")
                       : variant == "LIFTLOG_SHIM_ENOSPC" ? std::string("No space left on device")
                                                          : std::string("Input/output error");
    const bool torn_tail = GENERATE(false, true);
    INFO(variant << (torn_tail ? ", log ending in a torn line" : ""));
    MergeBox box;
    if (torn_tail) box.sandbox.write_file(box.sandbox.log(), laptop_log() + R"({"v":1,"id":"0)");
    const std::string before = box.sandbox.read_log();
    box.sandbox.set_env("LD_PRELOAD", LIFTLOG_FAULT_SHIM);
    box.sandbox.set_env(variant, "1");
    const auto result = box.merge();
    check_failed(result);
    CHECK(e2e::contains(result.err, "cannot write to the log " + box.sandbox.log().string()));
    CHECK(e2e::contains(result.err, cause));
    CHECK(e2e::contains(result.err, "the log was left as it was"));
    CHECK(box.sandbox.read_log() == before);
    // The source is only read.
    CHECK(e2e::read_file(box.phone) == phone_log());

    box.sandbox.set_env("LD_PRELOAD", "");
    box.sandbox.set_env(variant, "");
    if (!torn_tail) {
        check_rerun_completes(box, before);
    } else {
        // The torn line is closed by the newline the merge writes first.
        const auto retry = box.merge();
        CHECK(retry.status == 0);
        const std::string after = box.sandbox.read_log();
        CHECK(after.substr(0, before.size()) == before);
        CHECK(e2e::count_of(after.substr(before.size()), "\n") == kMissing + 1);
    }
}

TEST_CASE("a merge whose failed write cannot be cut back says what remains",
          "[faults][write][merge]") {
    // Append-only file on a full disk: the error says how many bytes remain,
    // never that the log was left as it was; a merge run again (the partial
    // last line is torn, so it does not count) adds each missing record once.
    MergeBox box;
    const std::string before = box.sandbox.read_log();
    box.sandbox.set_env("LD_PRELOAD", LIFTLOG_FAULT_SHIM);
    box.sandbox.set_env("LIFTLOG_SHIM_ENOSPC", "1");
    box.sandbox.set_env("LIFTLOG_SHIM_FTRUNCATE_EPERM", "1");
    const auto result = box.merge();
    check_failed(result);
    CHECK_FALSE(e2e::contains(result.err, "left as it was"));
    CHECK(e2e::contains(result.err, "liftlog check"));
    const std::string damaged = box.sandbox.read_log();
    CHECK(damaged.substr(0, before.size()) == before);
    const std::string remains = damaged.substr(before.size());
    CHECK(e2e::contains(result.err, std::to_string(remains.size()) + " bytes"));
    CHECK(e2e::contains(result.err, "from byte " + std::to_string(before.size())));

    box.sandbox.set_env("LD_PRELOAD", "");
    box.sandbox.set_env("LIFTLOG_SHIM_ENOSPC", "");
    box.sandbox.set_env("LIFTLOG_SHIM_FTRUNCATE_EPERM", "");
    const auto retry = box.merge();
    INFO("retry: " << retry.out << retry.err);
    CHECK(retry.status == 0);
    const auto ids = faults::read_back(box.sandbox.log()).ids;
    for (const char* id : {"00000000000000a1", "00000000000000a2", "00000000000000b1",
                           "00000000000000b2", "00000000000000b3"})
        CHECK(std::count(ids.begin(), ids.end(), id) == 1);
}

TEST_CASE("a merge waits for another process's lock, and writes nothing if the log changed",
          "[faults][lock][merge]") {
    const bool other_writes = GENERATE(false, true);
    INFO((other_writes ? "the lock holder appends a record" : "the lock holder writes nothing"));
    MergeBox box;
    const std::string before = box.sandbox.read_log();
    const int held = ::open(box.sandbox.log().c_str(), O_RDWR | O_APPEND | O_CLOEXEC);
    REQUIRE(held >= 0);
    REQUIRE(::flock(held, LOCK_EX) == 0);

    faults::Spawn spec;
    spec.argv = {LIFTLOG_BINARY, "--log", box.sandbox.log().string(), "--today",
                 kToday,         "merge", box.phone.string()};
    spec.env = faults::clean_env(box.sandbox.dir());
    spec.cwd = box.sandbox.dir();
    spec.out_path = box.sandbox.dir() / "merge.out";
    spec.err_path = box.sandbox.dir() / "merge.err";
    const pid_t pid = faults::start(spec);
    bool waiting = false;
    for (int i = 0; i < 1000 && !waiting; ++i) {
        waiting = waits_for_lock(pid);
        if (!waiting) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    CHECK(waiting);
    CHECK(box.sandbox.read_log() == before);  // nothing written while the lock is held

    const std::string other =
        faults::record_line("00000000000000c1", "2026-11-20", "back-extension", 10) + "\n";
    if (other_writes)
        REQUIRE(::write(held, other.data(), other.size()) == static_cast<ssize_t>(other.size()));
    REQUIRE(::flock(held, LOCK_UN) == 0);
    ::close(held);
    const int status = faults::wait_for(pid);
    const std::string out = faults::read_file(spec.out_path);
    const std::string err = faults::read_file(spec.err_path);
    INFO("stdout: " << out << "\nstderr: " << err);
    if (!other_writes) {
        CHECK(status == 0);
        CHECK(err.empty());
        const std::string after = box.sandbox.read_log();
        CHECK(after.substr(0, before.size()) == before);
        CHECK(e2e::count_of(after.substr(before.size()), "\n") == kMissing);
        return;
    }
    // The log is not what the merge judged against: nothing is written.
    CHECK(status == 1);
    CHECK(out.empty());
    CHECK(e2e::is_single_error(err));
    CHECK(e2e::contains(err, "nothing was written; run the command again"));
    CHECK(box.sandbox.read_log() == before + other);
    check_rerun_completes(box, before + other);
}

TEST_CASE("a merge of a source that is gone or cannot be read writes nothing", "[faults][merge]") {
    MergeBox box;
    const std::string before = box.sandbox.read_log();
    SECTION("gone before the merge starts") {
        fs::remove(box.phone);
        const auto result = box.merge();
        INFO("stderr: " << result.err);
        CHECK(result.status == 2);  // a file named on the command line that does not exist
        CHECK(result.out.empty());
        CHECK(e2e::is_single_error(result.err));
        CHECK(e2e::contains(result.err, box.phone.string() + ": no such file"));
        CHECK(box.sandbox.read_log() == before);
        faults::write_file(box.phone, phone_log());
        check_rerun_completes(box, before);
    }
    SECTION("one of several sources is gone: nothing is merged from the others either") {
        const fs::path missing = box.sandbox.dir() / "tablet.jsonl";
        const auto result = box.sandbox.run({"merge", box.phone.string(), missing.string()});
        CHECK(result.status == 2);
        CHECK(result.out.empty());
        CHECK(e2e::is_single_error(result.err));
        CHECK(box.sandbox.read_log() == before);
    }
    SECTION("a directory") {
        fs::remove(box.phone);
        fs::create_directory(box.phone);
        const auto result = box.merge();
        INFO("stderr: " << result.err);
        CHECK(result.status == 2);
        CHECK(result.out.empty());
        CHECK(e2e::is_single_error(result.err));
        CHECK(e2e::contains(result.err, box.phone.string() + ": it is a directory"));
        // The hint is about merge's argument, not --log.
        CHECK_FALSE(e2e::contains(result.err, "--log"));
        CHECK(box.sandbox.read_log() == before);
    }
    SECTION("the source replaced by a rename before the merge: the new file is read") {
        faults::write_file(
            box.sandbox.dir() / "new.jsonl",
            faults::record_line("00000000000000d1", "2026-11-21", "deadlift", 3) + "\n");
        fs::rename(box.sandbox.dir() / "new.jsonl", box.phone);
        const auto result = box.merge();
        CHECK(result.status == 0);
        CHECK(e2e::contains(result.out, "Merged 1 record and 0 voids"));
    }
}

TEST_CASE("a merge of a source without read permission writes nothing", "[faults][merge]") {
    // Permission bits do not stop root, so as root the run goes as nobody.
    faults::TempDir dir;
    const fs::path log = dir.path() / "log.jsonl";
    const fs::path phone = dir.path() / "phone.jsonl";
    faults::write_file(log, laptop_log());
    faults::write_file(phone, phone_log());
    std::optional<uid_t> uid;
    if (::geteuid() == 0) {
        uid = 65534;
        for (const auto& entry : fs::recursive_directory_iterator(dir.path()))
            REQUIRE(::lchown(entry.path().c_str(), *uid, *uid) == 0);
        REQUIRE(::lchown(dir.path().c_str(), *uid, *uid) == 0);
        const auto probe = faults::run_liftlog(dir.path(), {"--version"}, {}, uid);
        if (probe.status == faults::kCannotSwitchUser) {
            WARN("running as root and cannot switch users: skipped");
            return;
        }
    }
    fs::permissions(phone, fs::perms::none, fs::perm_options::replace);
    const std::vector<std::string> args{"--log", log.string(), "--today",
                                        kToday,  "merge",      phone.string()};
    const auto result = faults::run_liftlog(dir.path(), args, {}, uid);
    INFO("stderr: " << result.err);
    CHECK(result.status == 1);
    CHECK(result.out.empty());
    CHECK(e2e::is_single_error(result.err));
    CHECK(e2e::contains(result.err, "cannot read " + phone.string() + ": Permission denied"));
    // The source is not the log: the message does not call it that.
    CHECK_FALSE(e2e::contains(result.err, "the log " + phone.string()));
    CHECK(faults::read_file(log) == laptop_log());

    fs::permissions(phone, fs::perms::owner_read | fs::perms::owner_write,
                    fs::perm_options::replace);
    const auto retry = faults::run_liftlog(dir.path(), args, {}, uid, "retry");
    CHECK(retry.status == 0);
    const std::string after = faults::read_file(log);
    CHECK(after.starts_with(laptop_log()));
    CHECK(e2e::count_of(after.substr(laptop_log().size()), "\n") == kMissing);
}

TEST_CASE("a log merged into itself gains nothing, by any name", "[faults][merge]") {
    MergeBox box;
    box.sandbox.write_file("data/liftlog/link.jsonl", "");
    fs::remove(box.sandbox.dir() / "data/liftlog/link.jsonl");
    fs::create_symlink(box.sandbox.log(), box.sandbox.dir() / "data/liftlog/link.jsonl");
    const std::string before = box.sandbox.read_log();
    for (const std::string& name :
         {box.sandbox.log().string(), std::string("data/liftlog/log.jsonl"),
          std::string("./data/liftlog/../liftlog/log.jsonl"),
          (box.sandbox.dir() / "data/liftlog/link.jsonl").string()}) {
        INFO(name);
        const auto result = box.sandbox.run({"merge", name});
        CHECK(result.status == 0);
        CHECK(result.err.empty());
        CHECK(e2e::contains(result.out, "Merged 0 records and 0 voids"));
        CHECK(e2e::contains(result.out, "2 already here"));
        CHECK(box.sandbox.read_log() == before);
    }
}

TEST_CASE("a merge of a CSV export is refused with a pointer to import", "[faults][merge]") {
    MergeBox box;
    const std::string before = box.sandbox.read_log();
    box.sandbox.write_file("strong.jsonl",
                           "Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n"
                           "2026-11-01 10:00:00,A,Squat (Barbell),1,100,5\n");
    const auto result = box.sandbox.run({"merge", (box.sandbox.dir() / "strong.jsonl").string()});
    INFO("stderr: " << result.err);
    CHECK(result.status == 2);
    CHECK(result.out.empty());
    CHECK(e2e::is_single_error(result.err));
    CHECK(e2e::count_of(result.err, "\n") == 1);
    CHECK(e2e::contains(result.err, "not a liftlog log"));
    CHECK(e2e::contains(result.err, "liftlog import"));
    CHECK(box.sandbox.read_log() == before);
}

TEST_CASE("a merge through the user's own symlinked log writes the file it leads to",
          "[faults][merge][permissions]") {
    MergeBox box;
    // The log kept in a synced folder, reached through a symlink at the usual place.
    const fs::path synced = box.sandbox.dir() / "sync" / "log.jsonl";
    faults::write_file(synced, laptop_log());
    fs::remove(box.sandbox.log());
    fs::create_symlink(synced, box.sandbox.log());

    SECTION("a failing write leaves the target as it was, and the symlink in place") {
        box.sandbox.set_env("LD_PRELOAD", LIFTLOG_FAULT_SHIM);
        box.sandbox.set_env("LIFTLOG_SHIM_ENOSPC", "1");
        const auto result = box.merge();
        check_failed(result);
        CHECK(e2e::contains(result.err, "the log was left as it was"));
        CHECK(faults::read_file(synced) == laptop_log());
        CHECK(fs::is_symlink(box.sandbox.log()));
        box.sandbox.set_env("LD_PRELOAD", "");
        box.sandbox.set_env("LIFTLOG_SHIM_ENOSPC", "");
    }
    const auto result = box.merge();
    INFO("stderr: " << result.err);
    CHECK(result.status == 0);
    CHECK(result.err.empty());
    CHECK(fs::is_symlink(box.sandbox.log()));
    const std::string after = faults::read_file(synced);
    CHECK(after.starts_with(laptop_log()));
    CHECK(e2e::count_of(after.substr(laptop_log().size()), "\n") == kMissing);
}
