// libFuzzer target: the log reader.
// The input as one line must parse or throw RecordError; a parsed record must
// survive serialize -> parse -> serialize unchanged. The input as a whole file
// (held in a memfd, rewritten for every input) goes through read_log.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "liftlog/log_file.hpp"
#include "liftlog/record.hpp"

namespace {

[[noreturn]] void invariant_broken(const char* what, std::string_view detail) {
    std::fprintf(stderr, "fuzz_log_reader: %s\n  %.*s\n", what, static_cast<int>(detail.size()),
                 detail.data());
    std::abort();
}

void check_one_line(std::string_view line) {
    liftlog::Record record;
    try {
        record = liftlog::parse_record(line);
    } catch (const liftlog::RecordError&) {
        return;
    }
    const std::string first = liftlog::serialize_record(record);
    liftlog::Record again;
    try {
        again = liftlog::parse_record(first);
    } catch (const liftlog::RecordError& error) {
        std::fprintf(stderr, "%s\n", error.what());
        invariant_broken("a serialized record is refused", first);
    }
    if (liftlog::serialize_record(again) != first)
        invariant_broken("serialize(parse(serialize(r))) != serialize(r)", first);
}

// One memfd per process, reached by path as read_log wants a path.
const std::string& log_path() {
    static const std::string path = [] {
        const int fd = ::memfd_create("fuzz-log", 0);
        if (fd < 0) {
            std::perror("memfd_create");
            std::abort();
        }
        return "/proc/self/fd/" + std::to_string(fd);
    }();
    return path;
}

void check_file(const std::uint8_t* data, std::size_t size) {
    const std::string& path = log_path();
    const int fd = std::stoi(path.substr(path.rfind('/') + 1));
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, data, size, 0) != static_cast<ssize_t>(size)) {
        std::perror("fuzz_log_reader: cannot write the memfd");
        std::abort();
    }
    std::size_t records = 0;
    std::size_t issues = 0;
    const auto summary = liftlog::read_log(
        path, [&](liftlog::Record&&) { ++records; },
        [&](std::size_t line, const std::string& reason) {
            if (line == 0 || reason.empty())
                invariant_broken("an issue without line or reason", reason);
            ++issues;
        });
    if (!summary.exists || summary.records != records || summary.bad_lines != issues)
        invariant_broken("read_log's summary does not match its callbacks", "");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 65536) return -1;
    check_one_line(std::string_view(reinterpret_cast<const char*>(data), size));
    check_file(data, size);
    return 0;
}
