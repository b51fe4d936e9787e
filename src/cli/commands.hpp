#pragma once
// The `okr` command-line tool, as functions that return what the tool prints and its exit
// status, so that tests run the commands without a process. main() only reads the clock
// for the default date and writes the output.
//
//   okr check FILE [--today YYYY-MM-DD]
//   okr report FILE [--today YYYY-MM-DD] [--json]
//   okr report FILE --markdown [--cycle CYCLE_ID]
//   okr merge A B [-o OUT]
//   okr merge-driver BASE OURS THEIRS      (git's merge driver: %O %A %B)
//   okr team FILE TEAM_ID [--cycle CYCLE_ID] [-o OUT]
//   okr csv key-results FILE [-o OUT]
//   okr csv check-ins FILE [-o OUT]
//   okr import-check-ins FILE CSV [-o OUT]

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

enum class Command { help, check, report, merge, merge_driver, csv_key_results, csv_check_ins, import_check_ins,
                     team };

struct Arguments {
    Command command = Command::help;
    std::vector<std::string> files;  // as many as the command takes, in the order given
    Date today;
    bool json = false;
    bool markdown = false;  // report's --markdown
    std::string output;  // -o of merge, team, csv and import-check-ins; empty for standard output
    std::string team;    // team's TEAM_ID
    std::string cycle;   // team's --cycle (empty for every cycle); report's (empty for the current one)
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
// The cycle report (core/cycle_report.hpp) as Markdown on `out`, of `cycle`, or when it is
// empty of the active cycle (else the one that starts last). Exit 1, with the reason on
// `err` and nothing on `out`, when the file is refused or holds no such cycle.
Output markdown_report_command(std::string_view name, std::string_view bytes, const std::string& cycle);

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

// The canonical export of `team`'s part of the file (core/team_part.hpp), of one cycle unless
// `cycle` is empty, on `out`; on `err`, how many objectives are the team's and how many come
// along because they are referred to. Exit 1, with the reason on `err` and nothing on `out`,
// when the file is refused or holds no such team or cycle (the message lists those it holds).
Output team_command(std::string_view name, std::string_view bytes, const std::string& team,
                    const std::string& cycle);
// The same on a file: writes to `output_path` (atomically), or to `out` when it is empty.
Output team_file(const std::string& path, const std::string& team, const std::string& cycle,
                 const std::string& output_path);

// `okr csv key-results` (Command::csv_key_results) and `okr csv check-ins`: the file's key
// results or check-ins as CSV (core/csv_export.hpp) on `out`. Exit 1, with every problem on
// `err` and nothing on `out`, when the file is refused.
Output csv_command(Command table, std::string_view name, std::string_view bytes);
// The same on files: writes the CSV to `output_path` (atomically), or to `out` when it is empty.
Output csv_file(Command table, const std::string& path, const std::string& output_path);

// The canonical export of the workspace with the CSV's check-ins added (core/csv_import.hpp)
// on `out`; on `err`, how many were added and already present, and the CSV's warnings. Exit
// 1, with every problem on `err` (row and column for the CSV) and nothing on `out`, when
// either is refused. Rows without a recorded_at cell are stamped `now`.
Output import_check_ins_command(std::string_view name, std::string_view bytes, std::string_view csv_name,
                                std::string_view csv, const Timestamp& now);
// The same on files: writes to `output_path` (atomically), or to `out` when it is empty.
// Nothing is written when either file is refused.
Output import_check_ins_files(const std::string& path, const std::string& csv_path, const std::string& output_path,
                              const Timestamp& now);

// Parses, reads the file and runs the command. `now` stamps the check-ins that
// import-check-ins adds; no other command reads it.
Output run(const std::vector<std::string>& args, Date local_today, const Timestamp& now);
// The same for callers without a clock: import-check-ins then stamps its check-ins with the
// start of `local_today` in UTC.
Output run(const std::vector<std::string>& args, Date local_today);

}  // namespace okr::cli
