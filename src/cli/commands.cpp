#include "cli/commands.hpp"

#include <optional>

#include "cli/files.hpp"
#include "cli/text.hpp"
#include "core/coach.hpp"
#include "core/import.hpp"

namespace okr::cli {
namespace {

std::optional<Command> command_named(std::string_view name)
{
    if (name == "check")
        return Command::check;
    if (name == "report")
        return Command::report;
    if (name == "merge")
        return Command::merge;
    if (name == "merge-driver")
        return Command::merge_driver;
    if (name == "team")
        return Command::team;
    if (name == "import-check-ins")
        return Command::import_check_ins;
    if (name == "help" || name == "--help" || name == "-h")
        return Command::help;
    return std::nullopt;
}

// `okr csv TABLE ...`: the word after csv says which table to write.
std::variant<Command, UsageError> csv_table_named(const std::vector<std::string>& args)
{
    const std::string table = args.size() > 1 ? args[1] : "";
    if (table == "key-results")
        return Command::csv_key_results;
    if (table == "check-ins")
        return Command::csv_check_ins;
    const std::string given = table.empty() ? "" : ", not '" + table + "'";
    return UsageError{"csv writes key-results or check-ins" + given + ": okr csv key-results FILE [-o OUT]"};
}

// How many files a command takes, and what to say when they are too few or too many.
struct FileCount {
    size_t count;
    const char* missing;
    const char* too_many;
};

FileCount file_count(Command command)
{
    if (command == Command::merge)
        return {2, "which two files? okr merge A B [-o OUT]", "merge takes two files"};
    if (command == Command::merge_driver)
        return {3, "merge-driver takes the three files git passes: BASE OURS THEIRS (%O %A %B)",
                "merge-driver takes three files"};
    if (command == Command::import_check_ins)
        return {2, "which files? okr import-check-ins FILE CSV [-o OUT]", "import-check-ins takes two files"};
    // The second is a team id, not a file: parse_arguments moves it to Arguments::team.
    if (command == Command::team)
        return {2, "which file and team? okr team FILE TEAM_ID [--cycle CYCLE_ID] [-o OUT]",
                "team takes a file and a team id"};
    return {1, "which file? give the path of an OKR cascade file", "one file at a time"};
}

// An option given to a command that would ignore it is a mistake worth saying.
std::optional<UsageError> misplaced(std::string_view option, Command command)
{
    const bool dated = command == Command::check || command == Command::report;
    const bool writes_a_file = command == Command::merge || command == Command::team ||
                               command == Command::csv_key_results || command == Command::csv_check_ins ||
                               command == Command::import_check_ins;
    if ((option == "--json" || option == "--markdown") && command != Command::report)
        return UsageError{std::string(option) + " goes with report"};
    if (option == "--today" && !dated)
        return UsageError{"--today goes with check and report"};
    if ((option == "-o" || option == "--output") && !writes_a_file)
        return UsageError{std::string(option) + " goes with merge, team, csv and import-check-ins"};
    if (option == "--cycle" && command != Command::team && command != Command::report)
        return UsageError{"--cycle goes with team and report --markdown"};
    return std::nullopt;
}

// The value after the option at `i`, stepping over it; null when the arguments end first.
const std::string* value_after(const std::vector<std::string>& args, size_t& i)
{
    return i + 1 < args.size() ? &args[++i] : nullptr;
}

// Reads the options from `args[first]` on; the other arguments are the files.
std::optional<UsageError> read_options(const std::vector<std::string>& args, size_t first, Arguments& parsed)
{
    for (size_t i = first; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (auto error = misplaced(arg, parsed.command))
            return error;
        if (arg == "--json") {
            parsed.json = true;
        } else if (arg == "--markdown") {
            parsed.markdown = true;
        } else if (arg == "--today") {
            const std::string* text = value_after(args, i);
            if (!text)
                return UsageError{"--today needs a date (YYYY-MM-DD)"};
            const auto date = Date::parse(*text);
            if (!date)
                return UsageError{"--today needs an existing date written as YYYY-MM-DD, not '" + *text + "'"};
            parsed.today = *date;
        } else if (arg == "-o" || arg == "--output") {
            const std::string* path = value_after(args, i);
            if (!path)
                return UsageError{arg + " needs the path of the file to write"};
            parsed.output = *path;
        } else if (arg == "--cycle") {
            const std::string* cycle = value_after(args, i);
            if (!cycle)
                return UsageError{"--cycle needs the id of a cycle"};
            parsed.cycle = *cycle;
        } else if (arg.starts_with("-")) {
            return UsageError{"unknown option " + arg};
        } else {
            parsed.files.push_back(arg);
        }
    }
    return std::nullopt;
}

std::optional<UsageError> check_file_count(const Arguments& parsed)
{
    const FileCount expected = file_count(parsed.command);
    if (parsed.files.size() > expected.count)
        return UsageError{std::string(expected.too_many) + ": '" + parsed.files[expected.count] + "' is one too many"};
    if (parsed.files.size() < expected.count)
        return UsageError{expected.missing};
    return std::nullopt;
}

std::string summary_line(size_t warnings, const std::vector<Finding>& findings)
{
    size_t errors = 0;
    for (const Finding& finding : findings)
        errors += finding.severity == Severity::error ? 1 : 0;
    return std::to_string(warnings) + " import warnings, " + std::to_string(findings.size()) + " coach findings (" +
           std::to_string(errors) + " errors)\n";
}

}  // namespace

std::string usage()
{
    return "usage: okr check FILE [--today YYYY-MM-DD]\n"
           "       okr report FILE [--today YYYY-MM-DD] [--json]\n"
           "       okr report FILE --markdown [--cycle CYCLE_ID]\n"
           "       okr merge A B [-o OUT]\n"
           "       okr merge-driver BASE OURS THEIRS\n"
           "       okr team FILE TEAM_ID [--cycle CYCLE_ID] [-o OUT]\n"
           "       okr csv key-results FILE [-o OUT]\n"
           "       okr csv check-ins FILE [-o OUT]\n"
           "       okr import-check-ins FILE CSV [-o OUT]\n"
           "\n"
           "check   prints the file's validation problems and the coach's findings;\n"
           "        exits 1 when the file is refused or a finding is an error\n"
           "report  prints each key result's progress, status, pace and forecast, each\n"
           "        objective's progress and the findings, as a table or as JSON; with\n"
           "        --markdown, a cycle's report (objectives by team, scores, grades and\n"
           "        retrospectives) of the active cycle, or of CYCLE_ID\n"
           "merge   writes the merge of A and B to OUT (default: standard output), the same\n"
           "        whichever comes first; a summary and each conflict go to standard error;\n"
           "        exits 1, writing nothing, when a file is refused\n"
           "merge-driver\n"
           "        for git, which passes %O %A %B: writes the merge of OURS and THEIRS over\n"
           "        OURS and exits 0, or leaves OURS as it was and exits 1 when a side is refused\n"
           "team    writes the team's part of FILE to OUT (default: standard output): its\n"
           "        objectives (of one cycle with --cycle) with their key results, check-ins and\n"
           "        tasks, its KPIs and retrospectives, and what they refer to; it merges back\n"
           "        with okr merge; exits 1, listing the teams of FILE, for an unknown team\n"
           "csv     writes FILE's key results (with progress and status) or its check-ins as CSV\n"
           "        for spreadsheets to OUT (default: standard output)\n"
           "import-check-ins\n"
           "        writes FILE with the check-ins of CSV added to OUT (default: standard output);\n"
           "        exits 1, writing nothing, with each problem of CSV by row and column\n"
           "--today the date to judge pace and due check-ins by (default: today's local date)\n";
}

std::variant<Arguments, UsageError> parse_arguments(const std::vector<std::string>& args, Date local_today)
{
    if (args.empty())
        return UsageError{"a command is needed"};
    std::optional<Command> command = command_named(args.front());
    size_t first_option = 1;
    if (args.front() == "csv") {
        const auto table = csv_table_named(args);
        if (const auto* error = std::get_if<UsageError>(&table))
            return *error;
        command = std::get<Command>(table);
        first_option = 2;
    }
    if (!command)
        return UsageError{"unknown command '" + args.front() + "'"};

    Arguments parsed;
    parsed.command = *command;
    parsed.today = local_today;
    if (parsed.command == Command::help)
        return parsed;

    if (auto error = read_options(args, first_option, parsed))
        return *error;
    if (auto error = check_file_count(parsed))
        return *error;
    if (parsed.command == Command::team) {
        parsed.team = parsed.files.back();
        parsed.files.pop_back();
    }
    if (parsed.command == Command::report && !parsed.cycle.empty() && !parsed.markdown)
        return UsageError{"--cycle goes with team and report --markdown"};
    if (parsed.markdown && parsed.json)
        return UsageError{"report writes --json or --markdown, not both"};
    return parsed;
}

Output check_command(std::string_view name, std::string_view bytes, Date today)
{
    const ImportResult imported = import_workspace(bytes);
    if (imported.refused())
        return refused(name, imported);

    Output output;
    for (const Problem& warning : imported.warnings)
        output.out += problem_line("warning", warning) + "\n";
    const std::vector<Finding> findings = coach_findings(*imported.workspace, today);
    for (const Finding& finding : findings)
        output.out += finding_line(finding) + "\n";

    output.out += std::string(name) + ": " + summary_line(imported.warnings.size(), findings);
    output.exit_code = has_error(findings) ? exit_problems : exit_ok;
    return output;
}

Output run(const std::vector<std::string>& args, Date local_today)
{
    constexpr int64_t ms_per_day = 86'400'000;
    return run(args, local_today, Timestamp::from_unix_ms(int64_t{local_today.days()} * ms_per_day));
}

Output run(const std::vector<std::string>& args, Date local_today, const Timestamp& now)
{
    const auto parsed = parse_arguments(args, local_today);
    if (const auto* error = std::get_if<UsageError>(&parsed))
        return {exit_usage, "", "okr: " + error->message + "\n" + usage()};

    const Arguments& arguments = std::get<Arguments>(parsed);
    const std::vector<std::string>& files = arguments.files;
    if (arguments.command == Command::help)
        return {exit_ok, usage(), ""};
    if (arguments.command == Command::merge)
        return merge_files(files[0], files[1], arguments.output);
    if (arguments.command == Command::merge_driver)
        return merge_driver(files[0], files[1], files[2]);
    if (arguments.command == Command::team)
        return team_file(files[0], arguments.team, arguments.cycle, arguments.output);
    if (arguments.command == Command::csv_key_results || arguments.command == Command::csv_check_ins)
        return csv_file(arguments.command, files[0], arguments.output);
    if (arguments.command == Command::import_check_ins)
        return import_check_ins_files(files[0], files[1], arguments.output, now);

    const auto bytes = read_file(files[0]);
    if (!bytes)
        return cannot_read(files[0]);

    if (arguments.command == Command::check)
        return check_command(files[0], *bytes, arguments.today);
    if (arguments.markdown)
        return markdown_report_command(files[0], *bytes, arguments.cycle);
    return report_command(files[0], *bytes, arguments.today, arguments.json);
}

}  // namespace okr::cli
