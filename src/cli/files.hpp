#pragma once
// Reading and writing the files the commands work on.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "cli/commands.hpp"

namespace okr::cli {

// The whole file, or null when it cannot be read (missing, a folder, unreadable).
std::optional<std::string> read_file(const std::string& path);

// The files' contents in order, or the message for the first that cannot be read.
std::variant<std::vector<std::string>, Output> read_files(std::initializer_list<std::string> paths);

// Replaces `path` with `bytes` so that a crash or a full disk leaves either the old file or
// the whole new one, never a part: the bytes go to a new file in the same folder, which is
// flushed to disk and renamed over `path`. An existing file keeps its permissions.
// Returns null on success, else what failed.
std::optional<std::string> write_atomically(const std::string& path, std::string_view bytes);

// What a command that writes a file gives: `output` itself when it failed or `output_path`
// is empty; else its standard output written to `output_path` instead, or exit 2 and nothing
// written when that fails.
Output with_output_file(Output output, const std::string& output_path);

}  // namespace okr::cli
