#pragma once
// Reading and writing the files the commands work on.

#include <optional>
#include <string>
#include <string_view>

namespace okr::cli {

// The whole file, or null when it cannot be read (missing, a folder, unreadable).
std::optional<std::string> read_file(const std::string& path);

// Replaces `path` with `bytes` so that a crash or a full disk leaves either the old file or
// the whole new one, never a part: the bytes go to a new file in the same folder, which is
// flushed to disk and renamed over `path`. An existing file keeps its permissions.
// Returns null on success, else what failed.
std::optional<std::string> write_atomically(const std::string& path, std::string_view bytes);

}  // namespace okr::cli
