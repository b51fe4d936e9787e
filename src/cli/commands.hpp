#pragma once
// The `okr` command-line tool, as functions that return what the tool prints and its exit
// status, so that tests run the commands without a process. main() only reads the clock
// for the default date and writes the output.
//
//   okr check FILE [--today YYYY-MM-DD]
//   okr report FILE [--today YYYY-MM-DD] [--json]

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/date.hpp"

namespace okr::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_problems = 1;  // a refused file, or an error-level finding
inline constexpr int exit_usage = 2;     // bad arguments, or a file that cannot be read

struct Output {
    int exit_code = exit_ok;
    std::string out;  // standard output
    std::string err;  // standard error
};

enum class Command { help, check, report };

struct Arguments {
    Command command = Command::help;
    std::string file;
    Date today;
    bool json = false;
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

// Parses, reads the file and runs the command.
Output run(const std::vector<std::string>& args, Date local_today);

}  // namespace okr::cli
