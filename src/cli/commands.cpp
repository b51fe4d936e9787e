#include "cli/commands.hpp"

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

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
    if (name == "help" || name == "--help" || name == "-h")
        return Command::help;
    return std::nullopt;
}

// Reads the options after the command; the one positional argument is the file.
std::optional<UsageError> read_options(const std::vector<std::string>& args, Arguments& parsed)
{
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--json") {
            parsed.json = true;
        } else if (arg == "--today") {
            if (i + 1 == args.size())
                return UsageError{"--today needs a date (YYYY-MM-DD)"};
            const auto date = Date::parse(args[++i]);
            if (!date)
                return UsageError{"--today needs an existing date written as YYYY-MM-DD, not '" + args[i] + "'"};
            parsed.today = *date;
        } else if (arg.starts_with("-")) {
            return UsageError{"unknown option " + arg};
        } else if (parsed.file.empty()) {
            parsed.file = arg;
        } else {
            return UsageError{"one file at a time: '" + arg + "' is one too many"};
        }
    }
    return std::nullopt;
}

std::optional<std::string> read_file(const std::string& path)
{
    std::error_code error;
    if (std::filesystem::is_directory(path, error))
        return std::nullopt;
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return std::nullopt;
    std::ostringstream text;
    text << file.rdbuf();
    if (file.bad())
        return std::nullopt;
    return text.str();
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
           "\n"
           "check   prints the file's validation problems and the coach's findings;\n"
           "        exits 1 when the file is refused or a finding is an error\n"
           "report  prints each key result's progress, status, pace and forecast, each\n"
           "        objective's progress and the findings, as a table or as JSON\n"
           "--today the date to judge pace and due check-ins by (default: today's local date)\n";
}

std::variant<Arguments, UsageError> parse_arguments(const std::vector<std::string>& args, Date local_today)
{
    if (args.empty())
        return UsageError{"a command is needed"};
    const auto command = command_named(args.front());
    if (!command)
        return UsageError{"unknown command '" + args.front() + "'"};

    Arguments parsed;
    parsed.command = *command;
    parsed.today = local_today;
    if (parsed.command == Command::help)
        return parsed;

    if (auto error = read_options(args, parsed))
        return *error;
    if (parsed.file.empty())
        return UsageError{"which file? give the path of an OKR cascade file"};
    if (parsed.json && parsed.command != Command::report)
        return UsageError{"--json goes with report"};
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
    const auto parsed = parse_arguments(args, local_today);
    if (const auto* error = std::get_if<UsageError>(&parsed))
        return {exit_usage, "", "okr: " + error->message + "\n" + usage()};

    const Arguments& arguments = std::get<Arguments>(parsed);
    if (arguments.command == Command::help)
        return {exit_ok, usage(), ""};

    const auto bytes = read_file(arguments.file);
    if (!bytes)
        return {exit_usage, "", "okr: cannot read " + arguments.file + "\n"};

    if (arguments.command == Command::check)
        return check_command(arguments.file, *bytes, arguments.today);
    return report_command(arguments.file, *bytes, arguments.today, arguments.json);
}

}  // namespace okr::cli
