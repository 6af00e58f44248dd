// The files helper: whole-or-nothing writes with one mode policy, and
// bounded reads that never hang on a FIFO.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "liftlog/error.hpp"
#include "liftlog/files.hpp"
#include "liftlog/record_status.hpp"
#include "temp_dir.hpp"

using namespace liftlog;
namespace fs = std::filesystem;

namespace {

unsigned mode_of(const fs::path& path) {
    struct stat status {};
    REQUIRE(::stat(path.c_str(), &status) == 0);
    return status.st_mode & 0777;
}

}  // namespace

TEST_CASE("files: an atomic write replaces the file whole, private, and leaves no temporary",
          "[files]") {
    TempDir dir;
    const fs::path file = dir.path / "state.json";
    write_file_atomically(file, "first", Durability::synced);
    write_file_atomically(file, "second", Durability::disposable);
    CHECK(read_file_bounded(file, 100).content == "second");
    CHECK(mode_of(file) == kPrivateFileMode);
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
}

TEST_CASE("files: IfExists::refuse leaves an existing file as it was", "[files]") {
    TempDir dir;
    const fs::path file = dir.path / "custom.json";
    std::ofstream(file) << "theirs";
    CHECK_THROWS_AS(write_file_atomically(file, "ours", Durability::synced, IfExists::refuse),
                    Failure);
    CHECK(read_file_bounded(file, 100).content == "theirs");
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
}

TEST_CASE("files: a bounded read says what was wrong", "[files]") {
    TempDir dir;
    const fs::path file = dir.path / "big";
    std::ofstream(file) << std::string(1000, 'x');
    CHECK(read_file_bounded(file, 1000).content.size() == 1000);
    CHECK(read_file_bounded(file, 999).problem == FileRead::Problem::too_large);
    CHECK(read_file_bounded(dir.path / "none", 10).problem == FileRead::Problem::missing);
    CHECK(read_file_bounded(dir.path, 10).problem == FileRead::Problem::directory);
    const fs::path fifo = dir.path / "fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK(read_file_bounded(fifo, 10).problem == FileRead::Problem::not_regular);
}

TEST_CASE("files: private directories are made 0700, each missing one", "[files]") {
    TempDir dir;
    create_private_directories(dir.path / "a" / "b", "for the test");
    CHECK(mode_of(dir.path / "a") == kPrivateDirectoryMode);
    CHECK(mode_of(dir.path / "a" / "b") == kPrivateDirectoryMode);
    std::ofstream(dir.path / "file") << "";
    CHECK_THROWS_AS(create_private_directories(dir.path / "file" / "c", "for the test"), Failure);
}

TEST_CASE("record_status: void, withdrawn, after today, counts, in that order", "[records]") {
    const Date today = *parse_date("2026-11-23");
    const std::unordered_set<std::string> ids = {"withdrawn-id"};
    const WithdrawnIds withdrawn(ids);
    Record record;
    record.id = "plain-id";
    record.date = today;
    CHECK(record_status(record, today, withdrawn) == RecordStatus::counts);
    record.date = today + std::chrono::days{1};
    CHECK(record_status(record, today, withdrawn) == RecordStatus::after_today);
    record.id = "withdrawn-id";
    CHECK(record_status(record, today, withdrawn) == RecordStatus::withdrawn);
    record.voids = "plain-id";
    CHECK(record_status(record, today, withdrawn) == RecordStatus::void_record);
    CHECK_FALSE(record_counts(record, today, withdrawn));
}
