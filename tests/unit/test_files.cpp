// The files helper: whole-or-nothing writes with one mode policy, and
// bounded reads that never hang on a FIFO.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
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

namespace {

// Sets the process umask for the duration of a test.
struct Umask {
    mode_t saved;
    explicit Umask(mode_t mask) : saved(::umask(mask)) {}
    ~Umask() { ::umask(saved); }
};

}  // namespace

TEST_CASE("files: directories and files made are private exactly, whatever the umask", "[files]") {
    const mode_t mask = GENERATE(mode_t{0}, mode_t{022}, mode_t{0277}, mode_t{0777});
    INFO("umask " << std::oct << mask);
    TempDir dir;
    const Umask umask(mask);
    create_private_directories(dir.path / "a" / "b", "for the test");
    CHECK(mode_of(dir.path / "a") == kPrivateDirectoryMode);
    CHECK(mode_of(dir.path / "a" / "b") == kPrivateDirectoryMode);
    write_file_atomically(dir.path / "a" / "b" / "file", "content", Durability::disposable);
    CHECK(mode_of(dir.path / "a" / "b" / "file") == kPrivateFileMode);
}

TEST_CASE("files: a private directory is opened only when nobody else can change it", "[files]") {
    TempDir dir;
    const fs::path made = dir.path / "made";
    const PrivateDirectory fresh = open_private_directory(made, true);
    CHECK(fresh.fd.valid());
    CHECK(fresh.distrust.empty());
    CHECK(mode_of(made) == kPrivateDirectoryMode);

    const PrivateDirectory absent = open_private_directory(dir.path / "absent", false);
    CHECK_FALSE(absent.fd.valid());
    CHECK(absent.distrust.empty());
    CHECK_FALSE(fs::exists(dir.path / "absent"));

    ::chmod(made.c_str(), 0777);
    const PrivateDirectory shared = open_private_directory(made, true);
    CHECK_FALSE(shared.fd.valid());
    CHECK(shared.distrust.find("can be written by other users (mode 0777)") != std::string::npos);
    CHECK(mode_of(made) == 0777);  // the user's own choice: not changed behind their back

    const fs::path link = dir.path / "link";
    fs::create_directories(dir.path / "target");
    fs::create_symlink(dir.path / "target", link);
    const PrivateDirectory linked = open_private_directory(link, true);
    CHECK_FALSE(linked.fd.valid());
    CHECK(linked.distrust.find("is a symbolic link") != std::string::npos);
}

TEST_CASE("files: a private read takes only a regular file of the user's with mode 0600",
          "[files]") {
    TempDir dir;
    const UniqueFd fd(::open(dir.path.c_str(), O_RDONLY | O_DIRECTORY));
    REQUIRE(fd.valid());
    write_file_atomically(dir.path / "private", "mine", Durability::disposable);
    CHECK(read_private_file_at(fd.get(), "private", 100).content == "mine");
    std::ofstream(dir.path / "shared") << "theirs";
    ::chmod((dir.path / "shared").c_str(), 0644);
    CHECK(read_private_file_at(fd.get(), "shared", 100).problem == FileRead::Problem::not_private);
    fs::create_symlink(dir.path / "private", dir.path / "link");
    CHECK(read_private_file_at(fd.get(), "link", 100).problem == FileRead::Problem::not_private);
    CHECK(read_private_file_at(fd.get(), "none", 100).problem == FileRead::Problem::missing);
}

TEST_CASE("files: only old temporary files of the given name are taken for orphans", "[files]") {
    TempDir dir;
    const UniqueFd fd(::open(dir.path.c_str(), O_RDONLY | O_DIRECTORY));
    REQUIRE(fd.valid());
    const auto plant = [&](const std::string& name, bool old) {
        std::ofstream(dir.path / name) << "x";
        if (!old) return;
        const timespec long_ago[2] = {{::time(nullptr) - 3600, 0}, {::time(nullptr) - 3600, 0}};
        ::utimensat(AT_FDCWD, (dir.path / name).c_str(), long_ago, 0);
    };
    const std::string orphan = temporary_name_for("histories-1.jsonl", "0123456789abcdef");
    const std::string young = temporary_name_for("histories-2.jsonl", "0123456789abcdef");
    const std::string other = temporary_name_for("custom.json", "0123456789abcdef");
    const std::string legacy = "histories-4.jsonl.12345.tmp";  // an older liftlog's pid name
    const std::string unlike = ".histories-3.jsonl.123.tmp";
    plant(orphan, true);
    plant(young, false);
    plant(other, true);
    plant(unlike, true);
    plant(legacy, true);
    remove_orphaned_temporaries(fd.get(), "histories-", 60);
    CHECK_FALSE(fs::exists(dir.path / orphan));
    CHECK_FALSE(fs::exists(dir.path / legacy));
    CHECK(fs::exists(dir.path / young));
    CHECK(fs::exists(dir.path / other));
    CHECK(fs::exists(dir.path / unlike));
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
