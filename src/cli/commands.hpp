#pragma once
// The `okr` command-line tool, as functions that return what the tool prints and its exit
// status, so that tests run the commands without a process. main() only reads the clock
// for the default date and writes the output.
//
//   okr check FILE [--today YYYY-MM-DD]
//   okr report FILE [--today YYYY-MM-DD] [--json]
//   okr merge A B [-o OUT]
//   okr merge-driver BASE OURS THEIRS      (git's merge driver: %O %A %B)

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/date.hpp"

namespace okr::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_problems = 1;  // a refused file, or an error-level finding
inline constexpr int exit_usage = 2;     // bad arguments, or a file that cannot be read or written

struct Output {
    int exit_code = exit_ok;
    std::string out;  // standard output
    std::string err;  // standard error
};

enum class Command { help, check, report, merge, merge_driver };

struct Arguments {
    Command command = Command::help;
    std::vector<std::string> files;  // as many as the command takes, in the order given
    Date today;
    bool json = false;
    std::string output;  // merge's -o; empty for standard output
};

struct UsageError {
    std::string message;
};

std::string usage();

// `args` excludes the program name. `local_today` is the default for --today.
std::variant<Arguments, UsageError> parse_arguments(const std::vector<std::string>& args, Date local_today);

// `name` labels the file in messages; `bytes` is its content.
Output check_command(std::string_view name, std::string_view bytes, Date today);
Output report_command(std::string_view name, std::string_view bytes, Date today, bool json);

// The canonical export of the two workspaces merged on `out`; on `err`, what `b` changes in
// `a` and every conflict, one a line. Exit 1, with every problem on `err`, if either is
// refused. The export is the same whichever of the two comes first.
Output merge_command(std::string_view name_a, std::string_view a, std::string_view name_b, std::string_view b);

// `okr merge` on files: writes the export to `output_path` (atomically), or to `out` when
// it is empty. Nothing is written when a file is refused.
Output merge_files(const std::string& a, const std::string& b, const std::string& output_path);

// git's merge driver: writes the merge of `ours` and `theirs` over `ours` and exits 0, or
// leaves `ours` as it was and exits 1 when a side is refused, so that git reports a
// conflict. The base is read only to report it (see merge.cpp).
Output merge_driver(const std::string& base, const std::string& ours, const std::string& theirs);

// Parses, reads the file and runs the command.
Output run(const std::vector<std::string>& args, Date local_today);

}  // namespace okr::cli
