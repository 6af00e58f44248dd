#pragma once
// An export read a chunk at a time (`liftlog import` reads the file so, one
// buffer at a time): only the record being read and what the import keeps
// of the rows before it are held, never the whole file. Pure.
#include <cstddef>
#include <memory>
#include <string_view>

#include "liftlog/import.hpp"

namespace liftlog {

// The most data rows one import reads: three times a very large export (27 MB,
// 80,000 records of 4 sets, 320,000 rows: two workouts a day for 18 years);
// a larger file can be imported in parts.
inline constexpr std::size_t kMaxImportRows = 1'000'000;

class ImportStream {
  public:
    explicit ImportStream(const ImportOptions& options);
    ~ImportStream();
    ImportStream(const ImportStream&) = delete;
    ImportStream& operator=(const ImportStream&) = delete;

    // The next bytes of the file, split anywhere. Throws ImportError for a
    // file that cannot be imported (the header, CSV, UTF-8, a field, row or
    // file past the limits); rows that cannot be read are collected as bad.
    void feed(std::string_view chunk);
    // The end of the file: what was read. Throws ImportError as feed does,
    // and for a file without a header.
    ParsedImport finish();

  private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace liftlog
